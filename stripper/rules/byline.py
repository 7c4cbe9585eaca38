"""BYL: lines that belong to the byline metadata, not the body: bylines, dates, captions,
author biographies and section kickers. They are tagged, and byline extraction reads them."""
from __future__ import annotations

import re
from itertools import compress, count, repeat
from operator import ge, itemgetter

from ..byline import BYLINE_LABEL_FIRSTS, BYLINE_OPENERS, BYLINE_PREFIX_RE, BYLINE_RUN_ON_OPENERS, clean_person_names
from ..dates import find_date
from ..phrases import _FOLD_ODD, _entries, _needle_char, fold_odd_raw, load_word_set
from ..model import TAG, Block
from . import WORD_RE, RuleContext, quote, rule
from .common import word_count

BYLINE_MAX_WORDS_DEFAULT = 14
CREDIT_MAX_WORDS_DEFAULT = 40        # a caption found by its credit alone is short
DATELINE_MAX_WORDS_DEFAULT = 12
CAPTION_MAX_WORDS_DEFAULT = 70
BIO_MAX_WORDS_DEFAULT = 90
SECTION_MAX_WORDS_DEFAULT = 4
CREDIT_TAIL_CHARS_DEFAULT = 160
YEAR_HEADS = ("19", "20")   # every date pattern holds a year (19xx or 20xx), and so one of these
# ... and a number before it, apart from it, for the day of "5 March 2020", "March 5, 2020",
# "05.03.2020", "3/25/2020", or after it the month of "2020-03-05" or the 年 of "2020年3月5日" (each
# of dates.find_date's patterns reads the year so): "March 2020" or an archive link "Dezember 2018
# (3)" is no date, and is not searched (tests/test_candidates.py checks the patterns)
DATE_SHAPE_RE = re.compile(r"\d\D+(?:19|20)\d\d|(?:19|20)\d\d(?:[-/.]\d|\s*年)")
BYLINE_WORDS = frozenset("by von par por di da door av af autor autorin author auteur texte text written words story "
                         "reporting posted published geschrieben publiziert veröffentlicht verfasst publié publicado "
                         "pubblicato gepost".split())
CJK_CHAR_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
BIO_VERBS = frozenset("is was has serves works writes ist war est es è".split())  # every bio pattern has one
# ... as a word of its own right after the name it opens with, two to five words long (data/phrases/
# bio.txt): the verb is the block's third to sixth whitespace-separated word, whatever its case.
BIO_VERB_FIRST_WORD, BIO_VERB_LAST_WORD = 2, 5
# ... and the next word opens with (its first run of word characters, lowered) one of these: the
# article or adverb of "is a", "was the", "ist ein", the second word of "has been", "serves as",
# "works as", "writes about" (tests/rules/test_byline.py reads them off the patterns).
BIO_VERB_NEXT = {
    **dict.fromkeys(("is", "was"), frozenset("a an the currently also senior chief our".split())),
    **dict.fromkeys(("ist", "war", "est", "es", "è"), frozenset("ein eine der die un une le la el il uno una".split())),
    "has": frozenset({"been"}), "serves": frozenset({"as"}), "works": frozenset({"as"}), "writes": frozenset({"about"}),
}


# The head of a block a bio pattern may hit, as one pattern (a gate: the bio patterns decide): two
# to five whitespace-separated words, then a verb of BIO_VERB_NEXT as a word of its own and,
# opening the next word as a whole run of word characters (lowered), a word it may take. Matched
# ignoring case, it matches every such head: each character str.lower() makes a letter of theirs,
# IGNORECASE matches to it, and a word character lowers to one (tests/rules/test_byline.py reads
# every character, and compares it with the words read one by one). One match instead of a split
# and a step per word. (The lookahead, which the verbs' first letters pass, ignoring case as the
# verbs are matched, turns a place away before the verbs are tried there one by one.)
BIO_HEAD_RE = re.compile(r"\s*+(?:\S++\s++){%d,%d}?(?=[%s])(?:%s)(?![^\W_])" % (
    BIO_VERB_FIRST_WORD, BIO_VERB_LAST_WORD, "".join(sorted({verb[0] for verb in BIO_VERB_NEXT})),
    "|".join(re.escape(verb) + r"\s++(?:" + "|".join(map(re.escape, sorted(follow))) + ")"
             for verb, follow in BIO_VERB_NEXT.items())), re.I)
