"""Text and markdown dumps -> blocks.

Undoes what dumps do to a page: elements glued together ("left this monthThis is your
last"), lines broken inside a sentence, bullets, markdown links, images and emphasis.
Everything here is linear in the input: no regex can backtrack over more than a line."""
from __future__ import annotations

import re
import sys
from functools import lru_cache, partial
from itertools import count, repeat
from operator import itemgetter, le

from ..model import HEADING, ITEM, PARA, PRE, QUOTE, TABLE, Block
from ..phrases import _entries, _whole_entry, load_phrases

# The characters the patterns' \s matches (those str.isspace() is true of; tests/test_segment_markdown.py
# checks the list over every code point).
SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _class_but(chars: str) -> str:
    """A character class of every character but those given: the set "[^...]" of them is, spelled
    as the ranges between them. The regex engine stores such a class as a table of the code points
    it takes (one look-up a character), where it tests a character against a negated class's
    items one by one, a category (\\s) among them: runs of link text and addresses go two to three
    times as fast. (A single character negated, "[^\\n]", is an operation of its own, the fastest:
    it stays as it is.)"""
    ranges, start = [], 0
    for c in sorted(set(map(ord, chars))):
        if c > start:
            ranges.append((start, c - 1))
        start = c + 1
    if start <= sys.maxunicode:
        ranges.append((start, sys.maxunicode))
    return "[" + "".join(_escaped(a) if a == b else _escaped(a) + "-" + _escaped(b) for a, b in ranges) + "]"


def _escaped(c: int) -> str:
    return "\\x%02x" % c if c < 0x100 else "\\u%04x" % c if c < 0x10000 else "\\U%08x" % c


WS_RE = re.compile(r"[\s\u200b]+")   # every Unicode space (U+2028, U+1680, ...) and zero width
ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
BULLET_RE = re.compile(r"^(?:[•·▪►▸◦‣●○■□✓✔–—]|[*+-](?=\s)|\d{1,3}[.)](?=\s))\s*")
# Two elements glued: a lowercase word run straight into a capitalised word ("monthThis").
GLUED_WORD_RE = re.compile(r"(?<=[a-zà-ÿ]{2})(?=([A-ZÀ-Þ][a-zà-ÿ]+))")
# A sentence end glued to the next sentence ("world.The", "here!Next").
GLUED_SENTENCE_RE = re.compile(r"(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Þ][a-zà-ÿ])")
# Both in one pattern that split_glued scans a line with: it opens on the capital, so the search
# skips from capital to capital (the two above open with lookbehinds: tried at every character).
# A match of one character is a GLUED_SENTENCE_RE place; a longer one a GLUED_WORD_RE place and
# its group (the capitalised word). The two cannot share a place (the character before the
# capital is a letter or a sentence end), and no capital lies inside a word match: finditer
# finds every place of the two patterns, in order.
GLUED_RE = re.compile(r"[A-ZÀ-Þ](?:(?<=[a-zà-ÿ]{2}[.!?][A-ZÀ-Þ])(?=[a-zà-ÿ])|(?<=[a-zà-ÿ]{2}[A-ZÀ-Þ])[a-zà-ÿ]+)")
SENT_END = ".!?:;…\"”’»)]"
LABEL_END = " .:!"   # what may follow a label glued at a line's end
LABEL_MAX_CHARS = 40   # ... and its length (only the last few capitals of a line are looked at)
CUT_LINE_MIN_CHARS = 40   # a line cut before a capital is a long one (source text wrapped at a width)
WRAP_INDENT_MIN = 2        # ... and indented as page source is (a single space is an inline gap)
ELEMENT_GAP = "   "   # three spaces inside a line: two elements of the page (see segment_text)
CODE_COMMENT_MARKS = ("#", "//", "/*", "--", ";", "%")
# Program listings in a text dump (see _merge_code_runs).
CODE_ENDS = ("{", "}", ";", "[", "(", "=>", "->")
CODE_STARTS = ("}", "//", "/*", "#!", "$ ", ">>> ")
# Template markup a page forgot to fill ("{{#count}}", "{% if %}"): junk, not a program listing.
TEMPLATE_MARKS = ("{{", "}}", "{%", "%}")
CODE_SYMBOLS = frozenset("(){}[];=<>+*/\\&|$")
# The last and first characters of CODE_ENDS and CODE_STARTS: a page none of whose lines ends or
# starts with one has no code line (two set operations over the lines instead of a test per line).
CODE_END_CHARS = frozenset(e[-1] for e in CODE_ENDS)
CODE_START_CHARS = frozenset(s[0] for s in CODE_STARTS)
CODE_LINE_MAX_CHARS = 200
CODE_RUN_MIN = 2
CODE_STRONG_MIN = 1
CODE_GAP_MAX = 2
FRAGMENT_MAX_CHARS = 2   # a line this short is a fragment of something (see _merge_fragments)
FRAGMENT_RUN_MIN = 3

# Markdown (html2text and crawler style).
MD_IMAGE_RE = re.compile(r"!\[([^\[\]\n]{0,500})\]\((?:[^()\s]|\([^()\s]*\)){0,4000}(?:\s+\"[^\"\n]{0,500}\")?\)")
# (The text may hold one level of brackets: html2text writes a citation link as "[[1]](url)".)
MD_LINK_RE = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,500}\]){0,2000})\]\((?:[^()\s]|\([^()\s]*\)){0,4000}(?:\s+\"[^\"\n]{0,500}\")?\)")
# The same two patterns with runs of plain characters as one step and no bounds on the counts
# (possessive: nothing to give back). Each part of a link or image is forced: the text runs to
# the first "](" its brackets allow, the address to the first space or unmatched bracket. So a
# match of the fast pattern no longer than the tightest bound above (2000 steps of link text,
# each at least a character) is the exact pattern's match at the same place, and where the fast
# pattern finds nothing, neither does the exact one. The per-character alternation of the exact
# patterns costs three times as much; a line with a longer match is done by them (_sub_bounded).
_TEXT_CHAR = _class_but("[]\n")        # [^\[\]\n]
_ADDRESS_CHAR = _class_but("()" + SPACES)   # [^()\s]
_TITLE_CHAR = _class_but('"\n')   # [^"\n]
MD_IMAGE_FAST_RE = re.compile(r"!\[(" + _TEXT_CHAR + r"{0,500})\]\((?:" + _ADDRESS_CHAR + r"++|\(" + _ADDRESS_CHAR + r"*\))*+"
                              r"(?:\s+\"" + _TITLE_CHAR + r"{0,500}\")?\)")
MD_LINK_FAST_RE = re.compile(r"\[((?:" + _TEXT_CHAR + r"++|\[" + _TEXT_CHAR + r"{0,500}\])*+)\]\((?:" + _ADDRESS_CHAR + r"++|\("
                             + _ADDRESS_CHAR + r"*\))*+(?:\s+\"" + _TITLE_CHAR + r"{0,500}\")?\)")
FAST_MATCH_MAX_CHARS = 2000
MD_REF_LINK_RE = re.compile(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,100}\]")
MD_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s")   # the rest is cut by hand: no backtracking
MD_QUOTE_RE = re.compile(r"^>\s?")
EMPTY_ITEMS = frozenset("*+-•")   # a bullet with no text
CODE_INDENTS = ("    ", "\t")   # an indented code block's lines start with one of these
# Bounded spans: an opener with no closer costs at most 300 characters of scanning (linear time).
# Each alternative opens with its mark (the single star's lookbehind comes after the star and
# looks at the character before it): the search skips to the stars and underscores. Each
# closing mark is matched before the look back at the character before it ("\*\*(?<=\S\*\*)",
# the same test as "(?<=\S)\*\*"): at each length the lazy span tries, the cheap literal fails
# first (most places hold no mark), and the span's lengths are tried in the same order.
MD_EMPH_RE = re.compile(r"\*\*(?=\S)([^\n]{1,300}?)\*\*(?<=\S\*\*)|__(?=\S)([^\n]{1,300}?)__(?<=\S__)"
                        r"|\*(?<![\w*]\*)(?=\S)(" + _class_but("*\n") + r"{1,300}?)\*(?<=\S\*)(?![\w*])")
