"""The analysis process: its protocol (with stand-in children, no spaCy), the
cache in front of it, and one real child against the in-process pipeline."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from reader.core import cache
from reader.core.analysis_worker import AnalysisFailed, AnalysisProcess
from reader.core.models import Analysis, Article, Block, Entity, Mention
from reader.core.pipeline import analyse_article, background_analyser


def _article(text: str = "Dmytro Kuleba spoke in Kyiv on Wednesday.") -> Article:
    return Article(source="a.txt", published="2022-07-13", blocks=[Block("paragraph", text)])


def _child(script: str) -> list[str]:
    """A stand-in child: reads one request line, then runs `script`."""
    body = "import json, sys\nrequest = json.loads(sys.stdin.readline())\n" + textwrap.dedent(script)
    return [sys.executable, "-c", body]


def _part(name: str, block: int) -> dict:
    return {"entities": [{"name": name, "type": "PERSON", "forms": [name],
                          "mentions": [{"block": block, "start": 0, "end": len(name)}]}],
            "dates": [], "quotes": []}


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))


def test_parts_are_merged_and_reported_as_they_arrive():
    lines = [{"part": 1, "parts": 2, "analysis": _part("Kuleba", 0)},
             {"part": 2, "parts": 2, "analysis": _part("Kuleba", 1)}, {"done": True}]
    script = "".join(f"print(json.dumps({line!r}), flush=True)\n" for line in lines)
    process = AnalysisProcess(_child(script)).start()
    seen = []
    result = process.analyse(_article(), progress=lambda a, done, total: seen.append((done, total)))
    process.close()
    assert seen == [(1, 2), (2, 2)]
    assert result.entities == [Entity("Kuleba", "PERSON", ["Kuleba"],
                                      [Mention(0, 0, 6), Mention(1, 0, 6)])]


def test_an_error_from_the_child_keeps_its_exit_code():
    script = 'print(json.dumps({"error": "the English NLP model is not installed", "exit_code": 5}))\n'
    process = AnalysisProcess(_child(script))
    with pytest.raises(AnalysisFailed) as caught:
        process.analyse(_article())
    process.close()
    assert caught.value.exit_code == 5 and "not installed" in str(caught.value)


def test_a_child_that_dies_is_an_error_not_a_hang():
    process = AnalysisProcess(_child("sys.exit(3)\n"))
    with pytest.raises(AnalysisFailed):
        process.analyse(_article())
    process.close()


def test_a_cached_analysis_never_asks_the_child():
    article = _article()
    expected = Analysis([Entity("Kyiv", "PLACE", ["Kyiv"], [Mention(0, 23, 27)])], [], [])
    cache.store(cache.cache_key(article), expected)
    process = AnalysisProcess([sys.executable, "-c", "import time; time.sleep(600)"]).start()
    child = process._child
    assert process.analyse(article) == expected
    assert process._child is None and child.poll() is not None  # stopped, not left running
    process.close()


def test_results_are_cached_for_the_next_launch():
    script = ('print(json.dumps({"part": 1, "parts": 1, "analysis": %r}))\n'
              'print(json.dumps({"done": True}), flush=True)\n') % (_part("Kuleba", 0),)
    process = AnalysisProcess(_child(script))
    result = process.analyse(_article())
    process.close()
    assert cache.load(cache.cache_key(_article())) == result


def test_thread_mode_is_the_in_process_pipeline(monkeypatch):
    analyser = background_analyser({"READER_ANALYSIS": "thread"})
    assert not isinstance(analyser, AnalysisProcess)
    import reader.core.analysis as analysis

    monkeypatch.setattr(analysis, "analyse", lambda article: Analysis())
    assert analyser(_article()) == Analysis()
    analyser.close()


def test_real_child_matches_the_in_process_pipeline():
    """One real spaCy child: same result as analysing in this process."""
    pytest.importorskip("spacy")
    article = _article("\u201cWe stand with you,\u201d Dmytro Kuleba said in Kyiv on Wednesday. "
                       "Kuleba met officials of the European Union.")
    process = background_analyser({})
    try:
        result = process(article)
    finally:
        process.close()
    assert result == analyse_article(article, use_cache=False)
    assert any(e.name == "Dmytro Kuleba" for e in result.entities)


def test_child_exits_when_the_ui_goes_away():
    process = AnalysisProcess().start()
    child = process._child
    child.stdin.close()  # what the kernel does when the UI dies
    assert child.wait(timeout=60) == 0
    process.close()


def test_the_child_is_told_where_the_reader_is():
    script = ('print(json.dumps({"error": str(request["first"]) + " " + str(request["lengths"])}),'
              ' flush=True)\n')
    process = AnalysisProcess(_child(script))
    process.first_block = 7
    with pytest.raises(AnalysisFailed) as caught:
        process.analyse(_article("abc"))
    process.close()
    assert str(caught.value) == "7 [3]"


def test_warm_fills_the_launch_cache_and_exits(tmp_path):
    pytest.importorskip("spacy")
    out = subprocess.run([sys.executable, "-m", "reader.core.analysis_worker", "--warm"],
                         env={**os.environ, "READER_CACHE_DIR": str(tmp_path)},
                         capture_output=True, timeout=300)
    assert out.returncode == 0
    assert list((tmp_path / "launch").glob("regex-nlp-*.marshal"))


def test_spacy_loads_without_its_cli_and_the_real_cli_still_imports(tmp_path):
    pytest.importorskip("spacy")
    code = ("import sys\n"
            "from reader.core import analysis_worker as w\n"
            "assert w._warm_up() is None\n"
            "loaded_cli = [m for m in sys.modules if m.startswith(('typer', 'weasel'))]\n"
            "import spacy.cli\n"
            "print(len(loaded_cli), hasattr(spacy.cli, 'download'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "READER_CACHE_DIR": str(tmp_path)}, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "True"]