# A name-led sentence about someone's schooling, home or work: a bio when that name also signs
# the page on a short line of its own (the byline or author box), so a person of the story stays.
NAME_LIFE_RE = re.compile(
    r"^((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+)\s+(?:studied|studierte|lives|lebt|worked|arbeitete|arbeitet|writes|"
    r"schreibt|covers|leads|leitet|heads|joined|a étudié|vit|travaille|écrit|ha studiato|vive|lavora|scrive|estudió|trabaja|escribe)\b")
NAME_LIFE_VERBS = frozenset("studied studierte lives lebt worked arbeitete arbeitet writes schreibt covers leads leitet heads joined étudié vit "
                            "travaille écrit studiato vive lavora scrive estudió trabaja escribe".split())
BIO_WORDS = NAME_LIFE_VERBS | BIO_VERBS   # author_bio reads a block holding neither only if it ends as a sentence
NAME_LINE_MAX_WORDS_DEFAULT = 8      # the signing line: "Jule Radeck 300 posts", "Von Jule Radeck"
NAME_LINE_LEAD_CHARS_DEFAULT = 20    # ... with the name after a label at most ("Written by", "Über")
# The heading of an author box; the first prose under it (past a name line or two) is the bio.
ABOUT_AUTHOR_HEADINGS = ("about the author", "about the authors", "über den autor", "über die autorin", "über die autoren",
                         "zum autor", "zur autorin", "à propos de l'auteur", "à propos de l’auteur", "sobre el autor",
                         "sobre la autora", "sull'autore", "over de auteur")
ABOUT_AUTHOR_RE = re.compile("(?:" + "|".join(map(re.escape, ABOUT_AUTHOR_HEADINGS)) + r")\s*:?", re.I)
# What str.lower() makes of a character that re.IGNORECASE matches to one of a heading's (as
# phrases' needles read it, the lowered character itself) besides the character itself: "İ" lowers
# to "i" and a combining dot, "ı" and "ſ" stay (see phrases._FOLD_ODD).
ODD_LOWER_FORMS = {"i": ("i\u0307", "\u0131"), "s": ("\u017f",)}


def _heading_norms(headings) -> frozenset[str] | None:
    """Every normal form (normalize_block) of a text ABOUT_AUTHOR_RE matches whole, stripped: a
    heading, in any case, with white space and a colon after it (which the normal form strips).
    None when a heading has a character needles cannot vouch for."""
    out: set[str] = set()
    for heading in headings:
        forms = [""]
        for c in heading:
            low = _needle_char(c)
            if low is None or low != c:   # (the headings are written lowercase)
                return None
            forms = [f + x for f in forms for x in (c,) + ODD_LOWER_FORMS.get(c, ())]
        out.update(forms)
    return frozenset(out)


# A block ABOUT_AUTHOR_RE matches whole (stripped) has one of these normal forms (RuleContext.norms;
# a heading has far fewer words than a block needs to be left without one): a page whose norms
# hold none has no author-box heading (tests/rules/test_byline.py checks every character).
ABOUT_AUTHOR_NORMS = _heading_norms(ABOUT_AUTHOR_HEADINGS)
ROLE_BIO_MAX_WORDS_DEFAULT = 60     # "Freier Autor in Berlin und ..." under "Von Frank Hahn"
ROLE_LEAD_WORDS_DEFAULT = 2         # the role opens the paragraph, at most after an adjective ("Freier Autor")
ABOUT_LOOKBACK_DEFAULT = 3           # heading, name, "Zeige alle Artikel", then the bio
ABOUT_GAP_MAX_WORDS_DEFAULT = 6
BIO_PREV_MAX_WORDS = max(ABOUT_GAP_MAX_WORDS_DEFAULT, NAME_LINE_MAX_WORDS_DEFAULT)   # the block above a bio these find
BIO_SENTENCE_ENDS = ".!?…"   # how the paragraph under an author-box heading or a labelled byline ends
LAST_CHAR = itemgetter(-1)
KICKER_RE = re.compile(r"^\|\s*(\S.{0,40})$")
DATE_WORDS_RE = re.compile(
    r"^(?:published|posted|updated|last updated|modified|date|on|veröffentlicht|aktualisiert|stand|publié|publié le|mis à jour|"
    r"publicado|actualizado|pubblicato|aggiornato|gepubliceerd|opublikowano)?\b", re.I)


