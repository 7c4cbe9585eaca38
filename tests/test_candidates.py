"""A rule's words, norms and candidates (rule()) skip only blocks the rule would not fire on."""
import re
from pathlib import Path

import pytest

from stripper.language import guess_language, lower_words, stoplist
from stripper.model import Block
from stripper.options import Options
from stripper.phrases import hit_facts, load_phrases, normalize_block, phrase_names
from stripper.rules import all_rules, apply_rules, check_candidates, make_context
from stripper.segment.text import segment_markdown, segment_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXAMPLE_RE = re.compile(r'Example(?:s)?: (.+?)\.?$', re.S)


def _pages():
    for path in sorted(FIXTURES.glob("*/source.txt")):
        yield path.parent.name, path.read_text(encoding="utf-8", errors="replace"), segment_text
    for path in sorted(FIXTURES.glob("*/source.md")):
        yield path.parent.name, path.read_text(encoding="utf-8", errors="replace"), segment_markdown


def _variants(text: str) -> list[str]:
    """The text and forms of it a rule may read otherwise: other case, odd letters, glued words."""
    return [text, text.upper(), text.title(), text.lower(), text.replace("i", "\u0130").replace("I", "\u0131"),
            text.replace("s", "\u017f"), "| " + text, text + " \u00a9 Reuters", "Photo: " + text,
            text + " 2021", text + "…", text + " " + text, "Home > " + text, "Read also: " + text,
            text.replace(" ", "\n")]


def _phrase_texts() -> list[str]:
    """Texts of the phrase lists' plain entries and the rules' documented examples."""
    out = []
    for name in phrase_names():
        path = Path(__file__).resolve().parent.parent / "stripper" / "data" / "phrases" / f"{name}.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("re:") or line.startswith("=re:"):
                continue
            line = line.lstrip("=").replace("{n}", "3").replace("{price}", "$9").replace("{word}", "Acme")
            out.append(line)
    for r in all_rules():
        for m in re.finditer(r'"([^"]{2,200})"', r.doc):
            out.append(m.group(1))
    return out


def _check(blocks, kind="text"):
    ctx = make_context(blocks, Options(), None, frozenset(), kind)
    return check_candidates(blocks, ctx)


def test_candidates_hold_every_block_a_rule_fires_on_in_the_fixtures():
    checked = 0
    for name, text, segment in _pages():
        lang = guess_language(text)
        stop = stoplist(lang) if lang else frozenset()
        blocks = segment(text, stop)
        ctx = make_context(blocks, Options(), lang, stop, "markdown" if segment is segment_markdown else "text")
        assert check_candidates(blocks, ctx) == [], name
        checked += len(blocks)
    assert checked > 500


def test_candidates_hold_every_block_a_rule_fires_on_in_a_devset_sample():
    from conftest import DEVSET
    cases = sorted((DEVSET / "cases").glob("*/dumps"))
    if not cases:
        pytest.skip("no devset")
    for dumps in cases[::7]:
        for kind, segment in (("innertext", segment_text), ("bs4", segment_text), ("markdown", segment_markdown)):
            path = dumps / f"{kind}.txt"
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            lang = guess_language(text)
            stop = stoplist(lang) if lang else frozenset()
            blocks = segment(text, stop)
            ctx = make_context(blocks, Options(), lang, stop, "markdown" if kind == "markdown" else "text")
            assert check_candidates(blocks, ctx) == [], path


def test_candidates_hold_every_block_a_rule_fires_on_among_phrases_and_examples():
    texts = _phrase_texts()
    assert len(texts) > 500
    for start in range(0, len(texts), 50):
        chunk = [v for t in texts[start:start + 50] for v in _variants(t)]
        blocks = [Block(index=i, text=t) for i, t in enumerate(chunk)]
        assert _check(blocks) == []
        # as captions and link lists too
        blocks = [Block(index=i, text=t, hint="caption", link_chars=len(t)) for i, t in enumerate(chunk)]
        assert _check(blocks) == []


