"""Serve the seeded site with gunicorn and measure it with wrk (called by ``benchmarks/web/run``).

For each page, and for one static file as the ceiling:
- requests/second with the whole-page cache on and warm (one gunicorn, PAGE_CACHE=1),
- requests/second with it off (another gunicorn, PAGE_CACHE=0: every request renders the page),
- server time p50 with the cache off, from wrk's latency distribution at one connection.
Rates are given as a ratio to the static file's rate measured against the same server.
"""

import argparse
import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    # name, path, kind (detail pages target 15 ms p50 uncached, listings 25 ms)
    ("home page", "/id/", "listing"),
    ("news index", "/id/berita/", "listing"),
    ("news page", "/id/berita/diskominfo/bimtek-tahap-i-gerakan-menuju-100-smart-city/", "detail"),
    ("heritage page", "/id/warisan-budaya/kawasan-pulau-penyengat/", "detail"),
    ("search", "/id/search/?q=pulau+penyengat", "listing"),
]
ACCEPT_ENCODING = "gzip, br"  # as browsers send: whitenoise serves brotli, pages come gzipped
TARGET_P50_MS = {"detail": 15, "listing": 25}
TARGET_CACHED_RATIO = 0.5
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (our own local server)
                return response.status
        except Exception:
            time.sleep(0.5)
    raise SystemExit(f"server did not answer at {url}")


def fetch(url):
    """GET ``url`` as wrk does (the same Accept-Encoding, so the same page-cache entry), decoded."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        elif response.headers.get("Content-Encoding") == "br":
            body = b""  # a static file (whitenoise's brotli copy): only its headers are used
        return response.status, dict(response.headers), body.decode("utf-8", "replace")


class Server:
    """One gunicorn serving the site, started and stopped by us (by its own process id)."""

    def __init__(self, port, workers, page_cache):
        self.base = f"http://127.0.0.1:{port}"
        env = dict(os.environ, PAGE_CACHE="1" if page_cache else "0")
        self.process = subprocess.Popen(  # noqa: S603
            [
                # This interpreter, not .venv/bin/gunicorn, whose #! names the venv it was installed in.
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        wait_for(self.base + "/robots.txt")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def wrk(url, seconds, connections, threads):
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "-H",
        f"Accept-Encoding: {ACCEPT_ENCODING}",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rate": rate,
        "p50_ms": float(p50.group(1)) * UNITS[p50.group(2)],
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def static_path(base):
    """The hashed URL of the site's stylesheet, as the home page links it."""
    _status, _headers, html = fetch(base + "/id/")
    match = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html)
    if not match:
        raise SystemExit("the home page does not link a hashed site.css: run collectstatic with DEBUG off")
    return match.group(1)


def measure(server, seconds, connections, threads, label):
    """Requests/second for the static file and each page, on one server."""
    results = {}
    static = static_path(server.base)
    for name, path, _kind in [("static file", static, "static"), *PAGES]:
        url = server.base + path
        status, headers, _body = fetch(url)  # warm up (and fill the page cache)
        fetch(url)
        cache_header = headers.get("X-Cache", "-")
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
        result = wrk(url, seconds, connections, threads)
        result["cache"] = fetch(url)[1].get("X-Cache", cache_header)
        results[name] = result
        print(f"  {label:8s} {name:14s} {result['rate']:8.0f} req/s  (X-Cache: {result['cache']})", flush=True)
    return results, static


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument(
        "--uncached-connections",
        type=int,
        default=4,
        help="connections for the uncached server: two per worker keeps them busy without a queue that "
        "outlives the run (a render takes tens of milliseconds, and wrk gives up on a request after 2 s)",
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--latency-seconds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument("--output", default=str(ROOT / "benchmarks/web/last-run.md"))
    options = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: sudo apt-get install wrk")

    print(f"cached server (PAGE_CACHE=1, {options.workers} gunicorn workers)", flush=True)
    server = Server(options.port, options.workers, page_cache=True)
    try:
        cached, static = measure(server, options.seconds, options.connections, options.threads, "cached")
    finally:
        server.stop()

    print(f"uncached server (PAGE_CACHE=0, {options.workers} gunicorn workers)", flush=True)
    server = Server(options.port + 1, options.workers, page_cache=False)
    try:
        uncached, _static = measure(server, options.seconds, options.uncached_connections, options.threads, "uncached")
        latency = {}
        for name, path, _kind in PAGES:
            latency[name] = wrk(server.base + path, options.latency_seconds, 1, 1)
            print(f"  p50 at 1 connection {name:14s} {latency[name]['p50_ms']:6.1f} ms", flush=True)
    finally:
        server.stop()

    database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores: {database}, {cache} cache, "
        f"gunicorn {options.workers} sync workers, wrk {options.threads} threads × {options.connections} connections "
        f"(uncached: {options.uncached_connections}) × {options.seconds} s each; p50: 1 connection × "
        f"{options.latency_seconds} s. Static file: `{static}`.",
        "",
        "| | cached req/s | × static | uncached req/s | × static | uncached p50 | target p50 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    static_cached, static_uncached = cached["static file"]["rate"], uncached["static file"]["rate"]
    lines.append(f"| static file (ceiling) | {static_cached:.0f} | 1.00 | {static_uncached:.0f} | 1.00 | – | – |")
    misses = []
    for name, _path, kind in PAGES:
        ratio_cached = cached[name]["rate"] / static_cached
        ratio_uncached = uncached[name]["rate"] / static_uncached
        p50 = latency[name]["p50_ms"]
        target = TARGET_P50_MS[kind]
        lines.append(
            f"| {name} | {cached[name]['rate']:.0f} | {ratio_cached:.2f} | {uncached[name]['rate']:.0f} | "
            f"{ratio_uncached:.2f} | {p50:.1f} ms | ≤ {target} ms |"
        )
        if ratio_cached < TARGET_CACHED_RATIO:
            misses.append(f"{name}: cached at {ratio_cached:.2f}× the static rate (target {TARGET_CACHED_RATIO}×)")
        if p50 > target:
            misses.append(f"{name}: uncached p50 {p50:.1f} ms (target {target} ms)")
        errors = cached[name]["errors"] + uncached[name]["errors"]
        if errors:
            misses.append(f"{name}: {errors} non-2xx responses")
    lines += ["", "Targets missed: " + ("; ".join(misses) if misses else "none") + "."]
    report = "\n".join(lines) + "\n"
    Path(options.output).write_text(report)
    print()
    print(report)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
