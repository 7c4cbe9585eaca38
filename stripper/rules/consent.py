"""CKE and NWS: cookie/consent banners and newsletter sign-ups."""
from __future__ import annotations

from ..model import Block
from . import RuleContext, quote, rule
from .common import find_firing, phrase_fires


@rule("CKE001", "cookie-banner", phrases="consent", gated=True)
def cookie_banner(block: Block, ctx: RuleContext) -> str | None:
    """Drops cookie and consent banners ("We use cookies ...", "Accept all cookies").

    Why: consent UI. An article about cookies keeps its prose: in a long paragraph the phrase
    must open it. Example: "This website uses cookies to improve your experience"."""
    hit = find_firing("consent", block, ctx)
    return f"consent banner {quote(hit[0])}" if phrase_fires(block, ctx, hit) else None


@rule("NWS001", "newsletter-signup", phrases="newsletter", gated=True)
def newsletter_signup(block: Block, ctx: RuleContext) -> str | None:
    """Drops newsletter and e-mail sign-up prompts ("Sign up for our newsletter", "Enter your email").

    Why: calls to action, not article text. Example: "Get the best stories delivered to your inbox"."""
    hit = find_firing("newsletter", block, ctx)
    return f"newsletter prompt {quote(hit[0])}" if phrase_fires(block, ctx, hit) else None
