"""NAV, REL, CMT: breadcrumbs, link lists, related/recommended lists and comment sections."""
from __future__ import annotations

import re
from itertools import compress, count
from operator import attrgetter

from ..model import END, Block
from ..phrases import _FOLD_ODD, lead_words, whole_first_words
from . import RuleContext, quote, rule
from .common import is_sentence

LINK_LIST_DENSITY_DEFAULT = 0.75   # share of a short block's characters inside links
LINK_LIST_MAX_WORDS_DEFAULT = 30
TEASER_HEAD_MAX_CHARS_DEFAULT = 45   # "Le puede interesar:" before a teaser's headline
TEASER_HEADLINE_MIN_WORDS_DEFAULT = 3   # ... and a headline after it ("Tags: Politics" is a label)
EXCERPT_MIN_WORDS_DEFAULT = 4        # words before the ellipsis of a truncated excerpt
EXCERPT_TAIL_MAX_CHARS_DEFAULT = 60  # the "Read more" link after it
# A related heading naming the site it lists ("Mehr zum Thema auf example.de", "Most read on bbc.com"):
# a preposition and a web address end the block. Blocks are short (REL001's max_chars).
ELLIPSES = ("…", "...")   # a truncated excerpt holds one
SITE_SUFFIX_RE = re.compile(r"\s(?:auf|bei|on|at|from|von|sur|su|en|em|na|w|op|på)\s+[\w.-]{1,40}\.[a-z]{2,6}(?:/\S{0,30})?[\s:.…]*$",
                            re.I)


# Every entry of breadcrumb but one opens with a lead word (phrases.lead_words: the block's first
# word lowered is one of BREADCRUMB_LEADS); the other needs " > ", " » " or " › " twice, so the
# block holds one of BREADCRUMB_MARKS. A text holding "İ", "ı" or "ſ", which re.IGNORECASE matches
# to "i" or "s" where str.lower() does not, is read whatever it holds.
BREADCRUMB_MARKS = (">", "»", "›")
BREADCRUMB_LEADS = lead_words("breadcrumb", BREADCRUMB_MARKS)   # (None: every block is read)


def breadcrumb_candidates(ctx: RuleContext) -> list[int]:
    """Blocks opening with one of BREADCRUMB_LEADS, or holding one of BREADCRUMB_MARKS or a
    character lowering cannot vouch for (a breadcrumb entry hits no other)."""
    if BREADCRUMB_LEADS is None:
        return list(range(len(ctx.blocks)))
    return ctx.opening_with(BREADCRUMB_LEADS) + ctx.find_any(BREADCRUMB_MARKS + _FOLD_ODD)


@rule("NAV001", "breadcrumb", phrases="breadcrumb", max_chars=250, candidates=breadcrumb_candidates)
def breadcrumb(block: Block, ctx: RuleContext) -> str | None:
    """Drops breadcrumb trails ("Home > News > World", "Startseite / Politik").

    Why: site navigation. Example: "Home » Business » Markets"."""
    hit = ctx.whole("breadcrumb", block)
    return f"breadcrumb {quote(hit)}" if hit else None


_LINK_CHARS = attrgetter("link_chars")


def linked_candidates(ctx: RuleContext) -> list[int]:
    """Blocks with link text, but for those of a main-content extractor's "main" (link_list reads no other)."""
    blocks = ctx.blocks
    # (the blocks with link text picked in one pass: a text dump has none)
    return [i for i in compress(count(), map(_LINK_CHARS, blocks)) if blocks[i].hint != "main"]


@rule("NAV002", "link-list", max_words=LINK_LIST_MAX_WORDS_DEFAULT, candidates=linked_candidates)
def link_list(block: Block, ctx: RuleContext) -> str | None:
    """Drops short blocks that are almost all link text (menus, tag lists, teaser links).

    Why: navigation is made of links; prose has few. Applies where links are known (markdown, HTML).
    Example: "[Home](/) [World](/world) [Business](/business)"."""
    link_chars = block.link_chars
    if link_chars == 0 or block.hint == "main":
        return None  # (a main-content extractor has already weighed the links of "main" blocks)
    text = block.text
    size = len(text)
    # (Block.link_density, written out: link_chars / size >= 0.75 just where link_chars >= 0.75 *
    # size, both exact, a quotient of integers this small never rounding across 0.75)
    if link_chars == size or size and link_chars >= LINK_LIST_DENSITY_DEFAULT * size:
        # (the reason given unmade: on a page of links this rule fires on most blocks, and the
        # reason is seldom read; see rules.rule)
        return _link_list_reason, text, link_chars
    return None


def _link_list_reason(text: str, link_chars: int) -> str:
    """link_list's reason for a block of that text and link text."""
    if link_chars == len(text):
        # All of it link text, as most are (density 1.0, shown as "100%" without a float).
        return "100% link text: " + quote(text, 40)
    return f"{link_chars / len(text):.0%} link text: {quote(text, 40)}"


