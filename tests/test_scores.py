"""Unit tests of the devset scores and the C4 line-rule baseline (scripts/devset_scores.py),
on small hand-made inputs with hand-computed expected values. No devset needed."""
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "scripts" / "devset_scores.py"
_spec = importlib.util.spec_from_file_location("devset_scores", _PATH)
ds = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("devset_scores", ds)
_spec.loader.exec_module(ds)


# --- body: shingles ------------------------------------------------------------------------

def test_shingles_are_4_token_multisets_of_word_matches():
    assert ds.shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert ds.shingles("x x x x x") == Counter({("x", "x", "x", "x"): 2})
    assert ds.shingles("only three words") == Counter()
    assert ds.shingles("") == Counter()


def test_shingles_ignore_punctuation_and_keep_unicode_words():
    assert ds.shingles("Größe, ändert; sich — schnell!") == Counter({("Größe", "ändert", "sich", "schnell"): 1})


def test_body_page_counts():
    # output: (one two three four) (two three four five)
    # gold:   (one two three four) (two three four six) (three four six seven)
    page = ds.body_page("one two three four five", "one two three four six seven")
    assert (page.tp, page.fp, page.fn) == (1, 1, 2)
    assert page.precision == 0.5
    assert page.recall == pytest.approx(1 / 3)
    assert page.f1 == pytest.approx(0.4)


def test_body_page_multiset_overlap_and_pre_shingled_gold():
    page = ds.body_page("x x x x x", ds.shingles("x x x x"))
    assert (page.tp, page.fp, page.fn) == (1, 1, 0)


def test_body_page_edge_conventions():
    both_empty = ds.body_page("", "")
    assert (both_empty.precision, both_empty.recall) == (1.0, 1.0)
    no_output = ds.body_page("", "one two three four")
    assert no_output.precision is None and no_output.recall == 0.0
    short_gold = ds.body_page("one two three four", "one two")
    assert short_gold.precision == 0.0 and short_gold.recall == 1.0


def test_body_prf_means_skip_pages_without_output_from_precision():
    pages = [ds.BodyPage(1, 1, 2),   # P 1/2, R 1/3
             ds.BodyPage(0, 0, 3),   # P skipped, R 0
             ds.BodyPage(0, 0, 0)]   # P 1, R 1
    p, r, f = ds.body_prf(pages)
    assert p == pytest.approx(0.75)
    assert r == pytest.approx(4 / 9)
    assert f == pytest.approx(24 / 43)
    assert ds.body_prf([]) == (0.0, 0.0, 0.0)


# --- snippets ------------------------------------------------------------------------------

def test_snippet_page_normalises_whitespace_and_keeps_case():
    out = "Hello   world.\nThis is\tit."
    page = ds.snippet_page(out, ["Hello world.", "world. This  is", "missing one", "hello world."],
                           ["This is it.", "nope"])
    assert (page.tp, page.fp, page.fn) == (2, 1, 2)
    assert page.missing == ("missing one", "hello world.")
    assert page.found_without == ("This is it.",)


def test_snippet_prf_sums_counts_before_dividing():
    p, r, f = ds.snippet_prf([ds.SnippetPage(2, 1, 1), ds.SnippetPage(1, 0, 1)])
    assert (p, r) == (0.75, 0.6)
    assert f == pytest.approx(2 / 3)
    assert ds.snippet_prf([ds.SnippetPage(0, 0, 2)]) == (0.0, 0.0, 0.0)


# --- metadata ------------------------------------------------------------------------------

def test_norm_title():
    assert ds.norm_title("Get your Frontend JavaScript Code Covered | Code") == \
        "get your frontend javascript code covered code"
    assert ds.norm_title("  Yahoo’s Sale:\tA  “Deal”  ") == "yahoo s sale a deal"
    assert ds.norm_title(None) == ""


def test_norm_authors_strips_by_and_splits():
    assert ds.norm_authors("By Sarah Hinger; Sylvia Torres-Guillén") == {"sarah hinger", "sylvia torres guillén"}
    assert ds.norm_authors(["Sarah Hinger", "Sylvia Torres-Guillén"]) == {"sarah hinger", "sylvia torres guillén"}
    assert ds.norm_authors("Par Sébastien Farcis") == {"sébastien farcis"}
    assert ds.norm_authors("von Anna Muster und Max Mann") == {"anna muster", "max mann"}
    assert ds.norm_authors("Tom and Jerry & Spike / Tyke | Butch, Nibbles") == \
        {"tom", "jerry", "spike", "tyke", "butch", "nibbles"}
    # the split words are whole words only; "By" only at the start
    assert ds.norm_authors("Anderson Etienne, Abby Byrne") == {"anderson etienne", "abby byrne"}
    assert ds.norm_authors(None) == frozenset() and ds.norm_authors([]) == frozenset()


