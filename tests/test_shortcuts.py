"""The selection and byline stages take shortcuts (bounds, page-level searches, lazy folding);
each must give what the plain computation gives. Checked on every fixture page and on pages
built to hit the edge cases."""
import pytest

import stripper
from stripper import byline
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
