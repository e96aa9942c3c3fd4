/* Site search suggestions: an ARIA 1.2 combobox over the search box (progressive enhancement).
   Without this script the form submits as usual. Self-hosted, no dependencies. */
(function () {
  "use strict";
  var MIN_LENGTH = 2;
  var DELAY = 150;
  var counter = 0;

  function enhance(input) {
    counter += 1;
    var form = input.form;
    var listId = "search-suggestions-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);
    /* Positioned here so that pages without search.css still show the list correctly. */
    if (form) { form.style.position = "relative"; }
    list.style.cssText = "position:absolute;top:100%;left:0;right:0;z-index:10;margin:0;padding:0;" +
      "list-style:none;background:#fff;color:#000;border:1px solid #555;max-height:20rem;overflow:auto";

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var timer = null;
    var controller = null;
    var active = -1;
    var items = [];

    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
        item.style.background = i === index ? "#0b4f6c" : "";
        item.style.color = i === index ? "#fff" : "";
      });
      active = index;
      if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
      else { input.removeAttribute("aria-activedescendant"); }
    }

    function show(suggestions) {
      close();
      suggestions.forEach(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.style.cssText = "padding:0.6rem;cursor:pointer;min-height:44px";
        item.textContent = suggestion.title;  /* text only: never inserted as HTML */
        item.dataset.url = suggestion.url;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { window.location.assign(suggestion.url); });
        list.appendChild(item);
        items.push(item);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      status.textContent = items.length ? items.length + " " + (input.dataset.suggestStatus || "") : "";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) { close(); return; }
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === query) { show(data.suggestions || []); } })
        .catch(function () { /* the form still works without suggestions */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].dataset.url);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
