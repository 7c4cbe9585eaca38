"""Site name from the text of a page: the holder named in its footer copyright line.

"© 2024 The Harbor Ledger. All rights reserved." names the site (or its publisher) at the
foot of nearly every news page and blog. The line counts only where it is page furniture: a
footer rule dropped it, or it sits after the article. A credit inside a photo caption ("©
Reuters") is tagged as a caption before the footer rules run, so it never gets here. Two
footer lines naming different holders give no answer (precision first).
"""
from __future__ import annotations

import re

from .model import Block, Decision
from .rules import lines_holding

COPYRIGHT_RE = re.compile(r"(?:©|\(c\)|copyright\b)", re.I)
MARK_WITHIN_CHARS_DEFAULT = 40       # the copyright mark opens the line (after at most a domain)
# How much of a line holds every match of COPYRIGHT_RE that starts within the distance above:
# the longest mark ("copyright", 9 characters) and the character after it that \b looks at.
MARK_SCAN_CHARS = MARK_WITHIN_CHARS_DEFAULT + len("copyright") + 1
NAME_MAX_WORDS_DEFAULT = 6
LINE_MAX_WORDS_DEFAULT = 40          # a footer line, not a paragraph about copyright law
_LEAD_RE = re.compile(   # the marks, the years and a "by" before the holder (possessive: linear)
    r"(?:\s|©|\(c\)|copyright\b)*+"
    r"(?:(?:19|20)\d\d(?:\s*+[-–—/]\s*+(?:(?:19|20)\d\d|present|heute|aujourd'hui))?+\s*+[,.]?+\s*+)?+"
    r"(?:(?:©|\(c\))\s*+)?+(?:by\s++)?+", re.I)
_CUT_RE = re.compile(
    r"\.\s|\.$|[,|•·©;:!?()\[\]]|\s[-–—]\s|\b(?:all rights|alle rechte|tous droits|todos (?:os|los) derechos"
    r"|todos os direitos|tutti i diritti|powered by|all times|privacy|terms of|und\s|and its\s)", re.I)
_LEGAL_FORMS = frozenset("inc llc ltd limited gmbh ag plc corp corporation sa s.a a.s as sl s.l srl bv b.v nv n.v "
                         "pty co".split())
_YEARS_RE = re.compile(r"(?:19|20)\d\d(?:[-–—](?:19|20)\d\d)?")
_NOT_NAME_WORDS = frozenset(
    "all rights reserved provided photo image foto bild getty portions content individual contributors "
    "copyright the a an this these our your by of dieses diese dieser ce cette este esta questo".split())
_WORD_RE = re.compile(r"[^\W_][\w'’&.-]*")


def holder(text: str) -> str | None:
    """The copyright holder named by a footer line, or None."""
    head = text[:MARK_SCAN_CHARS]   # (a mark further in is too far in)
    if not _may_hold_mark(head):
        return None   # (most lines: answered without the search)
    m = COPYRIGHT_RE.search(head)
    if m is None or m.start() > MARK_WITHIN_CHARS_DEFAULT or len(text.split()) > LINE_MAX_WORDS_DEFAULT:
        return None
    rest = " ".join(text[m.start():m.start() + 300].split())
    lead = _LEAD_RE.match(rest)
    rest = rest[lead.end():] if lead else rest
    cut = _CUT_RE.search(rest)
    name = (rest[:cut.start()] if cut else rest).strip()
    parts = name.split()
    while parts and (parts[-1].lower().strip(".,") in _LEGAL_FORMS or _YEARS_RE.fullmatch(parts[-1])
                     or parts[-1] in "-–—"):
        parts.pop()                           # "Example Media Group Ltd 2017" -> "Example Media Group"
    name = " ".join(parts).rstrip(" ,")
    words = _WORD_RE.findall(name)
    if not words or len(words) > NAME_MAX_WORDS_DEFAULT or len(name) > 60:
        return None
    if all(w.lower() in _NOT_NAME_WORDS for w in words):
        return None
    if words[0].lower() in _NOT_NAME_WORDS and words[0].lower() not in ("the",):
        return None                            # "Provided by ...", "All rights reserved", "Portions ..."
    first = words[0][0]
    if first.isalpha() and first.isascii() and not first.isupper():
        return None                            # "by individual contributors": a phrase, not a name
    return name


def _may_hold_mark(text: str) -> bool:
    """False only where COPYRIGHT_RE finds no mark: a match holds '©', or "(c)" or "copyright" in a
    case IGNORECASE matches, and then the text lowered holds "(c)" or "opyr" (none of these five
    letters has a case partner but its capital, and each lowers to one character). (Not a bare
    '(': a page of links holds one in every line.)"""
    if "©" in text:
        return True
    low = text.lower()
    return "(c)" in low or "opyr" in low


