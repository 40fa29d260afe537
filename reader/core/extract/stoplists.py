"""Which language is this page in, and which of its words are stopwords?

Reuses jusText's stoplists (100 languages). The language is the stoplist that
covers the largest share of the page's words; Chinese and Japanese (no spaces,
no stoplist) are recognised by script instead. Stopword density is the main
sign of prose: menus and link lists are mostly names, sentences are not."""
from __future__ import annotations

import importlib.util
from .. import fastre as re  # the stdlib re; compiled patterns kept across launches (perf)
from collections import Counter
from functools import lru_cache
from pathlib import Path

# ISO 639-1 codes for the stoplists whose language we can name on the Article;
# the others still work for classification, the code is then None.
ISO = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Basque": "eu", "Bengali": "bn",
    "Bosnian": "bs", "Bulgarian": "bg", "Catalan": "ca", "Croatian": "hr", "Czech": "cs",
    "Danish": "da", "Dutch": "nl", "English": "en", "Estonian": "et", "Finnish": "fi",
    "French": "fr", "Galician": "gl", "German": "de", "Greek": "el", "Hebrew": "he",
    "Hindi": "hi", "Hungarian": "hu", "Icelandic": "is", "Indonesian": "id", "Irish": "ga",
    "Italian": "it", "Korean": "ko", "Latvian": "lv", "Lithuanian": "lt", "Macedonian": "mk",
    "Malay": "ms", "Norwegian_Bokmal": "nb", "Norwegian_Nynorsk": "nn", "Persian": "fa",
    "Polish": "pl", "Portuguese": "pt", "Romanian": "ro", "Russian": "ru", "Serbian": "sr",
    "Slovak": "sk", "Slovenian": "sl", "Spanish": "es", "Swahili": "sw", "Swedish": "sv",
    "Tagalog": "tl", "Tamil": "ta", "Turkish": "tr", "Ukrainian": "uk", "Urdu": "ur",
    "Vietnamese": "vi", "Welsh": "cy",
}
# Stoplists that are variants of a bigger language: counted slightly lower so
# English text is "English", not "Simple_English" or "Scots".
_VARIANT_WEIGHT = 0.9
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")


# Detection compares only each list's most frequent words, so a long list
# (Finnish: 7,000 entries, English names among them) cannot win by size.
_DETECT_TOP = 150


@lru_cache(maxsize=1)
def _stoplist_dir() -> Path | None:
    """jusText's stoplists folder, found without importing jusText (whose
    import pulls in lxml: ~160 ms); reading all the list heads takes ~10 ms."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return folder if folder.is_dir() else None


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[int, ...]], tuple[str, ...]]:
    """word -> indices of the languages whose top stopwords hold it (built once
    per machine: reading ~100 lists costs ~15 ms at every launch otherwise)."""
    from .. import launch_cache  # perf: the index is kept in the cache dir

    folder = _stoplist_dir()
    if folder is None:
        return _build_index()
    version = f"{folder}|{folder.stat().st_mtime_ns}|{_DETECT_TOP}|{_code_tag(_build_index)}"
    return launch_cache.memo("stoplist-index", version, _build_index, valid=_is_index)


def _code_tag(function) -> str:
    """Changes whenever the function's code does (so an edit rebuilds the index)."""
    import hashlib
    import marshal

    return hashlib.sha256(marshal.dumps(function.__code__)).hexdigest()[:12]


def _is_index(value) -> bool:
    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], dict)
            and isinstance(value[1], tuple))


def _build_index() -> tuple[dict[str, tuple[int, ...]], tuple[str, ...]]:
    folder = _stoplist_dir()
    names = tuple(sorted(p.stem for p in folder.glob("*.txt"))) if folder else ()
    index: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        with open(folder / f"{name}.txt", "rb") as f:
            head = f.read(8192).decode("utf-8", "ignore").split()
        seen: set[str] = set()
        for word in head:
            word = word.lower()
            if word not in seen:
                seen.add(word)
                index.setdefault(word, []).append(i)
            if len(seen) >= _DETECT_TOP:
                break
    return {w: tuple(v) for w, v in index.items()}, names


# Clitics a stopword takes in contractions ("it's", "don't", "you're", "can't"):
# the tokenizer keeps such a word whole, and it is a function word all the same
# (jusText's lists have none, so prose full of them looked sparse in stopwords,
# and "isn't" or "you're" counted as topic words shared by any two texts).
_CLITICS = ("'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "'t")


@lru_cache(maxsize=64)
def stoplist(name: str | None) -> frozenset[str]:
    """All stopwords of the jusText language `name`, lower-cased (the set
    `justext.get_stoplist(name)` gives), plus their contractions with
    either apostrophe; empty when unknown."""
    folder = _stoplist_dir()
    if not name or folder is None or not (folder / f"{name}.txt").is_file():
        return frozenset()
    text = (folder / f"{name}.txt").read_text(encoding="utf-8", errors="ignore")
    words = {w.lower() for w in text.split()}
    contracted = {w + c for w in words for c in _CLITICS} | {"won't"}
    return frozenset(words | contracted | {w.replace("'", "’") for w in contracted})


@lru_cache(maxsize=16)
def latin_script(name: str | None) -> bool:
    """True when the stoplist `name` is written in Latin letters (English,
    Indonesian, ...): a line of Arabic or Greek on such a page is a quotation
    in another language, not a line without function words."""
    words = stoplist(name)
    return bool(words) and sum(w.isascii() for w in words) > len(words) / 2


def is_cjk_text(text: str) -> bool:
    """True when Chinese/Japanese characters make up most of the letters."""
    sample = text[:5000]
    if sample.isascii() or not _CJK.search(sample):
        return False
    letters = len(_LETTER.findall(sample))
    return letters > 0 and len(_CJK.findall(sample)) > 0.3 * letters


def detect(text: str) -> tuple[str | None, str | None]:
    """(jusText stoplist name, ISO code) for `text`; (None, 'zh'/'ja') for
    Chinese/Japanese; (None, None) when no stoplist matches at all."""
    if is_cjk_text(text):
        kana = len(re.findall(r"[\u3040-\u30ff]", text[:5000]))
        return None, ("ja" if kana > 20 else "zh")
    counts = Counter(w.lower() for w in WORD.findall(text))
    index, names = _index()
    score = [0.0] * len(names)
    for word, n in counts.items():
        for i in index.get(word, ()):
            score[i] += n
    for i, name in enumerate(names):
        if name not in ISO:
            score[i] *= _VARIANT_WEIGHT
    best = max(range(len(names)), key=score.__getitem__, default=None)
    if best is None or score[best] == 0:
        return None, None
    return names[best], ISO.get(names[best])