# Underscores at the edge of a word are emphasis marks ("_word_", "_**name**_", "_ text_" as
# html2text writes <em>); one between two letters or digits (snake_case) or escaped ("\\_") is text.
MD_UNDERSCORE_RE = re.compile(r"(?<!\\)(?<![^\W_])_+|(?<!\\)_+(?![^\W_])")
UNDERSCORE_RUN_RE = re.compile(r"_+")   # (what _drop_underscores reads MD_UNDERSCORE_RE's matches from)
# What MD_UNDERSCORE_RE removes from a line with no backslash, as a pattern that opens with the
# underscore (its search skips to them): a run of two or more whole (the first alternative takes
# the run from its first underscore on, as far as it goes), and a single one not between two
# letters or digits (the lookbehind, after the underscore, reads the character before it).
UNDERSCORE_EDGE_RE = re.compile(r"__+|_(?<![^\W_]_)|_(?![^\W_])")
MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
RULE_CHARS = frozenset("-*_")   # a thematic break: three or more of these, spaces between allowed
RULE_LINE_CHARS = "-*_ \t"      # ... and all a thematic break's line holds
TABLE_SEP_CHARS = frozenset("|:- \t")
MD_LINKDEF_RE = re.compile(r"^\s{0,3}\[[^\]]{1,200}\]:\s*\S+")
# A link whose title attribute runs past the end of the line ('](url "Title' ... 'more")'):
# html2text copies the newlines of a title into the markdown.
MD_OPEN_TITLE_RE = re.compile(r"\]\(([^()\s]{1,4000})\s+\"[^\"\n]{0,2000}$")
MD_TITLE_MAX_LINES_DEFAULT = 30
# An image whose address is data (an inline SVG or base64 picture): spaces and any length.
MD_DATA_IMAGE_RE = re.compile(r"!\[" + _TEXT_CHAR + r"{0,500}\]\(data:" + _class_but(")\n") + r"*\)")
# A line that is one plain link, bare or as a list item ("  * [News](/news)"): a third of the
# lines of crawler markdown, the menus. segment_markdown takes such a line (fullmatch) on a short
# path; see there why its outcome is the long path's. The text holds none of the characters the
# line tests and the link patterns look for (brackets, quote, "<", pipe; "#" not first), the
# address only printable ASCII but quote, parentheses and pipe, the title (after one space) no
# quote, bracket, pipe or line end. The text's marks of emphasis, escapes and code (stars,
# underscores, backslashes, backticks), which strip_markdown_inline reads once the link is
# unwrapped, are found by group 3: the text from its first such mark on (None: the text has none).
# The runs of spaces, text and address are possessive: what follows each (a bullet or bracket, a
# mark or "]", "]", a space or ")") is none of the run's characters, so giving one back never
# lets a match go on; a line that is no link fails without trying each shorter run.
MD_LINK_LINE_RE = re.compile(r" *+([*+-] )?\[((?!#)" + _class_but('[]\n"*_\\`<|') + r"*+([*_\\`]" + _class_but('[]\n"<|')
                             + r"*+)?)\]"
                             r"\([!#-'*-{}~]*+(?: \"" + _class_but('"\n[]|') + r"{0,500}\")?\)")

# A line that is one image, or one link around an image and nothing else (spaces aside), bare or
# as a list item ("[![Logo](/logo.png)](/)", "  * ![](/icon.svg)"): its text is none, and
# segment_markdown skips it on a short path (a list item ends the paragraph); see there why. The
# image's text holds no bracket, quote, pipe or line end (at most 500 characters); the addresses
# only printable ASCII but space, quote, brackets, parentheses and pipe (so the image's "![" is
# the line's only one); a title, after one space, holds no quote, bracket, parenthesis, pipe or
# line end (at most 500 characters). The runs of spaces and addresses are possessive, as in
# MD_LINK_LINE_RE (the image's text is bounded, and "]" follows it).
_MD_ADDRESS_TITLE = r"\([!#-'*-Z\\^-{}~]*+(?: \"" + _class_but('"\n[]()|') + r"{0,500}\")?\)"
_MD_PLAIN_IMAGE = r"!\[" + _class_but('[]\n"|') + r"{0,500}\]" + _MD_ADDRESS_TITLE
MD_IMAGE_LINE_RE = re.compile(r" *+([*+-] )?(?:" + _MD_PLAIN_IMAGE + r"|\[ *+" + _MD_PLAIN_IMAGE + r" *+\]"
                              + _MD_ADDRESS_TITLE + ")")


# Blocks are built by tuple.__new__ straight from their fields, in Block._fields order (the named
# tuple's own __new__ is a Python function: a call per block, twice the cost). _make_blocks
# gives every field, as Block(...) with the same values would have it.
_new_block = partial(tuple.__new__, Block)
assert Block._fields == ("index", "text", "kind", "level", "link_chars", "gap_before", "line", "origin", "hint")


def _make_blocks(texts, kinds, levels, links, gaps, lines, origin: str) -> list[Block]:
    """Block(i, text, kind, level, link_chars, gap, line, origin) for each i, no hint."""
    # (map with the class repeated calls tuple.__new__ with no partial in between)
    return list(map(tuple.__new__, repeat(Block),
                    zip(count(), texts, kinds, levels, links, gaps, lines, repeat(origin), repeat(""))))


def clean_line(line: str) -> str:
    # A line already clean is returned as it is (most lines are; the test is cheaper than the
    # split and join): it is printable, so it holds no zero width and no space but " " (every
    # character str.split() cuts at, and every one ZERO_WIDTH_RE removes, is unprintable, the
    # space aside), with no two spaces in a row and none at either end.
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    if not line.isascii():
        line = ZERO_WIDTH_RE.sub("", line)
    # Once the zero widths are gone, str.split() cuts at exactly WS_RE's runs (every Unicode
    # space), three times faster than the regex.
    return " ".join(line.split())


def split_glued(text: str, stopwords: frozenset[str]) -> list[str]:
    """Split a line where two page elements were glued with no space between them.

    A lowercase run followed directly by a capitalised word is split only when that word is
    a stopword of the page language ("monthThis is"), so brand names (iPhone, YouTube,
    McDonald) stay whole; a sentence end glued to a capital ("world.The") is always split.
    (A line GLUED_RE finds nothing in is returned whole: callers may ask that first.)"""
    if not stopwords:
        cuts = _cuts_without_stopwords(text)
        return _split_at(text, cuts) if cuts else [text]
    first = GLUED_RE.search(text)
    if first is None:
        return [text]   # (the usual line: one scan, no iterator)
    cuts = []
    starts = _label_starts()
    for m in GLUED_RE.finditer(text, first.start()):
        at = m.start()
        if m.end() - at == 1:
            cuts.append(at)   # a sentence end glued to a capital
        elif (low := m.group().lower()) in stopwords and _lower_token_before(text, at):
            cuts.append(at)
        elif (len(text) - at <= LABEL_MAX_CHARS and (starts is None or low in starts) and _label_tail(text[at:])
              and _word_before(text, at).isalpha()):
            cuts.append(at)   # (after any word: "By Ellen ParkShare this article")
    if not cuts:
        return [text]
    return _split_at(text, cuts)


