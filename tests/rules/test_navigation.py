"""NAV, REL, CMT: breadcrumbs, link lists, related-list and comment-section headings."""
import pytest
from .rulecheck import Fires, Quiet, case_id, check

MENU = "Home World Business Tech Science"
PROSE_WITH_LINK = ("The council published the full audit on Tuesday, and the mayor said the findings "
                   "would shape next year's budget, which is due in October.")

CASES = [
    Fires("NAV001", "Home > News > World", 'breadcrumb "home > news > world"'),
    Fires("NAV001", "Home » Business » Markets", 'breadcrumb "home » business » markets"'),
    Fires("NAV001", "Startseite / Politik / Inland", 'breadcrumb "startseite / politik', language="de"),
    Fires("NAV001", "You are here: Home / Sport", 'breadcrumb "you are here'),
    Fires("NAV001", "Accueil › Culture › Cinéma", 'breadcrumb "accueil › culture', language="fr"),
    Fires("NAV002", MENU, "100% link text", link_chars=len(MENU), input_kind="markdown"),
    Fires("NAV002", "Tags: climate, energy, Europe", '76% link text: "Tags', link_chars=22, input_kind="markdown"),
    Fires("NAV002", "Menu: a b", '78% link text', link_chars=7, input_kind="markdown"),
    Fires("NAV002", "abcd", '75% link text', link_chars=3, input_kind="markdown"),
    Quiet("abcdefghijklmnopqrstuvwxyz", link_chars=19, input_kind="markdown"),
    Quiet("abcd", link_chars=2, input_kind="markdown"),
    Fires("NAV003", "Read also: How the new bus routes will work", 'teaser "read also: how the new bus routes'),
    Fires("NAV003", "Lesen Sie auch: Was sich 2024 beim Deutschlandticket ändert", 'teaser "lesen sie auch:',
          language="de"),
    Fires("NAV003", "VEA TAMBIÉN: Las claves del nuevo presupuesto", "teaser", language="es"),
    Fires("NAV003", "Le puede interesar: JEP abrirá tres nuevos macrocasos", "teaser", language="es"),
    Fires("NAV003", "Most read: Council votes to close the old bridge", 'teaser "most read: council'),
    Fires("NAV004", "When you walk into almost any store, you're immediately overloaded with sights, sounds,… "
          "Read more Read more", 'excerpt ending "… Read more Read more"'),
    Fires("NAV004", "Die Stadt plant einen neuen Radweg entlang des Flusses, der bis ... Weiterlesen »",
          'excerpt ending "... Weiterlesen »"', language="de"),
    Fires("NAV004", "Le conseil municipal a voté hier soir un budget qui prévoit […] Lire la suite",
          'excerpt ending "[…] Lire la suite"', language="fr"),
    Quiet("He paused… and then said: read more, argue less, and the rest will follow from that."),
    Quiet("The mayor said the answer was simple... more buses."),
    Quiet("Wait for it… more"),
    Fires("REL001", "Related Articles", 'related-list heading "related articles"'),
    Fires("REL001", "Das könnte Sie auch interessieren …", 'related-list heading "das könnte sie', language="de"),
    Fires("REL001", "Mehr zum Thema auf example.de:", 'related-list heading "mehr zum thema"', language="de"),
    Fires("REL001", "Most read on example.com", 'related-list heading "most read"'),
    Fires("REL001", "Veja também", 'related-list heading "veja também"', language="pt"),
    Fires("REL001", "You may also like", 'related-list heading "you may also like"'),
    Fires("REL001", "Most Read", 'related-list heading "most read"', kind="heading", level=2),
    Fires("REL001", "Lesen Sie auch:", 'related-list heading "lesen sie auch"', language="de"),
    Fires("REL001", "À lire aussi", 'related-list heading "à lire aussi"', language="fr"),
    Fires("CMT001", "Leave a Reply", 'comment section "leave a reply"'),
    Fires("CMT001", "Join the discussion", 'comment section "join the discussion"'),
    Fires("CMT001", "Sign in to post a reply.", 'comment section "sign in to post a reply"'),
    Quiet("She told us to sign in to post a reply on the council's forum before the meeting on Tuesday."),
    Fires("CMT001", "留言列表 (42)", 'comment section "留言列表 (42', language="zh"),
    Fires("CMT001", "發表留言", 'comment section "發表留言"', language="zh"),
    Fires("CMT001", "发表评论", 'comment section "发表评论"', language="zh"),
    Fires("CMT001", "Kommentare", 'comment section "kommentare"', language="de"),
    pytest.param(Fires("CMT001", "Your email address will not be published. Required fields are marked *",
                       'comment section "Your email address will not be published"'),
                 marks=pytest.mark.xfail(reason="NWS001 runs first and its plain 'your email address' entry "
                                         "drops the comment-form notice instead of ending the article",
                                         strict=True)),
    Fires("CMT001", "23 Comments", 'comment section "23 comments"'),
    Fires("CMT001", "There are 13 comments", 'comment section "there are 13 comments"'),
    Quiet("There are 13 comments in the report that the council has not answered yet, the auditor said."),
    Fires("CMT001", "Comments (4)", 'comment section "comments (4'),
    Quiet("Home is where the heart is, her mother used to say."),
    Quiet(PROSE_WITH_LINK, link_chars=20, input_kind="markdown"),
    Quiet("Read more about the study in the journal Nature."),
    Quiet("See also how the council voted last year, when the same plan failed by one vote."),
    Quiet("More: the agency said the figures would be revised in the spring."[6:]),
    Quiet("Comments from the minister drew sharp criticism on Monday."),
    Quiet("Popular support for the plan has fallen since March."),
    Quiet("Tags: Uncategorized"),
    Quiet("Elsewhere: the council said on Monday that the old bridge would stay closed until the end of May."),
    Quiet("Most read on the island is the local paper, which the ferry brings every morning."),
    Fires("CMT001", "Vos réactions (11)", 'comment section "vos réactions', language="fr"),
    Fires("REL001", "Dich interessiert vielleicht auch", 'related-list heading "dich interessiert', language="de"),
    Quiet("Dich interessiert vielleicht auch, wie die Fähre im Winter fährt: Die Boote legen dann nur einmal "
          "in der Stunde ab, und das letzte Schiff verlässt den Hafen schon um zehn Uhr abends.", language="de"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case):
    check(case)


def test_link_list_reason_made_when_read():
    """NAV002 gives its reason unmade (see rules.rule): read from the decision, it is the string the
    rule made at once before, cut to 80 characters, and the decision reads, compares, copies and
    pickles as one holding that string would."""
    import pickle
    import random
    from stripper.model import Block, Decision
    from stripper.options import Options
    from stripper.rules import apply_rules, make_context, quote
    rng = random.Random(11)
    checked = 0
    words = ["Home", "World", "Business", "a", "[x]", "»", "Über", "  ", "tech\tnews", "x" * 45, "İstanbul"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12))).strip() or "Home"
        if len(text.split()) > 30:
            continue
        size = len(text)
        link_chars = rng.choice([size, size - 1, (3 * size + 3) // 4, (3 * size) // 4, 1, 0])
        blocks = [Block(index=0, text=text, link_chars=link_chars, origin="markdown")]
        got = apply_rules(blocks, make_context(blocks, Options(), None, frozenset(), "markdown"))
        if got and got[0].rule_id != "NAV002":
            continue   # (a rule before it decided: "»" makes breadcrumbs)
        checked += 1
        if link_chars and link_chars >= 0.75 * size:
            share = "100%" if link_chars == size else f"{link_chars / size:.0%}"
            want = f"{share} link text: {quote(text, 40)}"[:80]
            assert [d.reason for d in got] == [want], (text, link_chars)
            d = got[0]
            assert d == Decision(*d) and d._asdict()["reason"] == want and repr(want) in repr(d)
            assert pickle.loads(pickle.dumps(d)).reason == want and d._replace(index=3).reason == want
        else:
            assert got == [], (text, link_chars)
    assert checked > 200
