#!/usr/bin/env bash
# The hostile-input battery (issue 8): generate the 62 files, run
# ../shared/tools/run_battery.py over them (`--format text` for every file,
# then the UI under a pty on the escape payloads), then the Markdown/JSON
# check of benchmarks/battery_formats.py. Prints figures; asserts nothing.
#   usage: benchmarks/run_battery.sh [BATTERY_DIR]     (default /tmp/battery)
# The last line of each part is METRIC=value pairs.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${READER_SHARED_TOOLS:-../shared/tools}
out=${1:-/tmp/battery}
reader="$PWD/.venv/bin/reader"
if [ ! -f "$out/MANIFEST.tsv" ]; then
  generator="$tools/make_bad_inputs.py"
  [ -f "$generator" ] || generator=tests/data/make_bad_inputs.py
  python3 "$generator" "$out"
fi
if [ -f "$tools/run_battery.py" ]; then
  echo "== python3 $tools/run_battery.py $reader $out"
  python3 "$tools/run_battery.py" "$reader" "$out"
else
  echo "== $tools/run_battery.py not found: text/UI part skipped"
fi
echo "== .venv/bin/python benchmarks/battery_formats.py $out"
.venv/bin/python benchmarks/battery_formats.py "$reader" "$out"
