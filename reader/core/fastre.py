"""`re`, except that `compile` keeps compiled patterns across launches.

Modules on the path to the first frame import it as `from .. import fastre as re`
and use it exactly like `re`: every name is the stdlib's, only `compile` goes
through `launch_cache` (CPython compiles patterns in pure Python; the text
cleaner's cost ~40 ms per start)."""
from re import *  # noqa: F403 - the whole stdlib API, unchanged
from re import Match, Pattern, RegexFlag, error, escape  # noqa: F401 - explicit for type checkers

from .launch_cache import compile  # noqa: F401 - the one name that differs