# The first bytes of the UTF-8 forms of the characters CJK_CHAR_RE finds (U+3040 to U+30FF: E3;
# U+4E00 to U+9FFF: E4 to E9): a text holding one holds one of these bytes (tests/rules/test_byline.py).
CJK_LEAD_BYTES = tuple(bytes([b]) for b in range(0xE3, 0xEA))


def cjk_head_candidates(ctx: RuleContext) -> list[int]:
    """Blocks with a CJK character in their first 12 (byline_line reads a block holding no byline word only then)."""
    joined = ctx.joined_text()
    if joined.isascii():
        return []
    # (a page without a CJK character has none in a head: told by the page's UTF-8 form, which a
    # byte search reads faster than a step per block; "surrogatepass" encodes a lone surrogate
    # of a text decoded with surrogateescape, to a first byte of ED)
    raw = joined.encode("utf-8", "surrogatepass")
    if not any(lead in raw for lead in CJK_LEAD_BYTES):
        return []
    # (an ASCII text has an ASCII head: told without slicing it)
    return [b.index for b in ctx.blocks
            if not b.text.isascii() and not b.text[:12].isascii() and CJK_CHAR_RE.search(b.text[:12])]


# What a line the byline list hits holds (data/phrases/byline.txt): an opener at its very start,
# followed by no word character (its first word), but for "Text" and "Redaktion", which may run
# into an "und" ("Textund Fotos:"); a Chinese label at its start; or a posted-word and a by-word
# among its words. Characters IGNORECASE reads as other letters ("ſ", "ı", "İ") aside. (The openers
# and labels are BYLINE_PREFIX_RE's, byline.BYLINE_OPENERS and the rest.)
POSTED_WORDS = frozenset("posted published written geschrieben publiziert veröffentlicht verfasst publié publicado "
                         "pubblicato gepost".split())
POSTED_BY_WORDS = frozenset("by von par por da door".split())


def may_hold_byline(text: str, words: list[str]) -> bool:
    """False only for a line the byline list cannot hit (words: its lowercase words)."""
    first = words[0] if words else ""
    return first in BYLINE_OPENERS or first.startswith(BYLINE_RUN_ON_OPENERS) or text[:1] in BYLINE_LABEL_FIRSTS \
        or fold_odd_raw(text) or (not POSTED_WORDS.isdisjoint(words) and not POSTED_BY_WORDS.isdisjoint(words))


@rule("BYL001", "byline-line", action=TAG, label="byline", phrases="byline", max_words=BYLINE_MAX_WORDS_DEFAULT,
      words=BYLINE_WORDS, candidates=cjk_head_candidates)
def byline_line(block: Block, ctx: RuleContext) -> str | None:
    """Moves a byline ("By Jane Doe and John Roe", "Von Max Muster") to the metadata.

    Why: the author line is metadata, not body text. Example: "By Jane Doe, Reuters"."""
    if block.kind == "heading" and block.level <= 1:
        return None
    words = ctx.word_lists[block.index]
    # (the line's shape asked first: it reads the first word, where the word test reads them all;
    # each question only rules the line out, and the answer is the same in either order)
    if not may_hold_byline(block.text, words):
        return None   # (most lines holding "by" hold it inside a sentence)
    if BYLINE_WORDS.isdisjoint(words) and not CJK_CHAR_RE.search(block.text[:12]):
        return None
    hit = ctx.find("byline", block)
    if not hit:
        return None
    rest = block.text[hit[1] + len(hit[0]):].strip()
    if not rest or not (rest[0].isupper() or not rest[0].isascii()):
        return None
    if not clean_person_names(block.text):
        return None  # "By Tuesday morning, the water had ..." names nobody
    return f"byline {quote(block.text, 50)}"


