"""The selection and byline stages take shortcuts (bounds, page-level searches, lazy folding);
each must give what the plain computation gives. Checked on every fixture page and on pages
built to hit the edge cases."""
import pytest

import stripper
from stripper import byline
from stripper.phrases import DIGIT_RE, fold_odd_raw
from stripper.options import Options
from conftest import FIXTURES

CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.exists() else []


def _pages():
    for case in CASES:
        for name, kind in (("source.txt", "text"), ("source.md", "markdown")):
            if (case / name).exists():
                yield case.name, (case / name).read_bytes(), kind


PAGES = list(_pages())


def _explain(data, kind):
    try:
        return stripper.explain(data, options=Options(input_format=kind))
    except Exception:   # (a page the pipeline refuses has no stages to compare)
        return None


@pytest.mark.parametrize("name,data,kind", PAGES, ids=[p[0] for p in PAGES])
def test_title_bound_holds_and_pruned_search_agrees(name, data, kind):
    # The exhaustive search (TITLE_DEBUG set) scores every candidate; the pruned one must pick
    # the same title, and no candidate's score may exceed its bound.
    byline.TITLE_DEBUG = []
    try:
        res = _explain(data, kind)
    finally:
        byline.TITLE_DEBUG = None
    if res is None:
        return
    res2 = _explain(data, kind)
    assert res.article.title == res2.article.title
    assert res.article.subtitle == res2.article.subtitle


def test_page_keys_repeated_matches_the_counted_page():
    lines = ["Harbour bridge to close", "Home > News > Harbour bridge to close", "HARBOUR  BRIDGE TO CLOSE",
             "harbour\tbridge to close | The Ledger", "Bridge", "x" * 290 + " harbour bridge to close",
             "Harbour bridge to close" + " " * 300 + "!", "İstanbul bridge news", "istanbul bridge news",
             "ΟΔΟΣ ΚΛΕΙΣΤΗ", "οδος κλειστη"]
    from stripper.model import Block
    blocks = [Block(i, t) for i, t in enumerate(lines)]
    for sub in (blocks, blocks[:7], blocks[:5] + blocks[7:9], blocks[9:]):
        sub = [Block(i, b.text) for i, b in enumerate(sub)]
        for i in range(len(sub)):
            keys = byline._PageKeys(sub)
            counted = byline._PageKeys(sub)
            assert keys.repeated(i) == counted._repeated_counted(counted[i]), (i, sub[i].text)


def test_page_keys_read_off_the_rules_context_match_the_counted_page():
    # the lines lowered as the rules' context holds them (NUL-joined, "İ" lowered line by line)
    from stripper.model import Block
    from stripper.options import Options
    from stripper.rules import make_context
    lines = ["Harbour bridge to close", "Home > News > Harbour bridge to close", "HARBOUR  BRIDGE TO CLOSE",
             "harbour\tbridge to close | The Ledger", "Bridge", "x" * 290 + " harbour bridge to close",
             "Harbour bridge to close" + " " * 300 + "!", "İstanbul bridge news", "istanbul bridge news",
             "ΟΔΟΣ ΚΛΕΙΣΤΗ", "οδος κλειστη", "bridge to", "close", "to close"]
    for sub in (lines, lines[:7], lines[:5] + lines[7:9], lines[9:], lines[11:] + lines[:2], lines[7:]):
        blocks = [Block(i, t) for i, t in enumerate(sub)]
        ctx = make_context(blocks, Options(), None, frozenset(), "text")
        for i in range(len(blocks)):
            keys = byline._PageKeys(blocks, ctx._lowered())
            counted = byline._PageKeys(blocks)
            assert keys.repeated(i) == counted._repeated_counted(counted[i]), (i, sub[i])
            # (with the word lists, a line of fewer runs is passed over unfolded)
            assert byline._PageKeys(blocks, ctx._lowered(), ctx.word_lists).repeated(i) == keys.repeated(i), (i, sub[i])


def test_prose_words_of_nul_joined_lines_agree_with_the_pattern():
    import re
    from stripper.model import Block

    def old(text, word):
        return re.search(r"(?<![\w.@/])" + re.escape(word) + r"(?![\w@/]|\.\w)", text) is not None

    for t in list(_page_texts())[:40] + ["x ab\ncd y"]:
        lines = t.split("\n")
        blocks = [Block(i, line) for i, line in enumerate(lines)]
        joined = "\n".join(lines)
        words = set(byline._words(joined.lower())[:200]) | {"arne", "doe", "x", ".", "a.b", "", "ab\x00cd", "b\x00c"}
        prose = byline._prose_words(blocks, "\x00".join(lines))
        for w in sorted(words):
            assert (w in prose) == old(joined, w), (w, t[:80])


def test_title_bound_is_an_upper_bound_on_every_fixture():
    calls = []
    orig = byline._title_features

    def spy(blocks, i, lead_end, first_para, body, opening, cjk, stop, tagged, dropped, repeats, byline_near,
            keys, n_words=None, floor=None, bound=0.0):
        f = orig(blocks, i, lead_end, first_para, body, opening, cjk, stop, tagged, dropped, repeats, byline_near,
                 keys, n_words)
        if f is not None:
            calls.append((sum(byline.TITLE_WEIGHTS[k] * v for k, v in f.items()),
                          byline._title_bound(blocks[i], i, n_words if n_words is not None else
                                              len(byline._words(blocks[i].text)), lead_end, first_para,
                                              byline_near)))
        return f

    byline._title_features = spy
    byline.TITLE_DEBUG = []
    try:
        for _, data, kind in PAGES:
            _explain(data, kind)
    finally:
        byline._title_features = orig
        byline.TITLE_DEBUG = None
    assert calls
    assert all(score <= bound + byline.TITLE_BOUND_SLACK for score, bound in calls)



