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


def test_quote_of_a_long_text_normalises_its_head_alone():
    """quote() normalising only the head of a long text quotes as normalising the whole does."""
    import random
    from stripper.rules import quote

    def slow(s: str, n: int = 50) -> str:
        s = " ".join(s.split())
        return f'"{s}"' if len(s) <= n else f'"{s[: n - 1]}…"'

    rng = random.Random(7)
    pieces = ["a", "bb", "ccc", "word", " ", "  ", "\t", "\n ", "\u00a0", "é", "longerword"]
    for _ in range(3000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 120)))
        for n in (3, 10, 40, 50):
            assert quote(s, n) == slow(s, n), (s, n)
    # a head of white space mostly: normalised it is short, and the whole is read
    s = " " * 90 + "a b" + " " * 20 + "word " * 10
    assert quote(s, 40) == slow(s, 40)


def test_find_with_the_blocks_words_answers_as_without():
    """Matcher.find given a block's words (as make_context lists them, or as a set) and normal form
    answers as it does finding them itself."""
    from pathlib import Path

    from stripper.phrases import load_phrases, phrase_names
    base = Path(__file__).resolve().parent.parent / "stripper" / "data" / "phrases"
    samples = []
    for name in phrase_names():
        for line in (base / f"{name}.txt").read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#") and not line.startswith(("re:", "=re:")):
                e = line.lstrip("=").replace("{n}", "3").replace("{price}", "$9").replace("{word}", "Acme")
                samples += [e, e.upper(), "So " + e + " today.", e.replace("s", "\u017f"), e + "_x", "(" + e + ")"]
    assert len(samples) > 3000
    blocks = [Block(index=i, text=t) for i, t in enumerate(samples)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    for name in phrase_names():
        m = load_phrases(name)
        for i, t in enumerate(samples):
            want = m.find(t)
            assert m.find(t, ctx.word_lists[i], ctx.norms[i]) == want, (name, t)
            assert m.find(t, frozenset(ctx.word_lists[i])) == want, (name, t)


def test_norms_of_short_blocks_only_decide_as_norms_of_all(monkeypatch):
    """Blocks of more than NORM_MAX_WORDS words have no normal form in the context: every reader
    of the forms of all blocks reads shorter ones only, so the decisions are those made with the
    form of every block."""
    import stripper.rules as rules
    from stripper.rules import apply_rules
    from stripper.rules.byline import ABOUT_AUTHOR_NORMS
    from stripper.rules.footer import REPEAT_MAX_WORDS_DEFAULT
    assert REPEAT_MAX_WORDS_DEFAULT <= NORM_MAX_WORDS
    assert max(len(rules.WORD_RE.findall(n)) for n in ABOUT_AUTHOR_NORMS) <= NORM_MAX_WORDS
    long_repeat = " ".join(["menu"] * NORM_MAX_WORDS + ["more"])
    texts = ["About the author", "Jane Doe is a reporter based in Berlin who covers the city and its courts.",
             long_repeat, long_repeat, long_repeat, "One two three four five six seven eight",
             "One two three four five six seven eight", "ONE two three four five six seven eight!",
             "Read more: the council voted on the budget on Tuesday evening after a debate",
             "Sign up for our newsletter and get the best stories of the week in your inbox",
             "Copyright 2023 Example Media. All rights reserved. No part may be reproduced.",
             "Le puede interesar: Así votó el concejo de la ciudad el martes por la noche"] * 2
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    got = apply_rules(blocks, make_context(blocks, Options(), None, frozenset(), "text"))
    monkeypatch.setattr(rules, "NORM_MAX_WORDS", 10 ** 6)
    full = make_context(blocks, Options(), None, frozenset(), "text")
    assert full.norms[2] is not None and full.norm_counts[full.norms[2]] == 6
    assert apply_rules(blocks, full) == got and len(got) >= 6


def test_find_firing_fires_where_find_fires():
    """find_firing leaves unsearched only long blocks where phrase_fires would not fire on ctx.find's hit."""
    from stripper.phrases import _entries
    from stripper.rules.common import find_firing, phrase_fires
    names = ["consent", "newsletter", "paywall", "offers", "sponsored_explainer", "share", "comments"]
    entries = [e.lstrip("=").replace("{n}", "3").replace("{price}", "$9").replace("{word}", "Acme")
               for name in names for e in _entries(name) if not e.startswith(("re:", "=re:"))]
    fillers = ["", "A ", "Hi, ", "x " * 14, "x " * 15, "x " * 16, "xy " * 10, "xy " * 11, "Well - ", "İ ", "_a_ ",
               "3 ", "€ ", "ab_cd ", "«", "(", "word " * 6, "x" * 29 + " ", "x" * 30 + " ", "x" * 31 + " "]
    tail = " and the council met again on Tuesday to talk about the plan for the city and its schools" * 3
    texts = [f + e + tail for e in entries for f in fillers] + [f + e.upper() + tail for e in entries[::5] for f in fillers]
    texts += [f + e.replace("s", "\u017f").replace("i", "\u0131") + tail for e in entries[::3] for f in fillers[:4]]
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    fired = unsearched = 0
    for name in names:
        for b in blocks:
            assert ctx.nwords[b.index] > 40
            got = find_firing(name, b, ctx)
            want = phrase_fires(b, ctx, ctx.find(name, b))
            assert phrase_fires(b, ctx, got) == want, (name, b.text)
            fired += want
            unsearched += got is None and ctx.find(name, b) is not None
    assert fired > 500 and unsearched > 500


def test_literal_hits_read_through_the_key_words_are_the_alternations():
    """Matcher._literal_hit, which searches only the literals whose words the block holds (and
    passes over, in one set operation, the literals needing a word the block lacks besides their
    key word), finds what the alternation of every literal finds: on each entry, its words
    reversed, each word alone, and each word with the key word."""
    from pathlib import Path

    from stripper.language import lower_words
    from stripper.phrases import load_phrases, phrase_names
    base = Path(__file__).resolve().parent.parent / "stripper" / "data" / "phrases"
    checked = skipped = 0
    for name in phrase_names():
        m = load_phrases(name)
        if m._literals is None:
            continue
        samples = []
        for line in (base / f"{name}.txt").read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "=", "re:")):
                continue
            e = line.replace("{n}", "3").replace("{price}", "$9").replace("{word}", "Acme")
            ws = e.split()
            samples += [e, " ".join(reversed(ws)), "So " + e + " today."]
            samples += [w for w in ws] + [f"{ws[0]} {w}" for w in ws[1:]] + [f"{w} and {ws[-1]}" for w in ws[:-1]]
        for t in samples:
            words = lower_words(t)
            if m._anchors is not None and m._anchors.isdisjoint(words):
                continue   # (find() answers these without asking)
            want = m._literals.search(t)
            assert m._literal_hit(t, words) == ((want.group(0), want.start()) if want else None), (name, t)
            checked += 1
            skipped += any(more and others.isdisjoint(words)
                           for w, (_, more, others) in m._literal_by_word.items() if w in words)
    assert checked > 2000 and skipped > 500


