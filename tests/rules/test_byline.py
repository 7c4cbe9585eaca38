"""BYL: bylines, date lines, photo captions, closing author bios and section kickers are tagged
for the metadata (action "tag"), and sentences that merely look like them are left alone."""
import pytest
from .rulecheck import Fires, Quiet, case_id, check, decide

from stripper.model import TAG, Block
from stripper.options import Options
from stripper.rules import byline as byl, make_context

CASES = [
    Fires("BYL001", "By Jane Doe and John Roe", 'byline "By Jane Doe and John Roe"'),
    Fires("BYL001", "By Priya Raman, Reuters", 'byline "By Priya Raman, Reuters"'),
    Fires("BYL001", "Written by Sam Ortiz", 'byline "Written by Sam Ortiz"'),
    Fires("BYL001", "Von Anna Schmidt und Lukas Weber", 'byline "Von Anna Schmidt', language="de"),
    Fires("BYL001", "Par Claire Dubois", 'byline "Par Claire Dubois"', language="fr"),
    Fires("BYL002", "Published March 5, 2020", "-> 2020-03-05"),
    Fires("BYL002", "Updated 10:31 AM ET, Tue March 3, 2020", "-> 2020-03-03"),
    Fires("BYL002", "Veröffentlicht am 12.03.2024, 14:30 Uhr", "-> 2024-03-12", language="de"),
    Fires("BYL002", "Publié le 5 février 2024 à 08h15", "-> 2024-02-05", language="fr"),
    Fires("BYL002", "2024年3月5日 10:20", "-> 2024-03-05", language="zh"),
    Fires("BYL003", "Japanese destroyer Hamagiri arrives in Vladivostok, Russia, on Nov. 20. © Reuters",
          'credit "© Reuters"'),
    Fires("BYL003", "Rescue workers search the rubble in Antakya. Photograph: Elif Kaya/Getty Images",
          "credit"),
    Fires("BYL003", "Protesters gather outside parliament on Monday. (Photo: AP)", 'credit "Photo: AP'),
    Fires("BYL003", "Die Baustelle am Hauptbahnhof im Februar. Foto: dpa", 'credit "Foto: dpa"', language="de"),
    Fires("BYL004", "Jane Doe is a professor of economics at the University of Leeds.",
          'author bio, role "professor"'),
    Fires("BYL004", "Lena Fischer is a science journalist based in Hamburg.", 'author bio, role "journalist"'),
    Fires("BYL004", "Marc Lefèvre est un journaliste indépendant installé à Lyon.", 'author bio, role "journaliste"',
          language="fr"),
    Fires("BYL005", "| Japan", 'section kicker "| Japan"'),
    Fires("BYL005", "| Business & Economy", 'section kicker "| Business & Economy"'),
    Quiet("By the way, the lake froze twice that winter."),
    Quiet("By 2030 the city wants 40 percent fewer cars in the centre."),
    Quiet("Bypass surgery is now routine in most regional hospitals."),
    Quiet("The flood of March 5, 2020, destroyed the old mill and three houses further down the river."),
    Quiet("The talks were first reported by Reuters."),
    Quiet("Maria Lopez is a mother of three who lost her job in March."),
    Quiet("Smith is a professor at Yale and has studied the virus for years."),
    Quiet("Prices | like rents | have risen for a decade and show no sign of slowing down this year."),
    Quiet("By Tuesday morning, the water had reached the second floor."),
    Quiet("By March the river had risen again."),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case):
    check(case)


@pytest.mark.parametrize("text,label", [("By Jane Doe", "byline"), ("Published March 5, 2020", "date"),
                                        ("A crowd on Monday. © Reuters", "caption"), ("| Japan", "section"),
                                        ("Jane Doe is a professor of law at Leeds.", "bio")])
def test_tags_carry_their_label(text, label):
    d = decide(Quiet(text))
    assert d is not None and d.action == TAG and d.label == label