def test_norm_date_takes_first_iso_day():
    assert ds.norm_date("2015-09-17T16:57:43+01:00") == "2015-09-17"
    assert ds.norm_date("updated 2020-01-02, first 2019-12-31") == "2020-01-02"
    assert ds.norm_date("17 Sept 2015") == ""


def test_meta_outcome():
    assert ds.meta_outcome("title", "The Title!", "the title") == ds.HIT
    assert ds.meta_outcome("title", "Other", "the title") == ds.MISS
    assert ds.meta_outcome("title", None, "the title") == ds.MISS
    assert ds.meta_outcome("title", "Anything", None) == ds.UNSCORED
    assert ds.meta_outcome("author", ["Jerry", "Tom"], "By Tom and Jerry") == ds.HIT
    assert ds.meta_outcome("author", ["Tom"], "By Tom and Jerry") == ds.MISS
    assert ds.meta_outcome("author", ["Tom"], "") == ds.FALSE_POS
    assert ds.meta_outcome("author", [], "") == ds.TRUE_NEG
    assert ds.meta_outcome("author", "", "") == ds.TRUE_NEG
    assert ds.meta_outcome("date", "2022-02-04T10:00:00Z", "2022-02-04") == ds.HIT
    assert ds.meta_outcome("date", "2022-02-05", "2022-02-04") == ds.MISS
    assert ds.meta_outcome("date", "2022-02-05", "") == ds.FALSE_POS
    assert ds.meta_outcome("date", None, "") == ds.TRUE_NEG


def test_meta_tally():
    t = ds.MetaTally()
    for outcome in (ds.HIT, ds.HIT, ds.MISS, ds.UNSCORED, ds.FALSE_POS, ds.TRUE_NEG, ds.TRUE_NEG, ds.TRUE_NEG):
        t.add("author", outcome)
    assert t.accuracy("author") == pytest.approx(2 / 3)
    assert t.fp_rate("author") == 0.25
    assert t.accuracy("title") is None and t.fp_rate("date") is None


# --- C4 line rules -------------------------------------------------------------------------

C4_PAGE = "\n".join([
    "Home",
    "This is a proper sentence with many words.",
    "Short one.",
    "Please enable JavaScript to view the comments.",
    "We use cookies, see our privacy policy for details.",
    "Lorem ipsum dolor sit amet, consectetur.",
    "A line without an end mark at all here",
    "And then we wait for it...",
    "  She said “it works for me.”  ",
    "A cited claim is true.[1]",
    "Another good line ends here! And more text follows?",
])
C4_KEPT = ["This is a proper sentence with many words.", "She said “it works for me.”",
           "A cited claim is true.", "Another good line ends here! And more text follows?"]


def test_c4_line_rules():
    assert ds.c4_lines(C4_PAGE) == "\n".join(C4_KEPT)


def test_c4_sentence_minimum_discards_the_page():
    assert sum(ds.count_sentences(line) for line in C4_KEPT) == 5
    fewer = C4_PAGE.replace("A cited claim is true.[1]", "")
    assert ds.c4_lines(fewer) == ""
    assert ds.c4_lines(fewer, page_rules=False) == "\n".join(k for k in C4_KEPT if "cited" not in k)
    assert ds.c4_lines(fewer, min_sentences=4) == "\n".join(k for k in C4_KEPT if "cited" not in k)


def test_c4_curly_bracket_discards_the_page_only_with_page_rules():
    page = C4_PAGE + "\nThe function f(x) { returns } nothing today."
    assert ds.c4_lines(page) == ""
    assert ds.c4_lines(page, page_rules=False).endswith("\nThe function f(x) { returns } nothing today.")


def test_c4_min_words_and_end_marks():
    text = "Four words end here.\nFive words do end here."
    assert ds.c4_lines(text, page_rules=False) == text
    assert ds.c4_lines(text, page_rules=False, min_words=5) == "Five words do end here."
    quoted = "He said it was 'fine'\nShe wrote « c'est fini »"
    assert ds.c4_lines(quoted, page_rules=False) == quoted
    assert ds.c4_lines(quoted, page_rules=False, end_marks=(".", "?", "!", '"')) == ""
