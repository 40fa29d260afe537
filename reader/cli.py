"""Command line: parse arguments, then either print (text/markdown/json) or
open the UI. Every failure becomes one sanitised line on stderr and a
documented exit code; nothing printed ever carries a raw control character."""
from __future__ import annotations

import argparse
import datetime
import os
import sys
from typing import NoReturn

from . import __version__
from .core.errors import EXIT_INTERNAL, EXIT_OK, ReaderError, UsageError
from .core.safety import clean_line, terminal_safe
from .core.sources import DEFAULT_MAX_BYTES

EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C
MAX_ERROR_CHARS = 300   # an error line stays one readable line

EXIT_CODES_HELP = """exit codes:
  0  shown or printed (an empty document prints a notice on stderr)
  1  internal error (a bug in reader; please report it)
  2  usage error, or the file cannot be read (missing, directory, FIFO,
     device, no permission)
  3  content refused: binary, or larger than --max-size
  4  the URL could not be fetched
  5  the English NLP model is not installed
Errors are one line on stderr, never a traceback (READER_DEBUG=1 shows it).
"""


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as a UsageError (one sanitised line,
    exit 2) instead of printing the raw argument and exiting itself."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see reader --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="Read a saved web article (text or HTML) in the terminal, "
        "with its people, places, organisations, dates and quotes.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", nargs="?", help="article file, '-' for stdin, or an http(s) URL")
    parser.add_argument("--format", choices=("ui", "text", "markdown", "json"),
                        help="print instead of opening the UI (text is the default when piped)")
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date to resolve relative dates against")
    parser.add_argument("--no-clean", action="store_true",
                        help="keep every line of a text file as body, one block per paragraph")
    parser.add_argument("--width", type=int, default=None,
                        help="wrap printed text at this many columns (at least 10)")
    parser.add_argument("--max-size", type=int, default=DEFAULT_MAX_BYTES // 1_048_576,
                        metavar="MB", help="refuse inputs larger than this (default %(default)s MB)")
    parser.add_argument("--theme", help="UI theme (paper, night, sepia, high-contrast, mono)")
    parser.add_argument("--ascii", action="store_true", help="ASCII borders and symbols only")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the reader; return the exit code (never raises, never exits 0 on a crash)."""
    _quiet_third_party_output()
    _never_fail_on_encoding()
    try:
        return _run(build_parser().parse_args(argv))
    except ReaderError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `reader x | head` closes the pipe early: that is not an error.
        _silence_stdout()
        return EXIT_OK
    except Exception as error:  # a bug: one line, no traceback, non-zero
        if os.environ.get("READER_DEBUG"):
            raise
        return _fail(f"internal error: {type(error).__name__}: {error}", EXIT_INTERNAL)


def _run(args: argparse.Namespace) -> int:
    _check_options(args)
    source = _pick_source(args.source)
    if sys.stdout is None:  # started with stdout closed (`reader x >&-`)
        raise UsageError("standard output is closed: nothing to print to")
    fmt = args.format or ("ui" if sys.stdout.isatty() else "text")
    max_bytes = args.max_size * 1_048_576
    if fmt == "ui":
        return _run_ui(source, args, max_bytes)
    return _print(source, fmt, args, max_bytes)


def _check_options(args: argparse.Namespace) -> None:
    if args.published is not None:
        try:
            valid = len(args.published) == 10 and bool(datetime.date.fromisoformat(args.published))
        except ValueError:
            valid = False
        if not valid:
            raise UsageError(f"--published must be a date as YYYY-MM-DD, got {args.published!r}")
    if args.width is not None and not 10 <= args.width <= 10_000:
        raise UsageError(f"--width must be between 10 and 10000 columns, got {args.width}")
    if args.max_size < 1:
        raise UsageError(f"--max-size must be at least 1 (MB), got {args.max_size}")


def _pick_source(source: str | None) -> str:
    if source:
        return source
    if sys.stdin is not None and not sys.stdin.isatty():
        return "-"
    raise UsageError("no article given: reader FILE (or '-' for stdin, or a URL); see reader --help")


def _run_ui(source: str, args: argparse.Namespace, max_bytes: int) -> int:
    if not sys.stdout.isatty():
        raise UsageError("the UI needs a terminal on stdout; use --format text to print")
    if source != "-" and not source.startswith(("http://", "https://")):
        from .core.sources import check_path

        check_path(source, max_bytes)  # a plain error beats a UI that opens and closes
    from .ui.run import run_ui  # textual loads only for the UI

    code = run_ui(source, clean=not args.no_clean, published=args.published,
                  max_bytes=max_bytes, theme=args.theme, ascii_only=args.ascii)
    # An app that ended without a return code did not end normally.
    return code if isinstance(code, int) and not isinstance(code, bool) else EXIT_INTERNAL


def _print(source: str, fmt: str, args: argparse.Namespace, max_bytes: int) -> int:
    from .core import export
    from .core.models import Analysis
    from .core.pipeline import analyse_article, read_article

    article = read_article(source, clean=not args.no_clean, published=args.published,
                           max_bytes=max_bytes)
    empty = not article.blocks and not article.title
    if empty:
        _notice(f"{article.source}: nothing to show, the document has no readable text")
    if fmt == "text":
        out = "" if empty else export.to_text(article, width=args.width)
    else:
        analysis = analyse_article(article) if article.blocks else Analysis()
        out = export.to_json(article, analysis) if fmt == "json" else export.to_markdown(article, analysis)
    # Everything was sanitised at extraction; this pass guarantees it for
    # whatever reaches the terminal (JSON escapes C0 itself, but not C1).
    sys.stdout.write(terminal_safe(out))
    sys.stdout.flush()
    return EXIT_OK


def _notice(message: str) -> None:
    sys.stderr.write(f"reader: {_one_line(message)}\n")


def _fail(message: str, code: int) -> int:
    _notice(message)
    return code


def _one_line(message: str) -> str:
    line = clean_line(message)
    return line if len(line) <= MAX_ERROR_CHARS else line[: MAX_ERROR_CHARS - 1] + "…"


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _never_fail_on_encoding() -> None:
    """A terminal whose locale cannot show a character gets '?', not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _quiet_third_party_output() -> None:
    """Libraries must not write to the terminal: their log records and
    warnings would bypass sanitising (and readability logs tracebacks)."""
    import logging
    import warnings

    logging.raiseExceptions = False  # a broken log call must not print a traceback
    logging.getLogger().addHandler(logging.NullHandler())  # disables the stderr fallback
    for name in ("readability", "readability.readability", "charset_normalizer",
                 "httpx", "httpcore", "spacy", "lxml", "justext", "markdown_it", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if not sys.warnoptions:  # python -W ... still shows them, for developers
        warnings.simplefilter("ignore")


def entry_point() -> None:
    sys.exit(main())