def _needle_openings_agree(blocks, kind="text", plan=None) -> int:
    """The blocks the engine opens each rule with needles on (its needles found on the page, those
    sharing a rest by one search for it: _Plan.admitted) are the blocks holding one of its needles
    (RuleContext.find_any) or among its candidates; how many were opened."""
    from stripper.rules import _plan
    plan = plan or _plan((), ())
    ctx = make_context(blocks, Options(), None, frozenset(), kind)
    masks = plan.admitted(ctx)
    opened = 0
    for pos, r in enumerate(plan.rules):
        if not r.needles:
            continue
        bit = 1 << pos
        got = {i for i, m in enumerate(masks) if m & bit}
        want = set(ctx.find_any(r.needles)) | (set(r.candidates(ctx)) if r.candidates is not None else set())
        assert got == want, r.id
        opened += len(got)
    return opened


def test_needles_open_the_blocks_holding_them():
    texts = _phrase_texts() + ["(c) 2024 Acme", "Photo (C) Reuters", "x(c)y", "(c)", "abc (c", "c)",
                               "Photo by Reuters", "Photoby Reuters", "nearby standby", "by", "By the way",
                               "Hobby: kbyby", "DBY", "x by y", "baby", "bybyby"]
    opened = 0
    for start in range(0, len(texts), 200):
        chunk = [v for t in texts[start:start + 200] for v in _variants(t)]
        opened += _needle_openings_agree([Block(index=i, text=t) for i, t in enumerate(chunk)])
    for name, text, segment in _pages():
        opened += _needle_openings_agree(segment(text, frozenset()), "markdown" if segment is segment_markdown else "text")
    assert opened > 1000


def test_needles_sharing_a_rest_open_the_blocks_holding_them():
    """Needles of one character before a shared rest are found by one search for the rest
    (_Plan.by_tail): overlapping places, a rest at a word's start, one word holding two of them."""
    from stripper.rules import Rule, _Plan
    def never(block, ctx):
        return None
    rules = [Rule("TST001", "t-one", never, "drop", "", None, needles=("xbb", "abb", "bbb")),
             Rule("TST002", "t-two", never, "drop", "", None, needles=("cbb", "bbb", "zz9", "yz9"))]
    plan = _Plan(rules)
    assert {tail for tail, _ in plan.by_tail} == {"bb", "z9"}
    texts = ["xbb", "bbbb", "abbb", "bb", "b bb", "Cbb and more", "ABB", "ubbb", "xbxbb", "abcbb",
             "bb bbb", "zz9", "z9", "yz9z9", "bbxbb", "a bb x", "ab b", "nothing here"]
    assert _needle_openings_agree([Block(index=i, text=t) for i, t in enumerate(texts)], plan=plan) > 10
    for t in texts:   # (alone on its page)
        _needle_openings_agree([Block(index=0, text=t)], plan=plan)


def test_needles_sharing_a_head_open_the_blocks_holding_them():
    """Needles sharing their first HEAD_CHARS characters are found by one search for the head
    (_Plan.by_head): overlapping places, a head with no needle after it, a needle at a block's end,
    one block holding two of them, needles of other characters than word characters."""
    from stripper.rules import HEAD_CHARS, Rule, _Plan
    assert HEAD_CHARS == 4
    def never(block, ctx):
        return None
    rules = [Rule("TST001", "t-one", never, "drop", "", None, needles=("lesezeit", "lesedauer", "a.b.c", "a.b.x")),
             Rule("TST002", "t-two", never, "drop", "", None, needles=("lesedauer", "leseprobe", "a.b.cd"))]
    plan = _Plan(rules)
    assert {head for head, _ in plan.by_head} == {"lese", "a.b."}
    texts = ["Lesezeit: 3 min", "LESEDAUER", "lese", "leselesezeit", "lesedauer lesezeit", "lesen", "xlesedauerx",
             "a.b.c", "a.b.a.b.x", "a.b.cd", "A.B.C.D", "a.b.", "leseprob", "Leseprobe und Lesezeit", "nothing"]
    assert _needle_openings_agree([Block(index=i, text=t) for i, t in enumerate(texts)], plan=plan) > 10
    for t in texts:
        _needle_openings_agree([Block(index=0, text=t)], plan=plan)


