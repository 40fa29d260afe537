"""Finding time expressions in running text with HeidelTime-style patterns.

Extents follow TimeML: determiners and modifiers ("the", "early", "nearly")
are inside the expression, prepositions that signal the relation ("on",
"since", "in") are outside. Where patterns overlap the longest span wins."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (APPROX, DAY_PART, MONTH_CAP, NUM_WORDS, NUMBER, ORDINAL, SEASON, UNIT,
                      VAGUE, WEEKDAY, YEAR)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    rule: str


def _cap(fragment: str) -> str:
    """A fragment matched case-sensitively inside an re.I pattern."""
    return f"(?-i:{fragment})"


_M = _cap(MONTH_CAP)
_WD = _cap(WEEKDAY)
_YR = rf"(?<![\d$£€#.,]){YEAR}(?![\d,]\d|\.\d|\s*(?:%|percent\b|per\s+cent))"
_SPELLED_YEAR = (r"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:hundred|(?:twenty|thirty|forty|fifty|sixty|"
                 r"seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|"
                 r"(?:oh\s+)?(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|"
                 r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand"
                 r"(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                 r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
                 r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?))?)")
_ANY_YEAR = rf"(?:{_YR}|{_SPELLED_YEAR}|'\d\d\b)"
_DAYNUM = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b|{ORDINAL}|twenty[\s-]first|thirtieth)"
_EDGE = (r"(?:early|late|mid|the\s+(?:beginning|start|middle|end|close|turn|first\s+half|"
         r"second\s+half|first\s+part|latter\s+part|last\s+half)\s+of)")
_REL = (r"(?:(?:the\s+)?(?:last|next|past|coming|previous|following|current|present|latest|"
        r"upcoming|preceding|same)|this(?:\s+past|\s+coming)?|that)")
_YEAR_REL = r"(?:this|last|next|that)\s+year"

# name -> pattern; every pattern is compiled with re.I.
PATTERNS: dict[str, str] = {
    # "Friday, Oct. 13, 1989", "Oct. 13", "March 26, 1996", "March eighth"
    "month_day": rf"(?:the\s+week(?:end)?\s+of\s+)?(?:{_WD},?\s+)?(?:(?:this\s+coming|this|next|last)\s+)?"
                 rf"(?:{_EDGE}[\s-]+)?{_M}\s+{_DAYNUM}(?:,?\s+{_ANY_YEAR}|\s+{_YEAR_REL})?",
    # "13 July 2022", "the 24th of February"
    "day_month": rf"(?:{_WD},?\s+)?(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?"
                 rf"{_M}(?:,?\s+{_ANY_YEAR})?",
    # "March 1996", "early September", "the middle of October", "last April", "June last year"
    "month": rf"(?:(?:{_EDGE}|{_REL})[\s-]+)?(?:{_EDGE}[\s-]+)?{_M}(?:,?\s+(?:of\s+)?{_ANY_YEAR}|\s+{_YEAR_REL})?",
    "iso_date": r"(?<!\d)(?:1[89]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d\d:\d\d(?::\d\d)?)?(?!\d)",
    # 7/13/2022, 13/07/2022, 13.07.2022, 2022/07/13
    "us_date": r"(?<![\d/.])(?:(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d\d)"
               r"|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d|(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\d/]|\.\d)",
    # "last Friday", "early Tuesday", "Saturday night", "Tuesday nights"
    "weekday": rf"(?:(?:{_REL}|early|late|earlier|later|the\s+(?:previous|following|next))\s+)?"
               rf"{_WD}(?:'s)?(?:\s+(?:{DAY_PART})s?)?",
    "weekday_plural": rf"(?-i:(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))",
    "deictic": r"(?:(?:early|late|earlier|later|mid-?(?:morning|afternoon|day))\s+)?(?:today|tonight|yesterday|tomorrow)"
               rf"(?:\s+(?:{DAY_PART}))?|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)",
    "day_part": rf"(?:(?:early|late|later|earlier)\s+)?(?:this|last|tomorrow|yesterday)\s+(?:{DAY_PART})"
                r"|overnight|mid-?(?:morning|afternoon|day)|(?:early|late)\s+(?:morning|afternoon|evening)",
    "clock": rf"(?:(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
             r"(?:(?<![\d:.$])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b|p\.m\b)"
             r"|(?<![\d:.$])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d:.%])(?=\s*(?:local\s+time|(?-i:[A-Z]{1,3}T\b|GMT|UTC|IST|BST|CET)|hrs|hours|h\b))"
             r"|(?:(?<=\bat\s)|(?<=\bAt\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bfrom\s)|(?<=\bFrom\s)|(?<=\bby\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\baround\s)|(?<=\babout\s))(?:0\d|1[3-9]|2[0-3]):[0-5]\d(?![\d:.%,]\d|\s*(?:[-–]\s*\d|p\.?m|a\.?m))"
             rf"|(?:{NUM_WORDS}|\d{{1,2}})\s+o'clock|noon|midnight)"
             r"(?:\s+(?-i:[ECMP][SD]?T|GMT|UTC|IST|BST|CET|CEST|EET|MSK|JST|AEST|AEDT|HKT|SGT)\b"
             r"|\s+(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?\s+[Tt]ime)?"
             r"(?:\s+local\s+time)?",
    # "2022", "fiscal 1989", "the end of 1990", "mid-1996", "the summer of 2014"
    "year": rf"(?:(?:{_EDGE}|(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+of)[\s-]+)?"
            rf"(?:(?:the\s+)?(?:fiscal|calendar|financial|model|tax|school|academic)(?:\s+year)?\s+)?"
            rf"(?:{_YR}|FY\s?'?\d\d(?:\d\d)?\b|the\s+year\s+{_SPELLED_YEAR}|{_SPELLED_YEAR}(?=\W*$|\s*[,.;)]|\s+(?:and|or|to|when|through|before|after)\b))",
    "year_short": r"(?<![\w'])'\d\d\b(?!s)",
    "decade": rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?:the\s+)?(?:{_EDGE}\s+)?(?:the\s+)?)?"
              r"(?:(?<![\d$])(?:1[0-9]|20)?\d0'?s\b|'\d0s\b|(?-i:the\s+)(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
    "century": rf"(?:(?:the|this|last|next)\s+)?(?:(?:early|late|mid|turn\s+of\s+the)[\s-]+)?"
               rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL}|nineteenth|twentieth|twenty[\s-]first|eighteenth|"
               r"seventeenth|sixteenth|fifteenth)[\s-]+century|(?:this|last|next|the\s+past|the\s+last|the\s+previous)\s+century",
    "quarter": rf"(?:(?:the|a|this|last|next|that)\s+)?(?:(?:{_YR}|{_YEAR_REL}'s)\s+)?"
               rf"(?:(?:fiscal|calendar|financial)[\s-]+)?"
               r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|calendar)[\s-]+)?quarters?"
               rf"(?:\s+of\s+(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?:{_YR}|(?:this|last|next|the)\s+year))?"
               rf"(?:\s+{_YR}|\s+{_YEAR_REL})?"
               r"|(?<![\w-])Q[1-4](?:\s+(?:19|20)\d\d)?(?![\w-])|(?<![\w-])[1-4]Q(?:\s*(?:19|20)?\d\d)?(?![\w-])",
    "quarter_rel": rf"(?:(?:{_REL}|the(?:\s+(?:latest|most\s+recent|year-ago|year-earlier|recent|comparable|"
                   r"corresponding|prior|fiscal|current|same))*|this|that|its|a\s+year\s+ago|the\s+year\s+before|"
                   r"(?:this|last|next)\s+year's)\s+)"
                   r"(?:year-ago\s+|year-earlier\s+|fiscal\s+|(?:19|20)\d\d\s+)?(?:quarter|period)(?!s)",
    "half": rf"(?:the\s+)?(?:first|second|latter|last|back|front)\s+half\s+of\s+(?:the\s+)?"
            rf"(?:fiscal\s+)?(?:{_YR}|year|decade|century|{_YEAR_REL}|(?:19|20)?\d0'?s|'\d0s)"
            r"|(?<![\w-])H[12]\s+(?:19|20)\d\d(?![\w-])"
            r"|the\s+(?:first|second)\s+half(?!\s+of\b|[\w-])",
    "season": rf"(?:(?:{_EDGE}|{_REL}|early|late|mid)[\s-]+)?(?:the\s+)?(?:early\s+|late\s+)?{SEASON}"
              rf"(?:\s+(?:of\s+)?{_ANY_YEAR}|\s+{_YEAR_REL})?",
    # "this year", "the past week", "earlier this month", "the end of the year", "the current fiscal year"
    "relative": rf"(?:(?:{_EDGE}|early|late|earlier|later|sometime|mid)[\s-]+(?:in\s+)?)?"
                rf"(?:{_REL}|the)\s+(?:(?:fiscal|calendar|financial|school|academic)\s+)?"
                r"(?:day|weekend|week|month|year|decade|century|fortnight)(?!-)(?:'s|\s+(?:before|after)(?=\s*[,.;:!?)]))?"
                r"|(?:the\s+)?full\s+(?:fiscal\s+)?year(?!-)",
    "relative_bare": rf"(?:(?:{_EDGE}|early|late|earlier|later|sometime)\s+(?:in\s+)?)"
                     r"(?:(?:the|this|that)\s+)?(?:day|week|month|year|decade)(?!-)",
    "year_end": r"(?:the\s+)?(?:year|month|week|quarter)[-\s]end\b|(?:the\s+)?year's\s+end|mid-?year\b",
    "year_ago": r"(?:the\s+)?(?:(?:same|comparable|corresponding|year-ago|year-earlier)\s+)+(?:period|quarter|"
                r"(?:first|second|third|fourth)[\s-]+quarter|months?|year)?(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?"
                r"|(?<![\w-])year-(?:ago|earlier)(?![\w-])",
    # "three years ago", "a year earlier", "nearly two weeks ago", "a week or so ago"
    "offset": rf"(?:{APPROX}\s+)?(?:{NUMBER}|a|an|{VAGUE})(?:\s+(?:or|to)\s+(?:{NUMBER}|so))?[\s-]+"
              rf"(?:more\s+)?{UNIT}(?:\s+or\s+so)?\s+(?:ago|earlier|later|from\s+now|hence|previously|"
              r"back)(?![\w-])",
    "offset_bare": rf"(?:(?:many|several|some|a\s+few)\s+)?(?:{UNIT})\s+(?:ago|earlier|later|from\s+now)(?![\w-])",
    # "the past two months", "nearly forty years", "a minute and a half", "2 1/2 years"
    "duration": rf"(?:{APPROX}\s+)?(?:(?:the|a|an|each\s+of\s+the|all)\s+)?"
                r"(?:(?:past|last|next|first|final|coming|previous|following|initial|remaining|latest|"
                r"same|other|additional|further|recent|early|preceding|ensuing|intervening|year-earlier|year-ago)\s+)?"
                rf"(?:{NUMBER}|{VAGUE}|\d+)(?:\s+(?:or|to|and|-)\s+(?:{NUMBER}|\d+))?(?:\s+(?:more|additional|full|"
                rf"straight|consecutive|long|trading|business|calendar|fiscal|working))?[\s-]+{UNIT}"
                r"(?:\s+and\s+a\s+half|\s+or\s+so|\s+(?:ahead|running|in\s+a\s+row))?",
    "duration_a": r"(?:(?:the\s+)?(?:better|best|greater)\s+part\s+of\s+)?(?:a|an|one)\s+(?:(?:full|whole|entire|single|additional|extra|further)\s+)?"
                  r"(?:second|minute|hour|day|week|month|year|decade|century|fortnight)(?:\s+and\s+a\s+half)?(?![\w-])",
    "duration_units": r"(?:(?:the\s+)?(?:past|last|next|coming|recent|following|previous|first|early|ensuing)\s+"
                      r"(?:few\s+|several\s+|many\s+|couple\s+of\s+)?|the\s+)?(?:years|months|weeks|days|decades|centuries|hours|minutes)"
                      r"(?:\s+(?:or|and)\s+(?:years|months|weeks|days|decades))?(?:\s+(?:ahead|to\s+come))?",
    "duration_adj": rf"(?:a\s+)?(?:\d+(?:\.\d+)?|{NUM_WORDS}|half|one)[\s-](?:and-a-half-)?(?:second|minute|hour|day|night|week|month|quarter|year|decade|century)"
                    r"(?:-long)?(?![\w-]*-old)(?=[\s,.;:)]|$)",
    "set": rf"(?:every|each|per)\s+(?:other\s+|single\s+)?(?:(?:{NUMBER})\s+)?(?:{UNIT}|{DAY_PART}|{_WD}|{_M}|{SEASON})"
           r"|(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|every)\s+(?:day|week|month|year|quarter|hour)",
    "ref": r"(?:right\s+)?now(?!\s*-)|currently|current(?!\s+(?:account|accounts|affairs|events|assets|liabilities))(?=\s)"
           r"|presently|nowadays|at\s+present|these\s+days|at\s+the\s+moment|for\s+the\s+moment"
           r"|recently|recent(?=\s)|lately|more\s+recently|(?:the|this)\s+(?:recent\s+)?past(?!\s+(?:few|several|\d|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|day|quarter|century))"
           r"|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|future(?=\s+(?:years|months|quarters|decades|periods)\b)"
           r"|(?:(?<=\bin\s)|(?<=\bfor\s))future(?=\s*[,.;]|\s+(?:we|they|he|she|it|the|a)\b)"
           r"|the\s+(?:near|short|medium|long)\s+term"
           r"|someday|one\s+day(?=\s+(?:soon|we|they|he|she|it|i|you)\b)|as\s+soon\s+as\s+possible|from\s+time\s+to\s+time",
}

# Every expression starts at a word start: saying so up front lets the engine skip
# most positions at once (4x faster than trying every alternative everywhere).
COMPILED = {name: re.compile(rf"(?<![\w])(?=[\w'])(?:{pattern})", re.I) for name, pattern in PATTERNS.items()}
# The word each pattern cannot do without: a pattern only runs near one of
# these, which skips most of the text (expressions are sparse).
_UNIT_CORE = r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni"
CORES = {
    "month_day": MONTH_CAP, "day_month": MONTH_CAP, "month": MONTH_CAP,
    "iso_date": r"\d{4}-\d\d", "us_date": r"\d[/.]\d", "weekday": WEEKDAY, "weekday_plural": WEEKDAY,
    "deictic": r"today|tonight|yesterday|tomorrow", "day_part": r"morning|afternoon|evening|night|overnight|midday",
    "clock": r"[ap]\.?\s?m\b|\d[:.]\d\d|noon|midnight|o'clock",
    "year": r"\d{4}|FY|nineteen|eighteen|twenty|two thousand", "year_short": r"'\d\d",
    "decade": r"\d0'?s\b|ties\b", "century": r"century", "quarter": r"quarter|\b[Qq][1-4]|[1-4]Q\b",
    "quarter_rel": r"quarter|period", "half": r"half|\bH[12]\b", "season": SEASON,
    "relative": r"day|week|month|year|decade|century|fortnight", "relative_bare": r"day|week|month|year|decade",
    "year_end": r"end\b|mid-?year", "year_ago": r"year-ago|year-earlier|same|comparable|corresponding",
    "offset": _UNIT_CORE, "offset_bare": _UNIT_CORE, "duration": _UNIT_CORE, "duration_a": _UNIT_CORE,
    "duration_units": _UNIT_CORE, "duration_adj": _UNIT_CORE,
    "set": _UNIT_CORE + r"|every|each|per\b|once|twice|times|" + WEEKDAY,
    "ref": r"now|current|present|moment|these days|recent|lately|past|future|term|run\b|someday|one day|"
           r"as soon|from time",
}
_CORE_RE: dict[str, re.Pattern] = {}
for _name, _core in CORES.items():
    _CORE_RE.setdefault(_core, re.compile(rf"(?<![^\W\d_])(?:{_core})", re.I))
# One scan finds every position where some core word starts; each core is then
# tried only at those positions (one pass instead of one per core).
_ANY_CORE = re.compile(r"(?<![^\W\d_])(?=[\w'])(?=" + "|".join(f"(?:{c})" for c in _CORE_RE) + ")", re.I)
_BEFORE, _AFTER = 80, 60
# Rules whose match in running text needs a look at its neighbours.
_FALSE_FOLLOW = re.compile(r"^[\s-]*(?:old|-old|years?-old)\b", re.I)
_MONEY_BEFORE = re.compile(r"(?:\$|£|€|#|\bUS\$|\bC\$)\s*$|\b(?:cents?|percent|%|points?)\s+$", re.I)


def recognise(text: str) -> list[Span]:
    """All time expressions in `text`, non-overlapping, in order."""
    found: list[Span] = []
    windows: dict[str, list[tuple[int, int]]] = {}
    starts = [hit.start() for hit in _ANY_CORE.finditer(text)]
    for name, pattern in COMPILED.items():
        core = CORES[name]
        if core not in windows:
            windows[core] = _windows(_CORE_RE[core], text, starts)
        for match in _matches(pattern, text, windows[core]):
            start, end = _trim(text, match.start(), match.end())
            if name in ("duration", "duration_adj", "quarter"):
                start = _drop_determiner(text, start, end)
            if name.startswith("duration"):
                start = _drop_preposition(text, start, end)
            if end > start and _plausible(text, start, end, name):
                found.append(Span(start, end, name))
    return _join_clock_and_day(_longest(found), text)


def _windows(core: re.Pattern, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Stretches of `text` around a pattern's core word, merged where they overlap."""
    out: list[tuple[int, int]] = []
    for position in starts:
        hit = core.match(text, position)
        if hit is None:
            continue
        start, end = max(0, hit.start() - _BEFORE), min(len(text), hit.end() + _AFTER)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _matches(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]):
    last = -1
    for start, end in windows:
        for match in pattern.finditer(text, start, end):
            if match.start() >= last:
                last = match.end()
                yield match


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and a possessive "'s"."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if text[start:end].lower().endswith(("'s", "’s")) and end - start > 2:
        end -= 2
    return start, end


