"""The state store: per-article position/width/theme, atomic merged writes,
a corrupt file set aside with a notice, READER_STATE_DIR honoured."""
from __future__ import annotations

import json

from reader.core.models import Article, Block
from reader.core.state import STATE_FILE, ArticleState, StateStore, article_key, state_dir


def article(text="Body.", title="T") -> Article:
    return Article(source="a.txt", title=title, blocks=[Block("paragraph", text)])


def test_env_var_overrides_the_state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "s"))
    assert state_dir() == tmp_path / "s"
    assert StateStore().path == tmp_path / "s" / STATE_FILE


def test_key_follows_content_not_the_file_name():
    a, b = article(), article()
    b.source = "elsewhere.html"
    assert article_key(a) == article_key(b)
    assert article_key(a) != article_key(article("Body!"))
    assert article_key(a) != article_key(article(title="U"))


def test_round_trip(tmp_path):
    store = StateStore(tmp_path).load()
    store.put("k1", ArticleState(block=4, offset=17, width=80, theme="sepia"))
    store.set_default("width", 80)
    store.save()
    again = StateStore(tmp_path).load()
    assert again.get("k1").block == 4 and again.get("k1").offset == 17
    assert again.get("k1").theme == "sepia"
    assert again.defaults == {"width": 80}
    assert again.notices == []


def test_missing_file_is_empty_and_silent(tmp_path):
    store = StateStore(tmp_path / "nope").load()
    assert store.get("x") is None and store.notices == []


def test_corrupt_file_is_set_aside_with_a_notice(tmp_path):
    (tmp_path / STATE_FILE).write_text("{not json", encoding="utf-8")
    store = StateStore(tmp_path).load()
    assert store.get("x") is None
    assert len(store.notices) == 1 and "unreadable" in store.notices[0]
    assert not (tmp_path / STATE_FILE).exists()
    assert list(tmp_path.glob(f"{STATE_FILE}.corrupt-*"))
    store.put("k", ArticleState(1, 2))
    store.save()
    assert StateStore(tmp_path).load().get("k").offset == 2


def test_wrong_shapes_count_as_corrupt(tmp_path):
    for payload in ([1, 2], {"version": 99}, {"version": 1, "articles": {"k": {"block": "x"}}},
                    {"version": 1, "articles": []}, {"version": 1, "articles": {"k": 3}}):
        (tmp_path / STATE_FILE).write_text(json.dumps(payload), encoding="utf-8")
        store = StateStore(tmp_path).load()
        assert store.notices, payload


def test_save_merges_with_another_process(tmp_path):
    first = StateStore(tmp_path).load()
    second = StateStore(tmp_path).load()
    first.put("a", ArticleState(1, 1))
    first.save()
    second.put("b", ArticleState(2, 2))
    second.save()
    merged = StateStore(tmp_path).load()
    assert merged.get("a") and merged.get("b")


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path):
    store = StateStore(tmp_path).load()
    store.put("a", ArticleState(1, 1))
    store.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == [STATE_FILE]


def test_unknown_fields_are_ignored_for_forward_compatibility(tmp_path):
    payload = {"version": 1, "articles": {"k": {"block": 2, "offset": 3, "future": True}}}
    (tmp_path / STATE_FILE).write_text(json.dumps(payload), encoding="utf-8")
    store = StateStore(tmp_path).load()
    assert store.get("k").block == 2 and not store.notices


def test_oldest_entries_are_dropped(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.core.state.MAX_ARTICLES", 3)
    store = StateStore(tmp_path).load()
    for n in range(5):
        store.put(f"k{n}", ArticleState(n, 0))
        store.articles[f"k{n}"].seen = n
    store.save()
    assert sorted(StateStore(tmp_path).load().articles) == ["k2", "k3", "k4"]