def test_candidates_hold_blocks_that_fire_only_by_their_neighbours():
    """An author bio under an "About the author" heading and a role under a byline."""
    texts = ["About the author", "Jane Doe", "She writes about science and lives in Oslo with two cats.",
             "Von Frank Hahn", "Freier Autor in Berlin und Hamburg, schreibt über Technik.",
             "Jane Doe", "Jane Doe studied physics in Berlin and Paris before she began to write.",
             "Reply", "Reply", "Reply", "Use the Stranger Test Use the Stranger Test"]
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    assert _check(blocks) == []
    # bios holding none of the rule's words: found by their place alone, under a heading in any
    # case and spelling (author_bio's candidates read the heading off the page's normal forms)
    bio = "Sie unterrichtete zehn Jahre Geschichte an einer Schule in Köln."
    for heading in ("About the author", "ÜBER DİE AUTORİN:", "über dıe autorın", "Sobre el autor", "ſobre el autor :",
                    "À propos de l’auteur"):
        blocks = [Block(index=i, text=t) for i, t in enumerate(["Ende des Artikels.", heading, "Jane Doe", bio])]
        ctx = make_context(blocks, Options(), None, frozenset(), "text")
        assert [d.rule_id for d in apply_rules(blocks, ctx) if d.index == 3] == ["BYL004"], heading
        assert check_candidates(blocks, ctx) == [], heading
    blocks = [Block(index=i, text=t) for i, t in enumerate(["Ende des Artikels.", "Von Frank Hahn",
                                                            "Freier Autor in Berlin und Hamburg."])]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    assert [d.rule_id for d in apply_rules(blocks, ctx) if d.index == 2] == ["BYL004"]
    assert check_candidates(blocks, ctx) == []


@pytest.mark.parametrize("selective", (False, True))
@pytest.mark.parametrize("name", phrase_names())
def test_hit_facts_hold_every_hit_of_a_list(name, selective):
    """A block a list hits holds an anchor word, is a plain whole entry, or holds a needle lowered."""
    anchors, exact, needles = hit_facts(name, selective)
    m = load_phrases(name)
    texts = _phrase_texts()
    for _case, text, segment in _pages():
        texts += [b.text for b in segment(text, frozenset())][:300]
    checked = 0
    for t in texts:
        for v in _variants(t):
            words, norm = lower_words(v), normalize_block(v)
            hit = m.find(v, words, norm) or m.whole(v, norm)
            if not hit:
                continue
            checked += 1
            ok = (anchors is None or not anchors.isdisjoint(words)) or norm in exact \
                or needles is None or any(n in v.lower() for n in needles)
            assert ok, (name, v)
    assert checked or name in ("not_names",)


def test_every_rule_is_gated_or_checked():
    """No rule is called on every block: a block no rule opens skips the rules altogether."""
    assert [r.id for r in all_rules() if not r.gated and not r.checked] == []


def test_find_date_needles_change_no_answer(monkeypatch):
    """dates.find_date skips a pattern whose needles a text misses: the same dates as trying all."""
    from stripper import dates
    texts = ["Published March 5, 2020", "05.03.2020 | 12:30", "2020-03-05T10:00", "5/3/2020", "3/25/2020",
             "2020年3月5日", "5. März 2020", "1er mars 2020", "5 de marzo de 2020", "Updated 10:31 AM ET, Tue March 3, 2020",
             "İstanbul 5 Mart 2020", "05 | 03 | 2020", "Mar. 5th 2020", "in 2020 or 1999", "2019/13/40"]
    for _case, text, segment in _pages():
        texts += [b.text for b in segment(text, frozenset()) if "19" in b.text or "20" in b.text]
    texts += [t.upper() for t in texts] + [t.replace("a", "\u0131") for t in texts]
    got = [dates.find_date(t) for t in texts]
    monkeypatch.setattr(dates, "_pattern_needles", lambda: (None,) * len(dates._patterns()))
    monkeypatch.setattr(dates, "_month_gate", lambda: None)
    dates._dated.cache_clear()   # (the answers found with the gates are remembered)
    dates._plan.cache_clear()    # (... and so are the gates, with their patterns)
    try:
        assert [dates.find_date(t) for t in texts] == got
    finally:
        dates._dated.cache_clear()
        dates._plan.cache_clear()
    assert sum(1 for g in got if g) > 20


