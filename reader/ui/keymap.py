"""The user's own keys: `keys.toml` in reader's config dir maps binding ids
(keys.py, listed in the README) to keys, for Textual's `App.set_keymap`.

    # ~/.config/reader/keys.toml
    highlights = "m"                      # one key
    page-down = ["space", "f", "ctrl+f"]  # or several (replacing the defaults)

A file that cannot be used is ignored with one line of notice; a bad entry
is skipped with one, the others still apply. Reading it never raises."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from . import keys
from .themes import config_dir

KEYMAP_FILE = "keys.toml"
MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")


def keymap_path() -> Path:
    return config_dir() / KEYMAP_FILE


@dataclass
class UserKeymap:
    """binding id -> comma-separated Textual key names, and what was wrong."""

    keymap: dict[str, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def load_keymap(path: Path | None = None) -> UserKeymap:
    """Read the keymap file; a missing file is an empty keymap."""
    path = path or keymap_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UserKeymap()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        return UserKeymap(notices=[f"{path.name} ignored, cannot read it: {reason}"])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return UserKeymap(notices=[f"{path.name} ignored, not valid TOML: {error}"])
    return keymap_from_mapping(data, path.name)


def keymap_from_mapping(data: dict[str, object], name: str = KEYMAP_FILE) -> UserKeymap:
    result = UserKeymap()
    problems: list[str] = []
    for binding_id, value in data.items():
        if binding_id not in keys.REMAPPABLE:
            problems.append(f"{binding_id!r} is no key id")
            continue
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            problems.append(f"{binding_id} needs a key or a list of keys")
            continue
        normal = [normalise(n) for n in names]
        bad = [n for n, key in zip(names, normal) if key is None]
        if bad:
            problems.append(f"{binding_id}: {bad[0]!r} is no key name")
            continue
        result.keymap[binding_id] = ",".join(key for key in normal if key)
    if problems:
        result.notices.append(f"{name}: skipped {'; '.join(problems[:3])}"
                              + (f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""))
    if clashes := find_clashes(result.keymap):
        result.notices.append(f"{name}: {clashes[0]}"
                              + (f" (+{len(clashes) - 1} more)" if len(clashes) > 1 else ""))
    return result


def normalise(name: str) -> str | None:
    """A Textual key name ('ctrl+f', 'pagedown', 'question_mark') from what a
    user may write ('?', 'Ctrl+F', ' j '); None when it names no key."""
    from textual.keys import Keys, _character_to_key, format_key  # loaded by now

    name = name.strip()
    if len(name) == 1:
        return _character_to_key(name) if name.isprintable() and name != "," else None
    *modifiers, base = name.split("+")
    modifiers = [m.strip().lower() for m in modifiers]
    if any(m not in MODIFIERS for m in modifiers) or not base.strip():
        return None
    base = base.strip()
    if modifiers == ["shift"] and len(base) == 1 and base.isalpha():
        return base.upper()  # Textual names Shift+g "G"
    if len(base) == 1:
        base = _character_to_key(base.lower() if modifiers else base)
    else:
        base = base.lower()
    known = {key.value for key in Keys} | {"space", "tab", "enter", "backspace"} \
        | {f"f{n}" for n in range(1, 25)}
    if len(base) > 1 and base not in known and len(format_key(base)) != 1:
        return None  # format_key turns a character's name ('plus', 'slash') back into it
    return "+".join([*modifiers, base])


def find_clashes(keymap: dict[str, str]) -> list[str]:
    """Keys that two bindings read in one place would share after the keymap,
    and which one acts: the nearer widget's, or in one widget the remapped one."""
    found: list[str] = []
    for place, chain in keys.FOCUS_CHAINS.items():
        owner: dict[str, tuple[int, str]] = {}
        for depth, group in enumerate(chain):
            for key in group:
                for name in keymap.get(key.id, key.keys).split(","):
                    first_depth, first = owner.setdefault(name, (depth, key.id))
                    if first == key.id or not (key.id in keymap or first in keymap):
                        continue
                    winner = key.id if first_depth == depth and key.id in keymap else first
                    found.append(f"{keys.label(name)} is both {first} and {key.id} in {place};"
                                 f" {winner} acts")
    return list(dict.fromkeys(found))
