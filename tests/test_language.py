"""Language guess: script shares and stoplist votes."""
from stripper.language import guess_language


def test_a_chinese_page_whose_long_lines_are_padded_menus_is_still_chinese():
    # Layout-keeping dumps pad lines with spaces; the long lines are an archive menu of dates.
    menu = "        " + " ".join(f"2016 {m} ({i})" for i, m in enumerate(["十月", "八月", "七月", "六月"])) + " " * 10
    prose = "我们今天早上从台北出发一路上的风景很美 到了山上已经是中午了 大家都在营地里休息"
    assert guess_language("\n".join([menu] * 40 + [prose] * 30)) == "zh"
    # An English article quoting a few Japanese words stays English.
    english = "Japan is a safe country, but the train at rush hour is another matter for the women who ride it. " * 3
    assert guess_language("\n".join([english] * 20 + ["痴漢 (chikan) 確保する。 拡散希望"] * 5)) == "en"


def test_the_samples_words_are_its_lines_words_lowered_one_by_one():
    # guess_language reads a sample of whole lines line by line (lower_words, whose lists the
    # rules and the selection share): the words must be those of the joined sample lowered whole,
    # final sigmas, case-ignorable marks and expanding lowercases at the line ends included
    import random
    import sys
    from stripper.language import WORD_RE, lower_words
    rnd = random.Random(5)
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    pieces = ["Σ", "ΣΑ", "ος", "'", "\u00ad", "\u0301", "İ", "ß", "A", "b", ".", "_", "\u2019", "Ω", "1", "\u200b"]
    for _ in range(40000):
        lines = ["".join(rnd.choice(pieces if rnd.random() < 0.7 else spaces) for _ in range(rnd.randint(0, 6)))
                 for _ in range(rnd.randint(1, 4))]
        assert WORD_RE.findall("\n".join(lines).lower()) == [w for ln in lines for w in lower_words(ln.strip())], lines


def test_the_guess_is_the_one_of_the_whole_sample():
    # the line-by-line count agrees with the plain count over the sample lowered whole
    import random
    from collections import Counter
    from stripper.language import MIN_VOTES, WORD_RE, _index
    rnd = random.Random(3)
    vocab = ["the", "and", "der", "die", "und", "le", "la", "et", "el", "los", "que", "ΣΤΟ", "και", "house", "Haus",
             "maison", "casa", "is", "ist", "est", "es", "of", "von", "de", "dé", "sigmaΣ", "ΟΔΟΣ"]
    for _ in range(300):
        lines = [" ".join(rnd.choice(vocab) for _ in range(rnd.randint(8, 20))) for _ in range(rnd.randint(5, 40))]
        text = "\n".join(lines)
        # the reference: the sample as guess_language takes it, its words counted one vote each
        parts, size = [], 0
        for ln in text.split("\n"):
            if len(ln) >= 60:
                parts.append(ln)
                size += len(ln)
                if size >= 6000:
                    break
        sample = "\n".join(parts) if size >= 1000 else text[:6000]
        votes: Counter = Counter()
        for w in WORD_RE.findall(sample.lower()):
            for lang in _index().get(w, ()):
                votes[lang] += 1 / len(_index()[w])
        best = max(sorted(votes), key=lambda k: votes[k]) if votes else None
        want = best if best is not None and votes[best] >= MIN_VOTES else None
        top = sorted(votes.values())[-2:]
        if len(top) == 2 and abs(top[1] - top[0]) < 1e-6:
            continue   # (a tie: the exact sums decide it, not this float sum)
        assert guess_language(text) == want, text


