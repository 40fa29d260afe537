"""Datelines and bylines found in copied page text: 'Last Updated 13 July 2022,
19:19 IST', 'PUBLISHED: 10:48, Tue, Nov 19, 2019', 'Posted by Jane Doe on ...',
'Von Moritz Bachmann publiziert am 25. September 2018'.

Pure regex + stdlib so cleaning stays fast: dateparser is not needed for these
fixed shapes. Month names and labels cover the major European languages."""
from __future__ import annotations

from .. import fastre as re  # the stdlib re; compiled patterns kept across launches (perf)
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from itertools import accumulate

_MONTH_NAMES = {
    1: "jan january janvier januar enero gennaio janeiro januari januar styczeń stycznia января январь leden ledna ene gen",
    2: "feb february février fevrier februar febrero febbraio fevereiro februari lutego февраля февраль únor února fév fev",
    3: "mar march mars märz marz marzo março maret maart marca марта март březen března mär",
    4: "apr april avril abril aprile kwietnia апреля апрель duben dubna avr abr",
    5: "may mai mayo maggio maio mei maja мая май květen května mag",
    6: "jun june juin juni junio giugno junho czerwca июня июнь červen června giu",
    7: "jul july juillet juli julio luglio julho lipca июля июль červenec července jui juil lug",
    8: "aug august août aout agosto agustus augustus sierpnia августа август srpen srpna ago aoû",
    9: "sep sept september septembre septiembre settembre setembro września сентября сентябрь září set",
    10: "oct october octobre oktober octubre ottobre outubro października октября октябрь říjen října okt out ott",
    11: "nov november novembre noviembre novembro listopada ноября ноябрь listopad listopadu",
    12: "dec december décembre decembre dezember diciembre dicembre dezembro desember grudnia декабря декабрь prosinec prosince dez dic déc",
}
MONTHS = {name: num for num, names in _MONTH_NAMES.items() for name in names.split()}


def _month_alternation() -> str:
    """The month names longest first, factored by first letter ('j(?:anuary|anvier|...)'):
    the engine then tests one character per letter instead of each of ~170 names."""
    groups: dict[str, list[str]] = {}
    for name in sorted(MONTHS, key=len, reverse=True):
        groups.setdefault(name[0], []).append(re.escape(name[1:]))
    return "|".join(re.escape(c) + "(?:" + "|".join(v) + ")" for c, v in groups.items())


_MONTH = "(?P<mon>" + _month_alternation() + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
# Fixed offsets in minutes; the US 'ET'/'PT' zones follow daylight saving.
TZ_OFFSETS = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "IST": 330, "PKT": 300, "SGT": 480, "HKT": 480,
    "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "WIB": 420, "SAST": 120, "WAT": 60, "EAT": 180, "WET": 0, "WEST": 60,
}
_US_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
             "PT": "America/Los_Angeles"}
# The patterns below but the first run on lower-cased text without re.IGNORECASE
# (case-insensitive literals cost the engine its quick first-character test:
# ~40 us a line instead of ~5). The zone names are lower-cased to match; a
# zone glued to a lower-case word in the text as written is no zone (find_dates).
_TZ = r"(?P<tz>(?:utc|gmt)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|" + "|".join(
    sorted((z.lower() for z in list(TZ_OFFSETS) + list(_US_ZONES)), key=len, reverse=True)) + r")(?!\d)"