def test_long_byline_is_prose():
    text = ("By Friday the organisers had counted more than four thousand volunteers, twice as many "
            "as last year, and the queue stretched around the block.")
    assert decide(Quiet(text)) is None


@pytest.mark.parametrize("line,names", [
    ("By Jonas Berg · 6 Minute Read", ["Jonas Berg"]),
    ("By Tom Reed Published 9:02 AM EST, Mon January 8, 2024", ["Tom Reed"]),
    ("By Tom Reed Published March 8, 2024", ["Tom Reed"]),
    ("By Priya Raman and Tom Okafor, Staff Writers", ["Priya Raman", "Tom Okafor"]),
    ("By Sam Ortiz | Share", ["Sam Ortiz"]),
    ("By Ledger Staff", []),
    ("By Staff Reporter", []),
    ("Minute Read", []),
    ("Published", []),
    ("Share", []),
    # a date after the name, in any case; labels before it; handles and counts after it
    ("By Martin Jendrischik On 12. Dezember 2022", ["Martin Jendrischik"]),
    ("VON MORITZ GATHMANN am 21. April 2020", ["MORITZ GATHMANN"]),
    ("Von Jule Radeck Vom 3. Februar 2022 0", ["Jule Radeck"]),
    ("Par Loïc Le Clerc | 30 septembre 2018", ["Loïc Le Clerc"]),
    ("Por Williams Perdomo @wperdomod - mayo 11, 2022", ["Williams Perdomo"]),
    ("Text: Ursula Eggers", ["Ursula Eggers"]),
    ("Text & Fotos: Ivan Valetny 0 337", ["Ivan Valetny"]),
    ("05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher)", ["Eberhard Fuhr"]),
    ("02.02.2022, 11:30 Uhr von Markus Steinrisser", ["Markus Steinrisser"]),
    ("von Mathilda Trausch, Online-Redaktion Veröffentlicht: 26.12.2022", ["Mathilda Trausch"]),
    ("Text: so wird es gemacht", []),
    ("Januar 2014 by Barbara Russ / Kategorien: Event, Fashion", ["Barbara Russ"]),
    ("Dezember 2022 von Fatima in Gefühle, Popkultur", ["Fatima"]),
    ("Evgenia Karp Zuletzt geändert am 06.11.2023", ["Evgenia Karp"]),
    # a user name counts only after an explicit "posted by"
    ("Posted on 2015-04-05 by marc | Leave a comment", ["marc"]),
    ("Publiziert am 23. Juli 2013 von uriebe", ["uriebe"]),
    ("Posted by email", []),
    ("by marc", []),
])
def test_byline_names_are_people_only(line, names):
    """Authors precision: UI words, reading time, "Published" and "Staff" are never names."""
    from stripper.byline import clean_person_names
    assert clean_person_names(line) == names


@pytest.mark.parametrize("line,title,names", [
    ("Liebeshoroskop Januar 2023: Das sagen die Sterne von Sonia Mevißen",
     "Liebeshoroskop Januar 2023: Das sagen die Sterne", ["Sonia Mevißen"]),
    # a headline of two words keeps its "von" (too little headline left to tell)
    ("Solidarität = Nachbarschaftshilfe von Martina Scharmann",
     "Solidarität = Nachbarschaftshilfe von Martina Scharmann", []),
    ("Brookhaven Village closed due to gas leak by Logan Ritchie November 8, 2023 | 6:03 PM",
     "Brookhaven Village closed due to gas leak", ["Logan Ritchie"]),
    # not a byline: a one-word name, or words of the headline after the name
    ("TV-Tipp: Eine Hommage an Vicco von Bülow", "TV-Tipp: Eine Hommage an Vicco von Bülow", []),
    ("Die besten Tricks von Marie Kondo für Kleiderschrank und Küche",
     "Die besten Tricks von Marie Kondo für Kleiderschrank und Küche", []),
    ("Killed by lightning in the park", "Killed by lightning in the park", []),
])
def test_headline_with_glued_byline(line, title, names):
    """A header dumped as one line: the byline after the headline goes to the authors."""
    from stripper.byline import split_title_byline
    assert split_title_byline(line) == (title, names)