def dated_shape_candidates(ctx: RuleContext) -> list[int]:
    """The blocks dateline may fire on, in order: of at most DATELINE_MAX_WORDS_DEFAULT words (its
    limit), holding "19" or "20" (one of YEAR_HEADS: every date pattern holds a year) and
    DATE_SHAPE_RE's shape, which it asks for first ("March 2020", "Dezember 2018 (3)": asked
    here, instead of the rule being called on each). Read off the word counts and the short
    blocks' texts, which costs what the page search for the year heads did. (A text holds "19"
    or "20" where it does lowered, as needles are read: no character lowers to a digit, nor a
    digit to another character.) A repeat of a block is chosen as the block is."""
    texts = ctx.block_texts()
    # (operator.ge over repeat: a C call each, where int.__ge__ goes through its slot wrapper)
    return [i for i in compress(count(), map(ge, repeat(DATELINE_MAX_WORDS_DEFAULT), ctx.nwords))
            if ("19" in texts[i] or "20" in texts[i]) and DATE_SHAPE_RE.search(texts[i]) is not None]


@rule("BYL002", "dateline", action=TAG, label="date", max_words=DATELINE_MAX_WORDS_DEFAULT,
      candidates=dated_shape_candidates)   # (dateline reads only blocks holding a year in a date's shape)
def dateline(block: Block, ctx: RuleContext) -> str | None:
    """Moves a publication-date line ("Published March 5, 2020", "05.03.2020 | 12:30") to the metadata.

    Why: the date is metadata. Only short lines that are mostly a date qualify, so a date inside
    a sentence of the story stays in the body. Example: "Updated 10:31 AM ET, Tue March 3, 2020"."""
    # (no year or shape test of its own: its candidates hold "19" or "20" and DATE_SHAPE_RE's
    # shape, and find_date finds no date in a line without that shape)
    if block.text.rstrip()[-1:] in ".!?" and len(block.text) > 40:
        return None
    found = find_date(block.text)
    if not found:
        return None
    return f"date line {quote(block.text, 50)} -> {found[0]}"


def caption_hinted(ctx: RuleContext) -> list[int]:
    return [b.index for b in ctx.blocks if b.hint == "caption"]


def _word_char(c: str) -> bool:
    """Whether the character is one the pattern \\w matches."""
    return c.isalnum() or c == "_"


def caption_candidates(ctx: RuleContext) -> list[int]:
    """The blocks photo_caption may fire on that CREDIT_GATE does not vouch for: those hinted as
    captions, and those of more than CREDIT_TAIL_CHARS_DEFAULT characters (and at most
    CREDIT_MAX_WORDS_DEFAULT words, as a credit's block has) whose tail, where the credits list is
    searched, opens inside a run of word characters: its first run, where a \\b of a pattern may
    match at its start, is no run of the block's own, which the gate words are read from. Only
    where that run is one of the gate words (_tail_gated): a hit of the tail holds a gate word
    among the tail's runs as a hit of a block does among the block's (or a needle, which the block
    then holds too), and its other runs are runs of the block, which hold none."""
    texts, nwords, n = ctx.block_texts(), ctx.nwords, CREDIT_TAIL_CHARS_DEFAULT
    # (the long blocks found by their lengths, in one pass: few blocks are long; a comprehension
    # asks len(t) > n faster than map and compress calling n.__lt__ through its slot wrapper)
    return caption_hinted(ctx) + [i for i in [i for i, t in enumerate(texts) if len(t) > n]
                                  if nwords[i] <= CREDIT_MAX_WORDS_DEFAULT and _word_char(texts[i][-n - 1])
                                  and _word_char(texts[i][-n]) and _tail_gated(texts[i][-n:])]


