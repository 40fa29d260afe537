"""An OptionList that also moves with j/k and g/G (the arrows still work)."""
from __future__ import annotations

from textual.widgets import OptionList

from .. import keys
from .keyorder import KeysInOrder


class VimOptionList(KeysInOrder, OptionList):
    BINDINGS = keys.bindings(keys.LIST_KEYS)
