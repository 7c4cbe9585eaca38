"""SHR: share and social bars."""
from __future__ import annotations

from ..model import Block
from . import RuleContext, quote, rule
from functools import lru_cache

from ..phrases import load_word_set
from .common import WORD_RE, phrase_fires


@lru_cache(maxsize=1)
def social_words() -> frozenset[str]:
    """Every word of the social-name list ("e-mail" gives "e" and "mail")."""
    return frozenset(w for entry in load_word_set("social") for w in WORD_RE.findall(entry))


@rule("SHR001", "share-prompt", phrases="share", gated=True, max_chars=200)
def share_prompt(block: Block, ctx: RuleContext) -> str | None:
    """Drops share prompts ("Share on Facebook", "Share this article", "Copy link").

    Why: social buttons. Example: "Share this story"."""
    hit = ctx.find("share", block)
    return f"share prompt {quote(hit[0])}" if phrase_fires(block, ctx, hit) else None


@rule("SHR002", "social-row", phrases="social", gated=True, max_chars=150)
def social_row(block: Block, ctx: RuleContext) -> str | None:
    """Drops a row made only of social network names ("Facebook Twitter LinkedIn Email").

    Why: a share bar read out by a text dump. Example: "Facebook Twitter WhatsApp"."""
    words = ctx.word_lists[block.index]
    if not words or not social_words().issuperset(words):   # (every word a social one; no set made of them)
        return None
    n = ctx.phrases("social").count(block.text)
    if n >= 1:
        return f"social names {quote(block.text, 40)}"
    return None
