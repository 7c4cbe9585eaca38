"""FTR and DUP: footer and legal lines, reading-time labels, repeated template furniture."""
import pytest
from .rulecheck import Fires, Quiet, case_id, check, decide

CASES = [
    Fires("FTR001", "© 2024 Harbor Media Group. All rights reserved.", 'footer "© 2024'),
    Fires("FTR001", "This entry was posted in Travel. Bookmark the permalink.", 'footer "This entry was posted in'),
    Fires("FTR001", "(Alle Angaben ohne Gewähr)", 'footer "Alle Angaben ohne Gewähr', language="de"),
    Quiet("The lottery office said that all numbers printed in the paper are given without guarantee, as every week."),
    Fires("FTR001", "Copyright 2023 Example Media", 'footer "Copyright 2023'),
    Fires("FTR001", "Privacy Policy", 'footer "Privacy Policy"'),
    Fires("FTR001", "Terms of Use | Privacy Policy | Contact Us", 'footer "Terms of Use"'),
    Fires("FTR001", "Impressum", 'footer "Impressum"', language="de"),
    Fires("FTR001", "Mentions légales", 'footer "Mentions légales"', language="fr"),
    Fires("FTR001", "Copyright Folha de S.Paulo. Todos os direitos reservados. É proibida a reprodução do "
          "conteúdo desta página em qualquer meio de comunicação, eletrônico ou impresso, sem autorização "
          "escrita da Folhapress.", 'footer notice "Copyright F', language="pt"),
    Quiet("Copyright law in the EU changed in 2019, and the court said all rights reserved by the authors "
          "still apply to works published before then."),
    Fires("FTR002", "5 min read", 'reading time "5 min read"'),
    Fires("FTR002", "4 Minute Read", 'reading time "4 minute read"'),
    Fires("FTR002", "Lesezeit: 3 Minuten", 'reading time "lesezeit: 3 minuten"', language="de"),
    Fires("FTR002", "Temps de lecture : 6 min", 'reading time "temps de lecture', language="fr"),
    Fires("FTR002", "Listen (4:32)", 'reading time "listen (4:32'),
    Fires("DUP001", "Gift this article", 'seen 3 times: "Gift this article"',
          before=("Gift this article", "Great piece."), after=("Gift this article",)),
    Quiet("Gift this article", before=("Gift this article",)),
    Fires("DUP002", "How to Defeat the Urge to Binge Shop How to Defeat the Urge to Binge Shop How to Defeat "
          "the Urge to Binge Shop", '"How to Defeat the Urge to Binge Shop" written 3 times'),
    Fires("DUP002", "Insérer dans une page webInsérer dans une page web", "written 2 times", language="fr"),
    Quiet("Lorem ipsum dolor sit amet, consetetur sadipscing. Lorem ipsum dolor sit amet, consetetur sadipscing."),
    Quiet("Rank Name Region Rank Name Region"),
    Quiet("新开通的线路全长约12公里，共设8座车站。新开通的线路全长约12公里，共设8座车站。", language="zh"),
    Quiet("New York New York is the song they played at the end of the night, again and again."),
    Quiet("The city council voted to keep the library open on Sundays.",
          before=("The city council voted to keep the library open on Sundays.",) * 2),
    Quiet("A link to the privacy policy sat at the bottom of every page of the app, the investigators "
          "wrote, but the policy itself had not been updated since 2016 and still named a company "
          "that no longer existed."),
    Quiet("The walk to the station takes 5 minutes."),
    Quiet("The bridge was designed by Zaha Hadid Architects and opened in 2010."),
    Quiet("Careers in nursing now pay better than teaching, the survey found."),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case):
    check(case)


def test_repeat_counts_every_copy():
    # The first copy is furniture too: counts are page-wide, not "seen before".
    d = decide(Fires("DUP001", "Save for later", "seen 3 times", after=("Save for later", "Save for later")))
    assert d is not None and d.rule_id == "DUP001"


def _doubled_slow(text: str) -> str | None:
    """doubled_line's reading without its early exits: the normalised text written out as one line."""
    from stripper.rules import quote
    from stripper.rules.common import word_count
    from stripper.rules.footer import DOUBLED_MAX_TIMES_DEFAULT, DOUBLED_MIN_WORDS_DEFAULT, DOUBLED_SENTENCE_ENDS
    text = " ".join(text.split())
    for times in range(2, DOUBLED_MAX_TIMES_DEFAULT + 1):
        for sep in (" ", ""):
            size, rest = divmod(len(text) - (times - 1) * len(sep), times)
            unit = text[:size]
            if not rest and size > 0 and sep.join([unit] * times) == text \
                    and unit[-1] not in DOUBLED_SENTENCE_ENDS and word_count(unit) >= DOUBLED_MIN_WORDS_DEFAULT:
                return f"{quote(unit, 40)} written {times} times"
    return None


def test_doubled_line_and_its_candidates_skip_no_doubled_line():
    """The early exits of doubled_line and doubled_candidates (a sentence end at the block's end,
    the first word once) leave out no block the full reading fires on."""
    from stripper.model import Block
    from stripper.options import Options
    from stripper.rules import make_context
    from stripper.rules.footer import doubled_candidates, doubled_line
    units = ["How to Save Money Now", "Use the Stranger Test", "Rank Name Region Town", "Read this. Then that.",
             "Wait, what is this?!", "Ein Test mit »Wörtern«", "Seen at «the» show", "It is over now.",
             "  Spaced   out  words here ", "Trailing quote here\u201d", "one two three four five"]
    texts = [sep.join([u] * k) + tail for u in units for k in (1, 2, 3, 4, 5) for sep in (" ", "", "\n", "  ")
             for tail in ("", " ", "\n\t")]
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    chosen = set(doubled_candidates(ctx))
    fired = 0
    for b in blocks:
        want = _doubled_slow(b.text) if ctx.nwords[b.index] >= 8 else None
        assert doubled_line(b, ctx) == want, b.text
        if want:
            fired += 1
            assert b.index in chosen or len(b.text) > 600, b.text
    assert fired > 50