def test_the_cjk_byte_gate_lets_through_every_sample_with_a_cjk_character():
    # guess_language counts CJK characters only in a sample whose UTF-8 form holds a byte of
    # E3-ED: every sample CJK_RE finds a character in must hold one
    import random
    from stripper.language import CJK_RE, NOT_CJK_LEAD_BYTES
    rnd = random.Random(47)
    edges = [0x2FFF, 0x3000, 0x303F, 0x3040, 0x30FF, 0x3100, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF,
             0xA000, 0xABFF, 0xAC00, 0xD7AF, 0xD7B0, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x7F, 0x80, 0x7FF, 0x800]
    found = 0
    for _ in range(20000):
        s = "".join(chr(rnd.choice(edges) + rnd.randint(-2, 2)) if rnd.random() < 0.5 else rnd.choice("aé’ ")
                    for _ in range(rnd.randint(1, 6)))
        if CJK_RE.search(s):
            found += 1
            assert s.encode("utf-8", "surrogatepass").translate(None, NOT_CJK_LEAD_BYTES), s
    assert found > 3000


def _long_lines_by_find(text):
    # the line-by-line reading _long_lines replaces
    parts, size = [], 0
    pos, end = 0, min(len(text), 400000)
    while pos <= end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            nl = end
        if nl - pos >= 60:
            parts.append(text[pos:nl])
            size += nl - pos
            if size >= 6000:
                break
        pos = nl + 1
    return parts


def test_the_language_sample_reads_the_lines_a_line_by_line_reading_does():
    import random
    from stripper.language import SAMPLE_SCAN_CHARS, _long_lines
    assert SAMPLE_SCAN_CHARS == 400000
    rnd = random.Random(7)
    texts = ["", "\n", "x" * 59, "x" * 60, "x" * 60 + "\n", "\n" + "y" * 61, "a\r\n" + "b" * 70 + "\r\n",
             "\n\n\n" + "z" * 100 + "\n\n" + "w" * 59 + "\n" + "v" * 60,
             # the scan's end cuts a line (and one starts right at it)
             "s\n" * 199_970 + "t" * 100, "u" * 399_990 + "\n" + "v" * 80, "u" * 399_999 + "\n" + "v" * 80,
             ("p" * 200 + "\n") * 40]   # the sample fills at 6000 characters
    for _ in range(300):
        lines = [rnd.choice(["", " ", "ab", "é" * 59, "ü" * 60, "word " * rnd.randint(1, 40), "\t" * 61])
                 for _ in range(rnd.randint(0, 80))]
        texts.append("\n".join(lines) + rnd.choice(["", "\n", "\n\n"]))
    for text in texts:
        assert _long_lines(text) == _long_lines_by_find(text), text[:80]


def test_the_cached_words_are_left_alone_by_the_garbage_collector():
    # The words cache keeps thousands of word sequences between pages: as tuples of strings the
    # collector stops tracking them after one collection, so its passes do not walk the cache.
    import gc
    from stripper.language import WORD_RE, lower_words
    text = "Tuples of Words, read once: the cache's entries 42 times"
    words = lower_words(text)
    assert list(words) == WORD_RE.findall(text.lower())
    gc.collect()
    assert not gc.is_tracked(lower_words(text))


