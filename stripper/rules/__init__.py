"""Rule registry. A rule is a small pure function (Block, RuleContext) -> reason | None with a
stable id (three capitals + three digits), a kebab-case slug, an action and a docstring whose
first line is its summary. Returning a string means the rule fires; the string is the reason,
quoting the evidence. Families run in registry order; an id is never reused."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ..language import lower_words
from ..model import DROP, Block, Decision
from ..options import Options
from ..phrases import Matcher, load_phrases, normalize_block

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

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()


RULES: list[Rule] = []


def rule(rule_id: str, slug: str, action: str = DROP, label: str = "", phrases: str | None = None,
         gated: bool = False, max_chars: int | None = None, max_words: int | None = None,
         context: bool = False):
    """Register a rule. gated=True: the rule fires only when its phrase list hits the block, so a
    block holding none of the list's gate words is skipped without calling it. max_chars /
    max_words: the rule never fires on a block longer than that. They only save calls; none of
    them changes a verdict. context=True: the rule reads other blocks of the page (neighbours, the
    whole page), so its verdict on a block is not the same on a repeat of that block elsewhere;
    every other rule reads only the block's own fields and page facts keyed by its text."""
    if not ID_RE.match(rule_id):
        raise ValueError(f"bad rule id {rule_id!r}")

    def wrap(func):
        if any(r.id == rule_id or r.slug == slug for r in RULES):
            raise ValueError(f"duplicate rule {rule_id} {slug}")
        if gated and not phrases:
            raise ValueError(f"rule {rule_id}: gated without a phrase list")
        RULES.append(Rule(rule_id, slug, func, action, label, phrases, gated, max_chars, max_words, context))
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
    first_seen: dict[str, int] = field(default_factory=dict)
    tokens: Sequence[frozenset[str]] = field(default_factory=list)   # each block's lowercase words, as a set
    word_lists: list[list[str]] = field(default_factory=list)    # ... and as a list (shared: read only)
    nwords: list[int] = field(default_factory=list)              # each block's word count
    norms: list[str] = field(default_factory=list)               # each block's normalize_block()
    by_text: dict[str, int] = field(default_factory=dict)        # a block's text -> its index
    bound: dict[str, "BoundPhrases"] = field(default_factory=dict)

    def words(self, block: Block) -> int:
        return self.nwords[block.index]

    def phrases(self, name: str) -> "BoundPhrases | Matcher":
        """Phrase list `name`; asked about a block's own text, it reuses the words and the
        normalised form this context already holds (same answers, less work)."""
        if not self.word_lists:
            return load_phrases(name)
        bp = self.bound.get(name)
        if bp is None:
            bp = self.bound[name] = BoundPhrases(load_phrases(name), self)
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

    def neighbour(self, block: Block, offset: int) -> Block | None:
        i = block.index + offset
        return self.blocks[i] if 0 <= i < len(self.blocks) else None


class BoundPhrases:
    """A Matcher that knows one page's blocks: .find / .search / .whole / .count as Matcher's."""
    __slots__ = ("matcher", "ctx")

    def __init__(self, matcher: Matcher, ctx: RuleContext):
        self.matcher, self.ctx = matcher, ctx

    def find(self, text: str) -> tuple[str, int] | None:
        ctx = self.ctx
        i = ctx.by_text.get(text)
        if i is None:
            return self.matcher.find(text)
        return self.matcher.find(text, ctx.word_lists[i], ctx.norms[i])

    def search(self, text: str) -> str | None:
        hit = self.find(text)
        return hit[0] if hit else None

    def whole(self, text: str) -> str | None:
        i = self.ctx.by_text.get(text)
        return self.matcher.whole(text, None if i is None else self.ctx.norms[i])

    def count(self, text: str) -> int:
        return self.matcher.count(text)

    def __getattr__(self, name):
        return getattr(self.matcher, name)


class WordSets(Sequence):
    """Each block's lowercase words as a frozenset, made when first asked for: most blocks (long
    prose above all) never are, since gates and phrase lists read the word lists."""
    __slots__ = ("_lists", "_sets")

    def __init__(self, lists: list[list[str]]):
        self._lists = lists
        self._sets: list[frozenset[str] | None] = [None] * len(lists)

    def __len__(self) -> int:
        return len(self._lists)

    def __getitem__(self, i: int) -> frozenset[str]:
        s = self._sets[i]
        if s is None:
            s = self._sets[i] = frozenset(self._lists[i])
        return s


def make_context(blocks: list[Block], options: Options, language: str | None,
                 stopwords: frozenset[str], kind: str) -> RuleContext:
    ctx = RuleContext(blocks, options, language, stopwords, kind)
    norms, word_lists, nwords, first_seen, by_text = ctx.norms, ctx.word_lists, ctx.nwords, ctx.first_seen, ctx.by_text
    made: dict[str, tuple[str, list[str]]] = {}   # a text -> its normal form and words (a repeat reuses them)
    for b in blocks:
        text = b.text
        got = made.get(text)
        if got is None:
            by_text[text] = b.index
            n = normalize_block(text)
            # The selection stage reads the same words (language.lower_words, cached); they differ
            # from WORD_RE's only where an underscore joins two of them.
            ws = lower_words(text) if "_" not in text else WORD_RE.findall(text.lower())
            made[text] = (n, ws)
        else:
            n, ws = got
        norms.append(n)
        if n not in first_seen:
            first_seen[n] = b.index
        word_lists.append(ws)
        nwords.append(len(ws))
    ctx.tokens = WordSets(word_lists)
    ctx.norm_counts.update(norms)
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


