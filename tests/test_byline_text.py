"""Byline metadata read from plain text: the headline among the lines above the article, the
names in a byline line. Each heuristic is checked both ways: the real case is found and a
look-alike is left alone."""
import pytest

import stripper
from stripper import byline
from stripper.byline import BYLINE_PREFIX_RE, clean_person_names

PARAS = [
    "The council voted on Tuesday to close the old harbour bridge to cars from next spring, after "
    "engineers found that the steel beams under the main span had rusted far faster than expected.",
    "Cyclists and pedestrians will still be able to cross, but delivery vans bound for the market "
    "square will have to take the ring road, which adds about fifteen minutes to each trip.",
    "Shop owners on the square said they had not been asked before the vote and would write to the "
    "mayor this week asking for a loading zone near the bridge.",
]


def _title(lines: list[str]) -> str | None:
    text = "\n\n".join(lines + PARAS) + "\n"
    return stripper.strip(text, input_format="text").title


def _features(lines: list[str]) -> dict[str, dict]:
    """The evidence gathered for each title candidate, by its text."""
    text = "\n\n".join(lines + PARAS) + "\n"
    byline.TITLE_DEBUG = []
    try:
        res = stripper.explain(text)
        return {res.blocks[i].text: f for i, _, f in byline.TITLE_DEBUG}
    finally:
        byline.TITLE_DEBUG = None


# --- by-words are whole words -------------------------------------------------------------

def test_byline_label_is_a_whole_word():
    assert clean_person_names("By Diana Ross") == ["Diana Ross"]
    assert BYLINE_PREFIX_RE.sub("", "Author: Jane Doe") == "Jane Doe"


def test_name_starting_like_a_label_keeps_its_letters():
    # "Di", "Par", "Av" open these names; they are not the labels "di", "par", "av"
    assert BYLINE_PREFIX_RE.sub("", "Diana Ross") == "Diana Ross"
    assert BYLINE_PREFIX_RE.sub("", "Parker Lewis") == "Parker Lewis"
    assert clean_person_names("Avery Smith") == ["Avery Smith"]


def test_label_with_longer_form_reads_whole():
    assert clean_person_names("Autorin: Sylke Marten, Oktober 2008") == ["Sylke Marten"]


# --- title: the header ends at the byline ---------------------------------------------------

def test_headline_between_a_teaser_and_the_byline():
    lines = ["News", "Sport", "Culture",
             "Press enter to search, escape to close the search box.",
             "Harbour bridge to close to cars next spring",
             "By Jane Doe",
             "12 March 2024"]
    assert _title(lines) == "Harbour bridge to close to cars next spring"


def test_byline_after_real_paragraphs_does_not_pull_the_title_down():
    # the byline line further down belongs to a quoted study, not to the header
    lines = ["News", "Harbour bridge to close to cars next spring"]
    text = "\n\n".join(lines + PARAS[:2] + ["Rust on the main span", "By Jane Doe"] + PARAS[2:]) + "\n"
    assert stripper.strip(text, input_format="text").title == "Harbour bridge to close to cars next spring"


# --- title: lines that only look like headlines, and headlines that look like them ------------

HEADLINE = "Harbour bridge to close to cars next spring"
TITLE_CASES = [
    # (what it shows, the lines above the article, the title expected)
    ("breadcrumb path", ["Home > News > Local > Harbour bridge to close", HEADLINE], HEADLINE),
    ("one separator is no breadcrumb", ["Menu", "Harbour bridge / harbour works: close to cars next spring"],
     "Harbour bridge / harbour works: close to cars next spring"),
    ("a colon introduces something", [HEADLINE, "What the council decided on the bridge:"], HEADLINE),
    ("a question ends a headline", ["Menu", "Will the harbour bridge close to cars next spring?"],
     "Will the harbour bridge close to cars next spring?"),
    ("a date and time line", [HEADLINE, "March 2024, 15:29 Uhr"], HEADLINE),
    ("a headline holding a year", ["Menu", "Harbour bridge to close to cars in 2025"],
     "Harbour bridge to close to cars in 2025"),
    ("a line glued to its kicker", ["City Hall", "City Hall " + HEADLINE, HEADLINE], HEADLINE),
    ("a teaser opening the span", [HEADLINE, "Read our coverage of the city every morning in your inbox."], HEADLINE),
]


@pytest.mark.parametrize("lines,want", [c[1:] for c in TITLE_CASES], ids=[c[0] for c in TITLE_CASES])
def test_title_among_look_alikes(lines, want):
    assert _title(lines) == want


# --- the evidence itself, both ways -----------------------------------------------------------

