"""Property tests (RELIABILITY.md G5 determinism, G6 idempotence, and "nothing but a StripperError
escapes"), with hypothesis: 200 generated inputs per property, no deadline, derandomized so that a
run is reproducible (set STRIPPER_HYPOTHESIS_SEARCH=1 to explore with fresh random inputs)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

import stripper
from stripper import NoArticleError, StripperError
from conftest import FIXTURES, ROOT

SETTINGS = settings(max_examples=200, deadline=None, database=None,
                    derandomize=not os.environ.get("STRIPPER_HYPOTHESIS_SEARCH"),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FORMATS = ("text", "markdown", "html")

# Sentences of real prose: the fixtures' expected texts, and a few of our own when there are none.
OWN_PROSE = (
    "The old harbour bridge reopened to traffic on Monday morning, two years after engineers closed it. "
    "Hundreds of people walked across the bridge before the first cars were allowed on it. "
    "The repairs cost more than the council had planned, mostly because every cable had to be replaced. "
    "Engineers also added sensors to the new cables so that the state of the bridge can be checked from the town hall. "
    "Shop owners near the southern end said that their trade had fallen by a third while it was closed. "
    "The mayor told the crowd that the city would inspect its other bridges every year from now on. "
    "A small ceremony was held at the middle of the span in the afternoon, where the engineers were thanked by name."
)


def _sentences() -> list[str]:
    text = OWN_PROSE
    for p in sorted(FIXTURES.glob("*/expected.txt")):
        text += "\n\n" + p.read_text(encoding="utf-8")
    sents = {s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 5 and len(s) < 400}
    return sorted(sents)


SENTENCES = _sentences()
JUNK = ["Menu", "Search", "Share", "Share on Facebook", "Advertisement", "Read more", "Related articles",
        "© 2024 Example Media. All rights reserved.", "Subscribe now", "Privacy Policy", "By Jane Doe",
        "Published March 5, 2024", "5 min read", "Comments", "Photo: Reuters", "| World",
        "You have {{numberArticlesLeft}} free articles left", "We use cookies. Accept all cookies",
        "- item one", "* item two", "1. first point"]

paragraph = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5).map(" ".join)
document = st.lists(st.one_of(paragraph, paragraph, paragraph, st.sampled_from(JUNK)), min_size=3, max_size=14)
prose = st.lists(paragraph.filter(lambda p: len(p) > 150), min_size=3, max_size=6)


def render(parts: list[str], fmt: str, sep: str = "\n\n") -> str:
    if fmt == "text":
        return sep.join(parts)
    if fmt == "markdown":
        out = []
        for i, p in enumerate(parts):
            words = p.split()
            if i == 0 and len(words) < 20:
                out.append("# " + p)
            elif len(words) > 8 and i % 3 == 1:
                words[2] = f"**{words[2]}**"
                words[5] = f"[{words[5]}](https://example.org/{i})"
                out.append(" ".join(words))
            else:
                out.append(p)
        return sep.join(out)
    esc = [p.replace("&", "&amp;").replace("<", "&lt;") for p in parts]
    body = []
    for p in esc:   # list lines of the dump are list items on a page
        m = re.match(r"(?:[-*]|\d+\.) (.*)", p)
        body.append(f"<ul><li>{m.group(1)}</li></ul>" if m else f"<p>{p}</p>")
    return ("<!DOCTYPE html><html><head><title>" + esc[0][:80] + "</title></head><body><article>"
            + "".join(body) + "</article></body></html>")


def outcome(data, fmt: str):
    """The article as a dict, or the error's type and message."""
    try:
        return stripper.strip(data, input_format=fmt).to_dict()
    except StripperError as e:
        return (type(e).__name__, str(e))


def check_output(art: stripper.Article) -> None:
    dumped = json.dumps(art.to_dict(), ensure_ascii=False)
    dumped.encode("utf-8")
    assert "\x00" not in dumped and "\r" not in dumped


# ----------------------------------------------------------------------------- G5 determinism