def test_every_date_has_a_date_shape():
    """dateline skips a line without a number before its year, apart from it, or a month or 年 after it
    (rules.byline.DATE_SHAPE_RE): find_date finds no date in one, since each of its patterns reads
    a day before the year or a month after it."""
    import random
    from stripper import dates
    from stripper.rules.byline import DATE_SHAPE_RE
    texts = ["Published March 5, 2020", "05.03.2020 | 12:30", "2020-03-05T10:00", "5/3/2020", "3/25/2020",
             "2020年3月5日", "2020 年 3 月 5 日", "5. März 2020", "1er mars 2020", "5 de marzo de 2020", "5marzo 2020",
             "Mar. 5th 2020", "05 | 03 | 2020", "5March2020", "March 2020", "2020", "Dezember 2018 (3)", "2020年3月",
             "2020.3.5", "2020/03/05", "5 mars, 2020", "March 5th, 1999", "31 de diciembre de 1999"]
    for _case, text, segment in _pages():
        texts += [b.text for b in segment(text, frozenset()) if "19" in b.text or "20" in b.text]
    # pieces of dates in any order and glued any way
    rnd = random.Random(5)
    days, months, years = ["5", "05", "25", "31", "3rd"], ["3", "03", "12", "March", "Mar.", "mars", "März", "marzo"], \
        ["2020", "1999", "2021"]
    extras = ["年", "月", "日", "T10:00", "|", ",", "th", "er", "de", "(3)", "am", "x", "7"]
    seps = ["", " ", ".", "/", "-", " | ", ", ", ". ", " de "]
    for _ in range(20000):
        parts = [rnd.choice(days), rnd.choice(months), rnd.choice(years)]
        rnd.shuffle(parts)
        parts.insert(rnd.randint(0, 3), rnd.choice(extras))
        texts.append("".join(p + rnd.choice(seps) for p in parts))
    texts += [t.upper() for t in texts] + ["\uff15 March \uff12\uff10\uff12\uff10", "\u0665/\u0663/2020"]
    found = [t for t in texts if dates.find_date(t)]
    assert len(found) > 1000
    assert [t for t in found if DATE_SHAPE_RE.search(t) is None] == []
    for t in ("March 2020", "Dezember 2018 (3)", "April 2015 (271)", "2014 (8)", "Juli 2019 at 05:00"):
        assert dates.find_date(t) is None and DATE_SHAPE_RE.search(t) is None


def _list_entries(name: str) -> list[str]:
    """The entries of a phrase list, read from its file (blank lines and comments left out)."""
    path = Path(__file__).resolve().parent.parent / "stripper" / "data" / "phrases" / f"{name}.txt"
    return [e.strip() for e in path.read_text(encoding="utf-8").splitlines() if e.strip() and not e.startswith("#")]


def test_server_error_entries_open_with_a_lead_word():
    """server_error_candidates reads a block's first word only: every entry of server_errors opens
    the block with one of SERVER_ERROR_LEADS (perhaps after "php"), a whole word."""
    from stripper.rules.server import SERVER_ERROR_LEADS
    entries = _list_entries("server_errors")
    assert entries
    head = re.compile(r"re:\^\(\?:php\\s\+\)\?\(\?:([^()]*)\)\\s\*:")
    for entry in entries:
        m = head.match(entry)
        assert m, entry
        leads = {alt.split()[0] for alt in m.group(1).split("|")}
        assert leads <= SERVER_ERROR_LEADS, entry
    matcher = load_phrases("server_errors")
    for text in ("Warning: Cannot modify header information - headers already sent by (output started at "
                 "/www/index.php:3) in /www/wp-login.php on line 12", "PHP Notice: Undefined index: foo",
                 "Deprecated: Function create_function() is deprecated in /www/a.php on line 5"):
        for v in (text, text.upper(), text.replace("i", "\u0131"), text.replace("s", "\u017f")):
            blocks = [Block(index=0, text=v)]
            ctx = make_context(blocks, Options(), None, frozenset(), "text")
            from stripper.rules.server import server_error_candidates
            assert matcher.search(v) and server_error_candidates(ctx) == [0], v