def test_the_language_of_block_texts_is_that_of_the_texts_joined(monkeypatch):
    # guess_language_texts reads the sample off the texts (no join): the same long lines, the same
    # head where they are too few, so the same language, as guess_language on the texts joined
    import random
    from stripper import language
    from stripper.language import _head_of, _long_lines, _long_lines_of, guess_language, guess_language_texts
    rnd = random.Random(11)
    english = "The council said on Tuesday that the plan would be put to a vote in the spring."
    german = "Die Stadt hat am Dienstag gesagt, dass der Plan im Frühjahr zur Abstimmung kommt."
    chinese = "市政府周二表示，该计划将在春季提交表决，并且会听取市民的意见。"
    pieces = ["", "x", "Home", "ab\ncd", "é" * 59, "ü" * 60, english, german, chinese, english + "\n" + german,
              "code line one\n" + "y" * 70 + "\n\nz", "word " * 30]
    pages = [[], [""], ["a", "b"], [english] * 5, [german] * 20, [chinese] * 40]
    for _ in range(400):
        pages.append([rnd.choice(pieces) for _ in range(rnd.randint(0, 120))])
    for texts in pages:
        joined = "\n".join(texts)
        assert _long_lines_of(texts) == _long_lines(joined), texts[:3]
        for n in (0, 1, 2, 3, 59, 60, 61, 6000):
            assert _head_of(texts, n) == joined[:n], (texts[:3], n)
        assert guess_language_texts(texts) == guess_language(joined), texts[:3]
    # the scan's end, which may cut a text or fall between two, as the join puts them
    monkeypatch.setattr(language, "SAMPLE_SCAN_CHARS", 150)
    for texts in pages[:200] + [["y" * 70, "z" * 79, "w" * 80], ["y" * 149, "w" * 80], ["y" * 148, "w" * 80],
                               ["y" * 151], ["q" * 90, "y" * 60], ["q" * 89, "y" * 60]]:
        assert _long_lines_of(texts) == _long_lines("\n".join(texts)), texts[:3]


def test_words_of_ascii_text_are_the_unicode_patterns_words():
    # lower_words reads an ASCII text with the ASCII word class: the same runs as \w finds there
    import random
    import re
    from stripper.language import lower_words
    rnd = random.Random(5)
    alphabet = [chr(c) for c in range(128)] + ["é", "ß", "İ", "ſ", "٣", "中", "\u00a0", "ǅ"]
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        lower_words.cache_clear()
        assert lower_words(text) == tuple(re.findall(r"\w+", text.lower())), repr(text)
    # an ASCII text takes the byte table (ASCII_WORD_BYTES): each character of ASCII between
    # two letters, at either end, doubled, and ASCII pages; and a text lowering to ASCII (the
    # Kelvin sign) takes the pattern
    texts = [f"a{chr(c)}B" for c in range(128)] + [f"{chr(c)}{chr(c)}x{chr(c)}" for c in range(128)]
    texts += ["".join(rnd.choice(alphabet[:128]) for _ in range(rnd.randint(0, 60))) for _ in range(3000)]
    texts += ["\u212aelvin_2 Degrees", "Don't STOP-me now: 42_x\t\x1fend"]
    for text in texts:
        lower_words.cache_clear()
        assert lower_words(text) == tuple(re.findall(r"\w+", text.lower())), repr(text)


def test_words_of_latin1_and_cp1252_texts_are_the_unicode_patterns_words():
    # lower_words reads a text of Latin-1 or cp1252 characters by a byte table of each codec
    # (LATIN1_WORD_BYTES, CP1252_WORD_BYTES): every character of the first 65,536 between two
    # letters of either codec, alone and doubled, and random mixes of both codecs' characters
    # with a few beyond them (the final sigma, the dotted capital I, the Kelvin sign, Polish,
    # Cyrillic and Chinese letters, a combining accent), which take the pattern
    import random
    import re
    from stripper.language import lower_words
    texts = []
    for c in range(0x10000):
        ch = chr(c)
        texts += [f"\u00c4{ch}B", f"\u2019{ch}\u00e9", f"{ch}{ch}x{ch}", ch]
    rnd = random.Random(7)
    cp1252 = [bytes([b]).decode("cp1252", "ignore") for b in range(256)]
    alphabet = [c for c in cp1252 if c] + [chr(c) for c in range(128, 256)]
    alphabet += ["\u03a3", "\u03c3", "\u0130", "\u212a", "\u0142", "\u0416", "\u4e2d", "\u0301"]
    for _ in range(6000):
        n = rnd.randint(0, 40)
        texts.append("".join(rnd.choice(alphabet[:-8] if n % 3 else alphabet) for _ in range(n)))
    for text in texts:
        lower_words.cache_clear()
        assert lower_words(text) == tuple(re.findall(r"\w+", text.lower())), repr(text)