SIGNED_BIO = ("Jule Radeck studierte Sportwissenschaften, bevor sie als Volontärin nach Hamburg zog. "
              "In ihrer Freizeit findet man sie oft im Schwimmbecken.")


def test_life_sentence_led_by_the_signing_name_is_a_bio():
    d = decide(Quiet(SIGNED_BIO, before=("Von Jule Radeck", "Der Text des Artikels."), language="de"))
    assert d is not None and d.rule_id == "BYL004" and d.label == "bio" and "Jule Radeck" in d.reason
    d = decide(Quiet("Tom Reed writes about energy and lives in Leeds.", before=("Tom Reed 120 posts",)))
    assert d is not None and d.rule_id == "BYL004"
    d = decide(Quiet("Moritz Gathmann leitet das Ressort Inland. Er studierte Geschichte in Berlin.",
                     before=("VON MORITZ GATHMANN am 21. April 2020",), language="de"))
    assert d is not None and d.rule_id == "BYL004"


@pytest.mark.parametrize("before", [(), ("Von Anna Schmidt",), ("Jule Radeck vor ihrem Haus in Kiel.",),
                                    ("Jule Radeck:",)])
def test_life_sentence_about_someone_not_signing_stays(before):
    """A person of the story: nobody signs with the name, or it sits in a caption sentence."""
    assert decide(Quiet(SIGNED_BIO, before=before, language="de")) is None


def test_first_prose_under_an_about_the_author_heading_is_a_bio():
    text = "Der Autor lebt in Köln und schreibt über Politik und Gesellschaft."
    d = decide(Quiet(text, before=("Über den Autor", "Moritz Beispiel"), language="de"))
    assert d is not None and d.rule_id == "BYL004" and "Über den Autor" in d.reason
    d = decide(Quiet("Nikhil works on Web APIs. He is currently hacking on Fetch.", before=("About the Author",)))
    assert d is not None and d.rule_id == "BYL004"


@pytest.mark.parametrize("before", [
    ("About the author", "He wrote three books about the war and later taught history in Leeds for a decade."),
    ("A note about the author of the letter",),
])
def test_prose_far_from_an_about_the_author_heading_stays(before):
    assert decide(Quiet("The letter was found in 1998 in a drawer of the old town hall.", before=before)) is None


def test_role_led_paragraph_under_a_byline_is_a_bio():
    text = "Freier Autor in Berlin und Vorsitzender eines Literaturvereins, der regelmäßig Vorträge anbietet."
    d = decide(Quiet(text, before=("Der letzte Absatz des Artikels.", "Von Frank Hahn"), language="de"))
    assert d is not None and d.rule_id == "BYL004" and 'role "Autor"' in d.reason


@pytest.mark.parametrize("before", [("Frank Hahn",), ("Von Frank Hahn", "Teilen"), ("By Tuesday morning",)])
def test_role_led_paragraph_without_a_byline_above_stays(before):
    """A name alone may be an interview's speaker; the byline must sit right above."""
    text = "Journalist sein heißt heute vor allem, schnell zu sein und trotzdem genau zu bleiben."
    assert decide(Quiet(text, before=before, language="de")) is None


