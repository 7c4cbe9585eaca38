"""SPN: sponsored-content labels and the sentences that explain a sponsorship."""
from __future__ import annotations

from ..model import Block
from . import RuleContext, quote, rule
from .common import find_firing, phrase_fires

EXPLAINER_MAX_WORDS_DEFAULT = 80


@rule("SPN001", "sponsored-label", phrases="sponsored", gated=True, max_chars=80)
def sponsored_label(block: Block, ctx: RuleContext) -> str | None:
    """Drops a block that is only an advertising label ("Sponsored Content", "Advertisement", "Anzeige").

    Why: ad and advertorial markers are page furniture. Example: "Paid Post"."""
    hit = ctx.whole("sponsored", block)
    return f"advertising label {quote(hit)}" if hit else None


@rule("SPN002", "sponsored-explainer", phrases="sponsored_explainer", gated=True, max_words=EXPLAINER_MAX_WORDS_DEFAULT)
def sponsored_explainer(block: Block, ctx: RuleContext) -> str | None:
    """Drops the paragraph explaining a sponsorship ("About Sponsored Content This content was commissioned by ...").

    Why: it describes the advertiser, not the story. Example: "This content was paid for by Acme"."""
    hit = find_firing("sponsored_explainer", block, ctx)
    return f"sponsorship note {quote(hit[0])}" if phrase_fires(block, ctx, hit) else None
