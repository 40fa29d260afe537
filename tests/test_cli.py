"""The command line: exit codes, one sanitised line per error, nothing raw
on stdout, a crash never exits 0."""
import json
import os
import re
import subprocess
import sys

import pytest

from reader import cli
from reader.core import pipeline
from reader.core.errors import RefusedContent
from reader.core.models import Analysis, Entity, Mention, Quote

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
PAYLOAD = "osc title: A\x1b]0;PWNED\x07B csi: \x1b[2J C1: \u009b2J bidi: \u202egnp.exe\n"
ARTICLE = ("The committee met on Tuesday to discuss the budget for next year. "
           "Members agreed that the plan needed more work before a vote.\n\n")


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return str(path)


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clean_line(err):
    assert err.startswith("reader: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert not RAW_CONTROL.search(err) and "Traceback" not in err


# -------------------------------------------------------------- help and usage

def test_help_documents_every_exit_code(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert info.value.code == 0
    for code in range(6):
        assert re.search(rf"^\s+{code}\s+\S", out, re.M), f"exit code {code} undocumented"


@pytest.mark.parametrize("argv", [
    ["--bogus"], ["a.txt", "--format", "xml"], ["a.txt", "--width", "many"],
    ["a.txt", "--published", "2024-13-01"], ["a.txt", "--published", "yesterday"],
    ["a.txt", "--width", "0"], ["a.txt", "--max-size", "0"], ["a\x1b]0;T\x07.txt", "--nope\x1b[2J"],
])
def test_usage_errors_are_one_clean_line_and_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert_one_clean_line(err)


def test_no_source_on_a_terminal_is_a_usage_error(capsys, monkeypatch):
    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    code, _, err = run(capsys)
    assert code == 2 and "no article given" in err


# -------------------------------------------------------------- files

def test_missing_file_exits_2(capsys, tmp_path):
    code, out, err = run(capsys, str(tmp_path / "missing.txt"))
    assert code == 2 and out == "" and "no such file" in err
    assert_one_clean_line(err)


def test_directory_and_fifo_exit_2(capsys, tmp_path):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    for path in (str(tmp_path), str(fifo)):
        code, _, err = run(capsys, path, "--format", "text")
        assert code == 2
        assert_one_clean_line(err)


def test_binary_and_too_large_exit_3(capsys, tmp_path):
    png = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(64))
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(2 * 1_048_576)
    for path in (png, str(big)):
        code, out, err = run(capsys, path, "--format", "text", "--max-size", "1")
        assert code == 3 and out == ""
        assert_one_clean_line(err)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n"])
def test_an_empty_document_is_shown_with_a_notice(capsys, tmp_path, data):
    code, out, err = run(capsys, write(tmp_path, "empty.txt", data), "--format", "text")
    assert code == 0 and out == "" and "nothing to show" in err
    assert_one_clean_line(err)


def test_an_empty_document_still_prints_valid_json(capsys, tmp_path):
    code, out, _ = run(capsys, write(tmp_path, "empty.txt", b""), "--format", "json")
    assert code == 0 and json.loads(out)["blocks"] == []


def test_an_escape_in_the_file_name_is_neutralised_everywhere(capsys, tmp_path):
    name = "evil\x1b]0;FILENAME\x07.txt"
    code, _, err = run(capsys, str(tmp_path / name))
    assert code == 2 and "\u241b]0;FILENAME\u2407" in err
    assert_one_clean_line(err)
    write(tmp_path, name, ARTICLE)
    code, out, _ = run(capsys, str(tmp_path / name), "--format", "json")
    assert code == 0 and json.loads(out)["source"] == "evil\u241b]0;FILENAME\u2407.txt"


# -------------------------------------------------------------- output

@pytest.fixture
def fake_analysis(monkeypatch):
    """A deliberately unsanitised analysis (as a buggy stage might produce):
    the CLI's last pass must still keep raw controls off the terminal."""
    def analyse(article, use_cache=True):
        evil = "Evil\x1b]0;T\x07 \u009b2J Name"
        return Analysis(entities=[Entity(evil, "PERSON", [evil], [Mention(0, 0, 4)])],
                        quotes=[Quote("said \x1b[2J", evil, "direct", 0, 0, 4)])

    monkeypatch.setattr(pipeline, "analyse_article", analyse)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_no_raw_control_character_reaches_stdout(capsys, tmp_path, fake_analysis, fmt):
    path = write(tmp_path, "payload.txt", ARTICLE + PAYLOAD * 3 + ARTICLE)
    code, out, err = run(capsys, path, "--format", fmt, "--no-clean")
    assert code == 0, err
    assert not RAW_CONTROL.search(out)
    assert "\u202e" not in out
    if fmt != "json":
        assert re.search("\u241b\\\\?]0;PWNED\u2407", out)  # shown, visibly
    else:
        json.loads(out)


def test_markup_is_printed_literally(capsys, tmp_path):
    text = "[bold red]not red[/bold red] [/] [@click=app.quit]quit[/] array[0] = x[i]; a sentence.\n"
    code, out, _ = run(capsys, write(tmp_path, "markup.txt", text), "--format", "text", "--no-clean")
    assert code == 0 and out.strip() == text.strip()


def test_width_wraps_printed_text(capsys, tmp_path):
    code, out, _ = run(capsys, write(tmp_path, "a.txt", ARTICLE), "--format", "text",
                       "--no-clean", "--width", "30")
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 30


# -------------------------------------------------------------- failures

def test_an_internal_error_is_one_line_and_exits_1(capsys, tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("bad state \x1b]0;T\x07 " + "x" * 5000)

    monkeypatch.setattr(pipeline, "read_article", boom)
    monkeypatch.delenv("READER_DEBUG", raising=False)
    code, out, err = run(capsys, write(tmp_path, "a.txt", ARTICLE), "--format", "text")
    assert code == 1 and out == ""
    assert_one_clean_line(err)
    assert "internal error: RuntimeError" in err and len(err) <= cli.MAX_ERROR_CHARS + 20


def test_reader_debug_shows_the_traceback(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "read_article", lambda *a, **k: 1 / 0)
    monkeypatch.setenv("READER_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        cli.main([write(tmp_path, "a.txt", ARTICLE), "--format", "text"])


def test_ctrl_c_exits_130_quietly(capsys, tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "read_article", interrupted)
    code, _, err = run(capsys, write(tmp_path, "a.txt", ARTICLE), "--format", "text")
    assert code == 130 and err == ""


def test_a_closed_pipe_is_not_an_error(capsys, tmp_path, monkeypatch):
    def closed(*args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr(cli, "_silence_stdout", lambda: None)
    monkeypatch.setattr(pipeline, "read_article", closed)
    code, _, err = run(capsys, write(tmp_path, "a.txt", ARTICLE), "--format", "text")
    assert code == 0 and err == ""


# -------------------------------------------------------------- the UI path

def _fake_run_ui(monkeypatch, result, tty=True):
    """Stand-in for the UI; stdout claims to be a terminal (patched here, in
    the test's call phase: capsys swaps sys.stdout between setup and call)."""
    import reader.ui.run

    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty, raising=False)
    calls = []

    def run_ui(source, **kwargs):
        calls.append(source)
        if isinstance(result, BaseException):
            raise result
        return result

    monkeypatch.setattr(reader.ui.run, "run_ui", run_ui)
    return calls


@pytest.mark.parametrize("result, expected", [(0, 0), (3, 3), (None, 1), (True, 1), ("0", 1)])
def test_the_ui_exit_code_is_passed_on_and_never_0_by_accident(
        capsys, tmp_path, monkeypatch, result, expected):
    calls = _fake_run_ui(monkeypatch, result)
    path = write(tmp_path, "a.txt", ARTICLE)
    code, _, _ = run(capsys, path)
    assert calls == [path] and code == expected


def test_a_ui_error_is_one_line(capsys, tmp_path, monkeypatch):
    _fake_run_ui(monkeypatch, RefusedContent("a.txt: binary file, refusing to show it"))
    code, _, err = run(capsys, write(tmp_path, "a.txt", ARTICLE))
    assert code == 3
    assert_one_clean_line(err)


def test_a_bad_path_fails_before_the_ui_starts(capsys, tmp_path, monkeypatch):
    calls = _fake_run_ui(monkeypatch, 0)
    code, _, err = run(capsys, str(tmp_path / "missing.txt"))
    assert code == 2 and calls == [] and "no such file" in err


def test_the_ui_refuses_a_stdout_that_is_not_a_terminal(capsys, tmp_path, monkeypatch):
    calls = _fake_run_ui(monkeypatch, 0, tty=False)
    code, _, err = run(capsys, write(tmp_path, "a.txt", ARTICLE), "--format", "ui")
    assert code == 2 and calls == [] and "terminal" in err


# -------------------------------------------------------------- the real process

def reader_process(*args, input=None, env=None):
    return subprocess.run([sys.executable, "-m", "reader", *args], input=input,
                          capture_output=True, timeout=120, env={**os.environ, **(env or {})})


def test_the_process_exit_code_and_stderr(tmp_path):
    result = reader_process(str(tmp_path / "missing\x1b]0;T\x07.txt"))
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.count(b"\n") == 1 and b"\x1b" not in result.stderr
    assert b"Traceback" not in result.stderr


def test_stdin_is_read_when_piped(tmp_path):
    result = reader_process("-", "--format", "text", "--no-clean", input=ARTICLE.encode())
    assert result.returncode == 0 and b"The committee met on Tuesday" in result.stdout


def test_a_locale_that_cannot_show_a_character_gets_replacements_not_a_crash(tmp_path):
    path = write(tmp_path, "cjk.txt", "\u4e2d\u6587 text with \u2603 and a control \x1b[2J here.\n")
    result = reader_process(path, "--format", "text", "--no-clean",
                            env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert b"?? text with ?" in result.stdout and b"\x1b" not in result.stdout