def _tail_gated(tail: str) -> bool:
    """Whether the first run of the tail lowered (WORD_RE's, as RuleContext.word_lists reads a
    block's runs) is one of CREDIT_GATE's words ("Telephoto" cut to "photo")."""
    m = WORD_RE.match(tail.lower())
    return m is not None and m.group() in CREDIT_GATE_WORDS


def _alternatives(entry: str, opener: str, follower: str) -> list[str]:
    """The alternatives of the group after `opener` in a credits entry, which `follower` must
    follow: the reading below holds for entries of that shape only (a new shape needs its own)."""
    at = entry.index(opener) + len(opener)
    end = entry.index(")", at)
    if not entry.startswith(follower, end):
        raise ValueError(f"credits entry of a shape CREDIT_GATE does not read: {entry!r}")
    return entry[at:end].lower().split("|")   # (matched ignoring case: as the words are read)


# What a block the credits lists hit (data/phrases/credits.txt, credits_start.txt, all regular
# expressions matched ignoring case) holds, read off their entries, which must have the shapes
# read here (tests/rules/test_byline.py reads the words off the files again):
_CREDIT_MARKS, _CREDIT_PICTURES, _CREDIT_AGENCIES = (e[3:] for e in _entries("credits"))
(_CREDIT_START,) = (e[3:] for e in _entries("credits_start"))
if not _CREDIT_MARKS.startswith(r"(?<=\S\s)(?:©|\(c\))"):
    raise ValueError(f"credits entry of a shape CREDIT_GATE does not read: {_CREDIT_MARKS!r}")
# - a picture word after \b, then an optional "s", white space and "by", ":" or "|": as a whole
#   run of word characters, or with "by" glued on ("Photoby Jane"), its last letter then "by";
CREDIT_WORDS = tuple(_alternatives(_CREDIT_PICTURES, r"\b(?:", r")s?\s*(?:by|:|\|)"))
# - an agency's name after \b, its first word a whole run (before white space, ")" or the end),
#   or a name of one word with "via" glued on, a whole run before the space after "via" ("Reutersvia X");
AGENCY_NAMES = tuple(_alternatives(_CREDIT_AGENCIES, r"\b(?:", r")\s*(?:via "))
AGENCY_WORDS = tuple(dict.fromkeys(name.split()[0] for name in AGENCY_NAMES))
AGENCY_VIA_WORDS = tuple(name + "via" for name in AGENCY_NAMES if " " not in name)
# - a label opening the block, a whole run before ":" ("crédit photo": its first word);
CREDIT_START_WORDS = tuple(label.split()[0] for label in _alternatives(_CREDIT_START, "^(?:", r")\s*:"))
# - or "©" or "(c)" lowered. Besides, a character needles cannot vouch for (see phrases._FOLD_ODD:
# "İ", "ı", "ſ" read as other letters ignoring case, and their runs are not the lowered ones).
# As words, the engine's one pass over each block's words asks for them (a needle is a search of
# the whole page each): only the picture words glued to "by", the marks and the odd characters
# are needles.
CREDIT_GATE = {
    "words": frozenset(CREDIT_WORDS + tuple(w + "s" for w in CREDIT_WORDS) + AGENCY_WORDS + AGENCY_VIA_WORDS
                       + CREDIT_START_WORDS),
    "needles": tuple(sorted({w[-1] + "by" for w in CREDIT_WORDS} | {"sby", "\u00a9", "(c)"} | set(_FOLD_ODD))),
}
CREDIT_GATE_WORDS = CREDIT_GATE["words"]


@rule("BYL003", "photo-caption", action=TAG, label="caption", phrases="credits", max_words=CAPTION_MAX_WORDS_DEFAULT,
      candidates=caption_candidates, **CREDIT_GATE)  # (and credits_start)
