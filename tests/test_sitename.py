"""Site name from a footer copyright line (stripper/sitename.py)."""
import pytest

import stripper
from stripper.model import Block, Decision
from stripper.sitename import holder, site_name


@pytest.mark.parametrize("line, name", [
    ("© 2024 The Harbor Ledger. All rights reserved.", "The Harbor Ledger"),
    ("Copyright © 2017 Breitbart", "Breitbart"),
    ("© 1996-2015 The Washington Post", "The Washington Post"),
    ("© Telegraph Media Group Limited 2017", "Telegraph Media Group"),
    ("© 2014 BuzzFeed, Inc", "BuzzFeed"),
    ("Copyright Folha de S.Paulo. Todos os direitos reservados.", "Folha de S.Paulo"),
    ("© Le Monde | Mentions légales", "Le Monde"),
    ("(c) 2019 Deutsche Welle", "Deutsche Welle"),
])
def test_holder_is_read(line, name):
    assert holder(line) == name


@pytest.mark.parametrize("line", [
    "All Rights Reserved © 2020",                                             # no holder
    "Portions of this content are ©1998-2015 by individual contributors.",   # mark too far in
    "© Provided by Business Insider Inc",                                     # a credit, not the site
    "© 2021 by individual mozilla.org contributors",                          # a phrase, not a name
    "© Dieses Weblog",                                                        # "this weblog"
    "The court ruled on copyright in a case brought by the Example Times against a group of "
    "archivists who had copied thousands of articles over a decade, and the ruling is expected "
    "to shape how libraries treat digitised newspapers.",                     # prose
])
def test_holder_is_not_read(line):
    assert holder(line) is None


def _page(lines):
    return [Block(i, t) for i, t in enumerate(lines)]


def test_site_name_needs_the_name_again_outside_the_copyright_line():
    blocks = _page(["Harbor Ledger", "A story.", "Another paragraph.", "© 2024 Harbor Ledger"])
    footer = [Decision("FTR001", 3, "drop", "footer")]
    assert site_name(blocks, footer, kept=[1, 2]) == ("Harbor Ledger", 3)
    # the publisher named only in the copyright line (often not the site's own name): no answer
    blocks = _page(["The Verge", "A story.", "Another paragraph.", "© 2024 Vox Media, LLC. All Rights Reserved"])
    assert site_name(blocks, footer, kept=[1, 2]) is None


def test_site_name_ignores_copyright_lines_inside_the_article():
    blocks = _page(["Harbor Ledger", "© 2024 Harbor Ledger", "A story.", "Another paragraph."])
    assert site_name(blocks, [], kept=[1, 2, 3]) is None


def test_two_footer_holders_give_no_answer():
    blocks = _page(["Alpha News and Beta Corp", "A story.", "© 2017 Alpha News", "© 2017 Beta Corp"])
    assert site_name(blocks, [], kept=[1]) is None


def test_text_dump_site_name_end_to_end():
    paras = ["The council approved the new harbour wall on Tuesday after a debate that ran late into "
             "the evening, with residents on both sides of the question filling the public gallery.",
             "Work is due to start in the spring and to last two years, the harbour master said, adding "
             "that fishing boats would be moved to the north quay while the old wall is taken down."]
    page = "\n\n".join(["Harbor Ledger", "Home", "News", *paras, "About Harbor Ledger", "Privacy Policy",
                        "© 2024 Harbor Ledger. All rights reserved."])
    art = stripper.strip(page, input_format="text")
    assert art.site_name == "Harbor Ledger"
    assert art.provenance["site_name"].startswith("text:footer")
    assert "2024 Harbor Ledger" not in art.text


def test_mark_gate_passes_every_line_with_a_mark():
    from conftest import FIXTURES
    from stripper.sitename import COPYRIGHT_RE, _may_hold_mark
    lines = ["© 2024", "(c) 2019", "(C) 2019", "Copyright", "COPYRIGHT", "CoPyRiGhT 2020", "copyrıght", "COPYRİGHT",
             "ⓒ 2020", "copy right", "Copyleft", "cOPYRIGHTED", "opyright", ""]
    for path in sorted(FIXTURES.glob("*/source.*")):
        lines += path.read_text(encoding="utf-8", errors="replace").split("\n")
    for word in ("copyright", "COPYRIGHT", "(c)", "(C)"):   # any other character in the place of a letter
        for k in range(len(word)):
            for cp in range(0x80, 0x10000):
                t = word[:k] + chr(cp) + word[k + 1:]
                if COPYRIGHT_RE.search(t):
                    lines.append(t)
    for line in lines:
        if COPYRIGHT_RE.search(line):
            assert _may_hold_mark(line), line


