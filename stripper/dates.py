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


def _name_alternation(names) -> str:
    """The names as one alternation, longest first."""
    return "|".join(sorted((re.escape(m) for m in names), key=len, reverse=True))


def _name_trie(names) -> str:
    """The names as a trie of alternations ("j(?:an(?:uary)?|u(?:ly|ne))"): the same strings as
    _name_alternation, in another order of trial. At each position the engine tries a character or
    two of each branch instead of some hundred names one after the other."""
    tree: dict = {}
    for name in names:
        node = tree
        for c in name:
            node = node.setdefault(c, {})
        node[""] = {}   # a name ends here

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(node[c]) for c in sorted(node) if c]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")
    return emit(tree)


def _month_pattern() -> str:
    """The month names as the patterns read them. Each pattern has the name followed by a dot, a
    comma or white space (\\.?\\s+, \\.?,?\\s+), never by a word character: where the names are all
    letters, a name matched at a place ends where its run of letters ends, so at most one name
    matches there, and the order the alternatives are tried in changes no match: the trie finds
    what the alternation finds, faster (tests/test_shortcuts.py compares them)."""
    names = month_names()
    return _name_trie(names) if all(n.isalpha() for n in names) else _name_alternation(names)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    return _compile_patterns(_month_pattern())


def _compile_patterns(months: str) -> tuple[re.Pattern, ...]:
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
def _month_gate() -> re.Pattern | None:
    """A month name (as needles hold it, lowered) before a dot, a comma or white space: searched in
    the text lowered, it is found wherever a pattern with a month name matches. Each such pattern
    has the name followed by one of them (\\.?\\s+, \\.?,?\\s+, see _month_pattern); the name is
    matched ignoring case, so the text lowered holds it where the text does, unless it has a
    character needles cannot vouch for (_fold_odd, asked by the caller). None (no gate) when a
    name has a character a needle cannot hold. (One search of a trie of the names, instead of a
    test of each name's needle and a pass over the text's words.)"""
    forms = []
    for name in month_names():
        needle = word_needles([name])
        if needle is None:
            return None
        forms.append(needle[0])
    return re.compile("(?:" + _name_trie(forms) + r")[.,\s]")


def _valid(y: int, m: int, d: int) -> bool:
    if not (YEAR_MIN <= y <= YEAR_MAX and 1 <= m <= 12 and 1 <= d <= 31):
        return False
    return d <= (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)


def find_date(text: str) -> tuple[str, int, int] | None:
    """(iso, start, end) of the first date in text, or None. Only looks at the first 300 chars."""
    text = text[:300]
    if "19" not in text and "20" not in text:
        return None   # every pattern holds a year, 19xx or 20xx
    return _dated(text)


# find_date passes on only a text holding one of these (every pattern holds a year, 19xx or 20xx):
# a needle set holding both is met by every text _dated is asked about, and is not asked again.
YEAR_NEEDLES = frozenset(("19", "20"))


@lru_cache(maxsize=1)
def _plan() -> tuple[tuple[re.Pattern, tuple[tuple[str, ...], ...] | None, bool], ...]:
    """Each pattern with the needle sets _dated asks (None: none) and whether the month gate rules
    it out (it reads a month name and there is a gate), in the patterns' order. Left out, as they
    rule out no more than what is asked anyway: the sets of the year (YEAR_NEEDLES), and those
    of a pattern the month gate rules out (a pattern's needles say only that no match is there
    without them, and so does the gate, in one search instead of a test of each needle: a month
    name's needle sets are the first letters and endings of some hundred names)."""
    gated = _month_gate() is not None
    plan = []
    for p, sets in zip(_patterns(), _pattern_needles()):
        month_gated = gated and bool(p.groupindex.get("mn"))
        if sets is not None:
            sets = () if month_gated else tuple(s for s in sets if not YEAR_NEEDLES <= set(s))
        plan.append((p, sets or None, month_gated))
    return tuple(plan)


@lru_cache(maxsize=2048)
def _dated(text: str) -> tuple[str, int, int] | None:
    """find_date of a text of at most 300 characters holding "19" or "20". Remembered: the rules
    and the byline stage ask for the date of the same lines (the answer is a tuple: shared, it
    cannot be changed)."""
    best = None
    names = month_names()
    months = None   # whether the text may hold a month name: asked once a pattern needs one
    low = text.lower()
    odd = None
    for pat, pat_needles, month_gated in _plan():
        if pat_needles is not None and not _holds(low, pat_needles):
            if odd is None:
                odd = _fold_odd(low)
            if not odd:
                continue   # (no match without them: "2020年3月5日" needs its 年, "05.03.2020" a dot)
        if month_gated:
            if months is None:
                months = _month_gate().search(low) is not None or (_fold_odd(low) if odd is None else odd)
            if not months:
                continue   # (no match without a month name)
        # The first match that reads as a date, as finditer would give the matches: searched one
        # by one, each from where the last ended (no pattern matches an empty string), which
        # spares the scanner finditer makes (most patterns end at their first match).
        m = pat.search(text)
        while m is not None:
            ymd = match_date(m, names)
            if ymd is None:
                m = pat.search(text, m.end())
                continue
            if _valid(*ymd) and (best is None or m.start() < best[1]):
                best = ("%04d-%02d-%02d" % ymd, m.start(), m.end())
            break
        if best is not None and best[1] == 0:
            break   # (a later pattern's date replaces it only when it starts earlier)
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