@SETTINGS
@given(document, st.sampled_from(FORMATS + ("auto",)), st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
def test_same_input_twice_gives_the_same_result(parts, fmt, sep):
    data = render(parts, fmt if fmt != "auto" else "text", sep)
    first = outcome(data, fmt)
    assert outcome(data, fmt) == first
    assert outcome(data.encode("utf-8"), fmt) == first


HASHSEED_SCRIPT = textwrap.dedent("""
    import hashlib, json, sys
    from pathlib import Path
    import stripper
    out = {}
    for src in sorted(Path(sys.argv[1]).glob("*/source.*")):
        try:
            out[src.parent.name] = stripper.strip(src.read_bytes()).to_dict()
        except stripper.StripperError as e:
            out[src.parent.name] = [type(e).__name__, str(e)]
    print(hashlib.sha256(json.dumps(out, sort_keys=True).encode()).hexdigest(), len(out))
""")


def test_fixtures_give_the_same_output_whatever_the_hash_seed_and_time_zone():
    runs = []
    for seed, tz in (("0", "UTC"), ("1", "Pacific/Kiritimati")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz}
        proc = subprocess.run([sys.executable, "-c", HASHSEED_SCRIPT, str(FIXTURES)], capture_output=True,
                              text=True, timeout=600, cwd=ROOT, env=env)
        assert proc.returncode == 0, proc.stderr[-3000:]
        runs.append(proc.stdout.split())
    assert int(runs[0][1]) >= 1
    assert runs[0] == runs[1]


# ----------------------------------------------------------------------------- G6 idempotence

def _fixture_sources():
    out = []
    for case in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for name in ("source.txt", "source.md", "source.html", "source.html.gz"):
            if (case / name).exists() and not (case / "expected-error.txt").exists():
                out.append(case / name)
                break
    return out


HTML_NOT_FIXED = ("blocks the HTML path keeps (chosen by the main-content backend) are judged again from "
                  "scratch when the output is read back as text, and some are then dropped: HTML output is "
                  "not always a fixed point of the text path (RELIABILITY G6)")
TITLE_NOT_FIXED = ("when the output is read back as text, a first paragraph of up to 30 words becomes the "
                   "title and leaves the body: the output is not a fixed point (RELIABILITY G6)")
# Fixtures whose output is known not to be a fixed point, and why.
NOT_FIXED = {"html-figure-captions": HTML_NOT_FIXED}


@pytest.mark.parametrize("src", [pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=NOT_FIXED[p.parent.name]))
                                 if p.parent.name in NOT_FIXED else p for p in _fixture_sources()],
                         ids=lambda p: p.parent.name)
def test_fixture_output_is_a_fixed_point_of_the_text_path(src):
    art = stripper.strip(src.read_bytes())
    again = stripper.strip(art.text, input_format="text")
    assert again.text == art.text


def _fixed_point(paras, junk, fmt, rnd) -> None:
    parts = list(paras)
    for j in junk:
        parts.insert(rnd.randrange(len(parts) + 1), j)
    try:
        art = stripper.strip(render(parts, fmt), input_format=fmt)
    except NoArticleError:
        note("no article in the generated page")
        return
    again = stripper.strip(art.text, input_format="text")
    assert again.text == art.text


@SETTINGS
@given(prose, st.lists(st.sampled_from(JUNK), max_size=4), st.sampled_from(("text", "markdown")),
       st.randoms(use_true_random=False))
def test_dump_output_is_a_fixed_point_of_the_text_path(paras, junk, fmt, rnd):
    _fixed_point(paras, junk, fmt, rnd)


@pytest.mark.xfail(strict=True, reason=TITLE_NOT_FIXED)
def test_dump_output_reproducer_is_a_fixed_point():
    lead = ('"Baking is physical work, and you start at four in the morning," he said. - people who take certain '
            'medicines, including some for blood pressure and mental health')
    quote = " ".join(['"Baking is physical work, and you start at four in the morning," he said.'] * 3)
    art = stripper.strip("\n\n".join(["Menu", lead, "Menu", lead, quote]), input_format="text")
    assert art.text.startswith(lead)
    assert stripper.strip(art.text, input_format="text").text == art.text




