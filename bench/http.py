"""HTTP benchmark: `kg serve` against the Oxigraph server and rdflib-endpoint, same data, same load.

One run, loopback only, bounded in time (about three minutes). Prints requests per second for a
selective lookup and a GROUP BY on each server and the ratios, for `kg serve` with its answer
cache (the default: the lookups repeat, as a page or dashboard repeats them) and without it
(every query runs in a query worker, as a first-time query does); the p99 of lookups while one
pathological query runs into its time limit; and, as the ceiling of any Python app on this
machine, a fixed-answer WSGI app under granian.

    .venv/bin/python -m bench.http [--seconds 4] [--commitments 12000] [--workers 4]

Needs the `bench` extra (rdflib-endpoint) and the `oxigraph` server CLI next to the Python.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from bench import load
from kg.store.embedded import EmbeddedStore

BIN = Path(sys.executable).parent
EX = "http://example.org/bench/"
CKG = "https://w3id.org/commitment-kg/ontology#"
LOOKUP = "SELECT ?p ?o WHERE {{ <" + EX + "commitment/{n}> ?p ?o }}"
GROUP_BY = (
    f"SELECT ?actor (COUNT(?c) AS ?n) WHERE {{ ?c <{CKG}hasActor> ?actor ; <{CKG}hasAsset> ?asset }} "
    "GROUP BY ?actor ORDER BY DESC(?n) LIMIT 10"
)
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CEILING_APP = """
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "2")])
    return [b"{}"]
"""


def write_data(path: Path, commitments: int) -> None:
    """Commitments in the shape of the graph contract, one named graph per 40 of them."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(commitments):
            graph = f"<{EX}document/{n // 40}>"
            c = f"<{EX}commitment/{n}>"
            asset = f"<{EX}asset/{n}>"
            out.write(f"{c} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{CKG}Commitment> {graph} .\n")
            out.write(f"{c} <{CKG}hasActor> <{EX}actor/{n % 300}> {graph} .\n")
            out.write(f"{c} <{CKG}hasAsset> {asset} {graph} .\n")
            out.write(f'{asset} <http://www.w3.org/2000/01/rdf-schema#label> "asset {n}" {graph} .\n')


def wait_for(url: str, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def start(command: list[str], ready: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})}
    )
    try:
        wait_for(ready)
    except RuntimeError:
        process.kill()
        raise
    return process


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def urls(endpoint: str, queries: list[str]) -> list[str]:
    return [f"{endpoint}?query={urllib.parse.quote(query)}" for query in queries]


def rate(endpoint: str, queries: list[str], seconds: float) -> load.LoadResult:
    result = load.run(urls(endpoint, queries), seconds=seconds)
    if result.errors:
        print(f"  ({result.errors} failed requests at {endpoint})")
    return result


def alternate(
    ours: Callable[[], load.LoadResult], theirs: Callable[[], load.LoadResult], rounds: int
) -> tuple[load.LoadResult, load.LoadResult]:
    """Measure both `rounds` times in turn; keep each one's best run.

    The machine is shared, so the quietest run of each is the fairest comparison.
    """
    runs = [(ours(), theirs()) for _ in range(rounds)]
    return max((a for a, _ in runs), key=lambda r: r.rate), max((b for _, b in runs), key=lambda r: r.rate)


def compare(label: str, ours: str, theirs: str, queries: list[str], args: argparse.Namespace) -> float:
    """Measure `queries` on both endpoints in alternating rounds; print and return the ratio."""
    mine, other = alternate(
        lambda: rate(ours, queries, args.seconds), lambda: rate(theirs, queries, args.seconds), args.rounds
    )
    ratio = mine.rate / other.rate
    print(f"  {label:<34} {mine.rate:8.1f} req/s  p99 {mine.percentile(0.99) * 1000:6.1f} ms")
    print(f"  {'oxigraph':<34} {other.rate:8.1f} req/s  p99 {other.percentile(0.99) * 1000:6.1f} ms")
    print(f"  ratio: {ratio:.2f}x")
    return mine.rate


