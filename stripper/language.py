"""Language guess and stoplists. Stoplists come from jusText (a trafilatura dependency),
which ships 100 curated lists, and Chinese function characters from stopwords-iso; we do not
type our own."""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain

# ISO 639-1 -> jusText stoplist name, for the languages we guess among.
JUSTEXT_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "cs": "Czech", "sk": "Slovak",
    "sv": "Swedish", "da": "Danish", "nb": "Norwegian_Bokmal", "fi": "Finnish", "hu": "Hungarian",
    "ro": "Romanian", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian",
    "el": "Greek", "hr": "Croatian", "sl": "Slovenian", "ca": "Catalan", "id": "Indonesian",
    "vi": "Vietnamese", "ar": "Arabic", "fa": "Persian", "he": "Hebrew", "hi": "Hindi",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "sr": "Serbian",
}
WORD_RE = re.compile(r"\w+")
# WORD_RE for ASCII text: no ASCII character but [0-9A-Za-z_] is a word character, so both find
# the same runs there, and the ASCII class is a table look-up where \w asks Unicode of each
# character (str.isascii() is a flag of the string: the choice costs nothing).
ASCII_WORD_RE = re.compile(r"\w+", re.ASCII)
# An ASCII text's bytes mapped in one pass: a capital to its small letter (str.lower() of ASCII),
# every other character that is no word character of ASCII_WORD_RE to a space. The words of the
# result, split at its spaces, are ASCII_WORD_RE's words of the text lowered (only word
# characters are left between the spaces) at a third of the cost (bytes.translate and split are
# each one loop in C; the pattern runs its matcher at every character).
ASCII_WORD_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c == 95 else 32 if c < 128 else c
    for c in range(256))


def _one_byte_word_table(codec: str) -> bytes:
    """ASCII_WORD_BYTES for a text of a one-byte codec (latin-1, cp1252): each byte of a character
    whose lowering is one word character (of WORD_RE) to that character's byte, every other byte
    to a space. Read off str.lower() and WORD_RE themselves."""
    table = bytearray(b" " * 256)
    for b in range(256):
        try:
            low = bytes([b]).decode(codec).lower()
        except UnicodeDecodeError:
            continue   # (a byte the codec leaves undefined: no character encodes to it)
        if len(low) == 1 and WORD_RE.fullmatch(low):
            # (a word character is no whitespace, so split() parts words only at the spaces)
            assert not low.isspace()
            table[b] = low.encode(codec)[0]   # (and it has a byte: the lowering stays in the codec)
        else:
            # (what lowers to more than one character holds no word character either)
            assert not WORD_RE.search(low), (codec, b)
    return bytes(table)


# lower_words for a text of Latin-1 characters (German, French, Spanish... prose; \xa0, « », ©)
# and of cp1252's (Latin-1's plus the curly quotes, dashes, ellipsis and euro sign of English and
# German prose): the text encoded one byte per character, mapped by the table, decoded and split
# gives WORD_RE's words of the text lowered, as ASCII_WORD_BYTES does for ASCII. str.lower()
# lowers each character on its own but for the final sigma, which neither codec holds, so the
# text lowered is its characters lowered one by one, each a word character or not (the table).
# Encoding, decoding and the table are each one loop in C, at about half the cost of the pattern.
LATIN1_WORD_BYTES = _one_byte_word_table("latin-1")
CP1252_WORD_BYTES = _one_byte_word_table("cp1252")
# Texts lower_words keeps between pages (see trim_word_cache): none. Keeping them for the pages
# after (a site's furniture repeats) measured slower on the development corpus than emptying
# the cache after every page: 2.7-6.5% of the whole run on innertext and markdown, by whole
# passes, with 16,384 texts kept, and less the fewer kept. (Part of it is the mass freeing of a
# full cache, 6-7 ms a time, 0.05 ms a page; the rest is not pinned down: a page that finds the
# cache empty reuses for its words the memory the page before it freed, still in the caches.)
WORDS_CACHE_MAX = 0
SAMPLE_SCAN_CHARS = 400000   # the language sample is read from the text's start up to here
LONG_LINE_RE = re.compile(r"\n([^\n]{60,})")   # a line of 60 characters or more, after its line break
MIN_VOTES = 5   # stopword votes the best language needs
CJK_SHARE_MIN = 0.15          # share of the sample in CJK characters that makes it CJK ...
CJK_LETTER_SHARE_MIN = 0.3    # ... or their share among its letters (Latin, Greek, Cyrillic too)
CJK_MIN_CHARS = 50
LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
KANA_RE = re.compile(r"[\u3040-\u30ff]")
HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
# Every character CJK_RE finds is in U+3000-U+DFFF, whose UTF-8 forms open with a byte of E3-ED
# (no other byte of any UTF-8 form is one): a sample whose UTF-8 form holds none has none.
# bytes.translate, deleting every other byte, asks that in one pass, several times faster
# than the character-class search.
NOT_CJK_LEAD_BYTES = bytes(range(0xE3)) + bytes(range(0xEE, 0x100))


