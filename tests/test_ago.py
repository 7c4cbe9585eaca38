"""ago.age_words: the units a line stating an age holds among its words, whatever its characters
but ago.AGE_ODD_CHARS."""
import random
import re
import sys

from stripper.ago import AGE_ODD_CHARS, _table, age_gate, age_words, minutes_ago
from stripper.language import lower_words

EVERY_CHAR = "".join(map(chr, range(sys.maxunicode + 1)))
WORD_CHAR = re.compile(r"\w")


def test_every_character_lowers_as_age_words_reads_it():
    """Each character the stamp pattern matches to a unit's letter (ignoring case) lowers to that
    letter, but AGE_ODD_CHARS; white space, and any character that is no word character, lowers to
    characters that are none (so the unit's run of word characters, lowered, is the unit)."""
    units = age_words()
    assert units is not None and units == frozenset(_table()[1])
    odd_seen = set()
    for letter in sorted(set("".join(units))):
        assert WORD_CHAR.match(letter), letter
        for c in re.findall(re.escape(letter), EVERY_CHAR, re.I):
            if c in AGE_ODD_CHARS:
                odd_seen.add(c)
            else:
                assert c.lower() == letter, (hex(ord(c)), letter)
    assert odd_seen == set(AGE_ODD_CHARS)   # (each of them is needed)
    for c in EVERY_CHAR:
        if not WORD_CHAR.match(c):
            low = c.lower()
            assert low and WORD_CHAR.match(low[0]) is None and WORD_CHAR.match(low[-1]) is None, hex(ord(c))


def test_a_line_stating_an_age_holds_a_unit_among_its_words():
    """Lines built of the units in every case and with the characters matching their letters
    ignoring case, around numbers, words and separators: each one the stamp gate or minutes_ago
    finds something in holds a unit among its words (lower_words), unless it holds one of
    AGE_ODD_CHARS; and a line holding none states no age."""
    units = age_words()
    table = {}
    for letter in set("".join(units)):
        table[letter] = re.findall(re.escape(letter), EVERY_CHAR, re.I)
    rnd = random.Random(13)
    heads = ["", "3 ", "21 ", "Updated 5 ", "vor 2 ", "před 1 ", "il y a 4 ", "hace 10 ", "x\u00a07\u2003", "é 9 ", "中 8 "]
    tails = ["", " ago", " fa", " geleden", " temu", "s ago", "_", "é", "中", ".", "\u00a0ago", "!", "x"]
    forms = 0
    for _ in range(30000):
        unit = rnd.choice(sorted(units))
        spelled = "".join(rnd.choice(table[c]) if rnd.random() < 0.3 else rnd.choice((c, c.upper())) for c in unit)
        text = rnd.choice(heads) + spelled + rnd.choice(tails)
        stated = age_gate()(text) is not None or minutes_ago(text) is not None
        forms += stated
        if stated and not any(c in text for c in AGE_ODD_CHARS):
            assert not units.isdisjoint(lower_words(text)), text
    assert forms > 5000
