"""NAV, REL, CMT: breadcrumbs, link lists, related/recommended lists and comment sections."""
from __future__ import annotations

from ..model import END, HEADING, Block
from . import RuleContext, quote, rule
from .common import word_count

LINK_LIST_DENSITY_DEFAULT = 0.75   # share of a short block's characters inside links
LINK_LIST_MAX_WORDS_DEFAULT = 30


@rule("NAV001", "breadcrumb", phrases="breadcrumb", max_chars=250)
def breadcrumb(block: Block, ctx: RuleContext) -> str | None:
    """Drops breadcrumb trails ("Home > News > World", "Startseite / Politik").

    Why: site navigation. Example: "Home » Business » Markets"."""
    hit = ctx.whole("breadcrumb", block)
    return f"breadcrumb {quote(hit)}" if hit else None


@rule("NAV002", "link-list", max_words=LINK_LIST_MAX_WORDS_DEFAULT)
def link_list(block: Block, ctx: RuleContext) -> str | None:
    """Drops short blocks that are almost all link text (menus, tag lists, teaser links).

    Why: navigation is made of links; prose has few. Applies where links are known (markdown, HTML).
    Example: "[Home](/) [World](/world) [Business](/business)"."""
    if block.link_chars == 0 or block.hint == "main":
        return None  # (a main-content extractor has already weighed the links of "main" blocks)
    if block.link_density >= LINK_LIST_DENSITY_DEFAULT:
        return f"{block.link_density:.0%} link text: {quote(block.text, 40)}"
    return None


@rule("NAV003", "read-also-teaser", phrases="readalso", max_chars=250)
def read_also_teaser(block: Block, ctx: RuleContext) -> str | None:
    """Drops an inline teaser for another page ("Read also: ...", "Lesen Sie auch: ...", "VEA TAMBIÉN: ...").

    Why: a link to another story placed inside this one. Example: "See also: How the vote works"."""
    hit = ctx.whole("readalso", block)
    return f"teaser {quote(hit, 40)}" if hit else None


@rule("REL001", "related-list", action=END, phrases="related", gated=True, max_chars=60)
def related_list(block: Block, ctx: RuleContext) -> str | None:
    """Marks the heading of a related / recommended / most-read / "Read more" list.

    Why: what follows is teasers for other pages; after the article has begun, the article ends
    here. Example: "You may also like"."""
    hit = ctx.whole("related", block)
    return f"related-list heading {quote(hit)}" if hit else None


@rule("CMT001", "comment-section", action=END, phrases="comments", gated=True, max_chars=120)
def comment_section(block: Block, ctx: RuleContext) -> str | None:
    """Marks the start of a comment section ("3 Comments", "Leave a reply", "Kommentare").

    Why: reader comments are not the article; after the article has begun, it ends here.
    Example: "Join the discussion"."""
    hit = ctx.find("comments", block)
    return f"comment section {quote(hit[0])}" if hit else None
