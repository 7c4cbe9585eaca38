"""The HTML path: page -> blocks + metadata + pre-cleaner log.

    1. parse with lexbor (huge <select>s cut first); read what the page states (JSON-LD, meta, <title>, h1)  htmlmeta.page_facts
    2. pre-clean, first pass: tags that never hold text                            preclean.drop_tags_pass
    3. what the reader sees: byline elements, authors the page shows               htmlmeta.add_visible
    4. pre-clean, second pass: hidden and boilerplate-marked elements; captions    preclean.drop_marked_pass
    5. main content (trafilatura) on the cleaned page, and its metadata            backends.extract
    6. the article as the same Blocks the text path yields, so every text rule runs on it; gaps
       between its paragraphs are filled from readability's article (the second opinion), or,
       when the backend kept only a fragment of a much longer article, that article is added
    7. rescue: when the backend finds nothing, the cleaned page's lines

Captions go to metadata, out of the body. A leading heading that repeats the headline goes to
the title. A page whose "article" is only a list of linked teasers gives no blocks at all (the
pipeline then reports "no article")."""
from __future__ import annotations

import re
from collections import Counter

from selectolax.lexbor import LexborHTMLParser

from . import backends, htmlmeta, preclean
from .model import HEADING, ITEM, PARA, PRE, QUOTE, TABLE, Block
from .segment.html import HtmlDoc
from .segment.text import segment_text
from .sniff import normalize_text

# A listing page (index, tag or search page): at least this many headings that are links,
# making up at least this share of the headings, and no paragraph of real prose.
LISTING_MIN_LINKED_HEADINGS_DEFAULT = 4
LISTING_LINKED_SHARE_DEFAULT = 0.6
LISTING_PROSE_CHARS_DEFAULT = 400
# Deeper than this, nested trafilatura output is read as flat text (no recursion risk).
MAX_NESTING_DEFAULT = 40

INLINE_WS_RE = re.compile(r"\s+")   # every Unicode space, U+2028 and U+1680 too
ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "cell", "code", "div", "section",
                        "article", "main", "body", "figure", "note", "dl", "dt", "dd"})


def segment_html(text: str, stopwords: frozenset[str] = frozenset(), options=None) -> HtmlDoc:
    url = getattr(options, "url", None)
    max_date = (options.reference_date if options is not None else None) or htmlmeta.MAX_DATE_DEFAULT
    # 1. what the page states about itself
    tree = LexborHTMLParser(preclean.truncate_selects(text))
    facts = htmlmeta.page_facts(tree, url, max_date)
    # 2. pre-clean, first pass: what can never be text (scripts, styles, svg, buttons, ...)
    removed = preclean.drop_tags_pass(tree)
    # 3. what the reader sees: byline elements, and structured authors confirmed by the page
    htmlmeta.add_visible(facts, tree, max_date)
    # the backend's metadata (htmldate) reads bylines and datelines, which the next pass removes
    need_meta = "date" not in facts.fields
    meta_html = (tree.html or "") if need_meta else None
    # 4. pre-clean, second pass: hidden and boilerplate-marked elements; then captions out
    removed += preclean.drop_marked_pass(tree, preclean.protected_nodes(tree, facts.headline))
    cap_nodes = htmlmeta.captions(tree)
    caps = htmlmeta.caption_texts(cap_nodes)
    for node in reversed(cap_nodes):
        node.decompose()
    if caps:
        facts.fields["captions"] = (caps, "html:figcaption")
    # 5. main content
    page_url = url or (facts.fields["url"][0] if "url" in facts.fields else None)
    prose = preclean.prose_chars(tree.body) if tree.body is not None else 0
    ex = backends.extract(tree.html or "", page_url, max_date, meta_html, prose)
    if ex.truncated:
        removed.append(("page", "parser depth limit reached: content after the limit may be lost"))
    if ex.replaced:
        removed.append(("page", "main-content backend kept a fragment: readability's article added"))
    htmlmeta.add_backend(facts, ex.meta, max_date)
    # 6. blocks
    raw = body_blocks(ex.body) if ex.body is not None else []
    if raw and ex.replaced:
        # 6b. the backend kept a fragment: readability's much longer article, what the backend
        # did not keep judged like any text, and the backend's blocks it lacks ahead of it
        raw = add_article(raw, body_blocks(ex.second))
    elif raw and ex.second is not None:
        # 6b. fill the gaps: paragraphs readability found between two the backend kept
        raw = fill_gaps(raw, html_blocks(ex.second))
    teasers = teaser_page(tree, prose)
    if teasers:
        removed.append(("page", teasers))
        return HtmlDoc(blocks=[], meta=_normalized(facts.fields), removed=removed)
    raw = _drop_headline(raw, facts.headline, removed)
    sub = facts.fields.get("subtitle")
    raw = _drop_headline(raw, sub[0] if sub else None, removed, "subtitle")
    if not raw:
        # 7. rescue: the backend found nothing (a fragment, a page of bare text): every line of
        # the cleaned page, for the text rules and main-content selection to judge
        removed.append(("page", "main-content backend found no article: falling back to the page's text"))
        return HtmlDoc(blocks=fallback_blocks(tree, stopwords), meta=_normalized(facts.fields), removed=removed)
    # the backend's blocks are "main" (selection trusts them); gap fillers are judged like any text
    blocks = [Block(index=i, text=normalize_text(r[1]), kind=r[0], level=r[2], link_chars=r[3],
                    origin=f"html:{r[4]}", hint="" if r[6:] == (FILLED,) else "main")
              for i, r in enumerate(raw)]
    return HtmlDoc(blocks=blocks, meta=_normalized(facts.fields), removed=removed)


