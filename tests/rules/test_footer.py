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
