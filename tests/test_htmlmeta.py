"""Byline metadata of HTML pages: which printed or stated date and which names the cascade keeps,
each heuristic shown both ways (the true value found, a false candidate rejected)."""
import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from stripper import htmlmeta, preclean

HEADLINE = "Floating solar farm approved for the old reservoir"
PARAS = [
    "The harbour authority approved a floating solar farm on the old reservoir above the town on Tuesday, "
    "the first installation of its kind in the region and a long-awaited decision for residents.",
    "About nine thousand panels will float on pontoons anchored to the reservoir bed, covering a little under "
    "half of the water surface, and should supply enough electricity for two thousand five hundred homes.",
]


def page(body: str, head: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{HEADLINE}</title>{head}</head>'
            f"<body>{body}</body></html>")


def article(below_headline: str = "", after: str = "", before: str = "") -> str:
    return (f"{before}<main><article><h1>{HEADLINE}</h1>{below_headline}"
            + "".join(f"<p>{p}</p>" for p in PARAS) + after + "</article></main>")


def fields(html: str) -> dict:
    tree = LexborHTMLParser(html)
    facts = htmlmeta.page_facts(tree)
    preclean.drop_tags_pass(tree)
    htmlmeta.add_visible(facts, tree)
    return facts.fields


def jsonld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# ----------------------------------------------------------------------------- dates

@pytest.mark.parametrize("where, want", [
    # the site header prints today's date above the article: not the article's date
    ('<header class="top"><div class="navtop"><time datetime="2023-11-01">Mittwoch, 01. November 2023</time>'
     '</div></header>', "2022-03-04"),
    ('<nav><span class="date">01.11.2023</span><a href="/">Home</a></nav>', "2022-03-04"),
    # the article's own header, with its headline, holds the article's date
    ('<header><h2>Energy</h2><time datetime="2023-11-01">1 November 2023</time></header>', "2023-11-01"),
])
def test_a_date_in_the_site_header_or_navigation_is_not_the_article_date(where, want):
    body = article(before=where, below_headline='<p class="meta">4 March 2022</p>')
    assert fields(page(body))["date"][0] == want


def test_an_update_label_printed_before_the_date_element():
    body = article(below_headline='<span class="byline">Updated <time datetime="2018-07-24T18:15:58+00:00">'
                                  'Jul 24, 2018</time></span>')
    head = '<meta property="article:published_time" content="2017-12-15T10:50:02-05:00">'
    assert fields(page(body, head))["date"][0] == "2017-12-15"
    # the page prints no other date: the update is all there is
    assert fields(page(body))["date"] == ("2018-07-24", "html:labelled update date")
    # without the label the same element is the printed date
    assert fields(page(body.replace("Updated ", "")))["date"] == ("2018-07-24", "html:time date element")


def test_a_printed_date_confirmed_by_a_meta_tag_wins_over_json_ld():
    ld = jsonld({"@type": "Article", "headline": HEADLINE, "datePublished": "2022-01-04T07:29:00.000Z"})
    body = article(below_headline="<div class=\"info\">06.01.2022</div>")
    confirmed = ld + '<meta property="article:published_time" content="2022-01-06T08:29:34">'
    assert fields(page(body, confirmed))["date"][0] == "2022-01-06"
    # unconfirmed, a print two days off may be another item's date: JSON-LD stays
    assert fields(page(body, ld))["date"][0] == "2022-01-04"


def test_a_meta_date_is_not_overruled_by_a_lesser_meta_tag():
    head = ('<meta property="article:published_time" content="2017-04-12T18:33:59+02:00">'
            '<meta itemprop="datePublished" content="2020-02-19">')
    body = article(below_headline="<p>Mis à jour le 19/02/2020</p><p>19.02.2020</p>")
    assert fields(page(body, head))["date"][0] == "2017-04-12"


def test_a_video_upload_date_loses_to_the_printed_date_but_not_to_the_url():
    ld = jsonld({"@type": "VideoObject", "name": HEADLINE, "uploadDate": "2015-01-16T10:00:00+01:00"})
    body = article(below_headline='<time datetime="2017-12-01T12:01:11+01:00">01. Dez. 2017</time>')
    assert fields(page(body, ld))["date"] == ("2017-12-01", "html:time date element")
    tree = LexborHTMLParser(page(article(), ld))
    facts = htmlmeta.page_facts(tree, "https://example.org/2014/03/08/story/")
    preclean.drop_tags_pass(tree)
    htmlmeta.add_visible(facts, tree)
    assert facts.fields["date"][0] == "2015-01-16"