def test_short_bound_bounds_every_short_line_at_or_before_its_place():
    """The pruned title search sets aside the lines of fewer than TITLE_SHORT_WORDS_DEFAULT words
    that are no heading, and reads them only where _short_bound of the last of them reaches the
    best score: it bounds _title_bound of each of them, whatever its text and its neighbours."""
    from stripper.model import Block
    texts = ["Home", "Home.", "Home:", "Bridge Closed", "Bridge closed.", "News:", "x", "Über uns", "1 2"]
    checked = 0
    for head_end in range(1, 10):
        for first_para in sorted({0, head_end // 2, head_end - 1, head_end, head_end + 3}):
            for i in range(head_end):
                bound = byline._short_bound(i, head_end, first_para)
                for j in range(i + 1):
                    for text in texts:
                        for n in range(byline.TITLE_MIN_WORDS_DEFAULT, byline.TITLE_SHORT_WORDS_DEFAULT):
                            for near in (set(), {j + 1}, {j + 2}, {j + 3}, {j + 4}, {j - 1}):
                                b = Block(j, text)
                                assert byline._title_bound(b, j, n, head_end, first_para, near) \
                                    <= bound + byline.TITLE_BOUND_SLACK, \
                                    (head_end, first_para, i, j, text, n, near)
                                checked += 1
    assert checked > 20000


SHORT_TITLE_PAGES = [
    "Home\nNews\nSport\n\nBridge Closed\n\n{p}\n\n{q}\n",
    "Home\nNews\nSport\n\nBridge Closed\nBy Jane Doe\n\n{p}\n\n{q}\n",
    "Weather and traffic for the whole region today\nHome\nBridge Closed\n\n{p}\n\n{q}\n",
    "Home\nThe harbour bridge is closed for months\nBridge\n\n{p}\n\n{q}\n",
    "Bridge Closed\nHome\nNews\nSport\nWorld\nPolitics\nCulture\nTravel\n\n{p}\n\n{q}\n",
    "# Harbour\n\nBridge Closed\n\n{p}\n\n{q}\n",
]


@pytest.mark.parametrize("page", SHORT_TITLE_PAGES)
def test_pruned_title_search_reads_short_lines_where_they_may_win(page):
    """Pages whose best title is a short line (set aside by the pruned search) or whose short
    lines lose: the pruned search picks what the exhaustive one picks."""
    p = ("The harbour bridge closed on Monday after engineers found cracks in two of its main supports, "
         "the city said. Drivers were told to use the ferry.")
    q = "Repairs will take months, and the bridge closed to cyclists as well, officials said on Tuesday."
    data = page.format(p=p, q=q).encode()
    for kind in ("text", "markdown"):
        byline.TITLE_DEBUG = []
        try:
            res = _explain(data, kind)
        finally:
            byline.TITLE_DEBUG = None
        res2 = _explain(data, kind)
        assert res.article.title == res2.article.title
        assert res.article.subtitle == res2.article.subtitle
    assert page != SHORT_TITLE_PAGES[0] or res2.article.title == "Bridge Closed"

# --- code runs ------------------------------------------------------------------------------

CODE_SAMPLES = ["f(x) = y;", "  }", "x = 1", "a -> b", "key: 'v'", '"key": 1', "│ a │ b │", "Kay Schenk 27 7.1%",
                "Total 1,200 3.5 ", "ends with brace {", "plain words here", "(", "A", "1", "", " ;", "x;\n",
                "name (call)", "a == b", "a=b", "x: y", "- item: 3", "Cart (0)", "Wishlist (2)", "10 20",
                "row 1 2\n", "price 3.50, 4.00.", "50%  60% ", "  ) trailing", "\t] x", "def size(path):",
                "up 5 10%.", "share 1 2.,% ", "in 2019 2020 ,", "a 1 b.", "x 1 2 %", "7 8 %%", "(a) (b)", "é(1)",
                "_(", " (x", "────────────", "a ┼ b ┼ c"]


def _old_code_line(text):
    from stripper.main_content import CODE_LINE_MIN_CHARS_DEFAULT, CODE_LINE_RE
    return len(text) >= CODE_LINE_MIN_CHARS_DEFAULT and CODE_LINE_RE.search(text) is not None


def test_code_line_and_table_row_tests_match_their_expressions():
    from stripper.main_content import CODE_LINE_RE, TABLE_ROW_RE, _code_line, _code_row, _table_row
    assert CODE_LINE_RE.pattern == (r"\w\(|[;{}]\s*$|^\s*[)}\]]|\s(?:=|==|!=|<=|>=|:=|=>|->)\s|[│─┼]"
                                    r"|^\s*[\"']?[\w-]+[\"']?: [\"'\d]")
    texts = CODE_SAMPLES + [p.decode("utf-8", "replace") for _, p, _ in PAGES]
    texts += [line for t in texts for line in t.split("\n")]
    texts += ["Revenue 12.5 13,1%", "Total 3 4.", "x 1 2,", "Rate 5 6 %", "1 2", " 1 2 ", "a 1.5% 2.5%  "]
    kinds = set()
    for t in texts:
        assert _code_line(t) == _old_code_line(t), t
        assert _table_row(t) == (TABLE_ROW_RE.search(t) is not None), t
        # (code_runs asks both at once: a table row, else a code line, else neither)
        kinds.add(_code_row(t))
        assert _code_row(t) == (True if TABLE_ROW_RE.search(t) else False if _old_code_line(t) else None), t
    assert kinds == {True, False, None}


def test_call_paren_expression_finds_what_the_call_expression_finds():
    from stripper.main_content import CALL_PAREN_RE, CODE_CALL_RE
    texts = CODE_SAMPLES + [p.decode("utf-8", "replace") for _, p, _ in PAGES]
    texts += [line for t in texts for line in t.split("\n")]
    assert any(CODE_CALL_RE.search(t) for t in texts) and not all(CODE_CALL_RE.search(t) for t in texts)
    for t in texts:
        assert (CALL_PAREN_RE.search(t) is None) == (CODE_CALL_RE.search(t) is None), t


def _old_code_runs(blocks, first, feats):
    from stripper import main_content as M
    out, run, tokens, codes, rows = set(), [], [], 0, 0

    def flush():
        if (codes - rows >= M.CODE_RUN_MIN_DEFAULT or codes >= M.TABLE_RUN_MIN_DEFAULT) \
                and sum(len(blocks[j].text) <= 2 for j in run) <= M.CODE_CHAR_LINES_MAX_DEFAULT * len(run):
            out.update(run)

    for b in blocks:
        i = b.index
        plain = b.kind in (M.PARA, M.TABLE) and b.hint != "main" and not feats.sentence_like[i]
        if plain and i in first:
            plain = first[i].rule_id == "DUP001"
        if not plain:
            flush()
            run, tokens, codes, rows = [], [], 0, 0
            continue
        text = b.text
        if M._flat_code(text):
            out.add(i)
        row = M.TABLE_ROW_RE.search(text) is not None
        code = row or _old_code_line(text)
        if code:
            if not run:
                codes = rows = 0
            run.extend(tokens)
            run.append(i)
            tokens = []
            codes += 1
            rows += row
        elif len(text.split()) <= M.CODE_TOKEN_MAX_WORDS_DEFAULT:
            tokens.append(i)
            if len(tokens) > M.CODE_TOKEN_RUN_MAX_DEFAULT:
                flush()
                run, codes, rows = [], 0, 0
                tokens = tokens[-M.CODE_TOKEN_RUN_MAX_DEFAULT:]
        else:
            flush()
            run, tokens, codes, rows = [], [], 0, 0
    flush()
    return out


def test_code_runs_match_the_line_by_line_pass():
    import random
    from stripper.main_content import block_features, code_runs
    from stripper.model import Block
    rng = random.Random(7)
    pool = CODE_SAMPLES + ["FROM", "avg", "SELECT a, b", "This is a sentence that ends like prose does.",
                           "a longer line of words that is no token and no code"]
    for n in range(300):
        texts = [rng.choice(pool) for _ in range(rng.randint(1, 40))]
        blocks = [Block(i, t) for i, t in enumerate(texts)]
        feats = block_features(blocks, frozenset(), False)
        assert code_runs(blocks, {}, feats) == _old_code_runs(blocks, {}, feats), texts
    for _, data, kind in PAGES:
        res = _explain(data, kind)
        if res is None:
            continue
        first = {d.index: d for d in res.decisions if d.rule_id[:3] not in ("SEL", "FBK")}
        feats = block_features(res.blocks, frozenset(), False)
        assert code_runs(res.blocks, first, feats) == _old_code_runs(res.blocks, first, feats)


def test_runs_from_a_start_keep_every_run_beginning_there():
    # select seeks only the ticker and slideshow runs that begin where enough good text precedes
    # them: from any start, ticker_runs and gallery_slides must find each run of the whole page that
    # begins there, and no other run.
    import random
    from stripper.main_content import _heads, gallery_slides, ticker_runs
    from stripper.model import Block
    rng = random.Random(11)
    pool = ["14:32 Other story from the desk", "9h05 Another story", "3 minutes ago", "vor 5 Minuten",
            "Updated 2 hours ago", "12 of 40", "3/5 A slide", "4/5 A slide", "5 of 5 The last slide",
            "A line of plain prose, with no stamp in it at all."]
    pages = []
    for n in range(300):
        texts = [rng.choice(pool) if rng.random() < 0.6 else f"{rng.randint(8, 20)}:{rng.randint(10, 59)} News"
                 for _ in range(rng.randint(1, 60))]
        pages.append([Block(i, t) for i, t in enumerate(texts)])
    for n in range(150):   # stamps in time order, some gaps at and around the largest a run spans
        texts, minute = [], 23 * 60
        for _ in range(rng.randint(5, 30)):
            texts += [pool[-1]] * rng.choice((0, 1, 3, 6, 7, 8, 9))
            minute -= rng.randint(0, 30)
            texts.append(f"{minute // 60}:{minute % 60:02d} News" if rng.random() < 0.5 else f"{23 * 60 - minute} minutes ago")
        pages.append([Block(i, t) for i, t in enumerate(texts)])
    for n in range(100):   # slideshows: counters numbered upwards, a slide's text between them
        texts, total = [], rng.choice((3, 5, 12))
        for k in range(1, min(total, rng.randint(1, 12)) + 1):
            texts += [pool[-1]] * rng.randint(0, 3)
            texts.append(f"{k}/{total if rng.random() < 0.9 else total + 1} A slide")
        texts += [pool[-1]] * rng.randint(0, 3)
        pages.append([Block(i, t) for i, t in enumerate(texts)])
    for _, data, kind in PAGES:
        res = _explain(data, kind)
        if res is not None:
            pages.append(res.blocks)
    for runs in (ticker_runs, gallery_slides):
        found = 0
        for blocks in pages:
            full = runs(blocks)
            found += len(full)
            heads = _heads([b.text for b in blocks])
            for start in range(0, len(blocks) + 1, 1 if len(blocks) <= 100 else 13):
                part = runs(blocks, start)
                assert set(part) <= set(full) and [r for r in full if r[0] >= start] == [r for r in part if r[0] >= start]
                # (read through the blocks' first characters: the same runs)
                assert runs(blocks, start, heads=heads) == part
        assert found > 50, runs   # (the pages hold runs to find)


def _old_revise_classes(classes, sentence_like):
    from stripper import main_content as M

    def nearest(cs, wanted):
        before, last = [], M.BAD
        for c in cs:
            before.append(last)
            last = c if c in wanted else last
        after, last = [], M.BAD
        for c in reversed(cs):
            after.append(last)
            last = c if c in wanted else last
        return before, after[::-1]

    out = list(classes)
    prev_a, next_a = nearest(classes, {M.BAD, M.GOOD})
    prev_b, next_b = nearest(classes, {M.BAD, M.GOOD, M.NEARGOOD})
    for i, c in enumerate(classes):
        if c != M.SHORT:
            continue
        prev, nxt = prev_a[i], next_a[i]
        if prev == M.GOOD and nxt == M.GOOD:
            out[i] = M.GOOD
        elif prev == M.GOOD and sentence_like[i]:
            out[i] = M.GOOD
        elif prev == M.BAD and nxt == M.BAD:
            out[i] = M.BAD
        elif (prev == M.BAD and prev_b[i] == M.NEARGOOD) or (nxt == M.BAD and next_b[i] == M.NEARGOOD):
            out[i] = M.GOOD
        else:
            out[i] = M.BAD if prev == M.BAD or nxt == M.BAD else M.GOOD
    prev_c, next_c = nearest(out, {M.BAD, M.GOOD})
    return [(M.BAD if prev_c[i] == M.BAD and next_c[i] == M.BAD else M.GOOD) if c == M.NEARGOOD else c
            for i, c in enumerate(out)]


def test_revise_classes_run_by_run_matches_the_block_by_block_pass():
    import random
    from stripper import main_content as M
    rng = random.Random(5)
    for n in range(3000):
        weights = [rng.random() for _ in range(6)]
        classes = rng.choices([M.GOOD, M.BAD, M.SHORT, M.NEARGOOD, M.TAGGED, M.CODE], weights, k=rng.randint(0, 30))
        sentence_like = [rng.random() < 0.3 for _ in classes]
        assert M.revise_classes(classes, sentence_like) == _old_revise_classes(classes, sentence_like), classes



def _feature_pages():
    """Block lists to read the features of: random ones (short lines, sentences, long lines of few
    words, links, extractor choices, listings) and every fixture page's."""
    import random
    from stripper.model import PRE, TABLE, Block
    rng = random.Random(17)
    pool = ["Home", "Sport and weather", "Read more", "", "----------------------------------------" * 3,
            "The ferry sails to the islands every morning, and it is full of people.",
            "A line of eighty characters with no sentence end and many words in it here and there",
            "https://www.example.org/a/very/long/address/that/counts/as/one/word/of/the/page/only",
            "In Bolivia, Brazil, Chile, Peru, Ecuador, Colombia, Venezuela, Uruguay and Paraguay.",
            " ".join(["word"] * 30) + ".", "It is.", "This is what it is and that is all of it.",
            " ".join("abcdefghijklmnopqrstuvwxyz"), "a b c d e f g h i j k l m n o p q r s t u v w x y z, I am."]
    pages = []
    for n in range(400):
        blocks = []
        for i in range(rng.randint(0, 40)):
            kind = rng.choice(["para"] * 8 + [PRE, TABLE])
            blocks.append(Block(i, rng.choice(pool), kind, link_chars=rng.choice([0] * 9 + [20]),
                                hint=rng.choice([""] * 19 + ["main"])))
        pages.append(blocks)
    for _, data, kind in PAGES:
        res = _explain(data, kind)
        if res is not None:
            pages.append(res.blocks)
    return pages


def test_stopword_density_where_read_gives_the_same_classes():
    # select has the stopword density worked out only where a pass reads it (block_features with
    # min_chars): the classes, the sentence test and the stoplist's fit must be those of the
    # density of every block; and classify_blocks reads only the longer blocks of a page with
    # neither links nor an extractor's choice.
    from dataclasses import replace
    from stripper import main_content as M
    from stripper.language import stoplist
    stop = stoplist("en")
    for blocks in _feature_pages():
        full = M.block_features(blocks, stop, False)
        for o in (Options(), Options(length_low=30, length_high=60), Options(length_low=120, max_link_density=0.9)):
            lean = M.block_features(blocks, stop, False, o.length_low)
            assert (lean.nwords, lean.weight, lean.sentence_like, lean.link_density, lean.long) \
                == (full.nwords, full.weight, full.sentence_like, full.link_density, full.long)
            long = [i for i, n in enumerate(full.nwords) if n >= M.FIT_MIN_WORDS]
            assert [lean.dens[i] for i in long] == [full.dens[i] for i in long]
            # (the sentence end is worked out where read: a block of length_low characters or of
            # SENTENCE_MIN_WORDS words; the shape features read it so, and agree)
            read = [i for i, (n, nw) in enumerate(zip(full.chars, full.nwords))
                    if n >= o.length_low or nw >= M.SENTENCE_MIN_WORDS]
            assert [lean.ends[i] for i in read] == [full.ends[i] for i in read]
            shaped, shaped_full = M._shape_features(lean), M._shape_features(full)
            assert (shaped.dens, shaped.sentence_like) == (shaped_full.dens, shaped_full.sentence_like)
            for opts in (o, replace(o, length_high=o.length_low, stopwords_high=o.stopwords_low)):
                classes = M.classify_blocks(blocks, {}, lean, False, opts)
                assert classes == M.classify_blocks(blocks, {}, full, False, opts) == _old_classify(blocks, full, opts)


def _old_classify(blocks, feats, o):
    from stripper import main_content as M
    out = []
    for b, ld, dens, end in zip(blocks, feats.link_density, feats.dens, feats.ends):
        n = len(b.text)
        if b.hint == "main":
            out.append(M.GOOD)
        elif ld > o.max_link_density:
            out.append(M.BAD)
        elif b.kind in (M.PRE, M.TABLE):
            out.append(M.NEARGOOD if n >= o.length_low else M.SHORT)
        elif n < o.length_low:
            out.append(M.SHORT)
        elif dens >= o.stopwords_high and n > o.length_high:
            out.append(M.GOOD)
        elif dens >= o.stopwords_low or n > o.length_low and dens >= o.stopwords_low * 0.5 and end:
            out.append(M.NEARGOOD)
        else:
            out.append(M.BAD)
    return out

def _kept_meta_from_verdicts(blocks, first, classes, base, a, z, list_entries):
    """The kept blocks and metadata (by label) read off every block's verdict."""
    from stripper import main_content as M
    verdicts, kept, meta = M._verdicts(blocks, first, classes, base, a, z, list_entries)
    assert [v.index for v in verdicts] == [b.index for b in blocks]
    assert [v.index for v in verdicts if v.verdict == "kept"] == kept
    labelled = [v.index for v in verdicts if v.verdict == "metadata"]
    assert sorted(i for idxs in meta.values() for i in idxs) == labelled
    # (metadata labels in the order of their first block, as _verdicts fills them)
    assert list(meta) == list(dict.fromkeys(first[i].label for i in labelled))
    return kept, meta


def test_kept_and_metadata_without_verdicts_match_the_verdicts():
    # select finds the kept blocks and the metadata reading only the span and the labelled blocks;
    # every block's verdict is worked out only for --explain. Both must agree, on random states
    # (tags in and around the span, bios before junk, code lines, dropped list entries) and on
    # every fixture page.
    import random
    from stripper import main_content as M
    from stripper.model import DROP, END, TAG, Block, Decision
    rng = random.Random(13)
    labels = ["bio", "byline", "date", "section", "caption", "title", ""]
    for n in range(4000):
        size = rng.randint(0, 30)
        blocks = [Block(i, "x" * rng.randint(0, 3)) for i in range(size)]
        classes = rng.choices([M.GOOD, M.BAD, M.TAGGED, M.CODE], [4, 3, 2, 1], k=size)
        base = [c if rng.random() < 0.6 else rng.choice([M.NEARGOOD, M.SHORT, M.BAD, M.GOOD]) for c in classes]
        first = {}
        for i in range(size):
            r = rng.random()
            if r < 0.3:
                first[i] = Decision("T", i, TAG, "tagged", rng.choice(labels))
            elif r < 0.4:
                first[i] = Decision("D", i, rng.choice([DROP, END]), "dropped")
        if rng.random() < 0.1:
            first[size + 2] = Decision("T", size + 2, TAG, "beyond the page", "date")
        if size == 0 or rng.random() < 0.1:
            a = z = -1
        else:
            a = rng.randrange(size)
            z = rng.randrange(a, size)
        list_entries = {i for i in range(size) if rng.random() < 0.2}
        assert M._kept_meta(blocks, first, classes, base, a, z, list_entries) \
            == _kept_meta_from_verdicts(blocks, first, classes, base, a, z, list_entries), (first, classes, base, a, z)
    for _, data, kind in PAGES:
        res = _explain(data, kind)
        if res is None:
            continue
        blocks = res.blocks
        first = {d.index: d for d in res.decisions if d.rule_id[:3] not in ("SEL", "FBK")}
        rng.seed(len(blocks))
        for _ in range(5):
            classes = rng.choices([M.GOOD, M.BAD, M.TAGGED, M.CODE], k=len(blocks))
            base = rng.choices([M.GOOD, M.BAD, M.NEARGOOD, M.SHORT], k=len(blocks))
            a = rng.randrange(-1, len(blocks)) if blocks else -1
            z = rng.randrange(a, len(blocks)) if a >= 0 else -1
            assert M._kept_meta(blocks, first, classes, base, a, z, set()) \
                == _kept_meta_from_verdicts(blocks, first, classes, base, a, z, set())


def test_explain_verdicts_are_worked_out_once_when_read():
    from stripper import main_content as M
    res = _explain(b"Home\n\nNews\n\n" + b"The ferry sails to the islands every morning, and it is full. " * 8, "text")
    calls = []
    of = res.verdicts_of
    res.verdicts_of = lambda: calls.append(1) or of()
    assert res.verdicts is res.verdicts and calls == [1]
    assert [v.index for v in res.verdicts] == [b.index for b in res.blocks]
    assert {v.index for v in res.verdicts if v.verdict == "kept"} >= {b.index for b in res.kept}

# --- byline word tests ----------------------------------------------------------------------

WORD_SAMPLES = ["ab abc a_b_c __ 12 123 x1y ÄÖÜ straße İstanbul ΣΟΦΙΑ Ⅻ ²³⁴ ٣٤٥ 中文字 a\u0301bc",
                "mail arne.doe@example.org or see www.example.org/arne", "arne. Arne.Doe arne_ arne@ /arne arne/",
                "arne.", "arne.x", ".arne", "arne", "", "Der Autor Jan Roe, the editor, and Jane Doe."]


def _page_texts():
    texts = list(WORD_SAMPLES)
    for _, data, _ in PAGES:
        texts.append(data.decode("utf-8", "replace"))
    return texts


def _with_page_lines(texts):
    """Adds the lines of the first 60 sample pages to texts (in place) and returns the rules'
    context of the blocks they make, one per text."""
    from stripper.model import Block
    from stripper.rules import make_context
    for t in _page_texts()[:60]:
        texts += t.split("\n")
    return make_context([Block(i, t) for i, t in enumerate(texts)], Options(), None, frozenset(), "text")


def test_word_char_is_what_the_pattern_calls_a_word_character():
    import re
    word = re.compile(r"\w")
    for cp in range(0x110000):
        c = chr(cp)
        assert byline._word_char(c) == (word.match(c) is not None), hex(cp)


def test_content_words_are_the_long_words_less_the_stopwords():
    stop = frozenset({"the", "and", "und", "der", "abc"})
    for t in _page_texts():
        for line in [t] + t.split("\n"):
            assert byline._content_words(line, stop) == {w for w in byline._words(line.lower())
                                                         if len(w) >= 3 and w not in stop}, line


def test_content_words_read_off_the_word_lists_are_the_plain_ones():
    from stripper.model import Block
    from stripper.rules import make_context
    stop = frozenset({"the", "and", "und", "der", "abc"})
    lines = ["snake_case and the rest", "İSTANBUL İŞ DÜNYASI", "ΟΔΟΣ ΚΛΕΙΣΤΗ σήμερα", "ab cd abc abcd", "x_y_zzz"]
    for t in _page_texts()[:60]:
        lines += t.split("\n")
    ctx = make_context([Block(i, t) for i, t in enumerate(lines)], Options(), None, stop, "text")
    for i, line in enumerate(lines):
        assert byline._content_words(line, stop, ctx.word_lists[i]) == byline._content_words(line, stop), line


def test_prose_words_agree_with_the_pattern():
    import re
    from stripper.model import Block

    def old(text, word):
        return re.search(r"(?<![\w.@/])" + re.escape(word) + r"(?![\w@/]|\.\w)", text) is not None

    for t in _page_texts():
        lines = t.split("\n")
        blocks = [Block(i, line) for i, line in enumerate(lines)]
        joined = "\n".join(lines)
        words = set(byline._words(joined.lower())[:300]) | {"arne", "doe", "example", "org", "x", ".", "a.b", ""}
        prose = byline._prose_words(blocks)
        for w in sorted(words):
            assert (w in prose) == old(joined, w), (w, t[:80])


# --- dates ----------------------------------------------------------------------------------

DATE_SAMPLES = ["March 5, 2020", "5März 2020", "5. März 2020", "1ermars 2020", "1er mars 2020", "MÄRZ 5, 2020",
                "Dec. 5th, 2020", "Dec.5, 2020", "aprıl 5, 2020", "APRİL 5, 2020", "ſeptember 5, 2020",
                "5 de marzo de 2020", "Posted 2 May 2022 by Jane", "maybe 2020", "mayo,5 2020", "5 mayo, 2020",
                "05.03.2020", "2020-03-05", "3/25/2020", "2020年3月5日", "Ja 12 2020", "xjan 5 2020", "jan\t5\t2020",
                "JANUARY\u00a05 2020", "Jänner 2020", "12 Jänner\n2020", "Oct 2020 5", "20 ans 1999",
                "x 1/2/2020 1/25/2020", "APRİL 5, 2020 and April 6, 2021", "On 3/4/2020, 3/14/2021", "1/2/2020/25/2020",
                "APRİL 5, 2020APRİL 6, 2021 May 7, 2022"]


def _find_date_every_pattern(text):
    """find_date with every pattern searched (no gate)."""
    from stripper import dates as D
    text = text[:300]
    best = None
    names = D.month_names()
    for pat in D._patterns():
        for m in pat.finditer(text):
            ymd = D.match_date(m, names)
            if ymd is None:
                continue
            y, mo, d = ymd
            if D._valid(y, mo, d) and (best is None or m.start() < best[1]):
                best = (f"{y:04d}-{mo:02d}-{d:02d}", m.start(), m.end())
            break
    return best


def test_find_date_gates_skip_no_date():
    from conftest import DEVSET
    from stripper.dates import find_date, month_names
    texts = list(DATE_SAMPLES)
    for name in month_names():   # every name, in three cases, before each of its followers
        for form in (name, name.upper(), name.capitalize()):
            texts += [f"{form} 5, 2020", f"5 {form} 2020", f"5{form}. 2020", f"{form}-5 2020"]
    for _, data, _ in PAGES:
        texts += data.decode("utf-8", "replace").split("\n")
    for dumps in sorted((DEVSET / "cases").glob("*/dumps"))[::5]:
        path = dumps / "innertext.txt"
        if path.exists():
            texts += path.read_text(encoding="utf-8", errors="replace").split("\n")
    found = 0
    for t in texts:
        expected = _find_date_every_pattern(t)
        assert find_date(t) == expected, t
        found += expected is not None
    assert found > 100


def test_more_words_counts_like_the_words():
    import random
    texts = list(WORD_SAMPLES) + ["", " ", "a", "a b", "a-b c", "...a", "a...", "x " * 25, "x " * 26, "x- " * 26,
                                 " x" * 26, "_" * 3, "é " * 30, "١٢ ٣"]
    for t in _page_texts():
        texts += t.split("\n")
    rng = random.Random(5)
    alphabet = ["a", "Z", "_", "1", " ", "-", ".", "\u00a0", "é", "中", "\n", "'"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(3000)]
    for t in texts:
        for n in (0, 1, 8, 16, 25):
            assert byline._more_words(t, n) == (len(byline._words(t)) > n), (t, n)


def test_tokens_upto_counts_like_the_split_up_to_its_limit():
    import random
    import sys
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    texts = ["", " ", "a", " a ", "a b", "a b ", "a  b\t", "x " * 40, " x" * 40, "\u00a0".join("abc" * 5)]
    for t in _page_texts():
        texts += t.split("\n")
    rng = random.Random(11)
    alphabet = ["a", "Z", "1", "-", ".", "é", "中"] + spaces
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90))) for _ in range(3000)]
    for t in texts:
        for n in (0, 1, 2, 8, 25, 30):
            assert byline._tokens_upto(t, n) == min(len(t.split()), n + 1), (t, n)
    # find_name_line counts up to the larger limit and compares with either
    assert byline.LEAD_BYLINE_MAX_WORDS_DEFAULT >= byline.NAME_LINE_ALONE_MAX_WORDS_DEFAULT


