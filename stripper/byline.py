"""Stage 5: byline metadata from blocks: title, subtitle, section, authors, author bio, date,
captions. Precision first: no author is better than a wrong one."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Sequence
from functools import lru_cache
from itertools import accumulate, islice
from typing import TYPE_CHECKING

from .dates import find_date
from .language import is_cjk
from .main_content import Selection
from .model import HEADING, Block
from .phrases import DIGIT_RE, fold_odd_raw, load_word_set

if TYPE_CHECKING:
    from .rules import RuleContext

TITLE_LOOKBEHIND_DEFAULT = 20      # blocks before the article start searched for dates, sections, bylines
TITLE_SEARCH_BLOCKS_DEFAULT = 45   # ... and for the title, which a lead image or teaser box can push further up
TITLE_MIN_WORDS_DEFAULT = 1
TITLE_SHORT_WORDS_DEFAULT = 3          # shorter titles exist but need other evidence
TITLE_MAX_WORDS_DEFAULT = 30
TITLE_CONTAINER_MAX_CHARS_DEFAULT = 300  # a line quoting the headline is short itself
TITLE_HEADLINE_WORDS_DEFAULT = (4, 20)   # the usual size of a headline, in words
SUBTITLE_MIN_WORDS_DEFAULT = 6
SUBTITLE_MAX_WORDS_DEFAULT = 40
DEK_AFTER_HEADING_MAX_WORDS_DEFAULT = 25
BYLINE_PREFIX_RE = re.compile(
    r"^(?:(?:by|written by|words by|story by|text by|reporting by|von|text von|par|por|di|door|av|af|autor|autorin|author|auteur"
    r"|texte)\b(?!['’-])"   # a whole word: "Diana", "Parker", "Avery" are names
    r"|作者|责任编辑|編集|记者|記者|文|撰文|编辑"
    r"|(?:text|redaktion)(?:\s*(?:&|und|and|y|et)\s*(?:fotos?|bilder?|photos?))?(?=\s*:))\s*[:：]?\s*",
    re.I)
# "Posted on 21 July 2019 by X", "Publiziert am ... von X": the names follow the last by/von.
BYLINE_INNER_RE = re.compile(r"^.*?\s(?:by|von|par|por|da|door)\s+(?=[A-ZÀ-Þ])", re.I)
CJK_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# What separates the names on a byline: a mark, or a word for "and", with the white space before
# and after it. The lookahead asks the first character of the separator (past the white
# space, which no separator opens with) before the alternatives are tried: every match passes
# it, so it changes no split, and it turns most places of a name away in one test
# (tests/test_shortcuts.py splits with and without it). Only a place after no white space reads
# white space first (a match starting after white space opens with the separator itself, as the
# (?<!\s) below says): at every place of a long run of white space the lookahead would otherwise
# read the rest of the run, which is quadratic in the run's length.
NAME_SPLIT_AHEAD = r"(?=(?<!\s)\s*[,;|/&aeouy]|[,;|/&aeouy])"
NAME_SPLIT_RE = re.compile(NAME_SPLIT_AHEAD + r"(?:(?<!\s)\s*|)(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b"
                           r"|\boch\b|\bog\b)\s*", re.I)
NAME_CUT_RE = re.compile(r"(?<!\s)\s+(?:(?:for|für|pour|para|per|in|at|on|vom|(?-i:am|um|le|el)|[-–—•|·])(?:\s|$)"
                         r"|(?:updated|published|posted|veröffentlicht|aktualisiert|publié|publicado|pubblicato|zuletzt|"
                         r"last (?:updated|modified)|geändert|mis à jour)\b|[\w-]{1,30}:(?:\s|$)).*$", re.I)
BY_WORD_RE = re.compile(r"(?:^|[\s,|·•/-])(?:by|von|par|por|door)\s+(?=[A-ZÀ-Þ])|(?:^|\s)(?:text|redaktion|autor|autorin|author|auteur)\s*:", re.I)
POSTED_BY_RE = re.compile(r"(?:^|\s)(?:posted|published|written|geschrieben|publiziert|veröffentlicht|verfasst|"
                          r"publié|publicado|pubblicato|gepost)\b[^|:]{0,60}?\s(?:by|von|par|por|door)\s*:?\s+\S", re.I)
USER_NAME_RE = re.compile(r"^[a-z][a-z0-9_.-]{2,29}$")   # a lowercase user name: "marc", "damianduchamps"
TITLE_BY_RE = re.compile(r"\s(?:by|von|par|por|door)\s+(?=[A-ZÀ-ÞĀ-Ž])")   # lowercase by-word, capital name
HANDLE_RE = re.compile(r"(?<!\w)@\w+")          # "@wperdomod" after a name
NAME_TOKEN_RE = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*|[a-z]{1,3}|van|von|de|der|den|da|del|della|di|du|le|la|ter|bin|al|el)$")
WORD_RE = re.compile(r"\w+")
# "StartseiteIn", "NewsNachrichten": two words run together by a dump that lost the space between
# page elements ("McDonald", "DiBiase", "LeBlanc" have fewer lowercase letters before the capital)
DIGITS_RE = re.compile(r"\d+")
GLUED_WORDS_RE = re.compile(r"[a-zß-ÿ]{3}[A-ZÀ-Þ]")
PAREN_RE = re.compile(r"\([^()\n]{0,200}\)")    # bounded: a '(' with no ')' costs little


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


@lru_cache(maxsize=None)
def _more_words_re(n: int) -> re.Pattern[str]:
    # n + 1 runs of word characters, each but the last followed by the non-word characters up to the
    # next one: matched from the start, it takes the runs one by one (a run cut short would leave a
    # word character where the pattern asks for a non-word one), so it matches exactly when the text
    # has more than n words.
    return re.compile(r"\W*(?:\w+\W+){%d}\w" % n)


def _more_words(text: str, n: int) -> bool:
    """len(_words(text)) > n, without making the words."""
    return _more_words_re(n).match(text) is not None


def _over_words(text: str, n: int, counted: int | None = None) -> bool:
    """len(_words(text)) > n. counted: the context's number of words of the text (RuleContext.nwords),
    read instead where it is the text's own (see _known_words)."""
    known = None if counted is None else _known_words(text, counted)
    return _more_words(text, n) if known is None else known > n


def _tokens_upto(text: str, n: int) -> int:
    """min(len(text.split()), n + 1): compared with n or less, the line's number of whitespace-
    separated tokens, without cutting a long paragraph into all of them (split stops after n cuts,
    and a rest of nothing but white space makes no token)."""
    return len(text.split(None, n))


def _drop_trailing_counts(text: str) -> str:
    """'Ivan Valetny 0 337' -> 'Ivan Valetny': like and comment counts after a name (one pass
    over the words, no backtracking)."""
    words = text.split()
    while words and words[-1].isdigit():
        words.pop()
    return " ".join(words) if len(words) != len(text.split()) else text


NAME_PART_END_RE = re.compile(r"\s{2,}|[|·•]|\s[-–—/]\s|//")   # where the names of a byline line end


def _cut_labels(text: str) -> tuple[str, bool]:
    """(BYLINE_INNER_RE.sub("", BYLINE_PREFIX_RE.sub("", text)), whether BYLINE_PREFIX_RE or
    BYLINE_INNER_RE matches the text): both patterns are anchored at the start and match no
    empty string, so each substitution cuts off no more than the one match at the start, and the
    matches found once serve both. (Where the label matches, the flag holds whatever follows it;
    where it does not, the by-word pattern is matched on the text itself.)"""
    m = BYLINE_PREFIX_RE.match(text)
    if m is not None:
        text = text[m.end():]
    inner = BYLINE_INNER_RE.match(text)
    if inner is not None:
        text = text[inner.end():]
    return text, m is not None or inner is not None


def clean_person_names(raw: str) -> list[str]:
    """'By Jane Doe and John Roe, Reuters' -> ['Jane Doe', 'John Roe']; junk gives []."""
    return list(_person_names(raw))   # (a list of its own: the caller may keep or change it)