def test_a_long_line_mentioning_a_date_is_no_dateline():
    caption = ("<p>Abbildung: Ausschnitt eines Satellitenbildes bei St. Moritz vom 31.05.2021 (links) "
               "und die Klassifizierung der Schneedecke (rechts)</p>")
    assert htmlmeta.dateline([caption[3:-4]], htmlmeta.MAX_DATE_DEFAULT) is None
    lead = "29.11.2022 – Mehrfach und vehement hatte die Branche die Nachteile des Entwurfs kritisiert und Nachbesserungen"
    assert htmlmeta.dateline([lead], htmlmeta.MAX_DATE_DEFAULT) == ("2022-11-29", "html:dateline")


def test_an_update_date_only_when_the_page_prints_no_other():
    only = article(after="<p><b>Aktualisiert am </b>17.01.2021.</p>")
    assert fields(page(only))["date"] == ("2021-01-17", "html:labelled update date")
    both = article(below_headline="<p>4 March 2022</p>", after="<p><b>Aktualisiert am </b>17.01.2021.</p>")
    assert fields(page(both))["date"][0] == "2022-03-04"
    head = '<meta property="article:published_time" content="2020-05-05T10:00:00+02:00">'
    assert fields(page(only, head))["date"][0] == "2020-05-05"


# ----------------------------------------------------------------------------- authors

def test_a_meta_author_shown_only_in_the_footer_loses_to_the_byline():
    head = '<meta name="author" content="Matthias Hille">'
    footer = "<footer><p>Betreiber dieser Seite: Matthias Hille</p></footer>"
    byline = '<p class="date">Erstellt von <a href="/author/fabian/">Fabian</a> am 6. Mai 2014</p>'
    assert fields(page(article(below_headline=byline) + footer, head))["authors"][0] == ["Fabian"]
    # without a byline element the shown meta author stays
    assert fields(page(article() + footer, head))["authors"][0] == ["Matthias Hille"]
    # printed by the headline, the meta author is the byline
    by_headline = article(below_headline="<p>Von Matthias Hille</p>", after=byline.replace("Erstellt", "Bild"))
    assert fields(page(by_headline + footer, head))["authors"][0] == ["Matthias Hille"]


def test_a_meta_author_the_page_never_shows_is_the_last_resort():
    head = '<meta name="author" content="Heinz Hahn">'
    assert fields(page(article(), head))["authors"] == (["Heinz Hahn"], "meta:author")
    byline = '<p class="byline">By Jane Doe</p>'
    assert fields(page(article(below_headline=byline), head))["authors"][0] == ["Jane Doe"]


def test_co_authors_from_the_byline_line_and_the_byline_element():
    ld = jsonld({"@type": "Article", "headline": HEADLINE, "author": {"@type": "Person", "name": "Rudolf Fischer"}})
    line = "<p>von Rudolf Fischer, Simon Kohler</p>"
    assert fields(page(article(below_headline=line), ld))["authors"][0] == ["Rudolf Fischer", "Simon Kohler"]
    # a name in the byline line that is not a co-author list leaves the structured author alone
    other = "<p>von Rudolf Fischer, Fotos: Bildagentur Nord</p>"
    assert fields(page(article(below_headline=other), ld))["authors"][0] == ["Rudolf Fischer"]
    element = ('<div class="byline"><a href="/autor/a"><small>Isabel Caro</small></a><small>, </small>'
               '<a href="/autor/b"><small>Rocío Latorre</small></a><small> y </small>'
               '<a href="/autor/c"><small>José Miguel Wilson</small></a></div>'
               '<time title="Hace 13 horas"><b>Hace 13 horas</b></time>')
    wrapped = f'<div rel="author">{element}</div>'
    assert fields(page(article(below_headline=wrapped)))["authors"][0] == \
        ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"]
    # names split over spans are one name, not two
    spans = '<div class="byline"><span>Jane</span> <span>Doe</span></div>'
    assert fields(page(article(below_headline=spans)))["authors"][0] == ["Jane Doe"]


