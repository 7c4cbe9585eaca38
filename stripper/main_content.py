"""Stage 4: decide which blocks are the article.

Three named passes, as in jusText, then a span choice:
1. classify_blocks: context-free classes from rules, length, stopword and link density;
2. revise_classes: short and near-good blocks take the class of their neighbours;
3. choose_span: the contiguous run of blocks with the highest score (good text counts up,
   boilerplate counts down: a maximum-subarray choice), cut at a related-list or comment
   heading once the article has begun;
4. finish: inside the span keep good blocks; tags move lines to the metadata; repeats go.
Works from page context, not phrase lists, so it holds on pages no rule has seen."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, count
from operator import attrgetter, itemgetter

from .ago import AGE_ODD_CHARS, AGO_MAX_CHARS, age_gate, age_min_words, age_words, minutes_ago
from .language import function_chars, is_cjk, lower_words
from .model import DEMOTE, DROP, DROPPED, END, HEADING, KEPT, META, PARA, PRE, TAG, TABLE, Block, Decision, Verdict
from .options import Options
from .phrases import DIGIT_RE, regex_needles

GOOD, NEARGOOD, SHORT, BAD, TAGGED = "good", "neargood", "short", "bad", "tagged"
CODE = "code"   # a line of a code listing or program output, in a run of such lines
CJK_PUNCT_RE = re.compile(r"[。，、！？；：「」（）]")
HIRAGANA_RE = re.compile(r"[\u3041-\u309f]")
# What a line of program text has and prose has not: a call "name(", a statement end, a brace,
# an assignment or comparison, a key and its quoted value, box-drawing table rules.
CODE_CALL_RE = re.compile(r"\w\(")
CODE_OPERATOR_RE = re.compile(r"\s(?:=|==|!=|<=|>=|:=|=>|->)\s")
CODE_KEY_RE = re.compile(r"^\s*[\"']?[\w-]+[\"']?: [\"'\d]")
# CODE_CALL_RE found from its "(" (the expression is searched from a literal, not tried at every
# character): it matches where a "(" follows a word character, as CODE_CALL_RE does.
CALL_PAREN_RE = re.compile(r"\((?<=\w\()")
CODE_LINE_RE = re.compile("|".join((CODE_CALL_RE.pattern, r"[;{}]\s*$", r"^\s*[)}\]]", CODE_OPERATOR_RE.pattern, "[│─┼]",
                                    CODE_KEY_RE.pattern)))   # (_code_line asks its alternatives one by one)
# A data table's row written as a line: a label, then two number cells ("Kay Schenk 27 7.1%").
TABLE_ROW_RE = re.compile(r"\s\d[\d.,]*%?\s+\d[\d.,]*%?\s*$")
# A slideshow's counter opening a slide title: "3/50 Star Wars boosts economy", "3 of 50".
GALLERY_COUNTER_RE = re.compile(r"^[\s#]*(\d{1,3}) ?(?:/|of) ?(\d{1,3})(?:\s|$)")
# The first character of a block that opens with such a counter: whitespace, "#" or a digit.
COUNTER_HEAD_RE = re.compile(r"[\s#\d]")
GALLERY_MIN_SLIDES_DEFAULT = 3    # counters k/N numbered upwards (same N) that make a slideshow
GALLERY_AFTER_WORDS_DEFAULT = 100  # words of good text before it that make it a box after an article
TICKER_TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:h]([0-5]\d)(?:\s|$)")   # "14:32 Headline", "9h05"
TICKER_MIN_ENTRIES_DEFAULT = 5     # clock-stamped entries in time order that make a news ticker
TICKER_GAP_DEFAULT = 8             # blocks at most between two entries of one ticker
TABLE_RUN_MIN_DEFAULT = 5         # table rows a run needs (a contact box lists three phone numbers)
CODE_PUNCT_RE = re.compile(r"[;{}()=<>\[\]]")
FLAT_CODE_MIN_CHARS_DEFAULT = 40
FLAT_CODE_DENSITY_DEFAULT = 0.06  # code punctuation per character of a one-line listing
CODE_RUN_MIN_DEFAULT = 3          # code-like lines a run needs ...
CODE_TOKEN_MAX_WORDS_DEFAULT = 3  # ... among which bare short lines ("FROM", "avg") may stand
CODE_TOKEN_RUN_MAX_DEFAULT = 8    # bare lines in a row a run takes between code lines
CODE_CHAR_LINES_MAX_DEFAULT = 0.3  # share of one- or two-character lines (a formula split into symbols)
CODE_LINE_MIN_CHARS_DEFAULT = 2   # (a lone bracket is a token, not a code line: formulas split too)
URL_RE = re.compile(r"(?:https?://|www\.)\S{1,2000}")
SENT_END_CHARS = frozenset(".!?…。！？\"”»)।॥؟۔")   # a sentence's last character (before any spaces)

# Span scoring (tuned on the development corpus with scripts/bench_devset.py).
BAD_BLOCK_COST_DEFAULT = 3.0        # fixed cost of a boilerplate block, on top of its words
BAD_WORD_WEIGHT_DEFAULT = 1.0
SHORT_BLOCK_COST_DEFAULT = 2.0    # a short block judged boilerplate only by context
SHORT_WORD_WEIGHT_DEFAULT = 1.0
NEARGOOD_WEIGHT_DEFAULT = 0.5
SECOND_PART_MIN_DEFAULT = 40.0      # words a second article part needs on its own
SECOND_PART_RATIO_DEFAULT = 0.3   # ... and as a share of the main part's score
SECOND_PART_FOOTER_LINES_DEFAULT = 2  # footer legal lines between that end the article for good
NEARGOOD_KEEPS_DEFAULT = True       # near-good prose keeps its score even among junk
RELATED_COST_DEFAULT = 80.0         # a related-list heading: the article must outweigh it to go on
COMMENTS_COST_DEFAULT = 300.0       # a comment-section heading
BEFORE_COMMENTS_MIN_DEFAULT = 100.0  # words an article before a comment heading needs to win over what follows
BEFORE_COMMENTS_RATIO_DEFAULT = 0.2  # ... and as a share of the score of what follows
BEFORE_COMMENTS_GAP_DEFAULT = 30     # ... and it ends at most this many blocks before the heading
CAPTION_LOOKBEHIND_DEFAULT = 6      # captions this many blocks before the span still count
MIN_STOPLIST_FIT_DEFAULT = 0.25     # median stopword share of long blocks for the stoplist to count
COUNT_RE = re.compile(r"\d")        # a comment label holding a number is a count ("941 comments")
# Prose holds about one function character in four or five; twice their share reads on the scale
# of a word stoplist's density (stopwords_low / stopwords_high).
FUNCTION_CHAR_WEIGHT_DEFAULT = 2.0
LONG_SENTENCE_STOP_SHARE_DEFAULT = 0.5   # share of the near-good stopword density a sentence needs
LIST_END_WORDS_DEFAULT = 25         # a paragraph this long ends the list under a related heading
RELAX_BELOW_CHARS_DEFAULT = 400     # a strict pass keeping less than this triggers the relaxed pass
WHOLE_PAGE_MAX_BLOCKS_DEFAULT = 3   # a page this small with nothing flagged is all article (SEL005)
WHOLE_PAGE_MAX_CHARS_DEFAULT = 1500


@dataclass(slots=True)
class Selection:
    span: tuple[int, int]            # first and last block index of the article (inclusive); (-1,-1) if none
    classes: list[str]
    kept: list[int]
    meta: dict[str, list[int]]       # label -> block indices moved to metadata
    decisions: list[Decision]        # decisions made by this stage (selection, revision, dedupe)
    # Every block's verdict with its reason, worked out when called (only --explain reads them): a
    # function of this stage's final state, which nothing changes after it.
    verdicts_of: Callable[[], list[Verdict]]


@dataclass(slots=True)
class Features:
    """What the passes read of every block, computed once per page (position i: blocks[i])."""
    nwords: list[int]             # lowercase words
    weight: list[float]           # the block's score weight in the span choice (a word count, but for CJK;
                                  # choose_span counts a web address in it as one word: see its texts)
    link_density: list[float]
    dens: list[float]             # stopword density (or its stand-in without a stoplist)
    sentence_like: list[bool]     # ends like a sentence, with words and stopwords enough
    ends: list[bool]              # ends like a sentence (_sentence_end; see block_features: where read)
    chars: list[int]              # characters of text
    long: list[int]               # the blocks of FIT_MIN_WORDS words or more, in page order (the stoplist's fit)
    words: list[Sequence[str]] | None = None   # lowercase words (lower_words; shared: read only), but for CJK
    texts: list[str] | None = None   # the blocks' texts


@lru_cache(maxsize=1)
def _function_chars_re() -> re.Pattern[str]:
    """The function characters (language.function_chars, each one character) as one class: its
    matches in a text are the text's characters that are among them, one by one, so their number
    is the count of those characters, found in C instead of a set look-up per character (a
    Chinese page's lines are read character by character). A class of none matches nothing."""
    chars = sorted(function_chars())
    return re.compile("[" + "".join(map(re.escape, chars)) + "]" if chars else "(?!)")


def _sentence_end(text: str) -> bool:
    return text.rstrip()[-1:] in SENT_END_CHARS


def _stop_share(ws: list[str], stopwords: frozenset[str]) -> float:
    return sum(map(stopwords.__contains__, ws)) / len(ws)


# The stand-in for stopword density without a stoplist: a sentence of SHAPE_MIN_WORDS words or more
# reads as prose.
SHAPE_PROSE_DENS, SHAPE_OTHER_DENS, SHAPE_MIN_WORDS = 0.35, 0.1, 8
SENTENCE_MIN_WORDS = 6   # words a sentence-like block needs
SENTENCE_MAX_LINK_DENSITY, SENTENCE_MIN_DENS = 0.3, 0.25   # ... its link density at most, its stopword density at least
FIT_MIN_WORDS = 25       # words of a long block, whose stopword density tells whether the stoplist fits


_LINK_CHARS = attrgetter("link_chars")
_HINT = attrgetter("hint")
_FIRST = itemgetter(0)


def block_features(blocks: list[Block], stopwords: frozenset[str], cjk: bool, min_chars: int = 0,
                   words: tuple[list[str], list[Sequence[str]], list[int]] | None = None) -> Features:
    """The features of every block. With min_chars (the length classify_blocks calls short), a
    page with a stoplist has the stopword density worked out only where a pass reads it: in a
    block of min_chars characters or more (classify_blocks), one that may be sentence-like (it ends
    like a sentence and has SENTENCE_MIN_WORDS words) and one of FIT_MIN_WORDS words (the
    stoplist's fit); any other block's reads 0.0, which nothing reads. So is whether a block ends
    like a sentence: worked out in a block of min_chars characters or SENTENCE_MIN_WORDS words,
    False in any other (which nothing reads either).
    words: the blocks' texts, their lower_words and the counts of those, where the caller has them
    (the rules' context of a page without an underscore: see select)."""
    texts = [b.text for b in blocks] if words is None else words[0]
    lengths = list(map(len, texts))
    # (a text dump has no links: a page without link characters is spared the divisions)
    link_density = [b.link_chars / n if n else 0.0 for b, n in zip(blocks, lengths)] \
        if any(map(_LINK_CHARS, blocks)) else [0.0] * len(blocks)
    if cjk:
        ends = [t.rstrip()[-1:] in SENT_END_CHARS for t in texts]
        nwords = [0] * len(blocks)   # not read for CJK: characters stand for words
        weight = [n / 2.5 for n in lengths]
        dens = [0.0] * len(blocks)
        fchars = _function_chars_re().findall
        # With min_chars, the density is worked out only where a pass reads it: in a block of
        # min_chars // 3 characters or more (classify_blocks' length for CJK) and in one that ends
        # like a sentence with few enough links (sentence_like, below); any other block's reads
        # 0.0, which nothing reads (a short label or menu entry, about half the lines of a page).
        low = min_chars // 3
        for i in [i for i, (n, end, ld) in enumerate(zip(lengths, ends, link_density))
                  if n >= low or end and ld <= SENTENCE_MAX_LINK_DENSITY]:
            text, n = texts[i], lengths[i]
            d = min(1.0, 6 * len(CJK_PUNCT_RE.findall(text)) / n) if n else 0.0
            if n and d < 1.0:
                # Japanese prose runs its particles (の, は, を, ...) in hiragana: their share of the
                # characters stands for stopword density where punctuation is sparse.
                d = max(d, len(HIRAGANA_RE.findall(text)) / n)
                if d < 1.0:
                    # Chinese prose (and Japanese kanji) runs its grammar words in single characters
                    # (的, 了, 是, 在, ...): a line without punctuation still shows it is prose.
                    d = min(1.0, max(d, FUNCTION_CHAR_WEIGHT_DEFAULT * len(fchars(text)) / n))
            dens[i] = d
        sentence_like = [ld <= SENTENCE_MAX_LINK_DENSITY and end and d >= SENTENCE_MIN_DENS
                         for ld, end, d in zip(link_density, ends, dens)]
        return Features(nwords, weight, link_density, dens, sentence_like, ends, lengths, [], texts=texts)
    if words is None:
        wss = list(map(lower_words, texts))
        nwords = list(map(len, wss))
    else:
        wss, nwords = words[1], words[2]
    # (a word count as it is: the span choice adds weights, their halves and fixed costs, which
    # floats hold exactly, so an integer weight gives the same scores as its float. A block that
    # holds a web address is weighed anew where the span choice reads it: _url_weights)
    weight = nwords
    if stopwords and min_chars > 0:
        contains = stopwords.__contains__
        dens = [0.0] * len(blocks)
        # Whether a block ends like a sentence is read only with min_chars characters (classify_blocks)
        # or SENTENCE_MIN_WORDS words (the sentence tests; _shape_features asks for SHAPE_MIN_WORDS,
        # more): it is worked out for those blocks only, and any other block's reads False.
        ends = [False] * len(blocks)
        # (a sentence-like block is among these: it ends like a sentence with SENTENCE_MIN_WORDS
        # words; the others are not, and _sentence_like is asked of these only. So is every block
        # of FIT_MIN_WORDS words.)
        sentence_like = [False] * len(blocks)
        long: list[int] = []
        # (the blocks with min_chars characters or SENTENCE_MIN_WORDS words: asked so, a short
        # block, the most, takes one test)
        for i in [i for i, n, nw in zip(count(), lengths, nwords) if n >= min_chars or nw >= SENTENCE_MIN_WORDS]:
            ends[i] = end = texts[i].rstrip()[-1:] in SENT_END_CHARS
            nw = nwords[i]
            # (the density is worked out in a block with words that is long, or ends like a sentence
            # with SENTENCE_MIN_WORDS words, or has FIT_MIN_WORDS)
            if not (lengths[i] >= min_chars and nw or end and nw >= SENTENCE_MIN_WORDS or nw >= FIT_MIN_WORDS):
                continue
            dens[i] = d = sum(map(contains, wss[i])) / nw
            if end and nw >= SENTENCE_MIN_WORDS and link_density[i] <= SENTENCE_MAX_LINK_DENSITY \
                    and d >= SENTENCE_MIN_DENS:
                sentence_like[i] = True
            if nw >= FIT_MIN_WORDS:
                long.append(i)
        return Features(nwords, weight, link_density, dens, sentence_like, ends, lengths, long, wss, texts)
    ends = [t.rstrip()[-1:] in SENT_END_CHARS for t in texts]
    long = [i for i, nw in enumerate(nwords) if nw >= FIT_MIN_WORDS]
    if stopwords:
        contains = stopwords.__contains__
        dens = [sum(map(contains, ws)) / n if n else 0.0 for ws, n in zip(wss, nwords)]
        return Features(nwords, weight, link_density, dens, _sentence_like(link_density, ends, nwords, dens), ends,
                        lengths, long, wss, texts)
    return _shape_features(Features(nwords, weight, link_density, [], [], ends, lengths, long, wss, texts))


def _shape_features(f: Features) -> Features:
    """The features of a page without a stoplist, from those of the same blocks with one: the
    stopword density gives way to sentence shape only (unknown language); the rest is the same."""
    dens = [(SHAPE_PROSE_DENS if end and nw >= SHAPE_MIN_WORDS else SHAPE_OTHER_DENS) if nw else 0.0
            for end, nw in zip(f.ends, f.nwords)]
    return Features(f.nwords, f.weight, f.link_density, dens, _sentence_like(f.link_density, f.ends, f.nwords, dens),
                    f.ends, f.chars, f.long, f.words, f.texts)


def _sentence_like(link_density: list[float], ends: list[bool], nwords: list[int], dens: list[float]) -> list[bool]:
    # (block_features asks the same of the blocks whose stopword density it works out)
    return [end and nw >= SENTENCE_MIN_WORDS and ld <= SENTENCE_MAX_LINK_DENSITY and d >= SENTENCE_MIN_DENS
            for ld, end, nw, d in zip(link_density, ends, nwords, dens)]


def classify_blocks(blocks: list[Block], first: dict[int, Decision], feats: Features, cjk: bool,
                    o: Options, relaxed: bool = False) -> list[str]:
    """The blocks' classes by the options' thresholds; relaxed (select's fallback), with short
    near-good blocks accepted as good: length_high and stopwords_high read as length_low and
    stopwords_low (the options as dataclasses.replace would make them, without making them)."""
    length_high, stop_high = (o.length_low, o.stopwords_low) if relaxed else (o.length_high, o.stopwords_high)
    low, high = (o.length_low, length_high) if not cjk else (o.length_low // 3, length_high // 3)
    max_ld, stop_low = o.max_link_density, o.stopwords_low
    sentence_dens = stop_low * LONG_SENTENCE_STOP_SHARE_DEFAULT
    link_density, all_dens, ends, chars = feats.link_density, feats.dens, feats.ends, feats.chars
    if max(link_density, default=0.0) <= max_ld and "main" not in map(_HINT, blocks):
        # Without an extractor's choice or a link-heavy block on the page (a text dump), a block
        # shorter than `low` is SHORT by the tests below: only the longer ones are read.
        classes = [SHORT] * len(blocks)
        todo: range | list[int] = [i for i, n in enumerate(chars) if n >= low]
    else:
        classes = [BAD] * len(blocks)
        todo = range(len(blocks))
    for i in todo:
        b, n, dens = blocks[i], chars[i], all_dens[i]
        if b.hint == "main":
            # An HTML main-content extractor already chose this block (and weighed its links):
            # only the rules speak against it.
            classes[i] = GOOD
        elif link_density[i] > max_ld:
            classes[i] = BAD
        elif b.kind == PRE or b.kind == TABLE:
            classes[i] = NEARGOOD if n >= low else SHORT
        elif n < low:
            classes[i] = SHORT
        elif dens >= stop_high and n > high:
            classes[i] = GOOD
        elif dens >= stop_low:
            classes[i] = NEARGOOD
        elif n > low and dens >= sentence_dens and ends[i]:
            classes[i] = NEARGOOD   # a sentence naming many things ("in Bolivia, Brazil, Chile, ...")
        else:
            classes[i] = BAD
    # The rules speak first: a dropped block is bad, a tagged one (but a bio) is set aside.
    # (A block's index is its position, as everywhere in this stage.)
    for i, d in first.items():
        if d.action == DROP and 0 <= i < len(classes):
            classes[i] = BAD
        elif d.action == TAG and d.label != "bio" and 0 <= i < len(classes):
            classes[i] = TAGGED
    return classes


_DECIDING = frozenset((GOOD, BAD))   # the classes revise_classes reads as a block's context


def revise_classes(classes: list[str], sentence_like: list[bool] | None = None) -> list[str]:
    """jusText's context pass: shorts between good blocks become good, near-goods next to good
    text become good; what sits among boilerplate becomes bad. Tagged blocks are transparent.
    A block's context is the nearest deciding block (GOOD or BAD; BAD past the page edges) on
    either side, and every block of a run between two deciding ones shares it: the passes go run
    by run, each block read once, so long runs of short lines stay cheap."""
    out = list(classes)
    n = len(classes)
    if sentence_like is None:
        sentence_like = [False] * n
    if SHORT in classes:
        lo, prev = 0, BAD
        # (the deciding blocks found in C; about half the runs between them are empty)
        for hi in [*compress(count(), map(_DECIDING.__contains__, classes)), n]:
            if hi > lo and SHORT in (run := classes[lo:hi]):   # (no GOOD or BAD in the run)
                nxt = classes[hi] if hi < n else BAD
                if prev == nxt:
                    shorts = run.count(SHORT)
                    if shorts == hi - lo:   # (the most: a run of short blocks alone, set at once)
                        out[lo:hi] = [prev] * shorts
                    else:
                        for j in range(lo, hi):
                            if classes[j] == SHORT:
                                out[j] = prev
                elif prev == GOOD:
                    # Before junk: good if it closes the paragraph before it (a short sentence) or
                    # a near-good block follows it in the run.
                    last_ng = hi - 1 - run[::-1].index(NEARGOOD) if NEARGOOD in run else lo
                    for j in range(lo, hi):
                        if classes[j] == SHORT:
                            out[j] = GOOD if j < last_ng or sentence_like[j] else BAD
                else:
                    # After junk: good if a near-good block precedes it in the run.
                    first_ng = lo + run.index(NEARGOOD) if NEARGOOD in run else hi
                    for j in range(lo, hi):
                        if classes[j] == SHORT:
                            out[j] = GOOD if j > first_ng else BAD
            if hi < n:
                lo, prev = hi + 1, classes[hi]
    if NEARGOOD in out:
        # A near-good block is bad only between junk on both sides (shorts are deciding by now).
        # (run by run: each run's near-good blocks are revised at once, and the next run's first
        # near-good block is found from the run's end, the blocks before it left as they are)
        i = out.index(NEARGOOD)
        while True:
            lo = i
            while lo > 0 and out[lo - 1] != GOOD and out[lo - 1] != BAD:
                lo -= 1
            hi = i + 1
            while hi < n and out[hi] != GOOD and out[hi] != BAD:
                hi += 1
            verdict = BAD if (lo == 0 or out[lo - 1] == BAD) and (hi == n or out[hi] == BAD) else GOOD
            for j in range(i, hi):
                if out[j] == NEARGOOD:
                    out[j] = verdict
            try:
                i = out.index(NEARGOOD, hi)
            except ValueError:
                break
    return out


def _max_subarray(scores: list[float], lo: int, hi: int) -> tuple[float, tuple[int, int]]:
    best, first, last = 0.0, -1, -1
    cur, start = 0.0, lo
    for i, s in enumerate(scores[lo:hi], lo):
        if cur <= 0:
            cur, start = s, i
        else:
            cur += s
        if cur > best:
            best, first, last = cur, start, i
    return best, (first, last)


def _max_subarray_and_before(scores: list[float], lo: int = 0, hi: int | None = None) \
        -> tuple[tuple[float, tuple[int, int]], tuple[float, tuple[int, int]]]:
    """_max_subarray(scores, lo, hi), and _max_subarray(scores, lo, a) for the start a of the run
    it finds, in one pass: the pass over scores[lo:a] takes the first steps of this one, and its
    result is the best found before the run from a first improved on it (every improvement at a
    block before a is of a run that started before a, every later one of the run from a: a run's
    start only moves forward)."""
    best, first, last = 0.0, -1, -1
    before = (0.0, (-1, -1))
    cur, start = 0.0, lo
    for i, s in enumerate(scores[lo:hi], lo):
        if cur <= 0:
            cur, start = s, i
        else:
            cur += s
        if cur > best:
            if start != first:   # (a run's first improvement: the best before it is kept)
                before = (best, (first, last))
            best, first, last = cur, start, i
    return (best, (first, last)), before


def _scores(classes: list[str], base: list[str], weights: list[float]) -> list[float]:
    """The blocks' scores for the span choice: a good block counts its weight, a near-good one (or
    a bad one that was near-good, as NEARGOOD_KEEPS has it) a share of it, a tagged block or a
    code line nothing; the others cost their weight and a block's cost, less when short."""
    keeps = NEARGOOD_KEEPS_DEFAULT   # near-good prose counts for the span even where its neighbours are junk
    near = NEARGOOD_WEIGHT_DEFAULT
    short_w, short_cost = SHORT_WORD_WEIGHT_DEFAULT, SHORT_BLOCK_COST_DEFAULT
    bad_w, bad_cost = BAD_WORD_WEIGHT_DEFAULT, BAD_BLOCK_COST_DEFAULT
    # (a bad block, the most, is told first)
    return [(w * near if keeps and b == NEARGOOD else -(w * short_w + short_cost) if b == SHORT
             else -(w * bad_w + bad_cost)) if c == BAD
            else w if c == GOOD
            else w * near if c == NEARGOOD
            else 0.0 if c == TAGGED or c == CODE
            else -(w * short_w + short_cost) if b == SHORT
            else -(w * bad_w + bad_cost)
            for c, b, w in zip(classes, base, weights)]


def _scoring_bounds(classes: list[str], base: list[str]) -> tuple[int, int]:
    """The first block and the end of the blocks that _scores may score above zero: the good and
    near-good ones, and those near-good before the revision ((0, 0) when there is none). Any other
    block scores zero at most, and a maximum-subarray pass over every block finds what one over
    these alone does: before them its sum never rises above zero (it starts afresh at the first),
    and after them no block raises it."""
    first, end = len(classes), 0
    for seq, c in ((classes, GOOD), (classes, NEARGOOD), (base, NEARGOOD)):
        if c in seq:
            first = min(first, seq.index(c))
            end = max(end, len(seq) - seq[::-1].index(c))
    return (first, end) if first < end else (0, 0)


def _url_weights(weights: list[float], texts: list[str], lo: int, hi: int,
                 holding: list[int] | None = None) -> list[float]:
    """weights[lo:hi] (word counts), a block that holds a web address weighed with the address as
    one word of the page, not the dozen its parts would count. holding, when given, is
    _url_blocks of the page: the blocks that hold "http" or "www.", in order."""
    out, part = weights[lo:hi], texts[lo:hi]
    # (without holding, each block asked: joining the page only to ask it costs more than it saves)
    at = [i for i, text in enumerate(part) if "http" in text or "www." in text] if holding is None \
        else [i - lo for i in holding if lo <= i < hi]
    for i in at:
        out[i] = len(lower_words(URL_RE.sub(" u ", part[i])))
    return out


URL_NEEDLES = ("http", "www.")   # what a block holds that _url_weights weighs anew


def _url_blocks(joined: str, starts: list[int]) -> list[int]:
    """The blocks whose text holds one of URL_NEEDLES, in order, read off the page's texts joined
    by NUL (joined; starts: where each text starts there, as the rules' context has them): no
    needle holds a NUL, so each of their places in the joined page lies within one text, the last
    that starts at or before it. Two searches of the page in C instead of two per block; a page
    without a web address (most) is told by those alone."""
    out: set[int] = set()
    for needle in URL_NEEDLES:
        at = joined.find(needle)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            out.add(i)
            # (the block is known to hold it: search on from the next one's start)
            at = joined.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
    return sorted(out)


def choose_span(classes: list[str], base: list[str], ends: dict[int, str], weights: list[float],
                footer: frozenset[int] = frozenset(), texts: list[str] | None = None,
                url_blocks: list[int] | None = None) -> tuple[int, int]:
    """Maximum-subarray over block scores: good text counts up, boilerplate down; a related-list
    or comment heading costs so much that only a long continuation of the article outweighs it.
    texts, when given, are the blocks' texts, and weights their word counts: a web address counts
    as one word (_url_weights; url_blocks, when given, _url_blocks of the page)."""
    # Only the blocks from `first` to `end` are scored and searched (_scoring_bounds): no run
    # the passes below find holds another. (So only their weights are read, and weighed anew
    # where they hold a web address.)
    first, end = _scoring_bounds(classes, base)
    scores = [0.0] * len(classes)   # (read only from first to end)
    scores[first:end] = _scores(classes[first:end], base[first:end],
                                weights[first:end] if texts is None
                                else _url_weights(weights, texts, first, end, url_blocks))
    for i, e in ends.items():   # a related-list or comment heading, whatever its class
        if 0 <= i < len(scores):
            scores[i] = -(COMMENTS_COST_DEFAULT if e == "CMT" else RELATED_COST_DEFAULT)
    (best, (a, z)), before = _max_subarray_and_before(scores, first, end)
    if a < 0:
        return a, z
    left = a, before   # (the best before the run, while the run still starts at a)
    # Text that follows a comment-section heading is the comments: when the best run lies wholly
    # after one, an article of its own that ends shortly before that heading is the article.
    cut = max((i for i, e in ends.items() if e == "CMT" and i < a), default=-1)
    if cut > 0:
        sc, span = _max_subarray(scores, first, min(cut, end))
        if span[0] >= 0 and sc >= max(BEFORE_COMMENTS_MIN_DEFAULT, BEFORE_COMMENTS_RATIO_DEFAULT * best) \
                and cut - span[1] <= BEFORE_COMMENTS_GAP_DEFAULT:
            best, (a, z) = sc, span
    # A second part of the article cut off by a large ad, gallery or teaser box still counts when
    # it is substantial on its own (but never across a comment-section heading).
    for lo, hi, side in ((first, a, "left"), (z + 1, end, "right")):
        sc, (a2, z2) = left[1] if side == "left" and a == left[0] else _max_subarray(scores, lo, hi)
        if a2 < 0 or sc < max(SECOND_PART_MIN_DEFAULT, SECOND_PART_RATIO_DEFAULT * best):
            continue
        gap = range(z2 + 1, a) if side == "left" else range(z + 1, a2)
        if any(ends.get(j) == "CMT" for j in gap):
            continue
        if side == "right" and sum(j in footer for j in gap) >= SECOND_PART_FOOTER_LINES_DEFAULT:
            continue   # (text after the site footer's legal lines is no part of the article)
        if side == "left":
            a = a2
        else:
            z = z2
    while z > a and classes[z] != GOOD and not (NEARGOOD_KEEPS_DEFAULT and base[z] == NEARGOOD):
        z -= 1
    return a, z


def stoplist_fits(blocks: list[Block], stopwords: frozenset[str]) -> bool:
    """Whether the stoplist describes this page: its long blocks must hold some stopwords.
    (Pages in a language we have no stoplist for, or placeholder text, fall back to shape.)"""
    if not stopwords:
        return False
    return _fits([_stop_share(ws, stopwords) for ws in map(lower_words, (b.text for b in blocks))
                  if len(ws) >= FIT_MIN_WORDS])


def _fits(dens: list[float]) -> bool:
    """The median stopword density of the long blocks is high enough (or there are none)."""
    if not dens:
        return True
    dens.sort()
    return dens[len(dens) // 2] >= MIN_STOPLIST_FIT_DEFAULT


TEASER_PAIRS_MIN_DEFAULT = 3          # headline + summary pairs that make a teaser list
TEASER_SUMMARY_MAX_WORDS_DEFAULT = 45
TEASER_HEADLINE_MAX_WORDS_DEFAULT = 16
TEASER_OVERLAP_MAX_DEFAULT = 0.25     # share of a pair's content words found in the article's first half


def _content(text: str, stop: frozenset[str]) -> set[str]:
    return {w for w in lower_words(text) if len(w) >= 4 and w not in stop}


def teaser_tail(blocks: list[Block], classes: list[str], base: list[str], first: dict[int, Decision],
                a: int, z: int, stop: frozenset[str], cjk: bool) -> int:
    """The span's end once a trailing teaser list is cut off: at least TEASER_PAIRS_MIN pairs of a
    headline line and a short summary, whose words the article's first half does not use (teasers
    for other stories that no heading announced). Returns z if there is none."""
    if cjk:
        return z

    def is_kept(i: int) -> bool:   # (a block of the span, kept)
        return (classes[i] == GOOD or base[i] == NEARGOOD) and i not in first

    def kept_blocks() -> list[int]:
        return [i for i in range(a, z + 1) if is_kept(i)]

    # A span of fewer than 2 * TEASER_PAIRS_MIN + 2 kept blocks has no teaser list. They are
    # counted only when pairs enough are found (most spans end in no pair): the pairs are sought
    # the same way in any span.
    kept: list[int] | None = None
    topic: set[str] | None = None   # (read when a pair first needs it: the words of the span's first half)
    pairs, cut, j = 0, z, z
    while j > a + 1:
        while j > a and len(lower_words(blocks[j].text)) <= 2:
            j -= 1   # lone labels between pairs ("Artikel", "Video")
        p, h = j, j - 1
        # (a <= p <= z: j starts at z and stops at a at the least)
        if not is_kept(p) or h < a or (h in first and first[h].rule_id != "NAV002"):
            break   # (a headline that is all link text is still a teaser's headline)
        pw, hw = lower_words(blocks[p].text), lower_words(blocks[h].text)
        if not (3 <= len(hw) <= TEASER_HEADLINE_MAX_WORDS_DEFAULT) or blocks[h].text.rstrip()[-1:] in ".:;," \
                or len(pw) > TEASER_SUMMARY_MAX_WORDS_DEFAULT or blocks[p].kind == HEADING:
            break
        cw = _content(blocks[p].text, stop) | _content(blocks[h].text, stop)
        if cw and topic is None:
            # (the first half of the span, not of its kept blocks: a long teaser list would reach
            # into the topic by its own count)
            # The topic is read only through cw & topic, and cw holds content words only: every
            # word of those blocks serves as well as their content words, without sifting them.
            kept = order = kept_blocks()
            half = (a + z) // 2
            topic = set().union(*[lower_words(blocks[i].text) for i in order[: len(order) // 2] if i <= half])
        if cw and len(cw & topic) / len(cw) > TEASER_OVERLAP_MAX_DEFAULT:
            break
        pairs += 1
        cut = h - 1
        j = h - 1
    if pairs < TEASER_PAIRS_MIN_DEFAULT:
        return z
    return cut if len(kept if kept is not None else kept_blocks()) >= 2 * TEASER_PAIRS_MIN_DEFAULT + 2 else z


def select(blocks: list[Block], decisions: list[Decision], stopwords: frozenset[str],
           language: str | None, options: Options,
           words: tuple[list[str], list[Sequence[str]], list[int]] | None = None,
           joined: tuple[str, list[int]] | None = None) -> Selection:
    """words: the blocks' texts, their lower_words and the counts of those, where the caller has
    them (block_features reads them instead of asking lower_words again). joined: the blocks'
    texts joined by NUL and where each starts there, where the caller has them (_url_blocks)."""
    first = {d.index: d for d in decisions}
    cjk = is_cjk(language)
    feats = block_features(blocks, stopwords, cjk, options.length_low, words)   # (the relaxed pass keeps length_low)
    # (blocks a rule dropped do not count: a page that prints its server's English error messages
    # above a German article is a German page)
    if not cjk and stopwords \
            and not _fits([feats.dens[i] for i in feats.long if i not in first or first[i].action != DROP]):
        feats = _shape_features(feats)   # the stoplist does not fit the page
    ends = {d.index: d.rule_id[:3] for d in decisions if d.action == END}
    # (CJK prose has no spaces between words: its weight stands in for its word count)
    words = feats.weight if cjk else feats.nwords
    # A comment count ("941 comments") above any paragraph of prose links to the comments; it
    # does not open them (the article follows it). So does a comment label the page repeats
    # there: an entry of its menus ("Have Your Say" in the header and again in a section menu).
    # (read only on a page with a comment heading)
    if "CMT" in ends.values():
        prose = next((i for i, ok in enumerate(feats.sentence_like) if ok and words[i] >= LIST_END_WORDS_DEFAULT),
                     len(blocks))
        early = {i: blocks[i].text.strip().lower() for i, e in ends.items() if e == "CMT" and i < prose}
        repeats = Counter(early.values())
        for i, key in early.items():
            if COUNT_RE.search(key) or repeats[key] > 1:
                del ends[i]
    own: list[Decision] = []
    code = code_runs(blocks, first, feats)
    footer = frozenset(d.index for d in decisions if d.rule_id == "FTR001")
    heads = _heads(feats.texts)   # (read by gallery_slides and ticker_runs)
    # (the blocks choose_span weighs anew, found once for both passes where the page is joined)
    url_blocks = _url_blocks(*joined) if joined is not None and not cjk else None
    # Fallback by relaxing, as Readability does: when the strict pass finds (almost) no article,
    # retry with short near-good blocks accepted as good, and keep the relaxed choice.
    strict: list[str] = []   # (the strict pass's classes as classify_blocks gave them)
    for relaxed in (False, True):
        fresh = classify_blocks(blocks, first, feats, cjk, options, relaxed)
        if relaxed and fresh == strict:
            # The relaxed thresholds change no block's class (a page of short lines, the most):
            # the rest of the pass reads nothing else that differs, so it would repeat the strict
            # pass, whose choice stands as the relaxed one.
            break
        if not relaxed:
            strict = fresh.copy()
        base = fresh
        for i in code:
            base[i] = CODE
        # A slideshow or ticker is left out only after GALLERY_AFTER_WORDS of good text (below), which
        # base[:start] does not hold (and setting blocks BAD only lowers the count): the runs
        # beginning there can be left unsought. (Word counts are integers, so the running total is
        # the sum below exactly; CJK weights are not, and their runs are all sought.)
        start = 0 if cjk else _good_words_end(base, words, GALLERY_AFTER_WORDS_DEFAULT)
        gallery = gallery_slides(blocks, start, heads) + ticker_runs(blocks, start, feats, heads) \
            if start < len(blocks) else []
        for lo, hi in gallery:
            # A slideshow or a news ticker after an article is other stories; a slideshow page
            # is its own article, and so is a live report that opens with its first entries.
            if sum(words[i] for i in range(lo) if base[i] == GOOD) >= GALLERY_AFTER_WORDS_DEFAULT:
                base[lo:hi] = [BAD] * (hi - lo)
        classes = revise_classes(base, feats.sentence_like)
        list_entries: set[int] = set()
        for i in ends:
            classes[i] = BAD
            # The list under a related/comment heading: short entries up to the next real paragraph.
            marked: list[tuple[int, str, str]] = []
            j = len(blocks)   # (the page's end when no paragraph ends the list)
            for k in range(i + 1, len(blocks)):
                c = classes[k]
                if c == BAD:   # (the most blocks there: no paragraph, and an entry only if it was near-good)
                    if base[k] != NEARGOOD:
                        continue
                elif (c == GOOD or c == NEARGOOD) and base[k] != SHORT and words[k] >= LIST_END_WORDS_DEFAULT:
                    j = k
                    break
                marked.append((k, c, base[k]))
                classes[k] = BAD
                list_entries.add(k)
                base[k] = BAD
            # Sentences right before the paragraph that ends the list open the article (its lead)
            # when no entry above them is a sentence (a menu, not teasers with their summaries).
            run = 0
            while j < len(blocks) and run < len(marked) and marked[-1 - run][0] == j - 1 - run \
                    and marked[-1 - run][2] in (GOOD, NEARGOOD) and feats.sentence_like[j - 1 - run]:
                run += 1
            if run and not any(feats.sentence_like[k] for k, _, _ in marked[:len(marked) - run]):
                for k, classes[k], base[k] in marked[len(marked) - run:]:
                    list_entries.discard(k)
        span = choose_span(classes, base, ends, feats.weight, footer, None if cjk else feats.texts, url_blocks)
        a, z = span
        lengths = feats.chars
        chars = sum(lengths[i] for i in range(a, z + 1)
                    if classes[i] == GOOD or NEARGOOD_KEEPS_DEFAULT and base[i] == NEARGOOD) if a >= 0 else 0
        if chars >= RELAX_BELOW_CHARS_DEFAULT and (relaxed or GOOD in base[a:z + 1]):
            break
        if not relaxed:
            own.append(Decision("FBK001", max(a, 0), DEMOTE,
                                f"strict pass kept {chars} chars; retrying with relaxed thresholds"))
    if a >= 0:
        z2 = teaser_tail(blocks, classes, base, first, a, z, stopwords, cjk)
        if z2 < z:
            own.append(Decision("SEL004", z2 + 1, DEMOTE, f"teaser list after the article: blocks {z2 + 1}-{z} left out"))
            z = z2
    kept, meta = _kept_meta(blocks, first, classes, base, a, z, list_entries)
    verdicts_of = partial(_span_verdicts, blocks, first, classes, base, a, z, list_entries)
    if not kept and whole_page(blocks, first):
        # A page of a few short blocks that no rule flagged is its own content (a note, a
        # snippet piped in, a test page): the span scores have too little to weigh.
        kept = [b.index for b in blocks]
        verdicts_of = partial(_whole_page_verdicts, kept)
        span = (0, len(blocks) - 1)
        own.append(Decision("SEL005", 0, DEMOTE, f"no article span; the page's {len(blocks)} "
                            "unflagged blocks kept whole"))
    return Selection(span, classes, kept, meta, own, verdicts_of)


def _whole_page_verdicts(kept: list[int]) -> list[Verdict]:
    return [Verdict(i, KEPT, "SEL005", "a short page with nothing flagged: all of it") for i in kept]


def _span_verdicts(blocks: list[Block], first: dict[int, Decision], classes: list[str], base: list[str], a: int,
                   z: int, list_entries: set[int]) -> list[Verdict]:
    return _verdicts(blocks, first, classes, base, a, z, list_entries)[0]


def _tag_place(i: int, label: str, inside: bool, first: dict[int, Decision], classes: list[str], a: int,
               z: int) -> str | None:
    """Where block i, tagged with a label, goes once the span (a, z) is chosen: META (to the
    metadata under its label), KEPT (a bio-like paragraph inside the article), or None (it is
    read as an untagged block)."""
    if label == "bio":
        # A bio counts only at the article's end: nothing but tags or junk after it.
        tail_ok = a >= 0 and i >= a and all(classes[j] != GOOD or first.get(j, None) is not None and first[j].label == "bio"
                                           for j in range(i + 1, z + 1))
        if tail_ok and i <= z + 2:
            return META
        return KEPT if inside and classes[i] == GOOD else None
    near = a >= 0 and (a - CAPTION_LOOKBEHIND_DEFAULT <= i <= z + 1)
    return META if near or label in ("byline", "date", "section") else None


def _kept_meta(blocks: list[Block], first: dict[int, Decision], classes: list[str], base: list[str], a: int, z: int,
               list_entries: set[int]) -> tuple[list[int], dict[str, list[int]]]:
    """The kept blocks and the blocks moved to metadata (by label) that _verdicts finds, without
    a verdict for every block: a block outside the span (a, z) is never kept and goes to the
    metadata only when tagged with a label, so only the blocks inside the span and the labelled
    ones outside it are read (in page order, as _verdicts reads them), by the same tests."""
    kept: list[int] = []
    meta: dict[str, list[int]] = {}
    n = len(blocks)   # (a block's index is its position)
    if first:
        tagged = sorted(i for i, d in first.items() if d.action == TAG and d.label and 0 <= i < n)
        order = [i for i in tagged if i < a] + list(range(max(a, 0), z + 1)) + [i for i in tagged if i > z]
    else:
        order = range(max(a, 0), z + 1)
    for i in order:
        d = first.get(i)
        if d is None:   # (the most: a block of the span that no rule spoke of; order holds no other untagged one)
            c = classes[i]
            if c == GOOD or c == CODE \
                    or (NEARGOOD_KEEPS_DEFAULT and base[i] == NEARGOOD and c == BAD and i not in list_entries):
                kept.append(i)
            continue
        inside = a <= i <= z
        if d.action == TAG and d.label:
            place = _tag_place(i, d.label, inside, first, classes, a, z)
            if place == META:
                meta.setdefault(d.label, []).append(i)
                continue
            if place == KEPT:
                kept.append(i)
                continue
        if not inside:
            continue   # (dropped)
        c = classes[i]
        if c == CODE:
            kept.append(i)
        elif d.action == DROP or d.action == END:
            continue
        elif c == GOOD or (NEARGOOD_KEEPS_DEFAULT and base[i] == NEARGOOD and c == BAD and i not in list_entries):
            kept.append(i)
    return kept, meta


def _verdicts(blocks: list[Block], first: dict[int, Decision], classes: list[str], base: list[str], a: int, z: int,
              list_entries: set[int]) -> tuple[list[Verdict], list[int], dict[str, list[int]]]:
    """Every block's verdict, the kept blocks and the blocks moved to metadata (by label), once the
    span (a, z) is chosen: inside the span keep good blocks; tags move lines to the metadata."""
    verdicts: list[Verdict] = []
    kept: list[int] = []
    meta: dict[str, list[int]] = {}
    outside = {c: f"outside the article span ({c})" for c in set(base)}
    for b in blocks:
        i = b.index
        d = first.get(i)
        inside = a <= i <= z
        if not inside and (d is None or d.action != TAG):   # (the most blocks: outside the span, not tagged)
            if d is not None and (d.action == DROP or d.action == END):
                verdicts.append(Verdict(i, DROPPED, d.rule_id, d.reason))
            else:
                verdicts.append(Verdict(i, DROPPED, "SEL002", outside[base[i]]))
            continue
        if d is not None and d.action == TAG and d.label:
            place = _tag_place(i, d.label, inside, first, classes, a, z)
            if place == META:
                meta.setdefault(d.label, []).append(i)
                verdicts.append(Verdict(i, META, d.rule_id, d.reason))
                continue
            if place == KEPT:
                kept.append(i)
                verdicts.append(Verdict(i, KEPT, "SEL001", "bio-like but not at the article end"))
                continue
        if inside and classes[i] == CODE:
            kept.append(i)   # (a repeated keyword line of a listing stays with it)
            verdicts.append(Verdict(i, KEPT, "SEL006", "a line of a code listing or data table inside the article"))
            continue
        if d is not None and d.action in (DROP, END):
            verdicts.append(Verdict(i, DROPPED, d.rule_id, d.reason))
            continue
        if not inside:
            verdicts.append(Verdict(i, DROPPED, "SEL002", outside[base[i]]))
            continue
        if classes[i] != GOOD and not (NEARGOOD_KEEPS_DEFAULT and base[i] == NEARGOOD and classes[i] == BAD
                                       and i not in list_entries):
            verdicts.append(Verdict(i, DROPPED, "SEL003", f"boilerplate inside the span ({base[i]})"))
            continue
        kept.append(i)
        verdicts.append(Verdict(i, KEPT, "SEL000", f"article text ({base[i]})"))
    return verdicts, kept, meta


def gallery_slides(blocks: list[Block], start: int = 0, heads: str | None = None) -> list[tuple[int, int]]:
    """The blocks of a slideshow: from the first of at least GALLERY_MIN_SLIDES counters "k/N"
    numbered upwards (same N) to the end of the last slide (as many blocks as the slide before
    it), as (first, end) block ranges.
    Only the runs that begin at block `start` or later are sure to be among them: a page with no
    counter from there on has none (most pages: the blocks before `start` are then not read).
    heads, when given, is _heads of the blocks' texts: only the blocks that open with a character
    a counter can open with (COUNTER_HEAD_RE) are read."""
    def may_open(lo: int) -> list[Block]:   # (the blocks from lo on that may open with a counter)
        return blocks[lo:] if heads is None else [blocks[m.start()] for m in COUNTER_HEAD_RE.finditer(heads, lo)]

    if start > 0 and not any(map(GALLERY_COUNTER_RE.match, [b.text for b in may_open(start)])):
        return []
    out: list[tuple[int, int]] = []
    starts: list[int] = []   # block indices of the current run of counters
    last = (0, 0)            # (k, N) of the run's last counter

    def close() -> None:
        if len(starts) >= GALLERY_MIN_SLIDES_DEFAULT:
            size = starts[-1] - starts[-2]
            out.append((starts[0], min(len(blocks), starts[-1] + size)))

    for b in may_open(0):
        m = GALLERY_COUNTER_RE.match(b.text)
        if not m:
            continue
        k, n = int(m.group(1)), int(m.group(2))
        if not 0 < k <= n or n < GALLERY_MIN_SLIDES_DEFAULT:
            continue
        if starts and last[1] == n and last[0] < k:   # (a dump may skip slides)
            starts.append(b.index)
        else:
            close()
            starts = [b.index]
        last = (k, n)
    close()
    return out


def _heads(texts: list[str]) -> str | None:
    """Every text's first character, as one string (its position i: texts[i]), made in C: the
    slide counters and clock times that open blocks are looked for only where it shows a character
    they open with (a regular expression's search over this string, not a call per block). None
    when a text is empty (it has no first character)."""
    return "".join(map(_FIRST, texts)) if all(texts) else None


def _good_words_end(base: list[str], words: list[int], need: int) -> int:
    """The end of the shortest prefix of the page whose good blocks hold `need` words (the page's
    length when the whole page holds fewer)."""
    total = 0
    for i, c in enumerate(base):
        if c == GOOD:
            total += words[i]
            if total >= need:
                return i + 1
    return len(base)


def ticker_runs(blocks: list[Block], start: int = 0, feats: Features | None = None, heads: str | None = None) \
        -> list[tuple[int, int]]:
    """The blocks of a news ticker or feed (other stories, newest first or oldest first): from
    the first of at least TICKER_MIN_ENTRIES blocks stamped in time order, close together, to the
    end of the last entry, as (first, end) ranges. Stamps are clock times opening a block ("14:32
    Headline") or ages a short line states ("3 minutes ago", "před 21 minutami").
    Only the runs that begin at block `start` or later are sure to be among them: the stamps are
    read from TICKER_GAP blocks in a row without one before it (a stamp after them opens a new run
    whatever came before, so those runs are found as from the page's start).
    feats, when given, are the blocks' features, and heads _heads of their texts: see _stamps."""
    # The walk back from `start` ends TICKER_GAP blocks before it when none of them is stamped (most
    # pages): the stamps are read from there at once, and the walk is taken only when one of those
    # blocks is stamped.
    lo = max(0, start - TICKER_GAP_DEFAULT)
    clock, ages = _stamps(blocks, lo, feats, heads)
    first_stamp = min([i for i, _ in clock[:1] + ages[:1]], default=start)
    if lo > 0 and first_stamp < start:
        quiet = 0   # blocks without a stamp in a row, from blocks[start]
        while start > 0 and quiet < TICKER_GAP_DEFAULT:
            start -= 1
            quiet = 0 if _stamped(blocks[start].text) else quiet + 1
        clock, ages = _stamps(blocks, start, feats, heads)
    return sorted(_stamped_runs(clock, len(blocks)) + _stamped_runs(ages, len(blocks)))


def _stamps(blocks: list[Block], start: int, feats: Features | None = None, heads: str | None = None) \
        -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The clock times and the ages (in minutes) of the blocks from `start` on, as (block index,
    minutes) in page order. With feats (the blocks' features), a block is searched for an age only
    when it holds as many words as an age does (ago.age_min_words: "3 minutes ago" has three; a
    menu entry or a label of one or two words, half the blocks of a page, states none) and one of
    its units among them, unless it holds one of ago.AGE_ODD_CHARS (ago.age_words); but for CJK,
    whose words are not counted. With heads (_heads of the texts), a block is matched for a clock
    time only when its first character is a digit, as a clock time's is."""
    clock: list[tuple[int, int]] = []
    ages: list[tuple[int, int]] = []
    n = len(blocks)
    # (a clock time opens with a digit: TICKER_TIME_RE matches no other block)
    at = range(start, n) if heads is None else [m.start() for m in DIGIT_RE.finditer(heads, start)]
    for i in at:
        text = blocks[i].text
        m = TICKER_TIME_RE.match(text) if text[:1].isdecimal() else None
        if m:
            clock.append((blocks[i].index, int(m.group(1)) * 60 + int(m.group(2))))
    aged = age_gate()   # (a line it finds nothing in states no age: most lines, told without minutes_ago)
    words = feats.words if feats is not None else None
    units = age_words() if words is not None else None
    if feats is None:
        at = [i for i in range(start, n) if len(blocks[i].text) <= AGO_MAX_CHARS]
    else:
        # (a longer line than AGO_MAX_CHARS states no age either; nor one of fewer words than an
        # age holds: nwords counts words where words are given)
        chars, nwords, fewest = feats.chars, feats.nwords, age_min_words()
        at = [i for i in range(start, n) if chars[i] <= AGO_MAX_CHARS] if words is None else \
            [i for i in range(start, n) if chars[i] <= AGO_MAX_CHARS and nwords[i] >= fewest]
    for i in at:
        text = blocks[i].text
        if units is not None and units.isdisjoint(words[i]) \
                and (text.isascii() or not any(c in text for c in AGE_ODD_CHARS)):
            continue
        if aged(text) is not None:
            t = minutes_ago(text)
            if t is not None:
                ages.append((blocks[i].index, t))
    return clock, ages


def _stamped(text: str) -> bool:
    """Whether ticker_runs reads a stamp in the block: a clock time opening it, or an age."""
    return (text[:1].isdecimal() and TICKER_TIME_RE.match(text) is not None) \
        or (len(text) <= AGO_MAX_CHARS and minutes_ago(text) is not None)


def _stamped_runs(stamped: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    stamps: list[tuple[int, int]] = []   # (block index, minutes) of the current run
    order = 0                            # the run's direction: -1 falling, 1 rising, 0 not yet known

    def close() -> None:
        if len(stamps) >= TICKER_MIN_ENTRIES_DEFAULT:
            size = stamps[-1][0] - stamps[-2][0]
            out.append((stamps[0][0], min(n, stamps[-1][0] + size)))

    for i, t in stamped:
        if stamps and i - stamps[-1][0] <= TICKER_GAP_DEFAULT:
            step = (t > stamps[-1][1]) - (t < stamps[-1][1])
            if step == 0 or order == 0 or step == order:
                order = order or step
                stamps.append((i, t))
                continue
        close()
        stamps, order = [(i, t)], 0
    close()
    return out


def code_runs(blocks: list[Block], first: dict[int, Decision], feats: Features) -> set[int]:
    """Lines of code listings and program output that a text dump wrote one by one: runs of
    lines that look like code, with the bare tokens ("FROM", "avg") before and between them, at
    least CODE_RUN_MIN of them code-like (or TABLE_RUN_MIN counting data-table rows). Such a
    run is neither article prose nor boilerplate for the span choice."""
    sentence_like = feats.sentence_like
    hint, ascii_hint = CODE_HINT_RE.search, CODE_HINT_ASCII_RE.search
    # The plain lines (code repeats its keywords: DUP001 drops them) that hold a character of code
    # or a digit; the others are no code lines (nor flattened listings: no code punctuation).
    # (the lines a rule spoke of but DUP001, and the sentence-like ones, are set aside by index first)
    other = {i for i, d in first.items() if d.rule_id != "DUP001"}
    other.update(compress(count(), sentence_like))
    hinted = [b for b in blocks if b.index not in other and (b.kind == PARA or b.kind == TABLE) and b.hint != "main"
              and (ascii_hint if b.text.isascii() else hint)(b.text) is not None]
    out: set[int] = set()
    rows: dict[int, bool] = {}   # code-like line -> whether it is a table row
    for b in hinted:
        text = b.text
        if _flat_code(text):
            out.add(b.index)   # a whole listing a dump wrote as one line
        row = _code_row(text)
        if row is not None:
            rows[b.index] = row
    if len(rows) >= min(CODE_RUN_MIN_DEFAULT, TABLE_RUN_MIN_DEFAULT):   # (a run needs that many)
        out |= _code_run_lines(blocks, first, sentence_like, rows)
    return out


def _code_run_lines(blocks: list[Block], first: dict[int, Decision], sentence_like: list[bool],
                    rows: dict[int, bool]) -> set[int]:
    """The lines of the runs code_runs keeps, given its code-like lines (rows: each one, and
    whether it is a table row). Only the lines from CODE_TOKEN_RUN_MAX before each code-like line
    to that line are read (_row_windows): a run takes no more tokens than that before a code line,
    and what follows the last one ends it without changing it. So do the CODE_TOKEN_RUN_MAX + 1 or
    more lines between two windows, none of them code-like: the run ends at the first that is no
    bare token, or at the token one too many, as it stood after its last code line. The run is
    therefore taken or not where a window ends, and the next window starts afresh."""
    out: set[int] = set()
    run: list[int] = []      # the current run, from its first line
    codes = n_rows = 0       # code-like lines in the run, and how many of them are table rows

    def flush() -> None:
        if (codes - n_rows >= CODE_RUN_MIN_DEFAULT or codes >= TABLE_RUN_MIN_DEFAULT) \
                and sum(len(blocks[j].text) <= 2 for j in run) <= CODE_CHAR_LINES_MAX_DEFAULT * len(run):
            out.update(run)   # (not a formula split into its symbols)

    for lo, hi in _row_windows(rows):
        run, codes, n_rows = [], 0, 0
        tokens: list[int] = []   # bare token lines since the run's last code line (or before a run)
        for b in blocks[lo:hi]:
            i = b.index
            kind = b.kind
            # (code repeats its keywords: DUP001 drops them)
            plain = (kind == PARA or kind == TABLE) and b.hint != "main" and not sentence_like[i]
            if plain and i in first:
                plain = first[i].rule_id == "DUP001"
            if not plain:
                flush()
                run, tokens, codes, n_rows = [], [], 0, 0
                continue
            row = rows.get(i)
            if row is not None:
                if not run:
                    codes = n_rows = 0
                run.extend(tokens)
                run.append(i)
                tokens = []
                codes += 1
                n_rows += row
            # (a line is split no further than its token limit: past it, its length no longer matters)
            elif len(b.text.split(None, CODE_TOKEN_MAX_WORDS_DEFAULT)) <= CODE_TOKEN_MAX_WORDS_DEFAULT:
                tokens.append(i)
                if len(tokens) > CODE_TOKEN_RUN_MAX_DEFAULT:
                    flush()
                    run, codes, n_rows = [], 0, 0
                    tokens = tokens[-CODE_TOKEN_RUN_MAX_DEFAULT:]
            else:
                flush()
                run, tokens, codes, n_rows = [], [], 0, 0
        flush()
    return out


def _row_windows(rows: dict[int, bool]) -> list[tuple[int, int]]:
    """The stretches of lines _code_run_lines reads, as (start, end) in page order: from
    CODE_TOKEN_RUN_MAX lines before each code-like line to that line, those that overlap or touch
    joined (a listing is read whole, the lines far from every code-like line not at all)."""
    out: list[tuple[int, int]] = []
    for r in sorted(rows):
        lo = max(0, r - CODE_TOKEN_RUN_MAX_DEFAULT)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], r + 1)
        else:
            out.append((lo, r + 1))
    return out


def _table_row(text: str) -> bool:
    """A data table's row written as a line (TABLE_ROW_RE). Its last cell ends the line: a line
    ending in anything but a digit, '.', ',' or '%' (before its spaces) is none, and so is one
    ending in '.', ',' or '%' without a digit before them (the last cell is a digit, then digits,
    '.' or ',', then perhaps '%': most sentences end in a word and a full stop)."""
    end = text.rstrip()
    last = end[-1:]
    if last.isdecimal():
        return TABLE_ROW_RE.search(text) is not None
    return last != "" and last in ".,%" and end.rstrip(".,%")[-1:].isdecimal() \
        and TABLE_ROW_RE.search(text) is not None


# CODE_PUNCT_RE's characters, all ASCII, as bytes. In a text's UTF-8 form an ASCII byte stands only
# for its own character (every byte of a longer form, a lone surrogate's too, is 0x80 or more), so
# the bytes of these that deleting them takes away are the text's matches of the class, counted
# by two loops in C (encode, translate) instead of a match object and a string per match.
CODE_PUNCT_BYTES = bytes(c for c in range(128) if CODE_PUNCT_RE.match(chr(c)))


def _code_punct(text: str) -> int:
    """len(CODE_PUNCT_RE.findall(text)), read off the text's UTF-8 form (CODE_PUNCT_BYTES)."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, CODE_PUNCT_BYTES))


def _flat_code(text: str) -> bool:
    """A listing flattened onto one line: long, dense in code punctuation, not page markup (a
    tracking pixel or an ad tag printed as text is no listing)."""
    n = len(text)
    return n >= FLAT_CODE_MIN_CHARS_DEFAULT and not text.startswith("<") \
        and _code_punct(text) >= FLAT_CODE_DENSITY_DEFAULT * n


# Substrings one of which every match of CODE_LINE_RE holds: a line holding none (most prose) is
# no code line, and the expression is not searched in it.
CODE_LINE_NEEDLES = regex_needles(CODE_LINE_RE.pattern, CODE_LINE_RE.flags)


def _chars_re(chars: str, needles: tuple[str, ...] | None) -> re.Pattern[str] | None:
    """A class of the characters when every needle holds one of them: a text holding none of them
    then holds no needle, and the expression cannot match in it. Read off the raw text, not its
    lowered form: CODE_LINE_RE matches case-sensitively, so this is only sound for uncased
    characters. None (no shortcut) when the needles do not allow it."""
    if needles is None or any(c.lower() != c.upper() for c in chars) \
            or not all(any(c in n for c in chars) for n in needles):
        return None
    return re.compile("[" + "".join(map(re.escape, chars)) + "]")


# Every needle of CODE_LINE_RE holds one of these: "(" of a call, ";{}" ending a statement, ")}]"
# opening a line, "=" or ">" of an operator, ":" of a key, a box-drawing rule.
CODE_LINE_CHARS = "(){}[];=>:│─┼"
CODE_LINE_CHARS_RE = _chars_re(CODE_LINE_CHARS, CODE_LINE_NEEDLES[0] if CODE_LINE_NEEDLES else None)
# A character every line that code_runs looks closer at holds: a digit (a table row ends with two
# number cells), code punctuation (CODE_PUNCT_RE: a flattened listing) or one of CODE_LINE_CHARS.
# Most lines of a page hold none and are told apart by their word count alone.
CODE_HINT_RE = re.compile(r"[\d" + CODE_PUNCT_RE.pattern[1:-1] + "".join(map(re.escape, CODE_LINE_CHARS)) + "]") \
    if CODE_LINE_CHARS_RE is not None else re.compile(r"[\s\S]")
# The same class for an ASCII text (digits 0-9, the ASCII characters of the class): a table of
# 256 characters is looked up faster than the class of every script's digits and the box rules.
CODE_HINT_ASCII_RE = re.compile(r"[0-9" + CODE_PUNCT_RE.pattern[1:-1]
                                + "".join(map(re.escape, (c for c in CODE_LINE_CHARS if c.isascii()))) + "]") \
    if CODE_LINE_CHARS_RE is not None else CODE_HINT_RE


def _code_line(text: str) -> bool:
    """Whether CODE_LINE_RE matches the line (of CODE_LINE_MIN_CHARS or more), its alternatives
    asked one by one, each only where a string test allows it: a statement end is the last
    character before the trailing spaces, a closing bracket the first after the leading ones."""
    if len(text) < CODE_LINE_MIN_CHARS_DEFAULT:
        return False
    last, lead = text.rstrip()[-1:], text.lstrip()[:1]
    return (last != "" and last in ";{}") or (lead != "" and lead in ")}]") \
        or ("(" in text and CALL_PAREN_RE.search(text) is not None) \
        or (("=" in text or "->" in text) and CODE_OPERATOR_RE.search(text) is not None) \
        or "│" in text or "─" in text or "┼" in text \
        or (": " in text and CODE_KEY_RE.match(text) is not None)


def _code_row(text: str) -> bool | None:
    """True where _table_row(text) holds, else False where _code_line(text) does, else None (what
    code_runs asks of a line)."""
    return True if _table_row(text) else False if _code_line(text) else None


def whole_page(blocks: list[Block], first: dict[int, Decision]) -> bool:
    """True when the page is a few short blocks and no rule decided anything about them."""
    return 0 < len(blocks) <= WHOLE_PAGE_MAX_BLOCKS_DEFAULT and not first \
        and sum(len(b.text) for b in blocks) <= WHOLE_PAGE_MAX_CHARS_DEFAULT
