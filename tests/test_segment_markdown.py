"""Markdown segmentation: what the blocks of a crawler markdown dump are."""
from stripper.model import HEADING, ITEM, PARA
from stripper.segment.text import segment_markdown, strip_markdown_inline


def blocks(text):
    return [(b.kind, b.text) for b in segment_markdown(text)]


def test_underscore_emphasis_is_removed_and_snake_case_kept():
    text = "**Ankush Dua** _contributed a fix for the devtools optional_permission_ (see below)\n"
    assert blocks(text) == [(PARA, "Ankush Dua contributed a fix for the devtools optional_permission (see below)")]


def test_underscores_around_bold_and_with_inner_spaces_go():
    assert strip_markdown_inline("Technology GUI _ **Oxyd**_ and _**kovarex**_")[0] == "Technology GUI Oxyd and kovarex"
    assert strip_markdown_inline("^ _**a**_ _**b**_ Population")[0] == "^ a b Population"


def test_escaped_and_inline_code_underscores_stay():
    assert strip_markdown_inline(r"my\_var")[0] == "my_var"
    assert strip_markdown_inline("call `_private` now")[0] == "call _private now"


def test_link_text_holding_brackets_is_unwrapped():
    s, links = strip_markdown_inline("loop.[[1]](https://en.wikipedia.org/wiki/X#cite_note-1) It")
    assert s == "loop.[1] It" and links == 3
    s, _ = strip_markdown_inline("(Māori: _Aotearoa_ [[aɔˈtɛaɾɔa]](/wiki/Help:IPA \"Help:IPA\"))")
    assert s == "(Māori: Aotearoa [aɔˈtɛaɾɔa])"


def test_heading_inside_a_list_item_is_a_heading():
    got = segment_markdown("  * #####  [These Weeks in Firefox: Issue 106](https://example.org/106)\n\nDecember 17\n")
    assert [(b.kind, b.level, b.text) for b in got] == [
        (HEADING, 5, "These Weeks in Firefox: Issue 106"), (PARA, 0, "December 17")]
    assert got[0].link_chars == len(got[0].text)


def test_empty_list_item_makes_no_block():
    text = "  * [Share on Reddit](https://x.org/r)\n  * \n\n### Like this:\n"
    assert blocks(text) == [(ITEM, "Share on Reddit"), (HEADING, "Like this:")]


def test_indented_code_after_a_line_of_spaces_is_one_pre_block():
    from stripper.model import PRE
    text = ("Add this line to your test file:\n    \n    \n    <script src=\"vendor/blanket.js\"\n"
            "            data-cover=\"x\"></script>\n    \n    var a = [link](http://x.org) * b;\n    \n\n"
            "Source files: here.\n")
    got = segment_markdown(text)
    assert [(b.kind, b.text) for b in got] == [
        (PARA, "Add this line to your test file:"),
        (PRE, '<script src="vendor/blanket.js"\n        data-cover="x"></script>\n\nvar a = link * b;'),
        (PARA, "Source files: here.")]
    assert got[1].link_chars == 4


def test_indented_text_with_markdown_headings_is_not_code():
    text = "Intro line.\n    \n    Wenn der Baroni das schafft.\n    \n    #### _Das mit den Gläsern_\n"
    assert blocks(text) == [(PARA, "Intro line."), (PARA, "Wenn der Baroni das schafft."),
                            (HEADING, "Das mit den Gläsern")]


def test_indented_lines_without_the_opening_line_of_spaces_stay_text():
    text = "  * The entries are real.\n\n     _Proof:_ By definition\n"
    assert blocks(text) == [(ITEM, "The entries are real."), (PARA, "Proof: By definition")]


def test_thematic_breaks_make_no_block_and_cost_linear_time():
    import time
    assert blocks("One.\n\n* * *\n\n---\n___\nTwo.\n") == [(PARA, "One."), (PARA, "Two.")]
    assert blocks("- - x\n") == [(ITEM, "- x")]
    line = "- " * 200_000 + "x"
    t = time.process_time()
    segment_markdown(line)
    assert time.process_time() - t < 2.0


def test_table_rows_after_the_separator_are_rows_in_and_out_of_quotes():
    from stripper.model import QUOTE, TABLE
    text = ("> | Release | Date  \n> ---|---  \n> [4.2.3](http://x.org/a) | April 2014  \n> 4.1.6 | May 2014  \n\n"
            "Name | Goals\n---|---\nLea | 1993; 2007\n\nA line | with a bar.\n")
    assert blocks(text) == [(QUOTE, "| Release | Date"), (TABLE, "4.2.3 April 2014"), (TABLE, "4.1.6 May 2014"),
                            (PARA, "Name | Goals"), (TABLE, "Lea 1993; 2007"), (PARA, "A line | with a bar.")]


