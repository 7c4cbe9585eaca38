"""Rule registry. A rule is a small pure function (Block, RuleContext) -> reason | None with a
stable id (three capitals + three digits), a kebab-case slug, an action and a docstring whose
first line is its summary. Returning a string means the rule fires; the string is the reason,
quoting the evidence. Families run in registry order; an id is never reused."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..model import DROP, Block, Decision
from ..options import Options
from ..phrases import Matcher, load_phrases, normalize_block

PROSE_WORDS_DEFAULT = 40          # must equal rules.common.PROSE_WORDS_DEFAULT
PROSE_HEAD_CHARS_DEFAULT = 160    # a phrase starting in the first 30 characters ends before this
ID_RE = re.compile(r"^[A-Z]{3}\d{3}$")
WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    slug: str
    func: Callable
    action: str
    label: str
    phrases: str | None

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()


RULES: list[Rule] = []


def rule(rule_id: str, slug: str, action: str = DROP, label: str = "", phrases: str | None = None):
    if not ID_RE.match(rule_id):
        raise ValueError(f"bad rule id {rule_id!r}")

    def wrap(func):
        if any(r.id == rule_id or r.slug == slug for r in RULES):
            raise ValueError(f"duplicate rule {rule_id} {slug}")
        RULES.append(Rule(rule_id, slug, func, action, label, phrases))
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
    for b in blocks:
        n = normalize_block(b.text)
        ctx.norms.append(n)
        ctx.norm_counts[n] += 1
        ctx.first_seen.setdefault(n, b.index)
        ws = WORD_RE.findall(b.text.lower())
        ctx.tokens.append(frozenset(ws))
        ctx.nwords.append(len(ws))
    return ctx


def _load_families() -> None:
    # Import order is family order: byline tags first (a caption ending "© Reuters" is a caption, not a footer).
    from . import byline, icons, paywall, sponsored, consent, share, navigation, footer  # noqa: F401


def active_rules(options: Options) -> list[Rule]:
    _load_families()
    out = []
    for r in RULES:
        if options.select and not any(r.id.startswith(p) for p in options.select):
            continue
        if any(r.id.startswith(p) for p in options.ignore):
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


def apply_rules(blocks: list[Block], ctx: RuleContext) -> list[Decision]:
    """Stage 3: run every active rule on every block; the first rule that fires decides."""
    rules = active_rules(ctx.options)
    decisions = []
    for b in blocks:
        for r in rules:
            reason = r.func(b, ctx)
            if reason:
                decisions.append(Decision(r.id, b.index, r.action, reason[:80], r.label))
                break
    return decisions


def quote(s: str, n: int = 50) -> str:
    s = " ".join(s.split())
    return '"' + (s if len(s) <= n else s[: n - 1] + "…") + '"'
