"""What reader remembers between sessions: for each article (keyed by a hash
of its content) where you were, the reading width and the theme; plus the
last width and theme chosen, used for articles opened for the first time.

One JSON file in the XDG state dir (READER_STATE_DIR overrides it, for tests).
Writes are atomic (temporary file + rename) and merge with what another
reader process saved meanwhile. A file that cannot be parsed is renamed aside
and reported, never fatal. Pure: no textual or rich."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .models import Article

STATE_DIR_ENV = "READER_STATE_DIR"
STATE_FILE = "state.json"
FORMAT_VERSION = 1
MAX_ARTICLES = 500  # oldest entries are dropped beyond this


@dataclass
class ArticleState:
    """Where the reader was in one article: block index and character offset of
    the top line (stable across widths), plus the width and theme used."""

    block: int = 0
    offset: int = 0
    width: int | None = None
    theme: str | None = None
    seen: float = 0.0

    @classmethod
    def from_json(cls, data: object) -> ArticleState:
        if not isinstance(data, dict):
            raise ValueError("article entry is not an object")
        names = {f.name: f.type for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        state = cls(**values)
        _check_types(state)
        return state


def _check_types(state: ArticleState) -> None:
    for name in ("block", "offset"):
        if not isinstance(getattr(state, name), int):
            raise ValueError(f"{name} is not an integer")
    if state.width is not None and not isinstance(state.width, int):
        raise ValueError("width is not an integer")
    if state.theme is not None and not isinstance(state.theme, str):
        raise ValueError("theme is not a string")
    if not isinstance(state.seen, (int, float)):
        raise ValueError("seen is not a number")


def state_dir() -> Path:
    """$READER_STATE_DIR, else the platform's user state dir for reader."""
    override = os.environ.get(STATE_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_state_dir  # small, pure-Python

    return Path(user_state_dir("reader", appauthor=False))


def article_key(article: Article) -> str:
    """A short, stable hash of the article's visible content."""
    digest = hashlib.sha256()
    digest.update((article.title or "").encode("utf-8", "surrogatepass"))
    for block in article.blocks:
        digest.update(b"\x00" + block.kind.encode() + b"\x00")
        digest.update(block.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


class StateStore:
    """Load once, read and change in memory, `save()` when leaving."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else state_dir()
        self.path = self.directory / STATE_FILE
        self.articles: dict[str, ArticleState] = {}
        self.defaults: dict[str, object] = {}
        self.notices: list[str] = []
        self._changed: set[str] = set()
        self._defaults_changed = False

    def load(self) -> StateStore:
        """Read the file; a corrupt one is set aside with a notice."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return self
        except OSError as error:
            self.notices.append(f"Could not read saved positions ({error.strerror}).")
            return self
        try:
            self.articles, self.defaults = _parse(raw)
        except ValueError as error:
            self._set_aside(str(error))
        return self

    def _set_aside(self, why: str) -> None:
        aside = self.path.with_name(f"{STATE_FILE}.corrupt-{int(time.time())}")
        try:
            os.replace(self.path, aside)
            where = f"moved to {aside}"
        except OSError:
            where = "left in place"
        self.notices.append(f"Saved positions were unreadable ({why}); {where}. Starting afresh.")

    def get(self, key: str) -> ArticleState | None:
        return self.articles.get(key)

    def put(self, key: str, state: ArticleState) -> None:
        state.seen = time.time()
        self.articles[key] = state
        self._changed.add(key)

    def set_default(self, name: str, value: object) -> None:
        self.defaults[name] = value
        self._defaults_changed = True

    def save(self) -> None:
        """Write atomically, merged over what is on disk now. Raises OSError."""
        articles, defaults = self._on_disk()
        articles.update({key: self.articles[key] for key in self._changed})
        if self._defaults_changed:
            defaults.update(self.defaults)
        newest = sorted(articles.items(), key=lambda kv: kv[1].seen, reverse=True)[:MAX_ARTICLES]
        payload = {"version": FORMAT_VERSION, "defaults": defaults,
                   "articles": {key: asdict(state) for key, state in newest}}
        _write_atomic(self.path, json.dumps(payload, indent=1, sort_keys=True))
        self._changed.clear()
        self._defaults_changed = False

    def _on_disk(self) -> tuple[dict[str, ArticleState], dict[str, object]]:
        try:
            return _parse(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}, {}


def _parse(raw: str) -> tuple[dict[str, ArticleState], dict[str, object]]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON: {error.msg}") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise ValueError("unknown format")
    articles = data.get("articles", {})
    defaults = data.get("defaults", {})
    if not isinstance(articles, dict) or not isinstance(defaults, dict):
        raise ValueError("unknown format")
    try:
        parsed = {str(key): ArticleState.from_json(value) for key, value in articles.items()}
    except TypeError as error:
        raise ValueError(str(error)) from None
    return parsed, defaults


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
