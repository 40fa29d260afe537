"""Text cleaning speed, in process, one core: pages per second for
`extract_text` (the copied-text cleaner, no NLP) over every
news/*/innertext.txt of the extraction corpus.

usage: python benchmarks/bench_clean.py [CORPUS_DIR] [--repeat N] [--sets news mozilla]
CORPUS_DIR defaults to ../shared/corpus/extraction.
The first call (stoplist loading, ~10 ms) is timed separately; the figure is
the best of N passes, by CPU time (steadier on a shared machine) and by wall
time. Prints figures; asserts nothing."""
from __future__ import annotations

import argparse
import glob
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from reader.core.extract.text import extract_text  # noqa: E402

DEFAULT_CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                              "corpus", "extraction")


def load_pages(corpus: str, sets: list[str]) -> list[str]:
    pages = []
    for name in sets:
        for path in sorted(glob.glob(os.path.join(corpus, name, "*", "innertext.txt"))):
            with open(path, encoding="utf-8", errors="replace") as f:
                pages.append(f.read())
    return [p for p in pages if p.strip()]


def one_pass(pages: list[str]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for text in pages:
        extract_text(text, "innertext.txt")
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sets", nargs="+", default=["news"])
    args = parser.parse_args()
    pages = load_pages(args.corpus, args.sets)
    if not pages:
        sys.exit(f"no innertext.txt pages under {args.corpus} for {args.sets}")
    size = sum(len(p) for p in pages)
    start = time.perf_counter()
    extract_text(pages[0], "innertext.txt")
    first = time.perf_counter() - start
    cpu_best = wall_best = float("inf")
    for _ in range(args.repeat):
        cpu, wall = one_pass(pages)
        cpu_best, wall_best = min(cpu_best, cpu), min(wall_best, wall)
    print(f"pages: {len(pages)} ({'/'.join(args.sets)}), {size / 1024:.0f} KiB of text, "
          f"first call {first * 1000:.0f} ms")
    print(f"cleaning: {len(pages) / cpu_best:.0f} pages/s by CPU time, "
          f"{len(pages) / wall_best:.0f} pages/s by wall time "
          f"(best of {args.repeat}; {cpu_best / len(pages) * 1000:.2f} ms/page)")


if __name__ == "__main__":
    main()
