"""Analysis speed after the model is loaded: seconds per 1,000 words of
article, over the copied news pages (cleaned first), spaCy parse included.

usage: python benchmarks/bench_analysis.py [--pages 20]
Prints the median seconds per 1,000 words and the median for articles of
800-1,200 words (target <= 0.3 s), plus the model load time."""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from reader.core.analysis import analyse, nlp
from reader.core.pipeline import read_article

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "extraction" / "news"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    t0 = time.perf_counter()
    nlp.load_pipeline()
    load = time.perf_counter() - t0
    per_k, near_k = [], []
    for path in sorted(CORPUS.glob("*/innertext.txt"))[: args.pages]:
        article = read_article(str(path))
        words = article.word_count
        if words < 100:
            continue
        t0 = time.process_time()
        analyse(article)
        spent = time.process_time() - t0
        per_k.append(spent / words * 1000)
        if 800 <= words <= 1200:
            near_k.append(spent)
    print(f"model load {load:.2f} s; {len(per_k)} articles; CPU s per 1,000 words: "
          f"median {statistics.median(per_k):.3f}, max {max(per_k):.3f}")
    if near_k:
        print(f"articles of 800-1,200 words ({len(near_k)}): median {statistics.median(near_k):.3f} s "
              f"(target <= 0.3 s)")


if __name__ == "__main__":
    main()