_ADJECTIVAL = re.compile(r"(?:the|a|an|its|their|his|her|our|this|that)\s+(?=(?:fiscal[\s-])?\S+-(?:second|minute|hour|day|night|week|month|quarter|year|decade|century)(?:-long)?$)", re.I)


def _drop_determiner(text: str, start: int, end: int) -> int:
    """'the 40-year stagnation', 'a three hour drive': TimeML marks only '40-year',
    'three hour'."""
    match = _ADJECTIVAL.match(text, start, end) or _ADJECTIVAL_SPACED.match(text, start, end)
    return match.end() if match else start


# "a three hour drive": a number above one with a singular unit is an adjective
_ADJECTIVAL_SPACED = re.compile(
    rf"(?:the|a|an|its|their|his|her|our|this|that)\s+(?=(?!one\b|1\b)(?:\d+|{NUM_WORDS})\s+"
    r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|century)$)", re.I)
# "over the next two years": 'over' before a determiner is the preposition, not 'more than'
_PREPOSITION = re.compile(r"(?:over|under)\s+(?=(?:the|several|many|recent|few|a\s+few|these|those)\b)", re.I)


def _drop_preposition(text: str, start: int, end: int) -> int:
    match = _PREPOSITION.match(text, start, end)
    if match:
        return match.end()
    if re.match(r"last\s", text[start:end], re.I) and _previous_word(text, start) in _BEFORE_VERB_LAST:
        return start + 5   # "the strike will last 48 hours": 'last' is the verb
    return start


