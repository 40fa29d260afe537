"""Datelines and bylines found in text: 'Last Updated 13 July 2022, 19:19 IST',
'Published: ...', 'By Jane Doe'. Pure regex + stdlib so cleaning stays fast
(dateparser is not needed for these fixed shapes)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# Common abbreviations seen in datelines; offsets in minutes.
TZ_OFFSETS = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120,
    "EEST": 180, "MSK": 180, "IST": 330, "PKT": 300, "SGT": 480, "HKT": 480,
    "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
    "MDT": -360, "PST": -480, "PDT": -420, "WIB": 420, "SAST": 120, "WAT": 60,
    "EAT": 180,
}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TIME = r"(?:[,\s]+(?:at\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*\(?(?P<tz>[A-Z]{2,5})\)?)?)?"
_PATTERNS = [
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME, re.I),
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, re.I),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T\s](?P<h>\d{2}):(?P<mi>\d{2}))?"),
]
DATELINE = re.compile(
    r"^\W{0,3}(?P<label>last\s+updated|updated(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?|"
    r"first\s+published(?:\s+on)?|modified|date)\s*:?\s*(?P<rest>.{6,80}?)\W{0,3}$",
    re.I,
)
BYLINE = re.compile(r"^by\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
                    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)\s*$")


def parse_datetime_text(text: str) -> str | None:
    """'13 July 2022, 19:19 IST' -> '2022-07-13T19:19:00+05:30' (ISO);
    a date without a time gives 'YYYY-MM-DD'. None when nothing is found."""
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match:
            return _to_iso(match.groupdict())
    return None


def _to_iso(g: dict) -> str | None:
    try:
        month = int(g["m"]) if g.get("m") else MONTHS[g["mon"][:3].lower()]
        day = datetime(int(g["y"]), month, int(g["d"]))
    except (ValueError, KeyError):
        return None
    if g.get("h") is None:
        return day.date().isoformat()
    hour = int(g["h"]) % 24
    ampm = (g.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    moment = day.replace(hour=hour, minute=int(g["mi"]))
    offset = TZ_OFFSETS.get((g.get("tz") or "").upper())
    if offset is not None:
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=offset)))
    return moment.isoformat()


def parse_dateline(line: str) -> tuple[str, str] | None:
    """('published'|'updated', iso) when `line` is a dateline, else None."""
    stripped = line.strip().strip("()[]")
    match = DATELINE.match(stripped)
    if not match:
        return None
    iso = parse_datetime_text(match.group("rest"))
    if iso is None:
        return None
    label = match.group("label").lower()
    kind = "updated" if ("updated" in label or "modified" in label) else "published"
    return kind, iso


def parse_byline(line: str) -> list[str] | None:
    match = BYLINE.match(line.strip())
    if not match:
        return None
    names = re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names"))
    return [n for n in names if n]