# A sentence end glued to a capital, as GLUED_RE's one-character matches find it (the capital
# after it), matched at the mark: the search skips to the marks, fewer than the capitals.
GLUED_SENTENCE_END_RE = re.compile(r"[.!?](?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Þ][a-zà-ÿ])")


def _cuts_without_stopwords(text: str) -> list[int]:
    """split_glued's cuts with no stopwords, in order: every sentence end glued, and the words
    glued that a label follows, which start at most LABEL_MAX_CHARS from the end. GLUED_RE's
    matches are its capitals (a match takes no other capital), so the matches the search from
    there finds are those of the whole line that start there or later."""
    cuts = [m.start() + 1 for m in GLUED_SENTENCE_END_RE.finditer(text)]
    tail = len(text) - LABEL_MAX_CHARS
    starts = _label_starts()
    for m in GLUED_RE.finditer(text, tail if tail > 0 else 0):
        at = m.start()
        if (m.end() - at > 1 and (starts is None or m.group().lower() in starts) and _label_tail(text[at:])
                and _word_before(text, at).isalpha()):
            cuts.append(at)   # (the sentence ends are in already)
    return sorted(cuts) if len(cuts) > 1 else cuts


def _split_at(text: str, cuts: list[int]) -> list[str]:
    """The pieces of text between the cuts (in order, each once), stripped, the empty ones left out."""
    parts, prev = [], 0
    for c in cuts:
        parts.append(text[prev:c])
        prev = c
    parts.append(text[prev:])
    return [p.strip() for p in parts if p.strip()]


# Where GLUED_RE can match, found over a whole page by byte operations (a search per line costs
# four times as much: it stops at every capital): the page's characters in latin-1, those beyond
# it left out, each byte mapped to a class by bytes.translate, and the shape of a match looked for
# by bytes.find. A match holds two letters of [a-zà-ÿ], then a capital of [A-ZÀ-Þ] and a letter
# of [a-zà-ÿ] (a word glued), or the same with one of ".!?" before the capital (a sentence end
# glued): all latin-1 characters, next to each other in the bytes as in the line, of class "a"
# (a small letter or ".!?") or "A" (a capital): GLUE_SHAPE, which a sentence end glued holds too
# (as "aaa" then "Aa"). The characters left out can only bring others together: more lines to
# look at, never fewer. (Encoding to latin-1 costs less than to UTF-16, which most pages need for
# a curly quote or a dash.)
_GLUE_CLASSES = bytearray(b" " * 256)
for _c in [*range(ord("a"), ord("z") + 1), *range(0xE0, 0x100), *b".!?"]:
    _GLUE_CLASSES[_c] = ord("a")
for _c in [*range(ord("A"), ord("Z") + 1), *range(0xC0, 0xDF)]:
    _GLUE_CLASSES[_c] = ord("A")
_GLUE_CLASSES = bytes(_GLUE_CLASSES)
GLUE_SHAPE = b"aaAa"


def glue_lines(text: str) -> set[int]:
    """The numbers (1-based, as in text.split("\n")) of the lines where GLUED_RE may find a
    place in a part of the line with its runs of whitespace made one space (whitespace is of no
    class: the characters a match reads are next to each other in the line too): a line not
    given has none. (Where clean_line takes zero widths out, two letters can come together:
    segment_text asks GLUED_RE of such lines itself.)"""
    return _glue_places(text, False)


def glue_cut_lines(text: str) -> set[int]:
    """glue_lines' lines (1-based) where split_glued with no stopwords may cut, for lines that
    hold no line end of their own (segment_markdown's paragraphs): a line not given is returned
    whole. With no stopwords, split_glued cuts only at a sentence end glued ("world.The") and at
    a word glued whose capital lies at most LABEL_MAX_CHARS characters from the line's end
    (_cuts_without_stopwords). Either match is latin-1 characters next to each other, so the
    bytes hold GLUE_SHAPE there, as in glue_lines: for a sentence end with its mark as the
    shape's second byte; for a word, with the capital (the shape's third byte) at most
    LABEL_MAX_CHARS bytes from the line's end (the bytes from it to the end are some of the
    characters, those beyond latin-1 left out), and the word lowered one of _label_starts(),
    which holds every start of two characters or more of its entries: so does it hold the word's
    first two characters, the shape's last two bytes (latin-1 letters lower one to one). Every
    place of the shape in a line is looked at until one of them may be a cut; most lines
    glue_lines gives have none (a capital inside a word, "iPhone", far from the end)."""
    return _glue_places(text, True)


def _glue_places(text: str, cuts: bool) -> set[int]:
    """glue_lines (cuts False) or glue_cut_lines (cuts True): the lines holding a place of
    GLUE_SHAPE, with cuts one where split_glued with no stopwords may cut."""
    data = text.encode("latin-1", "ignore")   # (a line end is a byte of its own: lines are counted in data)
    classes = data.translate(_GLUE_CLASSES)
    found, line, pos = set(), 1, 0
    # GLUE_SHAPE is looked for as its first three bytes, then the fourth: bytes.find skips
    # ahead on a byte that is none of the needle's last one, and a capital is rarer than a letter.
    head, find, shape_end = GLUE_SHAPE[:3], classes.find, GLUE_SHAPE[3:]
    starts = _label_starts() if cuts else None
    end = -1   # (cuts) the end of the line of the place looked at (found for its first place)
    i = find(head)
    while i >= 0:
        if classes[i + 3:i + 4] != shape_end:
            i = find(head, i + 1)
            continue
        if cuts:
            if i > end:
                end = data.find(b"\n", i)
                if end < 0:
                    end = len(data)
            if not (data[i + 1] in b".!?" or (end - (i + 2) <= LABEL_MAX_CHARS and (
                    starts is None or data[i + 2:i + 4].decode("latin-1").lower() in starts))):
                i = find(head, i + 1)   # (no cut here: the line's next place may be one)
                continue
        line += data.count(b"\n", pos, i)
        found.add(line)
        # (the search goes on from the line's end: its other places would give the same line)
        pos = data.find(b"\n", i)
        if pos < 0:
            break
        i = find(head, pos)
    return found


@lru_cache(maxsize=None)
def _label_starts() -> frozenset[str] | None:
    """The starts (two characters or more) of the entries of the share and ui lists, lowered:
    _label_tail holds of a tail that a glued word (GLUED_RE's: a capital, then letters of
    [a-zà-ÿ], up to a character that is none of them) opens only when the word lowered is one of
    them, so split_glued asks it of no other. Why: the ui list and the share list's whole-block
    entries are matched by normalize_block(tail), which opens with the word lowered (lowering
    keeps its letters, and none is an edge mark); a share literal hit at the tail's start matches
    the word ignoring case, and then no letter (the literal's words end at a space or its end,
    where the tail goes on with no letter of [a-zà-ÿ]), so the literal's start is the word. The
    word's letters match an entry's character ignoring case only where they lower to it
    (tests/test_segment_text.py checks every pair). None (no gate) when an entry is a pattern or
    holds a placeholder: those could match otherwise."""
    out = set()
    for name in ("share", "ui"):
        load_phrases(name)   # (validates the file)
        for line in _entries(name):
            if line.startswith(("re:", "=re:")) or "{" in line:
                return None
            phrase = _whole_entry(line) if line.startswith("=") else line.lower()
            out.update(phrase[:i] for i in range(2, len(phrase) + 1))
    return frozenset(out)


