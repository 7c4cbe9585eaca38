"""One test per fixture folder: text, every metadata key, and the with/without snippets."""
import difflib
import json

import pytest

import stripper
from conftest import FIXTURES

CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.exists() else []
SOURCE_KINDS = {"source.txt": "text", "source.md": "markdown", "source.html": "html", "source.html.gz": "html"}


def _source(case):
    for name, kind in SOURCE_KINDS.items():
        if (case / name).exists():
            return case / name, kind
    raise AssertionError(f"{case.name}: no source file")


def _norm(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip())


def _param(case):
    """A fixture with a KNOWN-GAP.md is a case the tool does not meet yet: it runs as a strict
    xfail (so fixing the gap turns the test red until the file is removed), and the file says why."""
    gap = case / "KNOWN-GAP.md"
    if gap.exists():
        return pytest.param(case, marks=pytest.mark.xfail(reason=gap.read_text(encoding="utf-8").strip()[:300],
                                                          strict=True))
    return case


@pytest.mark.parametrize("case", [_param(c) for c in CASES], ids=[c.name for c in CASES])
def test_fixture(case):
    src, kind = _source(case)
    data = src.read_bytes()
    expect_none = (case / "expected-error.txt").exists()
    if expect_none:
        with pytest.raises(stripper.StripperError) as e:
            stripper.strip(data, input_format="auto")
        assert (case / "expected-error.txt").read_text().strip() in str(e.value)
        return
    art = stripper.strip(data, input_format="auto")
    got = art.to_dict()
    if (case / "expected.txt").exists():
        want = _norm((case / "expected.txt").read_text(encoding="utf-8"))
        have = _norm(art.text)
        if want != have:
            diff = "\n".join(difflib.unified_diff(want.split("\n"), have.split("\n"), "expected", "got", lineterm=""))
            pytest.fail(f"{case.name}: text differs\n{diff[:6000]}")
    meta_path = case / "expected-metadata.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        for key, want in meta.items():
            assert got[key] == want, f"{case.name}: {key}: expected {want!r}, got {got[key]!r}"
    snip = case / "expected-snippets.json"
    if snip.exists():
        s = json.loads(snip.read_text(encoding="utf-8"))
        flat = " ".join(art.text.split())
        for w in s.get("with", []):
            assert " ".join(w.split()) in flat, f"{case.name}: missing {w!r}"
        for w in s.get("without", []):
            assert " ".join(w.split()) not in flat, f"{case.name}: junk {w!r} still in text"