def photo_caption(block: Block, ctx: RuleContext) -> str | None:
    """Moves a photo caption or credit line ("... arrives in Vladivostok.  © Reuters") to captions.

    Why: captions describe pictures; they go to the captions list, out of the body.
    Example: "Protesters gather on Monday. (Photo: AP)"."""
    if block.hint == "caption":
        return "caption element"
    if ctx.words(block) > CREDIT_MAX_WORDS_DEFAULT:
        return None  # a paragraph ending "Image credit: ..." is prose carrying a credit, not a caption
    t = block.text
    hit = ctx.phrases("credits").find(t[-CREDIT_TAIL_CHARS_DEFAULT:]) or ctx.phrases("credits_start").find(t[:60])
    if not hit:
        return None
    return f"credit {quote(hit[0].strip(), 40)}"


def _about_page(ctx: RuleContext) -> bool:
    """Whether the page may hold an author-box heading (ABOUT_AUTHOR_NORMS)."""
    if ABOUT_AUTHOR_NORMS is None:
        return True
    return not ctx.norm_counts.keys().isdisjoint(ABOUT_AUTHOR_NORMS)


BIO_SENTENCE_END_RE = re.compile("[" + re.escape(BIO_SENTENCE_ENDS) + "]")
# White space as rstrip() strips it (what str.isspace() calls so, as \s reads it): a block ending
# in it ends as a sentence if a character further back does.
SPACE_RE = re.compile(r"\s")


def sentence_ends(ctx: RuleContext) -> list[int]:
    """The indices of the blocks whose text, stripped at its end, ends in one of
    BIO_SENTENCE_ENDS, in order: read off one string of every block's last character, made in
    one pass over the texts, instead of a step per block; block by block where a block is empty
    or ends in white space."""
    try:
        lasts = "".join(map(LAST_CHAR, ctx.block_texts()))
    except IndexError:   # (an empty text)
        lasts = None
    if lasts is not None and SPACE_RE.search(lasts) is None:
        # (each text's last character is its own last character stripped: the i-th is block i's)
        return [m.start() for m in BIO_SENTENCE_END_RE.finditer(lasts)]
    return [b.index for b in ctx.blocks if b.text.rstrip()[-1:] in BIO_SENTENCE_ENDS]


def _role_keys() -> frozenset[str] | None:
    """A word of each role a word of text can be (one with no white space in it): a text holding
    a role as a word, maybe with '.', ',', ':' or ';' around it, has that role's words among its
    lowercase words (runs of word characters without underscores: the characters around the role
    are no word characters, so its runs are whole runs of the text lowered too). None when a role
    holds no such run or an underscore."""
    keys = set()
    for role in load_word_set("bio_roles"):
        if role.split() != [role]:
            continue   # (a word of text holds no white space)
        runs = WORD_RE.findall(role)   # (the runs RuleContext.word_lists reads as words)
        if not runs or "_" in role:
            return None
        keys.add(max(runs, key=len))
    return frozenset(keys)


# A block _role_lead finds a role in holds one of these among its words (RuleContext.word_lists).
ROLE_KEYS = _role_keys()
# The words opening author_bio on a block by themselves: a block holding none of BIO_WORDS fires
# only under an author-box heading (about_heading) or, opening with a role, under a byline
# (role_led_bio), where it holds one of ROLE_KEYS: as gate words, they let sentence_candidates
# leave the role-led blocks out (and ask nothing on a page without an author-box heading).
BIO_GATE_WORDS = BIO_WORDS if ROLE_KEYS is None else BIO_WORDS | ROLE_KEYS


