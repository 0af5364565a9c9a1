"""Store benchmark: our store layer against pyoxigraph called directly, in the same run.

    .venv/bin/python -m bench.store [--documents 6500]

1. Bulk ingest of a generated commitment graph (>= 1 M quads, one graph per document):
   `EmbeddedStore.load` (checked, journalled, replacing graphs) against `pyoxigraph.Store.bulk_load`
   of the same file into a fresh store. Target: >= 0.8x.
2. A selective lookup, a GROUP BY and a 2-hop join through `kg query`'s code path
   (`kg.commands.query.run_query`: store layer, result format, spooled answer) against
   `pyoxigraph.Store.query(...).serialize(...)` on the same store. Target: >= 0.9x each.

A ratio is baseline time / our time: 1.0 is parity, above 1.0 we are faster.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from bench.generate import write_nquads
from kg.commands.query import run_query
from kg.store.embedded import EmbeddedStore

PREFIXES = """PREFIX ckg: <https://w3id.org/commitment-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
QUERIES = {
    "selective lookup": (
        "SELECT ?p ?o WHERE { <https://w3id.org/commitment-kg/id/commitment/4242-3> ?p ?o }",
        2000,
    ),
    "GROUP BY": (
        PREFIXES + "SELECT ?status (COUNT(?c) AS ?n) WHERE { ?c ckg:status ?status } GROUP BY ?status",
        5,
    ),
    "2-hop join": (
        PREFIXES + "SELECT ?c ?text WHERE { ?c ckg:status ckg:Refused ; prov:wasDerivedFrom ?s . "
        "?s ckg:text ?text }",
        10,
    ),
}
TARGETS = {"bulk ingest": 0.8, "selective lookup": 0.9, "GROUP BY": 0.9, "2-hop join": 0.9}


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def bench_ingest(workdir: Path, data: Path) -> tuple[float, float, EmbeddedStore]:
    """Seconds for pyoxigraph's bulk_load and for our load, and our loaded store."""
    baseline = ox.Store(str(workdir / "baseline"))

    def bulk_load() -> None:
        baseline.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        baseline.flush()

    base_s = timed(bulk_load)
    base_count = len(baseline)
    ours = EmbeddedStore(workdir / "ours")
    ours_s = timed(lambda: ours.load(data, "nq"))
    assert ours.count() == base_count, (ours.count(), base_count)
    return base_s, ours_s, ours


def bench_query(store: EmbeddedStore, sparql: str, repeats: int) -> tuple[float, float]:
    """Median seconds for pyoxigraph directly and for `kg query`'s path, interleaved."""
    engine = store._store

    def direct() -> bytes:
        out = io.BytesIO()
        answer = engine.query(sparql, use_default_graph_as_union=True)
        answer.serialize(out, ox.QueryResultsFormat.JSON)  # type: ignore[call-arg, arg-type]
        return out.getvalue()

    def ours() -> bytes:
        out = io.BytesIO()
        run_query(store, sparql, "json", out)
        return out.getvalue()

    assert direct() == ours(), "the two paths disagree"
    direct_times, our_times = [], []
    for _ in range(repeats):
        direct_times.append(timed(direct))
        our_times.append(timed(ours))
    return statistics.median(direct_times), statistics.median(our_times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=6500, help="documents (160 quads each)")
    args = parser.parse_args()
    ratios: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        workdir = Path(tmp)
        data = workdir / "commitments.nq"
        quads = write_nquads(data, args.documents)
        size = data.stat().st_size >> 20
        print(f"generated {quads:,} quads in {args.documents:,} document graphs ({size} MiB)")
        base_s, ours_s, store = bench_ingest(workdir, data)
        ratios["bulk ingest"] = base_s / ours_s
        print(f"bulk ingest: pyoxigraph bulk_load {base_s:.2f} s, EmbeddedStore.load {ours_s:.2f} s")
        for name, (sparql, repeats) in QUERIES.items():
            direct_s, our_s = bench_query(store, sparql, repeats)
            ratios[name] = direct_s / our_s
            print(f"{name}: pyoxigraph {direct_s * 1000:.2f} ms, kg query path {our_s * 1000:.2f} ms")
        store.close()
    print()
    failed = False
    for name, ratio in ratios.items():
        verdict = "ok" if ratio >= TARGETS[name] else "BELOW TARGET"
        failed |= ratio < TARGETS[name]
        print(f"{name:17} {ratio:5.2f}x  (target >= {TARGETS[name]}x)  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
