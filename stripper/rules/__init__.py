"""Rule registry. A rule is a small pure function (Block, RuleContext) -> reason | None with a
stable id (three capitals + three digits), a kebab-case slug, an action and a docstring whose
first line is its summary. Returning a string means the rule fires; the string is the reason,
quoting the evidence. Families run in registry order; an id is never reused."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
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

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()


RULES: list[Rule] = []


def rule(rule_id: str, slug: str, action: str = DROP, label: str = "", phrases: str | None = None,
         gated: bool = False, max_chars: int | None = None, max_words: int | None = None):
    """Register a rule. gated=True: the rule fires only when its phrase list hits the block, so a
    block holding none of the list's gate words is skipped without calling it. max_chars /
    max_words: the rule never fires on a block longer than that. They only save calls; none of
    them changes a verdict."""
    if not ID_RE.match(rule_id):
        raise ValueError(f"bad rule id {rule_id!r}")

    def wrap(func):
        if any(r.id == rule_id or r.slug == slug for r in RULES):
            raise ValueError(f"duplicate rule {rule_id} {slug}")
        if gated and not phrases:
            raise ValueError(f"rule {rule_id}: gated without a phrase list")
        RULES.append(Rule(rule_id, slug, func, action, label, phrases, gated, max_chars, max_words))
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
    tokens: list[frozenset[str]] = field(default_factory=list)   # each block's lowercase words
    nwords: list[int] = field(default_factory=list)              # each block's word count
    norms: list[str] = field(default_factory=list)               # each block's normalize_block()

    def words(self, block: Block) -> int:
        return self.nwords[block.index]

    def phrases(self, name: str) -> Matcher:
        return load_phrases(name)

    def find(self, name: str, block: Block) -> tuple[str, int] | None:
        """The earliest hit of phrase list `name` in the block: (evidence, position)."""
        if not self.tokens:
            return load_phrases(name).find(block.text)
        text = block.text
        if self.nwords[block.index] > PROSE_WORDS_DEFAULT:
            # In long prose a phrase counts only near the start (rules/common.phrase_fires): the
            # head is all there is to search, which keeps rules cheap on article paragraphs.
            text = text[:PROSE_HEAD_CHARS_DEFAULT]
            return load_phrases(name).find(text)
        return load_phrases(name).find(text, self.tokens[block.index], self.norms[block.index])

    def whole(self, name: str, block: Block) -> str | None:
        """The block, normalised, if it is one of the whole-block entries of list `name`."""
        return load_phrases(name).whole(block.text, self.norms[block.index] if self.norms else None)

    def neighbour(self, block: Block, offset: int) -> Block | None:
        i = block.index + offset
        return self.blocks[i] if 0 <= i < len(self.blocks) else None


def make_context(blocks: list[Block], options: Options, language: str | None,
                 stopwords: frozenset[str], kind: str) -> RuleContext:
    ctx = RuleContext(blocks, options, language, stopwords, kind)
    norms, tokens, nwords, first_seen = ctx.norms, ctx.tokens, ctx.nwords, ctx.first_seen
    for b in blocks:
        text = b.text
        n = normalize_block(text)
        norms.append(n)
        if n not in first_seen:
            first_seen[n] = b.index
        # The selection stage reads the same words (language.lower_words, cached); they differ
        # from WORD_RE's only where an underscore joins two of them.
        ws = lower_words(text) if "_" not in text else WORD_RE.findall(text.lower())
        tokens.append(frozenset(ws))
        nwords.append(len(ws))
    ctx.norm_counts.update(norms)
    return ctx


def _load_families() -> None:
    # Import order is family order: byline tags first (a caption ending "© Reuters" is a caption, not a footer).
    from . import byline, icons, paywall, sponsored, consent, share, navigation, footer, server  # noqa: F401


def active_rules(options: Options) -> list[Rule]:
    return active_rules_for(tuple(options.select), tuple(options.ignore))


def active_rules_for(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    _load_families()
    out = []
    for r in RULES:
        if select and not any(r.id.startswith(p) for p in select):
            continue
        if any(r.id.startswith(p) for p in ignore):
            continue
        out.append(r)
    return out


def all_rules() -> list[Rule]:
    _load_families()
    return list(RULES)


def get_rule(rule_id: str) -> Rule | None:
    _load_families()
    for r in RULES:
        if r.id == rule_id.upper() or r.slug == rule_id:
            return r
    return None


class _Step:
    """One active rule with the cheap conditions under which it may fire."""
    __slots__ = ("order", "rule", "max_chars", "max_words", "gate")

    def __init__(self, order: int, r: Rule):
        self.order, self.rule = order, r
        self.max_chars = r.max_chars if r.max_chars is not None else 1 << 62
        self.max_words = r.max_words if r.max_words is not None else 1 << 62
        self.gate = load_phrases(r.phrases).gate_words if r.gated else None


@lru_cache(maxsize=64)
def _plan(select: tuple[str, ...], ignore: tuple[str, ...]):
    """The active rules split into those tried on every block and, for gated ones, an index
    from gate word to the rules it opens."""
    steps = [_Step(i, r) for i, r in enumerate(active_rules_for(select, ignore))]
    always = tuple(s for s in steps if s.gate is None)
    by_word: dict[str, list[_Step]] = {}
    for st in steps:
        for w in st.gate or ():
            by_word.setdefault(w, []).append(st)
    return always, {w: tuple(v) for w, v in by_word.items()}, frozenset(by_word)


def apply_rules(blocks: list[Block], ctx: RuleContext) -> list[Decision]:
    """Stage 3: run every active rule on every block; the first rule that fires decides.
    A rule is not called on a block its declared limits or its gate words rule out."""
    always, by_word, gate_words = _plan(tuple(ctx.options.select), tuple(ctx.options.ignore))
    decisions = []
    tokens, nwords = ctx.tokens, ctx.nwords
    for b in blocks:
        n, w = len(b.text), nwords[b.index]
        steps = [st for st in always if n <= st.max_chars and w <= st.max_words]
        opened = gate_words.intersection(tokens[b.index])
        if opened:
            gated = {st for word in opened for st in by_word[word] if n <= st.max_chars and w <= st.max_words}
            steps = sorted(steps + list(gated), key=attrgetter("order"))
        for st in steps:
            r = st.rule
            reason = r.func(b, ctx)
            if reason:
                decisions.append(Decision(r.id, b.index, r.action, reason[:80], r.label))
                break
    return decisions


def quote(s: str, n: int = 50) -> str:
    s = " ".join(s.split())
    return '"' + (s if len(s) <= n else s[: n - 1] + "…") + '"'