_BEFORE_VERB_LAST = ("will", "would", "could", "can", "may", "might", "should", "must", "to", "not", "did",
                     "does", "do", "which", "that", "it", "they", "wo", "'ll", "could")


def _plausible(text: str, start: int, end: int, name: str) -> bool:
    """Context checks a pattern alone cannot make."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return False
    after = text[end:end + 12]
    if re.match(r"-[a-z]", after, re.I) and name not in ("duration_adj",):
        return False
    if name in ("duration", "duration_adj", "duration_a", "offset") and _FALSE_FOLLOW.match(after):
        return False
    if name in ("duration_a", "set") and _MONEY_BEFORE.search(text[max(0, start - 25):start]):
        return False
    if name == "duration_a" and _previous_word(text, start) not in _DURATION_BEFORE:
        return False
    if name == "duration_units" and (_previous_word(text, start).replace(",", "").replace(".", "").isdigit()
                                     or _previous_word(text, start) in _POSSESSIVES
                                     or _FALSE_FOLLOW.match(after) or _previous_word(text, start) == "of"):
        return False
    word = text[start:end]
    if re.search(r"three[\s-]quarters?$|quarters?[\s-]of\s+a", word, re.I):
        return False
    if name == "year_short" and _previous_word(text, start) not in _YEAR_PREPOSITIONS:
        return False
    if name == "year" and re.match(r"\s*(?:GMT|UTC|hrs|hours|h\b|local time|Zulu)", after):
        return False  # "1900 GMT" is a time of day
    if name == "quarter_rel" and word.lower().endswith("period") and re.match(r"\s+(?:of|in)\s", after):
        return False  # "its current period of consolidation" is no quarter
    if name == "year" and _STREET.match(text, end):
        return False  # "2134 Caldwell Place" is an address
    if name == "year" and re.fullmatch(r"\d{4}", word) and _in_title(text, start):
        return False  # "Just Dance 2020", "Prime Day 2019": the year is part of a name
    if _title_case_name(text, start, end) or _quoted_title(text, start, end):
        return False
    if name == "year" and re.fullmatch(r"\d{4}", word) and not 1900 <= int(word) <= 2099 and not (
            _previous_word(text, start) in _YEAR_PREPOSITIONS + ("year", "circa", "c.", "around")
            or re.match(r"\s*(?:AD|BC|BCE|CE)\b", after)):
        return False
    if name == "weekday" and re.search(r"\b(?i:black|good|cyber|super|ash|easter|palm|holy|blue|bloody|maundy|giving)\s+$",
                                       text[max(0, start - 10):start]):
        return False
    if name == "ref" and word == "Now" and start > 0 and not re.search(r"(?:^|[.!?:\"“”]\s*|\n)\s*$", text[max(0, start - 3):start]):
        return False
    if name == "month" and word in ("May", "March", "Mar", "Jan", "Sept", "Dec") and _ambiguous_month(text, start, end, word):
        return False
    if name == "season" and word.lower() in ("fall", "spring") and not _seasonal(text, start):
        return False
    if name in ("season", "duration", "duration_adj", "duration_units", "decade") and _name_like(text, start, end):
        return False
    if name == "decade" and _previous_word(text, start) in _POSSESSIVES:
        return False  # "in their mid-50s" is an age
    if name.startswith(("duration", "offset", "set")) and start > 1 and text[start - 1] == "-" and text[start - 2].isalpha() \
            and re.match(_UNIT_CORE, word, re.I):
        return False  # "light-years", "man-hours": a unit of something else
    if name == "duration_a" and re.fullmatch(r"(?:a|an|one)\s+second", word, re.I) and re.match(
            r"\s+(?!(?:and|or|of|to|in|ago|later|earlier|before|after|for|at|per|longer|too|more|less|"
            r"or\s+two|faster|slower)\b)[a-z]", after, re.I):
        return False  # "a second problem", "a second term": an ordinal
    return True


# "for a year", "within a week": a duration; "$1.76 a year", "four flights a week": a rate.
_DURATION_BEFORE = ("", "in", "for", "within", "over", "than", "about", "nearly", "almost", "after",
                    "before", "only", "just", "least", "barely", "some", "around", "roughly", "of",
                    "past", "since", "during", "under", "up", "to", "by", "until", "into", "than",
                    "spent", "took", "takes", "lasted", "last", "lasts", "more", "less", "half",
                    "another", "and", "or", "once", "twice", "wait", "waited", "but", "then", "yet", "so")
_YEAR_PREPOSITIONS = ("in", "since", "of", "by", "until", "till", "from", "to", "before",
                      "after", "during", "and", "or", "through")


_TITLE_WORD = re.compile(r"(?:^|[\s(])([A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z]\w*)\s+$")
_NOT_NAME = re.compile(r"(?:" + MONTH_CAP + r"|" + WEEKDAY + r"|FY|In|Since|By|Of|From|To|Until|Before|After|During|The|And|Or|AD|BC"
                       r"|Spring|Summer|Fall|Autumn|Winter|Christmas|Easter|Q[1-4]|H[12])\.?", re.I)


def _in_title(text: str, start: int) -> bool:
    """A capitalised word (not a month, season or preposition) right before a
    bare year, inside a sentence: 'Farming Simulator 2019', 'Euro 2020'."""
    match = _TITLE_WORD.search(text, max(0, start - 30), start)
    if not match or _NOT_NAME.fullmatch(match.group(1)):
        return False
    word_start = match.start(1)
    return not re.search(r"(?:^|[.!?:;\"“”\n]\s*)$", text[max(0, word_start - 3):word_start])


def _previous_word(text: str, start: int) -> str:
    before = text[max(0, start - 20):start].lower().split()
    return before[-1] if before else ""


def _ambiguous_month(text: str, start: int, end: int, word: str) -> bool:
    """'May' and 'March' alone are usually a verb or a noun."""
    if word not in ("May", "March", "Mar", "Jan", "Sept", "Dec", "Sun", "Sat"):
        return False
    before = text[max(0, start - 20):start].lower().split()
    prev = before[-1] if before else ""
    return prev not in ("in", "since", "of", "by", "until", "till", "from", "to", "during",
                        "early", "late", "mid", "last", "next", "this", "before", "after",
                        "through", "and", "or", "between")


def _name_like(text: str, start: int, end: int) -> bool:
    """'Autumn Calabrese', '80 Day Obsession', 'Winter Solstice': a capitalised time
    word inside a sentence, followed by another capitalised word, is part of a name."""
    words = text[start:end].split()
    last = words[-1] if words else ""
    if not last[:1].isupper() or last.isupper():
        return False
    following = re.match(r"\s+([A-Z][a-z])", text[end:end + 4])
    sentence_start = start == 0 or re.search(r"(?:^|[.!?:\"“”]\s*|\n)\s*$", text[max(0, start - 3):start])
    return bool(following) or not sentence_start and len(words) == 1 and words[0][:1].isupper()


_STREET = re.compile(r"\s+(?:[A-Z][a-z]+\.?\s+){1,3}(?:St|Street|Ave|Avenue|Road|Rd|Drive|Dr|Place|Pl|Lane|Ln|"
                     r"Blvd|Boulevard|Way|Court|Ct|Terrace|Highway|Hwy|Parkway|Pkwy)\b")


def looks_like_name(text: str, start: int, end: int) -> bool:
    """A time word used inside a name ('Autumn Calabrese', 'This Week with ...')."""
    return _name_like(text, start, end) or _title_case_name(text, start, end) or _quoted_title(text, start, end)


def _quoted_title(text: str, start: int, end: int) -> bool:
    """'ABC News' "This Week,"', '"This Week With David Brinkley"': capitalised words that open
    a quotation and close it or run on in capitals are a title."""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    return bool(re.search(r"[\"“]$", text[max(0, start - 1):start])
                and re.match(r"[,.]?[\"”]|\s+[A-Z][a-z]", text[end:end + 4]))


def not_a_time(text: str, start: int, end: int) -> bool:
    """Context that rules out a span found by other means (the model's DATE
    spans): a house number ('1909 Jolinda Drive'), an age ('in their mid-50s'),
    a compound unit ('light-years')."""
    word = text[start:end]
    if re.fullmatch(r"\d{3,4}", word) and _STREET.match(text, end):
        return True
    if re.search(r"\d0'?s$", word) and _previous_word(text, start) in _POSSESSIVES:
        return True
    before = text[max(0, start - 40):start].lower().split()
    if re.fullmatch(r"(?:years|months|weeks|days|nights|hours|decades)", word, re.I) and (
            before[-1:] and before[-1] in _POSSESSIVES
            or len(before) >= 3 and before[-1] in ("and", "or") and before[-3] in _POSSESSIVES):
        return True  # "most of his days and nights": a life, not a span of time
    if re.fullmatch(r"\d{4}", word) and not 1900 <= int(word) <= 2099 and _previous_word(text, start) not in _YEAR_PREPOSITIONS:
        return True  # "1630 parents": a number, not a year
    if re.fullmatch(r"\d{4}", word) and _in_title(text, start):
        return True  # "Just Dance 2020"
    named = re.fullmatch(r"((?:[A-Z][\w'’]*\s+)+)\d{4}", word)
    if named and not _NOT_NAME.fullmatch(named.group(1).split()[0]):
        return True  # "Prime Day 2019", "Farming Simulator 2019"
    return start > 1 and text[start - 1] == "-" and text[start - 2].isalpha() and bool(re.match(_UNIT_CORE, word, re.I))


_POSSESSIVES = ("his", "her", "their", "my", "our", "your", "its")


def _title_case_name(text: str, start: int, end: int) -> bool:
    """'This Week with David Brinkley': two or more capitalised words inside a sentence."""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words) or all(w.isupper() for w in words):
        return False
    return not (start == 0 or re.search(r"(?:^|[.!?:\"“”]\s*|\n)\s*$", text[max(0, start - 3):start]))


def _seasonal(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].lower().split()
    prev = before[-1] if before else ""
    return prev in ("the", "this", "last", "next", "in", "early", "late", "past", "coming")


_DAY_RULES = {"weekday", "deictic", "month_day", "day_month", "iso_date", "us_date"}


def _join_clock_and_day(spans: list[Span], text: str) -> list[Span]:
    """'10 p.m. Wednesday', 'Wednesday, 10 p.m.': one expression."""
    joined: list[Span] = []
    for span in spans:
        if joined and _joins(joined[-1], span, text):
            joined[-1] = Span(joined[-1].start, span.end, "clock+day")
        else:
            joined.append(span)
    return joined


def _joins(first: Span, second: Span, text: str) -> bool:
    rules = {first.rule, second.rule}
    if "clock" not in rules or not rules & _DAY_RULES:
        return False
    return bool(re.fullmatch(r"\s*,?\s*", text[first.end:second.start]))


def _longest(spans: list[Span]) -> list[Span]:
    """Keep the longest of overlapping spans (the earlier rule on ties)."""
    order = {name: i for i, name in enumerate(PATTERNS)}
    ranked = sorted(spans, key=lambda s: (-(s.end - s.start), order[s.rule], s.start))
    kept: list[Span] = []
    for span in ranked:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