@pytest.mark.parametrize("lines, want", [
    (["Gitarre & Bass 02/2022", "von Redaktion, ", "24. Januar 2022"], ["Redaktion"]),
    (["Por Agencia EFE", "El presidente de Chile viajará este miércoles"], ["Agencia EFE"]),
    (["October 19, 2019", "by IWB"], ["IWB"]),
    (["Veröffentlicht am 8. Februar 2022 von PETA-Team"], None),   # not led by the by-word
    (["Redaktion -", "-", "31. Januar 2022"], ["Redaktion"]),
    (["Redaktion am 3. Februar 2022 um 21:17"], ["Redaktion"]),
    (["Melas", "by delta201", "Chapter 1: Prologue"], ["delta201"]),     # a user name with digits
    (["macbacchi", "28.09.19", "12:44", "hallo, hat jemand eine idee"], ["macbacchi"]),   # a forum post
])
def test_a_byline_naming_a_desk_or_an_agency(lines, want):
    found = htmlmeta.byline_org(lines)
    assert (found[0] if found else None) == want


@pytest.mark.parametrize("lines", [
    ["By Dago", "on 11. März 2014"],            # a first name alone is no desk
    ["Von Montag bis Freitag geöffnet"],        # a sentence, not a name
    ["Redaktion", "Kontakt", "Impressum"],      # a menu entry: no date beside it
    ["by the way, the 3 best recipes"],
    ["by 2020", "von T5"],                      # a year, a code: no user name
    ["macbacchi", "Politik"],                   # a lowercase word over no date
    ["webmaster", "01.02.2020"],                # an account, not a person
])
def test_no_desk_byline_from_other_lines(lines):
    assert htmlmeta.byline_org(lines) is None


def test_a_desk_byline_only_when_no_person_is_named():
    below = "<p>Von Redaktion, 24. Januar 2022</p>"
    assert fields(page(article(below_headline=below)))["authors"] == (["Redaktion"], "html:byline line (desk or agency)")
    person = '<p>Von Redaktion, 24. Januar 2022</p><p class="author-name">Jana Berger</p>'
    assert fields(page(article(below_headline=person)))["authors"][0] == ["Jana Berger"]


def test_fn_names_an_author_only_inside_a_vcard():
    recipe = article().replace(f"<h1>{HEADLINE}</h1>", '<h1 class="fn title">Vanilla Oat Porridge</h1>')
    assert "authors" not in fields(page(recipe))
    card = '<p class="meta">Posted by <span class="vcard"><span class="fn">Jane Doe</span></span></p>'
    assert fields(page(article(after=card)))["authors"][0] == ["Jane Doe"]


def test_a_date_class_with_an_article_word():
    cls = '<div class="field--name-node-post-date field__item">20.12.2022</div>'
    assert fields(page(article(after=cls)))["date"] == ("2022-12-20", "html:div date class")
    short = '<div class="date-article"><span>mardi</span> <a class="date">10.12.19</a></div>'
    assert fields(page(article(after=short)))["date"] == ("2019-12-10", "html:div date class")
    # "date" alone, or with a word that is no article's, is not the article's date
    for other in ('<div class="date">20.12.2022</div>', '<div class="event-date">20.12.2022</div>'):
        assert fields(page(article(after=other))).get("date", (None, None))[1] != "html:div date class"


def test_a_date_printed_with_pipes():
    from stripper.dates import find_date
    assert find_date("26 | 01 | 2022") == ("2022-01-26", 0, 14)
    assert find_date("Seite 1 | 2 | 3") is None


def test_a_date_right_before_its_label():
    text = "Typography wurde am \n19. Mai 2010\n um \n23:03\n Uhr gepostet und unter \nAllgemein\n abgelegt."
    assert htmlmeta.labelled_date(text, htmlmeta.MAX_DATE_DEFAULT) == ("2010-05-19", "html:labelled date")
    # a date earlier in a sentence that says something was posted is not the page's date
    sentence = "Am 5. Mai 2010 fand das Fest statt. Die Bilder wurden gepostet und sind online."
    assert htmlmeta.labelled_date(sentence, htmlmeta.MAX_DATE_DEFAULT) is None