@lru_cache(maxsize=256)
def _person_names(raw: str) -> tuple[str, ...]:
    """clean_person_names, remembered: the byline rule asks it of a line, and extract asks again
    of the lines the rule tagged."""
    text = raw.strip()
    # "Posted on 2015-04-05 by marc": after an explicit posted-by, a user name counts as a name
    handle_ok = bool(POSTED_BY_RE.search(text))
    text, single_ok = _cut_labels(text)
    d = find_date(text)
    if d:
        text = text[: d[1]] if d[1] > 0 else text[d[2]:]
        if d[1] == 0:   # "05.02.2020 - Redaktion: Eberhard Fuhr": the label follows the date
            text, labelled = _cut_labels(text.lstrip(" ,.:;-–—|/·•"))
            single_ok = single_ok or labelled
    text = HANDLE_RE.sub(" ", text)
    text = _drop_trailing_counts(text)
    text = NAME_PART_END_RE.split(text.strip())[0]
    text = NAME_CUT_RE.sub("", text)   # "Fatima in Gefühle, Popkultur": nothing after "in" is a name
    text = PAREN_RE.sub(" ", text)
    not_names = load_word_set("not_names")
    names: list[str] = []
    for part in NAME_SPLIT_RE.split(text):
        part = NAME_CUT_RE.sub("", part.strip()).strip(" .,:;-–—|")
        if not part or "@" in part or "http" in part.lower() or any(map(str.isdigit, part)):
            continue
        if CJK_NAME_RE.match(part):
            names.append(part)
            continue
        if all(map(CJK_NAME_RE.match, part.split())):   # "张伟 李娜": names set off by spaces
            names.extend(t for t in part.split() if t not in names)
            continue
        if handle_ok and not names and USER_NAME_RE.match(part) and part.lower() not in not_names:
            names.append(part)
            break
        toks = part.split()
        if len(toks) >= 3 and _role_word(toks[0]):
            toks = toks[1:]   # "Autor: Rechtsanwalt Jan Roe"
            part = " ".join(toks)
        if not (2 <= len(toks) <= 4) and not (single_ok and len(toks) == 1 and len(part) >= 3
                                               and not part.isupper() and "." not in part and not names):
            continue   # a one-word name only first: "Jane Doe, Google" names Jane Doe alone
        if names and any(t.isupper() and len(t) > 1 for t in toks):
            break      # "Jane Doe, AMP Project Marketing": a role or an organisation follows the names
        if not all(map(NAME_TOKEN_RE.match, toks)) or not toks[0][0].isupper() or not toks[-1][0].isupper() \
                or any(map(GLUED_WORDS_RE.search, toks)):
            continue
        if any(p in not_names for t in toks for p in t.lower().strip(".").split("-")):
            continue
        if part not in names:
            names.append(part)
    return tuple(names)


def _title_words(b: Block, cjk: bool, known: int | None = None) -> int | None:
    """The number of words of a title-shaped line, None for a line of any other shape. known: the
    line's number of words (len(_words(b.text))) when the caller has it."""
    t = b.text
    # (b.link_density > 0.5, asked on the integers: for a count over a length, both below 2**53,
    # the quotient rounds above 0.5 exactly when twice the count exceeds the length)
    if len(t) > 250 or 2 * b.link_chars > len(t) > 0:
        return None
    if cjk:
        return (len(_words(t)) if known is None else known) if 6 <= len(t) <= 80 and t[-1:] not in "。" else None
    if not (t[:1].isupper() or t[1:2].isupper()):
        return None   # (asked before the words are counted)
    n = len(_words(t)) if known is None else known
    if not (TITLE_MIN_WORDS_DEFAULT <= n <= TITLE_MAX_WORDS_DEFAULT):
        return None
    if t.endswith((".", ":", ",")) and n > 14 and b.kind != HEADING:   # a marked heading may end in a full stop
        return None
    return n


UPDATED_RE = re.compile(r"updated|aktualisiert|mis à jour|actualizado", re.I)   # a date line that is no publication date
LABEL_RE = re.compile(r"^[\w ]{1,20}:\s")   # "Related: ...", "From: Herald Sun", "Edited by: ..."


# A word of three characters or more: a maximal run of word characters is found whole by this
# pattern exactly when WORD_RE finds it and it is that long (a run too short to match from its
# first character is too short from any later one), so it finds WORD_RE's long words alone.
LONG_WORD_RE = re.compile(r"\w{3,}")


def _content_words(text: str, stop: frozenset[str], words: list[str] | None = None) -> set[str]:
    """The words of three characters or more of the text lowered, stopwords left out. words: the
    runs of word characters of the text lowered (RuleContext.word_lists), when known: where the
    text has no underscore (at which the lists split runs) they are LONG_WORD_RE's runs and the
    shorter ones."""
    if words is not None and "_" not in text:
        return {w for w in words if len(w) > 2}.difference(stop)
    return set(LONG_WORD_RE.findall(text.lower())).difference(stop)


def _known_words(text: str, n: int) -> int | None:
    """len(_words(text)) from n, the number of the context's words of the text (RuleContext.nwords:
    the runs of word characters of the text lowered, split at underscores), where they are as
    many: a text without an underscore has as many runs lowered as it has, unless it holds a
    dotted capital I ("İ" lowers to "i" and a combining dot, which is no word character: every
    other character lowers to one, a word character exactly where it is one). Else None."""
    return n if "_" not in text and (text.isascii() or "\u0130" not in text) else None


def _opening_words(page: RuleContext, opened: list[int]) -> set[str] | None:
    """The runs of word characters of the lines `opened` lowered, from the context's word lists
    (joined by spaces and lowered, the lines have these runs), when no line of them has an
    underscore (which the lists split runs at). Else None."""
    blocks = page.blocks
    if any("_" in blocks[k].text for k in opened):
        return None
    return set().union(*[page.word_lists[k] for k in opened])


class _OpeningWords:
    """The content words of the article's opening (_content_words(opening, stop)), asked word by
    word: a title candidate's few words are looked for where they occur, instead of the opening's
    hundreds of words being made. Only content words are asked for (a candidate's own)."""

    def __init__(self, opening: str, stop: frozenset[str], words: set[str] | None = None):
        self._opening = opening
        self._low: str | None = None
        self._stop = stop
        self._seen: dict[str, bool] = {}
        self._any: bool | None = None
        # the runs of word characters of the opening lowered, when the caller has them: a word
        # is one of them exactly where it occurs as a whole run
        self._words = words

    def __contains__(self, word: str) -> bool:
        if self._words is not None:
            return word in self._words
        if self._low is None:
            self._low = self._opening.lower()
        found = self._seen.get(word)
        if found is None:
            # A content word (all word characters, three or more, no stopword) is one of the
            # opening's where it occurs with no word character on either side: a whole run.
            low, n, found = self._low, len(word), False
            at = low.find(word)
            while at >= 0 and not found:
                found = not (at and _word_char(low[at - 1])) and not (at + n < len(low) and _word_char(low[at + n]))
                at = low.find(word, at + 1)
            self._seen[word] = found
        return found

    def held(self, words: set[str]) -> int:
        """How many of the words are the opening's (sum(1 for w in words if w in self))."""
        if self._words is not None:   # (one set operation instead of a test per word)
            return len(self._words.intersection(words))
        return sum(1 for w in words if w in self)

    def __bool__(self) -> bool:
        if self._any is None:   # (the first long word that is no stopword answers)
            stop = self._stop
            if self._words is not None:   # (LONG_WORD_RE finds the runs of three characters or more)
                self._any = any(len(w) > 2 and w not in stop for w in self._words)
            else:
                self._any = any(m.group() not in stop for m in LONG_WORD_RE.finditer(self._opening.lower()))
        return self._any


KICKER_MAX_CHARS_DEFAULT = 30
NAME_LINE_LOOKBEHIND_DEFAULT = 4
BYLINE_AFTER_END_DEFAULT = 2          # a labelled byline ("Text: Jane Doe") may close the article just after its end
NAME_LINE_BELOW_TITLE_DEFAULT = 7     # a name-only line this close under the headline is its byline ...
NAME_LINE_INTO_SPAN_DEFAULT = 5       # ... when it is no further into the article than this
NAME_PARTICLES = frozenset("de da del della di du van von der den ter la le".split())
NAME_LINE_ALONE_MAX_WORDS_DEFAULT = 8   # "Februar 2022 , Daniel Dillenburg": a date part and the name
NAME_LINE_GAP_PROSE_WORDS_DEFAULT = 30   # a line this long between headline and name: the story began
DEK_MIN_WORDS_DEFAULT = 8
LABEL_LINE_MAX_CHARS_DEFAULT = 24
CLOSING_NAME_REACH_DEFAULT = 8       # lines after the article searched for its author box
LABEL_LINE_REACH_DEFAULT = 3          # a by-label alone this far past the first paragraph still counts
NEXT_LINE_REACH_DEFAULT = 3           # share buttons and a mail address between a date line and the name
LABEL_END_RE = re.compile(r"\s(?:von|by|par|por|door)\s*:?$", re.I)
FURNITURE_RULES = ("SHR", "ICN")     # share buttons and icon labels between a byline's parts
MAIL_RE = re.compile(r"\S+@\S+\.\w+")
BYLINE_LABEL_RE = re.compile(r"(?:autor(?:in|/in|\*in|en|innen)?|authors?|auteurs?|autore|by|von|par|por|text|redaktion)\s*:?",
                             re.I)
# endings of nouns, never of names: "Versorgung", "Gesundheit", "Gemeinschaft", "Information"
NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ismus", "ität", "ness", "ment", "ing",
                 "ische", "ischen", "ischer", "isches", "nachrichten", "news")   # ... and of adjectives: "Europäische"
LEAD_BYLINE_MAX_WORDS_DEFAULT = 25    # a byline line between headline and first paragraph
LEAD_AFTER_MAX_WORDS_DEFAULT = 8      # ... or this short, inside the article's opening ...
LEAD_LABEL_MAX_WORDS_DEFAULT = 3      # ... with at most this many words before the by-word
LEAD_HEADLINE_MAX_WORDS_DEFAULT = 16   # a question or quote this short may be the headline
LEAD_MAX_BLOCKS_DEFAULT = 3        # title and dek may open the article span, up to this many blocks
SENTENCE_END_RE = re.compile(r"[.!?…\"”»]\s*$")
SENTENCE_ENDS = frozenset(".!?…\"”»")   # the characters of its class


