"""Extraction throughput: `kg extract` against bare `nlp.pipe` of the same model on the same text.

    .venv/bin/python -m bench.extract [--words 40000] [--batch-size 64] [FILE.jsonl|FILE.txt ...]

Prints words per second of the bare pipeline and of the extractor (one process), their ratio
(target >= 0.85), and the speed-up of two extractor processes over one (target >= 1.5). Without
files it times generated news-like documents. Each figure is the best of `--repeat` runs, taken
in one process run, alternating, so that machine load hits both sides alike.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable

from kg.documents import Document, read_inputs
from kg.extract import Extractor
from kg.nlp import load_pipeline

STATES = ("Norway", "Germany", "Japan", "Canada", "Poland", "France", "the United States", "Britain")
RECIPIENTS = ("Ukraine", "Moldova", "Jordan", "Kenya", "Georgia")
ASSETS = (
    "armoured vehicles",
    "air defence systems",
    "artillery shells",
    "field hospitals",
    "drones",
    "humanitarian aid",
    "military trainers",
    "fuel supplies",
    "loan guarantees",
)
FRAMES = (
    "{a} will deliver {n} {x} to {r}, the defence ministry said on {d}.",
    "{a} is ready to provide {r} with {x} and {y} after the end of the fighting.",
    "Officials said {a} had already sent {x} to {r} and could add {y} if parliament agrees.",
    "{a} has ruled out sending {x} to {r}, according to local media.",
    "The weather in the capital stayed mild on {d}, with light rain expected in the evening.",
    "Talks between the two delegations resumed on {d} after a short break for consultations.",
    "The minister met her counterpart from {r} to discuss trade, tourism and energy prices.",
    "Analysts expect the decision to weigh on markets for several weeks, the newspaper reported.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def generated(words: int, seed: int = 7) -> list[Document]:
    """News-like documents of about eight sentences, about `words` words in all."""
    rnd = random.Random(seed)
    documents: list[Document] = []
    total = 0
    while total < words:
        sentences = []
        for _ in range(8):
            x, y = rnd.sample(ASSETS, 2)
            sentences.append(
                rnd.choice(FRAMES).format(
                    a=rnd.choice(STATES),
                    r=rnd.choice(RECIPIENTS),
                    x=x,
                    y=y,
                    n=rnd.randrange(2, 90),
                    d=rnd.choice(DAYS),
                )
            )
        text = " ".join(sentences)
        total += len(text.split())
        documents.append(Document(id=f"bench-{len(documents)}", text=text))
    return documents


def best(runs: int, job: Callable[[], None]) -> float:
    """The shortest wall time of `runs` runs of `job`."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    if args.inputs:
        documents = [d for d in read_inputs(args.inputs) if isinstance(d, Document)]
    else:
        documents = generated(args.words)
    texts = [d.text for d in documents]
    nlp = load_pipeline(args.model)
    extractor = Extractor(model=args.model)
    words = sum(1 for doc in nlp.pipe(texts[:1]) for t in doc if not t.is_space)  # warm-up
    words = sum(1 for doc in nlp.pipe(texts, batch_size=args.batch_size) for t in doc if not t.is_space)

    def bare() -> None:
        for _ in nlp.pipe(texts, batch_size=args.batch_size):
            pass

    def extract(processes: int) -> Callable[[], None]:
        def run() -> None:
            for _ in extractor.extract(documents, processes=processes, batch_size=args.batch_size):
                pass

        return run

    bare_times, one_times = [], []
    for _ in range(args.repeat):
        bare_times.append(best(1, bare))
        one_times.append(best(1, extract(1)))
    two = best(args.repeat, extract(2))
    bare_s, one_s = min(bare_times), min(one_times)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"documents: {len(documents)}, words: {words}, batch size: {args.batch_size}, "
        f"cpus: {os.cpu_count()}, "
        f"load (1 min): {load:.2f}"
    )
    print(f"bare nlp.pipe:           {words / bare_s:9.0f} words/s")
    print(f"kg extract, 1 process:   {words / one_s:9.0f} words/s")
    print(f"kg extract, 2 processes: {words / two:9.0f} words/s")
    print(f"ratio extract/bare (1 process): {bare_s / one_s:.2f}x (target >= 0.85)")
    print(f"speed-up 2 processes over 1:    {one_s / two:.2f}x (target >= 1.5)")


if __name__ == "__main__":
    main()
