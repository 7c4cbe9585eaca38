"""Shared helper for the rule unit tests (jusText's `_paragraph()`, datatrove's `check_filter`).

A case is one block of text, optionally with the blocks around it on the same page. The case
runs through the real registry (`apply_rules`, first rule that fires decides), so a test
asserts the id that actually wins, not just that some function returns a string.

`Fires` cases must produce exactly their rule id and a reason containing `reason`;
`Quiet` cases are look-alike prose on which no rule may fire (or none of `not_ids`).
tests/test_registry.py reads every module's `CASES` to check that every rule id is covered."""
from __future__ import annotations

from dataclasses import dataclass

from stripper.language import stoplist
from stripper.model import PARA, Block, Decision
from stripper.options import Options
from stripper.rules import apply_rules, make_context


@dataclass(frozen=True)
class Fires:
    rule_id: str
    text: str
    reason: str                        # substring of the reason, compared case-insensitively
    kind: str = PARA
    level: int = 0
    link_chars: int = 0
    before: tuple[str, ...] = ()       # other blocks of the page, before the tested one
    after: tuple[str, ...] = ()        # ... and after it
    language: str | None = "en"
    input_kind: str = "text"


@dataclass(frozen=True)
class Quiet:
    text: str
    not_ids: tuple[str, ...] = ()      # empty: no rule at all may fire
    kind: str = PARA
    level: int = 0
    link_chars: int = 0
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    language: str | None = "en"
    input_kind: str = "text"


def block(text: str, index: int = 0, kind: str = PARA, **kw) -> Block:
    return Block(index=index, text=text, kind=kind, origin="text", **kw)


def decide(case: Fires | Quiet) -> Decision | None:
    """The decision the registry takes on the case's block (None: no rule fired)."""
    page = [block(t, i) for i, t in enumerate(case.before)]
    target = len(page)
    page.append(block(case.text, target, case.kind, level=case.level, link_chars=case.link_chars))
    page += [block(t, target + 1 + i) for i, t in enumerate(case.after)]
    language = case.language
    ctx = make_context(page, Options(), language, stoplist(language) if language else frozenset(),
                       case.input_kind)
    return next((d for d in apply_rules(page, ctx) if d.index == target), None)


def check(case: Fires | Quiet) -> Decision | None:
    d = decide(case)
    if isinstance(case, Fires):
        assert d is not None, f"{case.rule_id} did not fire on {case.text!r}"
        assert d.rule_id == case.rule_id, f"{d.rule_id} fired instead of {case.rule_id}: {d.reason}"
        assert case.reason.lower() in d.reason.lower(), f"reason {d.reason!r} lacks {case.reason!r}"
        # Reasons are lowercase, at most 80 characters and without a trailing period (STYLE 5).
        assert d.reason[:1] == d.reason[:1].lower() and len(d.reason) <= 80 and not d.reason.endswith(".")
        return d
    if case.not_ids:
        assert d is None or d.rule_id not in case.not_ids, f"{d.rule_id} fired: {d.reason}"
    else:
        assert d is None, f"{d.rule_id} fired on prose: {d.reason}"
    return d


def case_id(case) -> str:
    values = getattr(case, "values", None)      # a pytest.param
    c = values[0] if values else case
    head = c.rule_id if isinstance(c, Fires) else "quiet"
    return f"{head}:{' '.join(c.text.split())[:40]}"
