"""Find a calendar date in a short text and give it as ISO 8601 (YYYY-MM-DD)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .phrases import _fold_odd, _holds, regex_needles, word_needles

YEAR_MIN, YEAR_MAX = 1990, 2100


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    text = (resources.files("stripper") / "data" / "months.txt").read_text(encoding="utf-8")
    names: dict[str, int] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].split()
        if line:
            for name in line[1:]:
                names.setdefault(name, int(line[0]))
    return names


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    months = "|".join(sorted((re.escape(m) for m in month_names()), key=len, reverse=True))
    return (
        # 2020-03-05, 2020/03/05, 2020-03-05T10:00
        re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)"),
        # March 5, 2020 / Mar. 5th 2020
        re.compile(r"(?<!\w)(?P<mn>" + months + r")\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I),
        # 5 March 2020 / 5. März 2020 / 5 de marzo de 2020 / 1er mars 2020
        re.compile(r"(?<!\d)(?P<d>[0-3]?\d)(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?(?P<mn>" + months + r")\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)(?!\d)", re.I),
        # 05.03.2020 / 5/3/2020 / 05 | 03 | 2020 (day first; month-first only when the day is > 12)
        re.compile(r"(?<!\d)(?P<a>[0-3]?\d)(?:[./]|\s\|\s)(?P<b>[01]?\d)(?:[./]|\s\|\s)(?P<y>(?:19|20)\d\d)(?!\d)"),
        re.compile(r"(?<!\d)(?P<b2>[01]?\d)/(?P<a2>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?!\d)"),
        # 2020年3月5日
        re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
    )


@lru_cache(maxsize=1)
def _pattern_needles() -> tuple[tuple[tuple[str, ...], ...] | None, ...]:
    """Each pattern's needle sets (phrases.regex_needles): a text it matches holds, lowered, a
    needle of each set (or a character needles cannot vouch for)."""
    return tuple(regex_needles(p.pattern, p.flags) for p in _patterns())


@lru_cache(maxsize=1)
def _month_needles() -> tuple[str, ...] | None:
    """Substrings one of which a text holds (ignoring case) where a month name matches."""
    return word_needles(month_names())


# A run of word characters ending before what may follow a month name in the patterns: a dot, a
# comma or a space ("März 2020", "Mar. 5", "5 mai, 2020"). (Runs shorter than every name are left out.)
# (From the start of a run only, and never giving a character back: a run of word characters with
# no dot, comma or space after it is read once, not once from each of its characters.)
_RUN_END_RE = re.compile(r"(?<!\w)(\w{3,}+)[.,\s]")


@lru_cache(maxsize=1)
def _month_tails() -> dict[str, tuple[str, ...]] | None:
    """The month names (as needles hold them, lowered) by their last three characters; None when
    a name is shorter than that or not all word characters (the gate below would not hold)."""
    tails: dict[str, list[str]] = {}
    for name in month_names():
        needle = word_needles([name])
        if needle is None or len(needle[0]) != len(name) or len(name) < 3 or not name.isalpha():
            return None
        tails.setdefault(needle[0][-3:], []).append(needle[0])
    return {k: tuple(v) for k, v in tails.items()}


def _month_word_end(low: str) -> bool:
    """Whether the lowered text has a month name at the end of a run of word characters, before a
    dot, a comma or a space. Each pattern with a month name asks for one there: the name is
    letters, and what follows it in the pattern opens with '.', ',' or a space (\\.?\\s+,
    \\.?,?\\s+); the name is matched ignoring case, so the text lowered holds it where the text
    does, unless it has a character needles cannot vouch for (_fold_odd, asked by the caller)."""
    tails = _month_tails()
    if tails is None:
        return True
    for run in _RUN_END_RE.findall(low):
        names = tails.get(run[-3:])
        if names is not None and any(run.endswith(n) for n in names):
            return True
    return False


def _valid(y: int, m: int, d: int) -> bool:
    if not (YEAR_MIN <= y <= YEAR_MAX and 1 <= m <= 12 and 1 <= d <= 31):
        return False
    return d <= (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)


def find_date(text: str) -> tuple[str, int, int] | None:
    """(iso, start, end) of the first date in text, or None. Only looks at the first 300 chars."""
    text = text[:300]
    if "19" not in text and "20" not in text:
        return None   # every pattern holds a year, 19xx or 20xx
    best = None
    names = month_names()
    needles = _month_needles()
    months = None   # whether the text may hold a month name: asked once a pattern needs one
    low = text.lower()
    odd = None
    for pat, pat_needles in zip(_patterns(), _pattern_needles()):
        if pat_needles is not None and not _holds(low, pat_needles):
            if odd is None:
                odd = _fold_odd(low)
            if not odd:
                continue   # (no match without them: "2020年3月5日" needs its 年, "05.03.2020" a dot)
        if pat.groupindex.get("mn") and needles is not None:
            if months is None:
                months = _holds(low, (needles,)) and _month_word_end(low) or (_fold_odd(low) if odd is None else odd)
            if not months:
                continue   # (no match without a month name)
        for m in pat.finditer(text):
            ymd = match_date(m, names)
            if ymd is None:
                continue
            if _valid(*ymd) and (best is None or m.start() < best[1]):
                best = ("%04d-%02d-%02d" % ymd, m.start(), m.end())
            break
    return best


def match_date(m: re.Match, names: dict[str, int]) -> tuple[int, int, int] | None:
    """(year, month, day) as one of _patterns()'s matches reads them (not yet checked by _valid),
    or None when the match is no date (a month-first reading of an ambiguous day)."""
    g = m.groupdict()
    try:
        y = int(g["y"])
        if g.get("mn"):
            mo, d = names[g["mn"].lower().rstrip(".")], int(g["d"])
        elif g.get("a"):
            d, mo = int(g["a"]), int(g["b"])
        elif g.get("a2"):
            mo, d = int(g["b2"]), int(g["a2"])
            if d <= 12:
                return None   # ambiguous month-first; the day-first pattern already tried
        else:
            mo, d = int(g["m"]), int(g["d"])
    except (KeyError, ValueError):
        return None
    return y, mo, d