def _normalized(fields: dict) -> dict:
    """Metadata values as the text path gives them: NFC, no control characters."""
    out = {}
    for key, (value, prov) in fields.items():
        if isinstance(value, str):
            value = normalize_text(value)
        elif isinstance(value, list):
            value = [normalize_text(v) if isinstance(v, str) else v for v in value]
        out[key] = (value, prov)
    return out


def fallback_blocks(tree: LexborHTMLParser, stopwords: frozenset[str]) -> list[Block]:
    root = tree.body or tree.root
    text = normalize_text(root.text(deep=True, separator="\n")) if root is not None else ""
    return [b._replace(origin="html:text") for b in segment_text(text, stopwords)]


# ----------------------------------------------------------------------------- trafilatura XML -> blocks

def _clean(text: str) -> str:
    text = ZERO_WIDTH_RE.sub("", text)
    lines = [INLINE_WS_RE.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _inline(el, depth: int = 0) -> tuple[str, int, int]:
    """Text of el without its nested block children, with <lb/> as newlines; (text, link chars,
    chars of links to other pages)."""
    return _inline_runs(el, depth, ())[0]


def _inline_runs(el, depth: int, cut) -> list[tuple[str, int, int]]:
    """_inline's (text, link chars, chars of links away) of el, split at each child in cut (the
    nested blocks read on their own): one run before the first, one after each."""
    runs: list[tuple[str, int, int]] = []
    cut = {id(c) for c in cut}   # the caller holds cut's elements, so their proxies (and ids) stay the same
    parts: list[str] = [el.text or ""]
    links = away = 0
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if cut and id(child) in cut:
            runs.append(("".join(parts), links, away))
            parts, links, away = [child.tail or ""], 0, 0
            continue
        if tag in ("list", "table", "quote", "p", "head") and el.tag != "p":
            parts.append(" " + (child.tail or ""))
            continue
        if tag == "lb":
            parts.append("\n")
        elif tag == "graphic":
            pass
        elif depth > MAX_NESTING_DEFAULT:
            parts.append(" ".join(child.itertext()))
        else:
            t, n, m = _inline(child, depth + 1)
            parts.append(t)
            if tag == "ref":
                n = m = len(INLINE_WS_RE.sub(" ", t).strip())
                if (child.get("target") or "").startswith("#"):
                    m = 0
            links += n
            away += m
        parts.append(child.tail or "")
    runs.append(("".join(parts), links, away))
    return runs


# trafilatura's table vocabulary, and HTML's (a table it left unconverted inside a paragraph)
ROW_TAGS = ("row", "tr")
CELL_TAGS = ("cell", "td", "th")


def _clip(text: str, links: int) -> int:
    return min(links, len(text))


def _table_text(table) -> tuple[str, int]:
    rows, links = [], 0
    for row in table.iter(*ROW_TAGS):
        cells = []
        for cell in row.iter(*CELL_TAGS):
            t, n, _ = _inline(cell)
            t = " ".join(_clean(t).split("\n"))
            links += n
            if t:
                cells.append(t)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows), links


