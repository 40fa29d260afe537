"""Words of English time expressions and the regex fragments built from them,
shared by the recogniser (finding spans) and the normaliser (reading them)."""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# TIMEX3 parts of the day.
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
             "tonight": "NI", "overnight": "NI", "midday": "MI", "noon": "MI", "dawn": "MO",
             "daybreak": "MO", "dusk": "EV", "nightfall": "EV", "lunchtime": "MI",
             "sunrise": "MO", "sunset": "EV"}

ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
            "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "twenty first": 21, "thirtieth": 30,
            "last": -1, "final": -1}


# --- regex fragments (used with re.I unless said otherwise) ------------------
_MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|"
                "November|December")
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = rf"(?:{_MONTH_NAMES}|(?:{_MONTH_ABBR})\.?)"
# Capitalised month, for case-sensitive use in running text.
MONTH_CAP = rf"(?:{_MONTH_NAMES}|(?:{_MONTH_ABBR})\.|(?:{_MONTH_ABBR})(?=\s+\d))"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
_NUM_WORD = "|".join(sorted(list(ONES) + list(TENS), key=len, reverse=True))
NUM_WORDS = rf"(?:(?:{'|'.join(TENS)})[- ](?:one|two|three|four|five|six|seven|eight|nine)|{_NUM_WORD})"
NUMBER = (rf"(?:(?:\d+|{NUM_WORDS})\s+and\s+a\s+half|\d+(?:[.,]\d+)?(?:\s+1/2)?|{NUM_WORDS}(?:\s+(?:hundred|thousand))?|a\s+hundred|"
          r"a\s+thousand|a\s+couple\s+of|a\s+couple|a\s+dozen|a\s+half|half\s+a|half\s+an)")
VAGUE = r"(?:several|a\s+few|few|many|some|a\s+number\s+of|numerous|a\s+couple\s+of)"
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))"
ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
           r"twelfth|\d{1,2}(?:st|nd|rd|th))")
DAY_PART = r"(?:morning|afternoon|evening|night)"
# a modifying approximation that TimeML keeps inside the expression
APPROX = (r"(?:nearly|almost|about|around|approximately|roughly|some|more\s+than|less\s+than|"
          r"fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|over|under|just\s+over|"
          r"just\s+under|well\s+over|barely|only|just|a\s+further|another|an\s+additional|"
          r"the\s+better\s+part\s+of)")
YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"


def number_value(text: str) -> float | None:
    """'two' -> 2, 'twenty-four' -> 24, '2 1/2' -> 2.5, 'a couple of' -> 2; None if vague."""
    low = re.sub(r"\s+", " ", text.lower().strip())
    if not low:
        return None
    if low in ("a", "an", "one", "a single", "single", "the"):
        return 1
    if low.startswith(("a couple", "couple")):
        return 2
    if low in ("a dozen", "dozen"):
        return 12
    if low in ("a half", "half a", "half an", "half"):
        return 0.5
    if low.endswith(" and a half"):
        whole = number_value(low[:-len(" and a half")])
        return None if whole is None else whole + 0.5
    if low in ("a hundred", "hundred"):
        return 100
    if low in ("a thousand", "thousand"):
        return 1000
    match = re.fullmatch(r"(\d+(?:[.,]\d+)?)(?: 1/2)?", low)
    if match:
        value = float(match.group(1).replace(",", ""))
        return value + 0.5 if low.endswith("1/2") else value
    total, words = 0.0, low.replace("-", " ").split()
    if not words:
        return None
    for word in words:
        if word in ONES:
            total += ONES[word]
        elif word in TENS:
            total += TENS[word]
        elif word == "hundred":
            total = (total or 1) * 100
        elif word == "thousand":
            total = (total or 1) * 1000
        elif word != "and":
            return None
    return total


def spelled_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000, 'two thousand and five' -> 2005."""
    words = text.lower().replace("-", " ").split()
    if len(words) >= 2 and words[0] in ONES and 10 <= ONES[words[0]] <= 20:
        rest = number_value(" ".join(words[1:]))
        if words[1] == "hundred":
            return ONES[words[0]] * 100
        if rest is not None and 0 < rest < 100:
            return ONES[words[0]] * 100 + int(rest)
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        if rest is not None and rest < 100:
            return 2000 + int(rest)
    return None
