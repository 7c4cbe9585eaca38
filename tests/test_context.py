"""make_context: the page facts the rules read agree with the functions they stand for."""
from stripper.model import Block
from stripper.options import Options
from stripper.phrases import normalize_block
from stripper.rules import NORM_MAX_WORDS, make_context

TEXTS = ["  Reply ", "REPLY:", "Share\tthis\u00a0story  »", "— Read more —", "", "x", "ΟΔΟΣ ΟΔΟΣ:", "İstanbul",
         "Copyright © 2024 Acme. All rights reserved.", "a_b __init__ c", "word " * (NORM_MAX_WORDS + 1),
         "Reply", "  Reply ", "«Tags: one, two»", "\u2028line\u2029sep\u3000"]


def test_norms_are_normalize_block_of_short_blocks():
    blocks = [Block(index=i, text=t) for i, t in enumerate(TEXTS)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    for i, t in enumerate(TEXTS):
        assert ctx.norms[i] == (normalize_block(t) if ctx.nwords[i] <= NORM_MAX_WORDS else None), t
    assert ctx.norm_counts["reply"] == 4


def test_joined_starts_are_where_each_block_starts():
    blocks = [Block(index=i, text=t) for i, t in enumerate(TEXTS)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    joined, starts = ctx._joined()
    assert joined.split("\x00") == TEXTS
    assert [joined[s:s + len(t)] for s, t in zip(starts, TEXTS)] == TEXTS and len(starts) == len(TEXTS)
    low, low_starts = ctx._lowered()
    assert [low[s:s + len(t.lower())] for s, t in zip(low_starts, TEXTS)] == [t.lower() for t in TEXTS]
    empty = make_context([], Options(), None, frozenset(), "text")
    assert empty._joined() == ("", [])


def test_rule_decisions_are_decisions():
    from stripper.model import Decision
    from stripper.rules import apply_rules, quote
    texts = ["Home > News > World", "Share this story", "Reply", "Reply", "Reply", "The council met on Tuesday.",
             "Copyright 2023 Example Media. All rights reserved."]
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    decisions = apply_rules(blocks, make_context(blocks, Options(), None, frozenset(), "text"))
    assert len(decisions) >= 5
    for d in decisions:
        assert type(d) is Decision and d == Decision(*d) and d.rule_id == d[0] and d.label == d[4]
    assert quote("  a  b ") == '"a b"' and quote("x" * 60) == '"' + "x" * 49 + '…"' and quote("x" * 50) == '"' + "x" * 50 + '"'
    assert quote("ab cd", 3) == '"ab…"' and quote("") == '""'