def test_readalso_entries_open_with_a_lead_word():
    """teaser_candidates reads a block's first word only: every entry of readalso is a whole-block
    expression opening with an alternation of phrases, each a first word among READALSO_LEADS
    (made of letters that lowering and re.IGNORECASE agree on) then a space or the end of the
    phrase, which a class of separators that are no word characters follows."""
    from stripper.phrases import _needle_char
    from stripper.rules.navigation import READALSO_LEADS, teaser_candidates
    entries = _list_entries("readalso")
    assert entries
    head = re.compile(r"=re:\(\?:([^()\\]*)\)\\s\*\[[^\]\w\\]*\]")
    for entry in entries:
        m = head.match(entry)
        assert m, entry
        for alt in m.group(1).split("|"):
            first = alt.split(" ")[0]
            assert re.fullmatch(r"[^\W_]+", first) and first in READALSO_LEADS, (entry, alt)
            assert all(_needle_char(c) == c for c in first), alt
    matcher = load_phrases("readalso")
    for text in ("Read also: How the new bus routes will work", "» Lesen Sie auch - Was sich 2024 ändert",
                 "VEA TAMBIÉN: Las claves del nuevo presupuesto", "À lire aussi > Les clés du budget"):
        for v in (text, text.upper(), text.replace("i", "\u0130").replace("I", "\u0131"), text.replace("s", "\u017f")):
            blocks = [Block(index=0, text="Intro line"), Block(index=1, text=v)]
            ctx = make_context(blocks, Options(), None, frozenset(), "text")
            if matcher.whole(v):
                assert 1 in teaser_candidates(ctx), v
    # a block opening with no lead word and holding no colon in its head is left out
    blocks = [Block(index=0, text="Nothing here - at all")]
    assert teaser_candidates(make_context(blocks, Options(), None, frozenset(), "text")) == []


def test_related_heading_teasers_open_with_a_related_first_word():
    """teaser_candidates reads a block with a colon in its head only when it opens with one of
    RELATED_FIRSTS: read_also_teaser fires on such a block (no read-also entry hitting it) only
    where the head is a whole-block entry of related, whose first word is one of them."""
    from stripper.language import lower_words
    from stripper.rules.navigation import RELATED_FIRSTS, read_also_teaser, teaser_candidates
    assert RELATED_FIRSTS
    heads = [e.lstrip("=").replace("{n}", "3").replace("{word}", "Acme").replace("{price}", "$9")
             for e in _list_entries("related") if e.startswith("=")]
    assert len(heads) > 100
    fired = 0
    for head in heads:
        assert lower_words(head)[0] in RELATED_FIRSTS, head
        text = head + ": Council votes to close the old bridge"
        for v in (text, text.upper(), text.title(), "» " + text, text.replace("i", "\u0130").replace("I", "\u0131"),
                  text.replace("s", "\u017f"), text.replace(" ", "  ")):
            blocks = [Block(index=0, text="Intro line"), Block(index=1, text=v)]
            ctx = make_context(blocks, Options(), None, frozenset(), "text")
            if read_also_teaser(blocks[1], ctx):
                fired += 1
                assert 1 in teaser_candidates(ctx), v
    assert fired > 500
    # a colon in the head of a block opening with no related first word (nor a read-also lead word)
    blocks = [Block(index=0, text="Posted: 3 March 2020 by the news desk")]
    assert teaser_candidates(make_context(blocks, Options(), None, frozenset(), "text")) == []


def test_breadcrumb_entries_open_with_a_lead_word_or_hold_a_mark():
    """breadcrumb_candidates reads a block's first word and its marks only: every entry of
    breadcrumb opens with one of BREADCRUMB_LEADS (the first word of an alternation's phrases,
    each then a space or the end of the phrase, which a class of separators that are no word
    characters follows; or the first word of a phrase) or needs one of BREADCRUMB_MARKS."""
    from stripper.phrases import _needle_char, regex_needles
    from stripper.rules.navigation import BREADCRUMB_LEADS, BREADCRUMB_MARKS, breadcrumb_candidates
    entries = _list_entries("breadcrumb")
    assert entries
    alternation = re.compile(r"=re:\(\?:([^()\\]*)\)\\s\*\[[^\]\w\\]*\]")
    phrase = re.compile(r"=re:([^\W_]+) ")
    for entry in entries:
        m = alternation.match(entry) or phrase.match(entry)
        if m is None:   # a needle set every hit holds one of, all marks
            assert any(set(ns) <= set(BREADCRUMB_MARKS) for ns in regex_needles(entry[4:], re.I) or ()), entry
            continue
        for alt in m.group(1).split("|"):
            first = alt.split(" ")[0]
            assert re.fullmatch(r"[^\W_]+", first) and first in BREADCRUMB_LEADS, (entry, alt)
            assert all(_needle_char(c) == c for c in first), alt
    matcher = load_phrases("breadcrumb")
    for text in ("Home > News > World", "Startseite / Politik", "You are here: Home / Sport", "Sie sind hier: Sport",
                 "News » World » Europe", "首页 > 新闻"):
        for v in (text, text.upper(), text.replace("i", "\u0130").replace("I", "\u0131"), text.replace("s", "\u017f")):
            blocks = [Block(index=0, text="Intro line"), Block(index=1, text=v)]
            if matcher.whole(v):
                assert 1 in breadcrumb_candidates(make_context(blocks, Options(), None, frozenset(), "text")), v
    blocks = [Block(index=0, text="Nothing here / at all | really")]
    assert breadcrumb_candidates(make_context(blocks, Options(), None, frozenset(), "text")) == []


