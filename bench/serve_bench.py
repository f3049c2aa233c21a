"""Serve the seeded site as in production (gunicorn, DEBUG off) and measure the
home page and the announcement list under concurrent load from 127.0.0.1:
uncached, with the page cache on, and the same bytes as a static file through
the same server, all in one run. Prints requests per second, p50/p95 latency
and the ratios the targets are stated in.

    make bench            # or: .venv/bin/python bench/serve_bench.py --duration 10
"""

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from demo_site import ROOT, build_demo_site

LUA = """
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\": %d, \\"duration_us\\": %d, \\"p50_us\\": %d, \\"p95_us\\": %d, \\"errors\\": %d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return urllib.request.urlopen(url, timeout=2).read()
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server at {url} did not answer")


def start_server(env, workers):
    port = free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    process = subprocess.Popen(
        [
            gunicorn,
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    wait_for(f"{base}/robots.txt")
    return process, base


def run_wrk(url, duration, connections, script):
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(re.search(r"^JSON (.*)$", result.stdout, re.M).group(1))
    seconds = data["duration_us"] / 1e6
    return {
        "rps": data["requests"] / seconds,
        "p50_ms": data["p50_us"] / 1000,
        "p95_ms": data["p95_us"] / 1000,
        "errors": data["errors"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument(
        "--connections",
        type=int,
        nargs="+",
        default=[4, 16],
        help="concurrent connections; each level is measured (default: 4 and 16)",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis", default="", help="REDIS_URL for the cache (default: file cache)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install -y wrk")

    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    print("Building the demo site ...", flush=True)
    env = build_demo_site(workdir, redis_url=args.redis, collectstatic=True)

    script = workdir / "report.lua"
    script.write_text(LUA)
    pages = {"home": "/kk/", "announcements": "/kk/news/"}

    # The same bytes as static files, served by the same gunicorn + WhiteNoise.
    probe, base = start_server({**env, "PAGE_CACHE_SECONDS": "0"}, 1)
    static_dir = workdir / "static" / "bench"
    static_dir.mkdir(parents=True)
    for name, path in pages.items():
        (static_dir / f"{name}.html").write_bytes(wait_for(base + path))
    probe.terminate()
    probe.wait()

    rows = []
    for label, cache_seconds in (("uncached", "0"), ("cached", "600")):
        server, base = start_server({**env, "PAGE_CACHE_SECONDS": cache_seconds}, args.workers)
        try:
            for name, path in pages.items():
                wait_for(base + path)  # warm up (and fill the cache)
                for conns in args.connections:
                    measured = run_wrk(base + path, args.duration, conns, str(script))
                    rows.append((name, label, conns, measured))
                    if label == "cached":
                        static_url = f"{base}/static/bench/{name}.html"
                        measured = run_wrk(static_url, args.duration, conns, str(script))
                        rows.append((name, "static file", conns, measured))
        finally:
            server.terminate()
            server.wait()

    cache_kind = "redis" if args.redis else "file"
    print(f"\n{args.workers} gunicorn workers, {args.duration}s per row, cache: {cache_kind}")
    print(
        f"{'page':<15}{'mode':<13}{'conns':>6}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}"
    )
    for name, label, conns, r in rows:
        print(
            f"{name:<15}{label:<13}{conns:>6}{r['rps']:>9.0f}{r['p50_ms']:>9.1f}"
            f"{r['p95_ms']:>9.1f}{r['errors']:>8}"
        )
    print()
    ok = True
    # Latency is judged while the server is not past its capacity: up to two
    # connections per worker. Beyond that it only measures the queue.
    latency_limit = 2 * args.workers
    for name in pages:
        for conns in args.connections:
            by_mode = {label: r for n, label, c, r in rows if n == name and c == conns}
            ratio = by_mode["cached"]["rps"] / by_mode["static file"]["rps"]
            p95 = by_mode["uncached"]["p95_ms"]
            ok &= ratio >= 0.8 and (p95 <= 100 or conns > latency_limit)
            print(
                f"{name}, {conns} connections: cached/static = {ratio:.2f} (target >= 0.80); "
                f"uncached p95 = {p95:.1f} ms (target <= 100 up to {latency_limit} connections)"
            )
    shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