def test_a_line_break_before_a_new_sentence_parts_two_blocks():
    text = ("The overall rankings were as follows:   \n1\\. Finland    \n2\\. Norway\n\n"
            "It was a cold and windy  \nmorning in the town.  \nThen it rained.\n")
    assert blocks(text) == [(PARA, "The overall rankings were as follows:"), (PARA, "1. Finland"),
                            (PARA, "2. Norway"), (PARA, "It was a cold and windy morning in the town."),
                            (PARA, "Then it rained.")]


def test_lines_without_a_line_break_mark_stay_one_paragraph():
    assert blocks("First line of it\nSecond line.\n") == [(PARA, "First line of it Second line.")]


def test_indented_runs_ending_in_a_heading_are_scanned_once():
    import time
    text = "    \n    x = 1;\n" * 20_000 + "    ## h\n"
    t = time.process_time()
    got = segment_markdown(text)
    assert time.process_time() - t < 5.0
    assert got[-1].kind == HEADING and all(b.kind != "pre" for b in got)


def test_whole_line_link_fast_path_agrees_with_the_pattern():
    # _whole_line_link finds a plain link by str.find; where it answers, the link pattern's sub()
    # must find exactly that one match, spanning the line
    import random
    import sys
    import stripper.segment.text as seg
    for c in map(chr, range(sys.maxunicode + 1)):
        if c != " " and c.isspace():
            assert not c.isprintable(), hex(ord(c))
    rnd = random.Random(7)
    pieces = ["[", "]", "(", ")", "](", "a", "é", " ", "\t", "\u00a0", "\u00ad", '"', "x y", "![", ' "', "\n"]

    def some(k):
        return "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, k)))

    answered = 0
    for n in range(60000):
        if n % 2:
            s = "[" + some(8) + ")"
        else:   # (the shape of a link, with a title or not)
            title = rnd.choice(["", ' "' + some(3) + rnd.choice(["", "t" * 499, "t" * 500]) + '"'])
            s = "[" + some(2) + "](" + some(2) + rnd.choice(["", "u"]) + title + ")"
        text = seg._whole_line_link(s)
        if text is not None:
            answered += 1
            found = []
            assert seg.MD_LINK_RE.sub(lambda m: found.append(m.group(1)) or "", s) == "", s
            assert found == [text], s
        assert seg._unwrap_inline_links(s) == reference_unwrap(s), s
    assert answered > 1000


def reference_unwrap(s):
    import stripper.segment.text as seg
    n = 0

    def unwrap(m):
        nonlocal n
        inner = m.group(1).strip()
        n += len(inner)
        return inner

    for _ in range(2):
        s2 = seg.MD_LINK_RE.sub(unwrap, s)
        if s2 == s:
            break
        s = s2
    s = seg.MD_AUTOLINK_RE.sub(unwrap, seg.MD_REF_LINK_RE.sub(unwrap, s))
    return s, n


def test_link_line_short_path_agrees_with_the_long_path(monkeypatch):
    # segment_markdown takes a line that MD_LINK_LINE_RE matches on a short path (and the link
    # items after a link item in one inner loop); with the pattern matching nothing every line
    # takes the long one, and the blocks must be the same
    import random
    import stripper.segment.text as seg
    rnd = random.Random(11)
    link_pieces = ["a", "B c", " ", "é", "\u00ad", "#", "*", "_", "\\", "`", "<", "|", '"', "!", "[", "]", "(", ")",
                   "](", "x y", "\t", ">"]
    addresses = ["/", "/news", "http://x.org/a?b=1&c=2", "a b", "a|b", "é", "a(b)", ""]
    titles = ["", ' "Title"', ' "T ', ' ""', ' "a](b "', ' "x|y"', ' "a [b]"', '  "two"', ' "' + "t" * 500 + '"',
              ' "' + "t" * 501 + '"']
    others = ["", "", "plain text line", "lower case goes on", "Next sentence.", "  ", "---|---", "a | b | c",
              "```", "    ", "    code = 1;", "# Heading", "> quote", "* * *", "[ref]: http://x", "ends in break  "]

    def text():
        if rnd.random() < 0.5:
            return rnd.choice(["News", " Home ", "", "a  b", "é\u00ad"])
        return "".join(rnd.choice(link_pieces) for _ in range(rnd.randint(0, 4)))

    def line():
        if rnd.random() < 0.4:
            return rnd.choice(others)
        lead = rnd.choice(["", "", "  ", "    ", "      "]) + rnd.choice(["", "* ", "- ", "+ ", "*  ", "1. "])
        return (lead + "[" + text() + "](" + rnd.choice(addresses) + rnd.choice(titles) + ")"
                + rnd.choice(["", "", "", "", " ", " (3)", "  "]))

    pages = ["\n".join(line() for _ in range(rnd.randint(1, 12))) for _ in range(6000)]
    assert _short_path_agrees(monkeypatch, "MD_LINK_LINE_RE", pages) > 1000