_CLOCK = r"(?P<h>\d{1,2})[:.h](?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?\s?m\.?)?"
_TIME_AFTER = r"(?:\s*(?:,|at|um|à|a las|alle|às|в|@|-|–|—|\||·)?\s*" + _CLOCK + r"(?:\s*\(?" + _TZ + r"\)?)?)?"
# A year is not followed by another digit, unless a clock is glued to it ('NOV 20 20194:29 AM').
_YEAR = r"(?P<y>(?:19|20)\d{2})(?:(?!\d)|(?=\d{1,2}:\d\d))"
_PATTERNS = [
    # 2019-11-18T23:30:00Z, 2019-11-20 14:35:08 (on the text as written: 'T' and 'Z' are upper-case)
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<h>[0-2]\d):(?P<mi>[0-5]\d)"
               r"(?::\d{2}(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"),
    # 13 July 2022, 19:19 IST / 25. September 2018 / 1 de diciembre de 2017 3:00 AM PST
    re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.)?\s*(?:de\s+)?" + _MONTH + r",?\s*(?:de\s+)?"
               + _YEAR + _TIME_AFTER),
    # Nov. 19, 2019 8:03 am ET / November 20th, 2019 - 07:50 GMT / Nov 20 2019
    re.compile(r"\b" + _MONTH + r"\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + _YEAR + _TIME_AFTER),
    # 18.11.2019 / 13/06/2014 / 11/20/19 6:38 AM
    re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)?\d{2})(?![./]?\d)"
               + _TIME_AFTER),
]
# One cheap test before the four patterns: a year not inside a longer number
# (a clock may be glued to it, as _YEAR allows), or a numeric d/m/y date.
_MAYBE_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d(?:(?!\d)|\d{1,2}:)|\d[./]\d{1,2}[./]\d\d")
# A time shown before the date: '11:11 PM EST Nov 19, 2019', '21:17 18.11.2019'.
_TIME_BEFORE = re.compile(r"\b" + _CLOCK + r"(?:\s*\(?" + _TZ + r"\)?)?\s*[,|·-]?\s*" + _WEEKDAY + r"$")

_UPDATED = (r"last\s+updated|updated(?:\s+on)?|last\s+modified(?:\s+on)?|modified(?:\s+on)?|"
            r"aktualisiert(?:\s+am)?|zuletzt\s+aktualisiert|mis\s+à\s+jour(?:\s+le)?|actualizado(?:\s+el)?|"
            r"atualizado(?:\s+em)?|aggiornato(?:\s+il)?|обновлено|diperbarui|zaktualizowano|aktualizováno|"
            r"revised|edited")
_PUBLISHED = (r"first\s+published(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?|original|"
              r"publiziert(?:\s+am)?|veröffentlicht(?:\s+am)?|publié(?:\s+le)?|publicado(?:\s+(?:el|em))?|"
              r"publicada|pubblicato(?:\s+il)?|опубликовано|diterbitkan|dipublikasikan|"
              r"opublikowano|publikováno|date|datum|fecha|data")
_LABEL = re.compile(r"(?P<upd>\b(?:" + _UPDATED + r"))\b|(?P<pub>\b(?:" + _PUBLISHED + r"))\b")  # lower-cased text

_NAME = r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'’-]*|(?:de|da|del|der|van|von|di|du|la|le|bin|al|el)\b)"
_NAMES = _NAME + r"(?:\s+" + _NAME + r"){0,4}"
_AND = r"(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|\bи\b)"
# Case matters for the names (they start upper-case), not for the lead word.
BYLINE = re.compile(
    r"(?i:^\W{0,2}|[|·•,–—-]\s*|(?<=\d)\s+|\b(?:posted|written|words|story|reporting|report|analysis|opinion|commentary|review|column|essay|interview|photos?|video)\s+)"
    r"(?i:by|von|por|par|di|door|av|от|oleh|autor|texto|text|tekst|текст)\s*:?\s+"
    r"(?P<names>" + _NAMES + r"(?:\s*" + _AND + r"\s*" + _NAMES + r")*)"
)
_BY_GATE = re.compile(r"(?i:by|von|por|par|di|door|av|от|oleh|autor|text|tekst|текст)\b")
_NAME_SPLIT = re.compile(r"\s*" + _AND + r"\s*")
_NOT_NAME = re.compile(r"^(?:the|a|an|staff|reports?|admin|editor|editorial|team|news|published|updated|"
                       r"posted|on|in|at|via|from)$", re.I)
# 'By Chris Cillizza, CNN Editor-at-large': the words after the comma are a role, not a second author.
_ROLE_WORDS = frozenset("""editor editors correspondent correspondents reporter reporters writer writers
columnist columnists contributor contributors producer producers analyst analysts critic critics
photographer photographers chief senior staff host anchor director manager associate deputy
at-large""".split())


@dataclass(frozen=True)
class Stamp:
    """A date (and maybe time) found in a line, with its label kind."""

    kind: str  # 'published' | 'updated' | 'unlabelled'
    iso: str
    start: int
    end: int


