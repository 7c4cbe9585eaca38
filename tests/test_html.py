"""The HTML path: sniffing and decoding, the pre-cleaner, the metadata cascade, the mapping of
the backend's article to blocks, and hostile inputs. Whole pages live in fixtures/html-*."""
import gzip
import json
import time

import pytest
from selectolax.lexbor import LexborHTMLParser

import stripper
from stripper import htmlmeta, htmlpage, preclean, sniff
from stripper.options import Options

PARAS = [
    "The harbour authority approved a floating solar farm on the old reservoir above the town on Tuesday, "
    "the first installation of its kind in the region and a long-awaited decision for residents.",
    "About nine thousand panels will float on pontoons anchored to the reservoir bed, covering a little under "
    "half of the water surface, and should supply enough electricity for two thousand five hundred homes.",
    "Engineers say floating panels stay cooler than panels on land and so produce slightly more power, while "
    "the shade they cast slows the growth of algae in the water below the pontoons.",
]


def page(body: str, head: str = "", title: str = "Floating solar farm approved", charset: str = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<!DOCTYPE html><html lang=\"en\"><head>{meta}<title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")


def article(extra: str = "", h1: str = "Floating solar farm approved for the old reservoir") -> str:
    return f"<main><article><h1>{h1}</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + extra + "</article></main>"


# ----------------------------------------------------------------------------- sniff

