"""SRV: error messages of the site's own software printed into the page."""
from __future__ import annotations

from ..model import Block
from . import RuleContext, quote, rule

SERVER_ERROR_MAX_CHARS_DEFAULT = 1200


def server_error_candidates(ctx: RuleContext) -> list[int]:
    """Blocks holding a colon in their first 40 characters (server_error_message reads no other)."""
    blocks = ctx.blocks
    return [i for i in ctx.find_any((":",)) if ":" in blocks[i].text[:40]]


@rule("SRV001", "server-error-message", phrases="server_errors", max_chars=SERVER_ERROR_MAX_CHARS_DEFAULT,
      candidates=server_error_candidates)
def server_error_message(block: Block, ctx: RuleContext) -> str | None:
    """Drops error output of the site's scripting runtime ("Deprecated: ... in /www/wp-settings.php on line 520").

    Why: a broken page prints its warnings above the article; they name a source file and a line
    number, which prose never does. Example: "Warning: Cannot modify header information - headers
    already sent by (output started at /www/index.php:3) in /www/wp-login.php on line 12"."""
    t = block.text
    if ":" not in t[:40]:
        return None
    hit = ctx.phrases("server_errors").search(t)
    return f"server error output {quote(hit, 40)}" if hit else None
