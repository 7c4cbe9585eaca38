"""Plain-text segmentation: what the blocks of an innerText / html-text / BeautifulSoup dump are."""
from stripper.model import PARA, PRE
from stripper.segment.text import segment_text


def blocks(text):
    return [(b.kind, b.text) for b in segment_text(text)]


def test_a_program_listing_is_one_pre_block():
    # (a line that starts in lower case still joins the line before it: one statement)
    text = ("As an example, take this cow:\n\n// cow.js\n(function(exports) {\n  \"use strict\";\n\n"
            "  function Cow(name) {\n    this.name = name;\n  }\n})(this);\n\nAnd its test suite follows here.\n")
    assert blocks(text) == [
        (PARA, "As an example, take this cow:"),
        (PRE, '// cow.js\n(function(exports) {\n"use strict";\nfunction Cow(name) { this.name = name;\n}\n})(this);'),
        (PARA, "And its test suite follows here.")]


def test_a_code_run_ends_on_a_code_line():
    text = "SELECT avg(n)\nFROM unnest(array[2, 3, 5]) AS n;\nRELATED STORIES\n"
    assert blocks(text) == [(PRE, "SELECT avg(n)\nFROM unnest(array[2, 3, 5]) AS n;"), (PARA, "RELATED STORIES")]


def test_template_placeholders_and_prose_are_not_code():
    text = "{{#marken}}\n{{ name }}\n{{/marken}}\n\nHe came; he saw.\nShe left (early).\n"
    assert [k for k, _ in blocks(text)] == [PARA, PARA, PARA, PARA, PARA]


def test_one_line_ending_like_code_stays_text():
    assert blocks("Menu\nvar x = 1;\nThe end of it all.\n") == [
        (PARA, "Menu"), (PARA, "var x = 1;"), (PARA, "The end of it all.")]


def test_a_long_run_of_number_lines_is_read_once():
    import time
    text = "2019\n" * 100_000 + "x = 1;\n"
    t = time.process_time()
    got = segment_text(text)
    assert time.process_time() - t < 5.0
    assert len(got) == 1 and got[0].kind == PRE and got[0].text.endswith("2019\n2019\nx = 1;")


def test_hard_wrapped_source_text_joins_before_a_capital():
    text = ("      It was not until he had passed the door, a style not easy to be matched--for these reasons,\n"
            "      I was willing to overlook his eccentricities.\n")
    assert blocks(text) == [(PARA, "It was not until he had passed the door, a style not easy to be matched--for "
                                   "these reasons, I was willing to overlook his eccentricities.")]


def test_unindented_or_headline_lines_do_not_join_before_a_capital():
    # the same cut without the source's indentation: two lines of the page
    assert len(blocks("a style not easy to be matched--for these reasons,\nI was willing to go.\n")) == 2
    # a headline (no comma, no function word at its end) over its summary
    text = "      Obama admits US gun laws are his biggest frustration\n      President Barack Obama said.\n"
    assert len(blocks(text)) == 2


def test_a_wrapped_line_ending_in_a_function_word_joins():
    text = "    repeat to this day the name of John Jacob Astor; a name which\n    I admit I love to repeat.\n"
    got = segment_text(text, frozenset({"which", "a", "the"}))
    assert [b.text for b in got] == ["repeat to this day the name of John Jacob Astor; a name which I admit I love to repeat."]
    assert len(segment_text(text)) == 2   # (no stoplist: no function words known)


def test_formula_pieces_one_per_line_make_one_block():
    text = "If the transpose is written\n\n    A\n\n\n    =\n\n    A\n    H\n\nthen it is Hermitian.\n"
    assert blocks(text) == [(PARA, "If the transpose is written"), (PARA, "A = A H"),
                            (PARA, "then it is Hermitian.")]