def test_about_headings_have_their_listed_normal_forms():
    """author_bio reads a page's author-box headings off the blocks' normal forms: every character
    re.IGNORECASE matches to one of a heading's lowers to one of its forms (ODD_LOWER_FORMS), so
    a line ABOUT_AUTHOR_RE matches whole has a normal form in ABOUT_AUTHOR_NORMS."""
    import re
    import sys
    from stripper.phrases import normalize_block
    from stripper.rules.byline import ABOUT_AUTHOR_HEADINGS, ABOUT_AUTHOR_NORMS, ABOUT_AUTHOR_RE, ODD_LOWER_FORMS
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for c in set("".join(ABOUT_AUTHOR_HEADINGS)):
        forms = {x.lower() for x in re.compile(re.escape(c), re.I).findall(every)}
        assert forms <= {c, *ODD_LOWER_FORMS.get(c, ())}, c
    lines = []
    for h in ABOUT_AUTHOR_HEADINGS:
        for form in (h, h.upper(), h.title(), h.replace("i", "\u0130"), h.replace("i", "\u0131"),
                     h.replace("s", "\u017f"), h.upper().replace("I", "\u0131").replace("S", "\u017f")):
            lines += [form, form + ":", " " + form + " :", form + "\u00a0:\n"]
    for line in lines:
        assert ABOUT_AUTHOR_RE.fullmatch(line.strip()), line
        assert normalize_block(line) in ABOUT_AUTHOR_NORMS, line


def test_a_role_leading_a_paragraph_has_a_role_key_among_its_words():
    """author_bio's candidates ask _role_lead only of a block holding one of ROLE_KEYS as a word."""
    from stripper.phrases import load_word_set
    from stripper.rules.byline import ROLE_KEYS, _role_lead
    texts = []
    for role in load_word_set("bio_roles"):
        for form in (role, role.upper(), role.title(), role.capitalize(), "." + role + ":", role + ";", role + "_"):
            texts += [f"{form} in Berlin.", f"Freier {form}, in Berlin.", f"{form}"]
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    found = [i for i, t in enumerate(texts) if _role_lead(t) is not None]
    assert len(found) > 200
    assert [texts[i] for i in found if ROLE_KEYS.isdisjoint(ctx.word_lists[i])] == []


def test_every_line_the_byline_list_hits_may_hold_a_byline():
    """byline-line asks the byline list only about a line may_hold_byline lets through: every
    opener of an anchored entry is one of its first words or labels, and every hit passes."""
    import re
    from pathlib import Path
    from stripper.phrases import load_phrases
    from stripper.rules.byline import (BYLINE_LABEL_FIRSTS, BYLINE_OPENERS, BYLINE_RUN_ON_OPENERS, POSTED_BY_WORDS,
                                       POSTED_WORDS, may_hold_byline)
    path = Path(__file__).resolve().parents[2] / "stripper" / "data" / "phrases" / "byline.txt"
    entries = [line[3:] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("re:")]
    openers = []
    for e in entries:
        if not e.startswith("^"):
            assert e.startswith(r"(?<![\w])(?:posted|"), e   # the one entry found anywhere: posted-word, by-word
            posted, by = re.findall(r"\(\?:([^()]*)\)", e)[:2]
            assert set(posted.split("|")) <= POSTED_WORDS and set(by.split("|")) <= POSTED_BY_WORDS
            continue
        openers += re.match(r"\^\(\?:([^()]*)\)", e).group(1).split("|")
    for o in openers:
        first = o.split()[0]
        assert first in BYLINE_OPENERS or first.startswith(BYLINE_RUN_ON_OPENERS) or first[0] in BYLINE_LABEL_FIRSTS, o
    m = load_phrases("byline")
    texts = []
    for o in openers + ["Posted on 2 May 2022 by", "Geschrieben am 3. März von", "published in Leeds by"]:
        for form in (o, o.upper(), o.title(), o.replace("i", "\u0130"), o.replace("I", "\u0131"), o.replace("s", "\u017f")):
            texts += [f"{form} Jane Doe", f"{form}: Jane Doe", f"{form}und Fotos: Jane Doe", f"{form} 张伟 李娜",
                      f"{form}：张伟", f"Home | {form} Jane Doe", f"{form}\tJane"]
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    hits = [i for i, t in enumerate(texts) if m.find(t)]
    assert len(hits) > 300
    assert [texts[i] for i in hits if not may_hold_byline(texts[i], ctx.word_lists[i])] == []