def _paragraph_like(text: str) -> bool:
    """Ends like a sentence, and is not a headline that asks, exclaims or quotes: those end in
    '?', '!' or a closing quote too, so they need a paragraph's length."""
    # (SENTENCE_END_RE, read off the end: \s matches what str.isspace() calls whitespace, which
    # rstrip() strips, so the pattern finds a match exactly where the stripped text ends in one of
    # its characters; searched, it would be tried at every character of a long paragraph)
    end = text.rstrip()[-1:]
    if not end or end not in SENTENCE_ENDS:
        return False
    return end in ".…" or _more_words(text, LEAD_HEADLINE_MAX_WORDS_DEFAULT)


def _lead_end(blocks: list[Block], sel: Selection) -> int:
    """Index of the first real paragraph: a kept block that ends like a sentence. Headline and
    dek lines before it (even inside the article span) are title candidates."""
    a = sel.span[0]
    for n, i in enumerate(sel.kept[:LEAD_MAX_BLOCKS_DEFAULT + 1]):
        b = blocks[i]
        if _paragraph_like(b.text) or b.kind == HEADING and b.level > 1 or n == LEAD_MAX_BLOCKS_DEFAULT:
            return i
    return a + 1 if a >= 0 else 0


def _fold(text: str) -> str:
    """The text in lower case with its whitespace runs as single spaces. Most block texts are
    already cleaned that way: a line whose characters are all printable holds no whitespace but
    the space (str.isprintable() is false for every other character str.split() cuts at), so
    with no double, leading or trailing space it is its own folded form."""
    low = text.lower()
    if low.isprintable() and "  " not in low and low[:1] != " " and low[-1:] != " ":
        return low
    return " ".join(low.split())


def _fold_all(texts: list[str]) -> list[str]:
    """[_fold(t) for t in texts], lowered in one call when it can be: the texts joined by
    newlines, when none holds a newline itself, split back into as many lines. (lower() reads
    no context across a newline but that of a capital sigma, whose small form depends on the
    letters around it: text with a sigma is folded line by line.) When the joined lines are all
    clean (see _fold) they are their own folded forms."""
    low = "\n".join(texts).lower()
    if "σ" not in low and "ς" not in low:
        keys = low.split("\n")
        if len(keys) == len(texts):
            if ("  " not in low and " \n" not in low and "\n " not in low and low[:1] != " " and low[-1:] != " "
                    and low.replace("\n", " ").isprintable()):
                return keys
            return [_fold(k) for k in keys]
    return [_fold(t) for t in texts]


def find_title(blocks: list[Block], sel: Selection, tagged: set[int], dropped: set[int],
               cjk: bool, stop: frozenset[str] = frozenset(),
               repeats: frozenset[int] = frozenset(), lead_end: int | None = None,
               page: RuleContext | None = None) -> tuple[int | None, int | None]:
    """(title index, subtitle index). Candidates are title-shaped lines shortly before the article
    (or its first block); the winner shares the most words with the article's opening and sits
    closest to it; a top-level heading gets a bonus. The dek is the line right after the title.
    page: the rules' context of these blocks, whose lowered page and words are read."""
    a, z = sel.span
    if a < 0:
        return None, None
    lo = max(0, a - TITLE_SEARCH_BLOCKS_DEFAULT)
    if lead_end is None:   # (the caller's _lead_end(blocks, sel), when it has it)
        lead_end = _lead_end(blocks, sel)
    byline_near = set(sel.meta.get("byline", [])) | set(sel.meta.get("date", []))
    # A byline or date line shortly inside the span ends the header: a teaser or a search hint
    # that opened the span sits above the headline, and the headline sits above the byline.
    head_end = min((m for m in byline_near if lead_end < m <= min(z, a + TITLE_HEAD_MAX_BLOCKS_DEFAULT)),
                   default=lead_end)
    if sum(len(_words(blocks[k].text)) for k in range(lead_end, head_end)
           if _paragraph_like(blocks[k].text)) > TITLE_HEAD_MAX_PROSE_WORDS_DEFAULT:
        head_end = lead_end   # real paragraphs come first: that byline belongs further down
    nwords = page.nwords if page is not None else None
    cands: list[tuple[int, int]] = []   # (index, words) of the title-shaped lines
    # The lines of fewer than TITLE_SHORT_WORDS_DEFAULT words that are no heading (most lines above
    # a headline: menu entries), as (index, words), are set aside unshaped: the pruned search
    # below reads them only where their common bound (_short_bound) reaches the best score.
    short: list[tuple[int, int]] = []
    defer = TITLE_DEBUG is None and nwords is not None
    # (a page whose text holds neither "_" nor "İ" has no line holding one: _known_words answers
    # the context's count for every line, asked once of the whole page instead of line by line)
    page_known = nwords is not None and _known_words(page.joined_text(), 0) is not None
    for i in range(lo, head_end):
        if i in tagged or (i in dropped and i not in repeats):
            continue
        b = blocks[i]
        known = nwords[i] if page_known else None if nwords is None else _known_words(b.text, nwords[i])
        if defer and known is not None and known < TITLE_SHORT_WORDS_DEFAULT and b.kind != HEADING:
            short.append((i, known))   # (_title_words counts a title-shaped line's words as known)
            continue
        n_words = _title_words(b, cjk, known)
        if n_words is not None:
            cands.append((i, n_words))
    if not cands and not short:
        return None, None   # (no line to score: what the searches below answer, without their set-up)
    # the opening paragraphs after the candidates: a candidate inside it would match itself
    # (the first four read off the kept lines, which go on past them)
    opened = list(islice((k for k in sel.kept if k >= head_end), 4)) or sel.kept[:4]
    opened_words = _opening_words(page, opened) if page is not None else None
    # (the opening's text is read only for a CJK page's characters, or where its words are not
    # known: _OpeningWords asks the words where it has them)
    opening = " ".join(blocks[i].text for i in opened) if cjk or opened_words is None else ""
    # (the context lowered the page for the rules' needles: its lines lowered at their starts)
    keys = _PageKeys(blocks, page._lowered() if page is not None else None, page.word_lists if page is not None else None)
    body = _OpeningWords(opening, stop, opened_words)
    best, best_score = None, 0.0
    if TITLE_DEBUG is not None:   # every candidate's evidence, in page order
        for i, n_words in cands:
            f = _title_features(blocks, i, head_end, lead_end, body, opening, cjk, stop, tagged, dropped, repeats,
                                byline_near, keys, n_words)
            if f is None:
                continue
            score = sum(TITLE_WEIGHTS[k] * v for k, v in f.items())
            TITLE_DEBUG.append((i, score, f))
            if score > best_score:
                best, best_score = i, score
    else:
        # The candidates with the highest bounds first: once a bound stays below the best score,
        # that candidate and all after it cannot win (nor tie: the first of equal scores wins).
        # (sorted as (-bound, index) pairs: the highest bound first, the first index of equal ones)
        # The repeat evidence (a search of the whole page) is left open and asked only where it
        # decides: an open candidate's score lies between its score without it and that plus its
        # weight, and two candidates are compared on those ends while they lie apart by more than
        # rounding, exactly (as the plain search scores them) otherwise. The best so far is held
        # as (index, features, least score, most score) (see _scored).
        # The winner is the candidate of the highest score above zero (the first of equal ones),
        # whatever order they are read in, and a candidate is passed over only where it scores
        # below the best so far: the short lines set aside are read in a second pass, only where
        # the bound of all of them reaches the best score of the first (on few pages).
        lead: tuple[int, dict[str, float], float, float] | None = None
        slack = 2 * TITLE_BOUND_SLACK   # (the rounding of a bound and of an open end)
        while True:
            bounds = sorted([(-_title_bound(blocks[i], i, n_words, head_end, lead_end, byline_near), i, n_words)
                             for i, n_words in cands])
            for neg_bound, i, n_words in bounds:
                sure = lead[2] if lead is not None else 0.0   # the least the best so far scores
                if -neg_bound + slack < sure:
                    break
                f = _title_features(blocks, i, head_end, lead_end, body, opening, cjk, stop, tagged, dropped, repeats,
                                    byline_near, keys, n_words, sure - slack, -neg_bound, defer_repeated=True)
                if f is None:
                    continue
                cand = _scored(i, f)
                if lead is None:
                    if cand[3] + slack < 0.0:
                        continue
                    if not cand[2] > slack:   # (the first to score above zero leads)
                        cand = _settled(cand, keys)
                        if not cand[2] > 0.0:
                            continue
                    lead = cand
                    continue
                if cand[3] + slack < lead[2]:
                    continue
                if cand[2] > lead[3] + slack:
                    lead = cand
                    continue
                cand, lead = _settled(cand, keys), _settled(lead, keys)
                if cand[2] > lead[2] or (cand[2] == lead[2] and i < lead[0]):
                    lead = cand
            # (the last short line is the nearest to the header's end: its bound is the highest)
            if not short or _short_bound(short[-1][0], head_end, lead_end) + slack < (lead[2] if lead is not None else 0.0):
                break
            cands = [(i, n_words) for i, known in short if (n_words := _title_words(blocks[i], cjk, known)) is not None]
            short = []
        best = lead[0] if lead is not None else None
    if best is None:
        return None, None
    sub = None
    j = best + 1
    while j < len(blocks) and j in tagged:
        j += 1
    if j <= lead_end and j < len(blocks) and j not in dropped and j not in tagged:
        cand = blocks[j]
        # (its words as the context counts them, where they are its own: see _known_words)
        known = None if nwords is None else _known_words(cand.text, nwords[j])
        n = len(_words(cand.text)) if known is None else known
        k = j + 1
        while k < len(blocks) and k in tagged:
            k += 1
        longer_follows = k < len(blocks) and len(blocks[k].text) > len(cand.text)
        if SUBTITLE_MIN_WORDS_DEFAULT <= n <= SUBTITLE_MAX_WORDS_DEFAULT and not LABEL_RE.match(cand.text) \
                and cand.link_density < 0.5 and len(cand.text) > len(blocks[best].text) * 0.8 \
                and (cand.kind != HEADING or cand.level > blocks[best].level) and (j < lead_end or (longer_follows and blocks[best].kind == HEADING and n <= DEK_AFTER_HEADING_MAX_WORDS_DEFAULT)):
            sub = j
    return best, sub