def test_number_rows_and_short_pairs_stay_apart():
    assert blocks("0\n0\n0\nShare this story.\n") == [(PARA, "0"), (PARA, "0"), (PARA, "0"), (PARA, "Share this story.")]
    assert blocks("A\nB\nNext line here.\n") == [(PARA, "A"), (PARA, "B"), (PARA, "Next line here.")]


def test_a_short_wrapped_line_joins_its_lower_case_rest():
    text = "Lorem\n\n      Lorem\n      ipsum dolor sit amet.\nMenu\nitems here\n"
    assert blocks(text) == [(PARA, "Lorem"), (PARA, "Lorem ipsum dolor sit amet."), (PARA, "Menu"),
                            (PARA, "items here")]


def test_a_share_or_interface_label_glued_to_a_line_is_split_off():
    # the label runs into the byline, a menu word into the one before it
    assert blocks("By Ellen ParkShare this article") == [(PARA, "By Ellen Park"), (PARA, "Share this article")]
    assert blocks("Essential news, delivered dailyFollow us") == \
        [(PARA, "Essential news, delivered daily"), (PARA, "Follow us")]
    # a capital that starts no label stays: names, brands, identifiers
    assert blocks("By Ellen ParkShare") == [(PARA, "By Ellen ParkShare")]
    assert blocks("Visit McDonald today") == [(PARA, "Visit McDonald today")]
    assert blocks("numberArticlesLeft") == [(PARA, "numberArticlesLeft")]


def test_a_code_line_ends_or_starts_with_one_of_the_scanned_characters():
    # segment_text asks _code_line only on a page with a line ending in CODE_END_CHARS or
    # starting with CODE_START_CHARS: every code line must
    import random
    from stripper.segment.text import CODE_END_CHARS, CODE_START_CHARS, _code_line
    rnd = random.Random(7)
    alphabet = "ab {}[]();=<>-/*#!$.\t"
    for _ in range(20000):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 6))).strip() or "a"
        if _code_line(t):
            assert t[-1] in CODE_END_CHARS or t[0] in CODE_START_CHARS, t


def test_only_the_end_of_a_line_is_read_for_a_glued_label(monkeypatch):
    # a line of thousands of glued words asks about a label tail only near its end (linear time)
    import stripper.segment.text as seg
    asked = []
    real = seg._label_tail
    monkeypatch.setattr(seg, "_label_tail", lambda tail: asked.append(len(tail)) or real(tail))
    seg.split_glued("menuItem" * 5000 + "Share this article", frozenset())
    assert asked and len(asked) <= 10 and max(asked) <= seg.LABEL_MAX_CHARS


def test_one_glued_pattern_finds_the_places_of_the_two():
    # split_glued scans with GLUED_RE alone: its cuts are those the two patterns it stands for
    # (GLUED_SENTENCE_RE, GLUED_WORD_RE and its group) give, on lines made to hold many of both
    import random
    import stripper.segment.text as seg

    def reference(text, stopwords):
        cuts = [m.start() for m in seg.GLUED_SENTENCE_RE.finditer(text)]
        for m in seg.GLUED_WORD_RE.finditer(text):
            if stopwords and m.group(1).lower() in stopwords and seg._lower_token_before(text, m.start()):
                cuts.append(m.start())
            elif len(text) - m.start() <= seg.LABEL_MAX_CHARS and seg._label_tail(text[m.start():]) \
                    and seg._word_before(text, m.start()).isalpha():
                cuts.append(m.start())
        if not cuts:
            return [text]
        parts, prev = [], 0
        for c in sorted(set(cuts)):
            parts.append(text[prev:c])
            prev = c
        parts.append(text[prev:])
        return [p.strip() for p in parts if p.strip()]

    rnd = random.Random(11)
    pieces = ["a", "b", "é", "ÿ", "÷", "A", "T", "À", "Þ", "×", ".", "!", "?", " ", "1", "This", "The",
              "is", "Share this article", "Follow us", "month", "Is"]
    stop = frozenset({"this", "the", "is"})
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14)))
        for sw in (stop, frozenset()):
            assert seg.split_glued(text, sw) == reference(text, sw), text
            if not seg.GLUED_RE.search(text):
                assert reference(text, sw) == [text], text