def _bio_shaped(toks: list[str]) -> bool:
    """The word-by-word reading BIO_HEAD_RE stands for: whether the whitespace-separated words
    toks (the block's first ones, as many as BIO_VERB_LAST_WORD + 2 at least where it has them)
    have a verb in a bio pattern's place followed by a word it may take (BIO_VERB_NEXT)."""
    for k in range(byl.BIO_VERB_FIRST_WORD, min(byl.BIO_VERB_LAST_WORD + 1, len(toks) - 1)):
        follow = byl.BIO_VERB_NEXT.get(toks[k].lower())
        if follow is not None:
            m = byl.WORD_RE.match(toks[k + 1].lower())
            if m is not None and m.group() in follow:
                return True
    return False


def test_bio_patterns_verbs_and_their_next_words_are_listed():
    """author_bio searches the bio patterns only where _bio_shaped finds a verb in its place and a
    word after it that the patterns let follow (BIO_VERB_NEXT): read here off data/phrases/bio.txt."""
    import itertools
    import re
    from pathlib import Path
    from stripper.phrases import load_phrases
    from stripper.rules.byline import BIO_HEAD_RE, BIO_VERB_NEXT, BIO_VERBS
    path = Path(__file__).resolve().parents[2] / "stripper" / "data" / "phrases" / "bio.txt"
    name = r"^(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w.'’-]+"
    phrases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("re:"):
            continue
        entry = line[3:]
        assert entry.startswith(name), entry
        parts = entry[len(name):].removeprefix(",?").split(r"\s+")
        assert parts[0] == "", entry
        options = []
        for part in parts[1:]:
            part = part.removesuffix(r"\b")
            options.append(part[3:-1].split("|") if part.startswith("(?:") else [part])
            assert not re.search(r"[\\()\[\]*+?{}]", " ".join(options[-1])), entry   # plain words only
        phrases += [" ".join(p) for p in itertools.product(*options)]
    assert len(phrases) > 50
    m = load_phrases("bio")
    hits = 0
    for phrase in phrases:
        verb, nxt = phrase.split()[:2]
        assert nxt in BIO_VERB_NEXT[verb], phrase
        for form in (phrase, phrase.upper(), phrase.title()):
            for names in ("Jane Doe", "Jane M. Doe", "Anna Maria de Weber", "Anna Maria Luisa de Weber", "Jane Doe,"):
                for tail in ("", " writer.", "-based writer", ", editor", ": x"):
                    text = f"{names} {form}{tail}"
                    if m.search(text):
                        assert _bio_shaped(text.split(None, 7)), text
                        assert BIO_HEAD_RE.match(text), text
                        hits += 1
    assert hits > 500
    assert set(BIO_VERB_NEXT) == BIO_VERBS


def _fixture_contexts():
    """The rules' context of every fixture page (text and markdown)."""
    from pathlib import Path
    from stripper.segment.text import segment_markdown, segment_text
    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    pages = [(p, segment_text) for p in sorted(fixtures.glob("*/source.txt"))] + \
        [(p, segment_markdown) for p in sorted(fixtures.glob("*/source.md"))]
    for path, segment in pages:
        blocks = segment(path.read_text(encoding="utf-8", errors="replace"))
        yield make_context(blocks, Options(), None, frozenset(), "text")


def _agreeing_on(contexts, fast, slow) -> int:
    """Asserts that fast and slow give the same block indices on every context; returns how many
    they gave in all (a caller checks the contexts held enough to tell them apart)."""
    found = 0
    for ctx in contexts:
        want = slow(ctx)
        assert fast(ctx) == want, [b.text for b in ctx.blocks]
        found += len(want)
    return found


def _context_of(texts):
    return make_context([Block(index=i, text=t) for i, t in enumerate(texts)], Options(), None, frozenset(), "text")