def test_glued_paragraphs_are_split_where_glue_lines_gives_them(monkeypatch):
    # segment_markdown asks GLUED_RE only of the paragraphs glue_lines gives, read together one a
    # line: with every paragraph given, the blocks must be the same
    import random
    import stripper.segment.text as seg
    rnd = random.Random(19)
    pieces = ["mon", "th", "This", "is", "world", ".", "The", "!", "Share", " ", "é", "Éa", "×", "😀" * 5, "\u200b",
              "\u00ad", "**", "*", "_", "[a](b)", "[Aa](b)", "[This is](b)", "[Share](c)", "`", "\\\\", "iPhone", "  \n", "\n", "\n\n", "# ", "* ",
              "> ", "x_y", "Read more"]
    stops = frozenset(["this", "the", "is", "read", "share"])
    pages = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40))) for _ in range(5000)]
    fast = [seg.segment_markdown(p, stops) for p in pages]
    monkeypatch.setattr(seg, "glue_lines", lambda text: set(range(1, text.count("\n") + 2)))
    for page, got in zip(pages, fast):
        assert got == seg.segment_markdown(page, stops), page
    # and they are those of the paragraphs whole, each then split as split_glued splits it (the
    # first piece keeps the paragraph's gap and link characters, within its length)
    split_glued = seg.split_glued
    monkeypatch.setattr(seg, "split_glued", lambda text, stopwords: [text])
    differ = 0
    for page, got in zip(pages, fast):
        want = []
        for b in seg.segment_markdown(page, stops):
            parts = split_glued(b.text, stops) if b.kind == PARA and seg.GLUED_RE.search(b.text) else [b.text]
            want.append(b._replace(text=parts[0], link_chars=min(b.link_chars, len(parts[0]))))
            want.extend(b._replace(text=p, link_chars=0, gap_before=0) for p in parts[1:])
        want = [b._replace(index=i) for i, b in enumerate(want)]
        assert got == want, page
        differ += len(want) > len(seg.segment_markdown(page, stops))
    assert differ > 500


def test_plain_line_short_path_agrees_with_the_long_path():
    # segment_markdown takes a plain line of prose (it opens with a letter and holds no mark the
    # long path reads) on a short path: with a backtick at the end of every line that opens with a
    # letter, before its trailing spaces (the long path then takes them all, and drops it: it
    # opens no inline code, and ends an emphasis or a link as the line's end does; a line where
    # it is escaped, as strip_markdown_inline tells, is left as it is), the blocks must be the same
    # (no fences: their lines are kept as written; a line that may close a link's title, '")', is
    # left as it is too: what follows that is read alone)
    import random
    import stripper.segment.text as seg
    rnd = random.Random(23)
    pieces = ["plain text", "lower case goes on", "Next sentence.", "é", "\u00ad", "\u200b", "  ", " ", "\t", "a  b",
              "*", "_", "x_y", "\\", "`", "<", "|", "[", "]", "[a](b)", '[a](b "T', 'c")', "!", "-", "#", ">", ",",
              "monthThis", "world.The", "which", "\u00a0", "1. ", "* ", "# ", "> ", "---", "a | b | c", "    ",
              "    code = 1;", "[ref]: http://x", "*em*", "**bold**", "_it_", "<http://x.org>", "\\!", '](x "Ti']

    def line():
        if rnd.random() < 0.2:
            return ""
        return "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 5)))

    stops = frozenset(["this", "the", "is", "which"])
    taken = 0
    for _ in range(6000):
        lines = [line() for _ in range(rnd.randint(1, 10))]
        page = "\n".join(lines)
        slow = "\n".join(ln.rstrip() + "`" + ln[len(ln.rstrip()):] if ln[:1].isalpha() and '")' not in ln
                         and strip_markdown_inline(ln.strip() + "`") == strip_markdown_inline(ln.strip()) else ln
                         for ln in lines)
        taken += sum(ln[:1].isalpha() for ln in lines)
        for sw in (stops, frozenset()):
            assert seg.segment_markdown(page, sw) == seg.segment_markdown(slow, sw), page
    assert taken > 5000


