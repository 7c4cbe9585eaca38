"""The pipeline: one-way stages, each a plain function of the previous stage's output and
Options. Nothing here touches files, the terminal or global state, so the work on one
document is a pure function of its bytes and options (any executor can ship it)."""
from __future__ import annotations

from itertools import compress

from . import breadcrumbs, byline, main_content, sitename
from .errors import NoArticleError
from .language import guess_language, guess_language_texts, stoplist, trim_word_cache
from .model import HEADING, Article, Block, Result
from .options import Options
from .phrases import load_phrases
from .render import body_text
from .rules import apply_rules, make_context
from .segment.text import segment_markdown, segment_text
from .sniff import sniff


MIN_MAIN_ARTICLE_CHARS_DEFAULT = 20
# A listing of teasers (see _teaser_listing)
LISTING_MIN_LINKS_DEFAULT = 3      # "Read more" links on the page
LISTING_TEASER_SHARE_DEFAULT = 0.8 # share of the kept blocks followed by one
TEASER_LINK_GAP_DEFAULT = 3        # ... within this many blocks (blurb, time, link)
TEASER_MAX_WORDS_DEFAULT = 60      # a longer kept block is an article's paragraph
READ_MORE_MAX_CHARS = 60


def _segment_html(text: str, options: Options):
    try:
        from .htmlpage import segment_html  # full HTML path
    except ImportError:
        from .segment.html import segment_html
    return segment_html(text, options=options)


def run(data: bytes | str, options: Options) -> Result:
    try:
        return _run(data, options)
    finally:
        trim_word_cache()   # (bounds the memory the words cache keeps between pages)


def _run(data: bytes | str, options: Options) -> Result:
    # 1. sniff: decompress, refuse binary, decode, detect html / markdown / text
    source = sniff(data, options)
    # 2. segment into blocks (HTML also yields its metadata cascade and pre-cleaner log)
    html_meta: dict = {}
    removed: list = []
    if source.kind == "html":
        doc = _segment_html(source.text, options)
        blocks, html_meta, removed = doc.blocks, doc.meta, doc.removed
        language = options.language or guess_language_texts([b.text for b in blocks])
    elif source.kind == "markdown":
        # link targets and image URLs would mislead the guess: read the language off the blocks
        # (their texts as one text, guess_language's reading, without joining them)
        blocks = segment_markdown(source.text)
        language = options.language or guess_language_texts([b.text for b in blocks])
    else:
        language = options.language or guess_language(source.text)
        blocks = segment_text(source.text, stoplist(language) if language else frozenset())
    stop = stoplist(language) if language else frozenset()
    # 3. named rules: each block gets at most one verdict (drop / tag / end)
    ctx = make_context(blocks, options, language, stop, source.kind)
    decisions = apply_rules(blocks, ctx)
    # 4. main content: classify, revise with context, choose the article span
    # (where the context's word lists are lower_words' own, the selection reads them, with its
    # texts and counts, instead of asking the words cache for each block again)
    words = (ctx.texts, ctx.word_lists, ctx.nwords) if ctx.cached_words else None
    # (and the page joined, as the context made it: the selection finds its web addresses there)
    sel = main_content.select(blocks, decisions, stop, language, options, words, ctx._joined())
    listing = _teaser_listing(blocks, sel.kept)
    # 5. byline: metadata found in the text, under what the HTML cascade already found
    meta = byline.extract(blocks, sel, decisions, language, stop, ctx)   # (reads the page texts ctx made)
    if meta["section"] is None:
        crumb = breadcrumbs.section(blocks, decisions, sel.span[0], meta["title"])
        if crumb:
            meta["section"] = crumb[0]
            meta["provenance"]["section"] = f"text:breadcrumb block {crumb[1]}"
    # title and dek lines that opened the span are metadata, not body
    lead = _lead_blocks(meta["provenance"])
    body = [i for i in sel.kept if i not in lead
            or (blocks[i].hint == "main" and blocks[i].kind != HEADING)]
    if body or len(sel.kept) != 1:
        sel.kept = body   # (a page whose one kept block is also its title keeps it as the body)
    if not html_meta.get("site_name", (None,))[0]:
        found = sitename.site_name(blocks, decisions, sel.kept, ctx._lowered())   # (the page lowered, as ctx has it)
        if found:
            meta["site_name"] = found[0]
            meta["provenance"]["site_name"] = f"text:footer block {found[1]}"
    # 6. assemble
    kept = [blocks[i] for i in sel.kept]   # (the body's blocks, for the article and the result)
    article = _assemble(kept, meta, html_meta, language, source.kind, options)
    result = Result(article, blocks, decisions + sel.decisions, sel.verdicts_of, removed, kept=kept)
    # An HTML main-content extractor's choice is trusted down to a short note.
    # So is a short page with nothing flagged, kept whole.
    if listing:
        raise NoArticleError("no article found (the page lists teasers for other pages: "
                             f"{listing} \"read more\" links)", result)
    whole = any(d.rule_id == "SEL005" for d in sel.decisions)
    floor = MIN_MAIN_ARTICLE_CHARS_DEFAULT if whole or result.kept and all(b.hint == "main" for b in result.kept) \
        else options.min_article_chars
    if len(article.text) < min(floor, options.min_article_chars):
        raise NoArticleError("no article found" + (f" (only {len(article.text)} characters of text)"
                                                    if article.text else ""), result)
    return result


