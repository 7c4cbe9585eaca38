"""SPN: advertising labels and the paragraph that explains a sponsorship."""
import pytest
from .rulecheck import Fires, Quiet, case_id, check

CASES = [
    Fires("SPN001", "Sponsored Content", 'advertising label "sponsored content"'),
    Fires("SPN001", "ADVERTISEMENT", 'advertising label "advertisement"'),
    Fires("SPN001", "Story continues below advertisement", 'advertising label "story continues below advertisement"'),
    Fires("SPN001", "Sponsored by Acme", 'advertising label "sponsored by acme"'),
    Fires("SPN001", "Paid Post", 'advertising label "paid post"'),
    Fires("SPN001", "– Anzeige –", 'advertising label "anzeige"', language="de"),
    Fires("SPN001", "Contenu sponsorisé", 'advertising label "contenu sponsorisé"', language="fr"),
    Fires("SPN002", "About Sponsored Content This content was commissioned by Nikkei's Global Business Bureau.",
          'sponsorship note "About Sponsored Content"'),
    Fires("SPN002", "This post contains references to products from one or more of our advertisers. "
          "We may receive compensation when you click on links to those products.", "sponsorship note"),
    Fires("SPN002", "This content was paid for by Harbor Bank and produced by our commercial team.",
          'sponsorship note "This content was paid for by"'),
    Fires("SPN002", "Dieser Beitrag wurde gesponsert von der Stadtwerke AG.",
          'sponsorship note "Dieser Beitrag wurde gesponsert"', language="de"),
    Quiet("The ad campaign ran for six weeks on regional television."),
    Quiet("Advertising revenue fell 8 percent last year as brands moved their budgets to short video, "
          "the company said in its annual report."),
    Quiet("Pompeii was buried by the eruption of Vesuvius in AD 79."),
    Quiet("Sponsored events, she said, are the only way the small festival survives."),
    Fires("SPN002", "Disclaimer: The responses below are not provided or commissioned by the bank advertiser. "
          "Responses have not been reviewed, approved or otherwise endorsed by the bank advertiser.",
          "sponsorship note"),
    Quiet("The responses below are from readers who wrote to us after last week's story about the ferry, "
          "and most of them agree that the new timetable is better than the old one for commuters."),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case):
    check(case)
