"""Pipeline-level behaviour that no single stage owns."""
import stripper
from stripper.phrases import load_phrases, normalize_block


def test_a_page_whose_one_block_is_also_its_title_keeps_it_as_the_body():
    line = ("The harbour council approved the new sea wall on Tuesday evening after a long debate, and "
            "work is due to start in the spring, the harbour master said.")
    art = stripper.strip(line, input_format="text")
    assert art.text == line


def test_the_title_line_still_leaves_a_longer_body():
    title = "Harbour council approves new sea wall"
    paras = ["The harbour council approved the new sea wall on Tuesday evening after a long debate that "
             "filled the public gallery until late into the night.",
             "Work is due to start in the spring and to last two years, the harbour master said, adding that "
             "fishing boats would be moved to the north quay meanwhile."]
    art = stripper.strip("\n\n".join([title, *paras]), input_format="text")
    assert art.title == title
    assert not art.text.startswith(title)


def test_an_ellipsis_at_the_end_of_a_block_is_edge_punctuation():
    assert normalize_block("Das könnte Dich auch interessieren …") == "das könnte dich auch interessieren"
    assert normalize_block("Read more...") == normalize_block("Read more…") == "read more"
    assert load_phrases("related").whole("Most popular …") == "most popular"


def test_a_markdown_headline_ending_in_a_full_stop_is_the_title():
    head = "A forgotten library held up half the web's date parsing. Its maintainer now wants to retire."
    paras = ["For eleven years one volunteer has kept a small date library alive in the evenings and at "
             "weekends, answering bug reports from companies many times the size of his own household.",
             "Last month he posted a short note at the top of the project page saying he would step down "
             "at the end of the year, and asking for someone to take over the work."]
    art = stripper.strip("\n\n".join([f"# {head}", "By Nadia Osei · March 12, 2024", *paras]),
                         input_format="markdown")
    assert art.title == head
    assert head not in art.text
    # the same sentence as a plain paragraph of a text dump is prose, not a title
    art = stripper.strip("\n\n".join([head, *paras]), input_format="text")
    assert art.title != head


TEASERS = [("Council delays vote on the downtown stadium",
            "The mayor asked for more time to negotiate with the owners over who pays for the roads."),
           ("Police name the driver in the Route 9 crash",
            "The 34-year-old from Lakeview was taken to hospital with serious injuries on Tuesday."),
           ("School board approves later start times",
            "Classes will begin at 8:45 a.m. from next autumn after a two-year study of sleep."),
           ("New bakery on Elm Street draws long lines",
            "The owners spent ten years selling bread at the market before opening their first shop.")]


def test_a_page_of_teasers_each_with_a_read_more_link_is_no_article():
    units = [f"{head}\n{blurb}\n2 hours ago\nRead more" for head, blurb in TEASERS]
    page = "Local News\n\nLatest\n\n" + "\n\n".join(units) + "\n\n© 2024 All rights reserved"
    try:
        stripper.strip(page, input_format="text")
    except stripper.NoArticleError as e:
        assert "teasers" in str(e)
    else:
        raise AssertionError("a listing of teasers was returned as an article")


def test_an_article_beside_read_more_teasers_is_kept():
    # the same teasers in a sidebar, and an article whose paragraphs are an article's
    para = ("The harbour council approved the new sea wall on Tuesday evening after a long debate that "
            "filled the public gallery until late into the night, and the vote was closer than expected. "
            "Work is due to start in the spring and to last two years, the harbour master said, adding that "
            "fishing boats would be moved to the north quay while the old wall is taken down in sections.")
    units = [f"{head}\n{blurb}\nRead more" for head, blurb in TEASERS]
    page = "Harbour council approves new sea wall\n\n" + "\n\n".join([para, para.replace("Tuesday", "Monday")]) \
        + "\n\nMore news\n\n" + "\n\n".join(units)
    art = stripper.strip(page, input_format="text")
    assert "sea wall" in art.text


def _old_teaser_listing(blocks, kept):
    from stripper import pipeline as P
    from stripper.phrases import load_phrases
    if not kept or any(len(blocks[i].text.split()) > P.TEASER_MAX_WORDS_DEFAULT for i in kept):
        return 0
    more = load_phrases("readmore")
    links = [i for i, b in enumerate(blocks) if len(b.text) <= P.READ_MORE_MAX_CHARS and more.whole(b.text)]
    if len(links) < P.LISTING_MIN_LINKS_DEFAULT:
        return 0
    followed = sum(1 for i in kept if any(i < j <= i + P.TEASER_LINK_GAP_DEFAULT for j in links))
    return len(links) if followed >= P.LISTING_TEASER_SHARE_DEFAULT * len(kept) else 0


def test_teaser_listing_counted_from_the_kept_blocks_first_agrees_with_the_whole_page_count():
    # _teaser_listing reads the blocks after the kept ones before it counts the page's read-more
    # links: the answer must be that of counting them first.
    import random
    from stripper import pipeline as P
    from stripper.model import Block
    rng = random.Random(3)
    pool = ["Read more", "Weiterlesen »", "read more ›", "More", "A short teaser for another story.",
            "Home", "A teaser of " + "many words " * 40, "Read more about the ferry and the islands"]
    found = 0
    for n in range(3000):
        blocks = [Block(i, rng.choice(pool)) for i in range(rng.randint(0, 25))]
        kept = sorted(rng.sample(range(len(blocks)), rng.randint(0, len(blocks))))
        got = P._teaser_listing(blocks, kept)
        assert got == _old_teaser_listing(blocks, kept), ([b.text for b in blocks], kept)
        found += got > 0
    assert found > 100


