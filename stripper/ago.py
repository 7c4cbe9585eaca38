"""Relative time stamps ("3 minutes ago", "před 21 minutami", "il y a 2 heures") as minutes: the
entries of a news feed carry them. Units and word orders live in data/ago.txt."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

AGO_MAX_WORDS = 12   # a stamp is a short line, or ends one ("19 photos 3 minutes ago")
AGO_MAX_CHARS = 120
DIGIT_RE = re.compile(r"\d")


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str], int]:
    """The stamp pattern, the units in minutes, a cheap pattern every stamp holds, and the fewest
    words a stamp holds. The cheap pattern: when every form writes "{n} {unit}", a digit,
    whitespace and a unit ending a word (the number's last digit, then the unit, then the rest of
    the form or the end of the stamp: no word character), else a digit. Either holds a digit.
    The words: a form's words are matched apart (whitespace between them), each one holding a word
    character ({n} a digit, {unit} a letter) a run of word characters of its own."""
    units: dict[str, int] = {}
    forms: list[str] = []
    text = (resources.files("stripper") / "data" / "ago.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "unit":
            minutes, *words = rest.split()
            for w in words:
                units.setdefault(w, int(minutes))
        elif kind == "form":
            forms.append(rest.strip())
    alt = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    unit = "(?P<unit{k}>" + alt + ")"
    alts = []
    for k, form in enumerate(forms):
        words = [re.escape(w) for w in form.split()]
        pat = r"\s+".join(words).replace(re.escape("{n}"), rf"(?P<n{k}>\d{{1,3}})") \
            .replace(re.escape("{unit}"), unit.format(k=k))
        alts.append(pat)
    gate = re.compile(r"\d\s+(?:" + alt + r")(?!\w)", re.IGNORECASE) \
        if forms and all(re.search(r"\{n\}\s+\{unit\}(?:\s|$)", f) for f in forms) else DIGIT_RE
    fewest = min((sum(1 for w in form.split() if re.search(r"\w", w)) for form in forms), default=0)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE), units, gate, fewest


def age_gate() -> Callable[[str], re.Match[str] | None]:
    """The search of the cheap pattern every stamp holds (see _table): minutes_ago is None for a
    line it finds nothing in (a caller that reads many lines asks it first, without a call of
    minutes_ago per line)."""
    return _table()[2].search


def age_min_words() -> int:
    """The fewest runs of word characters a line that states an age holds (see _table): so many
    words of lower_words at the least, lowering a word character to one (a letter to a letter, a
    digit left as it is) and whitespace to whitespace."""
    return _table()[3]


@lru_cache(maxsize=1)
def ascii_age_words() -> frozenset[str] | None:
    """The units: a line of ASCII text that states an age holds one of them among its words
    (lower_words), or None when that does not hold (a unit has a letter that an ASCII character
    other than itself lowered matches case-insensitively). The stamp pattern finds the unit after
    whitespace and before no word character, each of its characters matching a unit's letter
    (case-insensitively): lowering ASCII text changes no character's class, so the unit lowered is
    a word of the line, and it is the unit when each ASCII character that matches a letter is that
    letter lowered."""
    units = _table()[1]
    ascii_chars = "".join(map(chr, range(128)))
    for letter in set("".join(units)):
        if any(c.lower() != letter for c in re.findall(re.escape(letter), ascii_chars, re.IGNORECASE)):
            return None
    return frozenset(units)


# The characters that keep a line's words (lower_words) from showing the unit of an age it states:
# the stamp pattern matches "İ" and "ı" to a unit's "i" and "ſ" to its "s" (ignoring case), which
# lower to "i" and a combining dot (no word character), "ı" and "ſ". No other character does so
# with the units of data/ago.txt (tests/test_ago.py reads every character).
AGE_ODD_CHARS = ("\u0130", "\u0131", "\u017f")


def age_words() -> frozenset[str] | None:
    """The units: a line that states an age, of any characters but AGE_ODD_CHARS, holds one of
    them among its words (lower_words); None when that does not hold (ascii_age_words says it does
    not for ASCII text). Where the stamp pattern finds a unit (after white space, before no word
    character, each of its characters matching a letter of the unit ignoring case), the line
    lowered holds the unit itself between characters that are no word characters: each character
    that matches a letter of a unit ignoring case lowers to that letter, but AGE_ODD_CHARS, and
    white space, as any character that is no word character, lowers to characters that are none
    (tests/test_ago.py checks every character, and lines built of the units' letters in every case).
    A caller reading many lines asks a line holding none of them (its words at hand) without the
    stamp search, where most lines, of a few words and none a unit, are answered."""
    return ascii_age_words()


def minutes_ago(text: str) -> int | None:
    """The age a short line states ("Updated 21 minutes ago" -> 21), or None."""
    # (called on every block of a page: the cheap tests first, most lines fail them; the gate
    # holds a digit, so a line without one is answered by it)
    if len(text) > AGO_MAX_CHARS:
        return None
    pattern, units, gate, _ = _table()
    if gate.search(text) is None or len(text.split()) > AGO_MAX_WORDS:
        return None
    m = pattern.search(text)
    if m is None:
        return None
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    n = next(v for k, v in groups.items() if k.startswith("n"))
    unit = next(v for k, v in groups.items() if k.startswith("unit"))
    minutes = units.get(unit.lower())
    if minutes is None:
        # (the pattern matches case-insensitively, where "İ", "ı" and "ſ" match a unit's "i" and
        # "s" but lower() does not give them: the unit is the entry the pattern matched)
        minutes = next(v for u, v in units.items() if re.fullmatch(re.escape(u), unit, re.IGNORECASE))
    return int(n) * minutes
