"""Data passed between the pipeline stages. Blocks are frozen; verdicts live in Decisions."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

# Block kinds produced by every segmenter (text, markdown and HTML alike).
PARA, HEADING, ITEM, QUOTE, PRE, TABLE, CAPTION = (
    "para", "heading", "item", "quote", "pre", "table", "caption")

# Rule actions.
DROP, DEMOTE, TAG, END = "drop", "demote", "tag", "end"


class Block(NamedTuple):
    """One unit of page text: a paragraph, heading, list item, caption, ...

    Immutable. A named tuple rather than a frozen dataclass: a page makes hundreds of blocks,
    and a frozen dataclass pays a guarded attribute write per field (five times the cost of
    building a tuple). Make a changed copy with block._replace(field=value)."""
    index: int
    text: str
    kind: str = PARA
    level: int = 0          # heading level (1-6) for headings
    link_chars: int = 0     # characters of text that sat inside links
    gap_before: int = 0     # blank lines before it in a text dump (0 for HTML)
    line: int = 0           # 1-based source line (text dumps) or 0
    origin: str = ""        # where it came from: "text", "markdown", "html:<tag>"
    hint: str = ""          # segmenter's own label ("caption", "byline", "title", ...)

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


class _DecisionFields(NamedTuple):
    rule_id: str
    index: int
    action: str             # drop | demote | tag | end
    reason: str             # (read it as Decision.reason: the field may hold a reason yet to be made)
    label: str = ""         # for tag: caption | byline | bio | date | section | title | subtitle


class Decision(_DecisionFields):
    """A rule's verdict on one block (or a stage's, for selection and fallback).

    Immutable; a named tuple for the reason Block is one (a page makes dozens). A rule may give its
    reason unmade, as a tuple (maker, *args) (see rules.rule): only --explain, tests and readers
    of Result.decisions read reasons, and a page of links has a rule firing on most of its blocks,
    so the reason is made when .reason is read, cut to REASON_MAX_CHARS as apply_rules cuts a
    made one. It reads as the same string either way."""
    __slots__ = ()

    @property
    def reason(self) -> str:
        r = tuple.__getitem__(self, 3)
        return r if r.__class__ is str else reason_text(r)

    def _asdict(self) -> dict:
        return dict(zip(self._fields, (self.rule_id, self.index, self.action, self.reason, self.label)))

    def __repr__(self) -> str:
        return (f"Decision(rule_id={self.rule_id!r}, index={self.index!r}, action={self.action!r}, "
                f"reason={self.reason!r}, label={self.label!r})")


REASON_MAX_CHARS = 80   # a rule's reason is cut to this


def reason_text(reason: str | tuple) -> str:
    """A rule's reason as read: made from (maker, *args) if it was given unmade, and cut to
    REASON_MAX_CHARS."""
    if reason.__class__ is not str:
        reason = reason[0](*reason[1:])
    return reason[:REASON_MAX_CHARS]


# Final per-block verdicts shown by --explain.
KEPT, DROPPED, META = "kept", "dropped", "metadata"


@dataclass(slots=True)
class Verdict:
    index: int
    verdict: str            # kept | dropped | metadata
    rule_id: str
    reason: str


ARTICLE_KEYS = ("title", "subtitle", "section", "authors", "author_bio", "date",
                "site_name", "url", "language", "captions", "text",
                "input_format", "source")


@dataclass(slots=True)
class Article:
    """The extracted article. JSON keys are the attribute names, in ARTICLE_KEYS order."""
    title: str | None = None
    subtitle: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    author_bio: str | None = None
    date: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    captions: list[str] = field(default_factory=list)
    text: str = ""
    input_format: str | None = None
    source: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)

    def to_dict(self, provenance: bool = True) -> dict:
        d = {k: getattr(self, k) for k in ARTICLE_KEYS}
        d["authors"] = list(self.authors)
        d["captions"] = list(self.captions)
        if provenance:
            d["provenance"] = dict(sorted(self.provenance.items()))
        return d


@dataclass(slots=True)
class Result:
    """Everything a run produced: the article plus every block and verdict (for --explain)."""
    article: Article
    blocks: list[Block]
    decisions: list[Decision]
    # Every block's final verdict (.verdicts), worked out when first read: only --explain reads
    # them, and a verdict with its reason for every block costs as much as choosing the span.
    verdicts_of: Callable[[], list[Verdict]]
    removed_nodes: list[tuple[str, str]] = field(default_factory=list)  # HTML pre-cleaner: (node, reason)
    kept: list[Block] = field(default_factory=list)                     # the article's blocks, in order
    _verdicts: list[Verdict] | None = field(default=None, init=False, repr=False)

    @property
    def verdicts(self) -> list[Verdict]:
        if self._verdicts is None:
            self._verdicts = self.verdicts_of()
        return self._verdicts
