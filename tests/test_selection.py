"""Main-content selection: the span choice and what is cut from its ends (SEL004)."""
import pytest

import stripper
from stripper.options import Options
from stripper.pipeline import run

ARTICLE = [
    "Harbor city approves new ferry line",
    "The harbor council voted on Tuesday to open a second ferry line between the old port and the "
    "northern islands, ending two years of debate about the cost of the crossing and the noise of the boats.",
    "The new ferry will run every forty minutes in summer and every hour in winter, the harbor office said, "
    "and tickets will cost the same as on the existing line across the bay to the fish market.",
    "Residents of the islands had asked for the ferry since the bridge closed for repairs, and many of them "
    "came to the council meeting to hear the vote, which passed with a large majority of the members.",
    "The harbor office expects the first boats to sail in May, once the new pier at the old port is finished "
    "and the crews have been trained on the route through the shallow water near the islands.",
]
# Teasers for other stories: a headline, then a summary as long and as wordy as a paragraph.
TEASERS = [
    "Mountain village celebrates cheese festival",
    "Farmers from all of the five valleys bring their best wheels to the square on Saturday, and a jury of "
    "chefs will taste every one of them before it picks the winner at noon in front of the town hall.",
    "Tram drivers strike for better pay",
    "No trams will run on Friday after the talks with the operator failed again late on Wednesday, and the "
    "union said that it is ready for a longer strike if there is no new offer before the end of the month.",
    "New museum wing shows medieval maps",
    "Two hundred rare maps go on display from next week in the new wing, and most of them have never been "
    "shown to the public before because they were kept in the archive of the old cathedral library.",
]
# The same shape, about the article's own subject: its subheads and their paragraphs.
SECTIONS = [
    "Ferry tickets for island residents",
    "Residents of the islands will pay half the price for ferry tickets to the old port, and children of "
    "the islands travel on the new ferry for free, the harbor office said after the council vote.",
    "Ferry timetable in the winter months",
    "In the winter months the ferry to the islands sails every hour from the old port, and the last boat "
    "of the day leaves the harbor at ten, so that residents of the islands can come back late.",
    "Harbor pier works before the ferry starts",
    "The harbor pier at the old port gets new ferry moorings and a waiting room for the residents of the "
    "islands, and the works on the pier should be finished before the first ferry sails in May.",
]


def _sel004(paras):
    result = run("\n\n".join(paras), Options(input_format="text"))
    return [d for d in result.decisions if d.rule_id == "SEL004"], result.article.text


def test_teaser_list_after_the_article_is_cut():
    cut, text = _sel004(ARTICLE + TEASERS)
    assert cut and "teaser list" in cut[0].reason
    assert "shallow water near the islands" in text
    assert "cheese festival" not in text and "cathedral library" not in text


MORE_TEASERS = [
    "Library opens on Sundays from next month",
    "Readers will find the reading rooms open from ten until six, after the city found money for two "
    "more librarians in the budget that was passed last week by a narrow vote.",
    "Marathon route goes along the river",
    "Runners will pass the castle and the river bridge for the first time, and the organisers expect "
    "more than eight thousand people at the start line in front of the stadium.",
    "Zoo welcomes two young snow leopards",
    "The pair arrived from a park in Scandinavia and will be shown to visitors once they get used to "
    "their new enclosure near the bird house, the keepers said on Thursday morning.",
    "Bakery chain closes three shops",
    "The owners blamed the price of flour and energy for the closures, and said that all of the staff "
    "would be offered jobs in the other shops of the chain across the region.",
]


def test_the_topic_of_a_teaser_list_comes_from_the_first_half_of_the_span():
    # Seven teasers after four paragraphs: the first half of the span's paragraphs reaches into the
    # teasers and would make the early ones look like the article's own topic.
    cut, text = _sel004(ARTICLE + ["Print this page", "Send by mail"] + TEASERS + MORE_TEASERS)
    assert cut and "shallow water near the islands" in text
    assert "rare maps go on display" not in text and "snow leopards" not in text


def test_subheads_about_the_story_are_kept():
    cut, text = _sel004(ARTICLE + SECTIONS)
    assert not cut
    assert "the last boat" in text and "before the first ferry sails in May" in text


def test_library_gives_the_same_text():
    assert stripper.strip("\n\n".join(ARTICLE + TEASERS), input_format="text").text == _sel004(ARTICLE + TEASERS)[1]


def test_reference_links_inside_the_article_do_not_split_it():
    # Three bare web addresses between the opening and the rest of the article: long as they are,
    # each counts as one word against the paragraphs around them.
    urls = ["(https://www.example-research-institute.org/reports/2023/harbor-ferry-study-final-version.pdf)",
            "https://www.example-news-archive.com/local/harbor/ferry/2022/05/12/council-debate-transcript.html",
            "https://www.example-statistics-office.gov/data/transport/ferries/passenger-counts-by-route.csv)"]
    text = "\n\n".join(ARTICLE[:2] + urls + ARTICLE[2:])
    art = stripper.strip(text, input_format="text")
    assert "ending two years of debate" in art.text and "shallow water near the islands" in art.text


# Reader comments, longer all together than the short article above them.
COMMENTS = ["14 Comments:"]
for _name, _day, _body in (
    ("Anna", "May 3, 2024", "I have taken the old ferry to the islands for many years and I am glad that there will "
     "finally be a second line, because in summer the boats are always full and we wait for hours at the pier."),
    ("Tom", "May 3, 2024", "Why does the council need two years to decide something so simple? The bridge has been "
     "closed for a long time and the people on the islands have been asking for a ferry since the first day."),
    ("Maria", "May 4, 2024", "I hope that the new boats are quieter than the old ones, because we live near the pier "
     "and the noise of the engines in the early morning wakes up the whole street every single day of the week."),
    ("Peter", "May 4, 2024", "The tickets should be cheaper for the residents of the islands, who have to take the "
     "ferry every day to go to work in the city, and not only for the tourists who come for a weekend in summer."),
    ("Julia", "May 5, 2024", "Does anyone know if bicycles will be allowed on the new ferry? On the old line there was "
     "never enough room for them and we had to leave our bikes at the port and walk the rest of the way home."),
    ("Karl", "May 5, 2024", "My grandmother lives on the northern islands and she has not been able to visit us in "
     "the city since the bridge was closed, so for our family this is the best news that we have had in a year."),
    ("Eva", "May 6, 2024", "It is a shame that the first boats will only sail in May, because the winter is the "
     "hardest time for the people on the islands, when the weather is bad and the old ferry is often cancelled."),
    ("Lena", "May 6, 2024", "I would like to know who will pay for the new pier at the old port, because the last "
     "time the council built something at the harbor the costs were twice as high as they had promised us all."),
):
    COMMENTS += [f"{_name} · {_day}", _body + " I will write to the council about it, and so should all of you."]


