"""Plain-text segmentation: what the blocks of an innerText / html-text / BeautifulSoup dump are."""
from stripper.model import PARA, PRE
from stripper.segment.text import segment_text


def blocks(text):
    return [(b.kind, b.text) for b in segment_text(text)]


def test_a_program_listing_is_one_pre_block():
    # (a line that starts in lower case still joins the line before it: one statement)
    text = ("As an example, take this cow:\n\n// cow.js\n(function(exports) {\n  \"use strict\";\n\n"
            "  function Cow(name) {\n    this.name = name;\n  }\n})(this);\n\nAnd its test suite follows here.\n")
    assert blocks(text) == [
        (PARA, "As an example, take this cow:"),
        (PRE, '// cow.js\n(function(exports) {\n"use strict";\nfunction Cow(name) { this.name = name;\n}\n})(this);'),
        (PARA, "And its test suite follows here.")]


def test_a_code_run_ends_on_a_code_line():
    text = "SELECT avg(n)\nFROM unnest(array[2, 3, 5]) AS n;\nRELATED STORIES\n"
    assert blocks(text) == [(PRE, "SELECT avg(n)\nFROM unnest(array[2, 3, 5]) AS n;"), (PARA, "RELATED STORIES")]


def test_template_placeholders_and_prose_are_not_code():
    text = "{{#marken}}\n{{ name }}\n{{/marken}}\n\nHe came; he saw.\nShe left (early).\n"
    assert [k for k, _ in blocks(text)] == [PARA, PARA, PARA, PARA, PARA]


def test_one_line_ending_like_code_stays_text():
    assert blocks("Menu\nvar x = 1;\nThe end of it all.\n") == [
        (PARA, "Menu"), (PARA, "var x = 1;"), (PARA, "The end of it all.")]


def test_a_long_run_of_number_lines_is_read_once():
    import time
    text = "2019\n" * 100_000 + "x = 1;\n"
    t = time.process_time()
    got = segment_text(text)
    assert time.process_time() - t < 5.0
    assert len(got) == 1 and got[0].kind == PRE and got[0].text.endswith("2019\n2019\nx = 1;")