@lru_cache(maxsize=8)
def _zone(name: str) -> tzinfo | None:
    try:
        from zoneinfo import ZoneInfo  # stdlib; reads the tz database once per zone

        return ZoneInfo(name)
    except Exception:  # no tz database on this system: keep the time naive
        return None


def _parse_tz(tz: str | None, moment: datetime) -> tzinfo | None:
    if not tz:
        return None
    name = tz.upper().replace(" ", "")
    if name in _US_ZONES:
        return _zone(_US_ZONES[name])
    if name in TZ_OFFSETS:
        return timezone(timedelta(minutes=TZ_OFFSETS[name]))
    match = re.match(r"^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$", name)
    if match:
        minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
        if minutes <= 14 * 60:
            return timezone(timedelta(minutes=minutes if match.group(1) == "+" else -minutes))
    return None


def _day(g: dict, lang: str | None) -> datetime | None:
    year = int(g["y"])
    if year < 100:
        year += 2000
    if g.get("mon"):
        month, day = MONTHS.get(g["mon"].lower().rstrip(".")), int(g["d"])
    elif g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        # Numeric dates: day first unless impossible, or US-style 'm/d/y' in English.
        us = (b > 12) or (lang == "en" and g.get("sep") == "/" and a <= 12)
        month, day = (a, b) if us else (b, a)
    else:
        month, day = int(g["m"]), int(g["d"])
    if not month or not 1990 <= year <= 2100:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _with_time(day: datetime, g: dict) -> datetime | None:
    if g.get("h") is None:
        return None
    hour, minute = int(g["h"]), int(g["mi"])
    ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    moment = day.replace(hour=hour, minute=minute)
    zone = _parse_tz(g.get("tz"), moment)
    return moment.replace(tzinfo=zone) if zone else moment


_DATE_SPAN = 300  # longer than any date with its time and zone


def find_dates(text: str, lang: str | None = "en") -> list[tuple[str, int, int]]:
    """Every date in `text` as (iso, start, end); a time (and zone) shown right
    after or just before the date is included: '2022-07-13T19:19:00+05:30'."""
    found: list[tuple[str, int, int]] = []
    if not _MAYBE_DATE.search(text):  # one cheap test before the four patterns
        return found
    taken: list[tuple[int, int]] = []  # spans already read, in order: only those nearby are compared
    lower = lower_keeping_offsets(text)
    for k, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(text if k == 0 else lower):
            s, e = match.span()
            near = taken[bisect_left(taken, (s - _DATE_SPAN,)):bisect_left(taken, (e,))]
            if any(s < te and ts < e for ts, te in near):
                continue
            g = match.groupdict()
            if g.get("tz") and match.end("tz") < len(text) and "a" <= text[match.end("tz")] <= "z":
                # 'ESTUPDATED' has a zone, 'estimated' has none: the case of what follows
                # tells, and only the text as written shows it.
                g["tz"] = None
                e = len(text[:match.start("tz")].rstrip().rstrip("(").rstrip())
            day = _day(g, lang)
            if day is None:
                continue
            moment = _with_time(day, g)
            if moment is None:
                before = _TIME_BEFORE.search(lower, max(0, s - 30), s)
                if before:
                    moment = _with_time(day, before.groupdict())
                    s = before.start() if moment else s
            iso = moment.isoformat() if moment else day.date().isoformat()
            found.append((iso, s, e))
            insort(taken, (s, e))
    found.sort(key=lambda f: f[1])
    return found


