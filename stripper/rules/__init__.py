"""Rule registry. A rule is a small pure function (Block, RuleContext) -> reason | None with a
stable id (three capitals + three digits), a kebab-case slug, an action and a docstring whose
first line is its summary. Returning a string means the rule fires; the string is the reason,
quoting the evidence. A rule that fires on many blocks of a page may return its reason unmade
instead, as a tuple (maker, *args) whose maker(*args) is the string: Decision.reason makes it
when read (most runs never read one). Families run in registry order; an id is never reused."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import ne, not_
from typing import Callable

from ..language import lower_words
from ..model import DROP, REASON_MAX_CHARS, Block, Decision
from ..options import Options
from ..phrases import _EDGE_PUNCT, DIGIT_RE, Matcher, _minimal, fold_odd_raw, hit_facts, load_phrases

PROSE_WORDS_DEFAULT = 40          # must equal rules.common.PROSE_WORDS_DEFAULT
PROSE_HEAD_CHARS_DEFAULT = 160    # a phrase starting in the first 30 characters ends before this
ID_RE = re.compile(r"^[A-Z]{3}\d{3}$")
WORD_RE = re.compile(r"[^\W_]+")   # words without the underscores of markdown emphasis


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    slug: str
    func: Callable
    action: str
    label: str
    phrases: str | None
    gated: bool = False            # fires only on a hit of its phrase list (see apply_rules)
    max_chars: int | None = None   # never fires on a longer block
    max_words: int | None = None   # never fires on a block of more words (RuleContext.words)
    context: bool = False          # reads blocks other than its own (see apply_rules)
    words: frozenset[str] | None = None  # fires only on a block holding one of these words (see rule()),
    norms: frozenset[str] | None = None  # ... or one whose normal form is one of these,
    needles: tuple[str, ...] | None = None   # ... or one whose text lowered holds one of these,
    candidates: Callable | None = None   # ... or one of these blocks of the page

    @property
    def checked(self) -> bool:
        """Skipped on a block its words / norms / candidates leave out."""
        return self.words is not None or self.norms is not None or self.needles is not None \
            or self.candidates is not None

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()


RULES: list[Rule] = []


def rule(rule_id: str, slug: str, action: str = DROP, label: str = "", phrases: str | None = None,
         gated: bool = False, max_chars: int | None = None, max_words: int | None = None,
         context: bool = False, words: frozenset[str] | None = None, norms: frozenset[str] | None = None,
         needles: Iterable[str] | None = None, candidates: Callable[["RuleContext"], Iterable[int]] | None = None):
    """Register a rule. gated=True: the rule fires only when its phrase list hits the block, so a
    block holding none of the list's gate words is skipped without calling it. max_chars /
    max_words: the rule never fires on a block longer than that. They only save calls; none of
    them changes a verdict. context=True: the rule reads other blocks of the page (neighbours, the
    whole page), so its verdict on a block is not the same on a repeat of that block elsewhere;
    every other rule reads only the block's own fields and page facts keyed by its text.

    words, norms, needles, candidates: what every block the rule fires on has, one at least: one
    of the words among its lowercase words (RuleContext.word_lists), a normal form
    (normalize_block) among the norms, one of the needles (none holding a NUL) in its text
    lowered, or a place among the candidates: a function (RuleContext) -> the indices of the
    page's blocks it may fire on, found in a pass over the page (RuleContext.find_any), perhaps
    more than once. A rule declaring any of them is not called on a block that has none of them;
    like the limits, they only save calls. The needles of all rules are looked for once per page.
    list_gate() gives words, norms and needles for a rule that fires only on a hit of phrase
    lists. Candidates choose a block by its own fields only (text, kind, level, hint,
    link_chars), so that a repeat of a block is chosen alike. Each declaration must be provably
    necessary (say why beside it); tests/test_candidates.py checks every rule against its own
    (check_candidates) on many pages and strings.
    """
    if not ID_RE.match(rule_id):
        raise ValueError(f"bad rule id {rule_id!r}")

    def wrap(func):
        if any(r.id == rule_id or r.slug == slug for r in RULES):
            raise ValueError(f"duplicate rule {rule_id} {slug}")
        if gated and not phrases:
            raise ValueError(f"rule {rule_id}: gated without a phrase list")
        if gated and (words is not None or norms is not None or needles is not None or candidates is not None):
            raise ValueError(f"rule {rule_id}: gated rules are chosen by their gate words")
        # (a needle holding another of the rule's is found with it: looking for it too would only cost a scan)
        RULES.append(Rule(rule_id, slug, func, action, label, phrases, gated, max_chars, max_words, context,
                          words, norms, None if needles is None else tuple(sorted(_minimal(frozenset(needles)))),
                          candidates))
        return func
    return wrap


@dataclass(slots=True)
class RuleContext:
    """What a rule may look at besides its block: read-only page facts."""
    blocks: list[Block]
    options: Options
    language: str | None
    stopwords: frozenset[str]
    kind: str                                   # input kind: text | markdown | html
    norm_counts: Counter = field(default_factory=Counter)
    tokens: Sequence[frozenset[str]] = field(default_factory=list)   # each block's lowercase words, as a set
    word_lists: list[Sequence[str]] = field(default_factory=list)    # ... and as a sequence (shared: read only)
    nwords: list[int] = field(default_factory=list)              # each block's word count
    norms: list[str | None] = field(default_factory=list)        # each block's normalize_block() (see make_context)
    by_text: dict[str, int] = field(default_factory=dict)        # a block's text -> its index
    bound: dict[str, "BoundPhrases"] = field(default_factory=dict)
    joined: str | None = None                   # every block's text, joined by NUL (see scan)
    starts: list[int] = field(default_factory=list)              # ... where each block's text starts there
    low: str | None = None                      # ... lowered, each block's text as text.lower() gives it
    low_starts: list[int] = field(default_factory=list)
    held: dict[str, list[int]] = field(default_factory=dict)   # a needle -> holding(needle)
    firsts: list[str] | None = None             # each block's first lowercase word (see opening_with)
    texts: list[str] = field(default_factory=list)               # each block's text (make_context)
    cached_words: bool = False                  # word_lists are lower_words' own lists (make_context)

    def words(self, block: Block) -> int:
        return self.nwords[block.index]

    def phrases(self, name: str) -> "BoundPhrases | Matcher":
        """Phrase list `name`; asked about a block's own text, it reuses the words and the
        normalised form this context already holds (same answers, less work)."""
        if not self.word_lists:
            return load_phrases(name)
        bp = self.bound.get(name)
        if bp is None:
            bp = self.bound[name] = BoundPhrases(load_phrases(name), self.by_text, self.word_lists, self.norms)
        return bp

    def find(self, name: str, block: Block) -> tuple[str, int] | None:
        """The earliest hit of phrase list `name` in the block: (evidence, position)."""
        if self.word_lists and self.nwords[block.index] > PROSE_WORDS_DEFAULT:
            # In long prose a phrase counts only near the start (rules/common.phrase_fires): the
            # head is all there is to search, which keeps rules cheap on article paragraphs.
            return load_phrases(name).find(block.text[:PROSE_HEAD_CHARS_DEFAULT])
        return self.find_in_full(name, block)

    def find_in_full(self, name: str, block: Block) -> tuple[str, int] | None:
        """As find(), but over the whole block however long it is."""
        if not self.word_lists:
            return load_phrases(name).find(block.text)
        i = block.index
        return load_phrases(name).find(block.text, self.word_lists[i], self.norms[i])

    def whole(self, name: str, block: Block) -> str | None:
        """The block, normalised, if it is one of the whole-block entries of list `name`."""
        return load_phrases(name).whole(block.text, self.norms[block.index] if self.norms else None)

    def block_texts(self) -> list[str]:
        """Each block's text: the list make_context made, or one made here for a context built
        without it."""
        return self.texts if len(self.texts) == len(self.blocks) else [b.text for b in self.blocks]

    def joined_text(self) -> str:
        """Every block's text, joined by NUL."""
        return self._joined()[0]

    def _joined(self) -> tuple[str, list[int]]:
        if self.joined is None:
            texts = self.block_texts()
            self.joined = "\x00".join(texts)
            # block i starts after the texts before it and one NUL each: the running sums of len + 1
            self.starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
            self.starts.pop()
        return self.joined, self.starts

    def _lowered(self) -> tuple[str, list[int]]:
        if self.low is None:
            joined, starts = self._joined()
            low = joined.lower()
            if len(low) == len(joined):
                # str.lower() lowers a character alone but for a final sigma, whose context a NUL
                # ends: each block's text lowered is its slice
                self.low, self.low_starts = low, starts
            else:   # ("İ" lowers to two characters)
                lows = [b.text.lower() for b in self.blocks]
                self.low = "\x00".join(lows)
                at, self.low_starts = 0, []
                for t in lows:
                    self.low_starts.append(at)
                    at += len(t) + 1
        return self.low, self.low_starts

    def find_any(self, needles: Iterable[str] | None) -> list[int]:
        """The indices of the blocks whose text lowered holds one of the needles (none holding a
        NUL), perhaps more than once; every block for None."""
        if needles is None:
            return list(range(len(self.blocks)))
        low, starts = self._lowered()
        ascii_page = low.isascii()
        out: list[int] = []
        for n in needles:
            if not ascii_page or n.isascii():
                out += self.holding(n)
        return out

    def holding(self, needle: str) -> list[int]:
        """The indices of the blocks whose text lowered holds the needle (no NUL in it), in
        order: one search from each block holding it to the next block. Remembered: the plan
        and several candidates ask for ":" (read the list, never change it)."""
        out = self.held.get(needle)
        if out is None:
            out = self.held[needle] = lines_holding(self._lowered(), needle)
        return out

    def opening_with(self, words: frozenset[str]) -> list[int]:
        """The indices of the blocks whose first lowercase word (RuleContext.word_lists) is one of
        these, in order."""
        firsts = self.firsts
        if firsts is None:
            firsts = self.firsts = [ws[0] if ws else "" for ws in self.word_lists]
        return list(compress(count(), map(words.__contains__, firsts)))

    def with_words(self, words: frozenset[str] | None, max_words: int | None = None) -> list[int]:
        """The indices of the blocks holding one of these lowercase words (RuleContext.word_lists),
        of at most max_words words; every block for None."""
        nwords = self.nwords
        if words is None:
            return [i for i, n in enumerate(nwords) if max_words is None or n <= max_words]
        isdisjoint = words.isdisjoint
        if max_words is None:
            return [i for i, ws in enumerate(self.word_lists) if not isdisjoint(ws)]
        return [i for i, ws in enumerate(self.word_lists) if nwords[i] <= max_words and not isdisjoint(ws)]

    def neighbour(self, block: Block, offset: int) -> Block | None:
        i = block.index + offset
        return self.blocks[i] if 0 <= i < len(self.blocks) else None