def _label_tail(tail: str) -> bool:
    """The rest of a line, from a glued capital on, is a share or interface label and nothing
    else ("By Ellen ParkShare this article": a byline with the share bar run into it)."""
    hit = load_phrases("share").find(tail)
    if hit is not None and hit[1] == 0 and len(hit[0]) == len(tail.rstrip(LABEL_END)):
        return True
    return load_phrases("ui").whole(tail) is not None


def _word_before(text: str, pos: int) -> str:
    """The token (run of non-spaces) that ends at pos."""
    # From the last " " before pos (one search, not a step per character: a glued menu's token
    # runs long): the token, when what lies between is printable (every white space but " " is
    # unprintable; the lines split_glued is given are clean, so this is the usual case).
    word = text[text.rfind(" ", 0, pos) + 1:pos]
    if word.isprintable():
        return word
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:pos]


def _lower_token_before(text: str, pos: int) -> bool:
    """True when the token that ends at pos is a plain lowercase word ("month" in "monthThis"),
    not part of a camelCase identifier ("numberArticlesLeft") or a template."""
    left = _word_before(text, pos)
    return left.isalpha() and left.islower()


def _continues(prev: str, nxt: str, stopwords: frozenset[str] = frozenset(), wrapped: bool = False) -> bool:
    """True when nxt is the rest of a sentence that a hard line break cut in two: it starts in
    lower case after a line of some length (any length when wrapped: both lines keep the same
    indentation of the page source, as a BeautifulSoup dump of hard-wrapped source text does), or,
    wrapped, the line before stops where no sentence or heading stops, at a comma or a function
    word ("... for these reasons," / "I was willing", "... a name which" / "I admit")."""
    if not prev or not nxt or prev[-1] in SENT_END:
        return False
    c = nxt[0]
    if c.isalpha() and c.islower():
        return len(prev) >= 20 or wrapped
    if not wrapped or len(prev) < CUT_LINE_MIN_CHARS or not (c.isupper() or c.isdigit()):
        return False
    if prev[-1] == ",":
        return True
    last = prev[prev.rfind(" ") + 1:]
    return last.islower() and last in stopwords


def segment_text(text: str, stopwords: frozenset[str] = frozenset()) -> list[Block]:
    """Plain-text dumps (innerText, html-text, BeautifulSoup get_text): one block per line,
    glued elements split, sentences broken across lines joined, bullets marked."""
    texts: list[str] = []
    kinds: list[str] = []
    gaps: list[int] = []
    lines: list[int] = []
    gap = 0
    bullet, zw_sub = BULLET_RE.match, ZERO_WIDTH_RE.sub
    indent = last_indent = -1
    may_glue = glue_lines(text)   # (GLUED_RE is asked only there: most lines have no place for it)
    for lineno, raw in enumerate(text.split("\n"), 1):
        if not raw:
            gap += 1   # (an empty line, as the blank lines below)
            continue
        if (((c := raw[0]).isalpha() or c != " " and bullet(raw) is None) and raw.isprintable() and "  " not in raw
                and raw[-1] != " " and lineno not in may_glue):
            # The usual line, on a short path with the outcome of the long one below: not blank,
            # not indented (indent 0: never wrapped), one cell (no ELEMENT_GAP, no tab: a tab is
            # unprintable), already clean (clean_line's test), no bullet (it opens with a letter,
            # or BULLET_RE finds none: "12:13 PM", "“Quoted”"), nothing glued (not in may_glue,
            # and no zero width: those are unprintable). It joins the paragraph before only when
            # it opens in lower case, as unwrapped lines do below.
            # (lower case asked first: few lines open with it)
            if c.islower() and gap == 0 and texts and kinds[-1] == PARA \
                    and _continues(texts[-1], raw, stopwords, False):
                texts[-1] += " " + raw
            else:
                texts.append(raw)
                kinds.append(PARA)
                gaps.append(gap)
                lines.append(lineno)
            last_indent = gap = 0
            continue
        if raw.isspace():
            # (str.split() cuts at exactly the characters isspace() is true of: the line cleans
            # to nothing, and a run of spaces holds no cell, so it is one blank line)
            gap += 1
            continue
        if raw[0] in " \t":
            indent = len(raw) - len(raw.lstrip(" \t"))
        else:
            indent = 0
        # A run of spaces inside a line parts two elements (a dump that keeps the page source's
        # indentation between them, as BeautifulSoup's does); tab-separated rows stay tables, and
        # code that aligns its comments ("x = 1      # note") stays one line.
        cells = (raw,)
        if ELEMENT_GAP in raw and "\t" not in raw:
            bare = raw.strip()
            if ELEMENT_GAP not in bare:
                # (the usual such line: the runs of spaces are its indent or after its text.
                # The split would give one cell, the text with some of those spaces, which
                # cleans to what the text does: strip() takes no zero width off)
                cells = (bare,)
            else:
                parts = [c for c in raw.split(ELEMENT_GAP) if c and not c.isspace()]
                if not any(c.lstrip().startswith(CODE_COMMENT_MARKS) for c in parts[1:]):
                    cells = parts or ("",)
        for cell, line in enumerate(cells):
            # clean_line(), inlined
            if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
                s = line
                may = lineno in may_glue
            elif line.isascii():
                s = " ".join(line.split())
                may = lineno in may_glue
            else:
                s = zw_sub("", line)
                # (see glue_lines: a zero width taken out may bring two letters together)
                may = len(s) != len(line) or lineno in may_glue
                s = " ".join(s.split())
            if not s:
                gap += 1
                continue
            kind = PARA
            m = None if s[0].isalpha() else bullet(s)   # no bullet starts with a letter
            if m and len(s) > m.end():
                kind, s = ITEM, s[m.end():].strip()
            elif "\t" in line and len(line.strip().split("\t")) > 2:
                kind = TABLE
            # Glued elements: the first piece goes on as the line would; the others are
            # paragraphs of their own (split_glued gives at least one piece of a line not empty).
            pieces = split_glued(s, stopwords) if may else None   # ([s] where nothing is glued)
            if pieces is not None:
                s = pieces[0]
            # a line that is the rest of the previous line's sentence joins it
            # (unwrapped, only a line that starts in lower case continues: _continues is asked
            # only then)
            if (cell == 0 and gap == 0 and kind == PARA and texts and kinds[-1] == PARA
                    and ((wrapped := indent >= WRAP_INDENT_MIN and indent == last_indent) or s[0].islower())
                    and _continues(texts[-1], s, stopwords, wrapped)):
                texts[-1] += " " + s
            else:
                texts.append(s)
                kinds.append(kind)
                gaps.append(gap)
                lines.append(lineno)
            last_indent = indent if cell == 0 else -1
            if pieces is not None and len(pieces) > 1:
                for piece in pieces[1:]:
                    texts.append(piece)
                    kinds.append(PARA)
                    gaps.append(0)
                    lines.append(lineno)
                last_indent = -1
            gap = 0
    code = _code_lines(texts)
    if code:   # (a page with no code line has no run to merge)
        texts, kinds, gaps, lines = _merge_code_runs(texts, kinds, gaps, lines, code)
    texts, kinds, gaps, lines = _merge_fragments(texts, kinds, gaps, lines)
    return _make_blocks(texts, kinds, repeat(0), repeat(0), gaps, lines, "text")