def lower_keeping_offsets(text: str) -> str:
    """`text` lower-cased, every character in its place (the rare characters
    whose lower case is longer, such as 'İ', are left as they are)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def lines_with_dates(texts: list[str]) -> set[int]:
    """Indices of the texts that may hold a date: one scan over all of them
    (a regex call per line costs more than the scan on long inputs)."""
    ends = list(accumulate(len(t) + 1 for t in texts))  # ends[k]: where text k+1 starts
    blob = "\n".join(texts)
    return {bisect_right(ends, m.start()) for m in _MAYBE_DATE.finditer(blob)}


def parse_datetime_text(text: str, lang: str | None = "en") -> str | None:
    """'13 July 2022, 19:19 IST' -> '2022-07-13T19:19:00+05:30' (ISO); a date
    without a time gives 'YYYY-MM-DD'. None when no date is found."""
    dates = find_dates(text, lang)
    return dates[0][0] if dates else None


def stamps(line: str, lang: str | None = "en") -> list[Stamp]:
    """The dates of a dateline, each labelled by the word before it
    ('Updated', 'Published', 'Posted' ...); unlabelled ones say so."""
    out: list[Stamp] = []
    prev_end = 0
    lower = lower_keeping_offsets(line)
    for iso, start, end in find_dates(line, lang):
        labels = list(_LABEL.finditer(lower, prev_end, start))
        kind = "unlabelled"
        if labels:
            kind = "updated" if labels[-1].group("upd") else "published"
        out.append(Stamp(kind, iso, start, end))
        prev_end = end
    return out


def parse_dateline(line: str, lang: str | None = "en") -> tuple[str, str] | None:
    """('published'|'updated', iso) when `line` is a labelled dateline, else None."""
    found = stamps(line, lang)
    labelled = [s for s in found if s.kind != "unlabelled"]
    if not labelled:
        return None
    return labelled[0].kind, labelled[0].iso


_RELATIVE = re.compile(
    r"\b\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?|yrs?)\s+ago\b|"
    r"\b(?:an?|one)\s+(?:hour|day|minute|week)\s+ago\b|^\W*(?:just\s+now|yesterday|today)\b|"
    r"\b(?:il\s+y\s+a|vor|hace|há|před|fa|назад)\s+\d+\s+\w+|\b\d+\s+\w+\s+(?:fa|назад|geleden|temu|sedan)\b|"
    r"^\W*(?:heute|gestern|hier|aujourd'hui|ayer|hoy|ontem|hoje|ieri|oggi|вчера|сегодня|včera|dnes)\b",
    re.I,
)


# Every form above needs one of these words: a cheap test before the regex.
_RELATIVE_GATE = re.compile(r"\b(?i:ago|just|yesterday|today|y\s+a|vor|hace|há|před|fa|назад|geleden|temu|sedan|"
                            r"heute|gestern|hier|aujourd|ayer|hoy|ontem|hoje|ieri|oggi|вчера|сегодня|včera|dnes)\b")
# The same cue words as lower-case tokens (for callers that have a line's tokens already).
RELATIVE_WORDS = frozenset("ago just yesterday today il vor hace há před fa назад geleden temu sedan heute gestern "
                           "hier aujourd'hui aujourd’hui ayer hoy ontem hoje ieri oggi вчера сегодня včera "
                           "dnes".split())


def is_relative_time(line: str) -> bool:
    """'2 hours ago', 'vor 3 Stunden', 'Yesterday': a dateline without a date."""
    if not _RELATIVE_GATE.search(line):  # cheap gate: most lines have none of the cue words
        return False
    return _RELATIVE.search(line) is not None


def parse_byline(line: str) -> list[str] | None:
    """The author names of a byline ('By Jane Doe and John Roe'), else None."""
    if not _BY_GATE.search(line):  # cheap gate before the regex
        return None
    match = BYLINE.search(line.strip())
    if not match:
        return None
    found = match.group("names")
    # 'by Jane Doe July 10, 2015': the month belongs to the date, not the name.
    last = found.split()[-1]
    if last.lower().rstrip(".") in MONTHS and re.match(r"\s*\d", line.strip()[match.end():]):
        found = found[: found.rfind(last)]
    names, names_seen = [], 0
    for name in _NAME_SPLIT.split(found):
        parts = name.split()
        cut = next((i for i, p in enumerate(parts) if _LABEL.fullmatch(p.lower())), len(parts))
        parts = parts[:cut]
        while parts and _NOT_NAME.match(parts[-1]):
            parts.pop()
        while parts and _NOT_NAME.match(parts[0]):
            parts.pop(0)
        if len(parts) == 1 and parts[0].isupper() and len(parts[0]) <= 5:
            continue  # 'By Jane Doe, CNN': the outlet, not an author
        roles = [any(w in _ROLE_WORDS for w in [p.lower().strip(".,")] + p.lower().split("-")) for p in parts]
        # A later segment with a role word is a job title; the first is a name unless it is all role.
        if roles and (all(roles) or (names_seen and any(roles))):
            names_seen += 1
            continue
        names_seen += 1
        if parts and parts[0][0].isupper():
            names.append(" ".join(parts).strip(" ,.-–—|"))
    return [n for n in names if n] or None