def _rows(table) -> list:
    """A table's own rows, also those inside its thead / tbody / tfoot (never a nested table's)."""
    out = []
    for c in table:
        if c.tag in ROW_TAGS:
            out.append(c)
        elif c.tag in ("thead", "tbody", "tfoot"):
            out.extend(r for r in c if r.tag in ROW_TAGS)
    return out


def _is_layout_table(table) -> bool:
    """A table used for layout holds paragraphs, lists or headings in its cells, or one column."""
    for cell in table.iter(*CELL_TAGS):
        for child in cell:
            if child.tag in ("p", "list", "head", "quote", "table"):
                return True
    widths = [sum(1 for _ in row.iter(*CELL_TAGS)) for row in table.iter(*ROW_TAGS)]
    return bool(widths) and max(widths) <= 1


def _pending(parent, children: list, ctx: str, depth: int, lead: bool = False) -> list:
    """Stack entries for children in reverse document order, each followed by its tail text
    (and, with lead, preceded by the parent's own leading text): text between blocks is kept."""
    out: list = []
    if lead and parent.text and parent.text.strip():
        out.append(((parent.text, 0, 0), ctx, depth))
    for c in children:
        out.append((c, ctx, depth))
        if c.tail and c.tail.strip():
            out.append(((c.tail, 0, 0), ctx, depth))
    out.reverse()
    return out


def body_blocks(body) -> list[tuple[str, str, int, int, str, int]]:
    """(kind, text, level, link_chars, tag, chars of links to other pages) for each block of trafilatura's XML body, in order.
    Iterative over the block structure (RELIABILITY F12)."""
    out: list[tuple[str, str, int, int, str, int]] = []
    stack: list[tuple[object, str, int]] = _pending(body, list(body), "", 0, lead=True)
    while stack:
        el, ctx, depth = stack.pop()
        if isinstance(el, tuple):     # text loose between blocks: (text, link chars, chars of links away)
            t = _clean(el[0])
            if t:
                kind, tag = {"item": (ITEM, "li"), "quote": (QUOTE, "blockquote")}.get(ctx, (PARA, "p"))
                out.append((kind, t, 0, _clip(t, el[1]), tag, _clip(t, el[2])))
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:
            continue
        if tag == "head":
            t, n, m = _inline(el)
            t = " ".join(_clean(t).split("\n"))
            rend = (el.get("rend") or "h2").lower()
            level = int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit() else 2
            if t:
                out.append((HEADING, t, level, _clip(t, n), f"h{level}", _clip(t, m)))
            continue
        if tag == "list":
            stack.extend(_pending(el, list(el), "item", depth + 1))
            continue
        if tag == "table":
            if not _is_layout_table(el):
                t, n = _table_text(el)
                if t:
                    out.append((TABLE, t, 0, _clip(t, n), "table", 0))
                continue
            # a layout table: each row once, on one line, unless its cells hold blocks of their own
            stack.extend(_pending(el, _rows(el), ctx, depth + 1))
            continue
        if tag in ROW_TAGS:
            cells = [c for c in el if c.tag in CELL_TAGS]
            if any(isinstance(g.tag, str) and g.tag in BLOCK_TAGS for c in cells for g in c):
                stack.extend(_pending(el, cells, ctx, depth + 1))
                continue
            parts = [(_clean(t).replace("\n", " "), n, m) for t, n, m in map(_inline, cells)]
            t = " ".join(p for p, _, _ in parts if p)
            if t:
                out.append((PARA, t, 0, _clip(t, sum(n for _, n, _ in parts)), "tr", _clip(t, sum(m for *_, m in parts))))
            continue
        if tag == "code" and ctx != "item":
            t = _html_inline(el)[0].strip("\n")
            if t.strip():
                out.append((PRE, t, 0, 0, "pre", 0))
            continue
        nested = [c for c in el if isinstance(c.tag, str) and c.tag in BLOCK_TAGS and c.tag != "code"] \
            if depth < MAX_NESTING_DEFAULT else []
        # the element's own text, split where its nested blocks stand: each run in its place
        runs = _inline_runs(el, depth, nested) if depth < MAX_NESTING_DEFAULT else [(" ".join(el.itertext()), 0, 0)]
        t, n, m = runs[0]
        t = _clean(t)
        if tag == "item" or ctx == "item":
            kind, ctx_next = ITEM, "item"
        elif tag == "quote" or ctx == "quote":
            kind, ctx_next = QUOTE, "quote"
        else:
            kind, ctx_next = PARA, ctx
        if t:
            out.append((kind, t, 0, _clip(t, n), {"item": "li", "quote": "blockquote"}.get(tag, tag), _clip(t, m)))
        if nested:
            pending = []
            for c, run in zip(nested, runs[1:]):
                pending.append((c, ctx_next, depth + 1))
                if run[0].strip():
                    pending.append((run, ctx_next, depth + 1))
            stack.extend(reversed(pending))
    return out