def test_comments_outweighing_a_short_article_are_not_the_article():
    text = run("\n\n".join(ARTICLE + COMMENTS), Options(input_format="text")).article.text
    assert "shallow water near the islands" in text and "ending two years of debate" in text
    assert "leave our bikes at the port" not in text and "wakes up the whole street" not in text


def test_comment_count_above_the_article_does_not_hide_it():
    # "3 comments" is a link in the byline area: the article follows it and has nothing before it.
    paras = ARTICLE[:1] + ["By Jane Doe", "3 comments"] + ARTICLE[1:] + SECTIONS
    text = run("\n\n".join(paras), Options(input_format="text")).article.text
    assert "ending two years of debate" in text and "before the first ferry sails in May" in text


def test_comment_count_before_short_lead_paragraphs_does_not_make_them_comments():
    # A news page opens with one-sentence paragraphs under "941 comments" (a link to the comments):
    # no prose stands above the count, so it opens no comment section.
    lead = ["The ferry will run every forty minutes in summer, the harbor office said.",
            "Tickets will cost the same as on the existing line across the bay."]
    for count in ("941 comments", "Comments (941)"):
        paras = ARTICLE[:1] + ["24 July 2015", count] + lead + ["Read the full council minutes"] + SECTIONS
        text = run("\n\n".join(paras), Options(input_format="text")).article.text
        assert "the existing line across the bay" in text and "every forty minutes in summer" in text
        assert "before the first ferry sails in May" in text and count not in text


def test_a_comment_label_the_menus_repeat_above_the_article_opens_no_comments():
    lead = ["The ferry will run every forty minutes in summer, the harbor office said.",
            "Tickets will cost the same as on the existing line across the bay."]
    menu = ["News", "Sport", "Have Your Say", "Weather"]
    paras = menu + ["Local news"] + menu + ARTICLE[:1] + ["24 July 2015"] + lead \
        + ["Read the full council minutes"] + SECTIONS
    text = run("\n\n".join(paras), Options(input_format="text")).article.text
    assert "the existing line across the bay" in text and "every forty minutes in summer" in text
    assert "before the first ferry sails in May" in text and "Have Your Say" not in text


def test_a_sentence_naming_many_things_is_near_good_prose():
    # few stopwords (a list of countries), but a sentence: it opens the article with the rest
    lead = ("Ferry freight goes to Aberdeen, Bergen, Cork, Dublin, Esbjerg, Galway, Hamburg, Kiel, Leith, "
            "Oslo, Riga and Tallinn from May.")
    text = run("\n\n".join(ARTICLE[:1] + ["Share", lead] + ARTICLE[1:]), Options(input_format="text")).article.text
    assert text.startswith(lead) and text.endswith("near the islands.")
    menu = "Aberdeen, Bergen, Cork, Dublin, Esbjerg, Galway, Hamburg, Kiel, Leith, Oslo and more ports"
    text = run("\n\n".join(ARTICLE[:1] + ["Share", menu] + ARTICLE[1:]), Options(input_format="text")).article.text
    assert "Esbjerg" not in text


def test_japanese_prose_counts_its_particles_as_stopwords():
    from stripper.main_content import block_features
    from stripper.model import Block
    from stripper.options import STOPWORDS_LOW_DEFAULT
    prose = ("一方で、脆弱な設定の公衆無線ネットワークや攻撃者が設置した偽のアクセスポイントへの接続などによる"
             "情報漏えいや通信の盗み見などのセキュリティリスクが危惧されているという。")
    teaser = "セキュリティサービス新製品プレゼントキャンペーン最新情報一覧ランキング2024年版特集記事"
    f = block_features([Block(0, prose), Block(1, teaser)], frozenset(), cjk=True)
    assert f.dens[0] >= STOPWORDS_LOW_DEFAULT   # few commas, but particles (の, や, が, ...) throughout
    assert f.dens[1] < STOPWORDS_LOW_DEFAULT    # a run of nouns: no punctuation, no particles


def test_chinese_prose_without_punctuation_counts_its_function_characters():
    from stripper.main_content import block_features
    from stripper.model import Block
    from stripper.options import STOPWORDS_LOW_DEFAULT
    # A photo blog's lines: spaces where commas would be, but 的, 了, 是, 在, ... throughout.
    prose = "我们今天早上从台北出发一路上的风景很美 到了山上已经是中午了 大家都在营地里休息"
    menu = "新竹景点美食住宿旅游攻略露营地推荐排行榜"
    f = block_features([Block(0, prose), Block(1, menu)], frozenset(), cjk=True)
    assert STOPWORDS_LOW_DEFAULT <= f.dens[0] <= 1.0
    assert f.dens[1] < STOPWORDS_LOW_DEFAULT


def test_an_article_of_near_good_paragraphs_only_is_read_with_relaxed_thresholds():
    # A tutorial: short paragraphs (under length_high), each followed by a code line and a caption.
    paras = []
    for n, what in enumerate(("axis text", "axis titles", "main title", "legend text", "legend title",
                              "strip labels", "tick labels", "plot caption"), 1):
        paras += [f"In example {n} you will see how to change the size of the {what} in the plot, and it "
                  f"is done with one more line that we add to the code of the plot.",
                  f"plot + theme(size = {n + 10})", f"Figure {n}: the {what}"]
    result = run("\n\n".join(paras), Options(input_format="text"))
    text = result.article.text
    assert "size of the axis text" in text and "size of the plot caption" in text
    assert any(d.rule_id == "FBK001" for d in result.decisions)