MARK_NEEDLES = ("©", "(c)", "opyr")   # a line _may_hold_mark lets through holds one, lowered


def _marked_after(lowered: tuple[str, list[int]], first: int) -> list[int]:
    """The lines from line `first` on whose text lowered holds one of MARK_NEEDLES, in order, from
    the lines lowered (each line's text.lower() at its start, one separator character between
    them, as RuleContext._lowered holds them). A line whose head _may_hold_mark lets through is
    one of them: "©" is its own lowered form (no character lowers to a string holding it), and
    "(c)" and "opyr" are asked of the head lowered."""
    return sorted(set().union(*(lines_holding(lowered, needle, first) for needle in MARK_NEEDLES)))


def site_name(blocks: list[Block], decisions: list[Decision], kept: list[int],
              lowered: tuple[str, list[int]] | None = None) -> tuple[str, int] | None:
    """(name, block index) from the footer copyright lines, or None. lowered: the page lowered as
    the rules' context holds it (RuleContext._lowered), when there is one."""
    footer = {d.index for d in decisions if "FTR" <= d.rule_id < "FTS"}   # (the ids starting "FTR")
    last_kept = max(kept) if kept else len(blocks)
    found: dict[str, tuple[str, int]] = {}   # folded holder -> (its last spelling, first line)
    # The footer lines up to the last kept one, then every line after it, in page order (a block's
    # index is its place in the list: the segmenters number them so, and kept holds places).
    # (After the last kept line only those holding a needle of the mark are read: the rest of
    # them would be passed over below.)
    after = blocks[last_kept + 1:] if lowered is None else [blocks[i] for i in _marked_after(lowered, last_kept + 1)]
    lines = [blocks[i] for i in sorted(footer) if i <= last_kept] + after
    for b in lines:
        if not _may_hold_mark(b.text[:MARK_SCAN_CHARS]):
            continue   # (holder's first question, asked here: most lines end there)
        name = holder(b.text)
        if name:
            key = name.casefold()
            found[key] = (name, found[key][1] if key in found else b.index)
    if len(found) != 1:
        return None
    # The holder is often the publisher ("Vox Media" under The Verge): it counts as the site's
    # name only where the page names it again outside a copyright line (masthead, "About X",
    # "the X newsletter", a title "Headline | X").
    key, hit = next(iter(found.items()))
    for i in _may_hold_key(len(blocks), key, lowered):
        b = blocks[i]
        low = b.text.casefold()
        if key in low and not COPYRIGHT_RE.search(b.text) and _named_as_word(low, key):
            return hit
    return None


# The characters str.casefold() makes of nothing but themselves and their ASCII capitals, one for
# one (tests/test_sitename.py reads every character's casefold): where a text casefolded holds a
# run of them, each comes from itself or its capital, side by side, and the text lowered holds the
# run too. ("a", "f", "h", "i", "j", "k", "l", "n", "s", "t", "w" and "y" come of others as well:
# "ﬁ", "ß", "K" ...)
FOLD_SAFE = "bcdegmopqruvxz0123456789 &'-."
FOLD_SAFE_RUN_RE = re.compile("[" + re.escape(FOLD_SAFE) + "]+")
# A run this long or longer is searched for; a shorter one is found in too many lines to spare
# their folding. (Any run gives the same lines to read: the length only decides whether the search
# pays. On the development corpus two characters still spare more folding than the search costs,
# "cbs interactive", "tencent", "notice"; one does not.)
SAFE_RUN_MIN_CHARS = 2


def _may_hold_key(n: int, key: str, lowered: tuple[str, list[int]] | None) -> range | list[int]:
    """Of the n lines, the indices of those whose text casefolded may hold the key (a holder
    casefolded), in order: those whose text lowered holds its longest run of FOLD_SAFE characters,
    found in the lines lowered (as _marked_after reads them); every line where the run is short or
    there are no lines lowered."""
    run = max(FOLD_SAFE_RUN_RE.findall(key), key=len, default="")
    if lowered is None or len(run) < SAFE_RUN_MIN_CHARS:
        return range(n)
    return lines_holding(lowered, run)   # (the run holds no separator: each hit lies in one line)


def _named_as_word(low: str, key: str) -> bool:
    i = low.find(key)
    while i >= 0:
        before = low[i - 1] if i else " "
        j = i + len(key)
        after = low[j] if j < len(low) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = low.find(key, i + 1)
    return False