@lru_cache(maxsize=None)
def stoplist(lang: str) -> frozenset[str]:
    name = JUSTEXT_NAMES.get(lang)
    if name is None:
        return frozenset()
    import justext
    return frozenset(justext.get_stoplist(name))


@lru_cache(maxsize=1)
def function_chars() -> frozenset[str]:
    """Han characters that are words of grammar (的, 了, 是, 在, 也, ...): the one-character
    entries of the stopwords-iso Chinese list. Their share of a line's characters stands for the
    stopword density of Chinese (and of the kanji of Japanese) where punctuation is sparse."""
    import stopwordsiso
    return frozenset(w for w in stopwordsiso.stopwords("zh") if len(w) == 1 and "\u4e00" <= w <= "\u9fff")


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    idx: dict[str, list[str]] = {}
    for lang in JUSTEXT_NAMES:
        for w in stoplist(lang):
            idx.setdefault(w, []).append(lang)
    return {w: tuple(v) for w, v in idx.items()}


@lru_cache(maxsize=None)
def lower_words(text: str) -> tuple[str, ...]:
    """A block's words (runs of word characters), lowercased. Cached: the rules' context and the
    main-content selection both read every block's words, and share the strings (hashed once).
    The cache has no bound of its own (an unbounded lru_cache keeps no recency order, which a
    bounded one updates on every hit and miss): pipeline.run empties it after a page that leaves
    it holding more than WORDS_CACHE_MAX texts (trim_word_cache), after every page as set.

    A tuple, not a list: the cache may keep thousands of them, and the garbage collector stops
    tracking a tuple of strings once it has seen it, whereas it would walk a list in every
    collection that reaches the list's generation."""
    if text.isascii():
        return tuple(text.encode().translate(ASCII_WORD_BYTES).decode().split())
    # (a one-byte codec encodes each character it has to one byte and, told to ignore the others,
    # drops them: the lengths agree where it has every character of the text. Latin-1 first, a
    # copy of the characters' codes where they all are below 256)
    data = text.encode("latin-1", "ignore")
    if len(data) == len(text):
        return tuple(data.translate(LATIN1_WORD_BYTES).decode("latin-1").split())
    data = text.encode("cp1252", "ignore")
    if len(data) == len(text):
        return tuple(data.translate(CP1252_WORD_BYTES).decode("cp1252").split())
    low = text.lower()   # (which may be ASCII: the Kelvin sign lowers to "k")
    return tuple((ASCII_WORD_RE if low.isascii() else WORD_RE).findall(low))


def trim_word_cache() -> None:
    """Empty lower_words' cache if it holds more than WORDS_CACHE_MAX texts: what a page adds
    is kept for the pages after it up to that many (none as set), and a huge page's words are
    not kept after it."""
    if lower_words.cache_info().currsize > WORDS_CACHE_MAX:
        lower_words.cache_clear()


def is_cjk(lang: str | None) -> bool:
    return lang in ("zh", "ja", "ko")