def sentence_candidates(ctx: RuleContext) -> list[int]:
    """The blocks author_bio may find under an author-box heading or a byline (a block holding
    none of BIO_WORDS fires only so): ending as a sentence and, under a heading, of
    ABOUT_GAP_MAX_WORDS_DEFAULT words or more on a page that has one (about_heading), or under a
    byline, opening with a role (role_led_bio). (Whether the page has a heading is one answer for
    all its blocks, so a repeat of a block is chosen as the block is.) A role-led block holds one
    of ROLE_KEYS among its words, which open author_bio on it as gate words (BIO_GATE_WORDS): only
    where there are none, it is chosen here, and a page without a heading has no block to choose."""
    about = _about_page(ctx)
    if ROLE_KEYS is not None:
        if not about:
            return []
        nwords = ctx.nwords
        return [i for i in sentence_ends(ctx) if ABOUT_GAP_MAX_WORDS_DEFAULT <= nwords[i] <= BIO_MAX_WORDS_DEFAULT]
    nwords, word_lists, blocks = ctx.nwords, ctx.word_lists, ctx.blocks
    out = []
    for i in sentence_ends(ctx):   # (a block in eight ends as a sentence: the rest is asked of those)
        n = nwords[i]
        if n <= BIO_MAX_WORDS_DEFAULT and (
                about and n >= ABOUT_GAP_MAX_WORDS_DEFAULT or n <= ROLE_BIO_MAX_WORDS_DEFAULT
                and (ROLE_KEYS is None or not ROLE_KEYS.isdisjoint(word_lists[i])) and _role_lead(blocks[i].text) is not None):
            out.append(i)
    return out


@rule("BYL004", "author-bio", action=TAG, label="bio", phrases="bio", max_words=BIO_MAX_WORDS_DEFAULT, context=True,
      words=BIO_GATE_WORDS, candidates=sentence_candidates)
def author_bio(block: Block, ctx: RuleContext) -> str | None:
    """Moves a closing author biography ("Jane Doe is a professor of ... at ...") to author_bio.

    Why: the bio describes the writer, not the story. It is honoured only at the end of the
    article (selection checks that). Besides a name-led sentence naming a role, a bio is the first
    prose under an "About the author" heading, a role-led paragraph right under a labelled byline,
    or a name-led life sentence ("... studierte ...", "... covers ...") whose name signs the page
    on a short line. Example: "James Brown is an associate professor at Temple University"."""
    # Both read sentences only, and only under a short block: the heading or a gap line of at
    # most ABOUT_GAP_MAX_WORDS_DEFAULT words (the heading itself has five at most), or the byline
    # of at most NAME_LINE_MAX_WORDS_DEFAULT. Under long prose neither is worth a call.
    if block.text.rstrip()[-1:] in BIO_SENTENCE_ENDS and block.index > 0 \
            and ctx.nwords[block.index - 1] <= BIO_PREV_MAX_WORDS:
        heading = about_heading(block, ctx)
        if heading:
            return f"author bio under {quote(heading)}"
        role = role_led_bio(block, ctx)
        if role:
            return f"author bio under the byline, role {quote(role)}"
    # (the patterns, which read a block's first few words, asked before the word tests, which read
    # all its words: each question only rules the block out, and the answer is the same in any
    # order. signed_name_bio finds nothing where NAME_LIFE_RE does not match.)
    text, words = block.text, ctx.word_lists[block.index]
    if NAME_LIFE_RE.match(text) is not None and not NAME_LIFE_VERBS.isdisjoint(words):
        signed = signed_name_bio(block, ctx)
        if signed:
            return f"author bio, signed {quote(signed)}"
    # (a block holding "İ", "ı" or "ſ" is searched whatever its words: see phrases.fold_odd_raw)
    if BIO_HEAD_RE.match(text) is None and not fold_odd_raw(text):
        return None   # (most prose with an "is" in it: the patterns are slow to rule it out)
    if BIO_VERBS.isdisjoint(words):
        return None
    if not ctx.phrases("bio").search(block.text):
        return None
    role = ctx.phrases("bio_roles").search(block.text[:200])
    if not role:
        return None
    return f"author bio, role {quote(role)}"


