"""launch_cache: patterns rebuilt from the store are the patterns re.compile
gives; a damaged or missing store only costs speed, never correctness."""
import os
import re
import subprocess
import sys

import pytest

from reader.core import fastre, launch_cache

PATTERNS = [
    (r"(?P<word>[^\W\d_]+)(?:['’](?P=word))?", re.IGNORECASE),
    (r"""^[\W\d_]{0,4}(?:share|tweet|e-?mail(\ (this|me))?)[\s/|]*$""", re.I | re.X),
    (r"(?<=[a-z])\.(?=[A-Z])|\b\d{1,2}:\d{2}\b", 0),
    (r"[\u3040-\u30ff\u4e00-\u9fff]+", 0),
]


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    launch_cache._reset_for_tests()
    yield tmp_path
    launch_cache._reset_for_tests()


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_rebuilt_patterns_equal_re_compile(store, pattern, flags):
    first = launch_cache.compile(pattern, flags)
    launch_cache.save()
    launch_cache._reset_for_tests()  # a new launch: read back from the file
    again = launch_cache.compile(pattern, flags)
    expected = re.compile(pattern, flags)
    assert first == expected and again == expected
    assert again.groupindex == expected.groupindex and again.groups == expected.groups
    text = "Kuleba's e-mail this 12:30 said.Then ひらがな share"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_store_is_written_once_and_read_back(store):
    launch_cache.compile(r"abc+", 0)
    launch_cache.save()
    files = list((store / "launch").glob("regex-*.marshal"))
    assert len(files) == 1
    launch_cache._reset_for_tests()
    launch_cache.compile(r"abc+", 0)
    assert not launch_cache._dirty  # found in the store, nothing new to write


def test_damaged_store_falls_back_to_re_compile(store):
    launch_cache.compile(r"x+y", 0)
    launch_cache.save()
    path = next((store / "launch").glob("regex-*.marshal"))
    path.write_bytes(b"\x00garbage")
    launch_cache._reset_for_tests()
    assert launch_cache.compile(r"x+y", 0) == re.compile(r"x+y")


def test_bad_opcodes_in_the_store_are_not_trusted(store):
    launch_cache._load_patterns()[(r"x+y", 0)] = (0, [999999, 1, 2], 0, {}, ())
    assert launch_cache.compile(r"x+y", 0) == re.compile(r"x+y")


def test_unwritable_cache_dir_is_not_fatal(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker / "sub"))
    launch_cache._reset_for_tests()
    assert launch_cache.compile(r"a|b", 0) == re.compile(r"a|b")
    launch_cache.save()  # must not raise
    assert launch_cache.memo("t", "1", lambda: {"a": (1, 2)}) == {"a": (1, 2)}
    launch_cache._reset_for_tests()


def test_memo_builds_once_per_version(store):
    calls = []

    def build():
        calls.append(1)
        return {"word": (1, 2)}, ("English", "French")

    assert launch_cache.memo("index", "v1", build) == ({"word": (1, 2)}, ("English", "French"))
    assert launch_cache.memo("index", "v1", build) == ({"word": (1, 2)}, ("English", "French"))
    assert len(calls) == 1
    launch_cache.memo("index", "v2", build)
    assert len(calls) == 2


def test_memo_rebuilds_an_invalid_value(store):
    launch_cache.memo("n", "1", lambda: [1, 2])
    assert launch_cache.memo("n", "1", lambda: (3,), valid=lambda v: isinstance(v, tuple)) == (3,)


def test_fastre_is_re_with_a_kept_compile(store):
    assert fastre.IGNORECASE is re.IGNORECASE and fastre.Pattern is re.Pattern
    assert fastre.match(r"a", "a") and fastre.escape("a.b") == re.escape("a.b")
    assert fastre.compile(r"\bword\b", fastre.I) == re.compile(r"\bword\b", re.I)


def test_cleaner_patterns_survive_the_store(store):
    """Every pattern the text cleaner compiles, read back from the store in a
    new interpreter, equals re.compile's and there is one for each."""
    code = (
        "import re, sys\n"
        "from reader.core import launch_cache as lc\n"
        "import reader.core.extract.text, reader.core.extract.boilerplate\n"
        "lc.save()\n"
        "lc._reset_for_tests()\n"
        "keys = list(lc._load_patterns())\n"
        "assert len(keys) > 40, len(keys)\n"  # the cleaner compiles ~50 (fewer since its phrase gates merged)
        "bad = [k for k in keys if lc.compile(*k) != re.compile(*k)]\n"
        "print(len(keys), len(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "READER_CACHE_DIR": str(store)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[1] == "0"


def test_kept_compiles_serves_every_library_then_restores_re(store):
    original = re._compile
    with launch_cache.kept_compiles("regex-test"):
        inside = re.compile(r"(?P<a>\w+)-(?P=a)", re.I)
        again = re.compile(r"(?P<a>\w+)-(?P=a)", re.I)
        assert re.compile(b"bytes+") == re.compile(b"bytes+")  # bytes pass through
    assert re._compile is original
    assert inside == re.compile(r"(?P<a>\w+)-(?P=a)", re.I) and inside is again
    assert list((store / "launch").glob("regex-test-*.marshal"))
    assert not list((store / "launch").glob("regex-[0-9a-f]*.marshal"))  # the UI's store untouched
    launch_cache._reset_for_tests()
    assert (r"(?P<a>\w+)-(?P=a)", int(re.I)) in launch_cache._load_patterns("regex-test")


def test_kept_compiles_restores_re_after_an_error(store):
    original = re._compile
    with pytest.raises(ValueError):
        with launch_cache.kept_compiles("regex-test"):
            raise ValueError("boom")
    assert re._compile is original


def test_kept_compiles_without_a_cache_dir_override(tmp_path):
    """Without READER_CACHE_DIR the store's folder comes from platformdirs,
    whose import compiles patterns: that import must not run inside the patched
    re (it failed as a re-entrant import and the analysis process never loaded)."""
    code = (
        "import sys\n"
        "from reader.core import launch_cache as lc\n"
        "assert 'platformdirs' not in sys.modules\n"
        "with lc.kept_compiles('regex-test'):\n"
        "    import platformdirs, re\n"
        "    re.compile(r'kept+')\n"
        "print('ok')\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "READER_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