def test_possessive_link_line_pattern_agrees_with_the_backtracking_one():
    # MD_LINK_LINE_RE's runs of spaces, text and address are possessive: on every line it must
    # match where the same pattern without them matches, with the same groups
    import random
    import re
    import stripper.segment.text as seg
    plain = re.compile(re.sub(r"(?<=[ \]])\*\+", "*", seg.MD_LINK_LINE_RE.pattern))   # (not the bullet class's "*+")
    assert plain.pattern.count("*+") == 1
    rnd = random.Random(37)
    pieces = [" ", "  ", "* ", "- ", "+ ", "*", "[", "]", "(", ")", "](", "[a", "text", "#", "\"", " \"T\"", "/x",
              "é", "|", "_", "<", "\\", "`", ")(", "] (", "[News](/news)", '[a](b "c")', "~", "{", "}"]
    taken = 0
    for _ in range(30000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8)))
        fast, slow = seg.MD_LINK_LINE_RE.fullmatch(line), plain.fullmatch(line)
        assert (fast is None) == (slow is None), line
        if fast is not None:
            assert fast.groups() == slow.groups(), line
            taken += 1
    assert taken > 200


def test_underscores_without_backslash_go_as_run_by_run():
    # a line with no backslash has its underscores taken out by one UNDERSCORE_EDGE_RE sub: the
    # same line as run by run, and as MD_UNDERSCORE_RE's sub
    import random
    import stripper.segment.text as seg
    rnd = random.Random(43)
    pieces = ["_", "__", "___", "a", "Z", "1", " ", "é", "ß", "中", "-", ".", "*", "x_y", "_a_", "__b__", "\ue192", "²", "Ⅷ"]
    kept = 0
    for _ in range(30000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10)))
        want = seg._drop_underscore_runs(s)
        assert seg._drop_underscores(s) == want == seg.MD_UNDERSCORE_RE.sub("", s), s
        kept += "_" in want
    assert kept > 3000


def test_image_line_short_path_agrees_with_the_long_path(monkeypatch):
    # segment_markdown skips a line that MD_IMAGE_LINE_RE matches (one image, or one link around
    # an image: no text) on a short path; with the pattern matching nothing every line takes the
    # long one, and the blocks must be the same
    import random
    import stripper.segment.text as seg
    rnd = random.Random(23)
    alts = ["", "Logo", "a b", "é", "*x*", "_y_", "\\", "`", "<", "|", '"', "!", "[", "]", "(", ")", "a" * 500,
            "a" * 501, "#"]
    addresses = ["", "/", "/a.png", "data:image/png;base64,AAA", "a b", "a|b", "é", "a(b)", "x![y", "a]b", "<x>",
                 "a_b", "\\x"]
    titles = ["", ' "Title"', ' "T ', ' ""', ' "a)b"', ' "x|y"', ' " "', '  "two"', ' "' + "t" * 500 + '"',
              ' "' + "t" * 501 + '"']
    others = ["", "", "plain text line", "lower case goes on", "Next sentence.", "  ", "---|---", "a | b | c",
              "```", "    ", "    code = 1;", "# Heading", "> quote", "* [News](/news)", "ends in break  ", "* item"]

    def image():
        return "![" + rnd.choice(alts) + "](" + rnd.choice(addresses) + rnd.choice(titles) + ")"

    def line():
        if rnd.random() < 0.4:
            return rnd.choice(others)
        lead = rnd.choice(["", "", "  ", "    "]) + rnd.choice(["", "", "* ", "- ", "+ ", "*  ", "1. "])
        if rnd.random() < 0.5:
            body = image()
        else:
            body = ("[" + rnd.choice(["", " ", "  ", "x"]) + image() + rnd.choice(["", " ", "y"]) + "]("
                    + rnd.choice(addresses) + rnd.choice(titles) + ")")
        return lead + body + rnd.choice(["", "", "", " ", " (3)", "  ", ")"])

    pages = ["\n".join(line() for _ in range(rnd.randint(1, 12))) for _ in range(6000)]
    assert _short_path_agrees(monkeypatch, "MD_IMAGE_LINE_RE", pages) > 500


