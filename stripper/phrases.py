"""Phrase lists are data files: stripper/data/phrases/<name>.txt.

Format: one entry per line, case-insensitive; '#' starts a comment; blank lines are ignored.
- a plain line is a literal phrase found anywhere in a block (on word boundaries);
- '=' + phrase: the whole block must be that phrase (ignoring case, spaces and end punctuation);
- 're:' + regex: a regular expression searched in the block;
- '=re:' + regex: a regular expression that must match the whole (normalised) block.
Placeholders in plain and '=' lines: {n} a number, {price} a currency amount, {word} one word.
One file holds every language: the language of a banner is often not the page's.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from importlib import resources

try:
    from re import _parser as _sre_parse
except ImportError:  # Python before 3.11
    import sre_parse as _sre_parse

PLACEHOLDERS = {
    "{n}": r"\d+",
    "{price}": r"(?:[$€£¥₹]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:[$€£¥₹]|usd|eur|gbp|euros?|dollars?))",
    "{word}": r"\w+",
}
_PLACEHOLDER_RE = re.compile("|".join(re.escape(k) for k in PLACEHOLDERS))
_WORD_RE = re.compile(r"[^\W_]+")   # as rules.WORD_RE: gate words and block tokens agree
_EDGE_PUNCT = " \t\u00a0.,:;!?|·•…–—-_*#>()[]{}\"'“”‘’«»"
_ENTRY_EDGE = _EDGE_PUNCT.replace("{", "").replace("}", "")   # (an entry's edge may be a placeholder)


def fold_text(text: str) -> str:
    """Case folded, whitespace runs as single spaces: two texts that differ only so compare equal."""
    return " ".join(text.casefold().split())


def normalize_block(text: str) -> str:
    """Lowercased, whitespace collapsed, edge punctuation stripped: what '=' entries match."""
    return " ".join(text.lower().split()).strip(_EDGE_PUNCT)


def _whole_entry(line: str) -> str:
    """A whole-block entry ("=...") as Matcher reads it: lowercased, whitespace collapsed, its edge
    punctuation gone as normalize_block's is, but for the braces of a placeholder."""
    return " ".join(line[1:].lower().split()).strip(_ENTRY_EDGE)


def _literal(phrase: str) -> str:
    out, pos = [], 0
    for m in _PLACEHOLDER_RE.finditer(phrase):
        out.append(re.escape(phrase[pos:m.start()]))
        out.append(PLACEHOLDERS[m.group(0)])
        pos = m.end()
    out.append(re.escape(phrase[pos:]))
    pat = "".join(out)
    pat = re.sub(r"(?:\\ )+", r"\\s+", pat)  # any run of spaces matches any whitespace
    return pat


def _add_gate_word(gate: set[str] | None, phrase: str) -> set[str] | None:
    """Add the longest literal word of an entry to the gate; None once an entry has no word."""
    if gate is None:
        return None
    ws = _WORD_RE.findall(_PLACEHOLDER_RE.sub(" ", phrase.lower()))
    if not ws:
        return None
    gate.add(max(ws, key=len))
    return gate


# Needles: substrings one of which every match of a regular expression holds, read off its parsed
# form. A needle is made of characters that re.IGNORECASE matches only to characters str.lower()
# lowers to them. Lowered, a text then holds a needle wherever the expression matches, except for
# the three characters re.IGNORECASE matches to an ASCII letter that str.lower() does not lower
# to it ("İ" lowers to "i" and a combining dot, "ı", "ſ"): a text holding one is searched.
_FOLD_ODD = ("\u0307", "\u0131", "\u017f")
try:
    from re._casefix import _EXTRA_CASES   # characters IGNORECASE matches beyond their case pair
except ImportError:  # Python before 3.11: caseless and ASCII characters only
    _EXTRA_CASES = None
_NEEDLE_MAX = 64   # more needles than that cost more to look for than the search they spare
NEEDLE_SETS_MAX = 3


