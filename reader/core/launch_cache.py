"""Work done once per machine instead of once per launch, kept in the cache dir.

CPython compiles regular expressions in pure Python: the text cleaner's ~100
patterns (some are 200-phrase alternations) cost ~40 ms at every start, on
the path to the first frame. `compile` keeps each pattern's compiled opcodes
in a marshal file and rebuilds the Pattern from them with `_sre.compile` (C,
microseconds). The file is keyed by the exact interpreter, so a different
Python never reads another's opcodes; anything unexpected falls back to
`re.compile`, so the result is always the same Pattern `re.compile` gives.
`memo` does the same for small derived tables (e.g. the stoplist index).

Nothing happens at import; the files are safe to delete. Pure: no textual/rich."""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
MAX_PATTERNS = 4000  # beyond this, patterns unused by this process are dropped on save

_lock = threading.RLock()
_plain = re.compile  # what a fallback uses (not a patched re._compile, see kept_compiles)
# store name -> {(pattern, flags): _sre.compile args}; each process kind keeps its own
# (the UI's cleaner patterns stay a small file; spaCy's go to "regex-nlp")
_stores: dict[str, dict[tuple[str, int], tuple]] = {}
_used: set[tuple[str, str, int]] = set()
_dirty: set[str] = set()
DEFAULT_STORE = "regex"


def _interpreter_tag() -> str:
    """Opcodes are only valid for the interpreter that produced them."""
    import _sre

    text = f"{sys.version}|{sys.implementation.name}|{_sre.MAGIC}|{_sre.CODESIZE}"
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _folder() -> Path:
    from .cache import cache_dir  # the XDG cache dir (READER_CACHE_DIR overrides)

    return cache_dir() / "launch"


def _store_path(store: str = DEFAULT_STORE) -> Path:
    return _folder() / f"{store}-{_interpreter_tag()}.marshal"


def _load_patterns(store: str = DEFAULT_STORE) -> dict[tuple[str, int], tuple]:
    if store not in _stores:
        try:
            data = marshal.loads(_store_path(store).read_bytes())
            _stores[store] = data if isinstance(data, dict) else {}
        except (OSError, ValueError, EOFError, TypeError):
            _stores[store] = {}
    return _stores[store]


def compile(pattern: str, flags: int | re.RegexFlag = 0,  # noqa: A001
            store: str = DEFAULT_STORE) -> re.Pattern:
    """`re.compile(pattern, flags)`, without recompiling on every launch."""
    flags = int(flags)
    if not isinstance(pattern, str) or flags & (re.DEBUG | 1):  # 1: the old TEMPLATE flag
        return _plain(pattern, flags)
    key = (pattern, flags)
    with _lock:
        _used.add((store, pattern, flags))
        patterns = _load_patterns(store)
        args = patterns.get(key)
        if args is not None:
            built = _build(pattern, args)
            if built is not None:
                return built
        args = _compile_args(pattern, flags)
        if args is None:
            return _plain(pattern, flags)
        patterns[key] = args
        _dirty.add(store)
        return _build(pattern, args) or _plain(pattern, flags)


def _compile_args(pattern: str, flags: int) -> tuple | None:
    """What re._compiler.compile hands to _sre.compile (CPython 3.11-3.13)."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1,
                groupindex, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - any surprise in private internals: plain re.compile
        return None


def _build(pattern: str, args: tuple) -> re.Pattern | None:
    import _sre

    try:
        flags, code, groups, groupindex, indexgroup = args
        return _sre.compile(pattern, flags, code, groups, dict(groupindex), tuple(indexgroup))
    except Exception:  # noqa: BLE001 - a damaged store entry: compile afresh
        return None


def save() -> None:
    """Write new patterns to their stores (atomic; failures only cost speed)."""
    with _lock:
        for store in sorted(_dirty):
            data = _stores[store]
            if len(data) > MAX_PATTERNS:
                data = {k: v for k, v in data.items() if (store, *k) in _used}
            try:
                _write(_store_path(store), marshal.dumps(data))
                _dirty.discard(store)
            except (OSError, ValueError):
                pass


@contextmanager
def kept_compiles(store: str = "regex-nlp") -> Iterator[None]:
    """Within the block, every pattern any library compiles comes from the
    store (for a process's one-off start-up: spaCy's import and model load
    compile ~900 patterns, ~170 ms). Not for steady state: patterns made per
    document would only churn the store. Restores re and saves on exit."""
    global _plain
    original = re._compile
    seen: dict[tuple, re.Pattern] = {}

    def compile_kept(pattern, flags):
        key = (type(pattern), pattern, flags)
        found = seen.get(key)
        if found is None:
            if not isinstance(pattern, str):
                return original(pattern, flags)
            found = seen[key] = compile(pattern, flags, store)
        return found

    _plain = lambda pattern, flags=0: original(pattern, int(flags))  # noqa: E731
    # Find and read the store before patching: finding it may import platformdirs,
    # which compiles patterns at import (a re-entrant import of a half-made module).
    with _lock:
        _load_patterns(store)
    re._compile = compile_kept
    try:
        yield
    finally:
        re._compile = original
        _plain = re.compile
        save()


def memo(name: str, version: str, build: Callable[[], T],
         valid: Callable[[Any], bool] = lambda value: True) -> T:
    """`build()`, computed once per `version` and kept (marshal-able values
    only); a kept value that fails `valid` is rebuilt."""
    tag = hashlib.sha256(f"{name}|{version}|{_interpreter_tag()}".encode()).hexdigest()[:16]
    path = _folder() / f"{name}-{tag}.marshal"
    try:
        value = marshal.loads(path.read_bytes())
        if valid(value):
            return value
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    try:
        _write(path, marshal.dumps(value))
    except (OSError, ValueError):
        pass
    return value


def _write(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _reset_for_tests() -> None:
    with _lock:
        _stores.clear()
        _dirty.clear()
        _used.clear()


__all__: list[Any] = ["compile", "kept_compiles", "memo", "save"]
