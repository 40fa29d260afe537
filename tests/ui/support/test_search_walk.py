"""find_matches (smart case, offsets exact) and the n/N walk."""
from __future__ import annotations

from reader.core.models import Mention
from reader.ui.support.search import find_matches, next_index
from reader.ui.support.walk import Walk


def test_matches_smart_case_and_exact_offsets():
    blocks = [(0, "Moscow and moscow"), (1, "MOSCOW")]
    assert find_matches(blocks, "moscow") == [Mention(0, 0, 6), Mention(0, 11, 17),
                                              Mention(1, 0, 6)]
    assert find_matches(blocks, "Moscow") == [Mention(0, 0, 6)]


def test_offsets_survive_characters_that_change_length_when_lowered():
    blocks = [(0, "\u0130stanbul and istanbul")]
    matches = find_matches(blocks, "istanbul")
    assert all(blocks[0][1][m.start:m.end].lower().endswith("stanbul") for m in matches)


def test_query_is_literal_not_a_pattern():
    assert find_matches([(0, "a.c abc")], "a.c") == [Mention(0, 0, 3)]


def test_limit_and_empty():
    assert len(find_matches([(0, "a" * 100)], "a", limit=7)) == 7
    assert find_matches([(0, "abc")], "") == []


def test_next_index_wraps():
    found = [Mention(1, 0, 1), Mention(3, 0, 1)]
    assert next_index(found, (2, 0)) == 1
    assert next_index(found, (4, 0)) == 0
    assert next_index(found, (2, 0), backwards=True) == 0
    assert next_index(found, (0, 0), backwards=True) == 1
    assert next_index([], (0, 0)) == -1


def test_walk_counts_and_wraps():
    walk = Walk("x", [Mention(0, 0, 1), Mention(1, 0, 1), Mention(2, 0, 1)])
    assert walk.counter == "3 matches"
    walk.step(1)
    assert walk.counter == "1/3"
    walk.step(-1)
    assert walk.counter == "3/3"
    walk.step(1)
    assert walk.counter == "1/3"
    assert Walk("y", []).step(1) is None