TITLE_WEIGHTS = {   # evidence for a title candidate and its weight
    "overlap": 1.1,          # share of its words found again in the article's opening
    "near": 1.3,             # 1 / (1 + distance / 4) to the first paragraph (or the byline)
    "last": -0.3,            # right above the first paragraph: often a teaser or an image caption
    "headline_size": 0.4,    # headline-sized (4-20 words), not a section label
    "dek_pair": 0.2,         # headline, then a longer dek
    "h1": 2.5,
    "heading": 0.3,
    "before_byline": 0.4,    # headline, then byline or date
    "repeated": 0.7,         # repeated in breadcrumbs, share bars, "<title> | Site" ...
    "repeated_dropped": 0.1,  # ... and dropped there as a duplicate: navigation repeats itself too
    "sentence": -1.3,        # ends with a full stop
    "colon_end": -0.8,       # "Die Redaktion sagt:" introduces something
    "no_overlap": -0.5,      # a headline shares words with its article
    "short": -0.8,           # under TITLE_SHORT_WORDS_DEFAULT words
    "digits": -0.9,          # half its words hold digits: a date, a time, a score
    "byline_like": -0.2,     # names someone after a by-word
    "breadcrumb": -0.8,      # "Home > News > Headline": the path to the page, not its headline
    "contains_line": -0.5,   # holds a neighbouring line whole: a kicker or site name glued to it
    "in_span": -1.2,         # already inside the article, after its first paragraph
}
TITLE_NEIGHBOUR_BLOCKS_DEFAULT = 4
TITLE_HEAD_MAX_BLOCKS_DEFAULT = 8    # a byline this far into the span still closes the header ...
TITLE_HEAD_MAX_PROSE_WORDS_DEFAULT = 40   # ... when only this much prose (a teaser, a search hint) precedes it
BREADCRUMB_SEPARATORS = (" > ", " / ", " » ", " › ", " | ")
# The separators' marks: a line holding none holds no separator (one search instead of five counts).
BREADCRUMB_MARK_RE = re.compile("[" + "".join(re.escape(sep.strip()) for sep in BREADCRUMB_SEPARATORS) + "]")
TITLE_DEBUG: list | None = None   # set to a list to collect (index, score, features) per candidate


# What the evidence _title_bound leaves open adds at most: the overlap (a share, 0 to 1) and what
# takes reading the line's words or its neighbours.
TITLE_OPEN_OVERLAP = max(0.0, TITLE_WEIGHTS["overlap"]) + max(0.0, TITLE_WEIGHTS["no_overlap"])
TITLE_OPEN_GAIN = TITLE_OPEN_OVERLAP + max(0.0, TITLE_WEIGHTS["dek_pair"]) \
    + max(0.0, TITLE_WEIGHTS["repeated"], TITLE_WEIGHTS["repeated_dropped"]) \
    + sum(max(0.0, TITLE_WEIGHTS[k]) for k in ("digits", "byline_like", "breadcrumb", "contains_line"))
# (a bound sums its terms in another order than the score: far more than their rounding apart)
TITLE_BOUND_SLACK = 1e-9
# Two of them need a line of some words: shorter lines leave them out of the bound.
TITLE_DEK_PAIR_MIN_WORDS = 4       # a headline, then a longer dek
TITLE_REPEATED_MIN_WORDS = 3       # a line written again (shorter ones repeat by chance: menu entries)
TITLE_OPEN_DEK_PAIR = max(0.0, TITLE_WEIGHTS["dek_pair"])
TITLE_OPEN_REPEATED = max(0.0, TITLE_WEIGHTS["repeated"], TITLE_WEIGHTS["repeated_dropped"])


def _title_bound(b: Block, i: int, n_words: int, lead_end: int, first_para: int, byline_near: set[int]) -> float:
    """An upper bound of the score of title candidate i (see _title_features): the evidence read
    off the line's shape and place exactly, the rest at its most favourable (TITLE_OPEN_GAIN)."""
    w = TITLE_WEIGHTS
    s = w["near"] * (1.0 / (1.0 + max(1, lead_end - i) / 4.0)) + TITLE_OPEN_GAIN
    if TITLE_HEADLINE_WORDS_DEFAULT[0] <= n_words <= TITLE_HEADLINE_WORDS_DEFAULT[1]:
        s += w["headline_size"]
    if b.kind == HEADING:
        s += w["h1" if b.level <= 1 else "heading"]
    if i + 1 in byline_near or i + 2 in byline_near or i + 3 in byline_near:   # (one of the next three lines)
        s += w["before_byline"]
    t = b.text
    if t.endswith("."):
        s += w["sentence"]
    if n_words < TITLE_SHORT_WORDS_DEFAULT:
        s += w["short"]
    if n_words < TITLE_DEK_PAIR_MIN_WORDS:
        s -= TITLE_OPEN_DEK_PAIR
    if n_words < TITLE_REPEATED_MIN_WORDS:
        s -= TITLE_OPEN_REPEATED
    if t.rstrip().endswith(":"):
        s += w["colon_end"]
    if lead_end - i == 1:
        s += w["last"]
    if i >= first_para:
        s += w["in_span"]
    return s


def _short_bound(i: int, lead_end: int, first_para: int) -> float:
    """An upper bound of _title_bound for every line at place i or before it that is no heading and
    has fewer than TITLE_SHORT_WORDS_DEFAULT words: the nearness of place i (no line before it is
    nearer), the weights that such a line always gets, and the rest at its most favourable."""
    w = TITLE_WEIGHTS
    s = w["near"] * (1.0 / (1.0 + max(1, lead_end - i) / 4.0)) + TITLE_OPEN_GAIN + w["short"]
    s += sum(max(0.0, w[k]) for k in ("before_byline", "sentence", "colon_end", "last", "in_span"))
    # (fewer words than a short title's: too few for a headline, a dek pair or a repeat as well)
    if TITLE_HEADLINE_WORDS_DEFAULT[0] < TITLE_SHORT_WORDS_DEFAULT:
        s += max(0.0, w["headline_size"])
    if TITLE_SHORT_WORDS_DEFAULT <= TITLE_DEK_PAIR_MIN_WORDS:
        s -= TITLE_OPEN_DEK_PAIR
    if TITLE_SHORT_WORDS_DEFAULT <= TITLE_REPEATED_MIN_WORDS:
        s -= TITLE_OPEN_REPEATED
    return s