# Every entry of readalso opens with a lead word (phrases.lead_words: the block's first word
# lowered is one of READALSO_LEADS). A text holding "İ", "ı" or "ſ", which re.IGNORECASE matches
# to "i" or "s" where str.lower() does not, is read whatever its first word.
READALSO_LEADS = lead_words("readalso")   # (None: every block is read)
# A head before the colon that is a related-list heading (the related list's whole-block entries)
# opens with one of their first words (phrases.whole_first_words), and so does the block.
RELATED_FIRSTS = whole_first_words("related")   # (None: every block with a colon in its head is read)


def teaser_candidates(ctx: RuleContext) -> list[int]:
    """Blocks opening with one of READALSO_LEADS or holding a character lowering cannot vouch for
    (a readalso entry hits no other), and those with a colon in their head opening with one of
    RELATED_FIRSTS: read_also_teaser reads a block no read-also entry hits only then, and fires
    on it only where the head before the colon is a related-list heading."""
    blocks, word_lists, firsts = ctx.blocks, ctx.word_lists, RELATED_FIRSTS
    if READALSO_LEADS is None:
        return list(range(len(blocks)))
    out = ctx.opening_with(READALSO_LEADS)
    out += ctx.find_any(_FOLD_ODD)   # ("İ" lowered holds the first; none on an ASCII page)
    # (the head's first word is the block's: the colon ends the word before it)
    out += [i for i in ctx.find_any((":",)) if blocks[i].text.find(":", 0, TEASER_HEAD_MAX_CHARS_DEFAULT) > 0
            and (firsts is None or word_lists[i][:1] and word_lists[i][0] in firsts)]
    return out


@rule("NAV003", "read-also-teaser", phrases="readalso", max_chars=250, candidates=teaser_candidates)
def read_also_teaser(block: Block, ctx: RuleContext) -> str | None:
    """Drops an inline teaser for another page ("Read also: ...", "Lesen Sie auch: ...", "VEA TAMBIÉN: ...").

    Why: a link to another story placed inside this one. Example: "See also: How the vote works"."""
    hit = ctx.whole("readalso", block)
    if hit:
        return f"teaser {quote(hit, 40)}"
    # Any related-list heading followed by a colon and a headline ("Le puede interesar: ...").
    text = block.text
    colon = text.find(":", 0, TEASER_HEAD_MAX_CHARS_DEFAULT)
    if colon > 0 and len(text[colon + 1:].split()) >= TEASER_HEADLINE_MIN_WORDS_DEFAULT \
            and not is_sentence(block, ctx) and ctx.phrases("related").whole(text[:colon]):
        return f"teaser {quote(text, 40)}"
    return None


@rule("NAV004", "truncated-excerpt", max_chars=1500, needles=ELLIPSES)
def truncated_excerpt(block: Block, ctx: RuleContext) -> str | None:
    """Drops a truncated excerpt of another page that ends in an ellipsis and a "Read more" link.

    Why: a teaser for another story ("…the first lines… Read more", "… Weiterlesen"), inline or in
    a list; an article paragraph is not cut off mid-sentence with a link to go on elsewhere.
    Example: "When you walk into almost any store, you're immediately… Read more"."""
    text = block.text
    cut = max(text.rfind("…"), text.rfind("..."))
    if cut > 0 and text[cut - 1] == "[":
        cut -= 1   # "[…]"
    if cut < 0 or len(text) - cut > EXCERPT_TAIL_MAX_CHARS_DEFAULT:
        return None
    tail = text[cut:].lstrip(".…[] ")
    if not tail or ctx.words(block) < EXCERPT_MIN_WORDS_DEFAULT + 1:
        return None
    hit = ctx.phrases("readmore").whole(tail)
    return f"excerpt ending {quote(text[cut:], 30)}" if hit else None


@rule("REL001", "related-list", action=END, phrases="related", gated=True, max_chars=60)
def related_list(block: Block, ctx: RuleContext) -> str | None:
    """Marks the heading of a related / recommended / most-read / "Read more" list.

    Why: what follows is teasers for other pages; after the article has begun, the article ends
    here. Example: "You may also like"."""
    hit = ctx.whole("related", block)
    if hit is None:
        # "Das könnte Sie auch interessieren …", "Most read on example.com"
        text = block.text.rstrip(" …")
        m = SITE_SUFFIX_RE.search(text)
        if m:
            text = text[:m.start()]
        if len(text) < len(block.text):
            hit = ctx.phrases("related").whole(text)
    return f"related-list heading {quote(hit)}" if hit else None


@rule("CMT001", "comment-section", action=END, phrases="comments", gated=True, max_chars=120)
def comment_section(block: Block, ctx: RuleContext) -> str | None:
    """Marks the start of a comment section ("3 Comments", "Leave a reply", "Kommentare").

    Why: reader comments are not the article; after the article has begun, it ends here.
    Example: "Join the discussion"."""
    hit = ctx.find("comments", block)
    return f"comment section {quote(hit[0])}" if hit else None
