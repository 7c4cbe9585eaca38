"""SRV: error messages of the site's own software printed into the page."""
from __future__ import annotations

from ..model import Block
from ..phrases import fold_odd_raw, lead_words
from . import RuleContext, quote, rule

SERVER_ERROR_MAX_CHARS_DEFAULT = 1200


# Every entry of server_errors opens the block (^) with a lead word (phrases.lead_words: "php" or
# the first word of an error label), which a non-word character follows: the block's first word
# lowered is one of SERVER_ERROR_LEADS. A text holding "İ", "ı" or "ſ", which re.IGNORECASE
# matches to "i" or "s" where str.lower() does not, is read whatever its first word.
SERVER_ERROR_LEADS = lead_words("server_errors")   # (None: every block with a colon in its head is read)


def server_error_candidates(ctx: RuleContext) -> list[int]:
    """Blocks holding a colon in their first 40 characters and opening with one of
    SERVER_ERROR_LEADS (server_error_message fires on no other)."""
    blocks, word_lists, leads = ctx.blocks, ctx.word_lists, SERVER_ERROR_LEADS
    return [i for i in ctx.find_any((":",)) if ":" in blocks[i].text[:40]
            and (leads is None or word_lists[i][:1] and word_lists[i][0] in leads or fold_odd_raw(blocks[i].text))]


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