def _fragment(s: str, kind: str) -> bool:
    """One or two letters or symbols on a line of their own: a piece of a formula (MathML puts
    every identifier and operator in an element of its own), never a paragraph. (Numbers are not:
    share counts and pagers are rows of numbers, each line of them a block of junk.)"""
    return (len(s) <= FRAGMENT_MAX_CHARS and kind == PARA and not s.isdigit()
            and not any(c >= "\u2e80" and c.isalpha() for c in s))


def _merge_fragments(texts, kinds, gaps, lines):
    """Runs of at least FRAGMENT_RUN_MIN fragments, blank lines between them or not, as one
    block ("A = A H" rather than five one-letter blocks that each count as boilerplate)."""
    # A fragment is a short text: a page with no FRAGMENT_RUN_MIN short texts in a row has no run
    # (the usual page: one pass in C over the lengths instead of a test per block).
    short = bytes(map(le, map(len, texts), repeat(FRAGMENT_MAX_CHARS)))   # 1 where len(t) <= FRAGMENT_MAX_CHARS
    if b"\x01" * FRAGMENT_RUN_MIN not in short:
        return texts, kinds, gaps, lines
    run = 0
    for t, k in zip(texts, kinds):
        run = run + 1 if len(t) <= FRAGMENT_MAX_CHARS and _fragment(t, k) else 0
        if run >= FRAGMENT_RUN_MIN:
            break
    else:
        return texts, kinds, gaps, lines   # no run to merge (the usual page): the lists as they are

    def run_at(i: int) -> tuple[int, str | None, str]:
        j = i
        while j < len(texts) and _fragment(texts[j], kinds[j]):
            j += 1
        return (j, " ".join(texts[i:j]), PARA) if j - i >= FRAGMENT_RUN_MIN else (j, None, "")
    return _merge_runs(texts, kinds, gaps, lines, run_at)


def _merge_runs(texts, kinds, gaps, lines, run_at, skip=None):
    """The four block lists with runs merged: run_at(i) gives the end of the run that starts at
    block i and, when it is to be merged, its text and kind (None: blocks i to end stay as they
    are, and no run starts inside them). Each block is looked at once. skip(i), when given, is the
    first block from i on where a run may start that is merged (len(texts): none); the blocks
    before it must be ones that run_at would go over without merging a run."""
    out_t, out_k, out_g, out_l = [], [], [], []
    i = kept = 0   # (blocks kept to i are copied by slices when a run is merged, and at the end)
    n = len(texts)
    while i < n:
        if skip is not None:
            i = skip(i)
            if i >= n:
                break
        end, merged, kind = run_at(i)
        if merged is not None:
            out_t += texts[kept:i]
            out_k += kinds[kept:i]
            out_g += gaps[kept:i]
            out_l += lines[kept:i]
            out_t.append(merged)
            out_k.append(kind)
            out_g.append(gaps[i])
            out_l.append(lines[i])
            kept = max(end, i + 1)
        i = max(end, i + 1)
    if not kept:
        return texts, kinds, gaps, lines   # (no run merged: the lists as they are)
    out_t += texts[kept:]
    out_k += kinds[kept:]
    out_g += gaps[kept:]
    out_l += lines[kept:]
    return out_t, out_k, out_g, out_l


def _code_line(s: str) -> bool:
    """A line that only program code writes: it opens or closes a block or ends a statement
    ("{", "});", "x = f(y);"), or starts as a comment or a prompt does. Sentences end otherwise."""
    return (s.endswith(CODE_ENDS) or s.startswith(CODE_STARTS)) and not _template(s)


def _template(s: str) -> bool:
    return "{" in s and any(m in s for m in TEMPLATE_MARKS) or "%}" in s


