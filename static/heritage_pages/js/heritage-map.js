/* Heritage maps: markers from the page's JSON (#heritage-map-data), tiles from settings (#heritage-map-tiles).
   Progressive enhancement: without JavaScript the map stays hidden and the page's list is complete. */
(function () {
    "use strict";

    function readJson(id) {
        var element = document.getElementById(id);
        return element ? JSON.parse(element.textContent) : null;
    }

    function popupContent(feature) {
        var wrapper = document.createElement("div");
        var title = document.createElement(feature.url ? "a" : "strong");
        title.textContent = feature.title;
        if (feature.url) {
            title.href = feature.url;
        }
        wrapper.appendChild(title);
        if (feature.status) {
            var status = document.createElement("div");
            status.textContent = feature.status;
            wrapper.appendChild(status);
        }
        return wrapper;
    }

    function init() {
        var container = document.getElementById("heritage-map");
        var features = readJson("heritage-map-data");
        var tiles = readJson("heritage-map-tiles");
        if (!container || !features || !features.length || !tiles || typeof L === "undefined") {
            return;
        }
        container.hidden = false;
        var icon = L.icon({
            iconUrl: container.dataset.iconUrl,
            iconRetinaUrl: container.dataset.iconRetinaUrl,
            shadowUrl: container.dataset.shadowUrl,
            iconSize: [25, 41],
            iconAnchor: [12, 41],
            popupAnchor: [1, -34],
            tooltipAnchor: [16, -28],
            shadowSize: [41, 41]
        });
        var map = L.map(container, { scrollWheelZoom: false });
        L.tileLayer(tiles.url, {
            attribution: tiles.attribution,
            maxZoom: 19,
            // Our site sends no Referer cross-origin; OpenStreetMap's tile policy needs one.
            referrerPolicy: "strict-origin-when-cross-origin"
        }).addTo(map);
        // Sites close together (the objects of a kawasan) are grouped into one numbered cluster,
        // so no two tap targets overlap; a cluster opens on click or Enter.
        var clusterLabel = container.dataset.clusterLabel || "sites";
        var layer = typeof L.markerClusterGroup === "function"
            ? L.markerClusterGroup({
                showCoverageOnHover: false,
                iconCreateFunction: function (cluster) {
                    var count = cluster.getChildCount();
                    return L.divIcon({
                        html: "<div><span>" + count + "<span class=\"visually-hidden\"> " + clusterLabel + "</span></span></div>",
                        className: "marker-cluster marker-cluster-small",
                        iconSize: L.point(44, 44)
                    });
                }
            })
            : L.featureGroup();
        var markers = features.map(function (feature) {
            var marker = L.marker([feature.lat, feature.lon], { icon: icon, title: feature.title, alt: feature.title });
            if (feature.url) {
                marker.bindPopup(popupContent(feature));
            }
            layer.addLayer(marker);
            return marker;
        });
        layer.addTo(map);
        if (markers.length === 1) {
            map.setView([features[0].lat, features[0].lon], 16);
        } else {
            map.fitBounds(L.featureGroup(markers).getBounds().pad(0.15));
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