def test_a_line_found_clean_already_is_what_cleaning_gives():
    # clean_line and segment_text return a printable line with single inner spaces as it is:
    # every character the cleaning removes or cuts at must be unprintable (but the space)
    import random
    import sys
    import stripper.segment.text as seg
    for c in map(chr, range(sys.maxunicode + 1)):
        if c != " " and (c.isspace() or seg.ZERO_WIDTH_RE.match(c)):
            assert not c.isprintable(), hex(ord(c))

    def reference(line):
        return " ".join(seg.ZERO_WIDTH_RE.sub("", line).split())

    rnd = random.Random(5)
    alphabet = ["a", "B", "é", "中", ".", " ", " ", "\t", "\r", "\u00a0", "\u200b", "\u00ad", "\ufeff",
                "\u2028", "\u3000", "\x1c", "\x85"]
    for _ in range(20000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8)))
        assert seg.clean_line(line) == reference(line), repr(line)
        # (segment_text's own copy of the test: one line, nothing glued, "x" before any bullet)
        if "B" not in line and "." not in line:
            assert " ".join(b.text for b in seg.segment_text("x" + line)) == reference("x" + line), repr(line)


def test_glued_places_are_looked_for_where_glue_lines_gives_them(monkeypatch):
    # segment_text asks GLUED_RE only of the lines glue_lines gives (and of lines a zero width is
    # taken out of): with every line given, the blocks must be the same, and no line left out
    # may hold a place GLUED_RE finds
    import random
    import stripper.segment.text as seg
    rnd = random.Random(13)
    pieces = ["mon", "th", "This", "is", "world", ".", "The", "!", "?", " ", "   ", "\t", "é", "Éa", "ß", "×", "÷",
              "ÿ", "Þx", "ÀÀ", "\u00ad", "\u200b", "’", "😀", "š", "\u6161", "\u4161", "a", "B", "iPhone", "* ",
              "Share", "Read more", "\u00a0", "1.", "\u0100", "\u2028", "Àb", "😀" * 9]
    stops = frozenset(["this", "the", "is", "read", "share"])
    pages = []
    for _ in range(4000):
        lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 7))) for _ in range(rnd.randint(1, 6))]
        page = "\n".join(lines)
        given = seg.glue_lines(page)
        for n, line in enumerate(lines, 1):
            if line.isprintable() and seg.GLUED_RE.search(" ".join(line.split())):
                assert n in given, (page, n)
        pages.append(page)
    fast = [seg.segment_text(p, stops) for p in pages]
    monkeypatch.setattr(seg, "glue_lines", lambda text: set(range(1, text.count("\n") + 2)))
    for page, got in zip(pages, fast):
        assert got == seg.segment_text(page, stops), page


def test_usual_lines_on_the_short_path_segment_as_on_the_long_one():
    # segment_text takes a line that opens with a letter, already clean and with no glued place
    # on a short path: with a space added to the end of every line (the long path then takes
    # them all, and the space is cleaned away), the blocks must be the same
    import random
    import stripper.segment.text as seg
    rnd = random.Random(17)
    pieces = ["word", "more", "The", "This", "is", "world", ".", ",", "!", " ", "  ", "   ", "\t", "é", "Éa", "ß",
              "monthThis", "iPhone", "1.", "12", "• ", "* ", "- ", "\u200b", "\u00ad", "\u00a0", "中", "x = f(y);",
              "{", "}", "a", "B", "the rest of the sentence that goes on", "which", "Share this", "“", "(", "©",
              "12:13 PM", "2)", "ⅰ", "^ ", "•", "–"]
    stops = frozenset(["this", "the", "is", "which", "a"])
    for _ in range(6000):
        lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6))) for _ in range(rnd.randint(1, 8))]
        page = "\n".join(lines)
        slow = "\n".join(line if line[-1:] == " " else line + " " for line in lines)
        for sw in (stops, frozenset()):
            assert seg.segment_text(page, sw) == seg.segment_text(slow, sw), page


