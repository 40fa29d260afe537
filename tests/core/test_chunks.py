"""Long articles analysed in parts: the plan, the shift of block numbers and
the merge of parts (no spaCy: the per-part analysis is a stand-in)."""
from reader.core import chunks
from reader.core.chunks import Merger, analyse_in_parts, merge, plan, shift
from reader.core.models import Analysis, Article, Block, DateRef, Entity, Mention, Quote


def _article(blocks: int, size: int = 100) -> Article:
    return Article(source="x", published="2022-07-13",
                   blocks=[Block("paragraph", f"{i:05d} " + "w" * (size - 6)) for i in range(blocks)])


def test_short_article_is_one_part():
    article = _article(10)
    assert plan(article) == [(0, 10)]
    assert plan(Article(source="x")) == []


def test_long_article_parts_cover_every_block_once_visible_part_first():
    article = _article(100, 100)
    ranges = plan(article, first_block=57, whole_limit=1000, part_chars=1000, budget=10**9)
    covered = sorted(i for lo, hi in ranges for i in range(lo, hi))
    assert covered == list(range(100))
    lo, hi = ranges[0]
    assert lo <= 57 < hi
    # then onwards, then backwards from the part before the visible one
    starts = [lo for lo, _ in ranges]
    after = [s for s in starts[1:] if s > lo]
    before = [s for s in starts[1:] if s < lo]
    assert starts[1:len(after) + 1] == sorted(after)
    assert before == sorted(before, reverse=True)


def test_budget_bounds_a_book_but_keeps_the_visible_part():
    article = _article(100, 100)
    ranges = plan(article, first_block=95, whole_limit=1000, part_chars=1000, budget=3000)
    assert sum(hi - lo for lo, hi in ranges) <= 30 and ranges[0][0] <= 95 < ranges[0][1]
    assert plan(article, 0, whole_limit=1000, part_chars=1000, budget=10)[0][0] == 0


def test_only_a_plan_that_covers_the_top_is_complete():
    import reader.core.analysis as analysis

    short = _article(3)
    assert chunks.complete(short, 2)
    book = _article(20_000, 100)  # 2 MB: over the analysis budget
    assert chunks.complete(book, 0)
    assert not chunks.complete(book, 19_000)
    assert analysis.MAX_ANALYSED_CHARS < 2_000_000


def test_shift_moves_every_mention():
    part = Analysis([Entity("Kyiv", "PLACE", ["Kyiv"], [Mention(0, 1, 5)])],
                    [DateRef("Monday", "2022-07-11", "date", 1, 0, 6)],
                    [Quote("q", "Kuleba", "direct", 2, 0, 3)])
    moved = shift(part, 10)
    assert moved.entities[0].mentions == [Mention(10, 1, 5)]
    assert moved.dates[0].block == 11 and moved.quotes[0].block == 12
    assert part.entities[0].mentions == [Mention(0, 1, 5)]  # the input is unchanged


def test_merge_joins_names_and_forms_of_one_type():
    first = Analysis([Entity("Kuleba", "PERSON", ["Kuleba"], [Mention(5, 0, 6)]),
                      Entity("Georgia", "PLACE", ["Georgia"], [Mention(5, 10, 17)])], [],
                     [Quote("We stand", "Kuleba", "direct", 5, 20, 30)])
    second = Analysis([Entity("Dmytro Kuleba", "PERSON", ["Dmytro Kuleba", "Kuleba"],
                              [Mention(1, 0, 13), Mention(2, 0, 6)]),
                       Entity("Georgia", "PERSON", ["Georgia"], [Mention(3, 0, 7)])],
                      [DateRef("Monday", "2022-07-11", "date", 1, 20, 26)], [])
    merged = merge([first, second])
    person = next(e for e in merged.entities if e.type == "PERSON" and "Kuleba" in e.forms)
    assert person.name == "Dmytro Kuleba"  # the fuller name wins
    assert person.mentions == [Mention(1, 0, 13), Mention(2, 0, 6), Mention(5, 0, 6)]
    assert {(e.name, e.type) for e in merged.entities} == {
        ("Dmytro Kuleba", "PERSON"), ("Georgia", "PLACE"), ("Georgia", "PERSON")}
    assert merged.quotes[0].speaker == "Dmytro Kuleba"
    assert merged.entities[0] is not None and len(merged.entities[0].mentions) == 3


def test_merger_snapshots_do_not_change_later():
    merger = Merger()
    merger.add(Analysis([Entity("Kyiv", "PLACE", ["Kyiv"], [Mention(0, 0, 4)])], [], []))
    snapshot = merger.result()
    merger.add(Analysis([Entity("Kyiv", "PLACE", ["Kyiv"], [Mention(9, 0, 4)])], [], []))
    assert snapshot.entities[0].mentions == [Mention(0, 0, 4)]
    assert merger.result().entities[0].mentions == [Mention(0, 0, 4), Mention(9, 0, 4)]


def test_analyse_in_parts_gives_whole_article_block_numbers(monkeypatch):
    import reader.core.analysis as analysis

    monkeypatch.setattr(analysis, "CHUNK_CHARS", 1000)
    monkeypatch.setattr(chunks, "PART_CHARS", 1000)
    article = _article(50, 100)
    seen = []

    def fake(part: Article) -> Analysis:
        seen.append(len(part.blocks))
        first = int(part.blocks[0].text[:5])  # each block says its own number
        return Analysis([Entity(f"B{first}", "ORG", [f"B{first}"], [Mention(0, 0, 5)])], [], [])

    parts = list(analyse_in_parts(article, fake, first_block=30))
    assert len(parts) > 1
    assert sorted(i for _, _, p in parts for i in [p.entities[0].mentions[0].block]) == sorted(
        lo for lo, _ in plan(article, 30))
    assert [total for _, total, _ in parts] == [len(seen)] * len(seen)
    firsts = [p.entities[0].mentions[0].block for _, _, p in parts]
    assert firsts[0] <= 30 and sorted(firsts) == sorted(set(firsts))
    for _, _, p in parts:
        block = p.entities[0].mentions[0].block
        assert p.entities[0].name == f"B{block}"


def test_one_part_is_passed_through_unchanged():
    article = _article(3)
    whole = Analysis([Entity("A", "ORG", ["A"], [Mention(2, 0, 1), Mention(0, 0, 1)])], [], [])
    parts = list(analyse_in_parts(article, lambda a: whole))
    assert parts == [(1, 1, whole)]
