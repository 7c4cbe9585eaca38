"""Unit tests of stage 1 (stripper.sniff): binary refusal, decoding, str input."""
from __future__ import annotations

import random

import pytest

from stripper import InputError, Options
from stripper import sniff

PROSE = ("The old harbour bridge reopened to traffic on Monday morning, two years after engineers closed it "
         "when they found that several of the steel cables holding up the main span had corroded.\n\n")


# ----------------------------------------------------------------------------- binary refusal

@pytest.mark.parametrize("size", [200, 500, 4096, 1 << 16])
def test_random_bytes_of_any_size_are_binary(size):
    for seed in range(20):
        with pytest.raises(InputError, match="not a page"):
            sniff.check_binary(random.Random(seed).randbytes(size))


@pytest.mark.parametrize("data", [
    PROSE.encode() * 30,
    # a dump with a NUL run where an image was (as in real markdown dumps)
    b"![ad](https://example.org/banner.gif)" + b"\x00" * 11 + b" ](https://example.org/)\n\n" + PROSE.encode() * 30,
    # a terminal capture with ANSI colours: ESC is not a binary sign
    b"".join(b"\x1b[1;31m" + w.encode() + b"\x1b[0m " for w in PROSE.split()) * 10,
    # ISO-2022-JP shifts in and out with ESC sequences
    ("東京都は本日、新しい交通規則を発表しました。" * 40).encode("iso-2022-jp"),
    # a few stray control characters in a short text
    b"Hello\x08 world, a short note\x07 with two control characters in it.",
    ("\ufeff" + PROSE * 10).encode("utf-16-le"),
    ("\ufeff" + PROSE * 10).encode("utf-16-be"),
    (PROSE * 10).encode("utf-16-le"),
    ("\ufeff" + PROSE * 10).encode("utf-32-le"),
], ids=["prose", "nul-run", "ansi", "iso-2022-jp", "stray-controls", "utf16le-bom", "utf16be-bom",
        "utf16le-nobom", "utf32le-bom"])
def test_text_is_not_binary(data):
    sniff.check_binary(data)
    assert sniff.sniff(data, Options()).text.strip()


# ----------------------------------------------------------------------------- str input

@pytest.mark.parametrize("given, want", [
    ("plain ascii", "plain ascii"),
    ("café – “quoted”", "café – “quoted”"),
    ("lone \ud800 high and \udfff low", "lone \ufffd high and \ufffd low"),
    ("a pair \ud83d\ude00 is its character", "a pair \U0001f600 is its character"),
    ("reversed \ude00\ud83d pair", "reversed \ufffd\ufffd pair"),
    ("escaped byte \udce9 from surrogateescape", "escaped byte \ufffd from surrogateescape"),
    ("\ud800", "\ufffd"),
])
def test_fix_surrogates(given, want):
    assert sniff.fix_surrogates(given) == want


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_str_input_with_surrogates_gives_encodable_text(fmt):
    src = PROSE * 5 + "A stray \udc80 and a pair \ud83d\ude00 here.\n"
    if fmt == "html":
        src = "<html><body><p>" + src + "</p></body></html>"
    text = sniff.sniff(src, Options(input_format=fmt)).text
    text.encode("utf-8")
    assert "\U0001f600" in text


# ----------------------------------------------------------------------------- decoding

ENGLISH = PROSE * 8


@pytest.mark.parametrize("extra", [
    "The café served crème brûlée to the naïve señor from São Paulo.",
    "He said “it’s over” — and left… for good.",
    "Die Einführung der Straße kostete 5 € mehr als geplant.",
    "A façade and the informação booth, “ação”.",
])
def test_mostly_ascii_cp1252_is_read_as_cp1252(extra):
    data = (ENGLISH + extra + "\n").encode("cp1252")
    text, enc = sniff.decode(data)
    assert enc == "cp1252" and extra in text


def test_spanish_cp1252_is_not_guessed_as_cp1250():
    words = "El niño y la señora de España cruzaron el puente por la mañana, según dijeron los vecinos. "
    text, enc = sniff.decode((words * 40).encode("cp1252"))
    assert enc == "cp1252" and "niño" in text and "España" in text


@pytest.mark.parametrize("bad", [b"\xc3\x28", b"\xff", b"\x81", b"\xe2\x82\xac\x80\x80"],
                         ids=["lead-then-ascii", "ff", "undefined-in-cp1252", "long-run"])
def test_ascii_text_with_a_stray_bad_sequence_stays_utf8(bad):
    data = ENGLISH.encode() + b"a word" + bad + b" here\n"
    text, enc = sniff.decode(data)
    assert enc == "utf-8" and "\ufffd" in text


def test_utf8_text_with_a_few_cp1252_quotes_stays_utf8():
    utf8 = ("Grüße aus Köln, schöne Größe. " * 10).encode()
    data = ENGLISH.encode() + utf8 + "“quoted” ’".encode("cp1252") + b"\n"
    text, enc = sniff.decode(data)
    assert enc == "utf-8" and "Grüße aus Köln" in text and text.count("\ufffd") == 3


