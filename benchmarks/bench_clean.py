"""Text cleaning speed, in process, one core: pages per second for
`extract_text` (the copied-text cleaner, no NLP) over every
news/*/innertext.txt of the extraction corpus.

usage: python benchmarks/bench_clean.py [CORPUS_DIR] [--repeat N] [--sets news mozilla] [--meta]
CORPUS_DIR defaults to ../shared/corpus/extraction.
The first call (stoplist loading, ~10 ms) is timed separately; the figure is
the best of N passes, by CPU time (steadier on a shared machine) and by wall
time. Prints figures; asserts nothing.

--meta (default sets: mozilla) prints instead how well the header is read,
on pages whose metadata file gives the figure:
  title: exact after collapsing whitespace and case-folding, as
    score_extract.py checks it; 'reachable' counts the pages whose gold title
    (Readability's, from <title>/og:title) is a line of the copied text at
    all (the rest cannot be found: the copy has no <head>);
  published: the day of `published` equals the day of the gold
    publishedTime, over the pages whose copied text shows that day somewhere
    (any date the cleaner's date finder reads in it)."""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from reader.core.extract.metadata import find_dates  # noqa: E402
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


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def meta_figures(corpus: str, sets: list[str]) -> None:
    """Title and published-day accuracy against each page's metadata file."""
    titled = title_ok = reachable = reachable_ok = dated = dated_ok = 0
    misses: list[str] = []
    for name in sets:
        for folder in sorted(glob.glob(os.path.join(corpus, name, "*"))):
            gold = {}
            for meta in ("expected-metadata.json", "meta.json"):
                if os.path.isfile(os.path.join(folder, meta)):
                    with open(os.path.join(folder, meta), encoding="utf-8") as f:
                        gold = json.load(f)
                    break
            path = os.path.join(folder, "innertext.txt")
            if not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            article = extract_text(text, "innertext.txt") if text.strip() else None
            page = f"{name}/{os.path.basename(folder)}"
            if isinstance(gold.get("title"), str) and gold["title"].strip():
                titled += 1
                ok = article is not None and _norm(article.title) == _norm(gold["title"])
                title_ok += ok
                if _norm(gold["title"]) in {_norm(line) for line in text.split("\n")}:
                    reachable += 1
                    reachable_ok += ok
                    if not ok:
                        misses.append(f"title {page}: {gold['title']!r} <- {article.title if article else None!r}")
            day = (gold.get("publishedTime") or "")[:10]
            if day and day in {iso[:10] for lang in ("en", None) for iso, _, _ in find_dates(text, lang)}:
                dated += 1
                got = (article.published or "")[:10] if article else ""
                dated_ok += got == day
                if got != day:
                    misses.append(f"published {page}: {day} <- {got or None}")
    print(f"title: {title_ok}/{titled} exact; reachable (gold title is a line of the text): "
          f"{reachable_ok}/{reachable}")
    print(f"published day: {dated_ok}/{dated} of the pages whose text shows the gold day")
    for miss in misses:
        print("  miss", miss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sets", nargs="+", default=None)
    parser.add_argument("--meta", action="store_true", help="title and published-day accuracy instead of speed")
    args = parser.parse_args()
    if args.meta:
        meta_figures(args.corpus, args.sets or ["mozilla"])
        return
    args.sets = args.sets or ["news"]
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