def test_an_article_with_good_paragraphs_keeps_the_strict_pass():
    long_paras = [p + " The harbor office will publish the new timetable on its website next week." for p in ARTICLE[1:]]
    result = run("\n\n".join(ARTICLE[:1] + long_paras + ["Home", "Contact", "Imprint"]), Options(input_format="text"))
    assert not any(d.rule_id == "FBK001" for d in result.decisions)
    assert "ending two years of debate" in result.article.text and "Imprint" not in result.article.text


PHP_ERRORS = [f"Deprecated: Assigning the return value of new by reference is deprecated and will be removed in "
              f"a future version of this software, so please update the code that you use for this in "
              f"/www/htdocs/blog/wp-includes/module-{n}.php on line {100 + n}" for n in range(12)]
GERMAN = [
    "Der Hafenrat hat am Dienstag beschlossen, eine zweite Fährlinie zwischen dem alten Hafen und den nördlichen "
    "Inseln einzurichten, und damit eine Debatte beendet, die seit zwei Jahren über die Kosten geführt wurde.",
    "Die neue Fähre soll im Sommer alle vierzig Minuten und im Winter jede Stunde fahren, sagte das Hafenamt, und "
    "die Fahrkarten werden genauso viel kosten wie auf der bisherigen Linie über die Bucht zum Fischmarkt.",
    "Die Bewohner der Inseln hatten die Fähre gefordert, seit die Brücke für Reparaturen gesperrt wurde, und viele "
    "von ihnen kamen zu der Sitzung des Rates, um bei der Abstimmung dabei zu sein, die klar ausgegangen ist.",
]


def test_error_messages_of_the_server_do_not_set_the_stoplist():
    text = run("\n\n".join(PHP_ERRORS + GERMAN), Options(input_format="text")).article.text
    assert "alle vierzig Minuten" in text and "die klar ausgegangen ist" in text
    assert "Deprecated" not in text


def test_an_english_article_under_error_messages_keeps_its_stoplist():
    text = run("\n\n".join(PHP_ERRORS + ARTICLE + ["Home", "Contact", "Imprint"]), Options(input_format="text")).article.text
    assert "ending two years of debate" in text and "Deprecated" not in text and "Imprint" not in text


CHINESE_ARTICLE = [
    "港口城市开通新渡轮航线",
    "港口议会周二投票决定，在旧港和北部岛屿之间开通第二条渡轮航线，结束了两年来关于渡轮费用和船只噪音的争论。"
    "议员们在会上讨论了三个小时，最后以绝大多数票通过了这项计划，港口办公室随后公布了详细的时间表。",
    "港口办公室表示，新渡轮夏季每四十分钟一班，冬季每小时一班，票价与现有的跨湾航线相同，岛上居民可以享受半价优惠。"
    "儿童乘坐新渡轮免费，老年人也可以在港口办公室申请优惠卡，每年只需缴纳很少的费用。",
    "自从大桥因维修关闭以来，岛上居民一直要求开通渡轮，许多人来到议会会议现场聆听投票结果，议案以绝大多数票获得通过。"
    "一位居民说，过去两年他每天都要绕行很远的路去市场，现在终于可以直接坐船去旧港了。",
    "港口办公室预计，一旦旧港的新码头完工、船员接受了穿越岛屿附近浅水区航线的培训，第一批渡轮将于五月起航。"
    "码头的工程已经开始，新的候船室和停车场也将在夏天之前完成，以便迎接更多的游客和居民。",
]


def test_a_comment_label_in_a_chinese_menu_does_not_hide_the_article():
    # "评论" (comments / opinion) as a menu entry: the list it heads ends at the first paragraph,
    # counted by its characters since Chinese puts no spaces between words.
    menu = ["首页", "时政", "评论", "经济", "文化", "国际", "科技"]
    text = run("\n".join(menu) + "\n\n" + "\n\n".join(CHINESE_ARTICLE), Options(input_format="text")).article.text
    assert "票价与现有的跨湾航线相同" in text and "第一批渡轮将于五月起航" in text


def test_short_chinese_comments_under_a_comment_heading_stay_out():
    comments = ["评论", "张三：", "写得好！", "李四：", "终于等到了。", "王五：", "票价太贵。"]
    text = run("\n\n".join(CHINESE_ARTICLE + comments), Options(input_format="text")).article.text
    assert "第一批渡轮将于五月起航" in text
    assert "写得好" not in text and "终于等到了" not in text


def test_a_danda_ends_a_sentence_in_a_language_without_a_stoplist():
    from stripper.main_content import block_features
    from stripper.model import Block
    prose = ("আজ শনিবার সকালে গ্রামের বাজারে একটি নতুন সেতুর উদ্বোধন করা হয়েছে এবং স্থানীয় মানুষ "
             "অনেক দিন ধরে এই সেতুর জন্য অপেক্ষা করছিলেন।")
    menu = "যুক্তরাজ্য বাংলাদেশ প্রবাসজুড়ে কমিউনিটি আন্তর্জাতিক রাজনীতি খেলা বিনোদন জীবনযাপন"
    f = block_features([Block(0, prose), Block(1, menu)], frozenset(), cjk=False)
    assert f.sentence_like[0]       # ends on "।", the Bengali full stop
    assert not f.sentence_like[1]   # a row of menu entries ends on no punctuation


def test_a_lead_sentence_under_a_related_menu_entry_stays_with_the_article():
    # "Latest news" in the site menu heads a list that runs to the first long paragraph; the
    # sentence right before that paragraph is the article's lead, not an entry of the list.
    menu = ["Home", "Latest news", "Sport", "Business", "Weather"]
    lead = "The second ferry line to the northern islands will start sailing in May, the harbor office said."
    result = stripper.explain("\n\n".join(menu + ARTICLE[:1] + [lead] + ARTICLE[1:]))
    kept = {result.blocks[v.index].text for v in result.verdicts if v.verdict == "kept"}
    assert lead in kept and ARTICLE[1] in kept