def _short_path_agrees(monkeypatch, pattern, pages):
    """Segments the pages as they are, then with the short path's pattern (a name in
    stripper.segment.text) matching nothing, so that every line takes the long path: the blocks
    must be the same. Returns how many lines the pattern took (the test must exercise it)."""
    import re
    import stripper.segment.text as seg

    def blocks(page):
        return [tuple(b) for b in seg.segment_markdown(page)]

    short = [blocks(p) for p in pages]
    taken = sum(bool(getattr(seg, pattern).fullmatch(ln)) for p in pages for ln in p.split("\n"))
    monkeypatch.setattr(seg, pattern, re.compile(r"(?!)"))
    for page, got in zip(pages, short):
        assert got == blocks(page), page
    return taken


def test_no_block_is_empty():
    # segment_markdown builds its blocks from every text it gathered, trusting each to hold
    # something (an open fence of blank lines, an empty item, heading or link give none)
    import random
    import stripper.segment.text as seg
    rnd = random.Random(61)
    pieces = ["```", "~~~", "\n", "\n\n", "   \n", "* ", "# ", "> ", "[ ](x)", "* [ ](x)", "![](i.png)", "**", "__",
              "a", "Word", "|", " | ", "--", "    ", "\t", "\\\\", "`", "[a](b)", "<https://x.org>", "\u200b", "monthThis"]
    for _ in range(8000):
        page = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
        for stops in (frozenset(), frozenset(["this"])):
            blocks = seg.segment_markdown(page, stops)
            assert all(b.text for b in blocks), page
            assert [b.index for b in blocks] == list(range(len(blocks)))
    assert [b.text for b in seg.segment_markdown("a\n\n```\n\n   \n")] == ["a"]


def test_spaces_are_the_patterns_whitespace():
    # SPACES lists exactly the characters \s matches, and str.isspace() is true of
    import re
    import sys
    import stripper.segment.text as seg
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert "".join(re.findall(r"\s", every)) == "".join(c for c in every if c.isspace()) == "".join(sorted(seg.SPACES))


def test_classes_spelled_as_ranges_are_the_negated_classes():
    # _class_but(chars) takes every character but chars, as "[^chars]" does, over every code point
    import re
    import sys
    import stripper.segment.text as seg
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for chars in ("[]\n", "()" + seg.SPACES, '[]\n"*_\\`<|', '[]\n"<|', '[]\n"|', '"\n', '"\n[]|', '"\n[]()|', "\n", "*\n", ")\n", "\x00", "\U0010ffff"):
        negated = "[^" + "".join("\\x%02x" % ord(c) if ord(c) < 256 else c for c in chars) + "]"
        assert re.sub(seg._class_but(chars), "", every) == re.sub(negated, "", every) == "".join(sorted(set(chars))), chars
    assert seg._ADDRESS_CHAR == seg._class_but("()" + seg.SPACES)   # [^()\s]


def test_emphasis_pattern_agrees_with_the_lookbehind_first_one():
    # MD_EMPH_RE tests a closing mark before the character in front of it: the same matches and
    # groups as the pattern that looks back first
    import random
    import re
    import stripper.segment.text as seg
    first = re.compile(r"\*\*(?=\S)([^\n]{1,300}?)(?<=\S)\*\*|__(?=\S)([^\n]{1,300}?)(?<=\S)__"
                       r"|\*(?<![\w*]\*)(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")
    rnd = random.Random(41)
    pieces = ["*", "**", "***", "_", "__", "a", "bold", " ", "  ", "\n", "\t", "\u3000", "é", "1", ".", "x*y", "**b**", "_i_"]
    found = 0
    for _ in range(30000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        got = [(m.span(), m.groups()) for m in seg.MD_EMPH_RE.finditer(s)]
        assert got == [(m.span(), m.groups()) for m in first.finditer(s)], s
        found += bool(got)
    assert found > 5000


def test_escapes_joined_from_the_split_are_the_sub():
    # strip_markdown_inline drops escapes by joining MD_ESCAPE_RE.split: the sub of its group
    import random
    import stripper.segment.text as seg
    rnd = random.Random(47)
    pieces = ["\\", "\\\\", "\\_", "\\*", "\\[", "\\]", "\\#", "\\a", "a", " ", "_", "é", "\\\\\\_", "\\`", "\\|", "\\~"]
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10)))
        assert "".join(seg.MD_ESCAPE_RE.split(s)) == seg.MD_ESCAPE_RE.sub(r"\1", s), s
    assert strip_markdown_inline(r"my\_var a\\b \#1")[0] == r"my_var a\b #1"