def test_paragraph_like_reads_the_end_as_the_pattern_does():
    import sys
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    texts = ["", " ", "A.", "A. ", "A.\n", "A.\n\n", "A?\u00a0", "A »", "Ends here”\u2003", "A. b", "…", "\"", "x"]
    texts += ["Word." + s for s in spaces] + ["Word" + s for s in spaces]
    for t in _page_texts():
        texts += t.split("\n")
    for t in texts:
        ends = byline.SENTENCE_END_RE.search(t) is not None
        old = ends and (t.rstrip()[-1] in ".…" or len(byline._words(t)) > byline.LEAD_HEADLINE_MAX_WORDS_DEFAULT)
        assert byline._paragraph_like(t) == old, repr(t)


def test_opening_words_answer_as_the_content_word_set():
    stop = frozenset({"the", "and", "und", "der", "abc", "für"})
    texts = _page_texts()
    lines = [line for t in texts for line in t.split("\n")] + ["", "ab", "the and", "x y z", "abc", "abcd abc_d"]
    for k, opening in enumerate(lines + texts):
        words = byline._content_words(opening, stop)
        body = byline._OpeningWords(opening, stop)
        assert bool(body) == bool(words), opening
        asked = set(words) | byline._content_words(lines[(k * 7) % len(lines)], stop) | {"abcd", "harbour", "bridge"}
        for w in sorted(asked - stop):
            assert (w in body) == (w in words), (w, opening[:80])