EVIDENCE_CASES = [
    # (evidence, the lines above the article, a line that shows it, a look-alike that does not)
    ("breadcrumb", ["Local / Harbour / Harbour bridge works", "Harbour bridge / harbour works: close to cars", HEADLINE],
     "Local / Harbour / Harbour bridge works", "Harbour bridge / harbour works: close to cars"),
    ("colon_end", ["What the council decided:", "Will the council decide? Harbour: the bridge", HEADLINE],
     "What the council decided:", "Will the council decide? Harbour: the bridge"),
    ("digits", ["Harbour bridge to close to cars in 2025", "March 2024, 15:29", HEADLINE],
     "March 2024, 15:29", "Harbour bridge to close to cars in 2025"),
    ("contains_line", ["City Hall", "City Hall " + HEADLINE, HEADLINE], "City Hall " + HEADLINE, HEADLINE),
]


@pytest.mark.parametrize("name,lines,shows,lookalike", EVIDENCE_CASES, ids=[c[0] for c in EVIDENCE_CASES])
def test_title_evidence(name, lines, shows, lookalike):
    f = _features(lines)
    assert name in f[shows]
    assert name not in f[lookalike]


def test_opening_overlap_excludes_the_candidate_itself():
    # the teaser opens the span; its own words do not count as overlap with the article
    f = _features(["Harbour bridge to close to cars next spring",
                   "Read our coverage of the city every morning in your inbox."])
    assert f["Harbour bridge to close to cars next spring"]["overlap"] > 0
    assert f.get("Read our coverage of the city every morning in your inbox.", {}).get("overlap", 0) == 0


def test_candidates_reach_down_to_a_byline_after_a_teaser():
    lines = ["News", "Stay on top of the most important news each day, delivered free to your inbox.",
             "Discover our latest picks", "Harbour bridge to close to cars next spring", "By Jane Doe", "12 March 2024"]
    f = _features(lines)
    assert "in_span" in f["Harbour bridge to close to cars next spring"]
    assert _title(lines) == "Harbour bridge to close to cars next spring"
    # without the byline, the header ends at the first paragraph and the lines below are not candidates
    f = _features(lines[:4])
    assert "Harbour bridge to close to cars next spring" not in f


# --- authors: a name on a byline line, around dates and furniture ------------------------------

@pytest.mark.parametrize("line,want", [
    ("11.12.2019 - Amelie Loevenich", ["Amelie Loevenich"]),
    ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", ["Uta Helkenberg"]),
    ("Jon Nitz am 24. Januar 2022 um 15:47", ["Jon Nitz"]),
    ("Sadhbh O'Sullivan, Elisabeth Kochan", ["Sadhbh O'Sullivan", "Elisabeth Kochan"]),
])
def test_name_in_byline_line(line, want):
    assert byline.name_in_line(line, frozenset()) == want


@pytest.mark.parametrize("line,page_words", [
    ("07.11.2023 Ormalingen, Ormalingen, Baselbiet", None),   # places, one word each
    ("Aktuelle Meldung", {"aktuelle"}),                        # the page writes it in lowercase
    ("Sichere Versorgung", None),                               # a noun's ending
    ("Europäische Union", None),                                # an adjective's ending
])
def test_name_in_line_rejects_look_alikes(line, page_words):
    assert byline.name_in_line(line, frozenset(), page_words) is None


def test_name_in_line_ignores_addresses_when_judging_words():
    blocks = stripper.explain("Arne Doe\n\nmail arne.doe@example.org or see www.example.org/arne\n\n"
                              + "\n\n".join(PARAS)).blocks
    words = byline._prose_words(blocks)
    assert "arne" not in words
    assert byline.name_in_line("Arne Doe | 30. Dezember 2022", frozenset(), words) == ["Arne Doe"]


def _authors(lines: list[str], after: list[str] = ()) -> list[str]:
    text = "\n\n".join(lines + PARAS + list(after)) + "\n"
    return stripper.strip(text, input_format="text").authors


def test_name_line_under_the_headline_is_the_byline():
    assert _authors(["News", "Sport", HEADLINE, "Charlotte Elsen"]) == ["Charlotte Elsen"]


def test_name_line_after_a_by_label():
    assert _authors(["News", HEADLINE, "By", "Ariel Hansen", "-", "October 26, 2020"]) == ["Ariel Hansen"]


def test_menu_entry_shaped_like_a_name_is_not_a_byline():
    # "Grand Slams" follows another menu entry, not the headline, a date or a by-label
    assert _authors(["Interviews", HEADLINE, "Tennis", "Grand Slams", "Junioren"]) == []


def test_name_after_the_story_began_is_not_a_byline():
    long_para = ("The bridge was built in 1931 and has carried trams, then buses and cars, across the "
                 "harbour for almost a century, and the city has patched its beams every ten years since.")
    assert _authors([HEADLINE, long_para, "Maria Lopez"]) == []


