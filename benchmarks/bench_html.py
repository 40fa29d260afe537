"""HTML cleaning speed, in process: pages per second for reader's
`extract_html` and, for comparison, readability-lxml alone
(`Document(html).summary()`), on the same decoded pages.

usage: python benchmarks/bench_html.py [CORPUS_DIR] [--repeat N] [--only reader|readability] [--meta]
--meta instead checks metadata against pages that give it (expected-metadata.json):
title exact (whitespace collapsed, case-folded) and published day.
CORPUS_DIR defaults to ../shared/corpus/extraction (every */*/source.html).
Prints figures; asserts nothing."""
from __future__ import annotations

import argparse
import glob
import logging
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from reader.core.extract.html import extract_html  # noqa: E402
from reader.core.sources import decode  # noqa: E402

DEFAULT_CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                              "corpus", "extraction")


def load_pages(corpus: str) -> list[str]:
    pages = []
    for path in sorted(glob.glob(os.path.join(corpus, "*", "*", "source.html"))):
        with open(path, "rb") as f:
            pages.append(decode(f.read(), "source.html").text)
    return pages


def run_reader(pages: list[str]) -> None:
    for html in pages:
        extract_html(html, "source.html")


def run_readability(pages: list[str]) -> None:
    from readability import Document

    for html in pages:
        try:
            Document(html).summary()
        except Exception:  # readability raises on a few odd pages; count them anyway
            pass


def timed(fn, pages: list[str], repeat: int) -> tuple[float, float]:
    """(pages per CPU second, pages per wall second), best of `repeat` runs.
    CPU time is the steadier figure on a shared machine."""
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn(pages)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return len(pages) / best_cpu, len(pages) / best_wall


def check_metadata(corpus: str) -> None:
    import json

    titles = title_ok = dates = date_ok = 0
    for meta_path in sorted(glob.glob(os.path.join(corpus, "*", "*", "expected-metadata.json"))):
        folder = os.path.dirname(meta_path)
        with open(meta_path, encoding="utf-8") as f:
            gold = json.load(f)
        with open(os.path.join(folder, "source.html"), "rb") as f:
            article = extract_html(decode(f.read(), "source.html").text, "source.html")
        if isinstance(gold.get("title"), str) and gold["title"].strip():
            titles += 1
            title_ok += _norm(article.title) == _norm(gold["title"])
        if gold.get("publishedTime"):
            dates += 1
            date_ok += (article.published or "")[:10] == gold["publishedTime"][:10]
    print(f"title exact: {title_ok}/{titles}; published day: {date_ok}/{dates}")


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=2, help="runs per extractor; the best is kept")
    parser.add_argument("--only", choices=("reader", "readability"))
    parser.add_argument("--meta", action="store_true", help="check titles and dates instead of speed")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    if args.meta:
        check_metadata(args.corpus)
        return
    pages = load_pages(args.corpus)
    if not pages:
        sys.exit(f"no */*/source.html under {args.corpus}")
    megabytes = sum(len(p) for p in pages) / 1e6
    print(f"{len(pages)} pages, {megabytes:.1f} M characters of HTML")
    run_reader(pages[:3])  # warm imports so they are not timed
    run_readability(pages[:3])
    if args.only in (None, "reader"):
        print("reader extract_html:     %6.1f pages/s (CPU time), %6.1f pages/s (wall)"
              % timed(run_reader, pages, args.repeat))
    if args.only in (None, "readability"):
        print("readability-lxml alone:  %6.1f pages/s (CPU time), %6.1f pages/s (wall)"
              % timed(run_readability, pages, args.repeat))


if __name__ == "__main__":
    main()
