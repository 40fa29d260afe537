"""Score the side panel (entities, dates, quotes) on our hand-made panel gold.

usage: python benchmarks/bench_panel.py [--seed] [--heldout] [--quiet] [extra score_panel.py args]
Runs ../shared/tools/score_panel.py --gold-dir benchmarks/panel_gold --no-seed
(--seed: also the seed article; --heldout: the held-out articles in
benchmarks/panel_gold/heldout instead, kept apart from tuning) and prints its
figures. Never asserted in tests.
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
    heldout = "--heldout" in args
    args = [a for a in args if a not in ("--seed", "--quiet", "--heldout")]
    gold = os.path.join(HERE, "panel_gold", "heldout") if heldout else os.path.join(HERE, "panel_gold")
    cmd = [sys.executable, SCORER, "--cmd", "reader {file} --format json",
           "--gold-dir", gold, "--jobs", "2"]
    if not seed:
        cmd.append("--no-seed")
    if not quiet:
        cmd.append("--per-article")
    env = dict(os.environ)  # the venv's `reader` first, also when the venv is not activated
    venv_bin = os.path.join(ROOT, ".venv", "bin")
    first = venv_bin if os.path.exists(os.path.join(venv_bin, "reader")) else os.path.dirname(sys.executable)
    env["PATH"] = first + os.pathsep + env.get("PATH", "")
    return subprocess.call(cmd + args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
