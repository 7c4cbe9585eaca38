"""ICN: SVG icon titles and lone interface labels that text dumps keep."""
from __future__ import annotations

import re

from ..model import Block
from . import RuleContext, quote, rule
from .common import CAMEL_SPLIT_RE, words

ICON_SHARE_DEFAULT = 0.5   # share of a block's words that must be icon vocabulary


ICON_MARKS_RE = re.compile("Icon|Artboard|Sketch|icon")   # a run of icon labels holds one
ICON_MARKS_LOWER = ("icon", "artboard", "sketch")          # ... and so, lowered, one of these


@rule("ICN001", "icon-label-run", phrases="icons", max_chars=600, needles=ICON_MARKS_LOWER)
def icon_label_run(block: Block, ctx: RuleContext) -> str | None:
    """Drops runs of SVG icon titles glued together ("ChevronIcon FacebookIcon Created with Sketch").

    Why: sprite and SVG <title> labels are read out by text dumps; they are never prose.
    Example: "ArrowArtboardCreated with Sketch.Title ChevronTitle ChevronIcon FacebookIcon"."""
    t = block.text
    if ICON_MARKS_RE.search(t) is None:
        return None
    split = CAMEL_SPLIT_RE.sub(" ", t)
    ws = words(split)
    if not ws:
        return None
    hits = ctx.phrases("icons").count(split)
    glued = sum(1 for w in t.split() if CAMEL_SPLIT_RE.search(w))
    if hits >= 3 and hits >= ICON_SHARE_DEFAULT * len(ws) and (glued >= 1 or "icon" in split.lower()):
        return f"{hits} icon words in {len(ws)}: {quote(t, 40)}"
    if "created with sketch" in split.lower() and len(ws) <= 12:
        return f"sketch export label: {quote(t, 40)}"
    return None


@rule("ICN002", "ui-label", phrases="ui", gated=True, max_chars=60)
def ui_label(block: Block, ctx: RuleContext) -> str | None:
    """Drops a block that is only an interface word ("Menu", "Close", "Skip to content", "Suche").

    Why: buttons and toggles carry no article text. Example: "Toggle navigation"."""
    hit = ctx.whole("ui", block)
    return f"interface label {quote(hit)}" if hit else None
