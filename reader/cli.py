"""Command line: parse arguments, then either print (text/markdown/json) or
open the UI. Every ReaderError becomes one line on stderr and its exit code."""
from __future__ import annotations

import argparse
import os
import re
import sys

from . import __version__
from .core.errors import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, ReaderError, UsageError
from .core.safety import clean_line
from .core.sources import DEFAULT_MAX_BYTES

EXIT_CODES_HELP = """exit codes:
  0  shown or printed
  1  internal error (a bug in reader; please report it)
  2  usage error, or the file cannot be read (missing, directory, not a regular file)
  3  content refused: binary, empty, or larger than --max-size
  4  the URL could not be fetched
  5  the English NLP model is not installed
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
                        help="wrap printed text at this many columns")
    parser.add_argument("--max-size", type=int, default=DEFAULT_MAX_BYTES // 1_048_576,
                        metavar="MB", help="refuse inputs larger than this (default %(default)s MB)")
    parser.add_argument("--theme", help="UI theme (paper, night, sepia, high-contrast, mono)")
    parser.add_argument("--ascii", action="store_true", help="ASCII borders and symbols only")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    _quiet_third_party_logs()
    try:
        return _run(build_parser().parse_args(argv))
    except ReaderError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reader x | head` closes the pipe early: that is not an error.
        _silence_stdout()
        return EXIT_OK
    except Exception as error:  # a bug: one line, no traceback, non-zero
        return _fail(f"internal error: {type(error).__name__}: {error}", EXIT_INTERNAL)


def _run(args: argparse.Namespace) -> int:
    source = _pick_source(args.source)
    if args.published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.published):
        raise UsageError(f"--published must be YYYY-MM-DD, got {clean_line(args.published)!r}")
    fmt = args.format or ("ui" if sys.stdout.isatty() else "text")
    max_bytes = max(1, args.max_size) * 1_048_576
    if fmt == "ui":
        from .ui.run import run_ui  # textual loads only for the UI

        return run_ui(source, clean=not args.no_clean, published=args.published,
                      max_bytes=max_bytes, theme=args.theme, ascii_only=args.ascii)
    return _print(source, fmt, args, max_bytes)


def _pick_source(source: str | None) -> str:
    if source:
        return source
    if not sys.stdin.isatty():
        return "-"
    raise UsageError("no article given: reader FILE (or '-' for stdin, or a URL); see reader --help")


def _print(source: str, fmt: str, args: argparse.Namespace, max_bytes: int) -> int:
    from .core import export
    from .core.pipeline import analyse_article, read_article

    article = read_article(source, clean=not args.no_clean, published=args.published,
                           max_bytes=max_bytes)
    if fmt == "text":
        out = export.to_text(article, width=args.width)
    else:
        analysis = analyse_article(article)
        out = export.to_json(article, analysis) if fmt == "json" else export.to_markdown(article, analysis)
    sys.stdout.write(out)
    sys.stdout.flush()
    return EXIT_OK


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"reader: {clean_line(message)}\n")
    return code


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _quiet_third_party_logs() -> None:
    import logging

    logging.getLogger().addHandler(logging.NullHandler())
    for name in ("readability", "readability.readability", "charset_normalizer", "dateparser"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def entry_point() -> None:
    sys.exit(main())