def kg_serve(store: Path, port: int, workers: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [
        str(BIN / "kg"),
        "serve",
        "--store",
        str(store),
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    return start(command, f"http://127.0.0.1:{port}/healthz", {"KG_QUERY_TIMEOUT": "5", **env})


def during_pathological(url: str, lookups: list[str]) -> None:
    """Lookups while one query runs into the 5 s time limit."""
    answer: dict[str, object] = {}

    def pathological() -> None:
        began = time.monotonic()
        try:
            with urllib.request.urlopen(urls(url, [PATHOLOGICAL])[0], timeout=60) as response:
                answer["status"] = response.status
        except urllib.error.HTTPError as err:
            answer["status"] = err.code
        answer["seconds"] = time.monotonic() - began

    runner = threading.Thread(target=pathological)
    runner.start()
    time.sleep(0.2)
    during = rate(url, lookups, 4.5)
    runner.join()
    print(f"  pathological query: HTTP {answer['status']} after {answer['seconds']:.1f} s")
    print(f"  lookups meanwhile: {during.rate:.0f} req/s, p99 {during.percentile(0.99) * 1000:.1f} ms")


def engine_ceiling(store: Path, ox_url: str, rounds: int = 15) -> None:
    """One GROUP BY at a time: pyoxigraph in this process against Oxigraph's server over HTTP.

    No server built on the Python binding can beat the binding itself, so this bounds the
    GROUP BY ratio above.
    """
    import statistics

    import pyoxigraph as ox

    engine = ox.Store.read_only(str(store))
    request = urllib.request.Request(
        urls(ox_url, [GROUP_BY])[0], headers={"Accept": "application/sparql-results+json"}
    )
    local: list[float] = []
    remote: list[float] = []
    for _ in range(rounds):
        began = time.perf_counter()
        engine.query(GROUP_BY, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.JSON)
        local.append(time.perf_counter() - began)
        began = time.perf_counter()
        with urllib.request.urlopen(request) as answer:
            answer.read()
        remote.append(time.perf_counter() - began)
    here, there = statistics.median(local), statistics.median(remote)
    print(f"  pyoxigraph in-process {here * 1000:.1f} ms, Oxigraph's server over HTTP {there * 1000:.1f} ms")
    print(f"  ceiling for a server on the binding: {there / here:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=4.0, help="length of each measurement")
    parser.add_argument("--commitments", type=int, default=12000)
    parser.add_argument("--workers", type=int, default=4, help="kg serve query processes (its default)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per comparison")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-http-"))
    ports = iter(range(18700, 18800))
    processes: list[subprocess.Popen[bytes]] = []
    try:
        data = work / "data.nq"
        write_data(data, args.commitments)
        print(f"data: {args.commitments * 4} quads in {args.commitments // 40} graphs")
        store = EmbeddedStore(work / "kg-store")
        store.load(data, "nq")
        store.close()
        subprocess.run(
            [str(BIN / "oxigraph"), "load", "--location", str(work / "ox-store"), "--file", str(data)],
            check=True,
            capture_output=True,
        )
        cached_port, uncached_port, ox_port, rdflib_port, ceiling_port = (next(ports) for _ in range(5))
        cached_url = f"http://127.0.0.1:{cached_port}/sparql"
        uncached_url = f"http://127.0.0.1:{uncached_port}/sparql"
        ox_url = f"http://127.0.0.1:{ox_port}/query"
        rdflib_url = f"http://127.0.0.1:{rdflib_port}/"
        processes.append(kg_serve(work / "kg-store", cached_port, args.workers, {}))
        ox_command = [str(BIN / "oxigraph"), "serve-read-only", "--location", str(work / "ox-store")]
        processes.append(
            start(
                [*ox_command, "--bind", f"127.0.0.1:{ox_port}", "--union-default-graph"],
                ox_url + "?query=ASK%7B%7D",
            )
        )
        lookups = [LOOKUP.format(n=(n * 7919) % args.commitments) for n in range(2000)]
        print(f"\nselective lookups, 2000 of them in turn ({args.seconds:g} s, best of {args.rounds} rounds)")
        cached = compare("kg serve, answer cache", cached_url, ox_url, lookups, args)
        print("  target: >= 0.6x")
        print("\nlookups while a pathological query runs into its 5 s limit (answer cache on)")
        during_pathological(cached_url, lookups)
        stop(processes.pop(0))

        processes.append(
            kg_serve(work / "kg-store", uncached_port, args.workers, {"KG_RESULT_CACHE_BYTES": "0"})
        )
        print("\nthe same lookups, answer cache off")
        uncached = compare("kg serve, no cache", uncached_url, ox_url, lookups, args)
        print("\nGROUP BY over all commitments, answer cache off (with it, a repeat costs nothing)")
        group = compare("kg serve, no cache", uncached_url, ox_url, [GROUP_BY], args)
        print("  target: >= 0.95x")
        print("\nGROUP BY one at a time, the engine alone")
        engine_ceiling(work / "ox-store", ox_url)  # read-only, as the Oxigraph server has it
        print("\nlookups while a pathological query runs into its 5 s limit (answer cache off)")
        during_pathological(uncached_url, lookups)
        stop(processes.pop())

        print("\nrdflib-endpoint (same data, same queries)")
        rdflib_process = start(
            [
                str(BIN / "rdflib-endpoint"),
                "serve",
                str(data),
                "--host",
                "127.0.0.1",
                "--port",
                str(rdflib_port),
            ],
            rdflib_url + "?query=ASK%7B%7D",
        )
        processes.append(rdflib_process)
        slow = rate(rdflib_url, lookups, args.seconds)
        slow_group = rate(rdflib_url, [GROUP_BY], args.seconds)
        stop(processes.pop())
        print(f"  rdflib-endpoint lookups {slow.rate:8.1f} req/s, GROUP BY {slow_group.rate:.2f} req/s")
        print(f"  ratio, lookups with the cache: {cached / max(slow.rate, 0.01):.1f}x (target >= 10x)")
        print(f"  ratio, lookups without it:     {uncached / max(slow.rate, 0.01):.1f}x")
        print(f"  ratio, GROUP BY without it:    {group / max(slow_group.rate, 0.01):.1f}x")

        print("\nceiling: a fixed-answer WSGI app under granian, one worker")
        (work / "ceiling.py").write_text(CEILING_APP, encoding="utf-8")
        ceiling = start(
            [
                str(BIN / "granian"),
                "--interface",
                "wsgi",
                "--working-dir",
                str(work),
                "--workers",
                "1",
                "--port",
                str(ceiling_port),
                "ceiling:app",
            ],
            f"http://127.0.0.1:{ceiling_port}/",
        )
        processes.append(ceiling)
        bare = rate(f"http://127.0.0.1:{ceiling_port}/", ["x"], args.seconds)
        print(f"  bare WSGI {bare.rate:8.0f} req/s")
    finally:
        for process in processes:
            stop(process)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