def test_sentence_ends_are_the_blocks_ending_as_a_sentence():
    """sentence_ends reads every block's last character off one string: the blocks it gives are
    those whose text, stripped at its end, ends in one of BIO_SENTENCE_ENDS, on every page, with
    white space, empty texts and NULs at the ends of blocks too (read block by block)."""
    from stripper.rules.byline import BIO_SENTENCE_ENDS, sentence_ends

    def slow(ctx):
        return [b.index for b in ctx.blocks if b.text.rstrip()[-1:] in BIO_SENTENCE_ENDS]

    contexts = list(_fixture_contexts())
    assert len(contexts) > 20
    base = ["He left.", "Why?", "Stop!", "And then…", "No end", "A list:", "Quoted.”", "x"]
    for odd in ("It ended. ", "It ended.\u00a0", "It ended.\u2003", "", "Ends in a NUL.\x00", ".\n", " ", "…\t"):
        for at in (0, 3, len(base)):
            contexts.append(_context_of(base[:at] + [odd] + base[at:]))
    contexts += [_context_of([]), _context_of([""]), _context_of(["Done."]), _context_of(["Done. "])]
    assert _agreeing_on(contexts, sentence_ends, slow) > 300


def test_cjk_head_candidates_find_every_cjk_head():
    """byline_line's candidates skip a page whose UTF-8 form holds no first byte of a CJK
    character (CJK_LEAD_BYTES): each character CJK_CHAR_RE finds has one, and the candidates are
    those a block-by-block reading gives, on every page."""
    from stripper.rules.byline import CJK_CHAR_RE, CJK_LEAD_BYTES, cjk_head_candidates
    cjk = [c for c in map(chr, range(0x3000, 0xA000)) if CJK_CHAR_RE.match(c)]
    assert len(cjk) == 0xC0 + 0x5200
    assert {c.encode()[:1] for c in cjk} <= set(CJK_LEAD_BYTES)

    def slow(ctx):
        return [b.index for b in ctx.blocks if CJK_CHAR_RE.search(b.text[:12])]

    contexts = list(_fixture_contexts())
    heads = ["作者：张伟", "Von Jane Doe", "ぁ", "ヿ", "一", "鿿", "\u303f none", "\u3100 none", "\u4dff none", "\ua000 none", "“quoted” é",
             "twelve chars 作者", "eleven char作", "\udce9 lone surrogate", "ascii only"]
    for k in range(len(heads)):
        contexts.append(_context_of(heads[k:] + heads[:k]))
        contexts.append(_context_of(["“Curly” text, no CJK", heads[k]]))
    assert _agreeing_on(contexts, cjk_head_candidates, slow) > 20
    assert CJK_CHAR_RE.search("\u303f\u3100\u4dff\ua000") is None   # (the edges left out)