def lines_holding(lowered: tuple[str, list[int]], needle: str, first: int = 0) -> list[int]:
    """The indices of the lines from line `first` on whose text lowered holds the needle (no
    separator in it), in order, from the lines lowered (RuleContext._lowered: each line's
    text.lower() at its start, one separator character between them): one search from each line
    holding it to the next line."""
    low, starts = lowered
    out: list[int] = []
    last = len(starts) - 1
    if first > last:
        return out
    at = low.find(needle, starts[first])
    while at >= 0:
        k = bisect_right(starts, at) - 1
        out.append(k)
        if k >= last:
            break
        at = low.find(needle, starts[k + 1])
    return out


class BoundPhrases:
    """A Matcher that knows one page's blocks: .find / .search / .whole / .count as Matcher's.
    It holds the context's lists, not the context, which holds it: no reference cycle, so a
    page's blocks are freed when its run ends rather than at the next garbage collection."""
    __slots__ = ("matcher", "by_text", "word_lists", "norms")

    def __init__(self, matcher: Matcher, by_text: dict[str, int], word_lists: list[Sequence[str]],
                 norms: list[str | None]):
        self.matcher, self.by_text, self.word_lists, self.norms = matcher, by_text, word_lists, norms

    def find(self, text: str) -> tuple[str, int] | None:
        i = self.by_text.get(text)
        if i is None:
            return self.matcher.find(text)
        return self.matcher.find(text, self.word_lists[i], self.norms[i])

    def search(self, text: str) -> str | None:
        hit = self.find(text)
        return hit[0] if hit else None

    def whole(self, text: str) -> str | None:
        i = self.by_text.get(text)
        return self.matcher.whole(text, None if i is None else self.norms[i])

    def count(self, text: str) -> int:
        return self.matcher.count(text)

    def __getattr__(self, name):
        return getattr(self.matcher, name)