def test_byline_with_role_and_company_keeps_the_name_alone():
    assert clean_person_names("Posted by Alex Duran, AMP Project Marketing, Google") == ["Alex Duran"]
    assert clean_person_names("By Jane Doe and John Roe, Reuters") == ["Jane Doe", "John Roe"]


def test_labelled_byline_just_after_the_article():
    assert _authors([HEADLINE], after=["Text: Ursula Eggers"]) == ["Ursula Eggers"]


def test_common_first_name_in_a_stoplist_is_still_a_name():
    # frequency stoplists hold "Thomas"; the page never writes it in lowercase, so it is a name
    assert byline.name_in_line("Thomas Steinberg", frozenset({"thomas"}), set()) == ["Thomas Steinberg"]
    assert byline.name_in_line("Thomas Steinberg", frozenset({"thomas"}), {"thomas"}) is None
    assert byline.name_in_line("Aus Piratenwiki", frozenset({"aus"}), set()) is None   # a short function word


def test_job_title_before_the_name_is_dropped():
    assert byline.name_in_line("FOCUS-Online-Experte Robin Tschöpe", frozenset()) == ["Robin Tschöpe"]
    assert clean_person_names("Autor: Rechtsanwalt Sebastian Einbock") == ["Sebastian Einbock"]
    # a name's hyphened parts are capitalised; a phrase's are not
    assert byline.name_in_line("Iris Lange-Fricke", frozenset()) == ["Iris Lange-Fricke"]
    assert byline.name_in_line("School-to-Prison Pipeline", frozenset()) is None


@pytest.mark.parametrize("line,alone", [
    ("By", True), ("Von:", True), ("Tipps von", True), ("Autor/in", True),
    ("Von der Leyen", False), ("Byline Studios", False), ("Mehr Tipps", False),
])
def test_label_alone_on_its_line(line, alone):
    assert byline._label_only(line) is alone


def test_name_after_a_label_line_above_the_headline():
    assert _authors(["About", "Tipps von", "Marie Jaster", "6.11.22", HEADLINE]) == ["Marie Jaster"]


def test_name_across_a_share_button_from_the_date_line():
    assert _authors(["Nuno Dominguez", "Twitter", "19 FEB 2020 - 18:37 CET", HEADLINE]) == ["Nuno Dominguez"]
    # across a section label instead, the name line is not next to the date
    assert _authors(["Nuno Dominguez", "Politik", "19 FEB 2020 - 18:37 CET", HEADLINE]) == []