def role_led_bio(block: Block, ctx: RuleContext) -> str | None:
    """The role word opening a short sentence-shaped paragraph right under a labelled byline."""
    if block.index == 0 or ctx.words(block) > ROLE_BIO_MAX_WORDS_DEFAULT or block.text.rstrip()[-1:] not in BIO_SENTENCE_ENDS:
        return None
    # (the line above asked first: each test only rules the block out, and the answer is the same
    # in any order; most short lines above a sentence are no labelled byline, learnt in one match,
    # where the role test reads all the block's words)
    prev = ctx.blocks[block.index - 1]
    if ctx.nwords[prev.index] > NAME_LINE_MAX_WORDS_DEFAULT or not BYLINE_PREFIX_RE.match(prev.text.strip()):
        return None
    if ROLE_KEYS is not None and ctx.word_lists and ROLE_KEYS.isdisjoint(ctx.word_lists[block.index]):
        return None   # (no role among its words: see ROLE_KEYS)
    role = _role_lead(block.text)
    if role is None or not clean_person_names(prev.text):
        return None
    return role


def about_heading(block: Block, ctx: RuleContext) -> str | None:
    """The "About the author" line a few short lines above this block, when this is the first prose under it."""
    if block.text.rstrip()[-1:] not in BIO_SENTENCE_ENDS or ctx.words(block) < ABOUT_GAP_MAX_WORDS_DEFAULT:
        return None
    # (a heading has one of ABOUT_AUTHOR_NORMS as its normal form: the other lines are not matched)
    norms = ctx.norms if ABOUT_AUTHOR_NORMS is not None and ctx.norms else None
    for j in range(block.index - 1, max(-1, block.index - 1 - ABOUT_LOOKBACK_DEFAULT), -1):
        if norms is None or norms[j] in ABOUT_AUTHOR_NORMS:
            text = ctx.blocks[j].text.strip()
            if ABOUT_AUTHOR_RE.fullmatch(text):
                return text
        if ctx.nwords[j] > ABOUT_GAP_MAX_WORDS_DEFAULT:
            return None
    return None


def _role_lead(text: str) -> str | None:
    """The role word among the paragraph's first ROLE_LEAD_WORDS_DEFAULT words, as written."""
    roles = load_word_set("bio_roles")
    return next((w for w in text.split(None, ROLE_LEAD_WORDS_DEFAULT)[:ROLE_LEAD_WORDS_DEFAULT]
                 if w.lower().strip(".,:;") in roles), None)


def signed_name_bio(block: Block, ctx: RuleContext) -> str | None:
    """The name leading a name-led life sentence when a short line elsewhere on the page carries it."""
    m = NAME_LIFE_RE.match(block.text)
    if not m:
        return None
    name = m.group(1)
    folded = name.casefold()             # "VON MORITZ GATHMANN am 21. April 2020" signs for "Moritz Gathmann"
    for other in ctx.blocks:
        if other.index == block.index or ctx.nwords[other.index] > NAME_LINE_MAX_WORDS_DEFAULT:
            continue
        at = other.text[:NAME_LINE_LEAD_CHARS_DEFAULT + len(name)].casefold().find(folded)
        # a signing line holds the name near its start and is no sentence ("Maria Lopez at home." is a
        # caption) nor a speaker's label ("Maria Lopez:" in an interview)
        if at >= 0 and other.text.rstrip()[-1:] not in ".!?:":
            return name
    return None


def bar_led_candidates(ctx: RuleContext) -> list[int]:
    """Blocks opening with "|", as KICKER_RE does."""
    blocks = ctx.blocks
    return [i for i in ctx.find_any(("|",)) if blocks[i].text[:1] == "|"]


@rule("BYL005", "section-kicker", action=TAG, label="section", candidates=bar_led_candidates)
def section_kicker(block: Block, ctx: RuleContext) -> str | None:
    """Moves a section kicker ("| Japan") to the section field.

    Why: it names the site section. Example: "| Business"."""
    m = KICKER_RE.match(block.text)
    if not m or word_count(m.group(1)) > SECTION_MAX_WORDS_DEFAULT:
        return None
    return f"section kicker {quote(block.text)}"