def test_declared_utf8_with_a_few_bad_bytes_stays_utf8():
    data = b'<html><head><meta charset="utf-8"></head><body><p>' + ENGLISH.encode() + "café".encode("cp1252") + b"</p>"
    text, enc = sniff.decode(data, sniff.declared_charset(data))
    assert enc == "utf-8" and "caf\ufffd" in text


def test_valid_utf8_is_always_utf8():
    text = ENGLISH + "The café served crème brûlée. “Quoted” – Ãœ looks odd but is valid."
    assert sniff.decode(text.encode()) == (text, "utf-8")


def test_a_run_of_high_bytes_is_utf8_only_when_well_formed():
    from stripper.sniff import _utf8
    assert _utf8("é".encode()) and _utf8("ü€𝄞".encode()) and _utf8("ü".encode() * 500_000)
    # a lone lead or continuation byte, an overlong form, a surrogate, above U+10FFFF
    for bad in (b"\xe9", b"\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xff"):
        assert not _utf8(bad), bad


def test_normalize_text_matches_the_plain_definition():
    # line ends to "\n", controls out, NFC: as the three steps done one after the other always
    import random
    import unicodedata
    from stripper.sniff import CONTROL_RE, normalize_text

    def reference(text):
        text = CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
        return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)

    rnd = random.Random(3)
    alphabet = ["a", "e", "\u0301", "\u0327", "é", "\r", "\n", "\r\n", "\x00", "\x85", "\u1100", "\u1161",
                "\u11a8", "\u2126", "\u0387", "’", " ", "中"]
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 10)))
        assert normalize_text(text) == reference(text), repr(text)



def test_nfc_by_chunks_is_nfc_of_the_whole(monkeypatch):
    # a long text is normalized chunk by chunk, cut at line ends: the same text as normalize() of
    # the whole, whatever falls on either side of a cut (marks, jamo, singletons, pairs)
    import random
    import unicodedata
    import stripper.sniff as sn
    monkeypatch.setattr(sn, "NFC_CHUNK_CHARS", 3)
    rnd = random.Random(5)
    alphabet = ["a", "e", "\u0301", "\u0308", "\u0327", "\u0345", "é", "\n", "\n\u0301", "\u1100", "\u1161", "\u11a8",
                "\uac00", "\u2126", "\u0387", "\u0f73", "\u09c7", "\u09be", "’", " ", "中", "\U0001d15e", "\u05b4"]
    changed = 0
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(4, 16)))
        want = unicodedata.normalize("NFC", text)
        assert sn._nfc_by_chunks(text) == want, repr(text)
        assert sn.normalize_text(text) == want, repr(text)
        changed += want != text
    assert changed > 5000

def test_the_utf8_bytes_a_text_was_read_from_tell_its_controls():
    # sniff hands normalize_text the bytes a text was read from as valid UTF-8 (its controls are
    # looked for there); the answer must be that of the text's own encoding, as it is without them
    from stripper.sniff import _decode, normalize_text
    rnd = random.Random(17)
    alphabet = ["a", "é", "\x00", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "\x80", "\x85", "\x9f", "\xa0", "\r", "\r\n",
                "\n", "\t", "\x1b", "\ufeff", "’", "中", "😀", "e\u0301"]
    read = sniffed = 0
    for _ in range(20000):
        data = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 10))).encode("utf-8")
        text, enc, exact = _decode(data, None)
        if exact:   # (not so: a BOM first, or NULs enough to look like UTF-16)
            read += 1
            text = text.lstrip("\ufeff")
            want = normalize_text(text)
            assert normalize_text(text, data) == want, repr(data)
            try:
                got = sniff.sniff(data, Options(input_format="text")).text
            except InputError:   # (empty, or binary by its share of controls)
                continue
            assert got == want, repr(data)
            sniffed += 1
    assert read > 10000 and sniffed > 1000


def test_blank_input_test_is_strip_without_the_copy():
    # sniff tells blank input by isspace() instead of strip(): the two must agree on every byte
    # and every character (so on every string made of them)
    import sys
    for c in range(256):
        b = bytes([c])
        assert (not b.strip()) == (not b or b.isspace()), c
        assert (not (b * 3 + b"x").strip()) == (b * 3 + b"x").isspace()
    for c in map(chr, range(sys.maxunicode + 1)):
        assert (not c.strip()) == c.isspace(), hex(ord(c))


def test_has_controls_agrees_with_the_pattern():
    # _has_controls asks its question of the UTF-8 bytes (C1 controls only where a byte C2 is):
    # it must agree with CONTROL_RE on the text
    import random
    from stripper import sniff as sn
    rnd = random.Random(71)
    pieces = ["a", " ", "\n", "\t", "\r", "é", "\u00a0", "\u0085", "\u0080", "\u009f", "\u00a0\u009f", "\x00", "\x07",
              "\x1b", "\x7f", "\u00c2", "€", "😀", "ÿ"]
    seen = set()
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        want = sn.CONTROL_RE.search(text) is not None
        seen.add(want)
        assert sn._has_controls(text) == want, repr(text)
        assert sn._has_controls(text, text.encode("utf-8")) == want, repr(text)
    assert seen == {True, False}