def _needle_char(c: str) -> str | None:
    """The character as a needle holds it (lowered), or None when it cannot be one."""
    low = c.lower()
    if len(low) != 1:
        return None
    if low.isascii() or low.upper() == low or (_EXTRA_CASES is not None and ord(low) not in _EXTRA_CASES):
        return low
    return None


def _needle_sets(items) -> list[frozenset[str]]:
    """Needle sets of a parsed sequence: every match holds a needle of each set. A set comes from
    a run of literals, a set of single characters, an alternation whose every branch has one
    (its most selective), or a part required as a whole (a group, a repeat taken at least once)."""
    sets: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        c = _needle_char(chr(av)) if op is _sre_parse.LITERAL else None
        if c is not None:
            run.append(c)
            continue
        if run:
            sets.append(frozenset(["".join(run)]))
            run = []
        if op is _sre_parse.SUBPATTERN:
            sets += _needle_sets(av[-1])
        elif op is _sre_parse.ATOMIC_GROUP:
            sets += _needle_sets(av)
        elif op is _sre_parse.BRANCH:
            alts = [_best(_needle_sets(a)) for a in av[1]]
            if all(alts):
                sets.append(frozenset().union(*alts))
        elif op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT, _sre_parse.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                sets += _needle_sets(av[2])
        elif op is _sre_parse.IN:
            cs = [_needle_char(chr(a)) if o is _sre_parse.LITERAL else None for o, a in av]
            if cs and None not in cs:
                sets.append(frozenset(cs))
    if run:
        sets.append(frozenset(["".join(run)]))
    return [n for n in sets if len(n) <= _NEEDLE_MAX]


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective set: longest shortest needle, then fewest needles."""
    return max(sets, key=lambda n: (min(map(len, n)), -len(n)), default=None)


def _minimal(needles: frozenset[str]) -> tuple[str, ...]:
    """The needles shortest first, without those holding another (which imply it)."""
    keep: list[str] = []
    for n in sorted(needles, key=lambda n: (len(n), n)):
        if not any(k in n for k in keep):
            keep.append(n)
    return tuple(keep)


def regex_needles(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Needle sets of a regular expression: a match holds a needle of every set (see
    _needle_sets). The cheapest sets to test first, at most NEEDLE_SETS_MAX of them; None when
    there is none."""
    sets = sorted({_minimal(n) for n in _needle_sets(_sre_parse.parse(pattern, flags))}, key=lambda n: (len(n), n))
    return tuple(sets[:NEEDLE_SETS_MAX]) or None


def word_needles(words) -> tuple[str, ...] | None:
    """Needles of an alternation of literal words searched with re.IGNORECASE: a match holds one
    of them (_holds(text.lower(), (needles,)) or _fold_odd tells). None when a word has a character
    that cannot be one."""
    out = set()
    for w in words:
        cs = [_needle_char(c) for c in w]
        if not cs or None in cs:
            return None
        out.add("".join(cs))
    return _minimal(frozenset(out)) or None


def _holds(low: str, needle_sets: tuple[tuple[str, ...], ...]) -> bool:
    """The text lowered holds a needle of every set. False tells that no match is there, ignoring
    case as re.IGNORECASE does, unless _fold_odd(low) (a character needles cannot vouch for)."""
    for needles in needle_sets:
        for n in needles:
            if n in low:
                break
        else:
            return False
    return True


_FOLD_ODD_RE = re.compile("[" + "".join(_FOLD_ODD) + "]")   # any of them, found in one scan


def _fold_odd(low: str) -> bool:
    """The lowered text holds a character that needles cannot vouch for."""
    return not low.isascii() and _FOLD_ODD_RE.search(low) is not None


def fold_odd_raw(text: str) -> bool:
    """The text holds a character str.lower() does not lower to the ASCII letter IGNORECASE matches it to."""
    # ("İ", "ı", "ſ": three tests, cheaper than a loop over them)
    return not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text)


_GLUE = "\u02b0"   # a word character standing for a placeholder while a phrase is split into words


