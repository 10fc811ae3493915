"""Regular expressions from user lexicons: checked when loaded, run with a time bound.

Python's `re` backtracks, so a pattern such as `(a+)+$` can take longer than the age
of the universe on forty characters. A user pattern is therefore refused at load
time when it has the shapes that backtrack without end: a repeat inside a repeat
(`(a+)+`, `(\\s+\\w+)*`), a repeated choice (`(a|ab)*`) or a back-reference (`\\1`);
when it is longer than `MAX_PATTERN` characters; or when it matches empty text. What
the check cannot see (`.*x` is quadratic on a long paragraph) is stopped by a time
bound: all the searches of one pattern may take `PATTERN_SECONDS` in all, after
which the comparison stops with a `LexiconError` naming the pattern. The bound uses
a timer signal, so it holds in the main thread of a Unix process (the command line);
elsewhere only the load-time check protects.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from .errors import LexiconError

try:  # the parser of `re`: public as sre_parse up to Python 3.10
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre

MAX_PATTERN = 200
PATTERN_SECONDS = 5.0
_POSSESSIVE = getattr(_sre, "POSSESSIVE_REPEAT", None)  # a++: never backtracks (3.11+)
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, _POSSESSIVE}
_BACK_REFERENCES = {_sre.GROUPREF, _sre.GROUPREF_EXISTS}


def pattern_problem(pattern: str) -> str | None:
    """Why a user pattern is refused (None when it is accepted)."""
    if len(pattern) > MAX_PATTERN:
        return f"longer than {MAX_PATTERN} characters"
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
        parsed = _sre.parse(pattern)
    except (re.error, RecursionError, OverflowError) as error:
        return f"invalid pattern ({error})"
    if compiled.match("") is not None:
        return "it matches empty text"
    return _risk(list(parsed), repeated=False)


def _risk(items: list[tuple[Any, Any]], repeated: bool) -> str | None:
    """The first shape in parsed `items` that can backtrack without end."""
    for op, value in items:
        problem = None
        if op in _BACK_REFERENCES:
            return "back-references (\\1) can take forever"
        if op in _REPEATS:
            many = value[1] > 1
            if many and repeated and op is not _POSSESSIVE:
                return "a repeat inside a repeat, such as (a+)+, can take forever (a++ cannot)"
            problem = _risk(list(value[2]), repeated or many)
        elif op is _sre.BRANCH:
            if repeated:
                return "a repeated choice, such as (a|ab)*, can take forever"
            problem = _first(_risk(list(branch), repeated) for branch in value[1])
        elif op is _sre.SUBPATTERN:
            problem = _risk(list(value[-1]), repeated)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            problem = _risk(list(value[1]), repeated)
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            problem = _risk(list(value), repeated)
        if problem:
            return problem
    return None


def _first(problems: Iterator[str | None]) -> str | None:
    return next((problem for problem in problems if problem), None)


class BoundedPattern:
    """A compiled user pattern whose searches may take `seconds` in all."""

    def __init__(self, regex: re.Pattern[str], name: str, seconds: float = PATTERN_SECONDS):
        self.regex = regex
        self.name = name
        self.left = seconds

    def search(self, text: str) -> re.Match[str] | None:
        """`re.Pattern.search`, within the time left."""
        with self._bound():
            return self.regex.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`re.Pattern.finditer` (all matches found at once, within the time left)."""
        with self._bound():
            found = list(self.regex.finditer(text))
        return iter(found)

    @contextmanager
    def _bound(self) -> Iterator[None]:
        if self.left <= 0:
            raise self._timeout()
        start = time.monotonic()
        try:
            with _alarm(self.left):
                yield
        except _Expired:
            self.left = 0
            raise self._timeout() from None
        finally:
            self.left -= time.monotonic() - start

    def _timeout(self) -> LexiconError:
        return LexiconError(
            f"lexicon pattern {self.name} took more than {PATTERN_SECONDS:g} s on this text; "
            "simplify it (fewer repeats, no '.*')"
        )


class _Expired(Exception):
    """The timer of a bounded search rang."""


def _ring(signum: int, frame: FrameType | None) -> None:
    raise _Expired


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise `_Expired` in the block after `seconds` (main thread on Unix only); a
    timer already running (a test runner's) is put back afterwards."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _ring)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - start), 1e-3))