def test_pruned_title_search_agrees_on_built_pages():
    # The pruned search leaves the repeat evidence open until it decides; pages built from lines
    # that repeat each other, in random order, must get the exhaustive search's title.
    import random
    heads = ["Harbour bridge to close for cars", "Council votes on the harbour bridge", "Bridge", "News",
             "Harbour bridge to close for cars | The Ledger", "Home > News > Harbour bridge to close for cars",
             "Sport", "Weather today", "Council", "The Ledger", "Test Case 1", "Test Case 2", "Related: bridges",
             "Shops ask for a loading zone near the bridge", "Harbour bridge", "HARBOUR BRIDGE TO CLOSE FOR CARS",
             "By Jane Doe", "March 5, 2020", "Read more", "Steel beams rusted faster than expected", "Menu"]
    paras = ["The council voted on Tuesday to close the old harbour bridge to cars from next spring, after "
             "engineers found that the steel beams under the main span had rusted far faster than expected.",
             "Cyclists and pedestrians will still be able to cross, but delivery vans bound for the market "
             "square will have to take the ring road, which adds about fifteen minutes to each trip.",
             "Shop owners on the square said they had not been asked before the vote and would write to the "
             "mayor this week asking for a loading zone near the bridge."]
    rng = random.Random(11)
    for n in range(150):
        top = [rng.choice(heads) for _ in range(rng.randint(1, 12))]
        tail = [rng.choice(heads) for _ in range(rng.randint(0, 6))]
        data = ("\n\n".join(top + paras + tail) + "\n").encode()
        byline.TITLE_DEBUG = []
        try:
            full = _explain(data, "text")
        finally:
            byline.TITLE_DEBUG = None
        pruned = _explain(data, "text")
        if full is None:
            assert pruned is None
            continue
        assert (full.article.title, full.article.subtitle) == (pruned.article.title, pruned.article.subtitle), top