def test_teaser_summaries_under_a_related_heading_stay_out():
    teasers = ["Related articles", "Mountain village celebrates cheese festival",
               "Farmers bring their best wheels to the square on Saturday.",
               "Tram drivers strike for better pay",
               "No trams will run on Friday after the talks with the operator failed again."]
    tail = ("The harbor office is open from Monday to Friday between nine and five, and its staff answer "
            "questions about tickets, timetables and the moorings at the old port by phone or by letter.")
    text = run("\n\n".join(ARTICLE + teasers + [tail]), Options(input_format="text")).article.text
    assert "shallow water near the islands" in text
    assert "No trams will run on Friday" not in text and "Farmers bring their best wheels" not in text


def test_short_clean_page_is_kept_whole():
    # one sentence cut off mid-word scores as no article span, but nothing on the page is junk
    result = run("AI has not changed much in security so far. Deep fake phishing is still rare, L",
                 Options(input_format="text"))
    assert [d.rule_id for d in result.decisions if d.rule_id == "SEL005"] == ["SEL005"]
    assert result.article.text.startswith("AI has not changed") and result.article.text.endswith("rare, L")
    headed = run("Lorem Ipsum\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.",
                 Options(input_format="text"))
    # its headline goes to the title, as on any page; the rest is the body
    assert headed.article.title == "Lorem Ipsum"
    assert headed.article.text == "Lorem ipsum dolor sit amet, consectetur adipiscing elit."
    # numbered entries are no headline: "Test Case 1" stays in the body
    cases = run("Test Case 1\n\nTest Case 2", Options(input_format="text"))
    assert cases.article.title is None and cases.article.text == "Test Case 1\n\nTest Case 2"


def test_short_page_with_flagged_or_too_many_blocks_is_not_kept_whole():
    with pytest.raises(stripper.NoArticleError):
        run("Sign in to read this article, cut off mid-word here, L\n\nSubscribe now", Options(input_format="text"))
    with pytest.raises(stripper.NoArticleError):
        run("Home\n\nNews\n\nSport\n\nWeather and traffic for the whole region today", Options(input_format="text"))


CODE_ARTICLE = ARTICLE[:2] + [
    "SELECT avg(n)",
    "FROM",
    "unnest(array[2, 3, 5]) AS n;",
    "avg",
    "────────────",
    "3.3333",
] + ARTICLE[2:]


def test_code_listing_lines_between_paragraphs_stay_in_the_article():
    result = run("\n\n".join(CODE_ARTICLE), Options(input_format="text"))
    text = result.article.text
    assert "SELECT avg(n)" in text and "unnest(array[2, 3, 5]) AS n;" in text and "\n\navg\n\n" in text
    # (the segmenter joins the statement lines into one listing block; the result rows follow it)
    assert [b.kind for b in result.blocks if "avg(n)" in b.text] == ["pre"]
    assert text.endswith("near the islands.")
    # Lines the segmenter leaves apart (no statement ends) are the listing run of SEL006.
    listing = ["import os", "def size(path):", "return os.path.getsize(path)", 'print(size("a.txt"))']
    result = run("\n\n".join(ARTICLE[:2] + listing + ARTICLE[2:]), Options(input_format="text"))
    assert {v.rule_id for v in result.verdicts if result.blocks[v.index].text in listing} == {"SEL006"}
    assert "def size(path):" in result.article.text and result.article.text.endswith("near the islands.")


def test_formula_split_into_symbols_is_no_code_listing():
    from stripper.main_content import code_runs, block_features
    from stripper.model import Block
    from stripper.segment.text import segment_text
    lines = ["{\\displaystyle A^{-1}A=I}", "(", "A", "−", "1", ")", "H", "=", "A", "(", "B", ")",
             "f(x) = y;", "g(y) = z;"]
    # (the text segmenter joins such lines into one block; the selection must not take them for
    # a listing where they reach it one by one, as from another segmenter)
    blocks = [Block(i, t, origin="text") for i, t in enumerate(lines)]
    assert code_runs(blocks, {}, block_features(blocks, frozenset(), False)) == set()
    menu = segment_text("Cart (0)\nWishlist (2)\nLogin\nHelp (FAQ)", frozenset())
    assert code_runs(menu, {}, block_features(menu, frozenset(), False)) == set()


def _slides(n, total):
    out = []
    for k in range(1, n + 1):
        out += [f"{k}/{total} Other story number {k} in pictures",
                f"The company behind other story number {k} said on Monday that its profits rose again this "
                "year, and that it would open new shops in the north of the country before the summer."]
    return out


def test_slideshow_after_the_article_is_left_out():
    result = run("\n\n".join(ARTICLE + _slides(5, 50)), Options(input_format="text"))
    text = result.article.text
    assert "shallow water near the islands" in text and "Other story" not in text and "profits rose" not in text


def test_slideshow_page_is_its_own_article():
    result = run("\n\n".join(["Home", "News"] + _slides(5, 5)), Options(input_format="text"))
    assert "other story number 3 said on Monday" in result.article.text


def test_gallery_counters_must_count_up_with_one_total():
    from stripper.main_content import gallery_slides
    from stripper.segment.text import segment_text
    dated = segment_text("18/11 Meeting in town\n23/11 General assembly\n9/11 Project dropped", frozenset())
    assert gallery_slides(dated) == []
    slides = segment_text("\n".join(_slides(3, 40)), frozenset())
    assert gallery_slides(slides) == [(0, 6)]


def _ticker(times):
    out = []
    for k, t in enumerate(times):
        out += [f"{t} Other story number {k} from the news desk",
                f"The company behind other story number {k} said on Monday that its profits rose again this "
                "year, and that it would open new shops in the north of the country before the summer."]
    return out


def test_news_ticker_after_the_article_is_left_out():
    ticker = _ticker(["14:44", "14:32", "14:10", "13:54", "13:43", "13:24"])
    text = run("\n\n".join(ARTICLE + ["Live"] + ticker), Options(input_format="text")).article.text
    assert "shallow water near the islands" in text and "Other story" not in text and "profits rose" not in text


