"""Helpers shared by rule families."""
from __future__ import annotations

import re

from ..model import Block
from ..phrases import NUMBER_OPENING_RE, fold_odd_raw, load_phrases

WORD_RE = re.compile(r"\w+")
CAMEL_SPLIT_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[.])(?=[A-Z])")

# Prose guard: a long block made of sentences is article text unless the evidence is at its start.
from . import PROSE_WORDS_DEFAULT  # noqa: E402  (one value for the guard and the search window)
PROSE_START_CHARS_DEFAULT = 30
SENTENCE_MIN_WORDS_DEFAULT = 15
SENTENCE_ENDS = ".!?\"”’»"


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def word_count(text: str) -> int:
    return len(WORD_RE.findall(text))


def is_long_prose(block: Block, ctx) -> bool:
    return ctx.words(block) > PROSE_WORDS_DEFAULT


def find_firing(name: str, block: Block, ctx) -> tuple[str, int] | None:
    """ctx.find(name, block), or None where phrase_fires could not fire on what it finds: in long
    prose a hit counts only if it starts in the first PROSE_START_CHARS_DEFAULT + 1 characters,
    where it starts with one of the list's opening words, whole, or a number (Matcher.opening_words,
    opening_number). A long block with none of them starting there is not searched."""
    if ctx.word_lists and ctx.words(block) > PROSE_WORDS_DEFAULT:
        m = load_phrases(name)
        opening = m.opening_words
        if opening is None or fold_odd_raw(block.text):
            return ctx.find(name, block)
        if m.opening_number and NUMBER_OPENING_RE.search(block.text, 0, PROSE_START_CHARS_DEFAULT + 1):
            return ctx.find(name, block)
        # A word starts no sooner than the words before it and one character after each have
        # ended (lowered, a text without "İ" is as long as it is).
        at = 0
        for w in ctx.word_lists[block.index]:
            if at > PROSE_START_CHARS_DEFAULT:
                return None
            if w in opening:
                return ctx.find(name, block)
            at += len(w) + 1
        return None
    return ctx.find(name, block)


def phrase_fires(block: Block, ctx, hit: tuple[str, int] | None) -> bool:
    """A phrase hit counts in a short block anywhere, in long prose only near its start
    (so an article that quotes "subscribe" or discusses cookies keeps its paragraphs)."""
    if hit is None:
        return False
    if _quoted(block.text, hit[1]):
        return False  # 'urging them to "subscribe now"': a quotation, not a prompt
    if hit[1] <= PROSE_START_CHARS_DEFAULT:
        return True
    return not is_long_prose(block, ctx)


def _quoted(text: str, pos: int) -> bool:
    before = text[:pos]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”") or before.count("«") > before.count("»")


def is_sentence(block: Block, ctx) -> bool:
    """A sentence of ten words or more: a phrase quoted inside it does not make it furniture."""
    return ctx.words(block) >= SENTENCE_MIN_WORDS_DEFAULT and block.text.rstrip()[-1:] in SENTENCE_ENDS