def _needed_words(phrase: str) -> frozenset[str]:
    """The words of a literal phrase that a block holding it holds among its lowercase words: those
    standing free (not glued to a placeholder) and made of needle characters."""
    words = _WORD_RE.findall(_PLACEHOLDER_RE.sub(_GLUE, phrase))
    return frozenset(w for w in words if _GLUE not in w and all(_needle_char(c) == c for c in w))


def _needs_digit(phrase: str) -> bool:
    """A plain or whole-block entry (lowered) holding a placeholder that matches \\d+: every hit holds a digit."""
    return "{n}" in phrase or "{price}" in phrase


DIGIT_RE = re.compile(r"\d")   # a digit, as the {n} and {price} placeholders read one
NUMBER_OPENING_RE = re.compile(r"[\d$€£¥₹]")   # what a hit of {n} or {price} opens with


def _alt(parts: list[str], name: str) -> str:
    if not parts:
        raise ValueError(f"phrase list {name!r}: an empty alternation would match everything")
    return "(?:" + "|".join(parts) + ")"


class Matcher:
    """Compiled phrase list: .search(text) -> the evidence string or None."""

    __slots__ = ("name", "entries", "_anywhere", "_literals", "_anchors", "_whole", "_exact", "_max_whole",
                 "gate_words", "_anywhere_parts", "_literal_parts", "_literal_free", "_literal_by_word",
                 "_literal_keys", "digit_gate_words", "opening_words", "opening_number")

    def __init__(self, name: str, lines: list[str]):
        self.name = name
        anywhere, literals, anchors, whole, exact, seen = [], [], set(), [], set(), set()
        needs: list[frozenset[str]] = []   # per literal: the words a block holding it holds
        gate: set[str] | None = set()   # one word of every entry: no hit without one of them
        opening: set[str] | None = set()   # the word every literal opens with (see opening_words)
        opening_number = False             # ... or a {n} or {price}
        plain: set[str] | None = set()  # ... of every entry without a {n} or {price} (see digit_gate_words)
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            key = line.lower()
            if key in seen:
                raise ValueError(f"phrase list {name!r}: duplicate entry {line!r}")
            seen.add(key)
            if line.startswith("=re:"):
                whole.append(line[4:])
                gate = plain = None   # a regular expression names no word it needs
            elif line.startswith("re:"):
                anywhere.append(line[3:])
                gate = plain = None
            elif line.startswith("="):
                phrase = _whole_entry(line)
                gate = _add_gate_word(gate, phrase)
                if not _needs_digit(phrase):
                    plain = _add_gate_word(plain, phrase)
                if _PLACEHOLDER_RE.search(phrase):
                    whole.append(_literal(phrase))
                else:
                    exact.add(phrase)   # a plain whole-block entry is a set lookup
            else:
                literals.append(_literal(line.lower()))
                # Every literal word of a phrase must occur for it to match: the longest one is
                # its anchor, and a block holding no anchor word skips the regex entirely.
                ws = _WORD_RE.findall(_PLACEHOLDER_RE.sub(" ", line.lower()))
                anchors.add(max(ws, key=len) if ws else "")
                needs.append(_needed_words(line.lower()))
                gate = _add_gate_word(gate, line)
                lead = _WORD_RE.match(_PLACEHOLDER_RE.sub(_GLUE, line.lower()))
                if key.startswith(("{n}", "{price}")):
                    opening_number = True
                elif opening is not None and lead is not None and _GLUE not in lead.group() \
                        and all(_needle_char(c) == c for c in lead.group()):
                    opening.add(lead.group())
                else:
                    opening = None
                if not _needs_digit(key):
                    plain = _add_gate_word(plain, line)
        self.entries = len(seen)
        if not self.entries:
            raise ValueError(f"phrase list {name!r} is empty")
        self._anywhere = re.compile(_alt(anywhere, name), re.I) if anywhere else None
        # Each regular expression alone with its needles: find() searches only those whose needles
        # the text holds and keeps the earliest hit, the first entry's at a tie, as the
        # alternation would (same answers, less work).
        self._anywhere_parts = tuple((re.compile(_alt([a], name), re.I), regex_needles(a, re.I)) for a in anywhere)
        self._literals = re.compile(r"(?<!\w)" + _alt(literals, name) + r"(?!\w)", re.I) if literals else None
        # Each literal alone too: find() searches only those whose words the block holds, and
        # keeps the earliest hit, the first entry's at a tie, as the alternation would.
        self._literal_parts = tuple(re.compile(r"(?<!\w)" + _alt([lit], name) + r"(?!\w)", re.I) for lit in literals)
        self._literal_free = tuple(i for i, need in enumerate(needs) if not need)
        # key word -> (the literals needing no other word, those needing others too, with their words)
        by_word: dict[str, tuple[list[int], list[tuple[int, frozenset[str]]]]] = {}
        for i, need in enumerate(needs):
            if need:
                key = max(sorted(need), key=len)
                sure, more = by_word.setdefault(key, ([], []))
                if len(need) == 1:
                    sure.append(i)
                else:
                    more.append((i, need))
        # (with the other words those needing more need, all of them: a block holding none of
        # these holds the whole need of none, and its literals are not asked one by one)
        self._literal_by_word = {w: (tuple(sure), tuple(more), frozenset().union(*(need for _, need in more)) - {w})
                                 for w, (sure, more) in by_word.items()}
        self._literal_keys = frozenset(by_word)
        self._anchors = frozenset(anchors) if "" not in anchors else None
        self._whole = re.compile(_alt(whole, name) + r"\Z", re.I) if whole else None
        self._exact = frozenset(exact)
        self._max_whole = None if whole else max((len(e) for e in exact), default=0)
        # The words one of which every hit contains (None: some entry needs none): a block whose
        # words miss them all cannot match, whatever part of it is searched.
        self.gate_words = frozenset(gate) if gate is not None else None
        # The gate words that only entries holding a {n} or {price} gave: each such entry matches
        # a digit (\d+) where it hits, so these words open the list only to a text holding one.
        self.digit_gate_words = frozenset(gate - plain) if gate is not None and plain is not None else frozenset()
        # A list of literals only, each opening with a word of needle characters (not glued to a
        # placeholder) or a {n} or {price}: a hit opens with one of these words, whole (the
        # literal's edges are no word characters) and lowered as the text's words are, unless the
        # text holds a character IGNORECASE reads otherwise than lowering (fold_odd_raw), or, if
        # opening_number, with a digit or a currency sign (NUMBER_OPENING_RE). None: the list
        # says nothing of how its hits open.
        self.opening_words = frozenset(opening) if opening is not None and literals and not anywhere \
            and not whole and not exact else None
        self.opening_number = opening_number

    def search(self, text: str, tokens: Collection[str] | None = None) -> str | None:
        hit = self.find(text, tokens)
        return hit[0] if hit else None

    def _literal_hit(self, text: str, tokens: Collection[str] | None) -> tuple[str, int] | None:
        """The earliest literal hit, searched only where the block's words allow one (find() has
        asked whether known words hold an anchor: only words found here are asked)."""
        if tokens is None:
            tokens = frozenset(_WORD_RE.findall(text.lower()))
            if self._anchors is not None and self._anchors.isdisjoint(tokens):
                return None
        # its words may miss those of a phrase it holds (an ASCII text, most, holds none of those
        # characters: told without the call)
        if not text.isascii() and fold_odd_raw(text):
            m = self._literals.search(text)
            return (m.group(0), m.start()) if m else None
        by_word = self._literal_by_word
        todo = list(self._literal_free)
        for w in self._literal_keys.intersection(tokens):
            sure, more, others = by_word[w]
            todo += sure   # (their one word is w, which the block holds)
            # (each need holds w, which the block holds, and a word besides: most blocks hold
            # none of those, and are done with in one set operation, which reads a sequence of
            # words as it is; only a block holding one has its words made a set, for the subsets)
            if more and not others.isdisjoint(tokens):
                if not isinstance(tokens, (set, frozenset)):
                    tokens = frozenset(tokens)
                todo.extend(i for i, need in more if need <= tokens)
        if not todo:
            return None   # (most blocks asked: a key word, but not the other words its literals need)
        best = None
        for i in sorted(todo):
            m = self._literal_parts[i].search(text)
            if m and (best is None or m.start() < best[1]):
                best = (m.group(0), m.start())
        return best

    def find(self, text: str, tokens: Collection[str] | None = None,
             norm: str | None = None) -> tuple[str, int] | None:
        """(evidence, position) of the earliest hit; position 0 for a whole-block match.
        tokens / norm: the block's lowercase words (a set or a list) and normalize_block() text, if known."""
        if self._whole is not None or self._exact:
            hit = self.whole(text, norm)
            if hit is not None:
                return hit, 0
        best = None
        if self._anywhere_parts:
            low = text.lower()
            odd = None
            for rx, needles in self._anywhere_parts:
                if needles is not None and not _holds(low, needles):
                    if odd is None:
                        odd = not low.isascii() and _fold_odd(low)
                    if not odd:
                        continue
                m = rx.search(text)
                if m and (best is None or m.start() < best[1]):
                    best = (m.group(0), m.start())
        # (a block whose known words hold no anchor has no literal hit: the common case, answered here)
        if self._literals is not None and (tokens is None or self._anchors is None
                                           or not self._anchors.isdisjoint(tokens)):
            hit = self._literal_hit(text, tokens)
            if hit and (best is None or hit[1] < best[1]):
                best = hit
        return best

    def count(self, text: str) -> int:
        """How many phrase entries occur (non-overlapping)."""
        n = 0
        for pat in (self._anywhere, self._literals):
            if pat is not None:
                n += sum(1 for _ in pat.finditer(text))
        return n

    def whole(self, text: str, norm: str | None = None) -> str | None:
        """Only the whole-block entries."""
        if self._whole is None and not self._exact:
            return None
        if self._max_whole is not None and len(text) > 3 * self._max_whole + 20:
            return None  # far longer than any entry
        if norm is None:
            norm = normalize_block(text)
        if norm in self._exact:
            return norm
        if self._whole is not None and self._whole.match(norm):
            return norm
        return None


