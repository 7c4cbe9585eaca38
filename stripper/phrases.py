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
from functools import lru_cache
from importlib import resources

PLACEHOLDERS = {
    "{n}": r"\d+",
    "{price}": r"(?:[$€£¥₹]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:[$€£¥₹]|usd|eur|gbp|euros?|dollars?))",
    "{word}": r"\w+",
}
_PLACEHOLDER_RE = re.compile("|".join(re.escape(k) for k in PLACEHOLDERS))
_WORD_RE = re.compile(r"[^\W_]+")   # as rules.WORD_RE: gate words and block tokens agree
_EDGE_PUNCT = " \t\u00a0.,:;!?|·•…–—-_*#>()[]{}\"'“”‘’«»"


def normalize_block(text: str) -> str:
    """Lowercased, whitespace collapsed, edge punctuation stripped: what '=' entries match."""
    return " ".join(text.lower().split()).strip(_EDGE_PUNCT)


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


def _alt(parts: list[str], name: str) -> str:
    if not parts:
        raise ValueError(f"phrase list {name!r}: an empty alternation would match everything")
    return "(?:" + "|".join(parts) + ")"


class Matcher:
    """Compiled phrase list: .search(text) -> the evidence string or None."""

    __slots__ = ("name", "entries", "_anywhere", "_literals", "_anchors", "_whole", "_exact", "_max_whole",
                 "gate_words")

    def __init__(self, name: str, lines: list[str]):
        self.name = name
        anywhere, literals, anchors, whole, exact, seen = [], [], set(), [], set(), set()
        gate: set[str] | None = set()   # one word of every entry: no hit without one of them
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
                gate = None   # a regular expression names no word it needs
            elif line.startswith("re:"):
                anywhere.append(line[3:])
                gate = None
            elif line.startswith("="):
                phrase = " ".join(line[1:].lower().split()).strip(_EDGE_PUNCT.replace("{", "").replace("}", ""))
                gate = _add_gate_word(gate, phrase)
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
                gate = _add_gate_word(gate, line)
        self.entries = len(seen)
        if not self.entries:
            raise ValueError(f"phrase list {name!r} is empty")
        self._anywhere = re.compile(_alt(anywhere, name), re.I) if anywhere else None
        self._literals = re.compile(r"(?<!\w)" + _alt(literals, name) + r"(?!\w)", re.I) if literals else None
        self._anchors = frozenset(anchors) if "" not in anchors else None
        self._whole = re.compile(_alt(whole, name) + r"\Z", re.I) if whole else None
        self._exact = frozenset(exact)
        self._max_whole = None if whole else max((len(e) for e in exact), default=0)
        # The words one of which every hit contains (None: some entry needs none): a block whose
        # words miss them all cannot match, whatever part of it is searched.
        self.gate_words = frozenset(gate) if gate is not None else None

    def search(self, text: str, tokens: frozenset[str] | None = None) -> str | None:
        hit = self.find(text, tokens)
        return hit[0] if hit else None

    def _may_hit(self, text: str, tokens: frozenset[str] | None) -> bool:
        if self._anchors is None:
            return True
        if tokens is None:
            tokens = frozenset(_WORD_RE.findall(text.lower()))
        return not self._anchors.isdisjoint(tokens)

    def find(self, text: str, tokens: frozenset[str] | None = None,
             norm: str | None = None) -> tuple[str, int] | None:
        """(evidence, position) of the earliest hit; position 0 for a whole-block match.
        tokens / norm: the block's lowercase words and normalize_block() text, if known."""
        hit = self.whole(text, norm)
        if hit is not None:
            return hit, 0
        best = None
        if self._anywhere is not None:
            m = self._anywhere.search(text)
            if m:
                best = (m.group(0), m.start())
        if self._literals is not None and self._may_hit(text, tokens):
            m = self._literals.search(text)
            if m and (best is None or m.start() < best[1]):
                best = (m.group(0), m.start())
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


@lru_cache(maxsize=None)
def load_word_set(name: str) -> frozenset[str]:
    """A phrase file of plain entries read as a set of lowercase words/phrases."""
    m = load_phrases(name)  # validates the file
    del m
    text = (resources.files("stripper") / "data" / "phrases" / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))
