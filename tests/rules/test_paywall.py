"""PAY: unfilled placeholders, metered paywalls and subscription offers."""
import pytest
from .rulecheck import Fires, Quiet, case_id, check

LONG_PROSE = ("The newspaper's owners argued for years that readers would never pay for news online, "
              "and for a while they were right. Then the print advertising market collapsed, the "
              "free trial offers multiplied, and by 2019 nearly every regional title in the country "
              "had put up some kind of wall in front of its local reporting.")

CASES = [
    Fires("PAY001", "You have {{numberArticlesLeft}} free article{{numberArticlesLeft-plural}} left",
          'unfilled placeholder "{{numberArticlesLeft}}"'),
    Fires("PAY001", "Welcome back, ${firstName}!", 'unfilled placeholder "${firstName}"'),
    Fires("PAY001", "Hello {userName}, your account is ready", 'unfilled placeholder "{userName}"'),
    Fires("PAY001", "Only __ARTICLE_COUNT__ stories remaining", 'unfilled placeholder "__ARTICLE_COUNT__"'),
    Fires("PAY001", "You have read %d of %d free stories", 'unfilled placeholder "%d"'),
    Fires("PAY001", "Renews at %%PRICE_MONTHLY%% per month", 'unfilled placeholder "%%PRICE_MONTHLY%%"'),
    Fires("PAY002", "You have 3 free articles left this month.", 'paywall prompt "You have 3 free articles"'),
    Fires("PAY002", "Already a subscriber? Sign in", 'paywall prompt "Already a subscriber"'),
    Fires("PAY002", "Subscribe to continue reading.", 'paywall prompt "Subscribe to continue reading"'),
    Fires("PAY002", "This is your last free article this month", 'paywall prompt "This is your last free article"'),
    Fires("PAY002", "To continue reading, subscribe now. " + LONG_PROSE, 'paywall prompt "To continue reading'),
    Fires("PAY002", "Dieser Artikel ist nur für Abonnenten verfügbar.", 'paywall prompt "Dieser Artikel ist nur für Abonnenten'),
    Fires("PAY002", "Cet article est réservé aux abonnés.", 'paywall prompt "Cet article est réservé aux abonnés'),
    Fires("PAY003", "Try 3 months for $1", 'offer "Try 3 months for $1"'),
    Fires("PAY003", "Immediate online access to all issues. Subscription will auto renew annually.",
          'offer "Subscription will auto renew'),
    Fires("PAY003", "Only €4.99 per month. Cancel anytime.", 'offer "Only €4.99"'),
    Fires("PAY003", "Offer ends Sunday", 'offer "Offer ends"'),
    Fires("PAY003", "See all offers", 'offer "See all offers"'),
    Fires("PAY003", "Jetzt 3 Monate für nur 1 €", "offer"),
    Fires("PAY003", "Essai gratuit, sans engagement", 'offer "Essai gratuit"'),
    Quiet(LONG_PROSE),
    Quiet("Digital subscriptions more than doubled between 2015 and 2020, the report found, while "
          "print circulation fell by a third."),
    Quiet("Inflation was 3.2% in May, down from 4% in April."),
    Quiet("The template engine, written in 2004, still renders every page of the site."),
    Quiet("She said she would subscribe to any paper that covered the council properly."),
    pytest.param(Quiet("Subscribers paid $9.99 a month until the price rose in 2022, the filing shows."),
                 marks=pytest.mark.xfail(reason="PAY003: a price phrase in the first 30 characters of a "
                                         "sentence still fires; offers should need a UI-shaped block", strict=True)),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case):
    check(case)


def test_placeholder_hint_holds_every_placeholder_hit():
    """template_placeholder reads only a block PLACEHOLDER_HINT_RE finds something in: every hit of
    the placeholder list holds such a thing, in any case and with the letters IGNORECASE reads
    otherwise than lowering does."""
    from stripper.phrases import load_phrases
    from stripper.rules.paywall import PLACEHOLDER_HINT_RE
    m = load_phrases("placeholders")
    pieces = ["{{numberArticlesLeft}}", "{{ user.name | upper }}", "${name}", "${a.b$c}", "%s", "%d", "%i", "%S",
              "%D", "%I", "%\u017f", "%\u0130", "%\u0131", "%%SITE_NAME%%", "%%TOKEN%%", "%%ABC%%", "[[user_name]]", "[[a.b]]", "<%= name %>",
              "<% x %>", "{firstName}", "{aB}", "__SITE_NAME__", "__ABC__", "50%", "$5", "{", "%", "%x", "100% sure",
              "%%", "[[", "<%", "__", "${", "{{", "}}", "%% of", "a%sb", "x %s y", "%%s", "%s%"]
    texts = [p for p in pieces] + [f"You have {p} left" for p in pieces] + [f"{p}{q}" for p in pieces for q in pieces]
    hits = 0
    for t in texts:
        if m.search(t):
            hits += 1
            assert PLACEHOLDER_HINT_RE.search(t), t
    assert hits > 300