def test_live_report_opening_with_its_entries_is_the_article():
    ticker = _ticker(["9h05", "9h40", "10h15", "10h30", "11h02"])
    text = run("\n\n".join(["Home", "News"] + ticker), Options(input_format="text")).article.text
    assert "other story number 3 said on Monday" in text


def test_news_feed_stamped_with_ages_after_the_article_is_left_out():
    feed = []
    for k, age in enumerate(["1 minute ago", "3 minutes ago", "21 minutes ago", "42 minutes ago", "1 hour ago"]):
        feed += [age, f"Other story number {k} from the news desk",
                 f"The company behind other story number {k} said on Monday that its profits rose again this "
                 "year, and that it would open new shops in the north of the country before the summer."]
    text = run("\n\n".join(ARTICLE + ["Happening now"] + feed), Options(input_format="text")).article.text
    assert "shallow water near the islands" in text and "Other story" not in text and "profits rose" not in text


def test_ages_are_read_in_the_languages_of_the_data_file():
    from stripper.ago import minutes_ago
    assert minutes_ago("3 minutes ago") == 3 and minutes_ago("Updated 2 hours ago") == 120
    assert minutes_ago("před 21 minutami") == 21 and minutes_ago("Aktualizováno před 1 hodinou") == 60
    assert minutes_ago("il y a 2 jours") == 2880 and minutes_ago("vor 5 Minuten") == 5
    assert minutes_ago("hace 10 minutos") == 10 and minutes_ago("19 photos 3 minutes ago") == 3
    assert minutes_ago("5 minutes") is None and minutes_ago("a minute ago") is None
    assert minutes_ago("We met 3 hours ago at the harbor office and talked about the new ferry line "
                       "for a long while before the meeting") is None


def test_ticker_entries_must_run_in_time_order_close_together():
    from stripper.main_content import ticker_runs
    from stripper.segment.text import segment_text
    latest_first = segment_text("\n".join(_ticker(["14:44", "14:32", "14:32", "14:10", "13:54"])), frozenset())
    assert ticker_runs(latest_first) == [(0, 10)]
    shuffled = segment_text("\n".join(_ticker(["14:44", "12:32", "14:10", "13:54", "15:43"])), frozenset())
    assert ticker_runs(shuffled) == []
    four = segment_text("\n".join(_ticker(["14:44", "14:32", "14:10", "13:54"])), frozenset())
    assert ticker_runs(four) == []
    apart = segment_text("\n".join(_ticker(["14:44", "14:32"]) + ["Filler line"] * 7 + _ticker(["14:10", "13:54", "13:43"])), frozenset())
    assert ticker_runs(apart) == []


def test_data_table_rows_count_as_a_listing_but_three_phone_numbers_do_not():
    from stripper.main_content import code_runs, block_features
    from stripper.segment.text import segment_text
    rows = segment_text("\n".join(f"Developer Number{k} {90 - k} {9.5 - k / 10:.1f}%" for k in range(6)), frozenset())
    assert code_runs(rows, {}, block_features(rows, frozenset(), False)) == set(range(6))
    phones = segment_text("Helpline 116 111\nCounselling 116 123\nPoison centre (0551) 19 24 0", frozenset())
    assert code_runs(phones, {}, block_features(phones, frozenset(), False)) == set()


def test_no_second_article_part_after_the_footer_legal_lines():
    from stripper.main_content import BAD, GOOD, SHORT, choose_span
    classes = [GOOD] * 3 + [SHORT] * 30 + [GOOD]
    base = list(classes)
    weights = [60.0] * 3 + [2.0] * 30 + [60.0]
    assert choose_span(classes, base, {}, weights) == (0, 33)   # a second part after a long box
    classes[5] = classes[8] = base[5] = base[8] = BAD
    assert choose_span(classes, base, {}, weights, frozenset({5, 8})) == (0, 2)


def test_listing_flattened_onto_one_line_stays_but_markup_lines_do_not_count():
    from stripper.main_content import _flat_code
    assert _flat_code('Cow = function(name) { this.name = name || "Anon"; }; Cow.prototype = { greets: function(t) { return t; } };')
    assert not _flat_code('<img src="//pixel.example.com/p.gif" style="display:none" height="1" width="1" alt="" />')
    assert not _flat_code("The council (which met on Tuesday) approved the plan for the new ferry line to the islands.")
    paras = ARTICLE[:2] + ['var expect = chai.expect; describe("Cow", function() { it("greets", function() { '
                           'expect(cow.greets("x")).eql("hi x"); }); });'] + ARTICLE[2:]
    text = run("\n\n".join(paras), Options(input_format="text")).article.text
    assert 'var expect = chai.expect;' in text and text.endswith("near the islands.")


def test_the_cheap_age_test_passes_every_stamp_the_pattern_reads():
    # every form writes the number, then whitespace: a line with no digit before a space holds no stamp
    import re
    from stripper.ago import DIGIT_RE, _table
    pattern, units, gate, _ = _table()
    for unit in units:
        for stamp in (f"{n}{sp}{unit} ago" for n in (1, 12, 300) for sp in (" ", "\t", "\u00a0", "  ")):
            if pattern.search(stamp):
                assert gate.search(stamp), stamp
    forms = [f.replace("{n}", "7").replace("{unit}", "hours") for f in
             re.findall(r"^form (.+)$", _data(), re.M)]
    assert forms and all(pattern.search(f) and gate.search(f) for f in forms)
    # every form with every unit, in any case, spaced and glued to what follows
    for form in re.findall(r"^form (.+)$", _data(), re.M):
        for unit in units:
            for sp in (" ", "\t", "\u00a0  "):
                stamp = form.replace(" ", sp).replace("{n}", "21").replace("{unit}", unit)
                for text in (stamp, stamp.upper(), stamp.title(), "Updated " + stamp + ".", stamp + "x", "x" + stamp):
                    if pattern.search(text):
                        assert gate.search(text), text
    assert gate is not DIGIT_RE   # (the data file's forms all write "{n} {unit}")


def _data():
    from importlib import resources
    return (resources.files("stripper") / "data" / "ago.txt").read_text(encoding="utf-8")


