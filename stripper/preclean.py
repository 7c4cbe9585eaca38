"""HTML pre-cleaning: remove what can never be article text before main-content extraction.

Two passes over a selectolax (lexbor) tree, in place:
1. drop_tags: elements that never hold article text (script, style, svg and its titles,
   forms and buttons, ...), listed in data/html/drop_tags.txt;
2. drop_marked: elements hidden from readers (hidden, aria-hidden, display:none) and elements
   whose class, id, role or data-* attributes mark boilerplate (paywall, ad, share, cookie,
   newsletter, related, comments, ...), listed in data/html/attr_patterns.txt.
A guard keeps any element that holds the article: an ancestor of a protected node (the
headline h1, itemprop=articleBody, main) or an element holding article-like prose, whatever
it is called. Every removal is logged as (node, reason) for --explain.

Everything is linear in the page: the walk is iterative (no recursion, RELIABILITY F12),
attribute values are split into words with a fixed pattern (no backtracking) and capped,
and the number of guarded candidates is capped."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .phrases import fold_text

# An element is article text, not furniture, when its paragraphs of at least
# PROSE_PARAGRAPH_CHARS_DEFAULT characters (with little link text) add up to this many
# characters. Chosen on the development corpus: cookie banners, paywall prompts, ads, share
# bars and teaser boxes stay well under it; two real paragraphs exceed it.
PROSE_GUARD_CHARS_DEFAULT = 400
PROSE_PARAGRAPH_CHARS_DEFAULT = 120
PROSE_MAX_LINK_SHARE_DEFAULT = 0.3
PROSE_RUN_CHARS_DEFAULT = 80
# Comment sections are removed only when the rest of the page keeps this much prose.
COMMENTS_REST_PROSE_DEFAULT = 600
# Hostile pages: at most this many marked elements are examined (each costs its subtree).
MAX_CANDIDATES_DEFAULT = 3000
# JSON-LD scripts up to this size stay in the page handed to the backend.
MAX_KEPT_JSONLD_CHARS_DEFAULT = 100_000
# Attribute values are read up to this many characters.
MAX_ATTR_CHARS_DEFAULT = 300

# The parser's time grows with the square of a <select>'s options (8 s for 32,000): past this
# many, a select's options are cut from the markup before parsing. Selects never reach the
# article (the first pass drops them); a form's select on a normal page has a few hundred at most.
MAX_SELECT_OPTIONS_DEFAULT = 500
OPTION_RE = re.compile(r"<option(?=[\s/>])", re.I)
SELECT_OPEN_RE = re.compile(r"<select(?=[\s/>])", re.I)
SELECT_CLOSE_RE = re.compile(r"</select(?=[\s/>])", re.I)
# what may be cut: only text and option / optgroup tags (no other markup is lost with them)
SELECT_TAIL_RE = re.compile(r"(?:[^<]+|</?(?:option|optgroup)(?=[\s/>])[^<>]*>)*", re.I)

CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Generated ids inside names ("elementor-element-14e963ad", "view-dom-id-2ad8b0ad51…", uuids) are
# no words: a hex run of 8 or more holding digits and letters, and letters between two digits,
# are read as separators (else the "ad" of "…e28ad79…" would mark the element as an ad).
HASH_RE = re.compile(r"(?<![0-9A-Za-z])(?=[0-9A-Fa-f]*[0-9])(?=[0-9A-Fa-f]*[A-Fa-f])[0-9A-Fa-f]{8,}(?![0-9A-Za-z])"
                     r"|(?<=[0-9])[A-Za-z]+(?=[0-9])")
NON_LETTER_RE = re.compile(r"[^a-z]+")
# Text a browser never shows is dropped whatever its length; aria-hidden is only a hint for
# screen readers (a page saved with a dialog open hides its article that way), so it is guarded.
HIDDEN_UNGUARDED = ("hidden: hidden attribute", "hidden: style")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
END_MARKERS = ("related:", "comments:")
NEVER_MARKED = frozenset({"html", "head", "body", "-text", "-comment", "_text", "_comment"})
PROSE_SELECTOR = "p, pre, blockquote"
CODE_TAGS = frozenset({"pre", "code"})


@dataclass(frozen=True, slots=True)
class AttrPatterns:
    words: dict[str, list[tuple[tuple[str, ...], str, str]]]   # first word -> (entry words, family, entry)
    prefixes: tuple[tuple[str, str], ...]                       # (prefix, family) for 'word*' entries
    roles: dict[str, str]                                        # role value -> family
    data_names: tuple[tuple[tuple[str, ...], str], ...]         # data-* name words -> family
    ignore_prefixes: tuple[str, ...]                             # class tokens never read (taxonomy classes)


def data_lines(name: str) -> list[str]:
    text = (resources.files("stripper") / "data" / "html" / name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    if not out:
        raise ValueError(f"html data file {name!r} is empty")
    return out


@lru_cache(maxsize=1)
def drop_tags() -> tuple[tuple[str, bool], ...]:
    """(tag, guarded) pairs from drop_tags.txt."""
    out: dict[str, bool] = {}
    for line in data_lines("drop_tags.txt"):
        parts = line.lower().split()
        out[parts[0]] = len(parts) > 1 and parts[1] == "guarded"
    return tuple(out.items())


def attr_words(value: str) -> list[str]:
    """'article__shareBar-2' -> ['article', 'share', 'bar']: lowercase words at every non-letter and camel hump."""
    value = value[:MAX_ATTR_CHARS_DEFAULT]
    if any(c.isdigit() for c in value):
        value = HASH_RE.sub(" ", value)
    value = CAMEL_RE.sub(" ", value).lower()
    return [w for w in NON_LETTER_RE.split(value) if w]


@lru_cache(maxsize=1)
def attr_patterns() -> AttrPatterns:
    words: dict[str, list] = {}
    prefixes, data_names, ignore = [], [], []
    roles: dict[str, str] = {}
    seen = set()
    for line in data_lines("attr_patterns.txt"):
        if line.startswith("role="):
            roles[line[5:].strip().lower()] = "landmark"
            continue
        if line.startswith("data="):
            data_names.append((tuple(attr_words(line[5:])), "data attribute"))
            continue
        if line.startswith("ignore="):
            ignore.append(line[7:].strip().lower())
            continue
        family, _, entry = line.partition(":")
        entry = entry.strip().lower()
        if not entry or not family.strip():
            raise ValueError(f"attr_patterns.txt: bad line {line!r}")
        if entry in seen:
            raise ValueError(f"attr_patterns.txt: duplicate entry {entry!r}")
        seen.add(entry)
        family = family.strip()
        if entry.endswith("*") and " " not in entry:
            prefixes.append((entry[:-1], family))
            continue
        ws = tuple(entry.split())
        words.setdefault(ws[0], []).append((ws, family, entry))
    return AttrPatterns(words, tuple(prefixes), roles, tuple(data_names), tuple(ignore))


def match_words(ws: list[str], pats: AttrPatterns) -> tuple[str, str] | None:
    """(family, entry) of the first pattern found as consecutive words in ws."""
    for i, w in enumerate(ws):
        for entry_ws, family, entry in pats.words.get(w, ()):
            if tuple(ws[i:i + len(entry_ws)]) == entry_ws:
                return family, entry
        for prefix, family in pats.prefixes:
            if w.startswith(prefix):
                return family, prefix + "*"
    return None


def marked_reason(attrs: dict, pats: AttrPatterns) -> str | None:
    """Why an element's attributes mark it as boilerplate or hidden, or None."""
    if "hidden" in attrs:
        return "hidden: hidden attribute"
    if (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return "hidden: aria-hidden"
    style = attrs.get("style")
    if style:
        s = style[:MAX_ATTR_CHARS_DEFAULT].replace(" ", "").lower()
        if "display:none" in s or "visibility:hidden" in s:
            return "hidden: style " + ("display:none" if "display:none" in s else "visibility:hidden")
    role = (attrs.get("role") or "").strip().lower()
    if role in pats.roles:
        return f"{pats.roles[role]}: role={role}"
    for key in ("class", "id"):
        value = attrs.get(key)
        if not value:
            continue
        for token in value[:MAX_ATTR_CHARS_DEFAULT].split():
            hit = token_hit(token)
            if hit:
                return f'{hit[0]}: {key} "{token[:40]}"'
    for name, value in attrs.items():
        if not name.startswith("data-"):
            continue
        family = data_name_hit(name)
        if family:
            return f"{family}: {name[:40]}"
        if value and len(value) <= 60 and not any(c in value for c in " /:{=?"):
            hit = token_hit(value, ignore_taxonomy=False)
            if hit:
                return f'{hit[0]}: {name[:30]}="{value[:30]}"'
    return None


@lru_cache(maxsize=1 << 14)
def token_hit(token: str, ignore_taxonomy: bool = True) -> tuple[str, str] | None:
    """(family, entry) a class token or id marks, or None. Pages repeat their class names, so
    the answers are cached."""
    pats = attr_patterns()
    if ignore_taxonomy and pats.ignore_prefixes and token.lower().startswith(pats.ignore_prefixes):
        return None
    return match_words(attr_words(token), pats)


@lru_cache(maxsize=1 << 12)
def data_name_hit(name: str) -> str | None:
    nws = attr_words(name[5:])
    for dws, family in attr_patterns().data_names:
        if tuple(nws[:len(dws)]) == dws:
            return family
    return None


def describe(node: LexborNode) -> str:
    """'div#main.share-bar "Share this story…"' for the explain view."""
    attrs = node.attributes
    out = node.tag or "?"
    if attrs.get("id"):
        out += "#" + attrs["id"][:30]
    if attrs.get("class"):
        out += "." + ".".join(attrs["class"].split()[:3])[:40]
    text = " ".join(node.text(deep=True)[:200].split())
    if text:
        out += ' "' + (text if len(text) <= 40 else text[:39] + "…") + '"'
    return out


def prose_chars(node: LexborNode, need: int | None = None) -> int:
    """Characters of article-like text under node: long paragraphs, or long text runs (pages
    that write prose as text between <br>s), less what sits inside links. With need, stops as
    soon as the answer is known to be at least need (or cannot reach it)."""
    text = node.text(deep=True, separator="\n")
    if need is not None and len(text) < need:
        return 0  # not even need characters of text at all
    by_par = 0
    for p in node.css(PROSE_SELECTOR):
        t = p.text(deep=True).strip()
        n = len(t)
        if n < PROSE_PARAGRAPH_CHARS_DEFAULT:
            continue
        links = sum(len(a.text(deep=True)) for a in p.css("a"))
        if links <= PROSE_MAX_LINK_SHARE_DEFAULT * n:
            by_par += n
            if need is not None and by_par >= need:
                return by_par
    runs = _long_runs(text)
    if runs <= by_par or (need is not None and runs < need):
        return by_par  # the runs add nothing, or could not reach need even with no links in them
    link_runs = sum(_long_runs(a.text(deep=True, separator="\n")) for a in node.css("a"))
    return max(by_par, runs - link_runs)


def _long_runs(text: str) -> int:
    least = PROSE_RUN_CHARS_DEFAULT   # a line shorter than this is shorter once stripped: not stripped
    return sum(n for s in text.split("\n") if len(s) >= least and (n := len(s.strip())) >= least)


def _ancestor_ids(nodes: list[LexborNode], limit: int = 2000) -> set[int]:
    ids: set[int] = set()
    for n in nodes:
        cur, steps = n, 0
        while cur is not None and steps < limit:
            if cur.mem_id in ids:
                break
            ids.add(cur.mem_id)
            cur = cur.parent
            steps += 1
    return ids


def _small_jsonld(node: LexborNode) -> bool:
    if "ld+json" not in (node.attributes.get("type") or "").lower():
        return False
    return len(node.text(deep=True)) <= MAX_KEPT_JSONLD_CHARS_DEFAULT


def truncate_selects(html: str) -> str:
    """html with each <select>'s options past MAX_SELECT_OPTIONS_DEFAULT cut, when what follows
    them up to </select> is only options; linear in the page. Most pages are returned as they are."""
    if html.lower().count("<option") <= MAX_SELECT_OPTIONS_DEFAULT:
        return html
    out: list[str] = []
    pos = 0
    for m in SELECT_OPEN_RE.finditer(html):
        if m.start() < pos:
            continue
        close = SELECT_CLOSE_RE.search(html, m.end())
        if close is None:
            break
        cut = None
        for k, opt in enumerate(OPTION_RE.finditer(html, m.end(), close.start())):
            if k == MAX_SELECT_OPTIONS_DEFAULT:
                cut = opt.start()
                break
        if cut is not None and SELECT_TAIL_RE.fullmatch(html, cut, close.start()):
            out.append(html[pos:cut])
            pos = close.start()
    out.append(html[pos:])
    return "".join(out)


@lru_cache(maxsize=1)
def _unguarded_tags() -> tuple[dict[str, int], str]:
    """The first pass's tags with their rank in drop_tags.txt, and one selector for them all."""
    ranks = {tag: i for i, (tag, guarded) in enumerate(drop_tags()) if not guarded}
    return ranks, ", ".join(ranks)


def drop_tags_pass(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """Each tag of drop_tags.txt in turn (the guarded ones wait for the second pass), found in one
    selector pass: an element inside one of an earlier tag goes with it and is not counted."""
    ranks, selector = _unguarded_tags()
    found: dict[str, list[LexborNode]] = {}
    gone: list[LexborNode] = []
    for n in tree.css(selector):
        tag = n.tag
        rank = ranks[tag]
        cur = n.parent
        while cur is not None and ranks.get(cur.tag, rank) >= rank:
            cur = cur.parent
        if cur is not None:
            continue    # removed with an ancestor of an earlier tag
        if tag == "script" and _small_jsonld(n):
            continue    # JSON-LD stays for the backend (a forum thread's DiscussionForumPosting, an articleBody)
        found.setdefault(tag, []).append(n)
        gone.append(n)
    removed = [(f"{tag} ×{len(found[tag])}", "never article text") for tag in ranks if tag in found]
    for n in reversed(gone):  # inner before outer: a destroyed node is never touched again
        n.decompose()
    return removed


def drop_marked_pass(tree: LexborHTMLParser, protected: list[LexborNode]) -> list[tuple[str, str]]:
    """Hidden and boilerplate-marked elements, and guarded tags, under the prose guard.
    Comment sections are decided together: they go only when the rest of the page still holds
    an article (on a forum thread or a live ticker the "comments" are the text)."""
    pats = attr_patterns()
    guarded_tags = {t for t, g in drop_tags() if g}
    keep_ids = _ancestor_ids(protected)
    root = tree.body
    if root is None:
        return []
    to_drop: list[tuple[LexborNode, str]] = []
    comments: list[tuple[LexborNode, str]] = []
    unwrap: list[LexborNode] = []
    examined = 0
    skip_to = None      # mem_id of the node after a subtree the walk does not enter
    for node in root.traverse(include_text=False):
        if skip_to is not None:
            if node.mem_id != skip_to:
                continue
            skip_to = None
        tag = node.tag or ""
        if tag not in NEVER_MARKED and examined < MAX_CANDIDATES_DEFAULT and node.mem_id not in keep_ids:
            if tag in guarded_tags:
                reason = f"never article text: {tag}"
            else:
                attrs = node.attributes
                reason = marked_reason(attrs, pats) if attrs else None   # most elements have no attributes
            if reason and tag in HEADINGS and reason.startswith(END_MARKERS):
                reason = None  # a "Related stories" / "Comments" heading stays: the text rules end the article there
            if reason:
                examined += 1
                if reason.startswith("comments:"):
                    comments.append((node, reason))
                elif reason.startswith(HIDDEN_UNGUARDED) or prose_chars(node, PROSE_GUARD_CHARS_DEFAULT) < PROSE_GUARD_CHARS_DEFAULT:
                    to_drop.append((node, reason))
                else:
                    if tag == "noscript":
                        unwrap.append(node)
                    continue
                skip_to = _after(node, root)
                if skip_to is None:
                    break   # the rest of the page is inside this node
                continue
        if tag in CODE_TAGS:
            # a syntax highlighter's spans ("token comment", "hljs-meta") name parts of the code
            skip_to = _after(node, root)
            if skip_to is None:
                break
    if comments:
        in_comments = sum(prose_chars(n) for n, _ in comments)
        if in_comments < PROSE_GUARD_CHARS_DEFAULT or \
                prose_chars(root) - in_comments >= COMMENTS_REST_PROSE_DEFAULT:
            to_drop += comments
    removed = [(describe(node), reason) for node, reason in to_drop]
    for node, _ in to_drop:     # the walk never enters a dropped node: none is inside another
        node.decompose()
    for node in unwrap:
        node.unwrap()
    return removed


def _after(node: LexborNode, root: LexborNode) -> int | None:
    """mem_id of the first element or comment after node's subtree within root, or None."""
    cur = node
    while cur is not None and cur.mem_id != root.mem_id:
        nxt = cur.next
        while nxt is not None and nxt.is_text_node:
            nxt = nxt.next
        if nxt is not None:
            return nxt.mem_id
        cur = cur.parent
    return None


@lru_cache(maxsize=1)
def protect_selector() -> str:
    return ", ".join(data_lines("protect.txt"))


def protected_nodes(tree: LexborHTMLParser, headline: str | None) -> list[LexborNode]:
    """Elements holding the article: protect.txt selectors, and h1/h2 elements whose text is the headline."""
    nodes = list(tree.css(protect_selector()))
    if headline:
        want = fold_text(headline)
        for h in tree.css("h1, h2"):
            t = fold_text(h.text(deep=True))
            if t and (t == want or (len(t) >= 20 and (t in want or want in t))):
                nodes.append(h)
    return nodes


def preclean(tree: LexborHTMLParser, headline: str | None = None) -> list[tuple[str, str]]:
    """Clean tree in place; returns (node, reason) for every removal."""
    removed = drop_tags_pass(tree)
    removed += drop_marked_pass(tree, protected_nodes(tree, headline))
    return removed
