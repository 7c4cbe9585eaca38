"""FTR and DUP: site footers, legal and copyright lines, reading-time furniture, repeats."""
from __future__ import annotations

from ..model import Block
from . import RuleContext, quote, rule
from .common import word_count

FOOTER_MAX_WORDS_DEFAULT = 30
FOOTER_NOTICE_MAX_WORDS_DEFAULT = 80   # a copyright notice with its reproduction terms
SENTENCE_GUARD_WORDS_DEFAULT = 10
SENTENCE_ENDS = ".!?\"”’»"
REPEAT_MIN_DEFAULT = 3           # a short block seen this often on a page is template furniture
REPEAT_MAX_WORDS_DEFAULT = 8


@rule("FTR001", "footer-legal", phrases="footer", max_words=FOOTER_NOTICE_MAX_WORDS_DEFAULT)
def footer_legal(block: Block, ctx: RuleContext) -> str | None:
    """Drops short footer, legal and copyright lines ("© 2024 Acme", "Privacy Policy", "Impressum").

    Why: site-wide furniture. Long prose that mentions a privacy policy is kept.
    Example: "Copyright 2023 Example Media. All rights reserved."."""
    n = ctx.words(block)
    hit = ctx.find_in_full("footer", block)
    if hit is None:
        return None
    if n > FOOTER_MAX_WORDS_DEFAULT or (n >= SENTENCE_GUARD_WORDS_DEFAULT and block.text.rstrip()[-1:] in SENTENCE_ENDS):
        # A sentence that mentions a privacy policy is prose; a notice that opens with a footer
        # phrase and holds another ("Copyright X. All rights reserved. No reproduction ...") is not.
        if hit[1] > 2 or ctx.phrases("footer").count(block.text) < 2:
            return None
        return f"footer notice {quote(hit[0])}"
    return f"footer {quote(hit[0])}"


@rule("FTR002", "reading-time", phrases="readtime", max_chars=50)
def reading_time(block: Block, ctx: RuleContext) -> str | None:
    """Drops reading-time and audio-length labels ("5 min read", "Lesezeit: 3 Minuten").

    Why: article furniture, and never an author name. Example: "4 minute read"."""
    hit = ctx.whole("readtime", block)
    return f"reading time {quote(hit)}" if hit else None


@rule("DUP001", "repeated-furniture", max_words=REPEAT_MAX_WORDS_DEFAULT)
def repeated_furniture(block: Block, ctx: RuleContext) -> str | None:
    """Drops short blocks repeated across the page ("Reply", "Share", a menu seen twice).

    Why: text that a template repeats is furniture. Example: "Reply" under every comment."""
    n = ctx.norm_counts.get(ctx.norms[block.index], 0)
    if n >= REPEAT_MIN_DEFAULT:
        return f"seen {n} times: {quote(block.text, 40)}"
    return None