def test_month_trie_matches_as_the_alternation_does():
    # dates._patterns() read the month names as a trie (dates._name_trie); with them as the plain
    # alternation, longest first, every pattern must find the same matches, with the same groups.
    import random
    from stripper import dates as D
    plain, trie = D._compile_patterns(D._name_alternation(D.month_names())), D._patterns()
    assert [p.pattern for p in plain] != [p.pattern for p in trie]
    names = list(D.month_names())
    forms = names + [n.upper() for n in names] + [n.capitalize() + "." for n in names] + [n[:-1] for n in names] \
        + [n + "x" for n in names] + [n.replace("i", "ı").replace("s", "ſ") for n in names]
    days, years = ["5", "05", "31", "3rd", "1er", "5th"], ["2020", "1999", "20201"]
    extras = ["de", "x", "İ", "_", "年", "7", "am", "Mon"]
    seps = [" "] * 8 + [", "] * 3 + ["", ".", ",", ". ", "/", "-", " | ", " de ", "\u00a0", "\n", "  "]
    rng = random.Random(11)
    texts = list(DATE_SAMPLES)
    for _ in range(20000):   # a day, a month name and a year in any order, glued any way
        parts = [rng.choice(days), rng.choice(forms), rng.choice(years)]
        rng.shuffle(parts)
        if rng.random() < 0.5:
            parts.insert(rng.randint(0, 3), rng.choice(extras + forms))
        texts.append("".join(p + rng.choice(seps) for p in parts))
    found = 0
    for t in texts:
        for p, q in zip(plain, trie):
            got = [(m.span(), m.groupdict()) for m in q.finditer(t)]
            assert got == [(m.span(), m.groupdict()) for m in p.finditer(t)], (t, p.pattern[:40])
            found += bool(got)
    assert found > 1000


EXTRA_PAGES = [
    ("Startseite\n\nİSTANBUL İŞ DÜNYASI İÇİN YENİ KURAL\n\nVon Ayşe Yılmaz\n\nİstanbul'da iş dünyası için yeni kural "
     "açıklandı ve şirketler hazırlanıyor. İŞ DÜNYASI bunu bekliyordu.\n\nİkinci paragraf uzun bir metin içerir ve "
     "kural hakkında ayrıntılar verir.\n\n© 2024 İstanbul Haber\n", "text"),
    ("snake_case headline about the new_api release today\n\nBy Jane Doe\n\nThe new_api release today brings "
     "snake_case helpers and the headline feature many wanted.\n\nAnother paragraph about the release and the "
     "helpers, with more words to read.\n", "text"),
    ("ΟΔΟΣ ΚΛΕΙΣΤΗ ΣΤΗΝ ΑΘΗΝΑ ΣΗΜΕΡΑ\n\nΗ οδός κλειστή στην Αθήνα σήμερα λόγω έργων, λένε οι αρχές της πόλης.\n\n"
     "Δεύτερη παράγραφος για την οδό και τα έργα.\n", "text"),
]


@pytest.mark.parametrize("data,kind", [(p[1], p[2]) for p in PAGES] + [(t.encode(), k) for t, k in EXTRA_PAGES])
def test_byline_reads_the_rules_context_as_the_plain_computation(data, kind, monkeypatch):
    # extract with the rules' context (its lowered page, word counts and word lists) finds what
    # it finds without one
    import copy
    from stripper import pipeline
    calls = []
    orig = byline.extract

    def spy(blocks, sel, decisions, language, stop=frozenset(), page=None):
        fast = orig(blocks, sel, decisions, language, stop, page)
        # (copied: the pipeline fills in the dict it gets back)
        calls.append((orig(blocks, sel, decisions, language, stop), copy.deepcopy(fast), page is not None))
        return fast

    monkeypatch.setattr(pipeline.byline, "extract", spy)
    try:
        stripper.strip(data, input_format=kind)
    except Exception:
        pass
    for plain, fast, had_page in calls:
        assert had_page
        assert fast == plain


def test_every_character_but_the_dotted_capital_i_lowers_to_one_of_its_kind():
    # _known_words: a text without "İ" has as many runs of word characters lowered as it has
    import re
    import sys
    word = re.compile(r"\w")
    odd = []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1 or (word.match(c) is None) != (word.match(low) is None):
            odd.append(c)
    assert odd == ["\u0130"]
    assert byline._known_words("İstanbul bridge", 2) is None and byline._known_words("Ölçüm iş gücü", 3) == 3


def test_known_words_and_opening_words_match_the_plain_counts():
    # the context's word counts and word lists stand for _words and the opening's runs only where
    # they agree (an underscore, or a dotted capital I lowering to two characters, would split runs)
    from stripper.model import Block
    from stripper.rules import make_context
    texts = ["Harbour bridge to close", "snake_case helpers ship", "İSTANBUL İŞ DÜNYASI", "Ölçüm: iş_gücü artıyor",
             "ΟΔΟΣ ΚΛΕΙΣΤΗ σήμερα", "plain ascii words here", "a_b c_d", "Straße und Maße"]
    texts += [t for _, data, _ in PAGES[:20] for t in data.decode("utf-8", "replace").split("\n\n")[:30]]
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    for i, t in enumerate(texts):
        known = byline._known_words(t, ctx.nwords[i])
        assert known is None or known == len(byline._words(t)), t
    for at in range(len(texts) - 3):
        opened = list(range(at, at + 4))
        words = byline._opening_words(ctx, opened)
        if words is None:
            continue
        opening = " ".join(texts[k] for k in opened)
        plain = byline._OpeningWords(opening, frozenset())
        asked = set(byline.LONG_WORD_RE.findall(" ".join(texts).lower()))
        for w in asked:
            assert (w in words) == (w in plain), (w, opening[:80])
        read = byline._OpeningWords(opening, frozenset(), words)
        assert bool(read) == bool(plain)
        # held counts the words with one set operation where the opening's runs are known
        for k in range(len(texts)):
            cw = byline._content_words(texts[k], frozenset())
            assert read.held(cw) == plain.held(cw) == sum(1 for w in cw if w in plain), (texts[k], opening[:80])
    assert byline._known_words("snake_case", 2) is None and byline._opening_words(ctx, [1]) is None