class WordSets(Sequence):
    """Each block's lowercase words as a frozenset, made when first asked for: most blocks (long
    prose above all) never are, since gates and phrase lists read the word lists."""
    __slots__ = ("_lists", "_sets")

    def __init__(self, lists: list[Sequence[str]]):
        self._lists = lists
        self._sets: list[frozenset[str] | None] = [None] * len(lists)

    def __len__(self) -> int:
        return len(self._lists)

    def __getitem__(self, i: int) -> frozenset[str]:
        s = self._sets[i]
        if s is None:
            s = self._sets[i] = frozenset(self._lists[i])
        return s


# A longer block's normal form is made only where a rule asks for it (Matcher makes it from None).
# The readers of every block's form need no longer one: DUP001 counts the forms of blocks of at
# most REPEAT_MAX_WORDS_DEFAULT words (footer.py checks it is no more), and a block with another's
# form has its words, so its count holds only blocks as short; the byline's author-box headings
# are shorter still (tests/test_context.py); a rule's norms are checked in _Plan.
NORM_MAX_WORDS = 8


def make_context(blocks: list[Block], options: Options, language: str | None,
                 stopwords: frozenset[str], kind: str) -> RuleContext:
    """The page facts the rules read. A block of more than NORM_MAX_WORDS words has no normal form
    in norms (None; norm_counts leaves it out): no rule counts or looks up one that long
    (two blocks of one normal form have the same words), and Matcher makes it when asked for it
    with None."""
    ctx = RuleContext(blocks, options, language, stopwords, kind)
    ctx.texts = texts = [b.text for b in blocks]
    # (block i is blocks[i], as everywhere the rules index these lists)
    # The selection stage reads the same words (language.lower_words, cached: a repeat of a text
    # gets the same list); they differ from WORD_RE's only where an underscore joins two of them.
    # (a page holding no underscore, most, is told by one search of its texts joined, which the
    # needles search lowered in any case, and its words are read without a test per block)
    if "_" not in ctx.joined_text():
        ctx.word_lists = word_lists = list(map(lower_words, texts))
        ctx.cached_words = True   # (the selection reads them as its own: see pipeline)
    else:
        ctx.word_lists = word_lists = [lower_words(t) if "_" not in t else WORD_RE.findall(t.lower()) for t in texts]
    ctx.nwords = nwords = list(map(len, word_lists))
    # a text -> the index of its first block (the last one written wins: go backwards)
    ctx.by_text = by_text = dict(zip(reversed(texts), range(len(texts) - 1, -1, -1)))
    # each text once (a repeat shares its normal form)
    # (normalize_block written out, sparing a call per short block; tests/test_context.py checks they agree)
    # A text whose only white space is single ASCII spaces (nearly every block) needs no split and
    # join: str.isprintable() is False for every other white-space character (each is a control
    # or separator character), and lowering makes no white space. Its spaces are kept as they
    # are, and one at either end goes with the strip, space being an edge character.
    normal = {}
    for t, i in by_text.items():
        if nwords[i] <= NORM_MAX_WORDS:
            if t.isprintable() and "  " not in t:
                normal[t] = t.lower().strip(_EDGE_PUNCT)
            else:
                normal[t] = " ".join(t.lower().split()).strip(_EDGE_PUNCT)
    ctx.norms = norms = list(map(normal.get, texts))
    ctx.tokens = WordSets(word_lists)
    counts = ctx.norm_counts
    counts.update(norms)
    counts.pop(None, None)
    return ctx


