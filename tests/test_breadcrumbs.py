"""Section from a breadcrumb trail (stripper.breadcrumbs)."""
from stripper.breadcrumbs import crumbs, section
from stripper.model import Block, Decision

PROSE = "The council voted on Tuesday to extend the tram line to the northern suburbs by 2027."


def page(trail: str, at: int = 1, start: int = 3):
    """Blocks with the trail at index `at` (dropped by NAV001) and the article from `start`."""
    texts = ["Menu", "Search", "Sign in", "Headline", PROSE, PROSE]
    texts[at] = trail
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    return blocks, [Decision("NAV001", at, "drop", "breadcrumb")], start


def test_crumbs_split_at_the_trail_separator():
    assert crumbs("Home › Science") == ["Home", "Science"]
    assert crumbs("You are here: Home » Europe » Germany") == ["Home", "Europe", "Germany"]
    assert crumbs("首页 > 科技 > 正文") == ["首页", "科技", "正文"]
    # the trail's own separator cuts it; a slash inside a crumb stays
    assert crumbs("Home » Haustechnik » Elektro / Photovoltaik » Title") == \
        ["Home", "Haustechnik", "Elektro / Photovoltaik", "Title"]


def test_last_place_before_the_page_is_the_section():
    blocks, decisions, start = page("Home › Science")
    assert section(blocks, decisions, start, "Probe brings home a sample") == ("Science", 1)
    blocks, decisions, start = page("首页 > 科技 > 正文")
    assert section(blocks, decisions, start, "杭州地铁10号线二期开通运营")[0] == "科技"
    blocks, decisions, start = page("Startseite » Nachrichten » Energie » Bayern fordert höhere Erlösobergrenzen")
    assert section(blocks, decisions, start, "Bayern fordert höhere Erlösobergrenzen für Bioenergie")[0] == "Energie"


def test_archive_dates_and_cut_headlines_are_not_sections():
    blocks, decisions, start = page("Home / Essays / 2017 / January / Aggression Fotografie")
    assert section(blocks, decisions, start, "Aggression Fotografie")[0] == "Essays"
    blocks, decisions, start = page("Home > Histo-Monte: Pis ...")
    assert section(blocks, decisions, start, "Histo-Monte: Pistenstopp in Rheinfelden") is None


def test_no_headline_known_the_last_crumb_may_be_the_page():
    blocks, decisions, start = page("Home / Essays / Aggression Fotografie")
    assert section(blocks, decisions, start, None)[0] == "Essays"
    blocks, decisions, start = page("wmn » Health » Body & Fitness »")   # a trail of places only
    assert section(blocks, decisions, start, None)[0] == "Body & Fitness"


def test_menus_far_trails_and_other_rules_give_nothing():
    menu = "首页|新闻|图片|评论|共青团|娱乐|时尚|财经|军事|体育"
    blocks, decisions, start = page(menu)
    assert section(blocks, decisions, start, "Headline") is None
    blocks, decisions, _ = page("Home › Science", at=1)
    assert section(blocks, decisions, 30, "Headline") is None        # 29 blocks before the article
    blocks, _, start = page("Home › Science")
    assert section(blocks, [Decision("NAV002", 1, "drop", "links")], start, "Headline") is None
    assert section(blocks, decisions, -1, "Headline") is None        # no article
