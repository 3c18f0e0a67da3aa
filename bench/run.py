"""`make bench`: throughput and latency of pages as a share of a plain Django view.

Runs against PostgreSQL and gunicorn (2 sync workers, DEBUG off) on 127.0.0.1 with wrk as
the load generator; every run is bounded in time. Prints a table, then a JSON summary.
Usage: python -m bench.run [--seconds 5] [--connections 4]
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8199"))
BASE = f"http://127.0.0.1:{PORT}"
BIN = Path(sys.executable).parent


def django_setup():
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_database():
    from django.conf import settings
    from django.core.management import call_command

    name = settings.DATABASES["default"]["NAME"]
    print(f"database: {settings.DATABASES['default']['ENGINE']} {name}")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", force=True, verbosity=0)
    from bench import setup

    setup.run()


def session_cookie():
    """Sign the demo member in through Django's test client; reuse its session cookie."""
    from django.test import Client

    from bench.setup import member

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(member())
    return f"sessionid={client.cookies['sessionid'].value}"


def resolve(page):
    path = page["path"]
    return path() if callable(path) else path


def count_queries(path, signed_in):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.setup import member

    client = Client(HTTP_HOST="127.0.0.1")
    if signed_in:
        client.force_login(member())
    client.get(path)  # warm caches the way a running server has them
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, len(queries)


def start_gunicorn():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    process = subprocess.Popen(  # noqa: S603
        [
            str(BIN / "gunicorn"),
            "config.wsgi",
            "--workers=2",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{PORT}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/__bench__/hello/", timeout=1)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def worker_peak_memory_kb(master_pid):
    peaks = []
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    for pid in children.read_text().split() if children.exists() else []:
        status = Path(f"/proc/{pid}/status").read_text()
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        if match:
            peaks.append(int(match.group(1)))
    return peaks


def wrk(url, seconds, connections, cookie=None):
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, timeout=seconds + 30, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latencies = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": rps,
        "p50_ms": to_ms(latencies.get("50", "0ms")),
        "p99_ms": to_ms(latencies.get("99", "0ms")),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)


def git_commit():
    try:
        return subprocess.run(  # noqa: S603
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `apt-get install -y wrk` (make bench does this)")

    django_setup()
    prepare_database()
    from bench.pages import PAGES, TARGETS

    cookie = session_cookie()
    server = start_gunicorn()
    results = []
    try:
        wrk(f"{BASE}/__bench__/hello/", 1, args.connections)  # warm-up
        ceiling = wrk(f"{BASE}/__bench__/hello/", args.seconds, args.connections)
        memory_before = worker_peak_memory_kb(server.pid)
        results.append(
            {
                "name": "hello world (ceiling)",
                "path": "/__bench__/hello/",
                **ceiling,
                "queries": 0,
                "share": 1.0,
            }
        )
        for page in PAGES:
            path = resolve(page)
            status, queries = count_queries(path, page["signed_in"])
            cookie_for_page = cookie if page["signed_in"] else None
            wrk(BASE + path, 1, args.connections, cookie_for_page)  # warm-up
            figures = wrk(BASE + path, args.seconds, args.connections, cookie_for_page)
            results.append(
                {
                    "name": page["name"],
                    "path": path,
                    "status": status,
                    **figures,
                    "queries": queries,
                    "share": round(figures["rps"] / ceiling["rps"], 4),
                }
            )
        memory_after = worker_peak_memory_kb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    print(f"\n{'page':42} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'SQL':>4} {'share':>7}")
    for row in results:
        print(
            f"{row['name']:42} {row['rps']:8.1f} {row['p50_ms']:8.2f} {row['p99_ms']:8.2f} "
            f"{row['queries']:4d} {row['share']:7.1%}"
        )
    checks = []
    for row in results:
        if row["name"] in TARGETS:
            target = TARGETS[row["name"]]
            checks.append(
                {
                    "page": row["name"],
                    "target_share": target,
                    "share": row["share"],
                    "result": "PASS" if row["share"] >= target else "FAIL",
                }
            )
        if row.get("errors"):
            checks.append(
                {
                    "page": row["name"],
                    "target": "no errors",
                    "errors": row["errors"],
                    "result": "FAIL",
                }
            )
    summary = {
        "commit": git_commit(),
        "seconds_per_page": args.seconds,
        "connections": args.connections,
        "worker_peak_memory_kb": {"after_ceiling": memory_before, "after_pages": memory_after},
        "pages": results,
        "targets": checks,
        "result": "FAIL" if any(c["result"] == "FAIL" for c in checks) else "PASS",
    }
    print(json.dumps(summary, indent=2))
    return 1 if summary["result"] == "FAIL" else 0


if __name__ == "__main__":
    sys.exit(main())