def test_code_context_ascii_test_agrees_with_the_character_test():
    # _code_context tells an ASCII line holding no lowercase letter by upper(): the same answer
    # as asking each character
    import random
    import stripper.segment.text as seg
    rnd = random.Random(31)
    pieces = ["SELECT", "avg", "(", ")", "x", "A", "1", " ", "=", "é", "É", "ß", "ǅ", "ª", "中", "_", "-", ":", "Ω", "ω"]
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        want = (not (s[-1] in ".!?\"”»" or len(s) > seg.CODE_LINE_MAX_CHARS or seg._template(s))
                and (sum(c in seg.CODE_SYMBOLS for c in s) >= max(1, len(s) // 20)
                     or not any(c.islower() for c in s)))
        assert seg._code_context(s) == want, s


def test_split_glued_without_stopwords_agrees_with_the_scan_of_every_place():
    # with no stopwords, split_glued looks for sentence ends glued by their mark and for words
    # glued only near the end: the pieces must be those of every GLUED_RE place looked at in turn
    import random
    import stripper.segment.text as seg
    rnd = random.Random(41)
    pieces = ["mon", "th", "This", "is", "world", ".", "The", "!", "?", "Share", "Share this article", "Print",
              "Read more", " ", "é", "Éa", "×", "÷", "ÀÀ", "😀", "x" * 20, "iPhone", "By Ellen Park", "world.The",
              "ParkShare this", "mail!Print", "YouTube", "ab.", "A", "a", "Top", "Menu", "Next", "Back to top"]

    split = 0
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))).strip()
        if text:
            got = seg.split_glued(text, frozenset())
            assert got == _split_at_every_place(text, frozenset()), text
            split += len(got) > 1
    assert split > 2000


def test_code_runs_found_from_the_code_lines_are_those_of_the_walk_over_every_block():
    # _merge_code_runs starts looking for runs only shortly before each code line (_code_lines):
    # it merges what the walk over every block (the reference: run_at asked at each block it
    # comes to) merges, on pages of code lines, code context, prose and other kinds of block
    import random
    import stripper.segment.text as seg
    from stripper.model import ITEM

    def reference(texts, kinds, gaps, lines):
        def run_at(i):
            j, strong = i, 0
            while j < len(texts) and kinds[j] == PARA and (gaps[j] <= seg.CODE_GAP_MAX or j == i) \
                    and (seg._code_line(texts[j]) or seg._code_context(texts[j])):
                strong += seg._code_line(texts[j])
                j += 1
            end = j
            while j > i and not seg._code_line(texts[j - 1]):
                j -= 1
            if j - i >= seg.CODE_RUN_MIN and strong >= seg.CODE_STRONG_MIN:
                return j, "\n".join(texts[i:j]), PRE
            return end, None, ""
        return seg._merge_runs(texts, kinds, gaps, lines, run_at)

    rnd = random.Random(5)
    pool = ["x = f(y);", "}", "// note", "if (a) {", "SELECT avg(n)", "FOO = 1", "He came; he saw.",
            "The end of it all.", "Menu", "{{ name }}", "$ ls", "a[i] = b;", "END", "x += 1", "(see above)"]
    merged = 0
    for _ in range(3000):
        n = rnd.randint(1, 25)
        texts = [rnd.choice(pool) for _ in range(n)]
        kinds = [ITEM if rnd.random() < 0.1 else PARA for _ in range(n)]
        gaps = [rnd.choice((0, 0, 0, 1, 3)) for _ in range(n)]
        lines = list(range(1, n + 1))
        want = reference(texts, kinds, gaps, lines)
        code = seg._code_lines(texts)
        assert code == [i for i, t in enumerate(texts) if seg._code_line(t)]
        got = seg._merge_code_runs(texts, kinds, gaps, lines, code) if code else (texts, kinds, gaps, lines)
        assert [list(x) for x in got] == [list(x) for x in want], texts
        merged += got[0] != texts
    assert merged > 500


