"""`make bench`: throughput and latency of pages as a share of a plain Django view.

Runs against PostgreSQL and gunicorn (2 sync workers, DEBUG off) on 127.0.0.1 with wrk as
the load generator; every run is bounded in time. Prints a table, then a JSON summary.
Also measures the rendering cost per reply with one connection and sequential requests
(no queueing), and checks that anonymous readers leave no session row behind.
Pages are measured in rounds (every page, then every page again...), so that a slow
moment of a shared machine hits all pages alike; each figure combines its rounds.
Usage: python -m bench.run [--seconds 2] [--rounds 3] [--connections 4] [--requests 300]
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
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
    from django.core.cache import cache

    cache.clear()  # the bench's own Redis database: nothing cached by an earlier run
    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", force=True, verbosity=0)
    from bench import setup

    setup.run()
    # Fresh rows have no planner statistics yet (autovacuum would gather them on a
    # running site); without them PostgreSQL sorts a whole thread to show 25 replies.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


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


def combine(runs):
    """One page's figures over its rounds: mean throughput, median of the medians,
    worst 99th percentile, all errors."""
    return {
        "rps": round(statistics.mean(run["rps"] for run in runs), 1),
        "p50_ms": statistics.median(run["p50_ms"] for run in runs),
        "p99_ms": max(run["p99_ms"] for run in runs),
        "errors": sum(run["errors"] for run in runs),
        "rounds_rps": [run["rps"] for run in runs],
    }


def timed_get(path, cookie=None):
    """One request on a fresh connection (gunicorn's sync workers close it anyway):
    milliseconds until the whole body has arrived, and the body."""
    headers = {"Cookie": cookie} if cookie else {}
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    return elapsed, body


def per_reply_cost(many_path, few_path, requests, cookie=None):
    """(median latency of a page showing many replies - median of one showing few) /
    the difference in replies, in ms. One connection, sequential requests, alternating
    between the two pages so that machine noise hits both alike."""
    shown = {}
    for path in (many_path, few_path):
        for _ in range(10):  # warm-up: both workers, every cache
            _, body = timed_get(path, cookie)
        shown[path] = body.count(b'<article class="post ')
    many, few = [], []
    for _ in range(requests):
        many.append(timed_get(many_path, cookie)[0])
        few.append(timed_get(few_path, cookie)[0])
    many_ms, few_ms = statistics.median(many), statistics.median(few)
    return {
        "replies_shown": [shown[many_path], shown[few_path]],
        "requests_each": requests,
        "median_ms": [round(many_ms, 3), round(few_ms, 3)],
        "per_reply_ms": round((many_ms - few_ms) / (shown[many_path] - shown[few_path]), 4),
    }


def session_rows():
    from django.contrib.sessions.models import Session

    return Session.objects.count()


def check(name, measured, target, passed):
    return {"check": name, "measured": measured, "target": target, "result": PASS[passed]}


PASS = {True: "PASS", False: "FAIL"}


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
    parser.add_argument("--seconds", type=int, default=2, help="per page, per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--requests", type=int, default=300, help="per page, per-reply cost")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `apt-get install -y wrk` (make bench does this)")

    django_setup()
    prepare_database()
    from bench.pages import PAGES

    cookie = session_cookie()
    server = start_gunicorn()
    hello = {"name": "hello world (ceiling)", "path": "/__bench__/hello/", "signed_in": False}
    new_sessions = 0  # rows added to django_session while only anonymous readers ran
    try:
        wrk(f"{BASE}{hello['path']}", 1, args.connections)  # warm-up
        runs = {hello["name"]: [wrk(BASE + hello["path"], args.seconds, args.connections)]}
        memory_before = worker_peak_memory_kb(server.pid)
        pages = [{**page, "path": resolve(page)} for page in PAGES]
        for page in pages:
            page["status"], page["queries"] = count_queries(page["path"], page["signed_in"])
            wrk(BASE + page["path"], 1, args.connections, cookie if page["signed_in"] else None)
        # Rounds: every page (and the ceiling) once per round, so that a slow moment of
        # this shared machine hits all of them alike instead of a few pages.
        for round_number in range(args.rounds):
            for page in ([hello] if round_number else []) + pages:
                sessions_before = session_rows()
                runs.setdefault(page["name"], []).append(
                    wrk(
                        BASE + page["path"],
                        args.seconds,
                        args.connections,
                        cookie if page["signed_in"] else None,
                    )
                )
                if not page["signed_in"]:
                    new_sessions += session_rows() - sessions_before
        per_reply = per_reply_figures(args.requests, cookie)
        memory_after = worker_peak_memory_kb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    new_sessions += per_reply.pop("new_sessions")
    ceiling = combine(runs[hello["name"]])
    results = [
        {"name": hello["name"], "path": hello["path"], **ceiling, "queries": 0, "share": 1.0}
    ]
    for page in pages:
        figures = combine(runs[page["name"]])
        results.append(
            {
                "name": page["name"],
                "path": page["path"],
                "status": page["status"],
                **figures,
                "queries": page["queries"],
                "share": round(figures["rps"] / ceiling["rps"], 4),
            }
        )

    memory = {"after_ceiling": memory_before, "after_pages": memory_after}
    checks = targets(results, per_reply, new_sessions, memory)
    print_tables(results, per_reply, checks)
    summary = {
        "commit": git_commit(),
        "seconds_per_run": args.seconds,
        "rounds": args.rounds,
        "connections": args.connections,
        "worker_peak_memory_kb": memory,
        "pages": results,
        "per_reply": per_reply,
        "anonymous_new_session_rows": new_sessions,
        "targets": checks,
        "result": "FAIL" if any(c["result"] == "FAIL" for c in checks) else "PASS",
    }
    print(json.dumps(summary, indent=2))
    return 1 if summary["result"] == "FAIL" else 0


def per_reply_figures(requests, cookie):
    """The cost per reply, anonymous and signed in (the target is on anonymous)."""
    from bench.pages import PER_REPLY

    many, few = PER_REPLY["many"](), PER_REPLY["few"]()
    sessions_before = session_rows()
    anonymous = per_reply_cost(many, few, requests)
    new_sessions = session_rows() - sessions_before
    signed_in = per_reply_cost(many, few, requests, cookie)
    return {"anonymous": anonymous, "signed_in": signed_in, "new_sessions": new_sessions}


def targets(results, per_reply, new_sessions, memory):
    from bench.pages import MEMORY_GROWTH_TARGET_KB, PER_REPLY_TARGET_MS, SIGNED_IN_WITHIN, TARGETS

    checks = []
    by_name = {row["name"]: row for row in results}
    for row in results:
        if row["name"] in TARGETS:
            target = TARGETS[row["name"]]
            checks.append(
                check(
                    f"{row['name']}: share",
                    row["share"],
                    f">= {target:.4f}",
                    row["share"] >= target,
                )
            )
            signed_in = by_name.get(row["name"].replace("(anonymous)", "(signed in)"))
            if signed_in and signed_in["rps"]:
                ratio = round(row["rps"] / signed_in["rps"], 2)
                checks.append(
                    check(
                        f"{row['name'].replace(' (anonymous)', '')}: anonymous / signed in",
                        ratio,
                        f"<= {SIGNED_IN_WITHIN}",
                        ratio <= SIGNED_IN_WITHIN,
                    )
                )
        if row.get("errors"):
            checks.append(check(f"{row['name']}: errors", row["errors"], "0", False))
    cost = per_reply["anonymous"]["per_reply_ms"]
    checks.append(
        check(
            "rendering cost per reply, ms (anonymous)",
            cost,
            f"< {PER_REPLY_TARGET_MS}",
            cost < PER_REPLY_TARGET_MS,
        )
    )
    checks.append(
        check("new session rows from anonymous readers", new_sessions, "0", new_sessions == 0)
    )
    growth = max(
        (
            after - before
            for before, after in zip(memory["after_ceiling"], memory["after_pages"], strict=False)
        ),
        default=0,
    )
    checks.append(
        check(
            "worker peak memory growth, kB",
            growth,
            f"<= {MEMORY_GROWTH_TARGET_KB}",
            growth <= MEMORY_GROWTH_TARGET_KB,
        )
    )
    return checks


def print_tables(results, per_reply, checks):
    print(f"\n{'page':42} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'SQL':>4} {'share':>7}")
    for row in results:
        print(
            f"{row['name']:42} {row['rps']:8.1f} {row['p50_ms']:8.2f} {row['p99_ms']:8.2f} "
            f"{row['queries']:4d} {row['share']:7.1%}"
        )
    print("\nper reply (one connection, sequential requests, medians)")
    for who, figures in (
        ("anonymous", per_reply["anonymous"]),
        ("signed in", per_reply["signed_in"]),
    ):
        (many, few), (many_ms, few_ms) = figures["replies_shown"], figures["median_ms"]
        print(
            f"  {who:10} {many} replies {many_ms:.2f} ms, {few} replies {few_ms:.2f} ms: "
            f"{figures['per_reply_ms']:.3f} ms a reply ({figures['requests_each']} requests each)"
        )
    print(f"\n{'check':58} {'measured':>10} {'target':>10} {'result':>6}")
    for row in checks:
        print(f"{row['check']:58} {row['measured']!s:>10} {row['target']:>10} {row['result']:>6}")
    print()


if __name__ == "__main__":
    sys.exit(main())