@pytest.mark.parametrize("head, enc", [
    ('<meta charset="windows-1252">', "cp1252"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
    ('<meta charset="Shift_JIS">', "cp932"),
    ('<meta charset="gb2312">', "gb18030"),
    ('<meta content="text/html;charset=euc-kr" http-equiv="content-type">', "cp949"),
])
def test_declared_charset_reads_meta_and_http_equiv(head, enc):
    assert sniff.declared_charset(f"<html><head>{head}</head>".encode("ascii")) == enc


def test_declared_charset_reads_the_xml_declaration():
    assert sniff.declared_charset(b'<?xml version="1.0" encoding="ISO-8859-15"?><html>') == "iso-8859-15"


def test_valid_utf8_wins_over_a_stale_declaration():
    data = page("<p>Grüße aus Köln – “quoted”</p>", charset="iso-8859-1").encode("utf-8")
    text, enc = sniff.decode(data, sniff.declared_charset(data))
    assert enc == "utf-8" and "Grüße aus Köln – “quoted”" in text


def test_declared_legacy_charset_decodes_exactly():
    data = page("<p>Le cœur du village « ici »</p>", charset="windows-1252").encode("cp1252")
    text, enc = sniff.decode(data, sniff.declared_charset(data))
    assert enc == "cp1252" and "Le cœur du village « ici »" in text


@pytest.mark.parametrize("text, kind", [
    ("<article><h1>T</h1><p>x</p></article>", "html"),
    ("<body><p>Hello</p></body>", "html"),
    ("<!-- saved --><!DOCTYPE html><html>", "html"),
    ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
    ("Hello <b>world</b>, a line of text", "text"),
    ('<span class="x"><a href="/">Home</a> <img src="a.png"> <br> text</span>', "html"),
    # a text dump that opens with a stray tracking-pixel tag
    ('<img src="p.gif" style="display:none" /><img src="q.gif" />\n<img src="r.gif" /> <x> <y> <z>\n'
     + "A line of the page\n" * 200, "text"),
])
def test_detect_kind_reads_documents_and_fragments(text, kind):
    assert sniff.detect_kind(text) == kind


def test_detect_kind_is_linear_on_hostile_comment_runs():
    start = time.perf_counter()
    assert sniff.detect_kind("<!--a-->" * 5000 + "x") == "text"
    assert sniff.detect_kind("<!--" * 20000) == "text"
    assert time.perf_counter() - start < 1.0


def test_gzip_bytes_are_read_and_the_cap_holds():
    data = gzip.compress(page(article()).encode("utf-8"))
    art = stripper.strip(data)
    assert art.input_format == "html" and PARAS[1] in art.text
    bomb = gzip.compress(b"<p>" + b"a" * 3_000_000)
    with pytest.raises(stripper.InputError, match="too large"):
        stripper.strip(bomb, options=Options(max_input_bytes=1_000_000))


# ----------------------------------------------------------------------------- pre-cleaner

def test_attr_words_split_at_separators_and_humps():
    assert preclean.attr_words("article__shareBar-2") == ["article", "share", "bar"]
    assert preclean.attr_words("shareholders") == ["shareholders"]


def test_generated_ids_are_no_words():
    # a hash that happens to spell "ad" marks nothing; a real ad slot still does
    for value in ("8d7dc912152eddd0e3d56e28ad79e6f2", "elementor-element-14e963ad", "view-dom-id-2ad8b0ad51068bd3"):
        assert preclean.marked_reason({"data-annotation-id": value, "class": value}, preclean.attr_patterns()) is None
    assert preclean.attr_words("ad300x250") == ["ad"]
    assert preclean.marked_reason({"class": "top-ad-2"}, preclean.attr_patterns()).startswith("ad:")
    html = page(article().replace("<p>", '<p data-annotation-id="27385752c06848647540ad931892b21e">', 1))
    assert stripper.strip(html).text.split("\n\n") == PARAS


@pytest.mark.parametrize("attrs, family", [
    ({"class": "tp-modal paywall"}, "paywall"),
    ({"id": "piano-meter"}, "paywall"),
    ({"class": "social-share"}, "share"),
    ({"class": "cookie-banner"}, "cookie"),
    ({"id": "onetrust-consent-sdk"}, "cookie"),
    ({"class": "related-stories"}, "related"),
    ({"class": "comment-list"}, "comments"),
    ({"class": "newsletter-signup"}, "newsletter"),
    ({"data-ad-slot": "top"}, "data attribute"),
    ({"data-component": "share-bar"}, "share"),
    ({"role": "dialog"}, "landmark"),
    ({"style": "display: none"}, "hidden"),
    ({"aria-hidden": "true"}, "hidden"),
    ({"class": "editorial-disclosure"}, "sponsored"),
    ({"class": "author-bio"}, "navigation"),
    ({"class": "entry-author-description"}, "navigation"),
    ({"class": "c-sharer__container"}, "share"),
    ({"id": "LinkBoxUnten"}, "related"),
    ({"class": "lee-tambien-caja"}, "related"),
])
def test_marked_reason_names_the_family(attrs, family):
    reason = preclean.marked_reason(attrs, preclean.attr_patterns())
    assert reason and reason.startswith(family + ":"), reason


@pytest.mark.parametrize("attrs", [
    {"class": "shareholders-report"}, {"class": "post tag-sponsored category-ads"}, {"class": "header"},
    {"data-src": "/img/ad-banner.jpg"}, {"class": "article-body"}, {"class": "disclosure-panel"},
    {"class": "biography-text"}, {"class": "link-boxed"},
])
def test_marked_reason_leaves_ordinary_names(attrs):
    assert preclean.marked_reason(attrs, preclean.attr_patterns()) is None


def test_preclean_logs_every_removal_and_guards_the_article():
    html = page('<div class="cookie-banner"><p>We use cookies. Accept all</p></div>'
                + article('<div class="share-bar"><a href="#">Share</a></div>')
                .replace("<article>", '<article class="paywall">')
                + '<svg><title>FacebookIcon</title></svg><script>var a = 1;</script>')
    tree = LexborHTMLParser(html)
    removed = preclean.preclean(tree, "Floating solar farm approved for the old reservoir")
    reasons = " | ".join(r for _, r in removed)
    assert "never article text" in reasons and "cookie:" in reasons and "share:" in reasons
    text = tree.body.text()
    assert PARAS[0] in text                      # the article survives its "paywall" class
    assert "We use cookies" not in text and "FacebookIcon" not in text and "Share" not in text


def test_comment_sections_stay_when_they_hold_the_page():
    posts = "".join(f'<div class="comment"><p>{p}</p></div>' for p in PARAS * 2)
    tree = LexborHTMLParser(page(f"<h1>A forum thread</h1><div id=\"comments\">{posts}</div>"))
    preclean.preclean(tree, "A forum thread")
    assert PARAS[2] in tree.body.text()


def test_highlighter_spans_in_code_are_not_page_parts():
    code = ('<pre><code><span class="token comment">// add two numbers</span><br>'
            '<span class="token keyword">int</span> add(int x, int y) { return x + y; }</code></pre>')
    tree = LexborHTMLParser(page(article(code)))
    preclean.preclean(tree)
    assert "// add two numbers" in tree.css_first("pre").text()
    # the same class outside code is still a comment section
    tree = LexborHTMLParser(page(article('<div class="comment"><p>Great post!</p></div>')))
    preclean.preclean(tree)
    assert tree.css_first("div.comment") is None


def test_noscript_with_prose_is_unwrapped():
    tree = LexborHTMLParser(page("<noscript>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</noscript>"
                                 "<noscript><img src=x></noscript>"))
    preclean.preclean(tree)
    assert PARAS[0] in tree.body.text() and not tree.css("noscript")


# ----------------------------------------------------------------------------- metadata

def facts_of(html: str, url=None):
    tree = LexborHTMLParser(html)
    facts = htmlmeta.page_facts(tree, url)
    preclean.drop_tags_pass(tree)
    htmlmeta.add_visible(facts, tree)
    return facts.fields


def test_jsonld_graph_with_person_reference():
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "Person", "@id": "#p", "name": "Lena Hartmann"},
        {"@type": "WebSite", "name": "Kerrow Tech Review"},
        {"@type": ["NewsArticle"], "headline": "Floating solar farm approved for the old reservoir",
         "author": {"@id": "#p"}, "datePublished": "2024-05-02T08:15:00+02:00",
         "dateModified": "2024-06-01T00:00:00+02:00", "articleSection": ["Energy", "Local"],
         "publisher": {"@type": "Organization", "name": "Kerrow Tech Review"}}]}
    f = facts_of(page(article("<p>By Lena Hartmann</p>"),
                      head=f'<script type="application/ld+json">{json.dumps(ld)}</script>'))
    assert f["authors"] == (["Lena Hartmann"], "json-ld:NewsArticle.author")
    assert f["date"][0] == "2024-05-02" and f["section"][0] == "Energy"
    assert f["site_name"][0] == "Kerrow Tech Review"


