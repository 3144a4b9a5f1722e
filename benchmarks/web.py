"""Requests/s and latency of the film page and its JSON twin on a >= 50,000-review library.

The server is `critic serve --read-only --workers 2` in its own process; the load comes from a
second process (this script re-run with --load), over loopback, with a bounded number of
requests and a time cap per target. Prints a Markdown table.

    .venv/bin/python benchmarks/web.py [--workers 2] [--concurrency 4] [--requests 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_big_library import DEFAULT_DB, build  # noqa: E402

SAMPLE_FILMS = 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


# ---------------------------------------------------------------- the load process
def run_load(spec: dict[str, Any]) -> dict[str, Any]:
    """Fire spec['paths'] (cycled) from spec['concurrency'] threads; record each latency."""
    paths: list[str] = spec["paths"]
    total, cap = int(spec["requests"]), float(spec["max_seconds"])
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))
    deadline = time.perf_counter() + cap

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=spec["base"], timeout=30.0) as client:
            while time.perf_counter() < deadline:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                start = time.perf_counter()
                try:
                    ok = client.get(paths[i % len(paths)]).status_code == 200
                except httpx.HTTPError:
                    ok = False
                took = time.perf_counter() - start
                with lock:
                    latencies.append(took)
                    errors += 0 if ok else 1

    threads = [threading.Thread(target=worker) for _ in range(int(spec["concurrency"]))]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    return {"latencies": latencies, "errors": errors, "elapsed": elapsed}


def load_from_second_process(spec: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--load"], input=json.dumps(spec),
                          capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# ---------------------------------------------------------------- the benchmark
def start_server(db: Path, port: int, workers: int, film_cache: int) -> subprocess.Popen[bytes]:
    code = "from critic.cli.serve import serve; serve()"
    args = [sys.executable, "-c", code, "--db", str(db), "--read-only", "--port", str(port),
            "--workers", str(workers), "--film-cache", str(film_cache)]
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("the server did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--requests", type=int, default=1000, help="per target")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="per target")
    parser.add_argument("--film-cache", type=int, default=256,
                        help="film pages cached per worker (0 measures every page built afresh)")
    parser.add_argument("--load", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        print(json.dumps(run_load(json.loads(sys.stdin.read()))))
        return

    counts = build(args.db)
    from critic.library import open_library

    lib = open_library(args.db, read_only=True)
    top = lib.films("reviews", limit=1)[0]
    every = [f["id"] for f in lib.films("reviews", limit=100_000)]
    lib.close()
    sample = random.Random(7).sample(every, min(SAMPLE_FILMS, len(every)))

    port = free_port()
    server = start_server(args.db, port, args.workers, args.film_cache)
    base = f"http://127.0.0.1:{port}"
    targets = [
        (f"film page, most-reviewed film ({top['reviews']} reviews)", [f"/films/{top['id']}"]),
        ("film JSON, most-reviewed film", [f"/films/{top['id']}.json"]),
        (f"film page, {len(sample)} random films", [f"/films/{i}" for i in sample]),
        (f"film JSON, {len(sample)} random films", [f"/films/{i}.json" for i in sample]),
    ]
    rows = []
    try:
        for name, paths in targets:
            warm = {"base": base, "paths": paths, "requests": min(50, len(paths) * 2),
                    "concurrency": 2, "max_seconds": 20}
            load_from_second_process(warm)
            spec = {"base": base, "paths": paths, "requests": args.requests,
                    "concurrency": args.concurrency, "max_seconds": args.max_seconds}
            got = load_from_second_process(spec)
            ms = [x * 1000 for x in got["latencies"]]
            rows.append((name, len(ms), got["errors"], len(ms) / got["elapsed"],
                         statistics.median(ms), percentile(ms, 95), percentile(ms, 99)))
    finally:
        server.terminate()
        server.wait(timeout=20)

    print(f"library: {counts['reviews']} reviews, {counts['films']} films "
          f"(built with extract_people=False); server: critic serve --read-only --workers "
          f"{args.workers} --film-cache {args.film_cache}; load: {args.concurrency} concurrent "
          "connections from a second process; "
          f"{os.cpu_count()} CPU cores\n")
    print("| target | requests | errors | req/s | p50 ms | p95 ms | p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, n, errors, rps, p50, p95, p99 in rows:
        print(f"| {name} | {n} | {errors} | {rps:.0f} | {p50:.1f} | {p95:.1f} | {p99:.1f} |")


if __name__ == "__main__":
    main()
