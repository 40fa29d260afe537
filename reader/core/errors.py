"""Errors a user can cause, each with a one-line message and an exit code.

The CLI prints `reader: <message>` and exits with `exit_code`; nothing here
ever reaches the user as a traceback. Exit codes are documented in README.md
and `reader --help`."""
from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1   # a bug in reader: please report it
EXIT_USAGE = 2      # bad arguments, missing/unreadable file, not a regular file
EXIT_REFUSED = 3    # content refused: binary, empty, too large, nothing readable
EXIT_NETWORK = 4    # URL could not be fetched
EXIT_MODEL = 5      # the NLP model is not installed


class ReaderError(Exception):
    """Base class: `str(error)` is the one line shown to the user."""

    exit_code = EXIT_INTERNAL


class UsageError(ReaderError):
    exit_code = EXIT_USAGE


class SourceError(ReaderError):
    """The input could not be opened or read (missing, directory, FIFO...)."""

    exit_code = EXIT_USAGE


class RefusedContent(ReaderError):
    """The input was read but is not an article: binary, empty, too large."""

    exit_code = EXIT_REFUSED


class NetworkError(ReaderError):
    exit_code = EXIT_NETWORK


class ModelMissing(ReaderError):
    exit_code = EXIT_MODEL