def test_a_line_whose_element_gaps_are_all_at_its_ends_is_one_cell_its_text():
    # segment_text takes such a line (an indented line of a BeautifulSoup dump) as its stripped
    # text, without splitting it at the gaps: the blocks must be those of the one cell the split
    # gives, on lines with zero widths, other spaces, glued words and bullets around the gaps
    import random
    import stripper.segment.text as seg
    rnd = random.Random(3)
    edges = [" ", "   ", "    ", "\xa0", "\u3000", "\u2028", "\x0b", "\u200b", "\ufeff", "\u00ad", "  \u200b "]
    inner = ["text", "monthThis", "month\u200bThis", "a  b", "world.The", "- item", "• dot", "1. one", "x = 1;",
             "\u00adsoft", "lower case", "Share this article", "é\u200c", "ok\xa0now", "//"]
    stop = frozenset({"this", "the"})
    taken = 0
    for _ in range(20000):
        raw = ("".join(rnd.choice(edges) for _ in range(rnd.randint(0, 3)))
               + " ".join(rnd.choice(inner) for _ in range(rnd.randint(1, 3)))
               + "".join(rnd.choice(edges) for _ in range(rnd.randint(0, 3))))
        if seg.ELEMENT_GAP not in raw or seg.ELEMENT_GAP in raw.strip() or raw.isspace():
            continue
        parts = [c for c in raw.split(seg.ELEMENT_GAP) if c and not c.isspace()]
        assert len(parts) == 1
        for text in (raw, "Before it\n" + raw, "A line of some length, and more\n" + raw + "\nafter it"):
            want = segment_text(text.replace(raw, parts[0]), stop)
            assert [(b.text, b.kind, b.gap_before, b.line) for b in segment_text(text, stop)] == \
                [(b.text, b.kind, b.gap_before, b.line) for b in want], repr(raw)
        taken += 1
    assert taken > 5000


def test_the_label_gate_keeps_every_label_a_glued_word_opens():
    # split_glued asks _label_tail only of a glued word that lowered opens an entry of the share
    # or ui list (_label_starts). The gate lowers where the phrase lists match ignoring case:
    # every letter a glued word may hold must match an entry's character ignoring case only
    # where it lowers to it; and every entry, glued after a word with its first letter as a
    # capital (or all in capitals after it), is cut where the reference scan of every place cuts.
    import re
    import stripper.segment.text as seg
    from stripper.phrases import _entries
    starts = seg._label_starts()
    assert starts is not None
    letters = [chr(c) for c in [*range(ord("A"), ord("Z") + 1), *range(0xC0, 0xDF), *range(ord("a"), ord("z") + 1),
                                *range(0xE0, 0x100)]]
    entry_chars = {c for name in ("share", "ui") for line in _entries(name) for c in line.lower()}
    for c in letters:
        for e in entry_chars:
            if re.fullmatch(re.escape(e), c, re.I):
                assert c.lower() == e, (c, e)

    split = 0
    for name in ("share", "ui"):
        for line in _entries(name):
            phrase = line.lstrip("=")
            for label in (phrase[:1].upper() + phrase[1:], phrase.title(), phrase[:1].upper() + phrase[1:].upper(),
                          phrase[:1].upper() + phrase[1:] + ".", phrase[:1].upper() + phrase[1:4]):
                for text in ("By Ellen Park" + label, "month" + label, "a" + label, "the menuItem" + label):
                    for sw in (frozenset(), frozenset({"this", "the"}), frozenset({label.lower()})):
                        got = seg.split_glued(text, sw)
                        assert got == _split_at_every_place(text, sw), text
                        split += len(got) > 1
    assert split > 500


