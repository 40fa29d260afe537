"""Score the side panel (entities, dates, quotes) on our hand-made panel gold.

usage: python benchmarks/bench_panel.py [--seed] [--quiet] [extra score_panel.py args]
Runs ../shared/tools/score_panel.py --gold-dir benchmarks/panel_gold --no-seed
(--seed: also the seed article) and prints its figures. Never asserted in tests.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCORER = os.path.join(ROOT, "..", "shared", "tools", "score_panel.py")


def main(argv):
    args = list(argv)
    seed = "--seed" in args
    quiet = "--quiet" in args
    args = [a for a in args if a not in ("--seed", "--quiet")]
    cmd = [sys.executable, SCORER, "--cmd", "reader {file} --format json",
           "--gold-dir", os.path.join(HERE, "panel_gold"), "--jobs", "2"]
    if not seed:
        cmd.append("--no-seed")
    if not quiet:
        cmd.append("--per-article")
    return subprocess.call(cmd + args, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