def _code_context(s: str) -> bool:
    """A line that may sit inside code between code lines: no sentence end, and brackets,
    operators or assignments ("SELECT avg(n)", "if (!target)", "for i in x:" aside)."""
    if s[-1] in ".!?\"”»" or len(s) > CODE_LINE_MAX_CHARS or _template(s):
        return False
    if sum(map(CODE_SYMBOLS.__contains__, s)) >= max(1, len(s) // 20):
        return True
    if s.isascii():   # (an ASCII character is lowercase when upper() changes it: a-z)
        return s.upper() == s
    return not any(c.islower() for c in s)


def _code_lines(texts: list[str]) -> list[int]:
    """The indexes of the texts that _code_line is true of, in order. Such a text ends with a
    character of CODE_END_CHARS or starts with one of CODE_START_CHARS: the last and the first
    characters of all texts are read as two strings (a pass in C each), and _code_line is asked
    only of the texts at the places str.find gives for those characters (most pages: none)."""
    found = set()
    for chars, marks in (("".join(map(itemgetter(-1), texts)), CODE_END_CHARS),
                         ("".join(map(itemgetter(0), texts)), CODE_START_CHARS)):
        for c in marks:   # (each text gives one character: its place in chars is its index)
            i = chars.find(c)
            while i >= 0:
                found.add(i)
                i = chars.find(c, i + 1)
    return [i for i in sorted(found) if _code_line(texts[i])] if found else []


def _merge_code_runs(texts, kinds, gaps, lines, code: list[int]):
    """Lines of a program listing (<pre> in the page) as one pre block: a run of at least
    CODE_RUN_MIN lines of code and what code holds between its lines, ending on a line only
    code writes. Menus and prose do not end lines that way. code: the indexes of the code lines
    (_code_lines), in order."""
    def codeish(j: int) -> bool:
        return kinds[j] == PARA and (_code_line(texts[j]) or _code_context(texts[j]))

    k = 0   # code[k] is the first code line not yet passed

    def skip(i: int) -> int:
        # A run merged holds a code line (CODE_STRONG_MIN >= 1). Let c be the first code line
        # from i on, and b the first block before it from which on all blocks to c are
        # paragraphs of code or code context (b = i at the most). Block b - 1 (when b > i) is
        # neither: no run that starts before b goes on to b, so the walk from i comes to b, and
        # the runs it goes over before b hold no code line: none is merged. They are skipped.
        nonlocal k
        while k < len(code) and code[k] < i:
            k += 1
        if k == len(code):
            return len(texts)   # (no code line left: no run left to merge)
        b = code[k]
        while b > i and codeish(b - 1):
            b -= 1
        return b

    def run_at(i: int) -> tuple[int, str | None, str]:
        j, strong = i, 0
        while j < len(texts) and kinds[j] == PARA and (gaps[j] <= CODE_GAP_MAX or j == i) \
                and (_code_line(texts[j]) or _code_context(texts[j])):
            strong += _code_line(texts[j])
            j += 1
        end = j
        # (a run ends on a code line: trailing headings or labels stay text)
        while j > i and not _code_line(texts[j - 1]):
            j -= 1
        if j - i >= CODE_RUN_MIN and strong >= CODE_STRONG_MIN:
            return j, "\n".join(texts[i:j]), PRE
        # (no run starts inside this one either: its runs end at the same line, with fewer code lines)
        return end, None, ""
    return _merge_runs(texts, kinds, gaps, lines, run_at, skip)


def _sub_bounded(fast: re.Pattern, exact: re.Pattern, repl, s: str) -> str:
    """exact.sub(repl, s), found with the fast twin of the pattern (see MD_LINK_FAST_RE). The
    matches are collected before repl is called (it may count), and when one of them is longer
    than FAST_MATCH_MAX_CHARS the exact pattern does the line instead."""
    if len(s) <= FAST_MATCH_MAX_CHARS:
        return fast.sub(repl, s)   # (no match is longer than the line: the same matches)
    matches = list(fast.finditer(s))
    if not matches:
        return s
    if any(m.end() - m.start() > FAST_MATCH_MAX_CHARS for m in matches):
        return exact.sub(repl, s)
    parts, prev = [], 0
    for m in matches:
        parts.append(s[prev:m.start()])
        parts.append(repl if isinstance(repl, str) else repl(m))
        prev = m.end()
    parts.append(s[prev:])
    return "".join(parts)


def _whole_line_link(s: str) -> str | None:
    """The text of a link that is the whole of s, in its plainest forms ("[text](address)" and
    '[text](address "title")': no bracket in the text, no parenthesis or space in the address, one
    space before the title), found by str.find; None when s is not such a link (it may still be a
    link: the pattern decides). Then MD_LINK_RE matches s whole at its start, and its sub() finds
    that match only: the text runs in the pattern up to the first "]" (there is none before the
    "](" found), the address up to the space or the closing ")" (every character before is of
    [^()\\s]: printable and not a space means not whitespace, as str.isprintable() is false of
    every whitespace but the space), the title from its quote to the next (none between, nor a
    line end, and at most 500 characters), and ")" is what follows."""
    i = s.find("](")
    if i < 0 or len(s) > FAST_MATCH_MAX_CHARS:
        return None
    text, address = s[1:i], s[i + 2:-1]
    if "[" in text or "]" in text or "\n" in text:
        return None
    if " " in address:
        address, _, title = address.partition(" ")
        if (len(title) < 2 or title[0] != '"' or title[-1] != '"' or len(title) > 502 or '"' in title[1:-1]
                or "\n" in title):
            return None
    if "(" in address or ")" in address or not address.isprintable():
        return None
    return text


def _unwrap_inline_links(s: str) -> tuple[str, int]:
    """Links, reference links and autolinks unwrapped (their text kept, stripped), and the
    characters of their texts."""
    link_chars = 0
    rounds = 2   # a link around an image leaves a second, simpler link
    if s[:1] == "[" and s[-1:] == ")":
        inner = _whole_line_link(s)
        if inner is not None:   # (a menu item: "[News](https://example.org/news)")
            s = inner.strip()
            link_chars, rounds = len(s), 1
            if "](" not in s and "][" not in s and "<" not in s:
                return s, link_chars

    def unwrap(m: re.Match) -> str:
        nonlocal link_chars
        inner = m.group(1).strip()
        link_chars += len(inner)
        return inner

    for _ in range(rounds):
        if "](" not in s:
            break
        s2 = _sub_bounded(MD_LINK_FAST_RE, MD_LINK_RE, unwrap, s)
        if s2 == s:
            break
        s = s2
    if "][" in s:
        s = MD_REF_LINK_RE.sub(unwrap, s)
    if "<" in s:
        s = MD_AUTOLINK_RE.sub(unwrap, s)
    return s, link_chars


def strip_markdown_inline(s: str) -> tuple[str, int]:
    """Remove images, unwrap links (counting their characters), drop emphasis and escapes.
    Each pattern runs only on a line holding the characters it needs (most lines hold none)."""
    if "![" in s:
        if "](data:" in s:
            s = MD_DATA_IMAGE_RE.sub("", s)
        s = _sub_bounded(MD_IMAGE_FAST_RE, MD_IMAGE_RE, "", s)
    link_chars = 0
    if "](" in s or "][" in s or "<" in s:   # (the patterns below need these)
        s, link_chars = _unwrap_inline_links(s)
    if "*" in s or "__" in s:
        s = MD_EMPH_RE.sub(_emphasised, s)
    if "_" in s:
        s = _strip_underscores(s)
    if "\\" in s:
        # MD_ESCAPE_RE.sub(r"\1", s): split gives the text around the matches with each match's
        # one group (the escaped character) between, which is what the sub puts in its place.
        # (A template is expanded in Python, match by match: several times the cost.)
        s = "".join(MD_ESCAPE_RE.split(s))
    s = s.replace("`", "")
    if s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s, link_chars   # (clean_line's test, inlined: the line is clean as it is)
    return clean_line(s), link_chars


def _emphasised(m: re.Match) -> str:
    """The text inside an MD_EMPH_RE match (one of its three groups took part)."""
    inner = m.group(1)
    if inner is None:
        inner = m.group(2)
        if inner is None:
            inner = m.group(3)
    return inner


def _strip_underscores(s: str) -> str:
    """Emphasis underscores out of a line; inline code (between backticks) keeps its own."""
    if "`" not in s:
        return _drop_underscores(s)
    parts = s.split("`")
    return "`".join(_drop_underscores(p) if i % 2 == 0 else p for i, p in enumerate(parts))


def _drop_underscores(s: str) -> str:
    """MD_UNDERSCORE_RE.sub("", s), run by run of underscores. That pattern starts with
    lookbehinds, so its search tries every character of the line; what it removes of a run
    depends only on the characters either side of it (its "[^\\W_]" is str.isalnum()):
    after a backslash, all but the first underscore (the escaped one); a single underscore
    between two letters or digits (snake_case), nothing; otherwise the whole run. With no
    backslash in s, UNDERSCORE_EDGE_RE removes the same (one sub, no call per run)."""
    if "\\" not in s:
        return UNDERSCORE_EDGE_RE.sub("", s)
    return _drop_underscore_runs(s)


def _drop_underscore_runs(s: str) -> str:
    """_drop_underscores, run by run (any line, escaped underscores too)."""
    out, prev = [], 0
    for m in UNDERSCORE_RUN_RE.finditer(s):
        a, b = m.span()
        before = s[a - 1] if a else ""
        if before == "\\":
            cut = a + 1
        elif b - a == 1 and before.isalnum() and s[b:b + 1].isalnum():
            continue
        else:
            cut = a
        out.append(s[prev:cut])
        prev = b
    if not out:
        return s
    out.append(s[prev:])
    return "".join(out)


def _close_open_title(line: str, lines: list[str], lineno: int) -> tuple[str, int, str]:
    """A line whose last link has a title attribute that goes on over the next lines: the link
    ends at the address, and the lines up to the title's end ('")') are skipped. Returns the line,
    the 1-based number of the line the title ends on (0: none) and what follows the title there."""
    # The pattern's quote is the line's last one (no quote follows it), after a space.
    q = line.rfind('"')
    m = MD_OPEN_TITLE_RE.search(line) if q > 0 and line[q - 1].isspace() else None
    if m is None:
        return line, 0, ""
    for j in range(lineno, min(len(lines), lineno + MD_TITLE_MAX_LINES_DEFAULT)):
        end = lines[j].find('")')
        if end >= 0:
            return line[:m.start()] + "](" + m.group(1) + ")", j + 1, lines[j][end + 2:]
    return line, 0, ""


def _indented_code(lines: list[str], start: int) -> tuple[int, str, int]:
    """The indented code block that starts at lines[start] (0-based), as html2text writes a <pre>:
    after a line of only spaces, every line indented by four spaces (or a tab) or blank. Returns
    the 1-based number of its last line (0: not code), its text with the indent taken off and
    links unwrapped, and the characters of link text. A run holding a markdown heading ("## ...")
    is not a <pre> (html2text writes none there): indented page text, read line by line; the
    number returned is then minus that of the heading's line, before which no run is code."""
    if BULLET_RE.match(lines[start].lstrip()):
        return 0, "", 0
    code: list[str] = []
    links = 0
    end = start
    for j in range(start, len(lines)):
        line = lines[j]
        if line.strip():
            if not line.startswith(CODE_INDENTS):
                break
            body = line[4:] if line.startswith("    ") else line[1:]
            if body.lstrip().startswith("##") and MD_HEADING_RE.match(body.lstrip()):
                return -(j + 1), "", 0
            if "](" in body:
                body, n = _unwrap_links(body)
                links += n
            end = j
            code.append(body.rstrip())
        else:
            code.append("")
    text = "\n".join(code[:end - start + 1]).strip("\n")
    return (end + 1, text, links) if text.strip() else (0, "", 0)


def _unwrap_links(s: str) -> tuple[str, int]:
    """Images out and links unwrapped (their text kept), nothing else touched: code text."""
    n = 0

    def unwrap(m: re.Match) -> str:
        nonlocal n
        n += len(m.group(1))
        return m.group(1)

    if "![" in s:
        s = _sub_bounded(MD_IMAGE_FAST_RE, MD_IMAGE_RE, "", s)
    return _sub_bounded(MD_LINK_FAST_RE, MD_LINK_RE, unwrap, s), n


def _is_rule(bare: str) -> bool:
    """A thematic break ("---", "* * *", "___"): string operations, no backtracking on long lines."""
    if bare.strip(RULE_LINE_CHARS):
        return False   # a character other than marks and spaces (a bullet's text)
    return len(bare) - bare.count(" ") - bare.count("\t") >= 3


def _is_table_sep(bare: str) -> bool:
    """A markdown table's separator row: only pipes, colons, dashes and spaces, with a '--'."""
    return "--" in bare and set(bare) <= TABLE_SEP_CHARS and ("|" in bare or bare.count("-") >= 3 and " " in bare)


def _split_glued_paragraphs(out: list[tuple], paras: list[int], stopwords: frozenset[str]) -> list[tuple]:
    """out with each paragraph (at the indexes paras) that GLUED_RE finds a place in split by
    split_glued, the first piece keeping the paragraph's link characters and gap. The paragraphs
    are read together by glue_lines, one a line (a paragraph holds no line end: its lines are
    clean_line()'s), and split_glued asked only of those it gives."""
    split = {}
    lines_of = glue_lines if stopwords else glue_cut_lines   # (see glue_cut_lines)
    for n in lines_of("\n".join([out[i][0] for i in paras])):
        i = paras[n - 1]
        text, _, _, links, gap, line = out[i]
        pieces = split_glued(text, stopwords)
        if pieces != [text]:   # (a paragraph given whole would be put back as it is)
            split[i] = [(piece, PARA, 0, links if j == 0 else 0, gap if j == 0 else 0, line)
                        for j, piece in enumerate(pieces)]
    if not split:
        return out
    whole, prev = [], 0
    for i in sorted(split):   # (the blocks between two split paragraphs are copied by slices)
        whole += out[prev:i]
        whole += split[i]
        prev = i + 1
    whole += out[prev:]
    return whole


def _link_line_text(inner: str, marked: str | None) -> str:
    """The text of a link line MD_LINK_LINE_RE takes, from its link text stripped (inner) and the
    marks group: strip_markdown_inline's on the text where it holds emphasis, escape or code
    marks, else clean_line's (its test inlined: a stripped text starts and ends with no space)."""
    if marked is not None:
        return strip_markdown_inline(inner)[0]
    return inner if inner.isprintable() and "  " not in inner else clean_line(inner)


def segment_markdown(text: str, stopwords: frozenset[str] = frozenset()) -> list[Block]:
    """Crawler markdown (html2text style): headings, bullets, quotes, tables and code become
    their own blocks; plain lines are joined into paragraphs up to a blank line."""
    out: list[tuple[str, str, int, int, int, int]] = []  # text, kind, level, links, gap, line
    para: list[str] = []
    para_links = 0
    para_line = 0
    gap = 0
    in_fence = False
    fence: list[str] = []
    fence_line = 0
    link_line, image_line = MD_LINK_LINE_RE.fullmatch, MD_IMAGE_LINE_RE.fullmatch

    paras: list[int] = []   # where the paragraphs are in out (split where glued at the end)

    def flush():
        nonlocal para, para_links, gap
        if para:
            joined = " ".join(para)   # (each line is clean_line()'s output and not empty: so is this)
            if joined:
                paras.append(len(out))
                out.append((joined, PARA, 0, para_links, gap, para_line))
                gap = 0
        para, para_links = [], 0

    lines = text.split("\n")
    skip_to, title_tail = 0, ""
    code_to = no_code_to = 0
    in_table = False
    hard_break = False   # the paragraph's last line ended in a line break
    for lineno, line in enumerate(lines, 1):
        if lineno <= code_to:
            continue   # inside an indented code block, or a run of link items read already
        if not line and lineno > skip_to and not in_fence:
            # an empty line, as the blank lines below (no test before them holds for it)
            if para:   # flush(), inlined (the usual end of a paragraph)
                paras.append(len(out))
                out.append((" ".join(para), PARA, 0, para_links, gap, para_line))
                para, para_links, gap = [], 0, 1
                in_table = False
                continue
            gap += 1
            in_table = False
            continue
        if (line[:1].isalpha() and lineno > skip_to and not in_fence and "[" not in line and "]" not in line
                and "<" not in line and "*" not in line and "_" not in line and "\\" not in line and "`" not in line
                and "|" not in line):
            # A plain line of prose, on a short path with the long path's outcome: opening with a
            # letter, it is no code (no indent), fence, quote, heading, rule, link definition,
            # bullet or table separator (that holds only marks), nor one plain link; without a
            # pipe no table row; without brackets no link, image or open title; and
            # strip_markdown_inline finds nothing for its patterns (no "<", star, underscore,
            # backslash or backtick): only clean_line is left.
            bare = line.strip()
            s = bare if bare.isprintable() and "  " not in bare else clean_line(bare)   # (stripped)
            if para and hard_break and not _continues(para[-1], s):
                flush()
            if not para:
                para_line = lineno
            para.append(s)   # (not empty: it opens with a letter)
            hard_break = line.endswith("  ")
            continue
        if (not in_fence and not para and line.startswith(CODE_INDENTS) and lineno > max(1, no_code_to)
                and lines[lineno - 2].startswith(CODE_INDENTS) and not lines[lineno - 2].strip() and line.strip()):
            end, code, links = _indented_code(lines, lineno - 1)
            if end < 0:
                no_code_to = -end   # (each line is scanned for code once: linear time)
            elif end:
                out.append((code, PRE, 0, links, gap, lineno))
                gap, code_to = 0, end
                continue
        if (line[-1:] == ")" and lineno > skip_to and not in_fence and len(line) <= FAST_MATCH_MAX_CHARS
                and (lk := link_line(line)) is not None):
            # One plain link (MD_LINK_LINE_RE), with a bullet or not. The long path would find:
            # no open title (a title's quotes close it, and its one "](" is the link's, before
            # the address and the space: MD_OPEN_TITLE_RE needs a quote with no other after it),
            # no fence, quote, table separator or row (no pipe; a separator holds no bracket),
            # thematic break (a bracket) or link definition ("](" is no "]:"), no heading
            # (nothing starts with "#", nor does the text); BULLET_RE takes "* " (one space: the
            # bracket follows); strip_markdown_inline finds no image (the one "[" opens the
            # link) and unwraps the link by _whole_line_link (the line is no longer than
            # FAST_MATCH_MAX_CHARS, the text bracket-free, the address printable with no space
            # or parenthesis, the title as it takes one), leaving the text stripped, its link
            # characters, with nothing for the image and link patterns: what is left to do is
            # strip_markdown_inline's on the text alone (and with no marks, clean_line's). The
            # line does not end in spaces (no line break).
            item, inner, marked = lk.groups()
            inner = inner.strip()
            s = _link_line_text(inner, marked)
            if item is None:   # a paragraph line, as below
                if para and hard_break and s and not _continues(para[-1], s):
                    flush()
                if not para:
                    para_line = lineno
                if s:
                    para.append(s)
                    para_links += len(inner)
                    hard_break = False
            else:   # a list item, as below
                if para:
                    flush()
                # This item, then the link items that follow (a menu), up to the first other line,
                # are read here: the loop would take each on this path with what it holds now (the
                # line before is no blank, so no code starts there; no empty line, fence or
                # heading between changes in_fence, skip_to, para or hard_break), and then skip
                # them (code_to).
                j = lineno   # (the number of the item's line: the index of the line after it)
                while True:
                    if s:
                        out.append((s, ITEM, 0, len(inner), gap, j))
                        gap = 0
                    if j >= len(lines):
                        break
                    line = lines[j]
                    if line[-1:] != ")" or len(line) > FAST_MATCH_MAX_CHARS:
                        break
                    lk = link_line(line)
                    if lk is None:
                        break
                    item, inner, marked = lk.groups()
                    if item is None:
                        break
                    inner = inner.strip()
                    # (_link_line_text, its usual case inlined: no marks, and clean)
                    s = (inner if marked is None and inner.isprintable() and "  " not in inner
                         else _link_line_text(inner, marked))
                    j += 1
                code_to = j
            continue
        if (line[-1:] == ")" and lineno > skip_to and not in_fence and len(line) <= FAST_MATCH_MAX_CHARS
                and (im := image_line(line)) is not None):
            # One image, or one link around an image (MD_IMAGE_LINE_RE), with a bullet or not:
            # the long path, as for a link line above, finds no open title (a title's quotes
            # close it), fence, quote, table row or separator (no pipe), thematic break, link
            # definition (the first "]" is followed by "(") or heading. strip_markdown_inline
            # removes the image (the line holds no other "![": MD_IMAGE_FAST_RE matches it whole,
            # its address and title being of the forms that pattern takes, and MD_DATA_IMAGE_RE,
            # when the address is data, ends at the same ")": a title holds no parenthesis),
            # which leaves nothing, or a link around spaces that _whole_line_link unwraps to
            # nothing (the address and title of the forms it takes). A paragraph line with no
            # text changes nothing (the para_line it would set, the paragraph being empty, the
            # line that opens the paragraph sets again); a list item ends the paragraph.
            if im.group(1) is not None and para:
                flush()
            continue
        if lineno <= skip_to:
            if lineno < skip_to:
                continue   # inside a link's title attribute
            line = title_tail
        elif not in_fence and '"' in line and "](" in line:
            line, skip_to, title_tail = _close_open_title(line, lines, lineno)
        bare = line.strip()
        if bare.startswith(("```", "~~~")):
            if in_fence:
                code = "\n".join(fence).strip()
                if code:
                    out.append((code, PRE, 0, 0, gap, fence_line))
                    gap = 0
                in_fence, fence = False, []
            else:
                if para:
                    flush()
                in_fence, fence_line = True, lineno
            continue
        if in_fence:
            fence.append(line.rstrip())
            continue
        if not bare:
            if para:   # (flush() of no paragraph changes nothing)
                flush()
            gap += 1
            in_table = False
            continue
        first = bare[0]   # the patterns below start with these characters
        quoted = bare
        while quoted[:1] == ">":   # (a table may sit in a quote: "> 4.2.3 | April 2014")
            quoted = quoted[1:].lstrip()
        if "--" in quoted and _is_table_sep(quoted):   # (a separator row holds a "--")
            if para:
                flush()
            in_table = True   # the rows that follow, down to a blank line, are its rows
            continue
        # (a thematic break ends in a mark: bare is stripped)
        if (first in RULE_CHARS and bare[-1] in RULE_CHARS and _is_rule(bare)
                or first == "[" and MD_LINKDEF_RE.match(bare)):
            if para:
                flush()
            continue
        if bare in EMPTY_ITEMS:
            if para:   # a list item with nothing in it (html2text's "  * " for an empty <li>)
                flush()
            continue
        h = MD_HEADING_RE.match(bare) if first == "#" else None
        if h is None and first in "*+-" and bare[1:2] == " " and "#" in bare[2:4]:
            # a heading inside a list item ("  * ##### [Title](url)") is a heading
            h = MD_HEADING_RE.match(bare[2:].lstrip())
            if h:
                bare = bare[2:].lstrip()
        if h:
            if para:
                flush()
            s, links = strip_markdown_inline(bare[h.end():].strip().rstrip("#").rstrip())
            if s:
                out.append((s, HEADING, len(h.group(1)), links, gap, lineno))
                gap = 0
            continue
        stripped = bare
        kind = None
        if in_table and "|" in quoted:
            kind, stripped = TABLE, quoted   # a row of a table html2text wrote ("4.2.3 | April 2014")
        elif first == ">":
            kind, stripped = QUOTE, MD_QUOTE_RE.sub("", stripped)
        else:
            m = None if first.isalpha() else BULLET_RE.match(stripped)
            if m and len(stripped) > m.end():
                kind, stripped = ITEM, stripped[m.end():]
            elif stripped.count("|") >= 2 and (stripped.startswith("|") or " | " in stripped):
                kind = TABLE
        s, links = strip_markdown_inline(stripped)
        if kind is None:
            if para and hard_break and s and not _continues(para[-1], s):
                flush()   # a line break (<br>) before a new sentence parts two lines of the page
            if not para:
                para_line = lineno
            if s:
                para.append(s)
                para_links += links
                hard_break = line.endswith("  ")   # html2text's mark of a <br>
            continue
        if para:
            flush()
        if kind == TABLE:
            s = clean_line(" ".join(c.strip() for c in s.strip("|").split("|") if c.strip()))
        if s:
            if kind == QUOTE and out and out[-1][1] == QUOTE and gap == 0:
                t, k, lv, ln, g, li = out[-1]
                out[-1] = (t + " " + s, k, lv, ln + links, g, li)
            else:
                out.append((s, kind, 0, links, gap, lineno))
                gap = 0
    if in_fence and fence:   # (an open fence's code, if any: out holds no empty text)
        code = "\n".join(fence).strip()
        if code:
            out.append((code, PRE, 0, 0, gap, fence_line))
    flush()
    if paras:
        out = _split_glued_paragraphs(out, paras, stopwords)
    # Block(i, text, kind, level, min(links, len(text)), gap, line, "markdown"), built from each
    # tuple of out straight (see _make_blocks: the fields in Block._fields order, no hint). No
    # text in out is empty: each is appended only when it holds something (a paragraph's lines
    # and the pieces split_glued gives are not empty either).
    return [_new_block((i, t, k, lv, ln if ln <= len(t) else len(t), g, li, "markdown", ""))
            for i, (t, k, lv, ln, g, li) in enumerate(out)]