LEAD_PROVENANCE = "text:block "   # what byline.extract writes before a title's or dek's block index


def _lead_blocks(provenance: dict) -> set[int]:
    """The blocks i whose f"text:block {i}" is the provenance of the title or the subtitle: the
    indices read back from those two strings (instead of a string made for every kept block to
    be compared with them). A string is that of block i exactly where what follows the prefix is
    str(i), the decimal digits of i without a leading zero (an index is no negative number)."""
    lead = set()
    for key in ("title", "subtitle"):
        origin = provenance.get(key)
        if isinstance(origin, str) and origin.startswith(LEAD_PROVENANCE):
            digits = origin[len(LEAD_PROVENANCE):]
            if digits.isascii() and digits.isdigit() and str(int(digits)) == digits:
                lead.add(int(digits))
    return lead


def _teaser_listing(blocks: list[Block], kept: list[int]) -> int:
    """A section front or search page: what was kept is teaser blurbs, each followed within a few
    blocks by a "Read more" link, with no paragraph of an article among them. Returns the number
    of read-more links on the page when so, else 0."""
    # (each word but the first follows white space, so a text of more than n words holds n
    # characters of white space or more, and is longer than 2 * n (a character or more per word).
    # A text whose characters are all printable holds no white space but the space (isprintable()
    # is false for every other character split() cuts at): one with fewer than n spaces has no
    # more than n words. Else split stops after n cuts: it gives more than n parts exactly where
    # the text has more than n words, as a rest of nothing but white space makes no part.)
    n = TEASER_MAX_WORDS_DEFAULT
    if not kept:
        return 0
    for i in kept:
        t = blocks[i].text
        if len(t) > 2 * n and (t.count(" ") >= n or not t.isprintable()) and len(t.split(None, n)) > n:
            return 0   # (the usual article: answered without reading the rest of the page)
    more = load_phrases("readmore")

    def is_link(b: Block) -> bool:
        return len(b.text) <= READ_MORE_MAX_CHARS and bool(more.whole(b.text))

    # The kept blocks followed by a link are counted first, from the blocks that follow them
    # (most pages that get here have no such links: the rest of the page is then not read).
    near = sorted({j for i in kept for j in range(i + 1, min(i + TEASER_LINK_GAP_DEFAULT + 1, len(blocks)))})
    linked = set(compress(near, map(is_link, [blocks[j] for j in near])))
    followed = sum(1 for i in kept if any(j in linked for j in range(i + 1, i + TEASER_LINK_GAP_DEFAULT + 1)))
    if followed < LISTING_TEASER_SHARE_DEFAULT * len(kept):
        return 0
    links = sum(map(is_link, blocks))
    return links if links >= LISTING_MIN_LINKS_DEFAULT else 0


def _assemble(kept: list[Block], meta, html_meta, language, kind, options: Options) -> Article:
    art = Article(text=body_text(kept), input_format=kind, source=options.source, url=options.url,
                  language=language)
    prov = dict(meta.get("provenance", {}))
    for key in ("title", "subtitle", "section", "authors", "author_bio", "date", "captions", "site_name"):
        setattr(art, key, meta.get(key) if meta.get(key) is not None else getattr(art, key))
    for key, (value, origin) in html_meta.items():
        if value in (None, "", []):
            continue
        if key == "captions":
            art.captions = list(dict.fromkeys(list(value) + art.captions))
        else:
            setattr(art, key, value)
        prov[key] = origin
    if art.language is None and language:
        art.language = language
    art.provenance = prov
    return art