# Family order: byline tags first (a caption ending "© Reuters" is a caption, not a footer). Rules
# run in this order, and in their order of definition within a family, whatever order the family
# modules happen to be imported in.
FAMILIES = ("byline", "icons", "paywall", "sponsored", "consent", "share", "navigation", "footer", "server")


def _load_families() -> None:
    from . import byline, icons, paywall, sponsored, consent, share, navigation, footer, server  # noqa: F401


def _ordered() -> list[Rule]:
    _load_families()
    rank = {name: i for i, name in enumerate(FAMILIES)}
    pos = {id(r): i for i, r in enumerate(RULES)}
    return sorted(RULES, key=lambda r: (rank.get(r.func.__module__.rsplit(".", 1)[-1], len(rank)), pos[id(r)]))


def active_rules(options: Options) -> list[Rule]:
    return active_rules_for(tuple(options.select), tuple(options.ignore))


def active_rules_for(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    out = []
    for r in _ordered():
        if select and not any(r.id.startswith(p) for p in select):
            continue
        if any(r.id.startswith(p) for p in ignore):
            continue
        out.append(r)
    return out


def all_rules() -> list[Rule]:
    return _ordered()


def get_rule(rule_id: str) -> Rule | None:
    _load_families()
    for r in RULES:
        if r.id == rule_id.upper() or r.slug == rule_id:
            return r
    return None


HEAD_CHARS = 4   # needles longer than that sharing their first HEAD_CHARS characters are found by one search
MEMO_MAX = 4096   # step lists remembered per plan (bounded; a miss only recomputes one)


class _Plan:
    """The active rules, split into those tried on every block, gated ones (opened by a gate word
    of the block) and checked ones (opened by a word, the normal form or the place of the block),
    with the declared size limits cut into classes. A set of rules is a bit mask (bit i: rule i);
    the rules a block runs, in order, are found by the mask of those it opens within the limits
    of its size class, built once per mask and remembered."""
    __slots__ = ("rules", "always", "checked", "free", "free_mask", "gated_mask", "checked_mask", "by_word",
                 "gate_words", "by_digit", "digit_words", "by_norm", "by_needle", "by_tail", "by_head", "char_cuts", "word_cuts",
                 "class_masks", "limit_rows", "memo")

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.always = tuple(i for i, r in enumerate(rules) if not r.gated)
        self.checked = tuple(i for i in self.always if rules[i].checked)
        self.free = tuple(i for i in self.always if not rules[i].checked)   # tried on every block
        self.free_mask = _mask(self.free)
        self.checked_mask = _mask(self.checked)
        self.gated_mask = _mask(i for i, r in enumerate(rules) if r.gated)
        by_word: dict[str, int] = {}
        by_digit: dict[str, int] = {}   # gate words opening a rule only on a block holding a digit
        by_norm: dict[str, int] = {}
        by_needle: dict[str, int] = {}
        for i, r in enumerate(rules):
            for n in r.needles or ():
                by_needle[n] = by_needle.get(n, 0) | 1 << i
            digit_words = load_phrases(r.phrases).digit_gate_words if r.gated else frozenset()
            for w in load_phrases(r.phrases).gate_words if r.gated else r.words or ():
                if w in digit_words:
                    by_digit[w] = by_digit.get(w, 0) | 1 << i
                    by_word.setdefault(w, 0)
                else:
                    by_word[w] = by_word.get(w, 0) | 1 << i
            for n in r.norms or ():
                by_norm[n] = by_norm.get(n, 0) | 1 << i
        self.by_word, self.by_norm = by_word, by_norm
        self.by_digit, self.digit_words = by_digit, frozenset(by_digit)
        for n in by_norm:   # (a longer block has no normal form in RuleContext.norms)
            if len(WORD_RE.findall(n)) > NORM_MAX_WORDS:
                raise ValueError(f"a rule's norm of more than {NORM_MAX_WORDS} words: {n!r}")
        # Needles of word characters that are one character before a shared rest ("dby", "eby",
        # "tby"): the page is searched once for the rest, each hit asking the character before it
        # (see admitted), rather than once per needle.
        tails: dict[str, dict[str, int]] = {}
        for n, bits in by_needle.items():
            if len(n) > 2 and WORD_RE.fullmatch(n) is not None:
                tails.setdefault(n[1:], {})[n[0]] = bits
        self.by_tail = tuple((tail, firsts) for tail, firsts in sorted(tails.items()) if len(firsts) > 1)
        for tail, firsts in self.by_tail:
            for c in firsts:
                del by_needle[c + tail]
        # Needles sharing their first HEAD_CHARS characters ("lectura", "lecture"; "lesezeit",
        # "lesedauer"): the page is searched once for the shared head, each hit asking which of
        # them starts there (see admitted), rather than once per needle.
        heads: dict[str, list[tuple[str, int]]] = {}
        for n, bits in sorted(by_needle.items()):
            if len(n) > HEAD_CHARS:
                heads.setdefault(n[:HEAD_CHARS], []).append((n, bits))
        self.by_head = tuple((head, tuple(group)) for head, group in sorted(heads.items()) if len(group) > 1)
        for head, group in self.by_head:
            for n, _ in group:
                del by_needle[n]
        # (shortest first: a single character is found fastest, and opens most; with whether it
        # is ASCII, and its first character if it has more)
        self.by_needle = tuple((n, bits, n.isascii(), n[0] if len(n) > 1 else "")
                               for n, bits in sorted(by_needle.items(), key=lambda kv: (len(kv[0]), kv[0])))
        self.gate_words = frozenset(by_word)
        self.char_cuts = sorted({r.max_chars for r in rules if r.max_chars is not None})
        self.word_cuts = sorted({r.max_words for r in rules if r.max_words is not None})
        # Every block in class ci has more characters than the ci lower cuts and at most the
        # next one: a limit rules a rule out for all of them or for none.
        self.class_masks = [[_mask(i for i, r in enumerate(rules)
                                   if (r.max_chars is None or bisect_left(self.char_cuts, r.max_chars) >= ci)
                                   and (r.max_words is None or bisect_left(self.word_cuts, r.max_words) >= wi))
                             for wi in range(len(self.word_cuts) + 1)]
                            for ci in range(len(self.char_cuts) + 1)]
        # The same, read off by a block's size without a search: limit_rows[chars][words] is
        # limits_mask(chars, words) for chars up to the last char cut and words up to the last word
        # cut and one more; a longer block reads the last row, one of more words the last column
        # (each past the last cut: the last class). (The rows are class_masks' rows, widened.)
        last_words = self.word_cuts[-1] + 1 if self.word_cuts else 0
        rows = [[row[bisect_left(self.word_cuts, words)] for words in range(last_words + 1)] for row in self.class_masks]
        self.limit_rows = [rows[bisect_left(self.char_cuts, chars)]
                           for chars in range((self.char_cuts[-1] if self.char_cuts else -1) + 2)]
        self.memo: dict[int, tuple] = {}

    def limits_mask(self, chars: int, words: int) -> int:
        """The rules whose limits let a block of that size through (as apply_rules reads them)."""
        rows = self.limit_rows
        last_chars, last_words = len(rows) - 1, len(rows[0]) - 1
        return rows[chars if chars < last_chars else last_chars][words if words < last_words else last_words]

    def steps(self, chars: int, words: int, opened: frozenset[int],
              admitted: frozenset[int] | None = None) -> tuple:
        """(rule, func) pairs for a block of that size opening those gated rules, in order;
        admitted: the checked rules the block opens (None: all of them)."""
        mask = self.free_mask | (_mask(opened) & self.gated_mask) \
            | (self.checked_mask if admitted is None else _mask(admitted) & self.checked_mask)
        return self.steps_of(mask & self.limits_mask(chars, words))

    def steps_of(self, mask: int) -> tuple:
        """(rule, func) pairs of the rules in the mask, in order."""
        hit = self.memo.get(mask)
        if hit is not None:
            return hit
        steps = tuple((r, r.func) for i, r in enumerate(self.rules) if mask >> i & 1)
        if len(self.memo) < MEMO_MAX:
            self.memo[mask] = steps
        return steps

    def admitted(self, ctx: "RuleContext") -> list[int]:
        """Each block's mask of the checked rules whose needles or candidates hold it (a list:
        block i's at i; on a page of links most blocks are a candidate of one rule or another)."""
        got = [0] * len(ctx.blocks)
        rules = self.rules
        if self.by_needle or self.by_tail or self.by_head:
            lowered = ctx._lowered()
            low, starts = lowered
            ascii_page = low.isascii()
            held = ctx.held
            for n, bits, ascii_needle, lead in self.by_needle:
                if ascii_page and not ascii_needle:
                    continue
                if lead and lead not in low:
                    # (one character is looked for at memchr speed, several ten times slower: a page
                    # holding no "[" holds no "[[", learnt in a tenth of the time)
                    continue
                # (every needle is looked for on the page lowered: one of word characters might be
                # looked for in the page's words, each once, joined, but making that string, a set
                # union of every block's words and a join, costs more than the searches it shortens)
                # (RuleContext.holding written out, sparing two calls per needle on every page)
                out = held.get(n)
                if out is None:
                    out = held[n] = lines_holding(lowered, n)
                for k in out:
                    got[k] |= bits
            for tail, firsts in self.by_tail:
                # A block holds the needle c + tail just where it holds tail after a c: every place
                # of tail on the page lowered is looked at (from the second character on, overlapping
                # ones too), and the block holding the character before it, c, opens the rules of
                # c + tail. (c is a word character, never the NUL between two blocks: c + tail lies
                # in one block.)
                at = low.find(tail, 1)
                while at >= 0:
                    bits = firsts.get(low[at - 1])
                    if bits is not None:
                        got[bisect_right(starts, at) - 1] |= bits
                    at = low.find(tail, at + 1)
            for head, group in self.by_head:
                # A block holds a needle of the group just where the needle starts at a place of
                # their head on the page lowered (every place, overlapping ones too; a needle holds
                # no NUL, so it lies in the block holding its start).
                at = low.find(head)
                while at >= 0:
                    for n, bits in group:
                        if low.startswith(n, at):
                            got[bisect_right(starts, at) - 1] |= bits
                    at = low.find(head, at + 1)
        for pos in self.checked:
            cands = rules[pos].candidates
            if cands is None:
                continue
            bit = 1 << pos
            for i in cands(ctx):
                got[i] |= bit
        return got


def _mask(positions) -> int:
    m = 0
    for i in positions:
        m |= 1 << i
    return m


@lru_cache(maxsize=64)
def _plan(select: tuple[str, ...], ignore: tuple[str, ...]) -> _Plan:
    return _Plan(active_rules_for(select, ignore))


def apply_rules(blocks: list[Block], ctx: RuleContext) -> list[Decision]:
    """Stage 3: run every active rule on every block; the first rule that fires decides.
    A rule is not called on a block its declared limits or its gate words rule out.

    A page repeats blocks ("Reply" under every comment, a menu twice): a rule that reads only its
    block (not context=True) answers a repeat as it answered the first one, so a repeat calls only
    the context rules up to where the first one was decided, and takes that verdict."""
    plan = _plan(tuple(ctx.options.select), tuple(ctx.options.ignore))
    by_word, gate_words, by_norm, free = plan.by_word, plan.gate_words, plan.by_norm, plan.free_mask
    by_digit, digit_words = plan.by_digit, plan.digit_words
    memo, steps_of = plan.memo, plan.steps_of
    limit_rows = plan.limit_rows
    last_chars, last_words = len(limit_rows) - 1, len(limit_rows[0]) - 1
    word_lists, nwords, norms = ctx.word_lists, ctx.nwords, ctx.norms
    # the rules each block opens (by its words, its normal form, its place), before its limits
    masks = plan.admitted(ctx)
    if free:
        masks = [m | free for m in masks]
    # (a normal form opening a rule is one the page counts: most pages hold none, and skip the pass)
    if not by_norm.keys().isdisjoint(ctx.norm_counts):
        for i, norm in enumerate(norms):
            if norm in by_norm:
                masks[i] |= by_norm[norm]
    # (the blocks holding a gate word picked in C, by a test that builds no set: most hold none)
    for i in compress(count(), map(not_, map(gate_words.isdisjoint, word_lists))):
        held = gate_words.intersection(word_lists[i])
        mask = masks[i]
        for w in held:
            mask |= by_word[w]
        if not digit_words.isdisjoint(held):
            # a word only entries with a {n} or {price} give opens their rules on a block holding
            # a digit, which each hit of theirs holds (Matcher.digit_gate_words), or a character
            # that may hide the gate word of a hit from the block's words (fold_odd_raw), where
            # any gate word opens them as ever
            dmask = 0
            for w in digit_words.intersection(held):
                dmask |= by_digit[w]
            text = blocks[i].text
            if dmask & ~mask and (DIGIT_RE.search(text) is not None or fold_odd_raw(text)):
                mask |= dmask
        masks[i] = mask
    decisions = []
    # (a reason is cut to REASON_MAX_CHARS; one given unmade, a tuple of a few items, is left
    # whole by the slice, and Decision.reason cuts it when it makes it)
    cut = REASON_MAX_CHARS
    # (a Decision made as Decision._make makes it, tuple.__new__ on a tuple of its five fields,
    # without the Python frame of _make around it)
    append, new = decisions.append, tuple.__new__
    # a block's own fields -> (its steps, the position in them of its verdict, the reason, or None
    # when a context rule gave it); no verdict: (steps, len(steps), None)
    seen: dict[tuple, tuple[tuple, int, str | None]] = {}
    # Only a block whose text the page holds more than once is ever a repeat: the texts of the
    # blocks that are not their text's first (by_text keeps the first index) are all such texts.
    # A block with a text of its own is decided without a key or a remembered verdict (most are).
    texts, by_text = ctx.block_texts(), ctx.by_text
    if len(by_text) != len(texts):   # (equal: every text once, by_text as make_context made it)
        if not by_text:
            by_text = dict(zip(reversed(texts), range(len(texts) - 1, -1, -1)))
        repeated = set(compress(texts, map(ne, map(by_text.__getitem__, texts), count())))
    else:
        repeated = set()
    for i in compress(count(), masks):   # (a block no rule may fire on is passed over in C)
        mask = masks[i]
        b = blocks[i]
        text = b.text
        # (limits_mask(len(text), nwords[i]), read off limit_rows with no call: see _Plan)
        size, n = len(text), nwords[i]
        mask &= limit_rows[size if size < last_chars else last_chars][n if n < last_words else last_words]
        if not mask:
            continue
        if text not in repeated:
            for r, func in memo.get(mask) or steps_of(mask):
                reason = func(b, ctx)
                if reason:
                    append(new(Decision, (r.id, i, r.action, reason[:cut], r.label)))
                    break
            continue
        key = (text, b.kind, b.level, b.hint, b.link_chars)
        known = seen.get(key)
        if known is None:
            steps = memo.get(mask) or steps_of(mask)
            at = 0
            for r, func in steps:
                reason = func(b, ctx)
                if reason:
                    append(new(Decision, (r.id, i, r.action, reason[:cut], r.label)))
                    seen[key] = (steps, at, None if r.context else reason)
                    break
                at += 1
            else:
                seen[key] = (steps, at, None)
            continue
        # A repeat: the rules reading only the block said no to it up to `at`.
        steps, at, first = known
        for r, func in steps[:at]:
            if r.context:
                reason = func(b, ctx)
                if reason:
                    append(new(Decision, (r.id, i, r.action, reason[:cut], r.label)))
                    break
        else:
            if first is not None:               # the first verdict was a rule's reading only the block
                r = steps[at][0]
                append(new(Decision, (r.id, i, r.action, first[:cut], r.label)))
                continue
            for r, func in steps[at:]:          # a context rule decided the first one (or none did)
                reason = func(b, ctx)
                if reason:
                    append(new(Decision, (r.id, i, r.action, reason[:cut], r.label)))
                    break
    return decisions


def quote(s: str, n: int = 50) -> str:
    if len(s) > 2 * n:
        # A long text's head alone is normalised: the words of s[:2 * n] joined are a prefix of
        # those of s joined (its last word at most cut short), so when that head is longer than n
        # the whole is too, and the quote is the head's (tests/test_context.py).
        head = " ".join(s[:2 * n].split())
        if len(head) > n:
            return f'"{head[: n - 1]}…"'
    s = " ".join(s.split())
    return f'"{s}"' if len(s) <= n else f'"{s[: n - 1]}…"'


def list_gate(*names: str, also: Callable[["RuleContext"], Iterable[int]] | None = None,
              selective: bool = False) -> dict:
    """rule() arguments (words, norms, needles, candidates) for a rule that fires only where one of the
    phrase lists `names`, asked about the block's own text with its words and normal form
    (find_in_full, whole, or BoundPhrases), hits, or on the blocks `also` gives: the anchor words
    of their literals, their plain whole-block entries and blocks holding a needle of their other
    entries (phrases.hit_facts; selective: needles fewer blocks hold, though more of them). No
    arguments (the rule is called on every block) when a list cannot say."""
    words: set[str] = set()
    norms: set[str] = set()
    needles: set[str] = set()
    for name in names:
        anchors, exact, found = hit_facts(name, selective)
        if anchors is None or found is None:
            return {}
        words |= anchors
        norms |= exact
        needles.update(found)
    return {"words": frozenset(words), "norms": frozenset(norms), "needles": tuple(sorted(needles)), "candidates": also}


def check_candidates(blocks: list[Block], ctx: RuleContext) -> list[tuple[str, int, str]]:
    """Every (rule id, block index, reason) where a rule fires, within its declared limits, on a
    block its candidates left out: none, or the rule's candidates are wrong. Every rule is called on every block (slow: for tests)."""
    out = []
    for r in all_rules():
        if not r.checked:
            continue
        chosen = set(r.candidates(ctx)) if r.candidates is not None else set()
        if r.words:
            chosen.update(ctx.with_words(r.words))
        if r.norms:
            chosen.update(i for i, n in enumerate(ctx.norms) if n in r.norms)
        if r.needles:
            chosen.update(ctx.find_any(r.needles))
        for b in blocks:
            if (r.max_chars is not None and len(b.text) > r.max_chars) \
                    or (r.max_words is not None and ctx.nwords[b.index] > r.max_words):
                continue   # (a declared limit: the rule is not asked)
            if b.index not in chosen:
                reason = r.func(b, ctx)
                if reason:
                    out.append((r.id, b.index, reason))
    return out