def phrase_names() -> list[str]:
    base = resources.files("stripper") / "data" / "phrases"
    return sorted(p.name[:-4] for p in base.iterdir() if p.name.endswith(".txt"))


@lru_cache(maxsize=None)
def load_phrases(name: str) -> Matcher:
    path = resources.files("stripper") / "data" / "phrases" / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"no phrase list {name!r}; available: {', '.join(phrase_names())}") from None
    return Matcher(name, text.splitlines())


def _entries(name: str) -> list[str]:
    """The entries of phrase list `name`, stripped, without blank lines and comments."""
    text = (resources.files("stripper") / "data" / "phrases" / f"{name}.txt").read_text(encoding="utf-8")
    return [line for line in map(str.strip, text.splitlines()) if line and not line.startswith("#")]


@lru_cache(maxsize=None)
def load_word_set(name: str) -> frozenset[str]:
    """A phrase file of plain entries read as a set of lowercase words/phrases."""
    load_phrases(name)  # validates the file
    return frozenset(line.lower() for line in _entries(name))


def _needle_runs(piece: str) -> list[str]:
    """The runs of a literal piece of an entry made of needle characters, lowered."""
    runs, run = [], []
    for c in piece:
        n = _needle_char(c)
        if n is None:
            if run:
                runs.append("".join(run))
            run = []
        else:
            run.append(n)
    if run:
        runs.append("".join(run))
    return runs