MEMO_MAX = 4096   # step lists remembered per plan (bounded; a miss only recomputes one)


class _Plan:
    """The active rules, split into those tried on every block and gated ones (opened by a gate
    word of the block), with the declared size limits cut into classes: blocks of one size class
    that open the same gated rules run the same rules in the same order, so that list is built
    once and remembered."""
    __slots__ = ("rules", "always", "by_word", "gate_words", "char_cuts", "word_cuts", "memo")

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.always = tuple(i for i, r in enumerate(rules) if not r.gated)
        by_word: dict[str, set[int]] = {}
        for i, r in enumerate(rules):
            if r.gated:
                for w in load_phrases(r.phrases).gate_words:
                    by_word.setdefault(w, set()).add(i)
        self.by_word = {w: frozenset(v) for w, v in by_word.items()}
        self.gate_words = frozenset(by_word)
        self.char_cuts = sorted({r.max_chars for r in rules if r.max_chars is not None})
        self.word_cuts = sorted({r.max_words for r in rules if r.max_words is not None})
        self.memo: dict[tuple, tuple] = {}

    def steps(self, chars: int, words: int, opened: frozenset[int]) -> tuple:
        """(rule, func) pairs for a block of that size opening those gated rules, in order."""
        ci, wi = bisect_left(self.char_cuts, chars), bisect_left(self.word_cuts, words)
        key = (ci, wi, opened)
        hit = self.memo.get(key)
        if hit is not None:
            return hit
        # Every block in class ci has more characters than the ci lower cuts and at most the
        # next one: a limit rules a rule out for all of them or for none.
        out = []
        for i in sorted(self.always + tuple(opened)):
            r = self.rules[i]
            if r.max_chars is not None and bisect_left(self.char_cuts, r.max_chars) < ci:
                continue
            if r.max_words is not None and bisect_left(self.word_cuts, r.max_words) < wi:
                continue
            out.append((r, r.func))
        steps = tuple(out)
        if len(self.memo) < MEMO_MAX:
            self.memo[key] = steps
        return steps


@lru_cache(maxsize=64)
def _plan(select: tuple[str, ...], ignore: tuple[str, ...]) -> _Plan:
    return _Plan(active_rules_for(select, ignore))


NOTHING_OPENED: frozenset[int] = frozenset()


def apply_rules(blocks: list[Block], ctx: RuleContext) -> list[Decision]:
    """Stage 3: run every active rule on every block; the first rule that fires decides.
    A rule is not called on a block its declared limits or its gate words rule out.

    A page repeats blocks ("Reply" under every comment, a menu twice): a rule that reads only its
    block (not context=True) answers a repeat as it answered the first one, so a repeat calls only
    the context rules up to where the first one was decided, and takes that verdict."""
    plan = _plan(tuple(ctx.options.select), tuple(ctx.options.ignore))
    by_word, gate_words, steps_for = plan.by_word, plan.gate_words, plan.steps
    decisions = []
    word_lists, nwords = ctx.word_lists, ctx.nwords
    # a block's own fields -> (its steps, the position in them of its verdict, the reason, or None
    # when a context rule gave it); no verdict: (steps, len(steps), None)
    seen: dict[tuple, tuple[tuple, int, str | None]] = {}
    for b in blocks:
        i = b.index
        key = (b.text, b.kind, b.level, b.hint, b.link_chars)
        known = seen.get(key)
        if known is None:
            ws = word_lists[i]
            if gate_words.isdisjoint(ws):
                opened = NOTHING_OPENED
            else:
                opened = frozenset().union(*[by_word[w] for w in gate_words.intersection(ws)])
            steps = steps_for(len(b.text), nwords[i], opened)
            for at, (r, func) in enumerate(steps):
                reason = func(b, ctx)
                if reason:
                    decisions.append(Decision(r.id, i, r.action, reason[:80], r.label))
                    seen[key] = (steps, at, None if r.context else reason)
                    break
            else:
                seen[key] = (steps, len(steps), None)
            continue
        # A repeat: the rules reading only the block said no to it up to `at`.
        steps, at, first = known
        for r, func in steps[:at]:
            if r.context:
                reason = func(b, ctx)
                if reason:
                    decisions.append(Decision(r.id, i, r.action, reason[:80], r.label))
                    break
        else:
            if first is not None:               # the first verdict was a rule's reading only the block
                r = steps[at][0]
                decisions.append(Decision(r.id, i, r.action, first[:80], r.label))
                continue
            for r, func in steps[at:]:          # a context rule decided the first one (or none did)
                reason = func(b, ctx)
                if reason:
                    decisions.append(Decision(r.id, i, r.action, reason[:80], r.label))
                    break
    return decisions


def quote(s: str, n: int = 50) -> str:
    s = " ".join(s.split())
    return '"' + (s if len(s) <= n else s[: n - 1] + "…") + '"'