def _title_features(blocks: list[Block], i: int, lead_end: int, first_para: int, body: _OpeningWords, opening: str, cjk: bool,
                    stop: frozenset[str], tagged: set[int], dropped: set[int], repeats: frozenset[int],
                    byline_near: set[int], keys: _PageKeys, n_words: int | None = None,
                    floor: float | None = None, bound: float = 0.0,
                    defer_repeated: bool = False) -> dict[str, float] | None:
    """The evidence for one title candidate, each weighed by TITLE_WEIGHTS; None rules it out. With
    a floor, None also for a candidate whose bound (see _title_bound), once its overlap is known,
    stays below the floor: it cannot win. With defer_repeated, the repeat evidence of a line long
    enough for it is left open, as a 0 in its place (see _settled)."""
    b = blocks[i]
    words = keys.words[i] if keys.words is not None else None   # (the line's lowercase runs, when known)
    if cjk:
        cw = set(b.text)
        overlap = len(cw & set(opening)) / max(1, len(cw))
    else:
        cw = _content_words(b.text, stop, words)
        overlap = body.held(cw) / max(1, len(cw)) if cw else 0.0
    if overlap == 0 and LABEL_RE.match(b.text):
        return None   # "Related: ...", "From: Herald Sun"; but "Erfurt: Thorwirth wins" opens its story
    if floor is not None and bound - TITLE_OPEN_OVERLAP + TITLE_WEIGHTS["overlap"] * overlap \
            + (TITLE_WEIGHTS["no_overlap"] if overlap == 0 and body else 0.0) < floor:
        return None
    if _numbered_sibling(keys, i):
        return None   # "Test Case 1" above "Test Case 2": an entry of a numbered list
    if n_words is None:
        n_words = len(_words(b.text))
    f = {"overlap": overlap, "near": 1.0 / (1.0 + max(1, lead_end - i) / 4.0)}
    if TITLE_HEADLINE_WORDS_DEFAULT[0] <= n_words <= TITLE_HEADLINE_WORDS_DEFAULT[1]:
        f["headline_size"] = 1
    nxt = i + 1
    while nxt < lead_end and nxt in tagged:
        nxt += 1
    # (the next line's words as the context counts them, where they are its own: see _known_words)
    if nxt < lead_end and nxt not in dropped and n_words >= TITLE_DEK_PAIR_MIN_WORDS and blocks[nxt].kind != HEADING \
            and _title_words(blocks[nxt], cjk, None if words is None else _known_words(blocks[nxt].text, len(keys.words[nxt]))) \
            is not None:
        f["dek_pair"] = 1
    if b.kind == HEADING:
        f["h1" if b.level <= 1 else "heading"] = 1
    if i + 1 in byline_near or i + 2 in byline_near or i + 3 in byline_near:   # (as _title_bound asks)
        f["before_byline"] = 1
    key = keys[i]
    if n_words >= TITLE_REPEATED_MIN_WORDS:
        if defer_repeated:   # left open, in its place: a 0 adds nothing to the score (see _settled)
            f["repeated" if i not in repeats else "repeated_dropped"] = 0
        elif keys.repeated(i):
            f["repeated" if i not in repeats else "repeated_dropped"] = 1
    if b.text.endswith("."):
        f["sentence"] = 1
    if overlap == 0 and body:
        f["no_overlap"] = 1
    if n_words < TITLE_SHORT_WORDS_DEFAULT:
        f["short"] = 1
    t = b.text.rstrip()
    if t.endswith(":"):
        f["colon_end"] = 1
    if _mostly_digits(t):
        f["digits"] = 1
    # (t's runs are the line's: it lost only white space)
    if (words is None or _may_name(t, words)) and (_names_someone(t) or POSTED_BY_RE.search(t)):
        f["byline_like"] = 1
    if BREADCRUMB_MARK_RE.search(t) and sum(t.count(sep) for sep in BREADCRUMB_SEPARATORS) >= 2:
        f["breadcrumb"] = 1
    if lead_end - i == 1:
        f["last"] = 1
    if i >= first_para:
        f["in_span"] = 1
    # (a line inside the candidate has no more runs of word characters than it: folding, which
    # changes only case and white space, keeps a line's runs, so the context's word lists count
    # them, and a longer line is not folded for nothing)
    # (the line itself, its own key, is no shorter than it; the lines folded already are read
    # straight from the keys' store)
    most = len(words) if words is not None else None
    page_words, folded = keys.words, keys._keys
    for j in range(max(0, i - TITLE_NEIGHBOUR_BLOCKS_DEFAULT), min(len(blocks), i + TITLE_NEIGHBOUR_BLOCKS_DEFAULT + 1)):
        if j == i or most is not None and len(page_words[j]) > most:
            continue
        other = folded.get(j)
        if other is None:
            other = keys[j]
        if 4 <= len(other) < len(key) and " " in other and other in key:
            f["contains_line"] = 1
            break
    return f


def _mostly_digits(t: str) -> bool:
    """Whether half the whitespace-separated words of t (a text stripped at its end) or more hold
    a digit. (A text without a digit has no word with one: its words are split and searched only
    when it has; else none reach half their number only where there are none, where t is empty.)"""
    if DIGIT_RE.search(t) is None:
        return not t
    toks = t.split()
    return sum(1 for w in toks if DIGIT_RE.search(w)) * 2 >= len(toks)


def _scored(i: int, f: dict[str, float]) -> tuple[int, dict[str, float], float, float]:
    """(index, features, least score, most score) of a candidate: its score, and with an open repeat
    evidence (a 0 left by _title_features with defer_repeated) the score with it counted in, at
    the side its weight lies."""
    score = sum(TITLE_WEIGHTS[k] * v for k, v in f.items())   # (an open 0 adds nothing)
    for k in ("repeated", "repeated_dropped"):
        if f.get(k) == 0:
            return i, f, score + min(0.0, TITLE_WEIGHTS[k]), score + max(0.0, TITLE_WEIGHTS[k])
    return i, f, score, score


def _settled(c: tuple[int, dict[str, float], float, float], keys: _PageKeys) -> tuple[int, dict[str, float], float, float]:
    """The candidate with its open repeat evidence asked for: its score exactly as the plain search
    sums it (the key keeps its place among the features)."""
    i, f = c[0], c[1]
    for k in ("repeated", "repeated_dropped"):
        if f.get(k) == 0:
            if keys.repeated(i):
                f[k] = 1
            else:
                del f[k]
            score = sum(TITLE_WEIGHTS[k] * v for k, v in f.items())
            return i, f, score, score
    return c


class _PageKeys:
    """The page's lines folded (see _fold), each the first time it is asked for, and whether a
    line is written again on the page. lowered: the lines lowered as the rules' context holds them
    (RuleContext._lowered: each line's text.lower() at its start, one separator character between
    them), when there is one; else the page is lowered here when first searched."""

    def __init__(self, blocks: list[Block], lowered: tuple[str, list[int]] | None = None,
                 words: list[Sequence[str]] | None = None):
        self._blocks = blocks
        self.words = words   # the lines' lowercase words (RuleContext.word_lists), when there are
        self._texts_list: list[str] | None = None   # the lines' texts (see _texts)
        self._keys: dict[int, str] = {}
        self._low: str | None = None     # the lines lowered, joined by one character
        self._starts: list[int] = []     # where each line starts there (none: see repeated)
        if lowered is not None:
            self._low, self._starts = lowered
        self._counts: dict[str, int] | None = None   # the folded lines counted (_repeated_counted)
        self._short_lines = ""

    @property
    def _texts(self) -> list[str]:
        """The lines' texts, listed the first time the whole page is read (most pages fold only
        the few lines around their title candidates)."""
        if self._texts_list is None:
            self._texts_list = [b.text for b in self._blocks]
        return self._texts_list

    def __len__(self) -> int:
        return len(self._blocks)

    def __getitem__(self, j: int) -> str:
        key = self._keys.get(j)
        if key is None:
            key = self._keys[j] = _fold(self._blocks[j].text)
        return key

    def repeated(self, i: int) -> bool:
        """Whether the page writes line i again, or quotes it in a longer line (a breadcrumb ending
        in the headline, "Headline | Site", a share text), which marks it as the page's name for
        itself: its folded text is found in another folded line of up to
        TITLE_CONTAINER_MAX_CHARS_DEFAULT characters, or (when longer itself) is another line's."""
        key = self[i]
        if self._low is None:
            joined = "\n".join(self._texts)
            self._low = low = joined.lower()
            # Where lowering keeps every character one character (no capital sigma, whose small
            # form depends on its neighbours; no dotted capital I, which lowers to two), the lowered
            # lines lie at the places of the lines themselves.
            if len(low) == len(joined) and "σ" not in low and "ς" not in low:
                # (line k starts after the k lines before it and their newlines)
                self._starts = [0, *(n + k + 1 for k, n in enumerate(accumulate(map(len, self._texts))))][:-1]
        if not self._starts or not key:
            return self._repeated_counted(key)
        # A folded line holding the key holds its longest word, and so does the line lowered (folding
        # only joins its words by single spaces): only the lines whose lowered text has it are folded.
        # (The word holds no white space: a hit running into the next line, through a separator
        # that is no white space, only has its line folded and compared for nothing, and the
        # search goes on from the next line, where a hit of the next line's own lies.)
        word = max(key.split(" "), key=len)
        low, starts, short = self._low, self._starts, len(key) <= TITLE_CONTAINER_MAX_CHARS_DEFAULT
        last = len(starts) - 1
        # (a line holding the key, or equal to it, has as many runs of word characters as it at
        # least: folding keeps a line's runs, which the context's word lists count)
        words = self.words
        least = len(words[i]) if words is not None else 0
        at = low.find(word)
        while at >= 0:
            j = bisect_right(starts, at) - 1
            if j != i and (words is None or len(words[j]) >= least):
                other = self[j]
                if (len(other) <= TITLE_CONTAINER_MAX_CHARS_DEFAULT and key in other) if short else other == key:
                    return True
            if j >= last:
                break
            at = low.find(word, starts[j + 1])   # (the rest of line j would answer the same)
        return False

    def _repeated_counted(self, key: str) -> bool:
        """repeated, from the whole page folded: the key is there more than once as a line, or more
        often in the short lines than as a line."""
        if self._counts is None:
            keys = _fold_all(self._texts)   # each line folded once
            counts: dict[str, int] = {}
            for k in keys:
                counts[k] = counts.get(k, 0) + 1
            # (A key holds no newline, so it is counted in short_lines line by line: the order of the
            # lines does not matter, only that each short line is there as often as the page has it.)
            self._short_lines = "\n".join([k for k in keys if len(k) <= TITLE_CONTAINER_MAX_CHARS_DEFAULT])
            self._counts = counts
        counts = self._counts
        return counts.get(key, 0) > 1 or self._short_lines.count(key) > counts.get(key, 0)