FILLED = "filled"     # marks a block taken from the second opinion
HTML_BLOCKS = {"p": PARA, "h1": HEADING, "h2": HEADING, "h3": HEADING, "h4": HEADING, "h5": HEADING,
               "h6": HEADING, "li": ITEM, "dt": ITEM, "dd": ITEM, "pre": PRE, "blockquote": QUOTE}
HTML_INLINE_SKIP = frozenset({"script", "style", "img", "svg", "button", "input", "select", "textarea"})


def _html_inline(el) -> tuple[str, int, int]:
    """Text of an HTML element (br, or the backend's lb, as newline) with its link characters; iterative."""
    parts: list[str] = []
    links = away = 0
    stack: list = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append(node.tail or "")
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if node is not el:
            if tag in HTML_INLINE_SKIP or not tag:
                parts.append(node.tail or "")
                continue
            if tag in ("br", "lb"):
                parts.append("\n" + (node.tail or ""))
                continue
            if tag == "a":
                t = " ".join("".join(node.itertext()).split())
                links += len(t)
                away += 0 if (node.get("href") or "").startswith("#") else len(t)
            stack.append((node, True))
        parts.append(node.text or "")
        stack.extend((c, False) for c in reversed(list(node)))
    return "".join(parts), links, away


def html_blocks(root) -> list[tuple[str, str, int, int, str, int]]:
    """The same block tuples as body_blocks, from an HTML element (readability's article)."""
    out: list[tuple[str, str, int, int, str, int]] = []
    stack = [root]
    while stack:
        el = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        kind = HTML_BLOCKS.get(tag)
        nested = [c for c in el if isinstance(c.tag, str) and (c.tag in HTML_BLOCKS or c.tag in ("div", "ul", "ol", "table", "section"))]
        if kind and not (nested and tag in ("li", "blockquote")):
            if tag == "pre":
                t = _html_inline(el)[0].strip("\n")
                n = m = 0
            else:
                t, n, m = _html_inline(el)
                t = _clean(t) if tag != "h1" else " ".join(_clean(t).split("\n"))
            if t.strip():
                level = int(tag[1]) if kind == HEADING else 0
                if kind == HEADING:
                    t = " ".join(t.split("\n"))
                out.append((kind, t, level, _clip(t, n), tag, _clip(t, m)))
            continue
        if tag in ("table",) and not any(c.tag in ("p", "div", "ul", "ol", "table") for c in el.iter() if c is not el):
            rows = []
            for tr in el.iter("tr"):
                cells = [" ".join(_clean(_html_inline(c)[0]).split("\n")) for c in tr if c.tag in ("td", "th")]
                cells = [c for c in cells if c]
                if cells:
                    rows.append(" | ".join(cells))
            if rows:
                out.append((TABLE, "\n".join(rows), 0, 0, "table", 0))
            continue
        if tag in ("script", "style"):
            continue
        if el is not root and el.text and el.text.strip() and tag not in ("ul", "ol", "table", "tr"):
            t = _clean(el.text)
            if t:
                out.append((PARA, t, 0, 0, tag or "div", 0))
        stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))
    return out