def test_title_digit_and_breadcrumb_gates_match_the_plain_tests():
    # _mostly_digits splits and searches a line's words only where the line holds a digit, and the
    # breadcrumb evidence counts the separators only where one of their marks is in the line
    texts = ["", "2020", "12 34 five", "one 2 three four", "Home > News > Story", "a / b | c", "x » y › z",
             "Score: 3-1", "١٢ ٣٤", "²³ up", "|", " > ", "no digits here"]
    texts += [t for _, data, _ in PAGES[:30] for t in data.decode("utf-8", "replace").split("\n")[:60]]
    for text in texts:
        t = text.rstrip()
        toks = t.split()
        plain = (sum(1 for w in toks if DIGIT_RE.search(w)) if DIGIT_RE.search(t) else 0) * 2 >= len(toks)
        assert byline._mostly_digits(t) == plain, t
        counted = sum(t.count(sep) for sep in byline.BREADCRUMB_SEPARATORS)
        assert counted == 0 or byline.BREADCRUMB_MARK_RE.search(t), t


def test_filler_letters_only_shortcut_matches_the_plain_test():
    from stripper.phrases import load_word_set

    def plain(tok):
        core = tok.strip(".,:;()")
        return not core or any(c.isdigit() for c in core) or not any(c.isalpha() for c in core) \
            or core.lower() in load_word_set("not_names")

    toks = ["", ".", "(", "Jane", "jane", "Doe.", "2020", "12:30", "Uhr", "von", "Von", "By", "x²", "²", "Ⅻ", "Ⅻb",
            "İstanbul", "Straße", "São", "٣", "a٣", "Ⓐ", "Jane-Doe", "O'Brien", "and", "AM", "pm", "München,"]
    toks += sorted(load_word_set("not_names"))[:200]
    toks += [w.capitalize() for w in toks] + [w.upper() for w in toks]
    for tok in toks:
        assert byline._filler(tok) == plain(tok), tok


def test_ticker_runs_ask_minutes_ago_only_where_the_age_gate_finds_something(monkeypatch):
    # ticker_runs asks minutes_ago only of the lines age_gate finds something in: with a gate
    # that lets every line through, the runs must be the same, and minutes_ago must be None for
    # every line the gate turns away
    import random
    from stripper import main_content
    from stripper.ago import age_gate, minutes_ago
    from stripper.model import Block
    rng = random.Random(29)
    ages = ["{} minutes ago", "před {} minutami", "il y a {} heures", "vor {} Minuten", "{} hrs ago", "{}\tmin ago",
            "19 photos {} MINUTES AGO", "{} min", "{} minutesago", "hace {} días", "{} dagen geleden", "{}h ago"]
    other = ["A line of plain prose.", "14:32 Other story", "3/5 A slide", "Page 2", "" , "x" * 130 + " 3 minutes ago"]
    pages = []
    for _ in range(400):
        texts = []
        for _ in range(rng.randint(1, 40)):
            if rng.random() < 0.6:
                texts.append(rng.choice(ages).format(rng.choice(["1", "12", "123", "1234", "٣"])))
            else:
                texts.append(rng.choice(other))
        pages.append([Block(i, t) for i, t in enumerate(texts)])
    gate = age_gate()
    for blocks in pages:
        for b in blocks:
            assert gate(b.text) is not None or minutes_ago(b.text) is None, b.text
    gated = [main_content.ticker_runs(blocks) for blocks in pages]
    assert sum(map(len, gated)) > 20
    # (with the words, a line of fewer words than age_min_words, or an ASCII line without a unit
    # among its words, is not searched: the same runs, and the shortest age read on these pages
    # has that many words)
    from stripper.ago import ascii_age_words
    from stripper.language import lower_words
    assert ascii_age_words() is not None
    feats = [main_content.block_features(blocks, frozenset(), False) for blocks in pages]
    assert [main_content.ticker_runs(blocks, 0, f) for blocks, f in zip(pages, feats)] == gated
    from stripper.ago import age_min_words
    assert min(len(lower_words(b.text)) for blocks in pages for b in blocks
               if minutes_ago(b.text) is not None) == age_min_words() == 3
    monkeypatch.setattr(main_content, "age_gate", lambda: lambda text: True)
    for blocks, got in zip(pages, gated):
        assert main_content.ticker_runs(blocks) == got


def _walked_ticker_runs(blocks, start):
    # ticker_runs as it always walks back from start: over blocks until TICKER_GAP of them in a row
    # hold no stamp, then reads every stamp from there on
    from stripper import main_content as M
    quiet = 0
    while start > 0 and quiet < M.TICKER_GAP_DEFAULT:
        start -= 1
        quiet = 0 if M._stamped(blocks[start].text) else quiet + 1
    clock = [(b.index, int(m.group(1)) * 60 + int(m.group(2))) for b in blocks[start:]
             if (m := M.TICKER_TIME_RE.match(b.text))]
    ages = [(b.index, M.minutes_ago(b.text)) for b in blocks[start:]
            if len(b.text) <= M.AGO_MAX_CHARS and M.minutes_ago(b.text) is not None]
    return sorted(M._stamped_runs(clock, len(blocks)) + M._stamped_runs(ages, len(blocks)))


def test_ticker_runs_walk_back_only_when_a_stamp_precedes_the_start():
    # ticker_runs reads the stamps from TICKER_GAP blocks before start and walks back only when one
    # of those blocks is stamped: the runs must be those of the walk taken every time
    import random
    from stripper.main_content import TICKER_GAP_DEFAULT, ticker_runs
    from stripper.model import Block
    rng = random.Random(17)
    pool = ["14:32 Other story", "9h05 Another story", "3 minutes ago", "vor 5 Minuten", "Updated 2 hours ago",
            "A line of plain prose, with no stamp in it at all."]
    walked = 0
    for _ in range(400):
        texts, minute = [], 23 * 60
        for _ in range(rng.randint(1, 25)):
            texts += [pool[-1]] * rng.choice((0, 1, 3, TICKER_GAP_DEFAULT - 1, TICKER_GAP_DEFAULT, TICKER_GAP_DEFAULT + 1))
            minute -= rng.randint(0, 30)
            texts.append(f"{minute // 60}:{minute % 60:02d} News" if rng.random() < 0.5
                         else rng.choice(pool[:-1]) if rng.random() < 0.2 else f"{23 * 60 - minute} minutes ago")
        blocks = [Block(i, t) for i, t in enumerate(texts)]
        for start in range(len(blocks) + 1):
            runs = ticker_runs(blocks, start)
            assert runs == _walked_ticker_runs(blocks, start), (texts, start)
            walked += bool(runs) and min(r[0] for r in runs) < start - TICKER_GAP_DEFAULT
    assert walked > 100   # (runs that begin before the blocks read first: the walk back was taken)