def test_site_name_reads_the_same_lines_off_the_page_lowered():
    # the lines after the article found by their needles in the page lowered (as the rules'
    # context holds it) are the lines the plain loop would read
    from stripper.options import Options
    from stripper.rules import make_context
    pages = [
        ["Harbor Ledger", "A story.", "İstanbul bridge", "Menu (more)", "COPYRIGHT 2024 Harbor Ledger", "end"],
        ["Harbor Ledger", "A story.", "x" * 60 + " © 2020 Other Name", "Harbor Ledger (c) 2024", "© Harbor Ledger"],
        ["Alpha", "A story.", "ΟΔΟΣ © Alpha", "Alpha © 2017", "© 2017 Alpha", "Alpha again"],
        ["Harbor Ledger", "A story.", "About Harbor Ledger", "CoPyRiGhT Harbor Ledger"],
        ["Harbor Ledger", "© 2024 Harbor Ledger"],
        ["Harbor Ledger", "A story.", "Menu", "(c) 2019 Harbor Ledger"],
    ]
    for lines in pages:
        blocks = _page(lines)
        lowered = make_context(blocks, Options(), None, frozenset(), "text")._lowered()
        for kept in ([1], [0, 1], [], [len(lines) - 1], [1, 2]):
            for footer in ([], [Decision("FTR001", 1, "drop", "footer")]):
                plain = site_name(blocks, footer, kept)
                assert site_name(blocks, footer, kept, lowered) == plain, (lines, kept)
    assert site_name(_page(pages[3]), [], [1], make_context(_page(pages[3]), Options(), None, frozenset(),
                                                             "text")._lowered()) == ("Harbor Ledger", 3)


def test_footer_rule_ids_are_told_by_their_range():
    # site_name reads the footer rules' decisions as the ids between "FTR" and "FTS"
    from stripper.rules import all_rules
    ids = [r.id for r in all_rules()] + ["FTR", "FTRX", "FTS", "FTS001", "FTQ999", "FT", "", "FTR\x00", "FTr001",
                                          "FTR\U0010ffff", "FTRR", "ftr001", "NAVFTR"]
    for s in ids:
        assert ("FTR" <= s < "FTS") == s.startswith("FTR"), s
    assert any(s.startswith("FTR") for s in ids[:-13])


def test_fold_safe_characters_come_only_of_themselves_and_their_capitals():
    """site_name folds only the lines whose text lowered holds the key's longest run of FOLD_SAFE
    characters: each of them is in the casefold of no character but itself and its capital,
    whose casefold and lowercase it is."""
    import sys
    from stripper.sitename import FOLD_SAFE
    safe = set(FOLD_SAFE)
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        folded = c.casefold()
        for x in safe.intersection(folded):
            assert folded == x and c.lower() == x and c in (x, x.upper()), hex(cp)


def test_site_name_folds_only_lines_that_may_hold_the_holder():
    """The lines _may_hold_key leaves out cannot name the holder again: site_name answers as the
    plain loop over every line does, on pages holding the name in other cases and odd letters."""
    from stripper.options import Options
    from stripper.rules import make_context
    from stripper.sitename import _may_hold_key
    names = ["Harbor Ledger", "Vox Media", "Der Spiegel", "Bergbote", "The Haitian Times", "Žurnal Dnevni", "半月谈杂志社",
             "Stroßburg Post", "Ofﬁce Weekly", "KBS World", "Müller & Söhne"]
    for name in names:
        spellings = [name, name.upper(), name.lower(), name.title(), name.replace("ß", "ss"), name.replace("ss", "ß"),
                     name.replace("fi", "ﬁ"), name.replace("ﬁ", "fi"), name.replace("K", "\u212a"), name.replace("s", "ſ"),
                     name.replace(" ", "  "), name.replace(" ", "\u00a0"), "x" + name, name + "s", "İ" + name]
        for again in spellings:
            lines = ["Menu", f"About {again}", "A story.", "Another paragraph.", f"© 2024 {name}"]
            blocks = _page(lines)
            lowered = make_context(blocks, Options(), None, frozenset(), "text")._lowered()
            footer = [Decision("FTR001", 4, "drop", "footer")]
            plain = site_name(blocks, footer, [2, 3])
            assert site_name(blocks, footer, [2, 3], lowered) == plain, (name, again)
            key = name.casefold()
            held = {i for i, b in enumerate(blocks) if key in b.text.casefold()}
            assert held <= set(_may_hold_key(len(blocks), key, lowered)), (name, again)
    assert site_name(_page(["Vox Media", "A story.", "© 2024 Vox Media"]), [], [1],
                     make_context(_page(["Vox Media", "A story.", "© 2024 Vox Media"]), Options(), None, frozenset(),
                                  "text")._lowered()) == ("Vox Media", 2)
