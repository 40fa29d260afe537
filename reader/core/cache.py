"""Analyses cached by content hash, so reopening an article fills the panel
at once. Files live in the XDG cache dir (READER_CACHE_DIR overrides), are
safe to delete, are written atomically, and are keyed by the pipeline
version too, so a new model or new rules never serve stale results."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from .models import Analysis, Article, DateRef, Entity, Mention, Quote

# Bump when the cache format changes.
PIPELINE_VERSION = "1"
_code_fingerprint: str | None = None


def code_fingerprint() -> str:
    """Hash of the analysis code itself, so any change to the rules (an
    upgrade, or a developer's edit) invalidates old entries automatically."""
    global _code_fingerprint
    if _code_fingerprint is None:
        digest = hashlib.sha256()
        folder = Path(__file__).resolve().parent / "analysis"
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".json", ".txt", ".tsv"):
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
        _code_fingerprint = digest.hexdigest()[:16]
    return _code_fingerprint


def cache_dir() -> Path:
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir  # small import; only when caching

    return Path(user_cache_dir("reader", appauthor=False)) / "analyses"


def cache_key(article: Article, model: str = "") -> str:
    """Hash of everything the analysis depends on."""
    digest = hashlib.sha256()
    for part in (PIPELINE_VERSION, code_fingerprint(), model, article.published or ""):
        digest.update(part.encode("utf-8") + b"\0")
    for block in article.blocks:
        digest.update(block.kind.encode() + b"\0" + block.text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def load(key: str) -> Analysis | None:
    """The cached analysis, or None when absent or unreadable (never fatal)."""
    path = cache_dir() / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return analysis_from_dict(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(key: str, analysis: Analysis) -> None:
    """Write atomically (temp file + rename); failures only cost the cache."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(analysis), handle, ensure_ascii=False)
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except (OSError, UnboundLocalError):
            pass


def analysis_from_dict(data: dict) -> Analysis:
    entities = [
        Entity(e["name"], e["type"], list(e["forms"]), [Mention(**m) for m in e["mentions"]])
        for e in data["entities"]
    ]
    dates = [DateRef(**d) for d in data["dates"]]
    quotes = [Quote(**q) for q in data["quotes"]]
    return Analysis(entities, dates, quotes)
