"""The only module that imports trafilatura (and its companions htmldate and lxml's HTML parser).

We hand trafilatura a tree we parsed ourselves from text we decoded and capped ourselves:
lxml's parser gets huge_tree=True so that nesting beyond libxml2's default depth of 256 is not
silently cut (RELIABILITY F1), and dates are bounded by a fixed maximum, never by today (F14)."""
from __future__ import annotations

import logging
import re
from copy import copy
from dataclasses import dataclass

import lxml.html
from lxml import etree

import trafilatura
from trafilatura.external import _prefer_readability, sanitize_tree, try_readability
from trafilatura.utils import trim
from trafilatura.settings import Extractor
from htmldate import find_date

# Trafilatura logs every discarded page as a warning; the pipeline reports "no article" itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# Trafilatura's fast mode skips its comparison with readability and jusText: the pre-cleaner
# and the text rules do most of what that comparison is for, and readability's article is
# used below only to fill gaps, at a fraction of the time.
FAST_DEFAULT = True
# htmldate's extensive search reads every date-like string of the page: ten times slower (36 ms
# a call on the development corpus, a sixth of the whole HTML path) for the date of about one
# page in eighty that states it nowhere else, so it is off.
EXTENSIVE_DATE_SEARCH_DEFAULT = False
# Both cost time in proportion to the page; on very large pages they are skipped.
EXTENSIVE_MAX_CHARS_DEFAULT = 300_000
SECOND_OPINION_MAX_CHARS_DEFAULT = 600_000
# The second opinion is asked only when the backend's article holds less than this share of
# the page's prose (when it holds it all, there is no gap to fill). Tuned on the development corpus.
SECOND_OPINION_SHARE_DEFAULT = 0.9
# The backend's options, built once (reading its configuration costs more than a small page's
# extraction step). Output format "xml": only the body tree is read, so trafilatura's plain-text
# rendering of it (format "python") is skipped; the format does not change what is extracted.
EXTRACTOR = Extractor(output_format="xml", fast=FAST_DEFAULT, comments=False, tables=True, links=True,
                      images=False, with_metadata=False)
# Readability's article is never added when it reads as markup (a <noscript>'s
# or a template's HTML kept as text).
MARKUP_RE = re.compile(r"<(?:div|img|span|a|p|script|iframe)[\s>]", re.I)
PARSER = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                              remove_comments=True, remove_pis=True, huge_tree=True)


@dataclass(slots=True)
class Extraction:
    body: etree._Element | None      # trafilatura's XML body: head, p, list/item, quote, table/row/cell, code
    meta: dict                       # date (htmldate's, YYYY-MM-DD or None)
    truncated: bool                  # libxml2 reported a resource limit while parsing
    second: object = None            # readability's article as an HTML element (gaps are filled from it)
    replaced: bool = False           # second is readability's article in the backend's XML, much longer than body


def parse_html(html: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """(tree, truncated). Never raises on bad markup."""
    data = html.encode("utf-8", "replace")
    try:
        tree = lxml.html.fromstring(data, parser=PARSER)
    except (etree.ParserError, ValueError):
        return None, False
    truncated = any("limit" in (e.message or "").lower() or "excessive" in (e.message or "").lower()
                    for e in PARSER.error_log)
    return tree, truncated


def extract(html: str, url: str | None, max_date: str, meta_html: str | None = None,
            page_prose: int = 1 << 30) -> Extraction:
    """Main content of an (already pre-cleaned) page, readability's article as a second opinion
    when the content found holds less than most of the page's prose (page_prose characters),
    and the date of meta_html when given (the page before its bylines were cleaned away)."""
    tree, truncated = parse_html(html)
    if tree is None:
        return Extraction(None, {}, truncated)
    meta: dict = {}
    meta_tree = parse_html(meta_html)[0] if meta_html else None
    if meta_tree is not None:
        try:
            extensive = EXTENSIVE_DATE_SEARCH_DEFAULT and len(meta_html or "") <= EXTENSIVE_MAX_CHARS_DEFAULT
            meta["date"] = find_date(meta_tree, url=url, extensive_search=extensive,
                                     original_date=True, outputformat="%Y-%m-%d",
                                     min_date="1990-01-01", max_date=max_date)
        except Exception:  # metadata is best effort: never lose the article over it
            meta = {}
    body = _body(tree, url, FAST_DEFAULT)
    # the second opinion: readability's article (trafilatura copied the tree; this one may mutate it)
    second = None
    got = sum(len(t) for t in body.itertext()) if body is not None else 0
    if body is not None and len(html) <= SECOND_OPINION_MAX_CHARS_DEFAULT and got < SECOND_OPINION_SHARE_DEFAULT * page_prose:
        try:
            second = try_readability(tree)
        except Exception:  # best effort
            second = None
    replaced = False
    if second is not None:
        # trafilatura's own test (its full mode's): when readability's article is much longer than
        # the backend's, or the backend's has no paragraph text, readability's comes back in the
        # backend's XML (htmlpage adds it to the backend's article)
        try:
            algo_text = trim(etree.tostring(second, method="text", encoding="utf-8").decode("utf-8"))
            options = _options(url, FAST_DEFAULT)
            if not MARKUP_RE.search(algo_text, 0, 2000) and \
                    _prefer_readability(body, second, algo_text, len(trim(" ".join(body.itertext()))), len(algo_text), options):
                second, replaced = sanitize_tree(copy(second), options)[0], True
        except Exception:  # best effort: keep the backend's article
            pass
    return Extraction(body, meta, truncated, second, replaced)


def _options(url: str | None, fast: bool) -> Extractor:
    options = copy(EXTRACTOR)   # per page: the url (trafilatura copies options it changes)
    options.fast = fast
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def _body(tree, url: str | None, fast: bool) -> etree._Element | None:
    try:
        doc = trafilatura.bare_extraction(tree, options=_options(url, fast))
    except Exception:  # a backend failure is "no article", never a crash
        return None
    return getattr(doc, "body", None) if doc is not None else None