def _old_teaser_tail(blocks, classes, base, first, a, z, stop, cjk):
    from stripper import main_content as M
    from stripper.language import lower_words
    if cjk:
        return z
    kept = {i for i in range(a, z + 1) if (classes[i] == M.GOOD or base[i] == M.NEARGOOD) and i not in first}
    if len(kept) < 2 * M.TEASER_PAIRS_MIN_DEFAULT + 2:
        return z
    topic = None
    pairs, cut, j = 0, z, z
    while j > a + 1:
        while j > a and len(lower_words(blocks[j].text)) <= 2:
            j -= 1
        p, h = j, j - 1
        if p not in kept or h < a or (h in first and first[h].rule_id != "NAV002"):
            break
        pw, hw = lower_words(blocks[p].text), lower_words(blocks[h].text)
        if not (3 <= len(hw) <= M.TEASER_HEADLINE_MAX_WORDS_DEFAULT) or blocks[h].text.rstrip()[-1:] in ".:;," \
                or len(pw) > M.TEASER_SUMMARY_MAX_WORDS_DEFAULT or blocks[p].kind == M.HEADING:
            break
        cw = M._content(blocks[p].text, stop) | M._content(blocks[h].text, stop)
        if cw and topic is None:
            topic = set()
            order = sorted(kept)
            for i in order[: len(order) // 2]:
                if i <= (a + z) // 2:
                    topic |= M._content(blocks[i].text, stop)
        if cw and len(cw & topic) / len(cw) > M.TEASER_OVERLAP_MAX_DEFAULT:
            break
        pairs += 1
        cut = h - 1
        j = h - 1
    return cut if pairs >= M.TEASER_PAIRS_MIN_DEFAULT else z


def test_teaser_tail_counting_the_kept_blocks_last_matches_counting_them_first():
    # teaser_tail counts the span's kept blocks only once pairs enough are found; the cut must
    # be the one found counting them first, on spans of few and of many kept blocks.
    import random
    from stripper import main_content as M
    from stripper.language import stoplist
    from stripper.model import Block, Decision, DROP
    rng = random.Random(17)
    stop = stoplist("en")
    article = ["The council met on Tuesday and approved the plan for the ferry line.",
               "Ferry services to the islands will run twice a day from the harbour.", "Video"]
    heads = ["Markets rally as rates hold steady", "Storm closes mountain roads again", "Artikel",
             "Museum reopens its painting galleries", "Local bakery wins national prize"]
    sums = ["Shares rose after bankers kept borrowing costs unchanged.", "Drivers were told to stay home until snowfall stops.",
            "Visitors queued outside before opening hours.", "The ferry council met again on Tuesday."]
    seen = set()
    for n in range(3000):
        texts = [rng.choice(article) for _ in range(rng.randint(0, 10))]
        for _ in range(rng.randint(0, 6)):
            texts += [rng.choice(heads), rng.choice(sums)]
        size = len(texts)
        if not size:
            continue
        blocks = [Block(i, t) for i, t in enumerate(texts)]
        classes = rng.choices([M.GOOD, M.BAD, M.TAGGED], [12, 1, 1], k=size)
        base = [c if rng.random() < 0.9 else rng.choice([M.NEARGOOD, M.SHORT, M.BAD]) for c in classes]
        first = {i: Decision(rng.choice(["NAV002", "X"]), i, DROP, "") for i in range(size) if rng.random() < 0.03}
        a = rng.randrange(min(size, 3))
        z = rng.randrange(a, size) if rng.random() < 0.2 else size - 1
        got = M.teaser_tail(blocks, classes, base, first, a, z, stop, False)
        assert got == _old_teaser_tail(blocks, classes, base, first, a, z, stop, False)
        seen.add(got < z)
    assert seen == {True, False}


def test_ascii_hint_class_finds_what_the_hint_class_finds_in_ascii_text():
    # code_runs searches an ASCII line with CODE_HINT_ASCII_RE (a class of 0-9, not of every
    # script's digits): in ASCII text both must find a character or neither.
    from stripper.main_content import CODE_HINT_ASCII_RE, CODE_HINT_RE
    texts = [chr(c) for c in range(128)] + CODE_SAMPLES + [p.decode("utf-8", "replace") for _, p, _ in PAGES]
    texts += [line for t in texts for line in t.split("\n")]
    assert any(CODE_HINT_RE.search(t) is None for t in texts if t.isascii())
    for t in texts:
        if t.isascii():
            assert (CODE_HINT_ASCII_RE.search(t) is None) == (CODE_HINT_RE.search(t) is None), t


def test_may_name_is_false_only_where_the_byline_patterns_find_nothing():
    # _may_name reads a line's words (as the rules' context lists them) before the by-word patterns
    # (the words of the patterns, written out: not read off the sets under test)
    words = ("by written words story text reporting von par por di da door av af autor autorin author auteur texte "
             "redaktion posted published geschrieben verfasst").split() + ["written by", "text von", "story by"]
    texts = []
    for w in words:
        for form in (w, w.upper(), w.title(), w.replace("i", "\u0130"), w.replace("i", "\u0131"),
                     w.replace("s", "\u017f"), w.upper().replace("I", "\u0131")):
            for before in ("", " ", "Ein Text ", "News, ", "News|", "News · ", "News •", "a/", "x-", "Posted 2 May "):
                for after in (" Jane Doe", ": Jane Doe", ":Jane", "\tJane", "und Fotos: Jane", " & Bilder: X", " jane",
                              "_Jane Doe", "'s Jane"):
                    texts.append(before + form + after)
    texts += [label + rest for label in ("作者", "责任编辑", "編集", "记者", "記者", "文", "撰文", "编辑")
              for rest in ("张伟", "：张伟", " 李娜")]
    ctx = _with_page_lines(texts)
    named = 0
    for i, t in enumerate(texts):
        ws = ctx.word_lists[i]
        found = byline._names_someone(t) or byline.POSTED_BY_RE.search(t) is not None
        assert byline._may_name(t, ws) or not found, t
        if byline.BY_RUN_WORDS.isdisjoint(ws) and not fold_odd_raw(t):
            assert byline.BY_WORD_RE.search(t) is None, t
        named += found
    assert named > 1000


def test_label_only_read_with_the_words_agrees_with_the_patterns():
    # (the labels written out, not read off the sets under test)
    labels = ("by von par por door text redaktion autor autorin autoren autorinnen author authors auteur auteurs "
              "autore di av af texte written words story reporting").split()
    labels += ["Autor/in", "Autor*in", "Tipps von", "Ein Text von", "Story by", "Text und Fotos", "作者", "编辑"]
    texts = []
    for w in labels:
        for form in (w, w.upper(), w.title(), w.replace("i", "\u0130"), w.replace("i", "\u0131"), w.replace("s", "\u017f")):
            texts += [form, form + ":", " " + form + " : ", "Mehr " + form, form + " Jane", "x" * 20 + " " + form]
    ctx = _with_page_lines(texts)
    labelled = 0
    for i, t in enumerate(texts):
        plain = byline._label_only(t)
        assert byline._label_only(t, ctx.word_lists[i]) == plain, t
        labelled += plain
    assert labelled > 150


def test_title_features_read_with_the_word_lists_match_the_plain_ones():
    # _title_features asks the by-word patterns and folds a neighbour for contains_line only where the
    # context's word lists allow a hit; without them (a _PageKeys with no words) it asks everywhere
    from stripper.model import Block
    from stripper.rules import make_context
    built = ["Home", "News", "Harbour bridge to close", "Harbour bridge to close for repairs next week", "By Jane Doe",
             "Breaking: harbour bridge to close", "bridge to close", "Posted on 2 May 2022 by Jane Doe",
             "Vox Media Harbour bridge to close", "İstanbul bridge news", "İSTANBUL BRIDGE", "Ein Text von Jane Doe",
             "ΟΔΟΣ ΚΛΕΙΣΤΗ σήμερα", "οδος κλειστη", "Test Case 1", "Test Case 2", "snake_case bridge to close"]
    pages = [built]
    for t in _page_texts()[:40]:
        pages.append([line for line in t.split("\n") if line.strip()][:120])
    stop = frozenset({"the", "to", "and", "der", "die"})
    fired = 0
    for lines in pages:
        blocks = [Block(i, t) for i, t in enumerate(lines)]
        ctx = make_context(blocks, Options(), None, stop, "text")
        with_words = byline._PageKeys(blocks, ctx._lowered(), ctx.word_lists)
        plain = byline._PageKeys(blocks)
        body = byline._OpeningWords(" ".join(lines[-4:]), stop)
        end = len(blocks)
        for i, b in enumerate(blocks):
            if len(b.text) > 250:
                continue
            args = (blocks, i, end, end, body, " ".join(lines[-4:]), False, stop, set(), set(), frozenset(), {end - 1})
            f = byline._title_features(*args, with_words, len(byline._words(b.text)))
            assert f == byline._title_features(*args, plain, len(byline._words(b.text))), b.text
            fired += bool(f and ("contains_line" in f or "byline_like" in f))
    assert fired > 20


def test_name_in_line_finds_nobody_on_fewer_tokens_than_the_minimum():
    # find_name_line and find_closing_name skip lines of fewer than NAME_LINE_MIN_TOKENS tokens
    texts, words, stop = _name_line_cases(
        ["Jane Doe", "Jane", "Jane,Doe", "Jane|Doe", "Jane05.03.2020Doe", "Jane·Doe", "Von:Jane", "JaneDoe",
         "Jane\u00a0Doe", "Jane\tDoe", "Dr.Jane", "Jane 5 min ago", "By Jane", "JANE DOE", "Jane-Doe"],
        ["Jane", "Doe", "Anna", "Weber", "von", "By", " ", "|", ",", "-", "2020", "05.03.2020", "\u00a0", "Mai",
         "am", "·", "•", "/", "und", "Dr.", "5 min ago", "\t", "X", "Apr 16, 2015", "–", ":"], seed=7)
    found = []
    for t in texts:
        for pw in (None, words):
            if byline.name_in_line(t, stop, pw):
                found.append(t)
    assert len(found) > 300
    assert min(len(t.split()) for t in found) == byline.NAME_LINE_MIN_TOKENS == 2


def test_ascii_age_words_only_when_ascii_text_lowers_to_the_units(monkeypatch):
    # The unit gate holds when every ASCII character that matches a unit's letter case-insensitively
    # lowers to that letter: a unit with a dotless i ("ı", which "i" and "I" match) or a long s
    # ("ſ", which "s" and "S" match) would let an ASCII line state an age with none of the units
    # among its words.
    from stripper import ago
    table = ago._table()
    for units, want in (({"min": 1, "día": 1440}, True), ({"dakıka": 1}, False), ({"ſec": 1}, False)):
        monkeypatch.setattr(ago, "_table", lambda units=units: (table[0], units, table[2], table[3]))
        got = ago.ascii_age_words.__wrapped__()
        assert (got == frozenset(units)) if want else got is None


def test_integer_weights_choose_the_span_float_weights_do():
    # block_features gives a block's word count as its weight, an integer: the span choice adds
    # weights, halves of them and fixed costs, all held exactly by floats, so the scores and the
    # span are those of the same weights as floats
    from stripper import main_content as M
    from stripper.language import stoplist
    stop = stoplist("en")
    spans = 0
    for blocks in _feature_pages():
        feats = M.block_features(blocks, stop, False, Options().length_low)
        assert all(type(w) is int for w in feats.weight)
        base = M.classify_blocks(blocks, {}, feats, False, Options())
        classes = M.revise_classes(base, feats.sentence_like)
        floats = list(map(float, feats.weight))
        for ends in ({}, {len(blocks) // 2: "CMT"}, {len(blocks) // 3: "REL"}):
            assert M._scores(classes, base, feats.weight) == M._scores(classes, base, floats)
            span = M.choose_span(classes, base, ends, feats.weight)
            assert span == M.choose_span(classes, base, ends, floats)
            spans += span[0] >= 0
    assert spans > 100


def test_name_split_lookahead_changes_no_split():
    """NAME_SPLIT_RE opens with a lookahead for a separator's first character: it splits every
    text as the pattern without it does (names joined by each separator in every case, odd
    white space and letters IGNORECASE reads as others)."""
    import random
    import re
    plain = re.compile(byline.NAME_SPLIT_RE.pattern.removeprefix(byline.NAME_SPLIT_AHEAD), byline.NAME_SPLIT_RE.flags)
    assert plain.pattern != byline.NAME_SPLIT_RE.pattern
    seps = [",", ";", "|", "/", "&", "and", "und", "et", "y", "e", "en", "och", "og", "i", "or", "und/oder", "&amp;", "·"]
    seps += [s.upper() for s in seps] + [s.title() for s in seps] + ["ANd", "ſ", "Y", "É", "ö", "\u0130"]
    names = ["Jane Doe", "John", "Anna-Maria", "Yves", "Olaf", "Eve", "Ursula von der Leyen", "Émile", "Øystein",
             "Andrea", "Undine", "Etta", "Enno", "Ogden", "Ochs", "x_y", "d'Arc", "Ana e Ivo", "ʻOla"]
    glue = ["", " ", "  ", "\t", "\u00a0", "\u2003", "\n"]
    rnd = random.Random(11)
    texts = []
    for _ in range(20000):
        parts = [rnd.choice(names)]
        for _ in range(rnd.randint(0, 4)):
            parts += [rnd.choice(glue) + rnd.choice(seps) + rnd.choice(glue), rnd.choice(names)]
        texts.append("".join(parts))
    split = 0
    for text in texts:
        got = byline.NAME_SPLIT_RE.split(text)
        assert got == plain.split(text), text
        split += len(got) > 1
    assert split > 10000


def _name_line_cases(texts: list[str], pieces: list[str], seed: int):
    """Lines for the name-line tests: the given ones, every line of the sample pages and 30,000
    random joins of the pieces; with the prose words of a page of the first 2,000 of them and a
    small stoplist."""
    import random
    from stripper.model import Block
    texts = list(texts)
    for t in _page_texts():
        texts += t.split("\n")
    rng = random.Random(seed)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))) for _ in range(30000)]
    blocks = [Block(i, t) for i, t in enumerate(texts[:2000])]
    return texts, byline._prose_words(blocks), frozenset({"und", "am", "von"})


