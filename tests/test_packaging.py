"""The wheel carries the themes: build it and look inside (the app finds them
as reader/themes next to the package when installed from the wheel)."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_themes(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    wheel = next(tmp_path.glob("reader-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (ROOT / "themes").iterdir() if p.is_file()}
    assert shipped, "themes/ is empty"
    for name in shipped:
        assert f"reader/themes/{name}" in names
    assert "reader/cli.py" in names and "reader/core/analysis/nlp.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "reader = reader.cli:entry_point" in zipfile.ZipFile(wheel).read(entry_points).decode()