def _numbered_sibling(keys: _PageKeys, i: int) -> bool:
    """Whether a line next to line i is the same line with other numbers in it."""
    if not DIGIT_RE.search(keys[i]):
        return False
    shape = DIGITS_RE.sub("#", keys[i])
    return any(0 <= j < len(keys) and keys[j] != keys[i] and DIGITS_RE.sub("#", keys[j]) == shape
               for j in (i - 1, i + 1))


# The words BY_WORD_RE, BYLINE_INNER_RE and POSTED_BY_RE find before a name: each stands whole,
# as a run of word characters (white space, punctuation or the line's start around it) ...
BY_RUN_WORDS = frozenset("by von par por da door text redaktion autor autorin author auteur".split())
# ... and the words BYLINE_PREFIX_RE opens a line with, as its first run ("text" and "redaktion" may
# run into an "und": "Textund Fotos:"), and the first characters of its Chinese labels. (The
# byline phrase list's entries open with the same ones: the byline-line rule's gate reads these too.)
BYLINE_OPENERS = frozenset("by written words story text reporting von par por di door av af autor autorin "
                           "author auteur texte".split())
BYLINE_RUN_ON_OPENERS = ("text", "redaktion")
BYLINE_LABEL_FIRSTS = frozenset("作责編记記文撰编")


def _may_name(text: str, words: list[str]) -> bool:
    """False only where _names_someone(text) is False and POSTED_BY_RE finds nothing. words: the
    text's lowercase runs of word characters (RuleContext.word_lists), where each of those words
    stands as one when the text holds it (for "İ", "ı" and "ſ", which IGNORECASE reads as "i"
    and "s" and lower() does not lower to them, the patterns are asked)."""
    return not BY_RUN_WORDS.isdisjoint(words) or bool(words) and (
        words[0] in BYLINE_OPENERS or words[0].startswith(BYLINE_RUN_ON_OPENERS)) \
        or text[:1] in BYLINE_LABEL_FIRSTS or fold_odd_raw(text)


def _names_someone(text: str) -> bool:
    """A line with a byline label or a by-word before a capitalised word."""
    return bool(BYLINE_PREFIX_RE.match(text) or BYLINE_INNER_RE.match(text)
                or BY_WORD_RE.search(text))


def split_title_byline(text: str) -> tuple[str, list[str]]:
    """'Solidarität = Nachbarschaftshilfe von Martina Scharmann' -> the headline and ['Martina
    Scharmann']: a header dumped as one line glues the byline to the headline. Only when what
    follows the by-word reads as names and the headline keeps three words or more."""
    for m in TITLE_BY_RE.finditer(text):
        head = text[: m.start()].strip(" -–—|,:")
        if len(_words(head)) < 3:
            continue
        rest = text[m.end():]
        names = clean_person_names("By " + rest)
        if not names or any(len(n.split()) < 2 for n in names):
            continue   # "Eine Hommage an Vicco von Bülow": a one-word "name" is part of the headline
        last = rest.find(names[-1])
        tail = rest[last + len(names[-1]):].split("|")[0] if last >= 0 else rest
        d = find_date(tail)
        if d:
            tail = tail[: d[1]] + tail[d[2]:]
        if not re.search(r"[^\W\d_]{3,}", tail):   # nothing but the names (and a date) follows
            return head, names
    return text, []


def _labelled_by_line(text: str) -> bool:
    """A short line that is a label and a by-word before the names: "Blog Beitrag von Jane Doe",
    not a dek that mentions someone ("Delevoye, peu estimé par Jacques Chirac")."""
    m = BY_WORD_RE.search(text)
    if not m or len(_words(text)) > LEAD_AFTER_MAX_WORDS_DEFAULT:
        return False
    head = text[: m.start()]
    return "," not in head and len(head.split()) <= LEAD_LABEL_MAX_WORDS_DEFAULT


def _kicker_like(b: Block, ruled: set[int]) -> bool:
    """A section kicker right above a headline: one to three capitalised words, no digits."""
    t = b.text.strip()
    if b.index in ruled or not t or len(t) > KICKER_MAX_CHARS_DEFAULT or any(map(str.isdigit, t)):
        return False
    if b.link_density > 0.5 and b.origin == "markdown":
        return False
    ws = t.split()
    if not (1 <= len(ws) <= 3) or t[-1:] in ".:!?,;":
        return False
    return t[0].isupper() or not t[0].isascii()


NAME_LINE_SPLIT_RE = re.compile(r"\s[-–—|·•]\s|\s{2,}|\s*\|\s*")
RELATIVE_TIME_RE = re.compile(r"(?<!\s)\s+\d+\s+(?:min|minutes?|hours?|hrs?|days?|weeks?)\s+ago\b.*$", re.I)


def _person_name(text: str, stop: frozenset[str], page_words: Container[str] | None = None) -> str | None:
    """The text, if it has the shape of one person's name: 2-4 capitalised words, no stopwords.
    With the page's words known, a stopword counts only when the page also writes it in
    lowercase: frequency stoplists hold common first names ("Thomas", "Michael")."""
    toks = text.split()
    if not (2 <= len(toks) <= 4) or len(text) > 40:
        return None
    not_names = load_word_set("not_names")
    caps = text.isupper()   # "KATHRIN HOFMEISTER": a name set in capitals, judged word by word
    for k, t in enumerate(toks):
        core = t.strip(".,")
        if k and core.lower() in NAME_PARTICLES and k < len(toks) - 1:
            continue   # "Verónica De Vita", "Ursula von der Leyen"
        if not core or not (core[0].isupper() and core[0].isalpha()) or any(map(str.isdigit, core)) \
                or core.endswith(":") or any(p[:1].islower() for p in core.split("-")) or GLUED_WORDS_RE.search(core):
            return None   # "School-to-Prison": a name's hyphened parts are capitalised too
        low = core.lower()
        if low in not_names or (core.isupper() and len(core) > 3 and not caps) or \
                low in stop and (page_words is None or low in page_words or len(low) < 4):
            return None
    return text.strip(" ,")


def _filler(tok: str) -> bool:
    """A token around a name on a byline line: a number, a date word, punctuation, a label."""
    core = tok.strip(".,:;()")
    if core.isalpha():   # (most tokens: letters alone, so no digit and a letter; isalpha() is false for "")
        return core.lower() in load_word_set("not_names")
    return not core or any(map(str.isdigit, core)) or not any(map(str.isalpha, core)) \
        or core.lower() in load_word_set("not_names")


class _ProseWords:
    """Whether the page writes a word as a word (web and mail addresses, "arne.doe@...", left
    out). Looked up lazily, word by word: only the few words of a name candidate are asked.
    joined: the lines' texts joined by NUL (RuleContext.joined_text), when the page has them so."""

    def __init__(self, blocks: list[Block], joined: str | None = None):
        self._blocks = blocks
        # (the lines joined by newlines, or by NULs: neither is a word character nor one of '.',
        # '@' and '/', so either answers alike as a neighbour of a word holding neither, and the
        # places of the lines are the same)
        self._text = "\n".join([b.text for b in blocks]) if joined is None else joined
        self._nul_joined = joined is not None
        self._seen: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if word not in self._seen:
            if self._nul_joined and "\x00" in word:   # (a word NULs would join lines up for)
                self._text, self._nul_joined = "\n".join([b.text for b in self._blocks]), False
            # The word stands where it occurs with no word character, '.', '@' or '/' before it and
            # no word character, '@' or '/' after it, nor a '.' and a word character (what the
            # pattern (?<![\w.@/])word(?![\w@/]|\.\w) asks; read off the neighbours directly, as a
            # pattern per word would have to be compiled for each page's own words).
            text, at, found, n = self._text, self._text.find(word), False, len(word)
            while at >= 0 and not found:
                before = text[at - 1] if at else ""
                after = text[at + n: at + n + 2]
                found = not (before and (_word_char(before) or before in ".@/")) and not (
                    after and (_word_char(after[0]) or after[0] in "@/"
                               or after[0] == "." and len(after) == 2 and _word_char(after[1])))
                at = text.find(word, at + 1)
            self._seen[word] = found
        return self._seen[word]


def _word_char(c: str) -> bool:
    """Whether the character is one the pattern \\w matches (what str.isalnum() calls alphanumeric,
    and the underscore)."""
    return c.isalnum() or c == "_"


def _prose_words(blocks: list[Block], joined: str | None = None) -> _ProseWords:
    """The page's words written as words, for name_in_line."""
    return _ProseWords(blocks, joined)


def _role_word(tok: str) -> bool:
    """A job title before a name: 'Rechtsanwalt', 'Redakteurin', 'FOCUS-Online-Experte'."""
    return tok.lower().strip(".,:").rsplit("-", 1)[-1] in load_word_set("bio_roles")


def _common_word(tok: str, page_words: Container[str] | None) -> bool:
    """A capitalised token that is an ordinary word: the page also writes it in lowercase
    ("Aktuelle", "Teilen", "Download"), or it ends like a noun ("Versorgung", "Gesundheit")."""
    low = tok.lower()
    return low.endswith(NOUN_SUFFIXES) or (page_words is not None and low != tok and low in page_words
                                           and (not tok.isupper() or tok.capitalize() not in page_words))


