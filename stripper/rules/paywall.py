"""PAY: paywall meters, subscription prompts, offers and unfilled template placeholders."""
from __future__ import annotations

import re

from ..model import Block
from . import RuleContext, quote, rule
from .common import find_firing, phrase_fires

# Every placeholder pattern holds one of these, read as the list reads them (ignoring case): "{"
# ("{{", "${" and "{name}"), "%" before "s", "d", "i" or "%", "[[", "<%", "__". Looked for in one
# scan, it turns away the percentages of prose that the needles (its characters) let through.
PLACEHOLDER_HINT_RE = re.compile(r"\{|%[sdi%]|\[\[|<%|__", re.I)
PLACEHOLDER_CHARS = ("{", "%", "[[", "<%", "__")   # ... so a block it hits holds one of these


@rule("PAY001", "template-placeholder", phrases="placeholders", max_chars=1000,
      needles=PLACEHOLDER_CHARS)   # (lowering changes none of them)
def template_placeholder(block: Block, ctx: RuleContext) -> str | None:
    """Drops blocks holding unfilled template placeholders ("{{numberArticlesLeft}}", "${name}", "%s").

    Why: a placeholder the template engine never filled marks a UI string, not prose.
    Example: "You have {{numberArticlesLeft}} free article{{numberArticlesLeft-plural}} left"."""
    t = block.text
    if block.kind == "pre" or PLACEHOLDER_HINT_RE.search(t) is None:
        return None
    hit = ctx.phrases("placeholders").search(t)
    return f"unfilled placeholder {quote(hit)}" if hit else None


@rule("PAY002", "metered-paywall", phrases="paywall", gated=True)
def metered_paywall(block: Block, ctx: RuleContext) -> str | None:
    """Drops paywall meters and subscription walls ("You have 3 free articles left", "Already a subscriber?").

    Why: subscription UI, never article prose. Example: "Your trial period has expired"."""
    hit = find_firing("paywall", block, ctx)
    return f"paywall prompt {quote(hit[0])}" if phrase_fires(block, ctx, hit) else None


@rule("PAY003", "subscription-offer", phrases="offers", gated=True)
def subscription_offer(block: Block, ctx: RuleContext) -> str | None:
    """Drops subscription offers and prices ("Try 1 month for $0.99", "Offer ends", "See all offers").

    Why: marketing copy of the publisher, not the article. Example: "Try 3 months for $9"."""
    hit = find_firing("offers", block, ctx)
    return f"offer {quote(hit[0])}" if phrase_fires(block, ctx, hit) else None