def test_bio_head_pattern_matches_every_head_bio_shaped_lets_through():
    """author_bio gates the bio patterns by BIO_HEAD_RE, one match standing for _bio_shaped's split
    and step per word: it matches every text _bio_shaped lets through (the characters read here one
    by one: those lowering to a letter of the verbs and their next words, white space, word
    characters), on pages and on heads built word by word."""
    import random
    import re
    import sys
    from stripper.rules.byline import BIO_HEAD_RE, BIO_VERB_NEXT
    letters = set("".join(BIO_VERB_NEXT) + "".join("".join(f) for f in BIO_VERB_NEXT.values()))
    word = re.compile(r"[^\W_]")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if low in letters:
            assert re.fullmatch(re.escape(low), c, re.I), hex(cp)
        assert c.isspace() == bool(re.fullmatch(r"\s", c)), hex(cp)
        if word.match(c):
            assert word.match(low[:1]), hex(cp)
    texts = []
    for ctx in _fixture_contexts():
        texts += [b.text for b in ctx.blocks]
    rnd = random.Random(7)
    names = ["Jane", "Doe", "JANE", "de", "M.", "(Jane)", "—", "Anna-Maria", "İlker", "ſam", "x_y"]
    glue = [" ", "  ", "\t", "\u00a0", "\u2003", " \n "]
    verbs = [v for v in BIO_VERB_NEXT] + [v.upper() for v in BIO_VERB_NEXT] + ["İs", "wAs", "Is,", "is:"]
    nexts = [w for f in BIO_VERB_NEXT.values() for w in f] + ["A", "THE", "aN", "a_", "a1", "an-", "(a", "ein,", "É"]
    for _ in range(20000):
        words = [rnd.choice(names) for _ in range(rnd.randint(0, 7))] + [rnd.choice(verbs)]
        words += [rnd.choice(nexts) if rnd.random() < 0.8 else rnd.choice(names)]
        words += [rnd.choice(names + nexts) for _ in range(rnd.randint(0, 3))]
        text = "".join(w + rnd.choice(glue) for w in words) + rnd.choice(["", "writer.", "x y z"])
        texts.append(rnd.choice(["", " "]) + text)
    shaped = 0
    for text in texts:
        if _bio_shaped(text.split(None, 7)):
            assert BIO_HEAD_RE.match(text), text
            shaped += 1
    assert shaped > 2000


def _credit_alternatives(entry: str, opener: str) -> list[str]:
    """The alternatives of the group after `opener` ("\\b(?:" or "^(?:") in a credits entry."""
    at = entry.index(opener) + len(opener)
    return entry[at:entry.index(")", at)].split("|")