def test_word_before_is_the_run_of_non_spaces_ending_there():
    # _word_before takes the token from the last " " when what lies between is printable: the
    # same token as the walk back to the first white space, on strings of every kind of space
    import random
    import stripper.segment.text as seg
    rnd = random.Random(43)
    pieces = ["a", "B", "é", " ", "  ", "\t", "\u00a0", "\u2028", "\u3000", "\u200b", "\u00ad", ".", "x" * 30]

    def walk(text, pos):
        start = pos
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        return text[start:pos]

    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        for pos in range(len(text) + 1):
            assert seg._word_before(text, pos) == walk(text, pos), (text, pos)


def test_glue_lines_are_the_lines_holding_the_glue_shape():
    # glue_lines looks for GLUE_SHAPE by its first three bytes and then the fourth: the lines it
    # gives are those whose bytes of classes hold the whole shape, line by line
    import random
    import stripper.segment.text as seg
    rnd = random.Random(47)
    pieces = ["a", "b", "A", "B", "é", "É", ".", "!", "?", " ", "\n", "\n\n", "aaA", "aaAA", "aaAa", "aa.Ab", "😀",
              "\u4161", "×", "÷", "iPhone", "mon", "This", "x" * 10]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        want = {n for n, line in enumerate(text.split("\n"), 1)
                if seg.GLUE_SHAPE in line.encode("latin-1", "ignore").translate(seg._GLUE_CLASSES)}
        assert seg.glue_lines(text) == want, text


def _split_at_every_place(text, stopwords):
    """What split_glued gives, the slow way: every GLUED_RE place looked at in turn (a glued
    sentence end, a glued stopword after a lower-case word, a share or interface label near the
    end after a word of letters)."""
    import stripper.segment.text as seg
    cuts = []
    for m in seg.GLUED_RE.finditer(text):
        at = m.start()
        if m.end() - at == 1 or (stopwords and m.group().lower() in stopwords
                                 and seg._lower_token_before(text, at)) \
                or (len(text) - at <= seg.LABEL_MAX_CHARS and seg._label_tail(text[at:])
                    and seg._word_before(text, at).isalpha()):
            cuts.append(at)
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [p.strip() for p in (text[a:b] for a, b in zip(bounds, bounds[1:])) if p.strip()]


def test_glue_cut_lines_give_every_line_split_glued_cuts_without_stopwords():
    # glue_cut_lines gives, of lines with no line end of their own, every one that split_glued
    # with no stopwords cuts (a sentence end glued, or a label glued near the line's end), and
    # only lines glue_lines gives
    import random
    import stripper.segment.text as seg
    rnd = random.Random(53)
    pieces = ["a", "b", "A", "É", "é", ".", "!", "?", " ", "e.V.", "mon", "th", "This", "iPhone", "Share",
              "Follow", "Log In", "Read more", "Sc", "😀", "\u4161", "×", "÷", "x" * 10, "y" * 30, "Mr.Smith",
              "world.The", "ParkShare this article", "’",
              "Jump to navigation skip navigation", "!", "!!", "!!!!"]   # (a label 34 to 40 characters long)
    cut = 0
    for _ in range(6000):
        lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14))) for _ in range(rnd.randint(1, 4))]
        text = "\n".join(lines)
        got = seg.glue_cut_lines(text)
        assert got <= seg.glue_lines(text), text
        for n, line in enumerate(lines, 1):
            if seg.split_glued(line, frozenset()) != [line]:
                cut += 1
                assert n in got, (text, n)
    assert cut > 300
    # at the bound: a label glued at most LABEL_MAX_CHARS characters from the end
    outcomes = set()
    for k in range(10):
        for before in ("month", "mon😀th", "a.b"):
            line = before + "Jump to navigation skip navigation" + "!" * k
            cuts = seg.split_glued(line, frozenset()) != [line]
            outcomes.add(cuts)
            assert not cuts or 1 in seg.glue_cut_lines(line), line
    assert outcomes == {True, False}
