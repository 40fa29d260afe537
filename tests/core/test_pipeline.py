"""pipeline: what the UI imports before its first frame stays light, the
article is read without NLP, and analysis goes through the cache and parts."""
import subprocess
import sys
from pathlib import Path

from reader.core import cache, chunks, pipeline
from reader.core.models import Analysis, Article, Block, Entity, Mention

SEED = Path(__file__).resolve().parents[2] / "examples" / "article.txt"


def _loaded_after(code: str) -> set[str]:
    program = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_importing_the_pipeline_loads_no_cleaner_and_no_nlp():
    loaded = _loaded_after("import reader.core.pipeline")
    assert not {m for m in loaded if m.startswith("reader.core.extract")}
    assert not {m for m in loaded if m.split(".")[0] in ("spacy", "dateparser", "readability")}


def test_reading_a_text_article_loads_nothing_slow():
    loaded = _loaded_after(f"from reader.core.pipeline import read_article\nread_article({str(SEED)!r})")
    slow = ("spacy", "dateparser", "readability", "charset_normalizer", "lxml", "regex")
    assert not {m for m in loaded if m.split(".")[0] in slow}


def test_analyse_article_reports_each_part_and_caches_a_complete_result(tmp_path, monkeypatch):
    import reader.core.analysis as analysis

    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(analysis, "CHUNK_CHARS", 1000)
    monkeypatch.setattr(chunks, "PART_CHARS", 1000)
    article = Article(source="x", blocks=[Block("paragraph", "Kyiv " * 60) for _ in range(20)])
    monkeypatch.setattr(analysis, "analyse", lambda part: Analysis(
        [Entity("Kyiv", "PLACE", ["Kyiv"], [Mention(0, 0, 4)])], [], []))
    seen = []
    result = pipeline.analyse_article(article, progress=lambda a, done, total: seen.append(done))
    assert seen == list(range(1, len(seen) + 1)) and len(seen) > 1
    assert len(result.entities) == 1 and len(result.entities[0].mentions) == len(seen)
    assert cache.load(cache.cache_key(article)) == result


def test_a_part_of_a_book_is_not_cached(tmp_path, monkeypatch):
    import reader.core.analysis as analysis

    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(analysis, "CHUNK_CHARS", 1000)
    monkeypatch.setattr(analysis, "MAX_ANALYSED_CHARS", 3000)
    monkeypatch.setattr(chunks, "PART_CHARS", 1000)
    monkeypatch.setattr(analysis, "analyse", lambda part: Analysis())
    book = Article(source="x", blocks=[Block("paragraph", "w" * 500) for _ in range(100)])
    pipeline.analyse_article(book, first_block=90)
    assert cache.load(cache.cache_key(book)) is None
    pipeline.analyse_article(book, first_block=0)
    assert cache.load(cache.cache_key(book)) == Analysis()


def test_open_article_reads_local_text_now_and_leaves_html_and_urls_to_a_worker(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    article = pipeline.open_article(str(text))
    assert isinstance(article, Article) and article.title.startswith("Ukraine severs ties")
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>T</title></head><body><p>Hello there.</p></body></html>")
    later = pipeline.open_article(str(page))
    assert callable(later) and not isinstance(later, Article)
    assert callable(pipeline.open_article("https://example.invalid/a"))  # nothing fetched yet


def test_a_book_length_text_is_cleaned_at_its_ends(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "LARGE_TEXT", 20_000)
    monkeypatch.setattr(pipeline, "HEAD_CHARS", 6_000)
    monkeypatch.setattr(pipeline, "TAIL_CHARS", 4_000)
    body = [f"Paragraph {i} of the long report says that the committee met again and that "
            f"the findings were published in full for everyone to read." for i in range(400)]
    page = ("Home\nNews\nSport\nSign in\n\nADVERTISEMENT\n\nThe committee's long report\n\n"
            + "\n\n".join(body) + "\n\nRelated stories\n\nShare on Facebook\n\nADVERTISEMENT\n")
    path = tmp_path / "book.txt"
    path.write_text(page, encoding="utf-8")
    article = pipeline.read_article(str(path))
    texts = [b.text for b in article.blocks]
    assert article.title == "The committee's long report"
    assert texts == body
    assert "ADVERTISEMENT" in article.removed and "Share on Facebook" in article.removed