def _long_lines(text: str) -> list[str]:
    """The text's lines of 60 characters or more, from its start, until they hold 6000 characters
    (the lines of text[:SAMPLE_SCAN_CHARS].split("\n"); the line that reaches 6000 is the last)."""
    parts, size = [], 0
    # Each long line is the match after its line break (the text gets one before its first line):
    # the search jumps from line break to line break in C, and the lines after the sample's last
    # one are not read.
    for m in LONG_LINE_RE.finditer("\n" + text[:SAMPLE_SCAN_CHARS]):
        line = m.group(1)
        parts.append(line)
        size += len(line)
        if size >= 6000:
            break
    return parts


def _long_lines_of(texts: list[str]) -> list[str]:
    """_long_lines("\n".join(texts)), read off the texts without joining them: the lines of the
    joined text are the texts' lines, in order, and its first SAMPLE_SCAN_CHARS characters are
    the texts up to there (the last of them cut where the scan stops)."""
    parts, size, pos = [], 0, 0   # pos: where the text starts in the joined text
    for t in texts:
        if pos >= SAMPLE_SCAN_CHARS:
            break
        if pos + len(t) > SAMPLE_SCAN_CHARS:
            t = t[:SAMPLE_SCAN_CHARS - pos]
        pos += len(t) + 1
        if len(t) < 60:
            continue   # (no line of it is long)
        for line in t.split("\n") if "\n" in t else (t,):
            if len(line) >= 60:
                parts.append(line)
                size += len(line)
                if size >= 6000:
                    return parts
    return parts


def _head_of(texts: list[str], n: int) -> str:
    """"\n".join(texts)[:n], joining only the texts that reach into it."""
    k, size = 0, 0   # (size: the length of the first k texts joined, plus one)
    while k < len(texts) and size <= n:
        size += len(texts[k]) + 1
        k += 1
    return "\n".join(texts[:k])[:n]


def guess_language_texts(texts: list[str]) -> str | None:
    """guess_language("\n".join(texts)) (the texts of a page's blocks), without the join: the
    sample's long lines are read off the texts themselves."""
    parts = _long_lines_of(texts)
    if sum(map(len, parts)) < 1000:
        return _guess(_head_of(texts, 6000), None)
    return _guess("\n".join(parts), parts)


def guess_language(text: str) -> str | None:
    """Best stoplist coverage over a sample of the text; script check for CJK first."""
    # Prose lines tell the language; menus do not: sample long lines first.
    parts = _long_lines(text)
    if sum(map(len, parts)) < 1000:
        return _guess(text[:6000], None)
    return _guess("\n".join(parts), parts)