def test_word_lists_are_the_runs_of_word_characters_with_or_without_an_underscore_on_the_page():
    """make_context reads a page holding no underscore through lower_words alone (one test of the
    page instead of one per block): each block's words are the runs of word characters of its
    text lowered, on such a page and on one where a block holds an underscore."""
    from stripper.rules import WORD_RE
    plain = ["Reply", "Share this story", "İstanbul", "ΟΔΟΣ ΟΔΟΣ:", "", "x1 y2", "«Tags: one, two»"]
    for texts in (plain, plain + ["a_b __init__ c"], ["snake_case"] + plain):
        blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
        ctx = make_context(blocks, Options(), None, frozenset(), "text")
        assert [list(ws) for ws in ctx.word_lists] == [WORD_RE.findall(t.lower()) for t in texts]


def test_norms_of_spaced_texts_skip_split_and_join_exactly():
    """make_context's short path (a printable text without two spaces in a row is lowered and
    stripped, not split and joined) gives normalize_block's form with any character below U+10000,
    and a few above, inside, at either end, and doubled."""
    from stripper.phrases import _EDGE_PUNCT
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000] + ["\U0001d400", "\U00010400"]
    texts = []
    for c in chars:
        texts += [f"Ab{c}Cd", f"{c} x", f"x {c}", f"x{c}{c} y", f"ΟΔ{c}Σ ς"]
    texts += [" a", "a ", " a b ", "a  b", ". a .", "- a", "a -", " . ", "  "]
    for t in texts:
        short = t.isprintable() and "  " not in t
        if short:
            assert t.lower().strip(_EDGE_PUNCT) == normalize_block(t), repr(t)
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    for i, t in enumerate(texts):
        if ctx.nwords[i] <= NORM_MAX_WORDS:
            assert ctx.norms[i] == normalize_block(t), repr(t)