@pytest.mark.parametrize("script", [
    '{"@type": "NewsArticle", "headline": "x", "author": ',        # truncated
    '"author":"' * 20000,                                          # trafilatura's ReDoS shape
    "<!-- {} -->", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
])
def test_malformed_jsonld_never_aborts(script):
    start = time.perf_counter()
    f = facts_of(page(article(), head=f'<script type="application/ld+json">{script}</script>'))
    assert f["title"][0] == "Floating solar farm approved for the old reservoir"
    assert time.perf_counter() - start < 2.0


def test_meta_cascade_and_odd_values():
    head = ('<meta name="author" content="https://example.org/staff">'
            '<meta property="article:published_time" content="sometime last week">'
            '<meta property="og:site_name" content="Valley Farmer">'
            '<meta name="parsely-pub-date" content="2023-11-20T06:00:00Z">'
            '<meta property="article:modified_time" content="2024-01-08T10:00:00Z">')
    f = facts_of(page(article(), head=head))
    assert "authors" not in f
    assert f["date"] == ("2023-11-20", "meta:parsely-pub-date")


def test_meta_author_hostile_value_is_linear():
    start = time.perf_counter()
    facts_of(page(article(), head='<meta name="author" content="' + "(a" * 20000 + '">'))
    assert time.perf_counter() - start < 2.0


