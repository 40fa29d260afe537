"""End to end on the user's own example (examples/article.txt is the seed):
the acceptance checks of the walking-skeleton issue, through the real CLI."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parent.parent / "examples" / "article.txt"
HEADLINE = "Ukraine severs ties with North Korea after pro-Russia separatists recognition"


def run_reader(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=120)


def test_text_output_is_the_clean_article():
    result = run_reader(str(SEED), "--format", "text")
    assert result.returncode == 0, result.stderr
    paragraphs = [p for p in result.stdout.split("\n\n") if p.strip()]
    assert paragraphs[0].strip() == HEADLINE
    body = paragraphs[1:]
    assert len(body) == 14
    assert body[0].startswith("Ukraine said Wednesday")
    assert body[-1].startswith("Separatist officials have long said")
    standfirst = "North Korea's recognition of the so-called Donetsk"
    assert sum(p.startswith(standfirst) for p in body) == 1
    for clutter in ("ADVERTISEMENT", "×", "Follow us on", "Last Updated", "(Published"):
        assert clutter not in result.stdout


@pytest.fixture(scope="module")
def seed_json() -> dict:
    result = run_reader(str(SEED), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _entity(data: dict, name: str) -> dict:
    rows = [e for e in data["entities"] if e["name"] == name]
    assert len(rows) == 1, f"{name}: {len(rows)} rows"
    return rows[0]


def test_json_metadata(seed_json):
    assert seed_json["title"] == HEADLINE
    assert seed_json["published"].startswith("2022-07-13")
    assert seed_json["source"] == "article.txt"


def test_json_entities_merged_and_typed(seed_json):
    kuleba = _entity(seed_json, "Dmytro Kuleba")
    assert kuleba["type"] == "PERSON" and "Kuleba" in kuleba["forms"]
    assert _entity(seed_json, "Kyiv")["type"] == "PLACE"
    names = {e["name"] for e in seed_json["entities"]}
    assert not names & {"Russian", "pro-Russian", "North Korea's", "pro-Russia"}


def test_json_mentions_point_at_their_text(seed_json):
    blocks = seed_json["blocks"]
    for entity in seed_json["entities"]:
        for m in entity["mentions"]:
            assert blocks[m["block"]]["text"][m["start"]:m["end"]] in entity["forms"]
    for date in seed_json["dates"]:
        assert blocks[date["block"]]["text"][date["start"]:date["end"]] == date["text"]


def test_json_dates_and_quotes(seed_json):
    wednesdays = [d for d in seed_json["dates"] if d["text"] == "Wednesday"]
    assert wednesdays and all(d["value"] == "2022-07-13" for d in wednesdays)
    quote = [q for q in seed_json["quotes"] if q["text"].startswith("Russia no longer has any allies")]
    assert len(quote) == 1 and quote[0]["speaker"] == "Dmytro Kuleba"