def test_max_subarray_and_the_best_before_its_run_in_one_pass():
    import random
    from stripper.main_content import _max_subarray, _max_subarray_and_before
    rng = random.Random(5)
    for n in range(5000):
        scores = [rng.choice([-5.0, -3.5, -1.0, 0.0, 0.5, 2.0, 7.0, rng.uniform(-9, 9), rng.randint(-4, 4) / 2.5])
                  for _ in range(rng.randint(0, 30))]
        whole, before = _max_subarray_and_before(scores)
        assert whole == _max_subarray(scores, 0, len(scores))
        assert before == _max_subarray(scores, 0, max(whole[1][0], 0)), scores


def test_block_scores_as_the_class_by_class_expression():
    # _scores tells a bad block first; every pair of a class and a base class must score as the
    # expression that asks the classes in their order of precedence.
    import itertools
    from stripper import main_content as M
    kinds = [M.GOOD, M.NEARGOOD, M.SHORT, M.BAD, M.TAGGED, M.CODE]
    pairs = list(itertools.product(kinds, kinds))
    for w in (0.0, 1.0, 7.0, 2.4, 13.5):
        classes, base = [c for c, _ in pairs], [b for _, b in pairs]
        old = [w if c == M.GOOD
               else w * M.NEARGOOD_WEIGHT_DEFAULT if c == M.NEARGOOD or (M.NEARGOOD_KEEPS_DEFAULT and c == M.BAD
                                                                        and b == M.NEARGOOD)
               else 0.0 if c == M.TAGGED or c == M.CODE
               else -(w * M.SHORT_WORD_WEIGHT_DEFAULT + M.SHORT_BLOCK_COST_DEFAULT) if b == M.SHORT
               else -(w * M.BAD_WORD_WEIGHT_DEFAULT + M.BAD_BLOCK_COST_DEFAULT)
               for c, b in pairs]
        assert M._scores(classes, base, [w] * len(pairs)) == old


def test_an_age_whose_letters_only_case_insensitive_matching_reads_is_still_an_age():
    # The stamp pattern matches case-insensitively, where "İ", "ı" and "ſ" match "i" and "s";
    # lower() does not turn them into those letters, yet the age is the unit's.
    from stripper.ago import minutes_ago
    assert minutes_ago("5 MİNUTES AGO") == 5
    assert minutes_ago("5 mınutes ago") == 5
    assert minutes_ago("2 hourſ ago") == 120
    assert minutes_ago("5 MINUTES AGO") == 5


def test_counters_and_stamps_read_through_first_characters_find_what_every_block_read_finds():
    # gallery_slides and ticker_runs given _heads (each text's first character) read only the
    # blocks whose first character a counter or clock time opens with: they find the same runs.
    from stripper.main_content import _heads, block_features, gallery_slides, ticker_runs
    from stripper.model import Block
    texts = ["Home", " 1/4 First slide", "#2/4 Second slide", "a caption", "3/4 Third slide", "٤/4 Fourth",
             "Filler"] + ["\t14:44 Entry", "14:32 Entry", "14:10 Entry", "13:54 Entry", "13:43 Entry",
                          "9h05 Early entry"] + ["x"] * 3 \
        + ["3 minutes ago", "Updated 10 minutes ago", "před 21 minutami", "vor 30 Minuten", "hace 50 minutos",
           "1 hour ago"]
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    heads = _heads(texts)
    assert heads is not None and len(heads) == len(blocks)
    feats = block_features(blocks, frozenset(), False)
    for start in range(len(blocks)):
        assert gallery_slides(blocks, start, heads) == gallery_slides(blocks, start), start
        assert ticker_runs(blocks, start, feats, heads) == ticker_runs(blocks, start), start
    assert gallery_slides(blocks, 0, heads) == [(1, 6)]
    assert ticker_runs(blocks, 0, feats, heads)[0][0] == 8
    assert _heads(["a", ""]) is None


def test_relaxed_classes_are_those_of_the_relaxed_options():
    # select's relaxed pass asks classify_blocks for relaxed classes instead of making options
    # with length_high = length_low and stopwords_high = stopwords_low: the classes are the same
    from dataclasses import replace
    from stripper.language import stoplist
    from stripper.main_content import block_features, classify_blocks
    from stripper.segment.text import segment_text
    stop = stoplist("en")
    blocks = segment_text("\n\n".join(ARTICLE + ["Home", "A short line of the text that is here."]
                                      + [" ".join(ARTICLE)[:n] for n in (60, 90, 150, 250, 400)]), stop)
    options = Options(input_format="text", length_high=300)
    relaxed = replace(options, length_high=options.length_low, stopwords_high=options.stopwords_low)
    for cjk in (False, True):
        feats = block_features(blocks, stop, cjk, options.length_low)
        got = classify_blocks(blocks, {}, feats, cjk, options, relaxed=True)
        assert got == classify_blocks(blocks, {}, feats, cjk, relaxed)
        # (the thresholds tell on this page, in a Latin script)
        assert cjk or got != classify_blocks(blocks, {}, feats, cjk, options)