def test_credit_gate_words_are_read_off_the_lists():
    """BYL003's gate words and needles (CREDIT_GATE) are what every entry of the credits lists
    needs: the entries are the ones its comments read, and their word lists are its own."""
    from pathlib import Path
    data = Path(byl.__file__).resolve().parent.parent / "data" / "phrases"

    def entries(name):
        lines = (data / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        return [x.strip()[3:] for x in lines if x.strip() and not x.strip().startswith("#")]

    marks, pictures, agencies = entries("credits")   # (a new entry needs its own reading)
    assert marks.startswith(r"(?<=\S\s)(?:©|\(c\))")
    assert _credit_alternatives(pictures, r"\b(?:") == list(byl.CREDIT_WORDS)
    assert pictures[pictures.index(")"):].startswith(r")s?\s*(?:by|:|\|)")
    assert _credit_alternatives(agencies, r"\b(?:") == list(byl.AGENCY_NAMES)
    assert agencies[agencies.index(")"):].startswith(r")\s*(?:via ")
    [start] = entries("credits_start")
    assert [a.split()[0] for a in _credit_alternatives(start, "^(?:")] == list(byl.CREDIT_START_WORDS)
    assert start[start.index(")"):].startswith(r")\s*:")


def test_credit_gate_holds_every_credit():
    """A block the credits lists hit is opened by CREDIT_GATE or caption_candidates: whole words,
    glued forms, odd letters, and a tail cut inside a word ("Telephoto" cut to "photo")."""
    from stripper.rules import check_candidates
    texts = []
    for w in byl.CREDIT_WORDS:
        texts += [f"Smoke over the city. {w}: Jane Doe", f"Smoke. {w}by Jane Doe", f"Smoke. {w}sby Jane Doe",
                  f"Smoke. ({w.upper()} | Jane Doe)", f"{w}s: Jane Doe"]
    for w in byl.AGENCY_NAMES:
        texts += [f"Smoke over the city. {w}", f"Smoke over the city. ({w.title()})", f"Smoke. {w}via Foo Bar",
                  f"Smoke. {w.upper()}via Foo Bar", f"Smoke. {w} via Foo Bar"]
    for w in byl.CREDIT_START_WORDS:
        texts += [f"{w.title()}: the harbour at dawn", f"{w.upper()} : the harbour at dawn"]
    texts += ["Die Baustelle © dpa", "Die Baustelle (c) Foo Bar", "Smoke. Photo: AP"]
    texts += [t.replace("i", "\u0130") for t in texts] + [t.replace("s", "\u017f") for t in texts]
    # tails cut inside a word: the tail opens with a picture or agency word that is no word of the
    # block ("Telereuters"), white space filling the tail up to the credit at its end
    tail = byl.CREDIT_TAIL_CHARS_DEFAULT
    cut = []
    for head, name in (("photo:", "Jane Doe"), ("reuters", ""), ("imagesby", "Jane Doe"), ("bild |", "dpa")):
        for lead in ("Ein Satz über den Hafen am Morgen. " * 3 + "Tele", "x" * 200):
            cut.append(lead + head + " " * (tail - len(head) - len(name)) + name)
    assert all(t[-tail:].startswith(("photo", "reuters", "images", "bild")) for t in cut)
    texts += cut
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    assert check_candidates(blocks, ctx) == []
    from stripper.rules import apply_rules
    fired = {d.index for d in apply_rules(blocks, ctx) if d.rule_id == "BYL003"}
    assert len(fired) > len(texts) // 2   # (most of them are credits)


def test_caption_candidates_take_a_cut_tail_only_opening_with_a_gate_word():
    """caption_candidates chooses a long block whose tail opens inside a word only where the tail's
    first run is one of CREDIT_GATE's words ("Telephoto" cut to "photo"), which a credit hitting
    the tail there needs; a tail opening inside an ordinary word ("Telefon" cut to "fon") is left
    to the gate words, and the rule finds no credit there either."""
    from stripper.rules import check_candidates
    tail = byl.CREDIT_TAIL_CHARS_DEFAULT
    lead = "Ein Satz über den Hafen am Morgen. " * 3 + "Tele"
    texts = [lead + head + " " * (tail - len(head) - len(name)) + name
             for head, name in (("photo:", "Jane Doe"), ("fon:", "Jane Doe"), ("reuters", ""), ("fonreuters", ""))]
    assert [t[-tail:].split(None, 1)[0] for t in texts] == ["photo:", "fon:", "reuters", "fonreuters"]
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    ctx = make_context(blocks, Options(), None, frozenset(), "text")
    assert sorted(byl.caption_candidates(ctx)) == [0, 2]
    assert check_candidates(blocks, ctx) == []
    assert [byl.photo_caption(b, ctx) is not None for b in blocks] == [True, False, True, False]


def test_role_led_bio_is_opened_by_its_role_word_not_by_sentence_candidates():
    """A role-led bio under a byline holds none of BIO_WORDS: its role word, one of ROLE_KEYS among
    the gate words, opens author_bio on it, and sentence_candidates leaves it out (and chooses
    nothing on a page without an author-box heading). check_candidates calls author_bio on every
    block: it finds no bio left out."""
    from stripper.rules import check_candidates
    bio = "Freier Autor in Berlin und Vorsitzender eines Literaturvereins, der regelmäßig Vorträge anbietet."
    ctx = _context_of(["Der letzte Absatz des Artikels.", "Von Frank Hahn", bio])
    assert byl.BIO_WORDS.isdisjoint(ctx.word_lists[2]) and byl.author_bio(ctx.blocks[2], ctx)
    assert byl.sentence_candidates(ctx) == [] and 2 in ctx.with_words(byl.BIO_GATE_WORDS)
    assert check_candidates(ctx.blocks, ctx) == []
    about = "Der Autor lebt in Köln und schreibt über Politik und Gesellschaft."
    ctx = _context_of(["Der letzte Absatz des Artikels.", "Über den Autor", about])
    assert byl.sentence_candidates(ctx) == [2] and byl.author_bio(ctx.blocks[2], ctx)
    assert check_candidates(ctx.blocks, ctx) == []
