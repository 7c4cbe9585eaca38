"""The section an article is filed under, read off its breadcrumb trail.

NAV001 drops a trail ("Home › Science", "首页 > 科技 > 正文", "Startseite » Nachrichten » Energie »
Headline") from the body; its crumbs still say where the page sits. The trail's first crumb is
the site's root (a home word or the site's name) and its last one is often the page itself (the
headline, or a word for "article"); the deepest crumb left between them is the section."""
from __future__ import annotations

import re
from collections import Counter

from .dates import month_names
from .model import Block, Decision
from .phrases import fold_text

TRAIL_LOOKBEHIND_DEFAULT = 20   # blocks before the article's first block where its trail may sit
TRAIL_LOOKAHEAD_DEFAULT = 2     # ... and after it (a trail under the headline)
TRAIL_MAX_CRUMBS_DEFAULT = 6    # more: a menu with separators, not a trail
SECTION_MAX_WORDS_DEFAULT = 4
SECTION_MAX_CHARS_DEFAULT = 40

# (no spaces in the pattern: a run of spaces costs nothing to scan; crumbs are stripped instead)
SEPARATOR_RE = re.compile(r">>|[>»›→|]|(?<=\s)/(?=\s)|(?<=\w)/(?=\w)")
SEPARATORS = (">>", "»", "›", ">", "→", "|", "/")
CRUMB_EDGES = " \t\u00a0:"
# "You are here:" and its kind open a trail
HERE_RE = re.compile(r"^(?:you are here|sie sind hier|vous êtes ici|está aquí|usted está aquí|"
                     r"sei qui|u bevindt zich hier|jesteś tutaj)\s*:?\s*", re.I)
# A last crumb that stands for the page itself rather than a place: "正文" (main text), "Article".
PAGE_CRUMBS = frozenset({"正文", "详情", "詳細", "本文", "article", "artikel", "articolo", "artículo", "story"})
ELLIPSIS_END = ("...", "…")


def _is_page(crumb: str, title: str | None) -> bool:
    """The crumb names the page: its headline (whole, cut short with an ellipsis, or the crumb a
    shortened headline), or a word for an article."""
    c = fold_text(crumb)
    if c in PAGE_CRUMBS:
        return True
    if crumb.endswith(ELLIPSIS_END):
        return True   # "Histo-Monte: Pis ...": a headline cut short
    if not title:
        return False
    t = fold_text(title)
    return c == t or t.startswith(c) and len(c) >= 12 or c.startswith(t)


def crumbs(text: str) -> list[str]:
    """The crumbs of a trail, in order (empty ones left out). The trail is cut at its separator:
    the one it uses most ("Home » Elektro / Photovoltaik » ..." keeps "Elektro / Photovoltaik")."""
    text = HERE_RE.sub("", text.strip())
    seps = Counter(m.group(0).strip() for m in SEPARATOR_RE.finditer(text))
    if not seps:
        return [text] if text else []
    top = max(seps.values())
    sep = next(s for s in SEPARATORS if seps.get(s) == top)   # (a tie: the first in SEPARATORS)
    parts = SEPARATOR_RE.split(text) if len(seps) == 1 else text.split(sep)
    return [c.strip(CRUMB_EDGES) for c in parts if c.strip(CRUMB_EDGES)]


def section(blocks: list[Block], decisions: list[Decision], start: int, title: str | None) -> tuple[str, int] | None:
    """(section, block index) from the breadcrumb trail nearest the article's first block, or None."""
    if start < 0:
        return None
    near = [d.index for d in decisions if d.rule_id == "NAV001"
            and start - TRAIL_LOOKBEHIND_DEFAULT <= d.index <= start + TRAIL_LOOKAHEAD_DEFAULT]
    for i in sorted(near, key=lambda i: (abs(i - start), i)):
        parts = crumbs(blocks[i].text)
        if len(parts) < 2 or len(parts) > TRAIL_MAX_CRUMBS_DEFAULT:
            continue
        ends_open = blocks[i].text.rstrip().endswith(SEPARATORS)   # "Home › Health ›": places only
        parts = parts[1:]                        # the root: home, or the site's name
        if _is_page(parts[-1], title) or not title and not ends_open:
            parts = parts[:-1]                   # (with no headline known, the last crumb may be the page)
        for c in reversed(parts):               # the deepest crumb that names a section
            if _is_page(c, title) or any(ch.isdigit() for ch in c) or c.casefold() in month_names():
                continue                         # the headline again; "2015", "KW 15", "January": archive dates
            if len(c.split()) <= SECTION_MAX_WORDS_DEFAULT and len(c) <= SECTION_MAX_CHARS_DEFAULT:
                return c, i
            break
        return None
    return None
