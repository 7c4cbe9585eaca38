"""The rules' dispatch plan and the page-bound phrase lists never change a verdict."""
from pathlib import Path

import pytest

from stripper.language import guess_language, stoplist
from stripper.options import Options
from stripper.phrases import load_phrases, phrase_names
from stripper.rules import BoundPhrases, _plan, all_rules, make_context
from stripper.segment.text import segment_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_plan_steps_follow_registry_order_and_limits():
    rules = all_rules()
    plan = _plan((), ())
    for chars, words in ((5, 1), (60, 9), (400, 70), (5000, 900)):
        steps = [r for r, _ in plan.steps(chars, words, frozenset())]
        expected = [r for r in rules if not r.gated
                    and (r.max_chars is None or chars <= r.max_chars)
                    and (r.max_words is None or words <= r.max_words)]
        assert steps == expected, (chars, words)
    gated = frozenset(i for i, r in enumerate(rules) if r.gated)
    assert gated, "no gated rule to open"
    steps = [r for r, _ in plan.steps(5, 1, gated)]
    assert steps == [r for r in rules if (r.max_chars is None or 5 <= r.max_chars)
                     and (r.max_words is None or 1 <= r.max_words)]


def test_plan_limits_are_inclusive_at_every_cut():
    """A block exactly at a rule's limit runs it, one over does not."""
    rules = all_rules()
    plan = _plan((), ())
    for r in rules:
        if r.gated:
            continue
        if r.max_chars is not None:
            assert r in [s for s, _ in plan.steps(r.max_chars, 1, frozenset())]
            assert r not in [s for s, _ in plan.steps(r.max_chars + 1, 1, frozenset())]
        if r.max_words is not None:
            assert r in [s for s, _ in plan.steps(1, r.max_words, frozenset())]
            assert r not in [s for s, _ in plan.steps(1, r.max_words + 1, frozenset())]


def test_plan_limit_rows_are_the_size_classes():
    """limit_rows, read as apply_rules and limits_mask read it, gives each size the mask of its
    class (the rules whose limits it is within), below, at and past every cut."""
    from bisect import bisect_left
    plan = _plan((), ())
    rules = all_rules()
    for chars in range(plan.char_cuts[-1] + 40):
        for words in list(range(plan.word_cuts[-1] + 40)) + [10 ** 6]:
            expected = plan.class_masks[bisect_left(plan.char_cuts, chars)][bisect_left(plan.word_cuts, words)]
            assert plan.limits_mask(chars, words) == expected, (chars, words)
    for chars, words in ((0, 0), (1, 1), (10 ** 6, 10 ** 6)):
        assert plan.limits_mask(chars, words) == sum(
            1 << i for i, r in enumerate(rules) if (r.max_chars is None or chars <= r.max_chars)
            and (r.max_words is None or words <= r.max_words))


def _fixture_pages():
    for path in sorted(FIXTURES.glob("*/source.txt")) + sorted(FIXTURES.glob("*/source.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lang = guess_language(text)
        stop = stoplist(lang) if lang else frozenset()
        yield path.parent.name, segment_text(text, stop), lang, stop


@pytest.mark.parametrize("name", phrase_names())
def test_bound_phrases_answer_as_the_list_does(name):
    m = load_phrases(name)
    checked = 0
    for _case, blocks, lang, stop in _fixture_pages():
        ctx = make_context(blocks, Options(), lang, stop, "text")
        bound = ctx.phrases(name)
        assert isinstance(bound, BoundPhrases)
        for b in blocks:
            for text in (b.text, b.text[-60:], b.text.upper()):
                assert bound.find(text) == m.find(text), (name, text)
                assert bound.search(text) == m.search(text)
                assert bound.whole(text) == m.whole(text)
                assert bound.count(text) == m.count(text)
                checked += 1
    assert checked > 100


def test_rule_order_does_not_depend_on_import_order():
    """Importing the rule families in another order (as a user's code or a test may) leaves the
    order rules run in, and so every verdict, unchanged."""
    import subprocess
    import sys
    code = ("import importlib, sys\n"
            "for fam in sys.argv[1:]: importlib.import_module('stripper.rules.' + fam)\n"
            "from stripper.rules import all_rules\n"
            "print(' '.join(r.id for r in all_rules()))\n")
    families = ["server", "footer", "navigation", "share", "consent", "sponsored", "paywall", "icons", "byline"]
    runs = [subprocess.run([sys.executable, "-c", code, *fams], capture_output=True, text=True, check=True).stdout
            for fams in ([], families, sorted(families))]
    assert runs[0] and runs[0] == runs[1] == runs[2]
    assert runs[0].split()[0].startswith("BYL")


def test_apply_rules_answers_as_every_rule_called_on_every_block():
    """Plan, gates and the answers a repeated block takes from its first occurrence change no
    verdict: the first rule, in order, that fires on the block within its limits decides, as if
    each were asked."""
    from stripper.model import Decision
    from stripper.rules import apply_rules
    rules = all_rules()
    for case, blocks, lang, stop in _fixture_pages():
        ctx = make_context(blocks, Options(), lang, stop, "text")
        expected = []
        for b in blocks:
            for r in rules:
                if (r.max_chars is not None and len(b.text) > r.max_chars) \
                        or (r.max_words is not None and ctx.words(b) > r.max_words):
                    continue   # (a declared limit: the rule leaves such blocks to the others)
                reason = r.func(b, ctx)
                if reason:
                    expected.append(Decision(r.id, b.index, r.action, reason[:80], r.label))
                    break
        assert apply_rules(blocks, ctx) == expected, case


def test_rules_reading_other_blocks_say_so():
    """A rule not flagged context=True has its verdict on a repeated block taken from the first
    occurrence (apply_rules): it must read only its own block."""
    import inspect
    for r in all_rules():
        src = inspect.getsource(r.func)
        reads_page = any(s in src for s in ("ctx.blocks", "neighbour(", "block.index -", "block.index +",
                                            "about_heading(", "role_led_bio(", "signed_name_bio("))
        assert r.context or not reads_page, r.id
