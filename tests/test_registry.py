"""The rule registry and the phrase lists (ruff's registry checks, sqlite-utils test_docs style)."""
import importlib
import re
from importlib import resources
from pathlib import Path

import pytest

from stripper.model import DEMOTE, DROP, END, TAG
from stripper.phrases import PLACEHOLDERS, load_phrases, normalize_block, phrase_names
from stripper.rules import ID_RE, all_rules

RULE_TESTS = Path(__file__).resolve().parent / "rules"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SAMPLES = {"{n}": "3", "{word}": "acme", "{price}": "$5"}
RULES = all_rules()


def _rule_test_modules():
    for path in sorted(RULE_TESTS.glob("test_*.py")):
        yield path.name, importlib.import_module(f"rules.{path.stem}")


def test_ids_are_unique_and_well_formed():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(ID_RE.match(i) and re.match(r"^[A-Z]{3}\d{3}$", i) for i in ids), ids


def test_slugs_are_unique_kebab_case():
    slugs = [r.slug for r in RULES]
    assert len(slugs) == len(set(slugs))
    bad = [s for s in slugs if not SLUG_RE.match(s)]
    assert not bad, bad


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_docstring_has_summary_why_and_example(rule):
    doc = rule.doc
    assert doc, f"{rule.id} has no docstring"
    summary = rule.summary
    assert 10 <= len(summary) <= 120 and summary[0].isupper(), summary
    rest = doc[len(summary):]
    assert "Why:" in rest, f"{rule.id}: no 'Why:' after the summary"
    assert "Example" in doc, f"{rule.id}: no example"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_action_label_and_phrases(rule):
    assert rule.action in (DROP, DEMOTE, TAG, END)
    if rule.action == TAG:
        assert rule.label in ("caption", "byline", "bio", "date", "section", "title", "subtitle")
    if rule.phrases:
        assert rule.phrases in phrase_names()
        assert load_phrases(rule.phrases).entries > 0


def _entries(name):
    text = (resources.files("stripper") / "data" / "phrases" / f"{name}.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]


NORMALISED_DUPLICATE: dict[str, str] = {}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(reason=f"{NORMALISED_DUPLICATE[n]} are one entry once normalised",
                                            strict=True)) if n in NORMALISED_DUPLICATE else n
    for n in phrase_names()])
def test_phrase_file_loads_without_duplicates(name):
    m = load_phrases(name)
    entries = _entries(name)
    assert m.entries == len(entries) > 0
    keys = [(e[0] == "=", normalize_block(e.lstrip("=")) if not e.startswith(("re:", "=re:")) else e) for e in entries]
    dups = sorted({k[1] for k in keys if keys.count(k) > 1})
    assert not dups, f"{name}: duplicate entries {dups}"


@pytest.mark.parametrize("name", phrase_names())
def test_every_literal_entry_matches_its_own_example(name):
    """Each plain or '=' entry, with its placeholders filled in, is found by its own list."""
    m = load_phrases(name)
    missed = []
    for e in _entries(name):
        if e.startswith(("re:", "=re:")):
            continue
        sample = e.lstrip("=")
        for k, v in SAMPLES.items():
            sample = sample.replace(k, v)
        found = m.whole(sample) if e.startswith("=") else m.search(sample)
        if not found:
            missed.append(e)
    assert not missed, f"{name}: entries that do not match their own text: {missed}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.gated], ids=lambda r: r.id)
def test_gated_rule_fires_past_its_gate(rule):
    """A gated rule is skipped on blocks holding none of its list's gate words: each entry, as
    its own block, in any case and wrapped in markdown emphasis, that the list matches must hold
    one of them."""
    from stripper.rules import WORD_RE
    m = load_phrases(rule.phrases)
    assert m.gate_words, f"{rule.id}: gated, but its list {rule.phrases!r} has regular expressions"
    closed = []
    for e in _entries(rule.phrases):
        sample = e.lstrip("=")
        for k, v in SAMPLES.items():
            sample = sample.replace(k, v)
        for variant in (sample, sample.upper(), sample.title(), f"_{sample}_", f"**{sample}**"):
            found = m.whole(variant) if e.startswith("=") else m.search(variant)
            if found and m.gate_words.isdisjoint(WORD_RE.findall(variant.lower())):
                closed.append(variant)
    assert not closed, f"{rule.id}: entries the gate would skip: {closed}"


def test_placeholders_are_known():
    assert set(SAMPLES) == set(PLACEHOLDERS)


def test_every_rule_fires_in_a_unit_test():
    """Every rule id has at least one passing `Fires` case in tests/rules (xfail params do not count)."""
    modules = list(_rule_test_modules())
    from rules.rulecheck import Fires, check
    covered = {}
    for fname, mod in modules:
        for case in getattr(mod, "CASES", []):
            if isinstance(case, Fires):
                check(case)
                covered.setdefault(case.rule_id, fname)
    missing = sorted(r.id for r in RULES if r.id not in covered)
    assert not missing, f"rules with no unit test that fires them: {missing}"
    unknown = sorted(set(covered) - {r.id for r in RULES})
    assert not unknown, f"cases name rules that do not exist: {unknown}"