def add_article(main: list, article: list) -> list:
    """main's blocks with a second, much longer article: main's blocks the article lacks, then
    the article's, those main lacks marked as filled. When the article holds some of main's
    blocks, it ends with the last of them (past it a second extractor finds related links)."""
    flat = " ".join(htmlmeta.fold(b[1]) for b in article)
    own = " ".join(htmlmeta.fold(b[1]) for b in main)
    held = [htmlmeta.fold(b[1]) in own for b in article]
    if any(held):
        article = article[:len(held) - held[::-1].index(True)]
    return [b for b in main if htmlmeta.fold(b[1]) not in flat] + \
        [b if h else b + (FILLED,) for b, h in zip(article, held)]


def fill_gaps(main: list, extra: list) -> list:
    """main's blocks, with the blocks of extra that fall between two of main's and that main
    lacks inserted in place. Nothing is added before main's first block or after its last
    (where a second extractor finds related links and comments, not the story)."""
    key = lambda t: htmlmeta.fold(t)[:60]
    keys = [key(b[1]) for b in main]
    flat = " ".join(htmlmeta.fold(b[1]) for b in main)
    inside = [k for k, b in enumerate(extra) if key(b[1]) and key(b[1]) in flat]
    if len(inside) < 2:
        return main
    out: list = []
    seen: Counter = Counter()
    j = 0
    for b in extra[inside[0]:inside[-1] + 1]:
        k = key(b[1])
        if not k:
            continue
        seen[k] += 1
        try:
            at = keys.index(k, j)
        except ValueError:
            at = -1
        if at < 0:
            if seen[k] > flat.count(k):
                out.append(b + (FILLED,))
        else:
            out.extend(main[j:at + 1])
            j = at + 1
    out.extend(main[j:])
    return out


def _drop_headline(raw: list, headline: str | None, removed: list, field: str = "title") -> list:
    """A leading block repeating the headline (or the dek) is metadata, not body text."""
    if not headline or not raw:
        return raw
    want = htmlmeta.fold(headline)
    for i, (kind, text, *_rest) in enumerate(raw[:3]):
        if htmlmeta.fold(text) == want:
            removed.append((f'{raw[i][4]} "{text[:40]}"', f"{field}: moved to the metadata"))
            return raw[:i] + raw[i + 1:]
    return raw


def teaser_page(tree: LexborHTMLParser, prose: int) -> str | None:
    """Why the cleaned page is an index of teasers (a section front, a tag or search page)
    rather than an article, or None: many headings that only link to other pages, no prose."""
    if tree.body is None:
        return None
    heads = tree.body.css("h1, h2, h3, h4")
    if len(heads) < LISTING_MIN_LINKED_HEADINGS_DEFAULT or prose >= LISTING_PROSE_CHARS_DEFAULT:
        return None
    linked = 0
    for h in heads[:200]:
        text = len(" ".join(h.text(deep=True).split()))
        away = sum(len(" ".join(a.text(deep=True).split())) for a in h.css("a[href]")
                   if not (a.attributes.get("href") or "").startswith("#"))
        if text and away >= 0.8 * text:
            linked += 1
    if linked >= LISTING_MIN_LINKED_HEADINGS_DEFAULT and linked >= LISTING_LINKED_SHARE_DEFAULT * len(heads):
        return f"listing page: {linked} of {len(heads)} headings link to other pages, no paragraph of prose"
    return None