FIND_COST_DEFAULT = 6   # a needle of several characters costs about six single ones to look for


def _entry_needles(line: str, selective: bool = False) -> frozenset[str] | None:
    """Needles one of which a block holds, ignoring case as re.IGNORECASE does, wherever the
    entry hits it (anywhere, or as the whole normalised block): None when there are none. Needles
    hold no whitespace, since normalize_block() collapses it. Of a regular expression's needle
    sets, any will do: the one cheapest to look for, or with selective=True the one fewest
    blocks hold (longest shortest needle, then fewest needles), as with "photo|image" rather
    than ":" for "(?:photo|image)\\s*:"."""
    sets = _entry_needle_sets(line, selective)
    return sets[0] if sets else None


def _find_cost(needles: Collection[str]) -> int:
    """What looking for the needles costs (those holding another are found with it: not looked for)."""
    return sum(1 if len(n) == 1 else FIND_COST_DEFAULT for n in _minimal(frozenset(needles)))


def _entry_needle_sets(line: str, selective: bool = False) -> list[frozenset[str]]:
    """Every needle set of the entry (see _entry_needles), the best first (the first of the
    cheapest, or with selective=True of the most selective); empty when there is none."""
    if line.startswith("=re:") or line.startswith("re:"):
        sets = regex_needles(line[4:] if line.startswith("=") else line[3:], re.I) or ()
        found: list[tuple[object, frozenset[str]]] = []
        for needles in sets:
            out = set()
            for n in needles:
                runs = [r for piece in n.split() for r in _needle_runs(piece)]
                if not runs:
                    break
                out.add(max(runs, key=len))
            else:
                c = (-min(map(len, out)), len(out)) if selective \
                    else sum(1 if len(n) == 1 else FIND_COST_DEFAULT for n in out)
                found.append((c, frozenset(out)))
        # (a stable sort: of sets that cost alike, the first stays first)
        return [needles for _, needles in sorted(found, key=lambda cn: cn[0])]
    # (a whole-block entry as Matcher reads it: normalised, its edge punctuation gone)
    phrase = _whole_entry(line) if line.startswith("=") else line
    # a literal phrase: any run of it outside its placeholders is in the block as it is, but for case
    runs = [r for piece in _PLACEHOLDER_RE.sub(" ", phrase.lower()).split() for r in _needle_runs(piece)]
    return [frozenset([max(runs, key=len)])] if runs else []


