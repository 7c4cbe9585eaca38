"""The cheap skips in front of phrase lists and rules never change a verdict."""
from pathlib import Path

import pytest

from stripper.phrases import Matcher, _fold, load_phrases, phrase_names, regex_needles
from stripper.rules import _plan, all_rules

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("patterns, needles", [
    ([r"copyright \d{4}"], ("copyright ",)),
    ([r"(?:©|\(c\))\s*\d"], ("©", "(c)")),
    ([r"\b(?:photo|image)s?\s*:"], ("image", "photo")),
    ([r"(?:ab)?cd", r"x*yz"], ("cd", "yz")),            # optional parts and starred ones name nothing
    ([r"(?:foo|bar)+baz"], ("baz",)),                    # the longest shortest string wins
    ([r"(?:photo|photograph)"], ("photo",)),             # a needle holding another adds nothing
    ([r"[abc]def", r"q{0,3}"], None),                     # one pattern that needs no string: no skip
    ([r"(?-i:ABC)d"], ("abc",)),                         # case-sensitive parts fold too (a wider test)
])
def test_needles_of_patterns(patterns, needles):
    assert regex_needles(patterns) == needles


@pytest.mark.parametrize("text", [
    "COPYRİGHT 2020 Acme",   # capital I with dot above: its simple lowercase is "i"
    "copyrıght 2020 Acme",   # dotless i: the re module's case classes pair it with "i"
    "COPYRIGHT 2020 Acme",
    "Copyright 2020 Acme",
    "copyright 2020 ACME",
])
def test_case_classes_pass_the_prefilter(text):
    m = Matcher("t", [r"re:copyright\s*\d{4}"])
    assert m._anywhere.search(text), text
    assert m.find(text) is not None


def test_long_s_and_kelvin_sign_fold_like_the_re_module():
    for pattern, text in ((r"strasse", "ſtraſſe"), (r"kelvin", "\u212aelvin")):
        m = Matcher("t", [f"re:{pattern}"])
        assert m._anywhere.search(text) and m.find(text), text
    assert _fold("\u212aELVIN") == "kelvin"


def test_text_without_a_needle_skips_the_search():
    m = load_phrases("footer")
    assert m._needles is not None
    assert not m._regex_may_hit("Privacy Policy and Terms")
    assert m._regex_may_hit("© 2024 Acme Media")


def _sample_texts():
    """Every line of every fixture source, plus the lines that carry a needle in any case."""
    texts = []
    for path in sorted(FIXTURES.glob("*/source.*")):
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            continue
        text = raw.decode("utf-8", "replace")
        texts += [ln for ln in text.splitlines() if ln.strip()]
    return texts


@pytest.mark.parametrize("name", [n for n in phrase_names() if load_phrases(n)._needles is not None])
def test_prefilter_never_hides_a_match(name):
    m = load_phrases(name)
    texts = _sample_texts()
    texts += [t.upper() for t in texts] + [t.title() for t in texts]
    missed = [t for t in texts if m._anywhere.search(t) and not m._regex_may_hit(t)]
    assert not missed, missed[:5]
    hits = sum(1 for t in texts if m._anywhere.search(t))
    skipped = sum(1 for t in texts if not m._regex_may_hit(t))
    assert skipped > 0 or hits == len(texts)   # the prefilter does skip text


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
    assert [rules.index(r) for r in steps] == sorted(rules.index(r) for r in steps)


def test_a_list_with_a_pattern_needing_no_string_is_never_skipped():
    m = Matcher("t", [r"re:\w+ends", r"re:[0-9]+"])
    assert m._needles is None and m._regex_may_hit("no needle here")
    assert m.find("42") == ("42", 0)
