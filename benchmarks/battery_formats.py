"""Markdown and JSON over the battery's payload files: the formats that run
the NLP analysis must keep raw control bytes off stdout too.

usage: battery_formats.py READER BATTERY_DIR
Prints one line per run, then METRIC=value pairs. Asserts nothing."""
import os
import re
import subprocess
import sys
import time

RAW = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
PAYLOADS = ["control_escapes.txt", "escapes_in_html.html", "rich_markup_brackets.txt",
            "evil_name_\x1b]0;FILENAME-TITLE\x07.txt", "newline\nin_name.txt", "invalid_utf8.txt",
            "invalid_utf8.html", "nul_inside.txt", "nul_inside.html", "active_content.html",
            "meta_charset_bogus.html", "rtl_mixed.txt", "emoji_zwj_combining.txt"]


def main() -> None:
    reader, battery = sys.argv[1], sys.argv[2]
    runs = leaks = failures = tracebacks = 0
    slowest = 0.0
    for name in PAYLOADS:
        path = os.path.join(battery, name)
        if not os.path.exists(path):
            continue
        for fmt in ("markdown", "json"):
            start = time.perf_counter()
            result = subprocess.run([reader, path, "--format", fmt], capture_output=True,
                                    stdin=subprocess.DEVNULL, timeout=120)
            seconds = time.perf_counter() - start
            slowest = max(slowest, seconds)
            runs += 1
            leak = bool(RAW.search(result.stdout) or RAW.search(result.stderr.replace(b"\n", b"")))
            leaks += leak
            failures += result.returncode != 0
            tracebacks += b"Traceback" in result.stderr
            print(f"{name!r:45} {fmt:8} rc={result.returncode} {seconds:5.1f}s"
                  f"{' LEAK' if leak else ''}")
    print(f"format_runs={runs} ctrl_leaks={leaks} nonzero_exit={failures} "
          f"tracebacks={tracebacks} slowest_s={slowest:.1f}")


if __name__ == "__main__":
    main()
