"""FTR and DUP: site footers, legal and copyright lines, reading-time furniture, repeats."""
from __future__ import annotations

from itertools import compress, count

from ..model import Block
from . import NORM_MAX_WORDS, RuleContext, list_gate, quote, rule
from .common import word_count

FOOTER_MAX_WORDS_DEFAULT = 30
FOOTER_NOTICE_MAX_WORDS_DEFAULT = 80   # a copyright notice with its reproduction terms
SENTENCE_GUARD_WORDS_DEFAULT = 10
SENTENCE_ENDS = ".!?\"”’»"
REPEAT_MIN_DEFAULT = 3           # a short block seen this often on a page is template furniture
REPEAT_MAX_WORDS_DEFAULT = 8
if REPEAT_MAX_WORDS_DEFAULT > NORM_MAX_WORDS:   # (the blocks DUP001 reads have their normal form in RuleContext.norms)
    raise ValueError("REPEAT_MAX_WORDS_DEFAULT above rules.NORM_MAX_WORDS")
DOUBLED_MIN_WORDS_DEFAULT = 4    # words of the line a doubled block repeats
DOUBLED_MAX_TIMES_DEFAULT = 4
DOUBLED_MAX_CHARS_DEFAULT = 600
DOUBLED_SENTENCE_ENDS = SENTENCE_ENDS + "。！？"


@rule("FTR001", "footer-legal", phrases="footer", max_words=FOOTER_NOTICE_MAX_WORDS_DEFAULT,
      **list_gate("footer"))
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


@rule("FTR002", "reading-time", phrases="readtime", max_chars=50, **list_gate("readtime"))
def reading_time(block: Block, ctx: RuleContext) -> str | None:
    """Drops reading-time and audio-length labels ("5 min read", "Lesezeit: 3 Minuten").

    Why: article furniture, and never an author name. Example: "4 minute read"."""
    hit = ctx.whole("readtime", block)
    return f"reading time {quote(hit)}" if hit else None


def repeat_candidates(ctx: RuleContext) -> list[int]:
    """Blocks whose normal form the page holds REPEAT_MIN_DEFAULT times or more."""
    repeated = {norm for norm, n in ctx.norm_counts.items() if n >= REPEAT_MIN_DEFAULT}
    if not repeated:
        return []
    return list(compress(count(), map(repeated.__contains__, ctx.norms)))


@rule("DUP001", "repeated-furniture", max_words=REPEAT_MAX_WORDS_DEFAULT, candidates=repeat_candidates)
def repeated_furniture(block: Block, ctx: RuleContext) -> str | None:
    """Drops short blocks repeated across the page ("Reply", "Share", a menu seen twice).

    Why: text that a template repeats is furniture. Example: "Reply" under every comment."""
    n = ctx.norm_counts.get(ctx.norms[block.index], 0)
    if n >= REPEAT_MIN_DEFAULT:
        return f"seen {n} times: {quote(block.text, 40)}"
    return None


def doubled_candidates(ctx: RuleContext) -> list[int]:
    """Blocks of 2 * DOUBLED_MIN_WORDS_DEFAULT words or more, not ending in a sentence end and
    holding their first word twice (doubled_line's own tests)."""
    texts = ctx.block_texts()
    # (the blocks of enough words picked in one pass: most blocks are shorter)
    return [i for i in compress(count(), map((2 * DOUBLED_MIN_WORDS_DEFAULT - 1).__lt__, ctx.nwords))
            if len(texts[i]) <= DOUBLED_MAX_CHARS_DEFAULT and texts[i].rstrip()[-1:] not in DOUBLED_SENTENCE_ENDS
            and texts[i].count(texts[i].split(None, 1)[0]) >= 2]


@rule("DUP002", "doubled-line", max_chars=DOUBLED_MAX_CHARS_DEFAULT, candidates=doubled_candidates)
def doubled_line(block: Block, ctx: RuleContext) -> str | None:
    """Drops a block that is one headline-like line written out two or more times in a row.

    Why: a teaser card's image label, headline and link text, dumped together ("How to Save
    How to Save How to Save"); an article does not repeat a line inside one paragraph. A repeated
    sentence (ending in . ! ?) is left alone. Example: "Use the Stranger Test Use the Stranger Test"."""
    if ctx.words(block) < 2 * DOUBLED_MIN_WORDS_DEFAULT:
        return None
    # The line written out ends the block, and it may not end a sentence: a block ending in a
    # sentence end (most paragraphs) is none, whatever it repeats. (The block's last character
    # but for white space is the last of its normalised text, and so of the line.)
    if block.text.rstrip()[-1:] in DOUBLED_SENTENCE_ENDS:
        return None
    # Every repeat opens with the block's first word (glued to the previous one or not): a block
    # holding it once is no doubled line (most blocks), and is not normalised.
    first = block.text.split(None, 1)[0]
    if block.text.count(first) < 2:
        return None
    text = " ".join(block.text.split())
    for times in range(2, DOUBLED_MAX_TIMES_DEFAULT + 1):
        for sep in (" ", ""):
            size, rest = divmod(len(text) - (times - 1) * len(sep), times)
            if rest or size <= 0:
                continue
            unit = text[:size]
            # (the comparison first: it fails on most blocks, and is cheaper than counting words;
            # its second copy first of all, which most blocks fail without a joined string built)
            if text.startswith(unit, size + len(sep)) and sep.join([unit] * times) == text \
                    and unit[-1] not in DOUBLED_SENTENCE_ENDS \
                    and word_count(unit) >= DOUBLED_MIN_WORDS_DEFAULT:
                return f"{quote(unit, 40)} written {times} times"
    return None