# name_in_line finds a name only on a line holding this many capitals or more (characters for which
# str.isupper() holds): _person_name asks it of the first character of a name's first and of its
# last word, two words of one part of the line, and every character of a part is one of the line's
# own at a place of its own (the steps before cut the line, drop from it and put " | " in place of
# a date, which adds no capital). (tests/test_shortcuts.py compares it with _names_on_line.)
NAME_LINE_MIN_CAPITALS = 2


def name_in_line(text: str, stop: frozenset[str], page_words: Container[str] | None = None) -> list[str] | None:
    """The person's name on a short byline line, around a date and furniture: "Dan Goodin - Apr
    16, 2015", "11.12.2019 - Amelie Loevenich", "04.02.2022 | 13:10 Uhr | Uta Helkenberg",
    "Jon Nitz am 24. Januar 2022 um 15:47". None unless one part of the line is names alone."""
    if sum(map(str.isupper, text)) < NAME_LINE_MIN_CAPITALS:
        return None   # (a date line, a label, a caption in lowercase: answered without cutting it up)
    return _names_on_line(text, stop, page_words)


def _names_on_line(text: str, stop: frozenset[str], page_words: Container[str] | None = None) -> list[str] | None:
    """name_in_line, without its count of capitals first."""
    dd = find_date(text)
    if dd:
        text = text[: dd[1]] + " | " + text[dd[2]:]
    text = RELATIVE_TIME_RE.sub("", text)
    for seg in NAME_LINE_SPLIT_RE.split(text.strip()):
        toks = NAME_CUT_RE.sub("", BYLINE_PREFIX_RE.sub("", seg.strip(" -–—|,"))).split()
        while toks and (_filler(toks[0]) or _role_word(toks[0])):
            toks.pop(0)   # "FOCUS-Online-Experte Robin Tschöpe", "Rechtsanwalt Jan Roe": the role goes
        while toks and (_filler(toks[-1]) or toks[-1].islower()):
            toks.pop()    # "... Ulrike Stockhausen Schreibe einen Kommentar": a name ends capitalised
        # "Jane Doe, John Roe": every part a name of its own; "Ormalingen, Baselbiet" is none
        names = [_person_name(p.strip(), stop, page_words) for p in NAME_SPLIT_RE.split(" ".join(toks)) if p.strip()]
        if names and all(names) and not any(_common_word(t.strip(".,"), page_words) for t in toks):
            return names
    return None


# The words a line BYLINE_LABEL_RE matches whole opens with, as its first run ("Autor/in": "autor").
LABEL_FIRST_WORDS = frozenset("autor autorin autoren autorinnen author authors auteur auteurs autore by von par por "
                              "text redaktion".split())


# name_in_line finds a name only on a line of this many whitespace-separated tokens or more: a
# name has two words at least (_person_name), and none of its steps joins two tokens into one
# part (they cut, drop, and put a separator in place of a date; tests/test_shortcuts.py).
NAME_LINE_MIN_TOKENS = 2


def _label_only(text: str, words: list[str] | None = None) -> bool:
    """A by-label standing alone: "By", "Von:", "Autor/in", "Tipps von". words: the line's lowercase
    words (RuleContext.word_lists), when known: a line holding none of the patterns' words as
    _may_name and LABEL_FIRST_WORDS read them is none."""
    t = text.strip()
    if len(t) > LABEL_LINE_MAX_CHARS_DEFAULT:
        return False
    if words is not None and not (words and words[0] in LABEL_FIRST_WORDS) and not _may_name(t, words):
        return False   # (LABEL_END_RE's by-word is one of BY_RUN_WORDS, which _may_name asks for)
    return bool(BYLINE_PREFIX_RE.fullmatch(t) or BYLINE_LABEL_RE.fullmatch(t) or LABEL_END_RE.search(t))


def _next_line(blocks: list[Block], i: int, step: int, furniture: frozenset[int]) -> int:
    """The nearest line from i in direction step that is neither furniture (a share button, an
    icon label) nor a bare mail address; i itself when there is none within reach."""
    j = i + step
    for _ in range(NEXT_LINE_REACH_DEFAULT):
        if not (0 <= j < len(blocks)):
            return i
        t = blocks[j].text.strip()
        if j not in furniture and not MAIL_RE.fullmatch(t):
            return j
        j += step
    return i


def _leads_to_byline(blocks: list[Block], k: int, ti: int | None, dated: set[int]) -> bool:
    """Whether line k may stand right above a name-only byline: the headline, its dek, a date
    line, a by-label alone ("By", "Von:", "Autor/in") or a rule ("—")."""
    if k < 0 or k == ti or k in dated:
        return True
    t = blocks[k].text.strip()
    toks = t.split()
    if toks and (all(_filler(w) for w in toks) or t.isupper() and len(t) <= 3):
        return True   # "Oktober 2019" (a date the date finder leaves), "LP" (an avatar's initials)
    return not any(c.isalnum() for c in t) or len(toks) >= DEK_MIN_WORDS_DEFAULT \
        or bool(BYLINE_PREFIX_RE.fullmatch(t)) or bool(BYLINE_LABEL_RE.fullmatch(t))


def find_name_line(blocks: list[Block], sel: Selection, ti: int | None, ruled: set[int],
                   stop: frozenset[str], furniture: frozenset[int] = frozenset(),
                   lead_end: int | None = None, joined: str | None = None,
                   words: list[Sequence[str]] | None = None) -> tuple[int, list[str]] | None:
    """A line that is only a person's name (maybe with a date and furniture around it): between
    the headline and the first paragraph or just below the headline, or next to the date line:
    "Dan Goodin - Apr 16, 2015". joined: the lines joined by NUL, when the page has them so;
    words: the lines' lowercase words (RuleContext.word_lists), when there are."""
    a = sel.span[0]
    if lead_end is None:   # (the caller's _lead_end(blocks, sel), when it has it)
        lead_end = _lead_end(blocks, sel)
    start = ti + 1 if ti is not None else max(0, a - NAME_LINE_LOOKBEHIND_DEFAULT)
    near = {i for i in range(start, min(lead_end + 1, len(blocks))) if find_date(blocks[i].text)}
    for d in sel.meta.get("date", []):
        if a - TITLE_LOOKBEHIND_DEFAULT <= d <= lead_end + 1:
            near |= {d, _next_line(blocks, d, -1, furniture), _next_line(blocks, d, 1, furniture)}
    # "By" / "Tipps von" / "Autor:" alone on a line: the name is on the next one
    labelled: set[int] = set()
    for k in range(max(0, a - TITLE_LOOKBEHIND_DEFAULT), min(lead_end + LABEL_LINE_REACH_DEFAULT, len(blocks) - 1)):
        # (_label_only's length test asked first, without the call: a text no longer than a label,
        # or one that stripping may make so)
        t = blocks[k].text
        if k not in ruled and (len(t) <= LABEL_LINE_MAX_CHARS_DEFAULT or t[:1].isspace() or t[-1:].isspace()) \
                and _label_only(t, None if words is None else words[k]):
            labelled.add(_next_line(blocks, k, 1, furniture))
    near |= labelled
    # just under the headline, a line holding nothing but a name is the byline, even when the
    # article span already began ("Headline / Jane Doe / First paragraph")
    below = set(range(ti + 1, min(ti + NAME_LINE_BELOW_TITLE_DEFAULT + 1, a + NAME_LINE_INTO_SPAN_DEFAULT + 1))) \
        if ti is not None else set()
    page_words: _ProseWords | None = None
    top = ti if ti is not None else start
    # The first line after top that is not ruled and of more than NAME_LINE_GAP_PROSE_WORDS_DEFAULT
    # tokens, looked for once, up to the line asked about: the lines are asked about in order, so
    # whether one lies between top and a line is whether the first one lies before it.
    prose_at: int | None = None
    scanned = top + 1
    for i in sorted(near | below):
        if i < 0 or i >= len(blocks) or i in ruled or i == ti:
            continue
        text = blocks[i].text
        n_words = _tokens_upto(text, LEAD_BYLINE_MAX_WORDS_DEFAULT)   # (the larger of the two limits)
        if n_words > (NAME_LINE_ALONE_MAX_WORDS_DEFAULT if i not in near else LEAD_BYLINE_MAX_WORDS_DEFAULT):
            continue
        if i in sel.kept and i >= lead_end and i not in below and i > a + NAME_LINE_INTO_SPAN_DEFAULT:
            continue
        if i not in labelled:
            while prose_at is None and scanned < i:
                if scanned not in ruled and _tokens_upto(blocks[scanned].text, NAME_LINE_GAP_PROSE_WORDS_DEFAULT) \
                        > NAME_LINE_GAP_PROSE_WORDS_DEFAULT:
                    prose_at = scanned
                scanned += 1
            if prose_at is not None and prose_at < i:
                continue   # the story already began: a name here is a subject, a product, a caption
        if i not in near and not _leads_to_byline(blocks, i - 1, ti, near):
            continue   # "Grand Slams" in a run of menu entries
        if n_words < NAME_LINE_MIN_TOKENS:
            continue   # (name_in_line finds nobody there)
        if page_words is None:   # built once, for the first line that gets this far
            page_words = _prose_words(blocks, joined)
        names = name_in_line(text, stop, page_words)
        if names:
            return i, names
    return None