def _guess(sample: str, parts: list[str] | None) -> str | None:
    """guess_language's decision on its sample: the long lines joined (parts), or the text's head
    where they are too few (parts None)."""
    # (an ASCII sample has none, nor has one without a byte of NOT_CJK_LEAD_BYTES's complement)
    cjk = 0 if sample.isascii() or not sample.encode("utf-8", "surrogatepass").translate(None, NOT_CJK_LEAD_BYTES) \
        else len(CJK_RE.findall(sample))
    # (or against the letters: layout-preserving dumps pad their lines with spaces, and a
    # Chinese page's long lines may be menus of dates and numbers)
    if cjk > CJK_SHARE_MIN * len(sample) or (
            cjk >= CJK_MIN_CHARS and cjk > CJK_LETTER_SHARE_MIN * (cjk + len(LETTER_RE.findall(sample)))):
        if len(HANGUL_RE.findall(sample)) > cjk * 0.3:
            return "ko"
        if len(KANA_RE.findall(sample)) > cjk * 0.05:
            return "ja"
        return "zh"
    if parts is None:
        words = WORD_RE.findall(sample.lower())
        n_words = len(words)
    else:
        # The sample's words are its lines' words, in order: no word spans a line end, and
        # lowering the lines one by one lowers each character as lowering the sample does (the
        # only rule of str.lower() that reads a character's neighbours, the final sigma, stops at
        # a line end or whitespace as at the end of a string: none is cased or case-ignorable),
        # so do the lines stripped. Read by lower_words: the lines stripped are the page's
        # lines as most of them are blocks later, whose words the rules' context and the
        # selection then find in its cache.
        word_lists = list(map(lower_words, map(str.strip, parts)))
        words = chain.from_iterable(word_lists)   # (a list only where _float_guess needs it)
        n_words = sum(map(len, word_lists))
    # Each stopword gives one vote, shared among the languages that list it. Votes are summed
    # exactly (integers over a common denominator, per group of languages); the float sum word by
    # word is the reference, run only when its rounding could decide (a near tie, or a best
    # score near the threshold).
    # Words listed by the same languages share a vote alike: their counts are summed per group of
    # languages first (integers, so the order of the sums cannot change them), then shared out.
    group_of, groups, denom = _vote_groups()
    # (the words no stoplist lists are left out first: most words, found in a set, whose look-up
    # costs less than the dictionary's)
    counts = Counter(map(group_of.__getitem__, filter(_stopwords().__contains__, words)))
    if not counts:
        return None
    # The sums by language number, in a list (cheaper than a dict's get and set). exact holds
    # the languages some word voted for (every share is positive), in the order of their numbers:
    # what follows reads its values, and a language only where its sum is the one largest.
    langs, lanes = _group_lanes()
    sums = [0] * len(langs)
    for g, k in counts.items():
        numbers, share = lanes[g]
        v = k * share
        for i in numbers:
            sums[i] += v
    exact = {lang: v for lang, v in zip(langs, sums) if v}
    m = n_words + 1
    margin = int(denom * (1e-12 * m * m + 1e-9)) + 1   # far above any float rounding of the sums
    top, second = sorted(exact.values(), reverse=True)[:2] if len(exact) > 1 else (max(exact.values()), None)
    if (second is None or top - second > margin) and abs(top - MIN_VOTES * denom) > margin:
        if top < MIN_VOTES * denom:
            return None
        return next(lang for lang, v in exact.items() if v == top)
    return _float_guess(WORD_RE.findall(sample.lower()))


@lru_cache(maxsize=1)
def _vote_weights() -> tuple[dict[str, tuple[tuple[str, ...], int]], int]:
    """Each stopword's languages and its share of one vote, as an integer over a denominator."""
    denom = math.lcm(*range(1, len(JUSTEXT_NAMES) + 1))
    return {w: (langs, denom // len(langs)) for w, langs in _index().items()}, denom


@lru_cache(maxsize=1)
def _vote_groups() -> tuple[dict[str, int], list[tuple[tuple[str, ...], int]], int]:
    """The stopwords by group of languages that list them: each word's group number, each group's
    languages and its words' share of one vote (as in _vote_weights), and the denominator."""
    weights, denom = _vote_weights()
    number: dict[tuple[str, ...], int] = {}
    groups: list[tuple[tuple[str, ...], int]] = []
    group_of: dict[str, int] = {}
    for w, (langs, share) in weights.items():
        if langs not in number:
            number[langs] = len(groups)
            groups.append((langs, share))
        group_of[w] = number[langs]
    return group_of, groups, denom


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """The words some stoplist lists (the keys of _vote_groups' group numbers)."""
    return frozenset(_vote_groups()[0])


@lru_cache(maxsize=1)
def _group_lanes() -> tuple[tuple[str, ...], list[tuple[tuple[int, ...], int]]]:
    """The languages in order, and each group of _vote_groups as its languages' numbers in that
    order and its share of one vote."""
    langs = tuple(JUSTEXT_NAMES)
    number = {lang: i for i, lang in enumerate(langs)}
    return langs, [(tuple(number[lang] for lang in group), share) for group, share in _vote_groups()[1]]


def _float_guess(words: list[str]) -> str | None:
    idx = _index()
    counts: dict[str, float] = {}
    for w in words:
        langs = idx.get(w)
        if langs:
            share = 1.0 / len(langs)
            for lang in langs:
                counts[lang] = counts.get(lang, 0.0) + share
    if not counts:
        return None
    best = max(sorted(counts), key=lambda k: counts[k])
    return best if counts[best] >= MIN_VOTES else None