@pytest.mark.xfail(strict=True, reason=HTML_NOT_FIXED)
@settings(SETTINGS, phases=[Phase.explicit, Phase.generate])   # no shrinking: the reproducer is below
@given(prose, st.lists(st.sampled_from(JUNK), max_size=4), st.randoms(use_true_random=False))
def test_html_output_is_a_fixed_point_of_the_text_path(paras, junk, rnd):
    _fixed_point(paras, junk, "html", rnd)


def test_html_output_reproducer_is_a_fixed_point():
    # (a case the property above once found: the mixed-language last paragraph, few English
    # stopwords, was dropped when read back; a sentence that long is near-good prose now)
    paras = ['"Baking is physical work, and you start at four in the morning," he said. "But we have been asking '
             'for something very simple, the right to see a doctor when we are sick, and we have been told no for '
             'three years."',
             '"Baking is physical work, and you start at four in the morning," he said. ' * 3,
             "A handful, like Nowak's, make or sell physical goods, which makes shorter hours harder to arrange. "
             "Im Winter habe sie dafür jeden Morgen eine Stunde früher aufstehen müssen."]
    art = stripper.strip(render(paras, "html"), input_format="html")
    assert paras[2] in art.text
    assert stripper.strip(art.text, input_format="text").text == art.text


@pytest.mark.xfail(strict=True, reason="an HTML paragraph that starts like a list line ('<p>- item one</p>') "
                   "is a paragraph on the HTML path but a list item when its output is read back as text, and the "
                   "short trailing item is then dropped: the output is not a fixed point (RELIABILITY G6)")
def test_html_paragraph_starting_with_a_dash_is_a_fixed_point():
    paras = [" ".join(SENTENCES[i:i + 4]) for i in range(0, 12, 4)] + ["- item one"]
    art = stripper.strip(render(paras, "text").replace("\n\n", "</p><p>").join(["<html><body><p>", "</p></body></html>"]),
                         input_format="html")
    assert "- item one" in art.text
    assert stripper.strip(art.text, input_format="text").text == art.text


def test_generated_prose_gives_articles():
    # The fixed-point property above is only worth something if generated pages give articles.
    paras = [" ".join(SENTENCES[i:i + 4]) for i in range(0, 40, 4)]
    for fmt in FORMATS:
        art = stripper.strip(render(paras, fmt), input_format=fmt)
        assert len(art.text) > 500


# ----------------------------------------------------------------------------- nothing else escapes

MARKUP = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "<br>", "<h1>", "<a href='/x'>",
                          "</a>", "<script>", "<!--", "-->", "&amp;", "&#0;", "# ", "## ", "**", "__", "* ", "- ",
                          "1. ", "> ", "[", "](", ")", "![", "```", "|", "---", "\n", "\n\n", "\r", "\t", " ",
                          "By ", "©", "2024-03-05", "March 5, 2024", "{{x}}", "%s", "\x00", "\ufeff", "\u2028",
                          "\u200b", "é", "中文", "עברית", "\U0001f600"])
text_input = st.lists(st.one_of(MARKUP, st.sampled_from(SENTENCES),
                                st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)),
                      max_size=60).map("".join)


def _article_or_stripper_error(data, fmt: str) -> None:
    try:
        art = stripper.strip(data, input_format=fmt)
    except StripperError:
        return
    check_output(art)


@SETTINGS
@given(text_input, st.sampled_from(FORMATS + ("auto",)))
def test_arbitrary_text_gives_an_article_or_a_stripper_error(data, fmt):
    _article_or_stripper_error(data, fmt)


@SETTINGS
@given(st.one_of(st.binary(max_size=4000), text_input.map(lambda s: s.encode("utf-8")),
                 text_input.map(lambda s: s.encode("utf-16")),
                 text_input.map(lambda s: s.encode("cp1252", "replace"))),
       st.sampled_from(FORMATS + ("auto",)))
def test_arbitrary_bytes_give_an_article_or_a_stripper_error(data, fmt):
    _article_or_stripper_error(data, fmt)
