"""Stage 5: byline metadata from blocks: title, subtitle, section, authors, author bio, date,
captions. Precision first: no author is better than a wrong one."""
from __future__ import annotations

import re

from .dates import find_date
from .language import is_cjk
from .main_content import GOOD, Selection
from .model import HEADING, Block
from .phrases import load_phrases

TITLE_LOOKBEHIND_DEFAULT = 12      # blocks before the article start searched for the title
TITLE_MIN_WORDS_DEFAULT = 3
TITLE_MAX_WORDS_DEFAULT = 30
BYLINE_PREFIX_RE = re.compile(
    r"^(?:by|written by|words by|story by|text by|reporting by|von|text von|par|por|di|door|av|af|autor|autorin|author|auteur|texte)\s*:?\s+",
    re.I)
NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\boch\b|\bog\b)\s*", re.I)
NAME_CUT_RE = re.compile(r"\s+(?:for|für|pour|para|per|in|at|on|am|le|el|updated|published|posted|[-–—•|·])\s.*$", re.I)
NAME_TOKEN_RE = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*|[a-z]{1,3}|van|von|de|der|den|da|del|della|di|du|le|la|ter|bin|al|el)$")
WORD_RE = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def clean_person_names(raw: str) -> list[str]:
    """'By Jane Doe and John Roe, Reuters' -> ['Jane Doe', 'John Roe']; junk gives []."""
    text = BYLINE_PREFIX_RE.sub("", raw.strip())
    d = find_date(text)
    if d:
        text = text[: d[1]]
    text = re.sub(r"\(.*?\)", " ", text)
    not_names = load_phrases("not_names")
    names: list[str] = []
    for part in NAME_SPLIT_RE.split(text):
        part = NAME_CUT_RE.sub("", part.strip()).strip(" .,:;-–—|")
        if not part or "@" in part or "http" in part.lower() or any(c.isdigit() for c in part):
            continue
        toks = part.split()
        if not (2 <= len(toks) <= 4):
            continue
        if not all(NAME_TOKEN_RE.match(t) for t in toks) or not toks[0][0].isupper() or not toks[-1][0].isupper():
            continue
        if any(not_names.whole(t) for t in toks):
            continue
        if part not in names:
            names.append(part)
    return names


def _title_like(b: Block, cjk: bool) -> bool:
    t = b.text
    if len(t) > 250 or b.link_density > 0.5:
        return False
    if cjk:
        return 6 <= len(t) <= 80 and t[-1:] not in "。"
    n = len(_words(t))
    if not (TITLE_MIN_WORDS_DEFAULT <= n <= TITLE_MAX_WORDS_DEFAULT):
        return False
    if t.endswith((".", ":", ",")) and n > 14:
        return False
    return any(c.isupper() for c in t[:2])


def find_title(blocks: list[Block], sel: Selection, tagged: set[int], dropped: set[int],
               cjk: bool) -> tuple[int | None, int | None]:
    """(title index, subtitle index). A top-level heading near the start wins; else the nearest
    title-like line before the article; a second title-like line right after it is the dek."""
    a, z = sel.span
    if a < 0:
        return None, None
    lo = max(0, a - TITLE_LOOKBEHIND_DEFAULT)
    heads = [b for b in blocks[lo:a + 1] if b.kind == HEADING and b.index not in dropped and b.index not in tagged
             and _title_like(b, cjk)]
    if heads:
        top = min(h.level for h in heads)
        h = [x for x in heads if x.level == top][-1]
        return h.index, None
    cands: list[int] = []
    for i in range(a - 1, lo - 1, -1):
        b = blocks[i]
        if i in tagged:
            continue
        if i in dropped:
            if cands:
                break
            continue
        if _title_like(b, cjk):
            cands.append(i)
            if len(cands) == 2:
                break
        elif cands:
            break
    if not cands:
        return None, None
    if len(cands) == 2:
        sub, title = cands[0], cands[1]
        if sub == title + 1 and len(blocks[sub].text) >= 0.8 * len(blocks[title].text):
            return title, sub
        return cands[0], None
    return cands[0], None


def extract(blocks: list[Block], sel: Selection, decisions, language: str | None) -> dict:
    """Metadata fields (with provenance) found in the text itself."""
    cjk = is_cjk(language)
    out: dict = {"title": None, "subtitle": None, "section": None, "authors": [], "author_bio": None,
                 "date": None, "captions": [], "provenance": {}}
    a, z = sel.span
    if a < 0:
        return out
    tagged = {i for idxs in sel.meta.values() for i in idxs}
    dropped = {d.index for d in decisions if d.action in ("drop", "end")}
    ti, si = find_title(blocks, sel, tagged, dropped, cjk)
    if ti is not None:
        out["title"] = blocks[ti].text
        out["provenance"]["title"] = f"text:block {ti}"
        if si is not None:
            out["subtitle"] = blocks[si].text
            out["provenance"]["subtitle"] = f"text:block {si}"
    sec = [i for i in sel.meta.get("section", []) if a - TITLE_LOOKBEHIND_DEFAULT <= i <= a + 2]
    if sec:
        out["section"] = blocks[sec[0]].text.lstrip("| ").strip()
        out["provenance"]["section"] = f"text:block {sec[0]}"
    for i in sorted(sel.meta.get("byline", []), key=lambda i: (abs(i - a), i)):
        if i > z:
            continue
        names = clean_person_names(blocks[i].text)
        if names:
            out["authors"] = names
            out["provenance"]["authors"] = f"text:block {i}"
            break
    bios = sel.meta.get("bio", [])
    if bios:
        out["author_bio"] = " ".join(blocks[i].text for i in bios)
        out["provenance"]["author_bio"] = f"text:block {bios[0]}"
        if not out["authors"]:
            m = re.match(r"^((?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w.'’-]+)", blocks[bios[0]].text)
            names = clean_person_names(m.group(1)) if m else []
            if names:
                out["authors"] = names[:1]
                out["provenance"]["authors"] = f"text:bio block {bios[0]}"
    dates = [i for i in sel.meta.get("date", []) if a - TITLE_LOOKBEHIND_DEFAULT <= i <= min(z, a + 6)]
    if dates:
        # Prefer a line that says it is the publication date over an "updated" one.
        dates.sort(key=lambda i: (bool(re.search(r"updated|aktualisiert|mis à jour|actualizado", blocks[i].text, re.I)),
                                  abs(i - a)))
        found = find_date(blocks[dates[0]].text)
        if found:
            out["date"] = found[0]
            out["provenance"]["date"] = f"text:block {dates[0]}"
    caps = sel.meta.get("caption", [])
    out["captions"] = [blocks[i].text for i in caps]
    if caps:
        out["provenance"]["captions"] = "text:caption lines"
    return out