def find_closing_name(blocks: list[Block], sel: Selection, ruled: set[int],
                      stop: frozenset[str], joined: str | None = None,
                      words: list[Sequence[str]] | None = None) -> tuple[int, list[str]] | None:
    """The author box just after the article: a name-only line under a by-label ("Von:",
    "Autoren") or under the date line that closes the article ("31.10.2023 / Tom Arnold").
    joined: the lines joined by NUL, when the page has them so; words: the lines' lowercase words
    (RuleContext.word_lists), when there are."""
    z = sel.span[1]
    page_words: _ProseWords | None = None
    for k in range(z + 1, min(z + CLOSING_NAME_REACH_DEFAULT, len(blocks) - 1)):
        # (the line below is asked about first: both questions only decide whether to go on, and
        # most lines after an article are ruled or long, which is cheaper to learn than a date)
        i = k + 1
        if i in ruled or not NAME_LINE_MIN_TOKENS <= _tokens_upto(blocks[i].text, NAME_LINE_ALONE_MAX_WORDS_DEFAULT) \
                <= NAME_LINE_ALONE_MAX_WORDS_DEFAULT:
            continue   # (name_in_line finds nobody on a line of one token)
        t = blocks[k].text.strip()
        toks = t.split()
        if k in ruled or not toks or not (_label_only(t, None if words is None else words[k]) or find_date(t) or all(_filler(w) for w in toks)
                                          and any(map(str.isalpha, t))):
            continue   # "Von:", "31.10.2023", "November 2022" (but not a bare "3.20")
        if page_words is None:
            page_words = _prose_words(blocks, joined)
        names = name_in_line(blocks[i].text, stop, page_words)
        if names:
            return i, names
    return None


def _decided(decisions) -> tuple[set[int], set[int], frozenset[int], frozenset[int]]:
    """The lines the decisions drop or end the article at, those they drop, end at or tag, those
    DUP001 decided (repeats), and the furniture dropped (share buttons, icon labels): read in
    one pass over the decisions."""
    dropped: set[int] = set()
    tags, repeats, furniture = [], [], []
    for d in decisions:
        action = d.action
        if action == "drop" or action == "end":
            dropped.add(d.index)
            if action == "drop" and d.rule_id.startswith(FURNITURE_RULES):   # (each three letters: as [:3] in them)
                furniture.append(d.index)
        elif action == "tag":
            tags.append(d.index)
        if d.rule_id == "DUP001":
            repeats.append(d.index)
    return dropped, dropped.union(tags), frozenset(repeats), frozenset(furniture)


def extract(blocks: list[Block], sel: Selection, decisions, language: str | None,
            stop: frozenset[str] = frozenset(), page: RuleContext | None = None) -> dict:
    """Metadata fields (with provenance) found in the text itself. page: the rules' context of
    these blocks, whose page texts (joined, lowered) are read instead of being made again."""
    cjk = is_cjk(language)
    out: dict = {"title": None, "subtitle": None, "section": None, "authors": [], "author_bio": None,
                 "date": None, "captions": [], "provenance": {}}
    a, z = sel.span
    if a < 0:
        return out
    tagged = {i for idxs in sel.meta.values() for i in idxs}
    dropped, ruled, repeats, furniture = _decided(decisions)
    lead_end = _lead_end(blocks, sel)
    joined = page.joined_text() if page is not None else None
    ti, si = find_title(blocks, sel, tagged, dropped, cjk, stop, repeats, lead_end, page)
    if ti is not None:
        out["title"], glued_names = split_title_byline(blocks[ti].text)
        out["provenance"]["title"] = f"text:block {ti}"
        if glued_names:
            out["authors"] = glued_names
            out["provenance"]["authors"] = f"text:title block {ti}"
        if si is not None:
            out["subtitle"] = blocks[si].text
            out["provenance"]["subtitle"] = f"text:block {si}"
    sec = [i for i in sel.meta.get("section", []) if a - TITLE_LOOKBEHIND_DEFAULT <= i <= a + 2]
    if sec:
        out["section"] = blocks[sec[0]].text.lstrip("| ").strip()
        out["provenance"]["section"] = f"text:block {sec[0]}"
    elif ti is not None and ti > 0 and _kicker_like(blocks[ti - 1], ruled):
        out["section"] = blocks[ti - 1].text.strip()
        out["provenance"]["section"] = f"text:kicker block {ti - 1}"
    # Byline lines, then date lines that name someone ("Posted on 2 May 2022 by Jane Doe",
    # "VON MORITZ GATHMANN am 21. April 2020": the date rule took them first).
    labelled = set(sel.meta.get("byline", []))

    def in_reach(i: int) -> bool:   # (the lines the loop below reads)
        return a - TITLE_LOOKBEHIND_DEFAULT * 2 <= i <= max(z + (BYLINE_AFTER_END_DEFAULT if i in labelled else 0), a + 2)

    bylines = sorted(sel.meta.get("byline", []), key=lambda i: (abs(i - a), i))
    # (a date line out of reach is left unread: the loop would pass over it, and all it changes is
    # that the lead search below may take it, to be passed over there too)
    words = page.word_lists if page is not None else None   # (asked first where there are: see _may_name)
    bylines += sorted((i for i in sel.meta.get("date", []) if in_reach(i) and (words is None or _may_name(blocks[i].text, words[i]))
                       and _names_someone(blocks[i].text)), key=lambda i: (abs(i - a), i))
    # ... and a line between the headline and the first paragraph that names someone after a
    # by-word ("Eine Kolumne von Nils Pickert"): the place makes it a byline.
    # (the line right above the headline too: "Januar 2014 by Barbara Russ / Kategorien: Event";
    # and a short line just after the first paragraph: "Blog Beitrag von Margarita Koreneva")
    lead = range(ti - 1 if ti else max(0, a - 3), lead_end + 2)
    # (the length asked first, without reading the words out: a paragraph costs the by-word search
    # most; then the by-word: most short lines have none)
    # (whether a line is kept after the first is asked of the few lines that get that far: the kept
    # lines are searched for them, not made a set of for the page)
    nwords = page.nwords if page is not None else None
    lead_only = [i for i in lead if i < len(blocks) and i != ti and i not in bylines
                 and not _over_words(blocks[i].text, LEAD_BYLINE_MAX_WORDS_DEFAULT, None if nwords is None else nwords[i])
                 and (words is None or not BY_RUN_WORDS.isdisjoint(words[i]) or fold_odd_raw(blocks[i].text))
                 and BY_WORD_RE.search(blocks[i].text) and (i not in sel.kept[1:] or _labelled_by_line(blocks[i].text))]
    bylines += lead_only
    for i in bylines if not out["authors"] else []:
        if not in_reach(i):
            continue
        names = clean_person_names(blocks[i].text)
        if i in lead_only and len(blocks[i].text.split()) > 2:   # found by its place alone: full names only
            names = [n for n in names if 2 <= len(n.split()) <= 4 and not n.isupper()]
        if names:
            out["authors"] = names
            out["provenance"]["authors"] = f"text:block {i}"
            break
    if not out["authors"]:
        # a name line dropped as a repeat is still a name line: the author box repeats the byline
        # (the same lines are passed over by both searches below: made once, read, never changed)
        unnamed = ruled.difference(sel.meta.get("date", ()), repeats)
        found = find_name_line(blocks, sel, ti, unnamed, stop, furniture, lead_end, joined, words)
        if found:
            i, names = found
            out["authors"] = names
            out["provenance"]["authors"] = f"text:name line {i}"
    if not out["authors"]:
        found = find_closing_name(blocks, sel, unnamed, stop, joined, words)
        if found:
            i, names = found
            out["authors"] = names
            out["provenance"]["authors"] = f"text:closing name line {i}"
    if not out["authors"] and len(labelled) == 1:
        # the page's one labelled byline ("Text: Jane Doe" at the foot, "Von Jane Doe" above a
        # lead image), wherever the span put it: a second one would mean teasers or comments
        i = next(iter(labelled))
        names = clean_person_names(blocks[i].text) if BYLINE_PREFIX_RE.match(blocks[i].text) else []
        if names and all(len(n.split()) >= 2 for n in names):   # "von Einheimischen" names nobody
            out["authors"] = names
            out["provenance"]["authors"] = f"text:only byline {i}"
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
        if len(dates) > 1:
            dates.sort(key=lambda i: (bool(UPDATED_RE.search(blocks[i].text)), abs(i - a)))
        found = find_date(blocks[dates[0]].text)
        if found:
            out["date"] = found[0]
            out["provenance"]["date"] = f"text:block {dates[0]}"
    if out["date"] is None:
        # "Posted on April 2, 2024 by Jane Doe": the byline line carries the date
        for i in sorted(sel.meta.get("byline", []), key=lambda i: abs(i - a)):
            found = find_date(blocks[i].text) if a - TITLE_LOOKBEHIND_DEFAULT <= i <= min(z, a + 6) else None
            if found:
                out["date"] = found[0]
                out["provenance"]["date"] = f"text:byline block {i}"
                break
    caps = sel.meta.get("caption", [])
    out["captions"] = [blocks[i].text for i in caps]
    if caps:
        out["provenance"]["captions"] = "text:caption lines"
    return out
