"""Dates: spaCy DATE/TIME spans resolved to TIMEX3-style values against the
publication date ('Wednesday' -> '2022-07-13', 'last month' -> '2022-06')."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from ..models import DateRef
from .layout import Layout

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_YEAR = re.compile(r"^(?:since |in |the )?(\d{4})s?$")
_DURATION = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
                       r"(second|minute|hour|day|week|month|year|decade)s?\b", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_UNIT = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
         "year": "Y", "decade": "0Y"}


def find_dates(doc: Any, layout: Layout, reference: datetime | None) -> list[DateRef]:
    out: list[DateRef] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        mention = layout.locate(ent.start_char, ent.end_char)
        if mention is None:
            continue
        kind, value = resolve(ent.text, reference, _tense(ent))
        if kind == "time" and ent.label_ == "DATE":
            kind = "date"
        out.append(DateRef(ent.text, value, kind, mention.block, mention.start, mention.end))
    return out


def _tense(ent: Any) -> str:
    head = ent.root.head
    if head.tag_ in ("VBD", "VBN"):
        return "past"
    if head.tag_ == "MD" or any(c.lower_ in ("will", "'ll") for c in head.children):
        return "future"
    return "present"


def resolve(text: str, reference: datetime | None, tense: str = "past") -> tuple[str, str | None]:
    """(kind, value) for one expression."""
    low = text.lower().strip()
    duration = _DURATION.search(low)
    if duration and not low.startswith(("last ", "next ", "this ")) and "ago" not in low:
        return "duration", _duration_value(duration)
    match = _YEAR.match(low)
    if match:
        return "date", match.group(1)[:3] if low.endswith("s") else match.group(1)
    if reference is None:
        return "date", None
    ref = reference.date()
    for i, day in enumerate(WEEKDAYS):
        if day in low:
            return "date", _weekday(ref, i, tense, low).isoformat()
    if low in ("today", "this morning", "tonight", "this evening", "this afternoon"):
        return "date", ref.isoformat()
    if low == "yesterday":
        return "date", (ref - timedelta(days=1)).isoformat()
    if low == "tomorrow":
        return "date", (ref + timedelta(days=1)).isoformat()
    if low in ("last month", "next month", "this month"):
        delta = {"last": -1, "next": 1, "this": 0}[low.split()[0]]
        month = ref.month - 1 + delta
        return "date", f"{ref.year + month // 12}-{month % 12 + 1:02d}"
    if low in ("last year", "next year", "this year"):
        delta = {"last": -1, "next": 1, "this": 0}[low.split()[0]]
        return "date", str(ref.year + delta)
    return "date", _with_dateparser(text, reference)


def _weekday(ref: date, index: int, tense: str, low: str) -> date:
    """The nearest such weekday: the publication day itself when it matches,
    else back for past tense, forward for future."""
    delta = index - ref.weekday()
    if "next" in low or (tense == "future" and delta != 0):
        return ref + timedelta(days=delta % 7 or 7)
    if "last" in low:
        return ref - timedelta(days=(-delta) % 7 or 7)
    if delta == 0:
        return ref
    return ref - timedelta(days=(-delta) % 7)


def _duration_value(match: re.Match) -> str:
    amount = _NUMBERS.get(match.group(1).lower())
    if amount is None:
        amount = int(match.group(1)) if match.group(1).isdigit() else "X"
    unit = match.group(2).lower()
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    if unit == "decade":
        return f"P{amount * 10 if isinstance(amount, int) else 'X'}Y"
    return f"{prefix}{amount}{_UNIT[unit]}"


def _with_dateparser(text: str, reference: datetime) -> str | None:
    import dateparser  # ~0.3 s import; analysis runs in a worker

    settings = {"RELATIVE_BASE": reference.replace(tzinfo=None), "PREFER_DATES_FROM": "past",
                "REQUIRE_PARTS": []}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    low = text.lower()
    if not any(ch.isdigit() for ch in low) or re.search(r"\b\d{1,2}\b", low):
        return parsed.date().isoformat()
    if any(m in low for m in MONTHS):
        return f"{parsed.year}-{parsed.month:02d}"
    return parsed.date().isoformat()