def test_relaxed_pass_that_changes_no_class_is_the_strict_pass(monkeypatch):
    # select ends at the relaxed pass when the relaxed thresholds change no block's class (the
    # rest of the pass would repeat the strict one): its selection is the one of a relaxed pass
    # made in full
    from stripper import main_content as M
    from stripper.language import stoplist
    from stripper.model import Block
    from stripper.segment.text import segment_text

    class Unequal(list):   # (classes that never equal the strict pass's: the relaxed pass runs in full)
        def __eq__(self, other):
            return False

    stop = stoplist("en")
    pages = ["Some text here that is a short page.", "Home\nNews\nA short line of the text that is here.",
             "\n\n".join(ARTICLE[:2]), "\n\n".join(["Menu", ARTICLE[1][:120], "Footer"]),
             "\n\n".join(ARTICLE + _slides(5, 50))]
    # (near-good lines only: the relaxed thresholds make them good, and the relaxed pass chooses)
    said = ["It is the one that we had in the house, and it was there for all of us to see and to use.",
            "She said that it was not the time for it, but that she would be there when it was over."]
    pages.append("\n\n".join(["Home", said[0], "Menu", said[1], said[0].replace("house", "barn")]))
    pages.append("\n\n".join(["Prices rose in March across the region", said[1], "It was here.", said[0], said[0],
                              "Prices rose in March across the region", "It was here."]))
    # (a listing's lines as a dump's blocks: the strict pass sets them to CODE)
    listing = [Block(i, t) for i, t in enumerate(["Run it so", "x = load(path);", "y = fit(x);", "print(y);",
                                                 "Done", "Next"])]
    seen = {"same": 0}
    classify = M.classify_blocks

    def counting(*args, **kwargs):
        out = classify(*args, **kwargs)
        if args[-1] is True and out == classify(*args[:-1]):
            seen["same"] += 1
        return out

    for text in pages + [listing]:
        blocks = text if text is listing else segment_text(text, stop)
        monkeypatch.setattr(M, "classify_blocks", counting)
        fast = M.select(blocks, [], stop, "en", Options(input_format="text"))
        monkeypatch.setattr(M, "classify_blocks", lambda *a, **k: Unequal(classify(*a, **k)))
        full = M.select(blocks, [], stop, "en", Options(input_format="text"))
        assert (fast.span, fast.classes, fast.kept, fast.meta, fast.decisions) \
            == (full.span, full.classes, full.kept, full.meta, full.decisions), text
        assert fast.verdicts_of() == full.verdicts_of()
    assert seen["same"] >= 2   # (the pages take the short way)


def _whole_page_span(classes, base, ends, weights, footer=frozenset()):
    # choose_span as it scores and searches every block (the reference for _scoring_bounds)
    from stripper import main_content as M
    scores = M._scores(classes, base, weights)
    for i, e in ends.items():
        if 0 <= i < len(scores):
            scores[i] = -(M.COMMENTS_COST_DEFAULT if e == "CMT" else M.RELATED_COST_DEFAULT)
    best, (a, z) = M._max_subarray(scores, 0, len(scores))
    if a < 0:
        return a, z
    cut = max((i for i, e in ends.items() if e == "CMT" and i < a), default=-1)
    if cut > 0:
        sc, span = M._max_subarray(scores, 0, cut)
        if span[0] >= 0 and sc >= max(M.BEFORE_COMMENTS_MIN_DEFAULT, M.BEFORE_COMMENTS_RATIO_DEFAULT * best) \
                and cut - span[1] <= M.BEFORE_COMMENTS_GAP_DEFAULT:
            best, (a, z) = sc, span
    for lo, hi, side in ((0, a, "left"), (z + 1, len(scores), "right")):
        sc, (a2, z2) = M._max_subarray(scores, lo, hi)
        if a2 < 0 or sc < max(M.SECOND_PART_MIN_DEFAULT, M.SECOND_PART_RATIO_DEFAULT * best):
            continue
        gap = range(z2 + 1, a) if side == "left" else range(z + 1, a2)
        if any(ends.get(j) == "CMT" for j in gap):
            continue
        if side == "right" and sum(j in footer for j in gap) >= M.SECOND_PART_FOOTER_LINES_DEFAULT:
            continue
        if side == "left":
            a = a2
        else:
            z = z2
    while z > a and classes[z] != M.GOOD and not (M.NEARGOOD_KEEPS_DEFAULT and base[z] == M.NEARGOOD):
        z -= 1
    return a, z


def test_span_from_the_blocks_that_may_score_is_that_of_every_block():
    # choose_span scores and searches only the blocks from the first to the last that may score
    # above zero (_scoring_bounds): on pages of every class, with related and comment headings
    # and footer lines anywhere, it must choose what the search over every block chooses.
    import random
    from stripper import main_content as M
    rng = random.Random(17)
    kinds = [M.GOOD, M.NEARGOOD, M.SHORT, M.BAD, M.TAGGED, M.CODE]
    for n in range(4000):
        size = rng.randint(0, 60)
        edge = rng.choice(((M.BAD, M.SHORT), (M.BAD, M.NEARGOOD), (M.TAGGED, M.CODE, M.BAD)))
        classes, base = [], []
        for i in range(size):
            inner = size // 4 <= i < size - size // 4
            classes.append(rng.choice(kinds if inner else edge))
            base.append(rng.choice(kinds if rng.random() < 0.5 else (classes[-1],)))
        weights = [rng.choice((0, 1, 2, 5, 12, 40, 130)) if rng.random() < 0.8 else rng.randint(0, 90) / 2.5
                   for _ in range(size)]
        ends = {rng.randrange(size): rng.choice(("CMT", "REL")) for _ in range(rng.randint(0, 3))} if size else {}
        footer = frozenset(rng.randrange(size) for _ in range(rng.randint(0, 4))) if size else frozenset()
        assert M.choose_span(classes, base, ends, weights, footer) == \
            _whole_page_span(classes, base, ends, weights, footer), (classes, base, ends, weights, footer)


def test_web_addresses_weighed_where_scored_give_the_span_of_every_block_weighed():
    # choose_span, given the blocks' texts, counts a web address as one word only in the blocks it
    # scores (_url_weights): the span must be that of every block's weight counted so beforehand.
    import random
    from stripper import main_content as M
    from stripper.language import lower_words
    rng = random.Random(19)
    kinds = [M.GOOD, M.NEARGOOD, M.SHORT, M.BAD, M.TAGGED, M.CODE]
    weighed = 0   # (pages where a web address changes a weight)
    pool = ["Home", "Read more at https://example.com/a/very/long/path/to/the/story/page.html today",
            "See www.example.org/one/two/three for the list", "A plain line of seven words here.",
            "http is a word here", "The paper (https://doi.org/10.1000/182) reports it in ten words or more."]
    for n in range(3000):
        size = rng.randint(0, 40)
        texts = [rng.choice(pool) for _ in range(size)]
        classes = [rng.choice(kinds) for _ in range(size)]
        base = [rng.choice(kinds) if rng.random() < 0.5 else c for c in classes]
        raw = [len(lower_words(t)) for t in texts]
        whole = [len(lower_words(M.URL_RE.sub(" u ", t))) for t in texts]
        ends = {rng.randrange(size): rng.choice(("CMT", "REL")) for _ in range(rng.randint(0, 2))} if size else {}
        assert M.choose_span(classes, base, ends, raw, frozenset(), texts) == M.choose_span(classes, base, ends, whole)
        weighed += raw != whole
    assert weighed > 1000