# The head of a whole-block entry that opens with a word: an alternation of phrases, each a first
# word then a space or the phrase's end, which a class of separators that are no word characters
# follows ("=re:(?:read also|see also)\s*[:>»|-]..."), or a word and a space ("=re:you are here.*").
_LEAD_ALTERNATION_RE = re.compile(r"=re:\(\?:([^()\\]*)\)\\s\*\[[^\]\w\\]*\]")
_LEAD_PHRASE_RE = re.compile(r"=re:([^\W_]+) ")
# ... or an entry anchored at the block's start: perhaps a word and white space, then an
# alternation of phrases as above, then a colon ("re:^(?:php\s+)?(?:warning|fatal error)\s*:...").
_LEAD_ANCHORED_RE = re.compile(r"re:\^(?:\(\?:([^\W_]+)\\s\+\)\?)?\(\?:([^()\\]*)\)\\s\*:")


@lru_cache(maxsize=None)
def lead_words(name: str, marks: tuple[str, ...] = ()) -> frozenset[str] | None:
    """The first words of the entries of list `name` (whole-block entries, or entries anchored at
    the block's start, each opening with a word: see the patterns above): a block the list hits opens
    with one of them, a whole word, so its first word lowered is one (its edge punctuation is no
    word), unless it holds "İ", "ı" or "ſ" (re.IGNORECASE reads them as "i" and "s", lowering
    does not: see _FOLD_ODD). An entry that opens with no word must need one of `marks` (each hit
    holds one). None when an entry is neither, or a first word has a character lowering and
    IGNORECASE read apart: then the list says nothing of its hits' first words."""
    load_phrases(name)   # (validates the file)
    out: set[str] = set()
    for line in _entries(name):
        m = _LEAD_ALTERNATION_RE.match(line)
        firsts = [alt.split(" ")[0] for alt in m.group(1).split("|")] if m else None
        if firsts is None:
            m = _LEAD_PHRASE_RE.match(line)
            firsts = [m.group(1)] if m else None
        if firsts is None:
            m = _LEAD_ANCHORED_RE.match(line)
            firsts = [alt.split(" ")[0] for alt in m.group(2).split("|")] + ([m.group(1)] if m.group(1) else []) \
                if m else None
        if firsts is None:
            sets = regex_needles(line[4:], re.I) if line.startswith("=re:") and marks else None
            if sets and any(set(ns) <= set(marks) for ns in sets):
                continue
            return None
        for first in firsts:
            if not re.fullmatch(r"[^\W_]+", first) or any(_needle_char(c) != c for c in first):
                return None
            out.add(first)
    return frozenset(out)


