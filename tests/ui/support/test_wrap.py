"""wrap_offsets: greedy word wrap as offsets, checked against cell widths."""
from __future__ import annotations

import random

import pytest
from rich.cells import cell_len

from reader.ui.support.wrap import wrap_offsets


def lines(text, width):
    return [text[a:b] for a, b in wrap_offsets(text, width)]


def test_short_text_is_one_line():
    assert lines("Hello world", 20) == ["Hello world"]


def test_breaks_at_spaces_and_drops_them():
    assert lines("aaa bbb ccc ddd", 7) == ["aaa bbb", "ccc ddd"]
    assert lines("aaa  bbb   ccc", 8) == ["aaa  bbb", "ccc"]


def test_a_word_longer_than_the_line_is_cut():
    assert lines("abcdefghij xy", 4) == ["abcd", "efgh", "ij", "xy"]


def test_newlines_are_hard_breaks():
    assert lines("one\n\ntwo three", 5) == ["one", "", "two", "three"]


def test_empty_text_is_one_empty_line():
    assert wrap_offsets("", 10) == [(0, 0)]


def test_wide_characters_count_two_cells():
    text = "日本語のテキスト です 漢字"
    for line in lines(text, 8):
        assert cell_len(line) <= 8
    assert "".join(lines(text, 8)).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("seed", range(20))
def test_random_text_never_overflows_and_keeps_every_word(seed):
    rng = random.Random(seed)
    alphabet = ["a", "bb", "ccc", "é", "ж", "日", "😀", "word", "x" * 30]
    words = [rng.choice(alphabet) * rng.randint(1, 3) for _ in range(200)]
    text = " ".join(words)
    width = rng.randint(5, 80)
    pieces = lines(text, width)
    assert all(cell_len(p) <= width for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_offsets_are_in_order_and_inside_the_text():
    text = "The quick brown fox jumps over the lazy dog. " * 50
    spans = wrap_offsets(text, 33)
    assert all(0 <= a <= b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
