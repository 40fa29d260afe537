"""The core must never load the terminal stack: importing every core module
(in a fresh interpreter) leaves textual and rich out of sys.modules."""
import pkgutil
from pathlib import Path
import subprocess
import sys

import reader.core

SEED = Path(__file__).resolve().parent.parent / "examples" / "article.txt"


def _core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")]


def test_core_modules_exist():
    names = _core_modules()
    assert "reader.core.sources" in names and "reader.core.analysis.nlp" in names


def test_core_never_imports_textual_or_rich():
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_text_path_never_imports_spacy():
    """Printing text needs no analysis: spaCy and readability stay unloaded."""
    code = (
        "import sys\n"
        "from reader.core import export\n"
        "from reader.core.pipeline import read_article\n"
        f"a = read_article({str(SEED)!r})\n"
        "export.to_text(a)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'readability', 'dateparser'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_api_is_curated():
    assert set(reader.core.__all__) == {
        "Analysis", "Article", "Block", "DateRef", "Entity", "Link", "Mention", "Quote",
        "ReaderError", "analyse_article", "read_article",
    }
    for name in reader.core.__all__:
        assert hasattr(reader.core, name)