def test_name_in_line_finds_nobody_on_fewer_capitals_than_the_minimum():
    # name_in_line answers None, without reading the line further, where it holds fewer than
    # NAME_LINE_MIN_CAPITALS capitals: it must answer as _names_on_line does on every line
    texts, words, stop = _name_line_cases(
        ["Jane Doe", "Jane doe", "jane Doe", "JANE", "Jane", "J D", "J. D.", "Dan Goodin - Apr 16, 2015", "05.03.2020 Jane Doe",
         "von jane doe", "Ǆane Ǆoe", "ǅane ǅoe", "Ärzte Ölmann", "Ärzte ölmann", "张伟 李娜", "Ⓐnna Ⓦeber", "ʻOla Ⅸ"],
        ["Jane", "Doe", "jane", "doe", "Anna", "weber", "von", "By", " ", "|", ",", "-", "2020", "05.03.2020",
         "\u00a0", "Mai", "am", "·", "/", "und", "Dr.", "5 min ago", "X", "Apr 16, 2015", "ǅ", "Ö", "ö", "Ⅸ", ":"], seed=9)
    found = []
    for t in texts:
        for pw in (None, words):
            got = byline._names_on_line(t, stop, pw)
            assert byline.name_in_line(t, stop, pw) == got, t
            if got:
                found.append(t)
    assert len(found) > 300
    assert min(sum(map(str.isupper, t)) for t in found) == byline.NAME_LINE_MIN_CAPITALS == 2


def test_code_runs_read_near_code_lines_match_the_line_by_line_pass():
    # _code_run_lines reads only the CODE_TOKEN_RUN_MAX lines before each code-like line
    # (_row_windows): code lines far apart, with stretches of tokens, prose and other lines around
    # the token limit between them, must give the runs of the walk over every line.
    import random
    from stripper.main_content import CODE_TOKEN_RUN_MAX_DEFAULT, block_features, code_runs
    from stripper.model import Block, Decision, DROP, HEADING, PARA
    rng = random.Random(13)
    code = ["x = compute(a, b);", "}", "print(total)", "  return value;", "Kay Schenk 27 7.1%", "if (a == b) {"]
    tokens = ["FROM", "avg", "SELECT a, b", "x", "{}"]
    prose = ["This is a sentence that ends like prose does.", "a longer line of words that is no token and no code"]
    limit = CODE_TOKEN_RUN_MAX_DEFAULT
    seen_gap = 0
    for n in range(400):
        texts: list[str] = []
        for _ in range(rng.randint(1, 12)):
            texts += [rng.choice(code) for _ in range(rng.choice((1, 1, 2, 3, 4)))]
            gap = rng.choice((0, 1, limit - 1, limit, limit + 1, limit + 2, limit + 3, 2 * limit + 2))
            seen_gap += gap > limit + 1
            texts += [rng.choice(tokens) if rng.random() < 0.85 else rng.choice(prose) for _ in range(gap)]
        blocks = [Block(i, t, HEADING if rng.random() < 0.03 else PARA) for i, t in enumerate(texts)]
        first = {i: Decision(rng.choice(("DUP001", "NAV001")), i, DROP, "") for i in range(len(blocks))
                 if rng.random() < 0.05}
        feats = block_features(blocks, frozenset(), False)
        assert code_runs(blocks, first, feats) == _old_code_runs(blocks, first, feats), texts
    assert seen_gap > 100


def test_stamps_skip_only_lines_whose_words_hold_no_unit():
    # _stamps, given the words, searches a line for an age only where its words hold a unit
    # (ago.age_words) or it holds one of ago.AGE_ODD_CHARS, whose unit the stamp pattern reads
    # and the words do not show: the ages found are those minutes_ago finds on every line
    import random
    from stripper import main_content
    from stripper.ago import AGO_MAX_CHARS, minutes_ago
    from stripper.model import Block
    rng = random.Random(11)
    ages = ["Updated {} hours ago", "vor {} Minuten", "{} mins ago · Évora", "Publié il y a {} minutes",
            "Updated {} hourſ ago", "{} mİns ago — live", "{} mıns ago", "“{} MINUTES AGO”", "{} дней назад"]
    other = ["Réponse à l’article", "Les dernières nouvelles du jour", "Weather — 5° sunny today",
             "Hours of fun: ſome café", "Mins and maxes of İstanbul", "Menu", "3 things to know"]
    for _ in range(60):
        texts = [rng.choice(ages).format(rng.choice(["1", "12", "45"])) if rng.random() < 0.5
                 else rng.choice(other) for _ in range(rng.randint(3, 30))]
        blocks = [Block(i, t) for i, t in enumerate(texts)]
        feats = main_content.block_features(blocks, frozenset(), False)
        want = [(i, minutes_ago(t)) for i, t in enumerate(texts)
                if len(t) <= AGO_MAX_CHARS and minutes_ago(t) is not None]
        assert main_content._stamps(blocks, 0, feats)[1] == want, texts
    assert minutes_ago("Updated 5 hourſ ago") == 300 and minutes_ago("3 mİns ago") == 3
