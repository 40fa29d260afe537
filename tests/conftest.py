"""Test-wide setup: keep the user's real state and cache untouched."""
import os
import tempfile


def pytest_configure(config):
    base = tempfile.mkdtemp(prefix="reader-tests-")
    os.environ.setdefault("READER_STATE_DIR", os.path.join(base, "state"))
    os.environ.setdefault("READER_CACHE_DIR", os.path.join(base, "cache"))
    os.environ.setdefault("READER_CONFIG_DIR", os.path.join(base, "config"))