@pytest.mark.parametrize("text, want", [
    ("Story.\n 22. Januar 2020 @ 18:13 // Autor: \nc1ph4\n // ~ Lesezeit:  1 Minute\n", ["c1ph4"]),
    ("Story.\nVerfasst von: \nmitundvoneinander\n | 31. Dezember 2008\n", ["mitundvoneinander"]),
    ("Story.\nHome | Autor: Jane Doe | Impressum\n", ["Jane Doe"]),
])
def test_a_labelled_user_name(text, want):
    assert htmlmeta.labelled_author(text, ()) == (want, "html:labelled author")


@pytest.mark.parametrize("text", [
    "Story.\nAutor: \nadmin\n",                 # an account, not a person
    "Story.\nText: \nwww.example.com\n",        # an address
    "Story.\nvon oben nach unten\n",            # no label, no name
    "Story.\nAutor: \n~ Lesezeit\n",            # a word without letters is no part of a name
])
def test_no_labelled_user_name_from_other_lines(text):
    assert htmlmeta.labelled_author(text, ()) is None


LONG = ("Wir können in der Höhle des Löwen den Hinabstieg in unser Innerstes sehen, an den Ort unserer tiefsten "
        "Gefühle, an dem wir Mut und Vertrauen finden, wenn die Zeiten schwierig sind und der Weg unklar bleibt.")


@pytest.mark.parametrize("tail, want", [
    (f"<p>{LONG}<br><em>Claudia Duwe</em></p>", ["Claudia Duwe"]),
    (f"<p>{LONG}</p><p>Blessing, 816 Seiten</p><p class=\"clearfix\"> <strong>Marina Mucha</strong> </p>",
     ["Marina Mucha"]),
])
def test_a_name_signed_under_the_article(tail, want):
    assert fields(page(article(after=tail)))["authors"] == (want, "html:signature")


@pytest.mark.parametrize("tail", [
    f"<p>{LONG} Das sagt <strong>Claudia Duwe</strong></p>",            # inside a sentence
    f"<p><strong>Claudia Duwe</strong></p><p>{LONG}</p>",               # a speaker before the text
    f"<p>{LONG}<br><em>Mehr erfahren</em></p>",                         # no name
])
def test_no_signature_from_other_emphasis(tail):
    assert "authors" not in fields(page(article(after=tail)))


def test_a_user_name_that_is_its_author_page_slug():
    link = ('<p class="entry-meta">von <span class="author vcard"><a class="url fn n" rel="author" '
            'href="https://mywakenews.example/author/mywakenews/">mywakenews</a></span></p>')
    head = '<meta property="og:site_name" content="Mywakenews">'
    assert fields(page(article(below_headline=link), head))["authors"][0] == ["mywakenews"]
    other = link.replace("/author/mywakenews/", "/author/someone-else/")
    assert "authors" not in fields(page(article(below_headline=other), head))


def test_a_date_a_form_label_names():
    box = "".join(f"<p>{p}</p>" for p in PARAS * 4) + ('<div class="label_container"><label>Letzte Änderung:</label><div class="label_content"> '
           '14.01.2022 um 09:25 </div></div><div><label>Seitenaufrufe:</label><div>5540 mal angezeigt</div></div>')
    assert fields(page(article(after=box)))["date"] == ("2022-01-14", "html:label update date")
    published = box.replace("Letzte Änderung:", "Veröffentlicht am:")
    assert fields(page(article(after=published)))["date"] == ("2022-01-14", "html:label date")
    # an update label loses to a printed publication date
    printed = article(below_headline="<p>4 March 2022</p>", after=box)
    assert fields(page(printed))["date"][0] == "2022-03-04"
    # a label that names no date
    other = box.replace("Letzte Änderung:", "Telefon:")
    assert "date" not in fields(page(article(after=other)))


def test_a_day_typed_into_a_meta_tag_loses_to_the_time_element():
    printed = article(below_headline='<span class="note"><time datetime="2022-01-25">25.01.2022</time></span>')
    day_only = '<meta name="og:article:published_time" content="2022-01-15">'
    assert fields(page(printed, day_only))["date"] == ("2022-01-25", "html:time date element")
    # a timestamp with its own time zone stays: the print may be another item's date
    stamped = '<meta property="article:published_time" content="2022-01-15T10:00:00+01:00">'
    assert fields(page(printed, stamped))["date"][0] == "2022-01-15"
    # a day-only meta tag against a date printed outside a <time> element stays too
    plain = article(below_headline="<p>25.01.2022</p>")
    assert fields(page(plain, day_only))["date"][0] == "2022-01-15"
