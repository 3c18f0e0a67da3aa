"""`make bench`, search part: ``search.query.run()`` at 100,000 replies on PostgreSQL.

Uses its own database (``lnp_search_bench``, created when missing; set
``SEARCH_BENCH_DATABASE_URL`` for another), so the page benchmark's data stays as it is.
Seeds it in bulk once (``bench.search_data``; later runs find the data and skip this),
rebuilds the search index once (timed), then times 30 fixed queries as a member of five
networks, warm (one untimed pass first), with and without facet counts, with one
searcher and with four concurrent ones (separate processes, each with its own database
connection). Prints a table, then a JSON summary.
Usage: python -m bench.search [--rounds 5] [--searchers 4] [--skip-rebuild]
"""

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "SEARCH_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/lnp_search_bench"
)

#: Common words, rare words, two words, quoted phrases, an "or", and a typo.
QUERIES = [
    "data",
    "open data",
    "procurement",
    "budget",
    "contracts",
    "transparency",
    "publish",
    "portal",
    "spending",
    "citizens",
    "geospatial",
    "ombudsman",
    "cadastre",
    "hackathon",
    "Montevideo",
    "OCDS",
    "kumquat",
    "budget transparency",
    "procurement portal",
    "civil society",
    "beneficial ownership",
    "data standard",
    "city council",
    "audit risk",
    '"open data"',
    '"public procurement"',
    '"budget execution"',
    '"machine readable"',
    "tender or bids",
    "transparancy",
]

#: p95 targets in milliseconds, with facet counts (issue 8).
TARGETS = {"1 searcher, facets": 50, "4 searchers, facets": 100}


