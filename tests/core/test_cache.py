"""The analysis cache: round trip, keyed by content, never fatal."""
from reader.core import cache
from reader.core.models import Analysis, Article, Block, DateRef, Entity, Mention, Quote


def _article(text: str = "Kuleba spoke in Kyiv.") -> Article:
    return Article(source="a.txt", published="2022-07-13", blocks=[Block("paragraph", text)])


def _analysis() -> Analysis:
    return Analysis(
        [Entity("Kyiv", "PLACE", ["Kyiv"], [Mention(0, 16, 20)])],
        [DateRef("Wednesday", "2022-07-13", "date", 0, 0, 9)],
        [Quote("We stand", "Dmytro Kuleba", "direct", 0, 1, 9)],
    )


def test_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    key = cache.cache_key(_article())
    assert cache.load(key) is None
    cache.store(key, _analysis())
    assert cache.load(key) == _analysis()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]


def test_key_depends_on_text_and_date():
    base = cache.cache_key(_article())
    assert cache.cache_key(_article("Kuleba spoke in Lviv.")) != base
    other_day = _article()
    other_day.published = "2022-07-14"
    assert cache.cache_key(other_day) != base
    assert cache.cache_key(_article()) == base


def test_corrupt_entry_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    key = cache.cache_key(_article())
    (tmp_path / f"{key}.json").write_text("{not json", encoding="utf-8")
    assert cache.load(key) is None


def test_unwritable_dir_is_not_fatal(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker / "sub"))
    cache.store("k", _analysis())  # must not raise
    assert cache.load("k") is None
