"""Date normalisation on TimeML documents, in process: the same scores as
../shared/tools/score_dates.py (its reader, matcher and metrics are reused)
in seconds instead of minutes, because spaCy loads once and parses are cached.

usage: python benchmarks/bench_dates.py [TML_DIR] [--errors wrong|missed|false|extent|all] [--max-docs N]
                                       [--half even|odd] [--group wsj|other] [--split]
Prints value F1 and friends, and the time find_dates takes per 1,000 words.
--half keeps every other document of the sorted list (even: 0, 2, 4, ...), so rules can be
studied on one half and confirmed on the other; --group keeps the WSJ (wsj_*) or the other
documents; --split also prints the figures for each half and each group.
The CLI scorer stays the reference figure; this is for iterating on rules."""
from __future__ import annotations

import argparse
import collections
import glob
import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOLS = HERE.parent.parent / "shared" / "tools"
DEFAULT_DIR = HERE.parent.parent / "shared" / "corpus" / "dates" / "timebank"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--errors", choices=["wrong", "missed", "false", "extent", "all"])
    parser.add_argument("--max-docs", type=int)
    parser.add_argument("--half", choices=["even", "odd"])
    parser.add_argument("--group", choices=["wsj", "other"])
    parser.add_argument("--split", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(TOOLS))
    sys.path.insert(0, str(HERE.parent))
    import score_dates  # the shared scorer: same TML reading, matching and metrics

    files = sorted(glob.glob(os.path.join(args.dir, "*.tml")))[:args.max_docs]
    if args.half:
        files = files[0 if args.half == "even" else 1::2]
    if args.group:
        files = [f for f in files if _is_wsj(f) == (args.group == "wsj")]
    docs = [score_dates.read_tml(f) for f in files]
    totals, errors, seconds, words = score(docs, score_dates)
    report(totals, score_dates, seconds, words)
    if args.split:
        everything = sorted(glob.glob(os.path.join(args.dir, "*.tml")))
        halves = {"even": set(everything[0::2]), "odd": set(everything[1::2])}
        names = {d["id"]: f for d, f in zip(docs, files)}
        for label, keep in [("even half", lambda f: f in halves["even"]),
                            ("odd half", lambda f: f in halves["odd"]),
                            ("WSJ", _is_wsj), ("non-WSJ", lambda f: not _is_wsj(f))]:
            part = collections.Counter()
            for d in docs:
                if keep(names[d["id"]]):
                    part.update(d["counts"])
            print(f"-- {label}:")
            report(part, score_dates, None, 0)
    kinds = {"wrong": "wrong value", "missed": "missed", "false": "false alarm", "extent": "extent"}
    for doc_id, error in errors:
        if args.errors == "all" or args.errors and error[0] == kinds[args.errors]:
            print(f"  {doc_id}: {error}")


def score(docs, score_dates):
    from reader.core.analysis import dates
    from reader.core.analysis.layout import Layout
    from reader.core.extract.text import keep_everything
    from reader.core.models import parse_iso

    totals, errors, seconds, words = collections.Counter(), [], 0.0, 0
    for doc in docs:
        article = keep_everything(doc["text"], doc["id"])
        layout = Layout.of(article.blocks)
        parsed = _parse(layout.text)
        start = time.perf_counter()
        found = dates.find_dates(parsed, layout, parse_iso(doc["published"]))
        seconds += time.perf_counter() - start
        words += len(layout.text.split())
        payload = {"blocks": [{"text": b.text} for b in article.blocks],
                   "dates": [{"text": d.text, "value": d.value, "kind": d.kind, "block": d.block,
                              "start": d.start, "end": d.end} for d in found]}
        doc["pred"], doc["unmapped"] = score_dates.predictions(payload, doc["text"])
        counts, doc_errors = score_dates.score_doc(doc)
        strict = set(score_dates.match(doc["gold"], doc["pred"], True))
        doc_errors += [["extent", doc["gold"][g]["text"], doc["pred"][p]["text"], doc["gold"][g]["value"],
                        doc["pred"][p]["value"]] for g, p in score_dates.match(doc["gold"], doc["pred"], False)
                       if (g, p) not in strict]
        doc["counts"] = counts
        totals.update(counts)
        errors += [(doc["id"], e) for e in doc_errors]
    if _STATE.get("dirty"):
        _CACHE.write_bytes(pickle.dumps(_STATE["cache"]))
    return totals, errors, seconds, words


_CACHE = Path(tempfile.gettempdir()) / "reader-bench-dates-docs.pkl"
_STATE: dict = {}


def _parse(text: str):
    """spaCy parse, cached on disk by text hash (the model is the slow part)."""
    from spacy.tokens import DocBin  # benchmark only; reader itself goes through nlp.py

    from reader.core.analysis import nlp

    cache = _STATE.setdefault("cache", _load_cache())
    key = hashlib.sha256(text.encode()).hexdigest()
    if key not in cache:
        bin_ = DocBin()
        bin_.add(nlp.parse(text))
        cache[key], _STATE["dirty"] = bin_.to_bytes(), True
    return list(DocBin().from_bytes(cache[key]).get_docs(nlp.load_pipeline().vocab))[0]


def _load_cache() -> dict:
    try:
        return pickle.loads(_CACHE.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        return {}


def _is_wsj(path: str) -> bool:
    return os.path.basename(path).lower().startswith("wsj")


def report(t, score_dates, seconds: float, words: int) -> None:
    sp, sr, sf = score_dates.prf(t["strict"], t["pred"], t["gold"])
    rp, rr, rf = score_dates.prf(t["relaxed"], t["pred"], t["gold"])
    value = t["value_ok"] / t["relaxed"] if t["relaxed"] else 0.0
    kind = t["type_ok"] / t["relaxed"] if t["relaxed"] else 0.0
    print(f"gold {t['gold']} predicted {t['pred']}")
    print(f"strict   P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")
    print(f"relaxed  P {rp:.3f} R {rr:.3f} F1 {rf:.3f}")
    print(f"value accuracy {value:.3f}  value F1 {value * rf:.3f}  type accuracy {kind:.3f}")
    if seconds is not None:
        print(f"find_dates: {seconds / max(words, 1) * 1e6:.1f} ms per 1,000 words (after parsing)")


if __name__ == "__main__":
    main()