def ensure_database():
    import psycopg

    name = urlsplit(DATABASE_URL).path.lstrip("/")
    server = urlunsplit(urlsplit(DATABASE_URL)._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def django_setup():
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare(skip_rebuild):
    """Migrate, seed when the data is missing, rebuild the index; returns the facts."""
    from django.core.management import call_command
    from django.db import connection

    from bench import search_data
    from search import indexing
    from search.models import SearchDocument

    call_command("migrate", verbosity=0, interactive=False)
    facts = {"seeded_seconds": None, "rebuild_seconds": None}
    if not search_data.is_seeded():
        print("seeding (bulk inserts) ...", flush=True)
        start = time.perf_counter()
        search_data.seed()
        facts["seeded_seconds"] = round(time.perf_counter() - start, 1)
    if facts["seeded_seconds"] is not None or not skip_rebuild:
        print("rebuilding the search index ...", flush=True)
        start = time.perf_counter()
        indexing.rebuild()
        facts["rebuild_seconds"] = round(time.perf_counter() - start, 1)
        # What autovacuum does soon after a rebuild in production: statistics for the
        # planner and a clean visibility map (the tsvector UPDATE left dead rows).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) search_searchdocument")
    facts["documents"] = SearchDocument.objects.count()
    return facts


def searcher(rounds, barrier, results):
    """One searcher (its own process and connection): a warm-up pass, then ``rounds``
    passes over the queries with facets, then as many without, in step with the others."""
    django_setup()
    from bench.search_data import member
    from network import permissions
    from search.forms import SearchForm
    from search.query import run

    user = member()
    params = [SearchForm({"q": text}).params() for text in QUERIES]

    def timed(facets):
        timings = []
        for _ in range(rounds):
            for number, values in enumerate(params):
                permissions.forget(user)  # as in a request: memberships read again
                start = time.perf_counter()
                outcome = run(user, values, facets=facets)
                timings.append((number, (time.perf_counter() - start) * 1000, outcome.total))
        return timings

    for facets in (True, False):  # warm-up
        for values in params:
            run(user, values, facets=facets)
    for facets in (True, False):
        barrier.wait()
        results.put((facets, timed(facets)))


def measure(searchers, rounds):
    """``{facets: [(query number, ms, total)]}`` over every searcher."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(searchers)
    results = context.Queue()
    processes = [
        context.Process(target=searcher, args=(rounds, barrier, results)) for _ in range(searchers)
    ]
    for process in processes:
        process.start()
    timings = {True: [], False: []}
    for _ in range(searchers * 2):
        facets, rows = results.get(timeout=600)
        timings[facets] += rows
    for process in processes:
        process.join(timeout=60)
        if process.exitcode != 0:
            raise SystemExit(f"a searcher failed (exit code {process.exitcode})")
    return timings


def summarise(rows):
    times = sorted(ms for _number, ms, _total in rows)
    return {
        "samples": len(times),
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(statistics.quantiles(times, n=100, method="inclusive")[94], 2),
        "max_ms": round(times[-1], 2),
    }


def per_query(rows):
    """``[(query, median ms, matches)]``, slowest first."""
    by_query = {}
    for number, ms, total in rows:
        by_query.setdefault(number, ([], total))[0].append(ms)
    medians = [
        (QUERIES[number], statistics.median(times), total)
        for number, (times, total) in by_query.items()
    ]
    return sorted(medians, key=lambda row: row[1], reverse=True)


def git_commit():
    from bench.run import git_commit as commit

    return commit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the 30 queries")
    parser.add_argument("--searchers", type=int, default=4, help="concurrent searchers")
    parser.add_argument(
        "--skip-rebuild", action="store_true", help="keep the index (when already seeded)"
    )
    args = parser.parse_args()
    load_at_start = os.getloadavg()[0]

    ensure_database()
    django_setup()
    print(f"database: {DATABASE_URL}")
    facts = prepare(args.skip_rebuild)
    load_before = os.getloadavg()[0]
    figures = {}
    slowest = []
    for count in (1, args.searchers):
        label = "1 searcher" if count == 1 else f"{count} searchers"
        timings = measure(count, args.rounds)
        figures[f"{label}, facets"] = summarise(timings[True])
        figures[f"{label}, no facets"] = summarise(timings[False])
        if count == 1:
            slowest = per_query(timings[True])[:5]
    load_after = os.getloadavg()[0]

    print(f"\ndocuments: {facts['documents']}   seeding: {facts['seeded_seconds']} s   ", end="")
    print(f"index rebuild: {facts['rebuild_seconds']} s")
    print(
        f"load average (1 min): {load_at_start:.2f} at start, {load_before:.2f} before the "
        f"searches, {load_after:.2f} after them (the last two count this benchmark's own work)"
    )
    heading = f"{'samples':>8} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}"
    print(f"\n{'search.query.run()':28} {heading}")
    for name, row in figures.items():
        print(
            f"{name:28} {row['samples']:8d} {row['median_ms']:10.2f} {row['p95_ms']:8.2f} "
            f"{row['max_ms']:8.2f}"
        )
    print("\nslowest queries (1 searcher, facets): median ms, matches (capped at 1,000)")
    for text, ms, total in slowest:
        print(f"  {text:28} {ms:8.2f} {total:8d}")

    checks = [
        {
            "figure": name,
            "target_p95_ms": target,
            "p95_ms": figures[name]["p95_ms"],
            "result": "PASS" if figures[name]["p95_ms"] < target else "FAIL",
        }
        for name, target in TARGETS.items()
        if name in figures
    ]
    summary = {
        "commit": git_commit(),
        "database": urlsplit(DATABASE_URL).path.lstrip("/"),
        "documents": facts["documents"],
        "seed_seconds": facts["seeded_seconds"],
        "rebuild_seconds": facts["rebuild_seconds"],
        "queries": len(QUERIES),
        "rounds": args.rounds,
        "load_average": {
            "at_start": round(load_at_start, 2),
            "before_searches": round(load_before, 2),
            "after_searches": round(load_after, 2),
        },
        "figures": figures,
        "targets": checks,
        "result": "FAIL" if any(c["result"] == "FAIL" for c in checks) else "PASS",
    }
    print(json.dumps(summary, indent=2))
    return 1 if summary["result"] == "FAIL" else 0


if __name__ == "__main__":
    sys.exit(main())
