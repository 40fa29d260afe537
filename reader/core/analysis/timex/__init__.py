"""Rule-based time expressions (HeidelTime-style): `recognise` finds them in
text, `normalise` gives each a TIMEX3 kind and value against a reference day.

Pure Python over strings, so every rule is testable on literals; the spaCy
side (tense, merging with the model's DATE/TIME spans) lives in dates.py."""
from __future__ import annotations

from .normalise import Context, Timex, normalise
from .recognise import Span, looks_like_name, not_a_time, recognise
from .values import Point, parse_value

__all__ = ["Context", "Point", "Span", "Timex", "looks_like_name", "normalise", "not_a_time", "parse_value", "recognise"]