@pytest.mark.parametrize("line,page_words,want", [
    ("KATHRIN HOFMEISTER", set(), ["KATHRIN HOFMEISTER"]),
    ("DEUTSCHE WIRTSCHAFTSNACHRICHTEN", set(), None),             # a compound ending like a noun
    ("UNSERE PARTNER", {"unsere", "partner"}, None),              # ordinary words set in capitals
    ("September 2019 Ulrike Stockhausen Schreibe einen Kommentar", set(), ["Ulrike Stockhausen"]),
    ("Isabel Caro, Rocío Latorre y José Miguel Wilson", set(), ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"]),
    ("Patrick Danowski 06 PM | 18 Mai", set(), ["Patrick Danowski"]),
])
def test_name_in_line_more_shapes(line, page_words, want):
    assert byline.name_in_line(line, frozenset(), page_words) == want


def test_the_pages_one_labelled_byline_names_the_author():
    assert _authors([HEADLINE], after=["Related", "More stories", "Text: Kirsten Freund / handwerksblatt.de"]) \
        == ["Kirsten Freund"]


def test_two_labelled_bylines_are_teasers_or_comments():
    assert _authors([HEADLINE], after=["Related", "More stories", "Text: Kirsten Freund",
                                       "Another story about the port", "Text: Maria Lopez"]) == []


def test_by_line_right_above_the_headline():
    assert _authors(["News", "Januar 2014 by Barbara Russ / Kategorien: Event, Fashion", HEADLINE]) == ["Barbara Russ"]


def test_author_box_after_the_article():
    assert _authors([HEADLINE], after=["Von:", "Götz Warnke", "Meist gesucht:"]) == ["Götz Warnke"]
    assert _authors([HEADLINE], after=["November 2022", "Nadja Podbregar", "Teilen:"]) == ["Nadja Podbregar"]


def test_names_after_the_article_without_a_label_or_date_are_not_its_author():
    assert _authors([HEADLINE], after=["Mehr zum Thema", "Erneuerbare Energien"]) == []
    assert _authors([HEADLINE], after=["3.20", "Jane Doe"]) == []   # a bare number is no date line


@pytest.mark.parametrize("line,labelled", [
    ("Blog Beitrag von Margarita Koreneva", True),
    ("Jean-Paul Delevoye, peu estimé par Jacques Chirac", False),
    ("Ein langer Satz über den Hafen und die Brücke von Jane Doe", False),
])
def test_short_labelled_by_line(line, labelled):
    assert byline._labelled_by_line(line) is labelled


def test_name_particles_inside_a_name():
    assert byline.name_in_line("Verónica De Vita", frozenset({"de"}), set()) == ["Verónica De Vita"]
    assert byline.name_in_line("De Vita", frozenset({"de"}), set()) is None


def test_date_words_line_leads_to_the_byline():
    assert _authors(["News", HEADLINE, "Kommentar", "Oktober 2019", "Boris T. Kaiser"]) == ["Boris T. Kaiser"]
    assert _authors(["News", HEADLINE, "Kommentar", "Wirtschaft", "Boris T. Kaiser"]) == []


@pytest.mark.parametrize("line,want", [
    ("By Ronald MacArthur", ["Ronald MacArthur"]),
    ("Von Isabella DiBiase", ["Isabella DiBiase"]),
    ("By StartseiteIn AktionMeldungen", []),     # page elements run together, no space between
    ("By RTLRTL NewsNachrichten", []),
])
def test_glued_words_are_not_names(line, want):
    assert clean_person_names(line) == want
    assert (byline.name_in_line(line, frozenset()) or []) == want


def test_a_chinese_reporter_line_names_its_reporters_set_off_by_spaces():
    from stripper.byline import clean_person_names
    assert clean_person_names("记者 张伟 李娜") == ["张伟", "李娜"]
    assert clean_person_names("作者：王芳") == ["王芳"]
    text = ("杭州地铁10号线二期开通运营\n\n2024年3月5日 10:20\n记者 张伟 李娜\n\n"
            + "3月5日上午10时，杭州地铁10号线二期工程正式开通运营。新开通的线路全长约12公里，共设8座车站，由城北的学院路站向北延伸。" * 3
            + "\n\n" + "据杭州市地铁集团介绍，10号线二期采用6节编组B型列车，高峰时段最小行车间隔为4分30秒，全程运行时间约20分钟。" * 3)
    art = stripper.strip(text, input_format="text")
    assert art.authors == ["张伟", "李娜"] and art.title == "杭州地铁10号线二期开通运营"


@pytest.mark.parametrize("lines,authors", [
    (["Harbour wall approved after long debate", "Jane Doe", "{prose}", "{p2}"], ["Jane Doe"]),
    (["Harbour wall approved after long debate", "{prose}", "Jane Doe", "{p2}"], []),
    (["Harbour wall approved after long debate", "Menu", "{prose}", "Jane Doe", "{p2}", "{p2}"], []),
])
def test_name_line_after_the_story_began_is_no_byline(lines, authors):
    """A name-only line under the headline is its byline, unless a line of prose (more than
    NAME_LINE_GAP_PROSE_WORDS_DEFAULT tokens) stands between them: the story began."""
    prose = ("The council approved the new harbour wall on Tuesday after a debate that ran late into the evening, "
             "with residents on both sides of the question filling the public gallery to hear it.")
    p2 = "Work is due to start in the spring and to last two years, the harbour master said on Wednesday."
    page = "\n\n".join(lines).format(prose=prose, p2=p2)
    assert stripper.strip(page, input_format="text").authors == authors


def test_cut_labels_cuts_as_the_substitutions_do():
    """_cut_labels matches the byline label and the by-word pattern once each and cuts them off:
    what the two substitutions give, and whether either pattern matches the text itself."""
    from stripper.byline import BYLINE_INNER_RE, _cut_labels
    heads = ["By ", "Written by ", "Von ", "Text: ", "Text und Fotos: ", "作者：", "Posted on 5 May 2020 by ",
             "Publiziert am 3. März von ", "by by ", "By Jane and by ", "", "  ", "Bypass ", "Diana ", "Text ",
             "Redaktion: Von ", "von: ", "Story by AP and by "]
    tails = ["Jane Doe", "jane doe", "Jane Doe by John Roe", "Tuesday morning", "", "Von Anna Schmidt", "—",
             "By Jane Doe\nby Max"]
    for head in heads:
        for tail in tails:
            for text in (head + tail, (head + tail).upper(), (head + tail).strip()):
                want = BYLINE_INNER_RE.sub("", BYLINE_PREFIX_RE.sub("", text))
                flag = bool(BYLINE_PREFIX_RE.match(text) or BYLINE_INNER_RE.match(text))
                assert _cut_labels(text) == (want, flag), text
