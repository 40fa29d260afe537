"""Long articles are analysed in bounded chunks of whole blocks."""
from reader.core.analysis import CHUNK_CHARS, MAX_ANALYSED_CHARS, chunks
from reader.core.models import Block


def test_short_article_is_one_chunk():
    blocks = [Block("paragraph", "a" * 100) for _ in range(5)]
    parts = list(chunks(blocks))
    assert len(parts) == 1 and [i for i, _ in parts[0]] == [0, 1, 2, 3, 4]


def test_chunks_keep_order_and_size():
    blocks = [Block("paragraph", "word " * 2000) for _ in range(40)]  # 400k chars
    parts = list(chunks(blocks))
    assert len(parts) > 1
    flat = [i for part in parts for i, _ in part]
    assert flat == list(range(len(flat)))
    for part in parts:
        assert sum(len(b.text) for _, b in part) <= CHUNK_CHARS


def test_total_is_capped_and_giant_block_cut_to_a_prefix():
    giant = Block("paragraph", "x" * (5 * MAX_ANALYSED_CHARS))
    parts = list(chunks([giant, Block("paragraph", "after")]))
    analysed = [b for part in parts for _, b in part]
    assert sum(len(b.text) for b in analysed) <= MAX_ANALYSED_CHARS
    assert giant.text.startswith(analysed[0].text)