def test_web_address_blocks_read_off_the_joined_page_are_those_asked_one_by_one():
    # select finds the blocks holding "http" or "www." once, in the page joined by NUL (as the
    # rules' context joins it: _url_blocks), instead of asking each block: the blocks must be the
    # same, needles at a text's edges, in texts holding NULs themselves and in empty texts
    # included, and so must the weights _url_weights gives with them, for any scored stretch.
    import random
    from itertools import accumulate
    from stripper import main_content as M
    rng = random.Random(13)
    parts = ["http", "htt", "p", "www.", "ww", "w.", "www", ".", "\x00", "x", " ", "https://a.b/c", "HTTP", ""]
    found = 0
    for _ in range(3000):
        texts = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(0, 12))]
        joined = "\x00".join(texts)
        starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))[:-1]
        asked = [i for i, t in enumerate(texts) if "http" in t or "www." in t]
        assert M._url_blocks(joined, starts) == asked, texts
        found += len(asked)
        weights = [rng.randint(0, 9) for _ in texts]
        lo = rng.randint(0, len(texts))
        hi = rng.randint(lo, len(texts))
        assert M._url_weights(weights, texts, lo, hi, asked) == M._url_weights(weights, texts, lo, hi)
    assert found > 3000


def test_code_punctuation_counted_off_the_utf8_form_is_the_class_matched():
    # _flat_code counts a line's code punctuation by deleting CODE_PUNCT_BYTES from its UTF-8 form
    # (_code_punct) instead of finding CODE_PUNCT_RE's matches: the class must hold ASCII
    # characters only, and the counts must agree on texts of any script, lone surrogates included.
    import random
    from stripper import main_content as M
    assert all(M.CODE_PUNCT_RE.match(chr(c)) is None for c in range(128, 0x110000))
    assert sorted(M.CODE_PUNCT_BYTES.decode()) == sorted(c for c in map(chr, range(128)) if M.CODE_PUNCT_RE.match(c))
    rng = random.Random(7)
    pool = list(";{}()=<>[]") + ["a", " ", "é", "€", "中", "\ud800", "\U0001f600", "x = f(y);", "<b>", "\u037e"]
    counted = 0
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 60)))
        assert M._code_punct(text) == len(M.CODE_PUNCT_RE.findall(text)), text
        counted += M._code_punct(text)
        assert M._flat_code(text) == (len(text) >= M.FLAT_CODE_MIN_CHARS_DEFAULT and not text.startswith("<")
                                      and len(M.CODE_PUNCT_RE.findall(text)) >= M.FLAT_CODE_DENSITY_DEFAULT * len(text))
    assert counted > 10000


def test_function_characters_counted_by_one_class_are_those_looked_up_one_by_one():
    # block_features counts a CJK line's function characters by the matches of one character class
    # (_function_chars_re) instead of a set look-up per character: the counts must be the same.
    import random
    from stripper import main_content as M
    from stripper.language import function_chars
    from stripper.model import Block
    fchars = function_chars()
    rng = random.Random(23)
    pool = sorted(fchars) + list("新竹景点美食住宿旅游攻略露营地推荐排行榜，。、！？「」のはを ab1-[]^\\")
    found = 0
    lines = []
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        count = sum(map(fchars.__contains__, text))
        assert len(M._function_chars_re().findall(text)) == count, text
        found += count > 0
        lines.append(text)
    assert found > 1000
    # ... and so are the densities block_features gives with them (the function characters' share
    # weighed as before, where punctuation and hiragana leave it to decide)
    f = M.block_features([Block(i, t) for i, t in enumerate(lines)], frozenset(), cjk=True)
    for text, d in zip(lines, f.dens):
        n = len(text)
        want = min(1.0, 6 * len(M.CJK_PUNCT_RE.findall(text)) / n) if n else 0.0
        if n and want < 1.0:
            want = max(want, len(M.HIRAGANA_RE.findall(text)) / n)
            if want < 1.0:
                want = min(1.0, max(want, M.FUNCTION_CHAR_WEIGHT_DEFAULT * sum(map(fchars.__contains__, text)) / n))
        assert d == want, text


def test_cjk_densities_left_unread_are_not_worked_out():
    # block_features, given min_chars, works out a CJK block's density only where a pass reads it
    # (min_chars // 3 characters or more, or a sentence end with few links): the sentence tests and
    # the classes must be those of every density worked out.
    import random
    from stripper import main_content as M
    from stripper.model import Block
    from stripper.options import Options
    rng = random.Random(29)
    pool = list("新竹景点美食住宿旅游攻略露营地推荐的了是在也和有我们。，、！？「」のはをがにでと") + [" ", "a", "1"]
    options = Options()
    skipped = 0
    for _ in range(300):
        blocks = []
        for i in range(rng.randint(1, 30)):
            text = "".join(rng.choice(pool) for _ in range(rng.choice((1, 3, 8, 10, 15, 20, 22, 23, 24, 40, 90))))
            # (no links, some, all, or the most a sentence may hold: 3 of 10 characters)
            links = rng.choice((0, 0, 0, len(text) // 2, len(text), len(text) * 3 // 10))
            blocks.append(Block(i, text, link_chars=links))
        lean = M.block_features(blocks, frozenset(), True, options.length_low)
        full = M.block_features(blocks, frozenset(), True)
        assert lean.sentence_like == full.sentence_like and lean.ends == full.ends
        for relaxed in (False, True):
            assert M.classify_blocks(blocks, {}, lean, True, options, relaxed) == \
                M.classify_blocks(blocks, {}, full, True, options, relaxed)
        skipped += sum(a != b for a, b in zip(lean.dens, full.dens))
    assert skipped > 100   # (blocks whose density was left unread)