def test_one_word_structured_author_as_printed_in_full():
    ld = {"@type": "Article", "headline": "Floating solar farm approved for the old reservoir",
          "author": {"@type": "Person", "name": "Nils"}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    f = facts_of(page(article().replace("</h1>", "</h1><p>Eine Kolumne von Nils Pickert</p>"), head=head))
    assert f["authors"][0] == ["Nils Pickert"]
    # two different surnames after the first name: which one is unknown, the name stays as given
    body = article().replace("</h1>", "</h1><p>Nils Pickert und Nils Holgersson</p>")
    assert facts_of(page(body, head=head))["authors"][0] == ["Nils"]


def test_jsonld_creator_list_completes_the_author():
    ld = {"@type": "Article", "headline": "Floating solar farm approved for the old reservoir",
          "author": {"@type": "Person", "name": "Sadhbh O'Sullivan"}, "creator": ["Sadhbh O'Sullivan", "Elisabeth Kochan"]}
    body = article().replace("</h1>", "</h1><p>By Sadhbh O'Sullivan and Elisabeth Kochan</p>")
    f = facts_of(page(body, head=f'<script type="application/ld+json">{json.dumps(ld)}</script>'))
    assert f["authors"][0] == ["Sadhbh O'Sullivan", "Elisabeth Kochan"]


def test_author_named_only_in_hidden_markup_is_not_shown():
    ld = {"@type": "WebPage", "name": "Floating solar farm approved for the old reservoir",
          "author": {"@type": "Person", "name": "fhaacker"}}
    hidden = ('<div class="author vcard" style="display: none"><span class="fn">fhaacker</span></div>'
              '<span itemprop="author" itemscope><meta itemprop="name" content="fhaacker"></span>')
    f = facts_of(page(article(hidden), head=f'<script type="application/ld+json">{json.dumps(ld)}</script>'))
    assert "authors" not in f
    shown = '<p class="byline">By <span class="fn">fhaacker</span></p>'
    assert facts_of(page(article(shown), head=f'<script type="application/ld+json">{json.dumps(ld)}</script>'))["authors"][0] == ["fhaacker"]


def test_quote_attribution_and_title_site_part_are_no_byline():
    quote = '<blockquote><p>Words.</p><span class="zitat-author">Jan Fleischhauer, Kolumnist</span></blockquote>'
    assert "authors" not in facts_of(page(article(quote)))
    body = article().replace("</h1>", "</h1><p>23.03.2022 | Handball Schweiz</p>")
    assert "authors" not in facts_of(page(body, title="Floating solar farm approved for the old reservoir - Handball Schweiz"))


def test_byline_element_with_an_agency():
    f = facts_of(page(article().replace("</h1>", "</h1><byline>Von David Hutzler, dpa</byline>")))
    assert f["authors"] == (["David Hutzler"], "html:author element")


@pytest.mark.parametrize("raw, trusted, want", [
    ("By Jane Doe and John Roe, Reuters", False, ["Jane Doe", "John Roe"]),
    ("Jane Doe; John Roe & Ann Lee", False, ["Jane Doe", "John Roe", "Ann Lee"]),
    ("Staff", True, []),
    ("https://example.org/authors/jane", True, []),
    ("March 5, 2020", True, []),
    ("Share on Facebook", False, []),
    ("Bundesministerium für Bildung und Forschung", True, []),
    ("Loïc Le Clerc", True, ["Loïc Le Clerc"]),
    ("Williams Perdomo @wperdomod", True, ["Williams Perdomo"]),
    ("Daniel", True, ["Daniel"]),
    ("Daniel", False, []),
])
def test_person_names(raw, trusted, want):
    assert htmlmeta.person_names(raw, trusted=trusted, site_names=("Valley Farmer",)) == want


@pytest.mark.parametrize("line, want", [
    ("Posted on September 21, 2020 by Adi Tzlil", ["Adi Tzlil"]),
    ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", ["Uta Helkenberg"]),
    ("Redaktion: Eberhard Fuhr (Pressesprecher)", ["Eberhard Fuhr"]),
    ("Veröffentlicht am 8. Februar 2022 von Max Muster", ["Max Muster"]),
])
def test_byline_names(line, want):
    assert htmlmeta.byline_names(line, trusted=False, sites=()) == want


@pytest.mark.parametrize("value, want", [
    ("2024-05-02T08:15:00+02:00", "2024-05-02"), ("20240502", "2024-05-02"), ("1714630500", "2024-05-02"),
    ("Thu, 02 May 2024 08:15:00 GMT", "2024-05-02"), ("2150-01-01", None), ("yesterday", None), (None, None),
])
def test_parse_date(value, want):
    assert htmlmeta.parse_date(value) == want


def test_title_drops_the_site_suffix_and_prefers_the_visible_headline():
    f = facts_of(page(article(), title="Floating solar farm approved for the old reservoir | The Courier",
                      head='<meta property="og:site_name" content="The Courier">'))
    assert f["title"] == ("Floating solar farm approved for the old reservoir", "html:h1")
    kicker = '<h1><span class="kicker">Energy</span> Floating solar farm approved for the old reservoir</h1>'
    f = facts_of(page("<div class=\"site\"><h1 class=\"site-title\"><a href=\"/\">The Courier</a></h1></div>"
                      + article().replace("<h1>Floating solar farm approved for the old reservoir</h1>", kicker)))
    assert f["title"][0] == "Floating solar farm approved for the old reservoir"


def test_printed_date_over_a_utc_timestamp_but_not_an_update():
    body = article().replace("</h1>", '</h1><p class="dates">Updated 9 June 2024</p><time datetime="2024-05-02T23:30:00Z">3 May 2024</time>')
    f = facts_of(page(body, head='<meta property="article:published_time" content="2024-05-02T23:30:00Z">'))
    assert f["date"][0] == "2024-05-03"


@pytest.mark.parametrize("head, printed, want", [
    # a generic date tag (often the day the page was generated) loses to any printed date
    ('<meta name="date" content="2020-02-12">', '<p class="meta">05.02.2020 | Jane Doe</p>', "2020-02-05"),
    # a structured date with its own time zone is the local date: a printed one a day off is another item's
    ('<meta property="article:published_time" content="2020-01-13T18:54:00+01:00">',
     '<time datetime="2020-01-14T13:47:02+01:00">14.01.2020, 13:47</time>', "2020-01-13"),
])
def test_printed_and_structured_dates(head, printed, want):
    body = article().replace("</h1>", "</h1>" + printed)
    assert facts_of(page(body, head=head))["date"][0] == want


def test_labelled_date_and_author_alone_on_their_lines():
    text = "Story text.\nErschienen am:\n \n\n \n \n13.10.2021\nAutor:\n\nRechtsanwalt\n Sebastian Einbock\n"
    assert htmlmeta.labelled_date(text, htmlmeta.MAX_DATE_DEFAULT) == ("2021-10-13", "html:labelled date")
    assert htmlmeta.labelled_author(text, ()) == (["Sebastian Einbock"], "html:labelled author")


@pytest.mark.parametrize("printed, want", [
    ("<p>jdoe</p><p>28.09.19</p><p>12:44</p>", "2019-09-28"),
    ("<p>27.1.2022 - " + "Bei der Erinnerung an die Verfolgten des Regimes wird die Stadt aktiv. " * 4 + "</p>", "2022-01-27"),
])
def test_dateline_short_year_and_leading_a_paragraph(printed, want):
    assert facts_of(page(article().replace("</h1>", "</h1>" + printed)))["date"] == (want, "html:dateline")


def test_a_version_number_is_no_short_date():
    assert htmlmeta.dateline(["Version 1.2.10 released", "1.2.3"], htmlmeta.MAX_DATE_DEFAULT) is None


def test_a_utc_midnight_is_the_next_local_day():
    assert htmlmeta.parse_date("2022-11-06T23:00:00.000Z") == "2022-11-07"
    assert htmlmeta.parse_date("2022-11-06T23:30:00Z") == "2022-11-06"
    assert htmlmeta.parse_date("2022-11-06T23:00:00+01:00") == "2022-11-06"


def test_a_dated_sentence_by_the_headline_is_no_byline():
    body = article().replace("</h1>", "</h1><p>Der Termin für die Show steht fest: am 21. Mai 2022 im Park.</p>")
    assert "authors" not in facts_of(page(body))


def test_reference_date_bounds_publication_dates():
    html = page(article(), head='<meta property="article:published_time" content="2024-05-02T08:15:00+02:00">')
    assert stripper.strip(html, options=Options(input_format="html")).date == "2024-05-02"
    assert stripper.strip(html, options=Options(input_format="html", reference_date="2024-04-20")).date is None
    with pytest.raises(ValueError, match="reference_date"):
        Options(reference_date="May 2024")


@pytest.mark.parametrize("heading", ["Contenido Relacionado", "Le puede interesar", "Auch lesen", "Empfohlene Beiträge",
                                     "Weitere Artikel zum Thema", "Entdecke weitere", "Meistdiskutiert",
                                     "Zurück zum Newsroom"])
def test_related_list_headings(heading):
    dump = "\n\n".join(PARAS + [heading, "Another story about the valley", "A second story about the town"])
    res = stripper.explain(dump.encode(), options=Options(input_format="text"))
    assert any(d.rule_id == "REL001" and heading.lower() in d.reason.lower() for d in res.decisions)
    assert res.article.text.split("\n\n") == PARAS


@pytest.mark.parametrize("prompt", ["To view the full story, please subscribe.", "Pour accéder en illimité à tous nos articles",
                                    "Cancela cuando quieras.", "Never miss the latest news by signing up for our alerts.",
                                    "Nichts mehr versäumen: jetzt anmelden!"])
def test_subscription_and_newsletter_prompts(prompt):
    res = stripper.explain(page(article(f"<p>{prompt}</p>")).encode(), options=Options(input_format="html"))
    assert any(d.rule_id in ("PAY002", "PAY003", "NWS001") for d in res.decisions)
    assert res.article.text.split("\n\n") == PARAS


# ----------------------------------------------------------------------------- blocks

def test_backend_body_maps_to_blocks():
    from lxml import etree
    body = etree.fromstring(
        "<body><head rend='h2'>Section</head><p>One <ref target='/x'>link</ref><lb/>line two</p>"
        "<list><item>first</item><item>second<list><item>nested</item></list></item></list>"
        "<quote><p>Quoted words.</p></quote><table><row><cell>a</cell><cell>b</cell></row>"
        "<row><cell>c</cell><cell>d</cell></row></table><code>x = 1\n  y = 2</code></body>")
    got = [(k, t, lv, lc) for k, t, lv, lc, *_ in htmlpage.body_blocks(body)]
    assert got == [("heading", "Section", 2, 0), ("para", "One link\nline two", 0, 4), ("item", "first", 0, 0),
                   ("item", "second", 0, 0), ("item", "nested", 0, 0), ("quote", "Quoted words.", 0, 0),
                   ("table", "a | b\nc | d", 0, 0), ("pre", "x = 1\n  y = 2", 0, 0)]


def test_layout_table_rows_come_once_each():
    from lxml import etree
    body = etree.fromstring(
        "<body><table><row><cell>Film</cell><cell>Year</cell></row>"
        "<row><cell>Groundhog Day</cell><cell>1993 <ref target='/x'>[1]</ref></cell></row>"
        "<row><cell><p>A weatherman relives one day.</p><p>Again and again.</p></cell><cell>Note</cell></row>"
        "</table></body>")
    got = [(k, t) for k, t, *_ in htmlpage.body_blocks(body)]
    assert got == [("para", "Film Year"), ("para", "Groundhog Day 1993 [1]"), ("para", "A weatherman relives one day."),
                   ("para", "Again and again."), ("para", "Note")]


def test_text_between_blocks_is_kept_once():
    from lxml import etree
    body = etree.fromstring("<body>Lead words.<head rend='h3'>Blurb</head>We felt united, then he did it again."
                            "<p>Second paragraph.</p><list><item>one</item>loose item text</list></body>")
    got = [(k, t) for k, t, *_ in htmlpage.body_blocks(body)]
    assert got == [("para", "Lead words."), ("heading", "Blurb"), ("para", "We felt united, then he did it again."),
                   ("para", "Second paragraph."), ("item", "one"), ("item", "loose item text")]
    assert [t for _, t, *_ in htmlpage.body_blocks(etree.fromstring("<body><p>Only</p>\n  </body>"))] == ["Only"]


def test_text_after_nested_blocks_keeps_its_place():
    from lxml import etree
    body = etree.fromstring(
        "<body><list><item><head rend='h2'>WebIDE</head><p>Develop and debug apps.</p>"
        "<ref target='https://example.org/webide'>Learn more about WebIDE</ref></item></list>"
        "<p>Before the list<list><item>inside</item></list>after the list</p></body>")
    got = [(k, t, lc) for k, t, _, lc, *_ in htmlpage.body_blocks(body)]
    assert got == [("heading", "WebIDE", 0), ("item", "Develop and debug apps.", 0),
                   ("item", "Learn more about WebIDE", 23), ("para", "Before the list", 0), ("item", "inside", 0),
                   ("para", "after the list", 0)]


def test_html_table_left_inside_a_paragraph_is_read():
    from lxml import etree
    body = etree.fromstring("<body><p>The rules:<table><tbody><tr><th>Red</th><td>24 months</td></tr>"
                            "<tr><th>White</th><td>12 months</td></tr></tbody></table></p></body>")
    got = [(k, t) for k, t, *_ in htmlpage.body_blocks(body)]
    assert got == [("para", "The rules:"), ("table", "Red | 24 months\nWhite | 12 months")]


def test_code_block_keeps_its_line_breaks():
    from lxml import etree
    body = etree.fromstring("<body><code><code><lb/>#include &lt;stdio.h&gt;<lb/>int main() {<hi>  return 0;</hi>"
                            "<lb/>}</code></code></body>")
    assert [(k, t) for k, t, *_ in htmlpage.body_blocks(body)] == [("pre", "#include <stdio.h>\nint main() {  return 0;\n}")]


def test_data_table_stays_one_table_block():
    from lxml import etree
    body = etree.fromstring("<body><table><row><cell>Film</cell><cell>Year</cell></row>"
                            "<row><cell>Groundhog Day</cell><cell>1993</cell></row></table></body>")
    assert [(k, t) for k, t, *_ in htmlpage.body_blocks(body)] == [("table", "Film | Year\nGroundhog Day | 1993")]


def test_fill_gaps_inserts_only_between_kept_blocks():
    main = [("para", t, 0, 0, "p", 0) for t in ("alpha one", "gamma three")]
    extra = [("para", t, 0, 0, "p", 0) for t in ("related links", "alpha one", "beta two", "gamma three", "comments")]
    assert [b[1] for b in htmlpage.fill_gaps(main, extra)] == ["alpha one", "beta two", "gamma three"]


def test_add_article_keeps_the_fragment_and_judges_the_rest():
    blk = lambda t: ("para", t, 0, 0, "p", 0)
    main = [blk("Subscribe to our letter"), blk("alpha one")]
    article = [blk("alpha one"), blk("beta two"), blk("gamma three"), blk("related: other story")]
    # the article holds main's "alpha one": it ends there, so nothing past it is added
    assert htmlpage.add_article(main, article) == [blk("Subscribe to our letter"), blk("alpha one")]
    article = [blk("beta two"), blk("alpha one"), blk("gamma three")]
    got = htmlpage.add_article(main, article)
    assert got == [blk("Subscribe to our letter"), blk("beta two") + (htmlpage.FILLED,), blk("alpha one")]
    # no overlap (the backend kept a teaser): the whole article, judged like any text
    got = htmlpage.add_article([blk("A teaser for another story")], [blk("beta two"), blk("gamma three")])
    assert got == [blk("A teaser for another story"), blk("beta two") + (htmlpage.FILLED,),
                   blk("gamma three") + (htmlpage.FILLED,)]


def test_markup_read_as_text_never_replaces_the_article():
    from stripper import backends
    assert backends.MARKUP_RE.search('<div style="position:absolute;"><img width=1 height=1 src="x">')
    assert not backends.MARKUP_RE.search("The formula a < b holds; <3 and a <p-value> are text.")


def test_explain_lists_removed_nodes_and_the_html_path_is_chosen():
    res = stripper.explain(page('<div class="newsletter-box"><p>Sign up</p></div>' + article()).encode(),
                           options=Options(input_format="html"))
    assert res.article.input_format == "html"
    assert any(reason.startswith("newsletter:") for _, reason in res.removed_nodes)
    assert res.article.text.split("\n\n") == PARAS


def test_teaser_page_gives_no_article():
    teasers = "".join(f'<article><h2><a href="/story-{i}">Story number {i} headline</a></h2><p>Short summary {i}.</p></article>'
                      for i in range(8))
    with pytest.raises(stripper.NoArticleError, match="no article"):
        stripper.strip(page(f"<main><h1>Local news</h1>{teasers}</main>"))


# ----------------------------------------------------------------------------- hostile pages

def test_deep_nesting_keeps_the_text_after_it():
    deep = "<div>" * 3000 + "<p>" + PARAS[0] + "</p>" + "</div>" * 3000
    art = stripper.strip(page(deep + "".join(f"<p>{p}</p>" for p in PARAS[1:])))
    assert PARAS[2] in art.text


def _seconds(n: int) -> float:
    filler = "".join(f'<div class="teaser item-{i}"><a href="/x/{i}">Link {i}</a></div>' for i in range(n))
    start = time.perf_counter()
    art = stripper.strip(page(filler + article()))
    assert PARAS[1] in art.text
    return time.perf_counter() - start


def test_page_size_costs_linear_time():
    small, large = _seconds(1000), _seconds(4000)
    assert large < 8 * small + 0.5   # four times the page, well under sixteen times the time


def test_huge_select_is_cut_before_parsing():
    options = "".join(f'<option value="{i}">Place {i}</option>' for i in range(32000))
    html = page(f'<form><select name="place">{options}</select></form>' + article())
    cut = preclean.truncate_selects(html)
    assert len(cut) < len(html) // 10
    assert LexborHTMLParser(cut).css('select option:last-child')[0].text() == \
        f"Place {preclean.MAX_SELECT_OPTIONS_DEFAULT - 1}"
    start = time.process_time()
    art = stripper.strip(html)
    assert PARAS[1] in art.text and "Place" not in art.text
    assert time.process_time() - start < 2


def test_select_is_kept_whole_when_small_or_holding_other_markup():
    small = page("<select>" + "<option>x</option>" * 400 + "</select>" + article())
    assert preclean.truncate_selects(small) is small
    mixed = page("<select>" + "<option>x</option>" * 600 + "<input name=q></select>" + article())
    assert preclean.truncate_selects(mixed) == mixed