@lru_cache(maxsize=None)
def whole_first_words(name: str) -> frozenset[str] | None:
    """The first words of the whole-block entries of list `name`: a text whose normal form one of
    them matches (Matcher.whole: equal to a plain entry, or matching one with placeholders) opens
    with one of them, its first run of word characters lowered (normalize_block lowers the text
    and leaves its runs as they are; an entry's first run is no placeholder's), unless the text
    holds "İ", "ı" or "ſ" (re.IGNORECASE reads them as "i" and "s", lowering does not: see
    _FOLD_ODD). None when an entry opens with no such word (a placeholder, a regular expression,
    a word with a character lowering and IGNORECASE read apart)."""
    load_phrases(name)   # (validates the file)
    out: set[str] = set()
    for line in _entries(name):
        if line.startswith("=re:"):
            return None
        if not line.startswith("="):
            continue   # (searched anywhere: whole() reads only the '=' entries)
        phrase = _whole_entry(line)
        runs = _WORD_RE.findall(_PLACEHOLDER_RE.sub(_GLUE, phrase))
        if not runs or _GLUE in runs[0] or any(_needle_char(c) != c for c in runs[0]):
            return None
        out.add(runs[0])
    return frozenset(out)


@lru_cache(maxsize=None)
def hit_facts(name: str, selective: bool = False) -> tuple[frozenset[str] | None, frozenset[str], tuple[str, ...] | None]:
    """What a block holds wherever list `name` hits it (find, whole; not count) given the block's
    lowercase words and normalize_block() form, as Matcher's own gates read them:
    (anchor words: a literal entry hits only a block whose words hold one (None: every block may
    hold a literal hit; empty: the list has none), the plain whole-block entries (a block whose
    normal form is one of them), needles: the block's text lowered holds one of them wherever
    a regular expression or a whole-block entry with placeholders hits it, or it holds a
    character needles cannot vouch for (see _fold_odd), which are needles too; None when such an
    entry names no needle). Needles hold no whitespace nor NUL. selective: see _entry_needles."""
    m = load_phrases(name)
    anchors = frozenset() if m._literals is None else m._anchors
    choices: list[list[frozenset[str]]] = []
    for line in _entries(name):
        if not (line.startswith("re:") or line.startswith("=re:") or (line.startswith("=") and _PLACEHOLDER_RE.search(line))):
            continue   # a literal (anchors) or a plain whole-block entry (exact)
        sets = [got for got in _entry_needle_sets(line, selective) if not any("\x00" in n for n in got)]
        if not sets:
            return anchors, m._exact, None
        choices.append(sets)
    needles: set[str] = set().union(*(sets[0] for sets in choices))   # (each entry's best)
    if not selective:
        # Each entry's hits hold a needle of any of its sets: an entry of one set gives that one,
        # and an entry of several may take one whose needles the others already give (no search
        # more: "read" for "min ... read" where another entry needs "read" anyway), else its
        # best; kept where the needles then cost less to look for.
        shared: set[str] = set().union(*(sets[0] for sets in choices if len(sets) == 1))
        for sets in choices:
            if len(sets) > 1:
                shared |= next((got for got in sets if got <= shared), sets[0])
        if _find_cost(shared) < _find_cost(needles):
            needles = shared
    if needles:
        needles.update(_FOLD_ODD)
    return anchors, m._exact, _minimal(frozenset(needles))