@pytest.mark.parametrize("name", phrase_names())
def test_digit_gate_words_open_no_hit_without_a_digit(name):
    """The rules plan opens a gated rule by one of its list's digit_gate_words only on a block
    holding a digit or a character lowering cannot vouch for: a text without either that the list
    hits, and that its gate words open, holds one of its other gate words."""
    from stripper.phrases import fold_odd_raw
    m = load_phrases(name)
    if m.gate_words is None:
        assert m.digit_gate_words == frozenset()
        return
    plain = m.gate_words - m.digit_gate_words
    texts = _phrase_texts()
    for _case, text, segment in _pages():
        texts += [b.text for b in segment(text, frozenset())][:300]
    checked = 0
    for t in texts:
        for v in _variants(t):
            v = re.sub(r"\d", "", v)
            if fold_odd_raw(v):
                continue
            words = lower_words(v)
            if (m.find(v, words, normalize_block(v)) or m.whole(v) or m.count(v)) \
                    and not m.gate_words.isdisjoint(words):
                checked += 1
                assert not plain.isdisjoint(words), (name, v)
    assert checked or name in ("not_names",)


def test_digit_gate_words_come_from_entries_with_a_number_or_a_price():
    from stripper.phrases import Matcher
    m = Matcher("t", ["try {n} months for {price}", "only {price}", "only now", "={n} replies", "offer ends"])
    assert m.digit_gate_words == frozenset({"months", "replies"})
    assert m.gate_words == frozenset({"months", "only", "replies", "offer"})


def test_lead_words_read_off_the_lists():
    """phrases.lead_words gives the first words of a list's whole-block entries, and None where an
    entry opens with no word (the rule then reads every block): breadcrumb's entry of repeated
    separators counts only with its marks; an entry with a lead phrase that is not a word lets the
    list say nothing."""
    from stripper.phrases import lead_words
    from stripper.rules.navigation import BREADCRUMB_LEADS, BREADCRUMB_MARKS, READALSO_LEADS
    assert READALSO_LEADS == lead_words("readalso") and {"read", "siehe", "vea", "läs"} <= READALSO_LEADS
    assert BREADCRUMB_LEADS == lead_words("breadcrumb", BREADCRUMB_MARKS) and {"home", "you", "首页"} <= BREADCRUMB_LEADS
    assert lead_words("breadcrumb") is None          # (without the marks, its separator entry opens with no word)
    assert lead_words("offers") is None              # (plain phrases: no whole-block heads)
    from stripper.rules.server import SERVER_ERROR_LEADS
    assert SERVER_ERROR_LEADS == lead_words("server_errors") and {"php", "warning", "fatal", "strict"} <= SERVER_ERROR_LEADS


@pytest.mark.parametrize("selective", (False, True))
def test_hit_facts_take_for_each_entry_one_of_its_own_needle_sets(selective):
    """hit_facts may give an entry of several needle sets one that other entries' needles already
    cover (readtime's "min ... read" takes "read", which another entry needs): each entry's hits
    still hold a needle, since each needle of one of its sets holds a needle given."""
    from stripper.phrases import _PLACEHOLDER_RE, _entries, _entry_needle_sets
    for name in phrase_names():
        needles = hit_facts(name, selective)[2]
        if needles is None:
            continue
        for line in _entries(name):
            if not (line.startswith(("re:", "=re:")) or (line.startswith("=") and _PLACEHOLDER_RE.search(line))):
                continue
            sets = _entry_needle_sets(line, selective)
            assert any(all(any(k in n for k in needles) for n in got) for got in sets), (name, line)
    if not selective:
        assert "min" not in hit_facts("readtime")[2] and "read" in hit_facts("readtime")[2]