def test_a_run_leaves_no_reference_cycles():
    # A page's blocks and the rules' context must be freed by reference counting when the run
    # ends: objects in a cycle wait for the garbage collector, whose passes then cost every page.
    import gc
    from pathlib import Path
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    pages = [(fixtures / "seed-news-paywall-dump" / "source.txt", "text"),
             (fixtures / "newsletter-signup-markdown" / "source.md", "markdown")]
    for path, fmt in pages:
        data = path.read_bytes()
        stripper.strip(data, input_format=fmt)   # (loads the lazy phrase lists first)
        gc.collect()
        was = gc.isenabled()
        gc.disable()
        try:
            stripper.strip(data, input_format=fmt)
            assert gc.collect() == 0, path.parent.name
        finally:
            if was:
                gc.enable()


def test_the_words_cache_is_emptied_after_a_page_that_overfills_it(monkeypatch):
    # lower_words' cache has no bound of its own: a run empties it once it holds more than
    # WORDS_CACHE_MAX texts, and keeps it below that
    from stripper import language
    from stripper.errors import StripperError
    monkeypatch.setattr(language, "WORDS_CACHE_MAX", 50)
    language.lower_words.cache_clear()
    small = "\n\n".join(f"Paragraph {i} of the story, with words enough to read as prose here." for i in range(5))
    try:
        stripper.strip(small)
    except StripperError:
        pass
    kept = language.lower_words.cache_info().currsize
    assert 0 < kept <= 50   # (a small page's words stay for the pages after it)
    big = "\n\n".join(f"Line number {i} of a long page, with some words in it for the story." for i in range(200))
    try:
        stripper.strip(big)
    except StripperError:
        pass
    assert language.lower_words.cache_info().currsize == 0


def test_the_words_cache_keeps_no_page_for_the_next():
    # as set (WORDS_CACHE_MAX = 0), a run leaves lower_words' cache empty, whatever the page
    from stripper import language
    from stripper.errors import StripperError
    assert language.WORDS_CACHE_MAX == 0
    try:
        stripper.strip("\n\n".join(f"Paragraph {i} of the story, with words enough to read as prose." for i in range(5)))
    except StripperError:
        pass
    assert language.lower_words.cache_info().currsize == 0


def test_teaser_listing_word_limit_counted_as_split_counts_it():
    # The first question stops splitting a kept text after TEASER_MAX_WORDS_DEFAULT cuts: texts of
    # exactly that many words and one more, with white space around and inside, must answer as a
    # whole split does.
    from stripper import pipeline as P
    from stripper.model import Block
    n = P.TEASER_MAX_WORDS_DEFAULT
    for words in (n - 1, n, n + 1, n + 2):
        for sep in (" ", "  ", "\n", " \u00a0", "\t "):
            for around in ("", " ", "\n  ", "\u2003"):
                text = around + sep.join(["word"] * words) + around
                blocks = [Block(0, text), Block(1, "Read more"), Block(2, text), Block(3, "Read more"),
                          Block(4, text), Block(5, "Read more")]
                got = P._teaser_listing(blocks, [0, 2, 4])
                assert got == _old_teaser_listing(blocks, [0, 2, 4]), (words, sep, around)
                assert (got > 0) == (words <= n), (words, sep, around)


def test_lead_blocks_read_back_from_provenance_match_the_strings_made_per_block():
    # The body leaves out the kept blocks whose f"text:block {i}" is the title's or the subtitle's
    # provenance: _lead_blocks reads the indices back from the two strings instead. Any string,
    # canonical or not, must pick the same blocks.
    from stripper import pipeline as P
    origins = [None, "text:block 0", "text:block 7", "text:block 12", "text:block 012", "text:block 00",
               "text:block +3", "text:block -1", "text:block 3 ", "text:block  3", "text:block \u0663",
               "text:block 1_0", "text:block ", "text:kicker block 4", "text:title block 5", "text:block 9x",
               "html:meta", 5, "text:block 199"]
    for title in origins:
        for sub in origins:
            prov = {k: v for k, v in (("title", title), ("subtitle", sub)) if v is not None}
            old = {prov.get("title"), prov.get("subtitle")}
            lead = P._lead_blocks(prov)
            for i in range(0, 210):
                assert (i in lead) == (f"text:block {i}" in old), (title, sub, i)


def test_the_selection_reads_the_rules_word_lists_only_where_they_are_the_words_caches(monkeypatch):
    # The pipeline hands the rules' context's texts and word lists to the selection, which would
    # otherwise ask lower_words for each block; on a page holding an underscore the context splits
    # words there ("snake_case" is two of its words, one of lower_words'), and the selection must
    # read its own. Every list it is handed must be lower_words' of its text.
    import stripper
    from stripper import main_content
    from stripper.language import lower_words
    seen = []
    real = main_content.block_features

    def checked(blocks, stopwords, cjk, min_chars=0, words=None):
        if words is not None:
            texts, wss, counts = words
            assert texts == [b.text for b in blocks]
            assert [tuple(ws) for ws in wss] == [lower_words(t) for t in texts]
            assert counts == [len(ws) for ws in wss]
        seen.append(words is not None)
        return real(blocks, stopwords, cjk, min_chars, words)

    monkeypatch.setattr(main_content, "block_features", checked)
    prose = ("The council voted on Tuesday to approve the new budget for the coming year, and the mayor "
             "said that the plan would be put to the residents at a meeting in the spring.")
    for page in (f"{prose}\n\n{prose}\n", f"Home\nNews\n{prose}\nRun my_script with the --check flag before "
                 f"the vote, the clerk said in a note to the members of the council.\n{prose}\n"):
        stripper.strip(page.encode(), input_format="text")
    assert seen == [True, False]   # (the words handed over on the first page, not on the second)
