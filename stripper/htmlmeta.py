"""Byline metadata of an HTML page: a cascade over the page's own statements, each field
recording where it came from.

1. JSON-LD (NewsArticle / Article / BlogPosting ..., also inside @graph and arrays);
2. <meta> tags (og:, article:, twitter:, citation_, dc., parsely, sailthru, name=author, byl);
3. visible byline elements (itemprop/rel/class author, <time>), read on the pre-cleaned page;
4. the backend's metadata (trafilatura / htmldate), for what is still missing.
The pipeline's text heuristics come after all of these. The title is the headline without the
" | Site" suffix, chosen by comparing JSON-LD, og:title, <title> and the h1.

Nothing here may abort an extraction: malformed JSON-LD, odd meta values and hostile sizes are
skipped. Every value read from the page is capped before any pattern sees it, and the patterns
used are linear (no nested quantifiers over the same characters)."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .byline import BYLINE_PREFIX_RE
from .dates import YEAR_MIN, find_date
from .phrases import load_phrases
from .preclean import attr_patterns, attr_words, data_lines, marked_reason

MAX_JSONLD_SCRIPTS_DEFAULT = 30
MAX_JSONLD_CHARS_DEFAULT = 500_000      # per script; larger ones are not metadata
MAX_JSONLD_NODES_DEFAULT = 20_000       # objects and lists walked per page
MAX_META_CHARS_DEFAULT = 1_000          # a meta value longer than this is cut
MAX_VISIBLE_CHARS_DEFAULT = 200         # a byline element longer than this is not a byline
MAX_NAME_CHARS_DEFAULT = 60
MAX_AUTHORS_DEFAULT = 10
MAX_CAPTIONS_DEFAULT = 30
MAX_CAPTION_CHARS_DEFAULT = 600
TITLE_MIN_SHARED_DEFAULT = 0.6          # a title segment must hold this share of the headline's words
# Dates after this are not publication dates (the page cannot be from the future of a fixed
# reference: output never depends on the day it runs, RELIABILITY F14).
MAX_DATE_DEFAULT = "2099-12-31"

TITLE_SEPARATORS = (" | ", " || ", " - ", " – ", " — ", " :: ", " : ", " · ", " • ", " « ", " » ", " / ", " ~ ")
WS_RE = re.compile(r"\s+")
NON_ALNUM_RE = re.compile(r"[\W_]+")
ISO_DATE_RE = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]|$)")
DATE_ONLY_RE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
TIMESTAMP_RE = re.compile(r"^\s*(\d{10})(\d{3})?\s*$")
# A local midnight in Central Europe written in UTC ("2022-11-06T23:00:00.000Z" is the 7th there):
# a publication date, not a time of day, so the day after.
UTC_MIDNIGHT_RE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}T2[23]:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)\s*$")
# A time zone other than UTC: the date written is already the local one.
LOCAL_OFFSET_RE = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-](?!00:?00)\d{2}:?\d{2}\s*$")
NAME_SPLIT_RE = re.compile(r"(?:(?<!\s)\s*|)(?:[,;&|/·•\n]|\s(?:and|und|et|y|e|en|och|og|i|and also)\s)\s*", re.I)
PARENS_RE = re.compile(r"\([^()]{0,80}\)|\[[^\[\]]{0,80}\]")
# Case-sensitive: "le 5 mai" ends a byline, "Loïc Le Clerc" is a name.
NAME_CUT_RE = re.compile(r"\s(?:for|für|pour|para|per|in|at|am|um|le|el|on|[Uu]pdated|[Pp]ublished|[Pp]osted|[Vv]eröffentlicht|"
                         r"[Aa]ktualisiert|[Pp]ublié|[Mm]is à jour|[-–—|])\s.*$")
URL_LIKE_RE = re.compile(r"https?:|www\.|[a-z0-9]\.(?:[a-z]{2}|com|org|net|info|biz)\b(?!\.)|@", re.I)
LETTER_RE = re.compile(r"[^\W\d_]", re.U)
BY_WORD_RE = re.compile(r"(?:^|(?<=[\s,;|(]))(?:(?:written|posted|published|verfasst|geschrieben)\s+(?:by|von)|by|von|par|por|door|"
                        r"(?:autor(?:in)?|author|auteur|autore|verfasser(?:in)?|redaktion|text|texte)"
                        r"(?:\s*(?:&|und|and|et|y)\s*(?:fotos?|bilder|photos?))?\s*:)\s+", re.I)
# A photo credit names the photographer, not the author.
CREDIT_RE = re.compile(r"^\W*(?:\(?(?:fotos?|photos?|bild|bilder|image|credit|quelle|source)\b|©|\(c\))", re.I)
BY_ONLY_RE = re.compile(r"^(?:by|von|par|por|door|autor|author|auteur|verfasser|redaktion)\s*:?$", re.I)
TIME_RE = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|am|pm|h|mez|cet|utc|gmt))?(?!\d)", re.I)
DATE_WORDS_RE = re.compile(r"(?<!\w)(?:[Pp]osted|[Pp]ublished|[Uu]pdated|[Vv]eröffentlicht|[Aa]ktualisiert|[Pp]ublié|mis à jour|"
                           r"am|um|on|at|le|el)(?!\w)")
# How many lines above and below the headline may hold its byline.
BYLINE_ABOVE_DEFAULT = 3
BYLINE_BELOW_DEFAULT = 8
DATELINE_MAX_WORDS_DEFAULT = 12    # a byline line found by its date alone is no longer than this
DATELINE_LEAD_CHARS_DEFAULT = 24   # a long line led by a date: the date within its first characters
SHORT_DMY_RE = re.compile(r"^\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2})(?:[\s,|–-]+\d{1,2}[:.]\d{2}(?:\s*uhr)?)?\s*$", re.I)
HEADLINE_BOX_LEVELS_DEFAULT = 6     # parents of the headline climbed to find the lines around it
HEADLINE_BOX_MIN_BELOW_DEFAULT = 1  # lines below the headline that stop the climb
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "das", "dos", "del", "della", "di", "du", "le", "la",
                            "ter", "ten", "bin", "al", "el", "y", "e", "zu", "vom", "zum", "dei", "des", "d'"})
MODIFIED_RE = re.compile(r"updated|modified|aktualisiert|geändert|letzte änderung|mis à jour|modifié|actualizado|aggiornato|bijgewerkt", re.I)
DATE_TZ_SLACK_DEFAULT = 1          # days between a UTC structured date and the printed one still "the same"
# Generic date tags (often the day the page was generated or last edited): any printed date wins.
WEAK_DATE_KEYS = frozenset({"date", "dc.date", "dcterms.date"})
PUBLISHED_LABEL_RE = re.compile(r"(?<!\w)(?:veröffentlicht|veröffentlichung|erschienen|"
                                r"erstellt am|publiziert|gepostet|published|posted|publié|mise en ligne|date de publication|"
                                r"publicado|fecha de publicación|pubblicato|data di pubblicazione|gepubliceerd|opublikowano)"
                                r"(?:\s+(?:am|on|le|el|il|op|den))?\s*:?\s*", re.I)
# The date of the last change, labelled: the page's date only when it prints no other.
MODIFIED_LABEL_RE = re.compile(r"(?<!\w)(?:(?:last|zuletzt)\s+)?(?:updated|modified|aktualisiert|geändert|änderung|"
                               r"mis à jour|modifié|actualizado|aggiornato|bijgewerkt)(?!\w)"
                               r"(?:\s+(?:am|on|le|el|il|op|den))?\s*:?\s*", re.I)
MODIFIED_LABEL_WORDS = ("updated", "modified", "aktualisiert", "geändert", "änderung", "mis à jour", "modifié",
                        "actualizado", "aggiornato", "bijgewerkt")
# What may stand between a date and a label that follows it: its time ("um 23:03 Uhr").
DATE_BEFORE_LABEL_RE = re.compile(r"(?:(?:um|at|à|a las) )?\d{1,2}[:.h]\d{2}(?: ?(?:uhr|h|am|pm))?", re.I)
MAX_LABEL_SCAN_CHARS_DEFAULT = 300_000
MAX_LABEL_ELEMENTS_DEFAULT = 50
MAX_LABEL_TEXT_CHARS_DEFAULT = 60
DEK_MIN_CHARS_DEFAULT = 20
DEK_MAX_CHARS_DEFAULT = 400
# A byline naming a desk or an agency: the name ends at these, and has at most so many words.
ORG_CUT_RE = re.compile(r"(?:(?<!\s)\s*|)(?:[,|•·(]|\s[-–—]\s|\s(?:am|on|le|el|il|um|at|publiziert|published|veröffentlicht|"
                        r"aktualisiert|updated|publié|publicado)\s)", re.I)
ORG_BYLINE_MAX_WORDS = 4
MAX_SIGNATURE_PARAS_DEFAULT = 600     # paragraphs read to find a signature under the article
SIGNATURE_AFTER_CHARS_DEFAULT = 200   # the article's last paragraph is at least this long
SIGNATURE_NEXT_PARAS_DEFAULT = 3      # the signature is in it or in one of the next paragraphs
HANDLE_NAME_RE = re.compile(r"^(?=[^\W\d_]*\d)(?=\w*[^\W\d_]{3})[^\W\d_][\w.-]{2,29}$")  # letters and digits: "delta201"
NEWSROOM_RE = re.compile(r"^\s*(?:redaktion|rédaction|redacción|redazione|redactie|newsroom)"
                         r"(?=\s*$|\s*[-–—|,:]|\s+(?:am|on|le|el|il)\s)", re.I)
MIN_SINGLE_NAME_CHARS_DEFAULT = 4  # a one-word author ("Daniel", "jancak") has at least this many letters
HANDLE_RE = re.compile(r"(?<!\w)@\w{1,40}")   # "Jane Doe @janedoe": the social handle is not the name
LABELLED_AUTHOR_RE = re.compile(r"^(?:autor(?:in)?|author|auteur|autore|verfasser(?:in)?|von|by|text|texte|"
                                r"written by|geschrieben von|verfasst von)(?:\s*(?:&|und|and|et|y)\s*(?:fotos?|bilder|photos?))?\s*:\s*", re.I)
LABELLED_AUTHOR_LINE_RE = re.compile(r"^[ \t]*(?:[^\n|/•·]{0,60}(?:\||//|•|·)[ \t]*)?(?:autor(?:in)?|author|auteur|autore|verfasser(?:in)?|von|by|text|texte|"
                                     r"written by|geschrieben von|verfasst von)\b[^\n:]{0,30}:", re.I)
LABELLED_AUTHOR_WORDS = ("autor", "author", "auteur", "verfasser", "von", "by", "text", "written", "geschrieben", "verfasst")
LABEL_SEPARATOR_RE = re.compile(r"\s(?:\||//|•|·)\s")
USER_NAME_RE = re.compile(r"^[a-z][a-z0-9_.-]{3,29}$")   # a lowercase user name: "mitundvoneinander"
PUBLISHED_LABEL_WORDS = ("veröffentlich", "erschienen", "erstellt am", "publiziert",
                         "gepostet", "published", "posted", "publié", "mise en ligne", "date de publication", "publicado",
                         "fecha de publicación", "pubblicato", "data di pubblicazione", "gepubliceerd", "opublikowano")
MAX_LABEL_NEXT_LINES_DEFAULT = 3   # a label alone on its line: its value is in one of the next non-blank lines
MAX_LABELLED_LINES_DEFAULT = 50
SITE_MAX_WORDS_DEFAULT = 6
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
MAX_DATE_NODES_DEFAULT = 30
MAX_HIDDEN_NODES_DEFAULT = 300
HIDDEN_REASONS = ("hidden: hidden attribute", "hidden: style")   # never shown (aria-hidden may be)
GLUED_RE = re.compile(r"[A-ZÀ-Þ]{3,}[A-ZÀ-Þ][a-zß-ÿ]")
NON_WORD_EDGE = " \t.,:;|-–—·•*/\\\"'“”‘’«»()[]{}"


def squash(text: str | None) -> str:
    return WS_RE.sub(" ", text or "").strip()


def fold(text: str | None) -> str:
    """Case-folded letters and digits only, single spaces: for comparing titles and names."""
    t = unicodedata.normalize("NFKC", text or "").casefold()
    return NON_ALNUM_RE.sub(" ", t).strip()


# ----------------------------------------------------------------------------- data files

def _field_lines(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in data_lines(name):
        key, _, value = line.partition(":")
        if not value.strip():
            raise ValueError(f"{name}: bad line {line!r}")
        out.setdefault(key.strip(), []).append(value.strip())
    return out


@lru_cache(maxsize=1)
def meta_fields() -> dict[str, list[str]]:
    return {k: [x.lower() for x in v] for k, v in _field_lines("meta_fields.txt").items()}


@lru_cache(maxsize=1)
def byline_selectors() -> dict[str, list[str]]:
    return _field_lines("byline_selectors.txt")


@lru_cache(maxsize=1)
def article_types() -> dict[str, int]:
    return {t.lower(): i for i, t in enumerate(data_lines("jsonld_types.txt"))}


@lru_cache(maxsize=1)
def caption_selector() -> str:
    return ", ".join(data_lines("captions.txt"))


# ----------------------------------------------------------------------------- values

def parse_date(value, max_date: str = MAX_DATE_DEFAULT) -> str | None:
    """A publication date as YYYY-MM-DD, from ISO 8601, a Unix timestamp or a written date."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str):
        return None
    s = value.strip()[:100]
    iso = None
    m = ISO_DATE_RE.match(s)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        try:
            day = datetime(y, mo, d)
            iso = (day + timedelta(days=1) if UTC_MIDNIGHT_RE.match(s) else day).strftime("%Y-%m-%d")
        except (ValueError, OverflowError):
            iso = None
    if iso is None:
        m = TIMESTAMP_RE.match(s)
        if m:
            try:
                iso = datetime.fromtimestamp(int(m.group(1)), tz=timezone.utc).strftime("%Y-%m-%d")
            except (OverflowError, OSError, ValueError):
                iso = None
    if iso is None:
        found = find_date(s)
        iso = found[0] if found else None
    if iso is None or not (f"{YEAR_MIN:04d}-01-01" <= iso <= max_date):
        return None
    return iso


@lru_cache(maxsize=1)
def _not_names():
    return load_phrases("not_names")


@lru_cache(maxsize=1)
def not_author_words() -> frozenset[str]:
    return frozenset(w.lower() for w in data_lines("not_authors.txt"))


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    return frozenset(fold(w) for w in data_lines("organisations.txt"))


def person_names(raw: str, trusted: bool = False, site_names: tuple[str, ...] = ()) -> list[str]:
    """'By Jane Doe and John Roe, Reuters' -> ['Jane Doe', 'John Roe']. trusted sources (JSON-LD,
    meta, author-marked elements) may give a one-word name when it is the whole value; visible
    text must give 2-5 capitalised words. Sites, organisations, URLs, handles, dates, roles and
    UI words give nothing."""
    if not raw or not isinstance(raw, str):
        return []
    text = squash(raw)[:300]
    text = BYLINE_PREFIX_RE.sub("", text)
    d = find_date(text)
    if d:
        text = text[:d[1]]
    text = PARENS_RE.sub(" ", text)
    text = HANDLE_RE.sub(" ", text)
    orgs = organisation_words()
    if any(w in orgs for w in fold(text).replace("-", " ").split()):
        return []
    sites = {fold(s) for s in site_names if s}
    parts = [NAME_CUT_RE.sub("", BYLINE_PREFIX_RE.sub("", p.strip())).strip(NON_WORD_EDGE)
             for p in NAME_SPLIT_RE.split(text)]
    parts = [_trim_name(p) for p in parts if p]
    parts = [p for p in parts if p]
    whole = len(parts) == 1
    names: list[str] = []
    for part in parts:
        if _plausible_name(part, trusted and whole, sites, trusted) and part not in names:
            names.append(part)
        if len(names) >= MAX_AUTHORS_DEFAULT:
            break
    return names


def _not_name_word(text: str) -> bool:
    """text is, as a whole, an entry of the not_names phrase list ("Staff", "Reporter", "Montag")."""
    nn = _not_names()
    if nn.whole(text):
        return True
    hit = nn.search(text)
    return hit is not None and hit.strip().lower() == text.strip(" .,:;").lower()


def _trim_name(part: str) -> str:
    """Drop label words at either end ('Martin Junker Kontakt' -> 'Martin Junker') and a doubled
    name ('Jane Doe Jane Doe' -> 'Jane Doe')."""
    toks = part.split()
    bad = not_author_words()
    while toks and (toks[-1].lower().strip(".,:") in bad or _not_name_word(toks[-1])):
        toks.pop()
    while toks and (toks[0].lower().strip(".,:") in bad or _not_name_word(toks[0])):
        toks.pop(0)
    half = len(toks) // 2
    if half and len(toks) % 2 == 0 and toks[:half] == toks[half:]:
        toks = toks[:half]
    return " ".join(toks)


def _plausible_name(part: str, single_ok: bool, sites: set[str], trusted_multi: bool = False) -> bool:
    if not part or len(part) > MAX_NAME_CHARS_DEFAULT or URL_LIKE_RE.search(part) or ":" in part:
        return False
    if GLUED_RE.search(part):
        return False  # "ABOUTFINTECHTobias": two page elements run together
    if any(c.isdigit() for c in part):
        return False
    toks = part.split()
    if any(not LETTER_RE.search(t) for t in toks):
        return False  # "~ Lesezeit": a word without letters is no part of a name
    letters = LETTER_RE.findall(part)
    if len(letters) < 2 or len(letters) < 0.7 * len(part.replace(" ", "").replace(".", "").replace("-", "")):
        return False
    toks = part.split()
    if len(toks) > 5 or (len(toks) == 1 and not single_ok):
        return False
    trusted = single_ok or trusted_multi
    folded = fold(part)
    flat = folded.replace(" ", "")
    if folded in sites or any(s and len(s) > 3 and ((len(toks) > 1 and (s in folded or s.replace(" ", "") in flat)) or
                                                     (len(flat) > 3 and flat in s.replace(" ", ""))) for s in sites):
        return False
    bad = not_author_words()
    subs = [w for t in toks for w in t.lower().strip(".,:").split("-") if w]
    if _not_name_word(part) or any(_not_name_word(t) for t in toks) or any(w in bad for w in subs):
        return False
    if len(toks) == 1 and len(part) < MIN_SINGLE_NAME_CHARS_DEFAULT and part.lower() != part.upper():
        return False  # "kj", "AgE", "zvg": initials and abbreviations, not names
    cased = [t for t in toks if t[0].isalpha() and t[0].lower() != t[0].upper()]
    if cased and trusted:
        # a structured or author-marked value: a handle may be lowercase, initials are not names
        return not (len(toks) == 1 and toks[0].isupper() and len(toks[0]) <= 3) and cased[0][0].isupper() or \
            (len(toks) == 1 and toks[0].islower())
    if cased:
        if len(toks) == 1:
            t = toks[0]
            # a handle ("jdoe42" has digits and went above) may be lowercase; initials are not names
            return not (t.isupper() and len(t) <= 3)
        # every cased word starts with a capital, but particles inside (van, de, al, von der)
        inner = cased[1:-1]
        if not cased[0][0].isupper() or not cased[-1][0].isupper():
            return False
        if any(not t[0].isupper() and t.lower() not in NAME_PARTICLES for t in inner):
            return False
    return True


def language_code(value: str | None) -> str | None:
    """'en-US', 'en_GB', 'de' -> ISO 639-1 two letters (lowercase) or None."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip().lower().replace("_", "-").split(",")[0].split("-")[0].strip()
    return v if len(v) == 2 and v.isascii() and v.isalpha() else None


def absolute_url(value: str | None) -> str | None:
    if not value or not isinstance(value, str):
        return None
    v = value.strip()[:2000]
    if not v.lower().startswith(("http://", "https://")) or any(c.isspace() for c in v):
        return None
    return v


# ----------------------------------------------------------------------------- JSON-LD

@dataclass(slots=True)
class JsonLd:
    articles: list[tuple[int, dict]] = field(default_factory=list)   # (type rank, object)
    by_id: dict[str, dict] = field(default_factory=dict)
    site_names: list[str] = field(default_factory=list)
    errors: int = 0


def _loads(text: str):
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = text.strip().removeprefix("//<![CDATA[").removesuffix("//]]>").strip().rstrip(";").strip()
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    # Two objects with nothing between them, or trailing junk: parse what can be parsed.
    dec, out, pos = json.JSONDecoder(strict=False), [], 0
    while pos < len(text) and len(out) < 20:
        start = min((i for i in (text.find("{", pos), text.find("[", pos)) if i >= 0), default=-1)
        if start < 0:
            break
        try:
            obj, end = dec.raw_decode(text, start)
        except ValueError:
            break
        out.append(obj)
        pos = end
    if not out:
        raise ValueError("no JSON")
    return out


def _types(obj: dict) -> list[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return [t.rsplit("/", 1)[-1].lower()]
    if isinstance(t, list):
        return [x.rsplit("/", 1)[-1].lower() for x in t if isinstance(x, str)]
    return []


def read_jsonld(tree: LexborHTMLParser) -> JsonLd:
    out = JsonLd()
    ranks = article_types()
    budget = MAX_JSONLD_NODES_DEFAULT
    scripts = [s for s in tree.css("script") if "ld+json" in (s.attributes.get("type") or "").lower()]
    for script in scripts[:MAX_JSONLD_SCRIPTS_DEFAULT]:
        text = script.text(deep=True)
        if not text or len(text) > MAX_JSONLD_CHARS_DEFAULT:
            continue
        try:
            data = _loads(text)
        except (ValueError, RecursionError):
            out.errors += 1
            continue
        stack = [data]
        while stack and budget > 0:
            budget -= 1
            obj = stack.pop()
            if isinstance(obj, list):
                stack.extend(reversed(obj[:200]))
                continue
            if not isinstance(obj, dict):
                continue
            types = _types(obj)
            oid = obj.get("@id")
            if isinstance(oid, str) and len(obj) > 1:
                out.by_id.setdefault(oid, obj)
            rank = min((ranks[t] for t in types if t in ranks), default=None)
            if rank is not None:
                out.articles.append((rank, obj))
            if any(t in ("website", "newsmediaorganization", "organization") for t in types):
                name = obj.get("name")
                if isinstance(name, str) and squash(name) and "website" in types:
                    out.site_names.append(squash(name)[:200])
            for key in ("@graph", "mainEntity", "itemListElement", "hasPart"):
                v = obj.get(key)
                if isinstance(v, (list, dict)):
                    stack.append(v)
    return out


def _resolve(value, lds: JsonLd):
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
        return lds.by_id.get(value["@id"], value)
    return value


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def jsonld_authors(obj: dict, lds: JsonLd, sites: tuple[str, ...]) -> list[str]:
    names = _jsonld_people(_as_list(obj.get("author"))[:MAX_AUTHORS_DEFAULT] +
                           _as_list(obj.get("creator"))[:3] * (not obj.get("author")), lds, sites)
    if names and isinstance(obj.get("creator"), list):
        # "author" names the first writer, "creator" all of them (the author among them)
        creators = _jsonld_people(obj["creator"][:MAX_AUTHORS_DEFAULT], lds, sites)
        if len(creators) > len(names) and set(names) <= set(creators):
            names = creators
    return names


def _jsonld_people(values: list, lds: JsonLd, sites: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for a in values:
        a = _resolve(a, lds)
        if isinstance(a, str):
            names += person_names(a, trusted=True, site_names=sites)
        elif isinstance(a, dict):
            types = _types(a)
            if types and "person" not in types:
                continue  # an Organization as author is the site, not a person
            name = a.get("name")
            if isinstance(name, list):
                name = next((x for x in name if isinstance(x, str)), None)
            if not isinstance(name, str) or not name.strip():
                parts = [a.get(k) for k in ("givenName", "additionalName", "familyName")]
                name = " ".join(p for p in parts if isinstance(p, str))
            names += person_names(name, trusted=True, site_names=sites)
    return list(dict.fromkeys(names))[:MAX_AUTHORS_DEFAULT]


def _str(value) -> str | None:
    if isinstance(value, list):
        value = next((x for x in value if isinstance(x, str)), None)
    if isinstance(value, dict):
        value = value.get("name")
    return squash(value)[:MAX_META_CHARS_DEFAULT] if isinstance(value, str) and value.strip() else None


# ----------------------------------------------------------------------------- meta tags

def read_meta(tree: LexborHTMLParser) -> dict[str, list[tuple[str, str]]]:
    """key -> [(value, key as written)] for every <meta> with a content."""
    out: dict[str, list[tuple[str, str]]] = {}
    for m in tree.css("meta"):
        a = m.attributes
        content = a.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = a.get(attr)
            if key:
                k = key.strip().lower()[:100]
                out.setdefault(k, []).append((squash(content[:MAX_META_CHARS_DEFAULT]), key.strip()[:100]))
    return out


def _meta_first(meta: dict, field_name: str) -> tuple[str, str] | None:
    for key in meta_fields().get(field_name, ()):
        for value, written in meta.get(key, ()):
            if value:
                return value, written
    return None


# ----------------------------------------------------------------------------- title

def strip_site(title: str, sites: tuple[str, ...], headline_hint: str | None = None) -> str:
    """'Headline | Site' -> 'Headline'. A segment is cut when it names the site, or when the
    other side matches the page's h1."""
    title = squash(title)
    folded_sites = [fold(s) for s in sites if s and fold(s)]
    for sep in TITLE_SEPARATORS:
        if sep not in title:
            continue
        parts = title.split(sep)
        # cut site names at either end
        while len(parts) > 1 and _is_site(parts[-1], folded_sites):
            parts.pop()
        while len(parts) > 1 and _is_site(parts[0], folded_sites):
            parts.pop(0)
        if headline_hint:
            h = fold(headline_hint)
            for i in range(len(parts)):
                if fold(parts[i]) == h:
                    return squash(parts[i])
        if len(parts) < len(title.split(sep)):
            return squash(sep.join(parts))
    return title


def _is_site(segment: str, folded_sites: list[str]) -> bool:
    s = fold(segment)
    if not s:
        return True
    for site in folded_sites:
        # "Example News" names the site in "Example News Online"; a one-word site inside a
        # three-word title ("Wir sind NEOS") does not make the title a site name
        if s == site or (len(site) >= 4 and (site in s or s in site) and
                         len(s.split()) <= len(site.split()) + (1 if len(site.split()) == 1 else 2)):
            return True
        if s.replace(" ", "") == site.replace(" ", ""):
            return True
    return False


def _site_like(name: str | None, doc_title: str | None) -> bool:
    """A site name is short and is not the page's own title (some pages put the headline in
    og:site_name or application-name)."""
    if not name or len(name.split()) > SITE_MAX_WORDS_DEFAULT:
        return False
    return not doc_title or fold(name) != fold(doc_title) or len(name.split()) <= 2


def _not_title_part(found: tuple[list[str], str] | None, facts: "PageFacts") -> tuple[list[str], str] | None:
    """A text-heuristic byline that is a part of the <title> beside the headline ("Headline -
    Handball Schweiz") names the site, not an author."""
    if found and any(fold(n) in facts.title_sites for n in found[0]):
        return None
    return found


def _title_rest(doc_title: str | None, headline: str) -> tuple[str, ...]:
    """'Headline - Handball Schweiz' -> ('Handball Schweiz',): the <title>'s parts beside the
    headline, each and then all joined, when short enough for a site name."""
    h = fold(headline)
    for sep in TITLE_SEPARATORS:
        if not doc_title or sep not in doc_title or not h:
            continue
        parts = [squash(p) for p in doc_title.split(sep)]
        at = next((i for i, p in enumerate(parts) if fold(p) and (fold(p) == h or fold(p) in h or h in fold(p))), None)
        if at is None:
            continue
        rest = [p for i, p in enumerate(parts) if i != at and p]
        if rest and all(len(p.split()) <= SITE_MAX_WORDS_DEFAULT for p in rest):
            return tuple(rest) + ((sep.join(rest),) if len(rest) > 1 else ())
        return ()
    return ()


def _domain_names(url: str | None) -> list[str]:
    if not url:
        return []
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp", "com", "org", "net", "co", "uk", "de", "fr")]
    return [max(parts, key=len)] if parts else []


def choose_title(cands: dict[str, str], h1s: list[str], sites: tuple[str, ...],
                 h2s=()) -> tuple[str, str] | None:
    """(title, provenance). h1s are the page's headline candidates, best first, site logos
    already left out. The visible headline wins over the SEO titles: a heading the titles
    repeat, else the h1; without an h1, an h2 the titles repeat, the JSON-LD headline, a meta
    title or the <title>, each without its site part."""
    doc_title = cands.get("html:title")
    metas = [(p, v) for p, v in cands.items() if p.startswith("meta:")]
    jl = [(p, v) for p, v in cands.items() if p.startswith("json-ld:")]
    titles = jl + metas + ([("html:title", doc_title)] if doc_title else [])
    folded_sites = [fold(s) for s in sites if s]
    for tag, heads in (("h1", h1s), ("h2", h2s)):
        if callable(heads):
            heads = heads()  # h2s are read only when no h1 was the headline
        # 1. a heading that a title repeats (a title inside the heading: the heading has a kicker)
        for h in heads:
            fh = fold(h)
            if len(fh) < 4 or _is_site(h, folded_sites):
                continue
            for prov, v in titles:
                fv = fold(strip_site(v, sites))
                if not fv:
                    continue
                if fh == fv or (fh in fv and len(fh) >= TITLE_MIN_SHARED_DEFAULT * len(fv)) or \
                        (len(fh) >= 12 and fh in fv and _is_segment(fh, v)):
                    return strip_site(h, sites), f"html:{tag}"
                if len(fv) >= 12 and fv in fh and len(fv) >= TITLE_MIN_SHARED_DEFAULT * len(fh):
                    return strip_site(v, sites), prov
    # 2. the h1 itself
    for h in h1s:
        if len(fold(h)) >= 4 and not _is_site(h, folded_sites):
            return strip_site(h, sites), "html:h1"
    # 3. the JSON-LD headline
    for prov, v in jl:
        if v and not _is_site(v, folded_sites):
            return strip_site(v, sites), prov
    # 4. a meta title or the <title>, without its site part
    for prov, v in metas + ([("html:title", doc_title)] if doc_title else []):
        t = strip_site(v, sites)
        if t and not _is_site(t, folded_sites):
            return t, prov
    return None


@lru_cache(maxsize=1)
def kicker_words() -> frozenset[str]:
    return frozenset(w.lower() for w in data_lines("headline_parts.txt"))


def headline_text(h: LexborNode) -> str:
    """A heading's text without kicker, label and screen-reader parts; an inner
    itemprop=headline element wins."""
    inner = h.css_first('[itemprop="headline"]')
    if inner is not None and inner.mem_id != h.mem_id and _node_text(inner):
        return _node_text(inner)
    full = _node_text(h)
    text = full
    kick = kicker_words()
    pats = attr_patterns()
    for el in h.css("[class]")[:50]:
        words = set(attr_words(el.attributes.get("class") or ""))
        part = _node_text(el)
        if words & {"headline", "title"} and not words & kick and 0.4 * len(full) <= len(part) < len(full):
            return part
    for el in h.css("*")[:50]:
        a = el.attributes
        part = _node_text(el)
        if not part or len(part) >= len(full):
            continue
        words = set(attr_words(a.get("class") or ""))
        reason = marked_reason(a, pats) or ""
        if reason.startswith("hidden") or (el.tag == "small" or words & kick) and len(part) <= 0.6 * len(full):
            text = text.replace(part, " ", 1)
    text = squash(text).strip(" :|-–—/·•")
    return text if len(text) >= 4 else full


def is_logo(h: LexborNode, text: str, sites: tuple[str, ...], doc_title: str | None) -> bool:
    """A heading that names the site: the site's name, the last part of the <title>, a link to
    the home page, or a class saying logo / brand / site title."""
    if _is_site(text, [fold(s) for s in sites if s]):
        return True
    if doc_title:
        for sep in TITLE_SEPARATORS:
            parts = [p for p in doc_title.split(sep) if p.strip()]
            # "Headline | Site" with the site as the h1; not "Section - Headline"
            if len(parts) >= 2 and fold(parts[-1]) == fold(text) and fold(parts[0]) != fold(text) and \
                    len(text.split()) <= 5 and len(parts[0].strip()) >= 0.5 * len(text):
                return True
    for node in (h, h.parent):
        if node is None:
            continue
        words = set(attr_words((node.attributes.get("class") or "") + " " + (node.attributes.get("id") or "")))
        if words & {"logo", "brand", "branding", "sitename", "masthead"} or \
                ("site" in words and ("title" in words or "name" in words)) or ("blog" in words and "title" in words):
            return True
    links = h.css("a")
    if len(links) == 1:
        href = (links[0].attributes.get("href") or "").strip()
        path = href
        if href.startswith(("http://", "https://", "//")):
            rest = href.split("//", 1)[1]
            path = rest.split("/", 1)[1] if "/" in rest else ""
        path = path.split("?", 1)[0].split("#", 1)[0].strip("./")
        if href and path in ("", "index.html", "index.php", "home") and \
                len(fold(links[0].text(deep=True))) >= 0.8 * len(fold(text)):
            return True
    return False


def _is_segment(folded_h1: str, title: str) -> bool:
    """The h1 is one of title's separator-delimited segments (the rest is site or section)."""
    for sep in TITLE_SEPARATORS:
        if sep in title and any(fold(p) == folded_h1 for p in title.split(sep)):
            return True
    return False


# ----------------------------------------------------------------------------- visible elements

def _node_text(node: LexborNode) -> str:
    return squash(node.text(deep=True)[:2000])


def byline_names(text: str, trusted: bool, sites: tuple[str, ...]) -> list[str]:
    """Names in a byline line: 'Posted on 5 May 2020 by Jane Doe', '04.02.2022 | 13:10 | Jane Doe',
    'Redaktion: Jane Doe (Sprecherin)', 'von Jane Doe'."""
    t = squash(text)[:MAX_VISIBLE_CHARS_DEFAULT]
    m = BY_WORD_RE.search(t)
    if m:
        t = t[m.end():]
    for _ in range(3):
        d = find_date(t)
        if not d:
            break
        t = t[:d[1]] + " | " + t[d[2]:]
    t = TIME_RE.sub(" | ", t)
    t = DATE_WORDS_RE.sub(" | ", t)
    return person_names(t, trusted=trusted, site_names=sites)


def _in_furniture(node: LexborNode) -> bool:
    """Inside a comment section, a related/teaser box or a quotation (their authors are other
    people's: a quote's attribution names who is quoted), or hidden from the reader."""
    pats = attr_patterns()
    cur, steps = node, 0
    while cur is not None and steps < 40:
        if cur.tag in ("blockquote", "q"):
            return True
        reason = marked_reason(cur.attributes, pats) if cur.tag not in ("html", "body") else None
        if reason and (reason.split(":", 1)[0] in ("comments", "related") or reason.startswith(HIDDEN_REASONS)):
            return True
        cur, steps = cur.parent, steps + 1
    return False


def _author_nodes(tree: LexborHTMLParser) -> list[tuple[LexborNode, str]]:
    """(node, selector) for byline elements: the data file's selectors, then any element whose
    class or id has an author word."""
    out: list[tuple[LexborNode, str]] = [(n, "author element") for n in tree.css(author_selector())[:60]]
    words = byline_selectors().get("authorword", ())
    if words:
        sel = ", ".join(f'[class*="{w}"], [id*="{w}"]' for w in words)
        wanted = set(words)
        for n in tree.css(sel)[:200]:
            a = n.attributes
            if wanted & set(attr_words((a.get("class") or "") + " " + (a.get("id") or ""))):
                out.append((n, "class/id author word"))
    links = byline_selectors().get("authorlink", ())
    if links:
        out += [(n, "author page link") for n in tree.css(", ".join(links))[:50]]
    return out


def _near(a: LexborNode, b: LexborNode) -> bool:
    """Siblings or cousins: the same parent or the same grandparent."""
    pa, pb = a.parent, b.parent
    if pa is None or pb is None:
        return False
    if pa.mem_id == pb.mem_id:
        return True
    ga, gb = pa.parent, pb.parent
    return ga is not None and gb is not None and ga.mem_id == gb.mem_id


def visible_authors(tree: LexborHTMLParser, sites: tuple[str, ...], shown=None) -> tuple[list[str], str] | None:
    """Names in byline elements. shown(name) -> bool, when given, confirms a name read from a
    microdata <meta> (structured data the reader never sees, like JSON-LD)."""
    seen: set[int] = set()
    nodes = _author_nodes(tree)
    for node, sel in nodes:
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        text = node.attributes.get("content") or _node_text(node)
        if not text or len(text) > MAX_VISIBLE_CHARS_DEFAULT:
            # a long author box: its first short line (the name heading)
            lines = [squash(x) for x in node.text(deep=True, separator="\n")[:2000].split("\n")]
            text = next((x for x in lines if 3 <= len(x) <= 80), "")
        if not text and node.tag == "img":
            text = node.attributes.get("alt") or ""
        if not text or _in_furniture(node):
            continue
        names = byline_names(text, trusted=True, sites=sites) or _slug_handle(node, text)
        if node.tag == "meta" and shown is not None:
            names = [n for n in names if shown(n)]
        if names and node.child is not None and node.tag != "meta":
            names = _more_names(node.text(deep=True, separator="\n")[:2000].split("\n"), names, sites)
        if names:
            if sel != "author page link":
                # co-authors: other author elements of the same kind beside this one
                for other, _ in nodes:
                    if other.mem_id != node.mem_id and other.tag == node.tag and _near(other, node):
                        more = byline_names(_node_text(other)[:MAX_VISIBLE_CHARS_DEFAULT], True, sites)
                        names += [n for n in more if n not in names]
            elif node.parent is not None:
                # co-authors: the other author-page links beside this one
                for other in node.parent.css("a[href]")[:MAX_AUTHORS_DEFAULT * 2]:
                    if other.mem_id != node.mem_id and _same_link_kind(other, node):
                        names += [n for n in byline_names(_node_text(other), True, sites) if n not in names]
            return names[:MAX_AUTHORS_DEFAULT], f"html:{sel}"
    return None


def _more_names(parts: list[str], names: list[str], sites: tuple[str, ...]) -> list[str]:
    """The names read part by part, when they hold every name read from the whole text and
    more ('Isabel Caro, Rocío Latorre y José Miguel Wilson' + 'Hace 13 horas' in one element:
    the last name glued to the time was lost)."""
    more: list[str] = []
    for part in parts[:40]:
        if part.strip():
            more += [n for n in byline_names(part, trusted=False, sites=sites) if n not in more]
    return more[:MAX_AUTHORS_DEFAULT] if len(more) > len(names) and set(names) <= set(more) else names


def _slug_handle(node: LexborNode, text: str) -> list[str]:
    """'<a href="/author/mywakenews/">mywakenews</a>': a user name that is also the author page's
    last path part is the author, even where the blog is named after it."""
    if node.tag != "a":
        return []
    href = (node.attributes.get("href") or "").split("?", 1)[0].rstrip("/")
    folder, _, slug = href.rpartition("/")
    if not folder.lower().endswith(("/author", "/autor", "/auteur")) or slug.lower() != text.strip().lower():
        return []
    return _user_name(text)


def _same_link_kind(a: LexborNode, b: LexborNode) -> bool:
    """Two links to pages in the same folder ('/author/jane', '/author/john')."""
    ha, hb = a.attributes.get("href") or "", b.attributes.get("href") or ""
    return ha.rstrip("/").rsplit("/", 1)[0] == hb.rstrip("/").rsplit("/", 1)[0] and ha != hb


def headline_lines(tree: LexborHTMLParser, headline: str | None) -> list[str]:
    """Text lines right above and below the headline (where a byline and a dateline sit)."""
    if not headline:
        return []
    want = fold(headline)
    for h in tree.css("h1, h2")[:30]:
        if fold(headline_text(h)) != want and fold(_node_text(h)) != want:
            continue
        box, lines, at = h.parent, [], None
        for _ in range(HEADLINE_BOX_LEVELS_DEFAULT):
            if box is None:
                break
            lines = [squash(x) for x in box.text(deep=True, separator="\n")[:20000].split("\n") if x.strip()][:400]
            at = next((i for i, x in enumerate(lines) if fold(x) and fold(x) in want), None)
            # a headline alone in its wrappers: climb until the box holds what follows it
            if at is not None and len(lines) >= 4 and len(lines) - at > HEADLINE_BOX_MIN_BELOW_DEFAULT:
                break
            box = box.parent
        if at is None:
            return []
        near = lines[max(0, at - BYLINE_ABOVE_DEFAULT):at] + lines[at + 1:at + 1 + BYLINE_BELOW_DEFAULT]
        out = []
        for i, line in enumerate(near):
            if BY_ONLY_RE.match(line) and i + 1 < len(near):
                line = line + " " + near[i + 1]
            if len(line) <= MAX_VISIBLE_CHARS_DEFAULT and not CREDIT_RE.match(line):
                out.append(line)
            elif not CREDIT_RE.match(line):
                # "27.1.2022 - Bei der Erinnerung ...": a first paragraph led by its dateline
                found = find_date(line[:DATELINE_LEAD_CHARS_DEFAULT])
                if found and found[1] == 0:
                    out.append(line[:found[2]])
        return out
    return []


def byline_line(lines: list[str], sites: tuple[str, ...]) -> tuple[list[str], str] | None:
    """The text heuristic: a 'By Jane Doe' / 'DATE | Jane Doe' line by the headline."""
    for line in lines:
        # a dateline names its author in a few words; a dated sentence is the dek or the story
        if BY_WORD_RE.search(line) or (len(line.split()) <= DATELINE_MAX_WORDS_DEFAULT and find_date(line)):
            names = byline_names(line, trusted=False, sites=sites)
            if names:
                return names, "html:byline line"
    return None


def byline_org(lines: list[str]) -> tuple[list[str], str] | None:
    """The last resort: a byline by the headline that names no person but a desk, an agency or
    the site ('Von Redaktion, 24. Januar 2022', 'Por Agencia EFE', 'by IWB', 'Redaktion' over
    its date line), as printed."""
    for i, line in enumerate(lines):
        m = BY_WORD_RE.match(line)
        if m:
            rest = line[m.end():]
        elif i + 1 < len(lines) and _user_name(line) == [line] and _date_only(lines[i + 1]):
            return [line], "html:byline line (user name)"    # a forum post: "macbacchi" over "28.09.19"
        elif NEWSROOM_RE.match(line) and any(find_date(x) for x in lines[i:i + 3]):
            rest = line
        else:
            continue
        found = find_date(rest)
        rest = ORG_CUT_RE.split(rest[:found[1]] if found else rest, 1)[0]
        name = squash(TIME_RE.split(rest, 1)[0]).strip(NON_WORD_EDGE)
        words = name.split()
        if m and len(words) == 1 and HANDLE_NAME_RE.match(name):
            return [name], "html:byline line (user name)"   # "von Marianne1 am 20.09.2020"
        if 0 < len(words) <= ORG_BYLINE_MAX_WORDS and len(name) <= MAX_NAME_CHARS_DEFAULT and \
                not URL_LIKE_RE.search(name) and not any(c.isdigit() for c in name) and \
                all(w[0].isupper() for w in words if w[0].isalpha()) and LETTER_RE.search(name) and \
                (len(words) > 1 or not name.istitle() or NEWSROOM_RE.match(name)):
            # one word: an acronym or a brand ("IWB", "PETA-Team"), not a first name ("By Dago")
            return [name], "html:byline line (desk or agency)"
    return None


def signature_author(tree: LexborHTMLParser, sites: tuple[str, ...]) -> tuple[list[str], str] | None:
    """The last resort: a name signed under the article, emphasised and alone on its line
    ('... unserer tiefsten Gefühle<br><em>Claudia Duwe</em>', '<p><strong>Marina Mucha</strong></p>'),
    in the last long paragraph or just after it."""
    paras = tree.css("p")[:MAX_SIGNATURE_PARAS_DEFAULT]
    last = None
    for i in range(len(paras) - 1, -1, -1):
        if len(paras[i].text(deep=True)) >= SIGNATURE_AFTER_CHARS_DEFAULT and not _in_furniture(paras[i]):
            last = i
            break
    if last is None:
        return None
    for p in paras[last:last + SIGNATURE_NEXT_PARAS_DEFAULT + 1]:
        text = _node_text(p)
        for em in p.css("strong, em, b")[:5]:
            name = _node_text(em)
            if not name or not text.endswith(name):
                continue
            prev = em.prev
            while prev is not None and prev.tag == "-text" and not (prev.text() or "").strip():
                prev = prev.prev
            if (name == text or (prev is not None and prev.tag == "br")) and \
                    person_names(name, trusted=False, site_names=sites) == [name]:
                return [name], "html:signature"
    return None


def _date_only(line: str) -> bool:
    """The line is a date (and maybe its time), nothing else."""
    found = find_date(line)
    if found is None:
        return SHORT_DMY_RE.match(line) is not None
    return not LETTER_RE.search(TIME_RE.sub("", line[:found[1]] + line[found[2]:]))


def _labelled_lines(text: str, lower: str, words: tuple[str, ...], pattern: re.Pattern) -> list[tuple[str, int]]:
    """(line, index) of the lines that pattern matches, in reading order. Candidates are found
    with str.find on the lowercased text (a regex alternation scanned over a whole page is slow)."""
    starts: set[int] = set()
    for w in words:
        pos = lower.find(w)
        while pos >= 0 and len(starts) < 4 * MAX_LABELLED_LINES_DEFAULT:
            starts.add(lower.rfind("\n", 0, pos) + 1)
            pos = lower.find(w, pos + len(w))
    out = []
    for start in sorted(starts):
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)]
        if pattern.search(line):
            out.append((line, text.count("\n", 0, start)))
            if len(out) >= MAX_LABELLED_LINES_DEFAULT:
                break
    return out


def labelled_date(text: str, max_date: str, modified: bool = False) -> tuple[str, str] | None:
    """A date the page labels as its publication date anywhere ("Erschienen am: 01.11.2023",
    "Published on March 5, 2020"), the first one in reading order. text is the page's text.
    modified: the date labelled as the last change instead ("Aktualisiert am 17.01.2021")."""
    lines = None
    words, pattern = (MODIFIED_LABEL_WORDS, MODIFIED_LABEL_RE) if modified else (PUBLISHED_LABEL_WORDS, PUBLISHED_LABEL_RE)
    for raw, i in _labelled_lines(text, text.lower(), words, pattern):
        line = squash(raw)
        m = pattern.search(line)
        if not m or len(line) > MAX_VISIBLE_CHARS_DEFAULT:
            continue
        rest = line[m.end():m.end() + 60]
        if not rest.strip():  # "Veröffentlichung:" with the date in the next element
            lines = lines if lines is not None else text.split("\n")
            rest = " ".join(_next_lines(lines, i, 1))[:60]
        found = find_date(rest)
        if found is None and not modified:
            # "wurde am 19. Mai 2010 um 23:03 Uhr gepostet": the date right before the label
            lines = lines if lines is not None else text.split("\n")
            before = " ".join([squash(x) for x in lines[max(0, i - 3):i]] + [line[:m.start()]])[-80:]
            found = find_date(before)
            between = before[found[2]:].strip().lstrip(",").strip() if found else ""
            if between and not DATE_BEFORE_LABEL_RE.fullmatch(between):
                found = None
        d = parse_date(found[0], max_date) if found else None
        if d:
            return d, "html:labelled " + ("update date" if modified else "date")
    return None


def labelled_author(text: str, sites: tuple[str, ...]) -> tuple[list[str], str] | None:
    """A line the page labels as its author anywhere ("Autor: Jane Doe", "Von:" then "Jane Doe")."""
    lines = None
    for raw, i in _labelled_lines(text, text.lower(), LABELLED_AUTHOR_WORDS, LABELLED_AUTHOR_LINE_RE):
        line = squash(raw)
        # "22. Januar 2020 @ 18:13 // Autor:": the label may follow a separator
        line = next((x for x in LABEL_SEPARATOR_RE.split(line) if LABELLED_AUTHOR_RE.match(x)), line)
        m = LABELLED_AUTHOR_RE.match(line)
        if not m or len(line) > MAX_VISIBLE_CHARS_DEFAULT:
            continue
        rest = line[m.end():]
        if not rest:
            # "Autor:" then "Jane Doe", or "Rechtsanwalt" then "Jane Doe" in two elements
            lines = lines if lines is not None else text.split("\n")
            nxt = _next_lines(lines, i, 2)
            names = next((n for n in (byline_names(" ".join(nxt[:k]), False, sites) for k in (1, 2)) if n), None)
            rest = nxt[0] if nxt else ""
        else:
            names = byline_names(rest, trusted=False, sites=sites)
        if not names and ":" in line:
            names = _user_name(rest)
        if names:
            return names, "html:labelled author"
    return None


def _user_name(text: str) -> list[str]:
    """'Autor: c1ph4', 'Verfasst von: mitundvoneinander': after an explicit label, a user name
    alone (lowercase, or letters with digits) is the author."""
    token = text.split("|", 1)[0].strip(NON_WORD_EDGE)
    if " " in token or not (USER_NAME_RE.match(token) or HANDLE_NAME_RE.match(token)):
        return []
    if token.lower() in not_author_words() or _not_name_word(token) or URL_LIKE_RE.search(token):
        return []
    return [token]


def _next_lines(lines: list[str], i: int, n: int) -> list[str]:
    """The first n non-blank lines after line i (blank ones skipped, within a few dozen)."""
    out = []
    for x in lines[i + 1:i + 1 + 8 * MAX_LABEL_NEXT_LINES_DEFAULT]:
        if x.strip():
            out.append(squash(x))
            if len(out) >= n:
                break
    return out


def url_date(url: str | None, max_date: str) -> tuple[str, str] | None:
    """A full date in the page's URL path (/2020/05/12/, /2020-05-12-, /20200512/)."""
    if not url:
        return None
    m = URL_DATE_RE.search(url[:500])
    if not m:
        return None
    d = parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}", max_date)
    return (d, "url") if d else None


def dateline(lines: list[str], max_date: str) -> tuple[str, str] | None:
    """A publication date printed by the headline (not an "updated" one)."""
    for i, line in enumerate(lines):
        if MODIFIED_RE.search(line) or (i and _ends_with_update_label(lines[i - 1])):
            continue
        found = find_date(line)
        if found and len(line.split()) > DATELINE_MAX_WORDS_DEFAULT and found[1] > DATELINE_LEAD_CHARS_DEFAULT:
            continue  # a sentence or a caption that mentions a date, not a dateline
        d = parse_date(found[0], max_date) if found else _short_date(line, max_date)
        if d:
            return d, "html:dateline"
    return None


def _ends_with_update_label(line: str) -> bool:
    """'Aktualisiert am', 'Last updated:': a label whose date is printed in the next element."""
    m = MODIFIED_LABEL_RE.search(line[-40:])
    return m is not None and m.end() == len(line[-40:])


def _short_date(line: str, max_date: str) -> str | None:
    """A line that is only a day.month.two-digit-year date, maybe with its time ("28.09.19 12:44")."""
    m = SHORT_DMY_RE.match(line)
    if not m:
        return None
    day, month, yy = m.groups()
    year = 2000 + int(yy) if f"20{yy}" <= max_date[:4] else 1900 + int(yy)
    return parse_date(f"{year:04d}-{int(month):02d}-{int(day):02d}", max_date)


def visible_dek(tree: LexborHTMLParser, headline: str | None) -> tuple[str, str] | None:
    """The dek / standfirst: an element whose class says so, with a sentence-sized text."""
    words = byline_selectors().get("dekword", ())
    if not words:
        return None
    wanted = set(words)
    sel = ", ".join(f'[class*="{w}"]' for w in words)
    for n in tree.css(sel)[:50]:
        if n.tag in ("h1", "body", "html", "article", "main", "section"):
            continue
        if not wanted & set(attr_words(n.attributes.get("class") or "")):
            continue
        text = _node_text(n)
        if DEK_MIN_CHARS_DEFAULT <= len(text) <= DEK_MAX_CHARS_DEFAULT and fold(text) != fold(headline or "") \
                and not _in_furniture(n):
            return text, "html:dek"
    return None


def visible_date(tree: LexborHTMLParser, max_date: str) -> tuple[str, str] | None:
    """The first printed date in reading order among the date elements (one selector pass),
    else among the elements whose class says they hold the article's date ("date-article",
    "field--name-node-post-date")."""
    sel = date_selector()
    if sel:
        for node in tree.css(sel)[:MAX_DATE_NODES_DEFAULT]:
            d = _element_date(node, max_date)
            if d:
                return d, f"html:{node.tag} date element"
    words = byline_selectors().get("dateword", ())
    for node in tree.css('[class*="date"]')[:MAX_DATE_NODES_DEFAULT * 3] if words else ():
        cls = set(attr_words(node.attributes.get("class") or ""))
        if "date" in cls and cls & set(words):
            d = _element_date(node, max_date)
            if d:
                return d, f"html:{node.tag} date class"
    return None


def _element_date(node: LexborNode, max_date: str) -> str | None:
    """The publication date a date element prints (else its datetime), unless it is an
    update, or sits in furniture or the site's header."""
    a = node.attributes
    if _is_modified(a) or _in_furniture(node) or _in_page_chrome(node):
        return None
    # the printed date first: a machine datetime in UTC may be the day before or after
    text = _node_text(node)[:MAX_VISIBLE_CHARS_DEFAULT]
    if not text or MODIFIED_RE.search(text) or _labelled_modified(node, text):
        return None  # only printed dates count here: meta values were read as statements
    found = find_date(text)
    for value in (found[0] if found else None, a.get("datetime")):
        d = parse_date(value, max_date)
        if d:
            return d
    # "10.12.19", "mardi 10.12.19"
    return _short_date(text, max_date) or _short_date(text.rsplit(None, 1)[-1], max_date)


def _labelled_modified(node: LexborNode, text: str) -> bool:
    """'Updated <time>Jul 24, 2018</time>': the label printed before the element, in its parent."""
    parent = node.parent
    if parent is None or parent.tag in ("body", "html"):
        return False
    before = _node_text(parent)[:MAX_VISIBLE_CHARS_DEFAULT].split(text, 1)[0]
    return bool(before) and len(before) < MAX_VISIBLE_CHARS_DEFAULT and MODIFIED_RE.search(before[-40:]) is not None


def _in_page_chrome(node: LexborNode) -> bool:
    """Inside the site's navigation or a page header without a heading: a date there is
    today's date or a menu entry's, not the article's."""
    cur, steps = node.parent, 0
    while cur is not None and steps < 40:
        if cur.tag == "nav" or (cur.attributes.get("role") or "").strip().lower() in ("navigation", "banner"):
            return True
        if cur.tag == "header" and cur.css_first("h1, h2") is None:
            return True
        cur, steps = cur.parent, steps + 1
    return False


@lru_cache(maxsize=1)
def author_selector() -> str:
    return ", ".join(byline_selectors().get("authors", ()))


@lru_cache(maxsize=1)
def date_selector() -> str:
    return ", ".join(byline_selectors().get("date", ()))


def _is_modified(attrs: dict) -> bool:
    s = " ".join(str(attrs.get(k) or "") for k in ("class", "itemprop", "id", "property")).lower()
    return "modif" in s or "updat" in s


def captions(tree: LexborHTMLParser) -> list[LexborNode]:
    return list(tree.css(caption_selector()))[:MAX_CAPTIONS_DEFAULT * 3]


# ----------------------------------------------------------------------------- the cascade

@dataclass(slots=True)
class PageFacts:
    """What the raw page states, before cleaning (JSON-LD and meta live in scripts and head)."""
    fields: dict[str, tuple[object, str]]
    sites: tuple[str, ...]
    h1s: list[str]
    headline: str | None
    url: str | None = None     # the URL given by the caller
    visible: str = ""          # the page's text, scripts and styles left out (set by add_visible)
    date_raw: str | None = None  # the structured date as written (its time zone matters)
    title_sites: frozenset[str] = frozenset()  # folded: the <title>'s parts beside the headline
    date_alts: frozenset[str] = frozenset()    # the publication dates of the meta tags, each
    label_dates: dict = field(default_factory=dict)  # "published"/"modified" -> date, from <label> pairs


def page_facts(tree: LexborHTMLParser, url: str | None = None, max_date: str = MAX_DATE_DEFAULT) -> PageFacts:
    out: dict[str, tuple[object, str]] = {}
    lds = read_jsonld(tree)
    meta = read_meta(tree)
    lds.articles.sort(key=lambda x: x[0])
    # site name first: titles and authors are checked against it
    site = None
    for rank, obj in lds.articles:
        pub = _resolve(obj.get("publisher"), lds)
        if isinstance(pub, dict) and "person" in _types(pub):
            continue  # a personal site: its "publisher" is the author, not a site name
        name = _str(pub.get("name")) if isinstance(pub, dict) else _str(pub)
        if name:
            site = (name, f"json-ld:{_types(obj)[0] if _types(obj) else 'Article'}.publisher")
            break
    mfirst = _meta_first(meta, "site_name")
    if site is None and mfirst:
        site = (mfirst[0], f"meta:{mfirst[1]}")
    if site is None and lds.site_names:
        site = (lds.site_names[0], "json-ld:WebSite.name")
    if site and not URL_LIKE_RE.search(site[0]) or site and " " in site[0]:
        out["site_name"] = (site[0].lstrip("@"), site[1])
    canonical = None
    for link in tree.css("link[rel]"):
        if "canonical" in (link.attributes.get("rel") or "").lower().split():
            canonical = absolute_url(link.attributes.get("href"))
            if canonical:
                break
    page_url = url or canonical
    title_node = tree.css_first("head title") or tree.css_first("title")
    doc_title = _node_text(title_node) if title_node else None
    sites = tuple(x for x in ([site[0]] if site else []) + [v for v, _ in meta.get("og:site_name", [])]
                  + [v for v, _ in meta.get("application-name", [])] + lds.site_names[:3]
                  + [v.lstrip("@") for v, _ in meta.get("twitter:site", [])] + _domain_names(page_url)
                  if _site_like(x, doc_title))
    main = lds.articles[0][1] if lds.articles else None
    # choose the article object whose headline the page repeats, if several
    h1s = headline_candidates(tree, "h1", sites, doc_title)
    h2s = lambda: headline_candidates(tree, "h2", sites, doc_title)  # noqa: E731
    if len(lds.articles) > 1:
        want = {fold(x) for x in h1s + [doc_title or ""] if x}
        for rank, obj in lds.articles:
            hl = _str(obj.get("headline")) or ""
            if fold(hl) in want or any(fold(hl) and fold(hl) in w for w in want):
                main = obj
                break
    mtype = (_types(main)[0] if main and _types(main) else "Article")
    mtype = next((t for t in article_types() if t == mtype), mtype)
    label = "json-ld:" + _type_label(mtype)
    # title
    cands: dict[str, str] = {}
    if main is not None:
        hl = _str(main.get("headline")) or (_str(main.get("name")) if mtype not in ("webpage", "itempage") else None)
        if hl:
            cands[f"{label}.headline"] = hl
    for key in meta_fields().get("title", ()):
        for value, written in meta.get(key, ())[:1]:
            if value:
                cands.setdefault(f"meta:{written}", value)
    if doc_title:
        cands["html:title"] = doc_title
    t = choose_title(cands, h1s, sites, h2s)
    if t:
        out["title"] = t
    # what the <title> adds to the headline: the site, a section, sometimes the author
    rest = _title_rest(doc_title, t[0]) if t else ()
    title_sites = {fold(x) for x in rest}
    # subtitle, section
    if main is not None:
        sub = _str(main.get("alternativeHeadline") or main.get("alternateHeadline"))
        if sub and fold(sub) != fold(t[0] if t else ""):
            out["subtitle"] = (sub, f"{label}.alternativeHeadline")
        sec = _str(main.get("articleSection"))
        if sec and len(sec) <= 80:
            out["section"] = (sec, f"{label}.articleSection")
    if "section" not in out:
        m = _meta_first(meta, "section")
        if m and len(m[0]) <= 80:
            out["section"] = (m[0], f"meta:{m[1]}")
    # authors
    if main is not None:
        names = jsonld_authors(main, lds, sites)
        if names:
            out["authors"] = (names, f"{label}.author")
    if "authors" not in out:
        for key in meta_fields().get("authors", ()):
            vals = meta.get(key, ())
            names: list[str] = []
            for value, written in vals[:MAX_AUTHORS_DEFAULT]:
                if key.startswith("citation_") and value.count(",") == 1:
                    last, first = (x.strip() for x in value.split(","))
                    value = f"{first} {last}" if first and last and " " not in first + last else value
                # "Wines in Berlin - Vinos y Tapas": the author field holding the title's site part
                if len(rest) < 2 or fold(value) != fold(rest[-1]):
                    names += [n for n in person_names(value, trusted=True, site_names=sites) if n not in names]
            if names:
                out["authors"] = (names[:MAX_AUTHORS_DEFAULT], f"meta:{vals[0][1]}")
                break
    # date
    date_raw = None
    if main is not None:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            date_raw = _str(main.get(key))
            d = parse_date(date_raw, max_date)
            if d:
                out["date"] = (d, f"{label}.{key}")
                break
    # every publication date the page states (JSON-LD and meta may disagree): a printed date
    # that one of them confirms wins over the first one read
    alts: set[str] = set()
    for key in meta_fields().get("date", ()):
        if key in WEAK_DATE_KEYS:
            continue
        for value, written in meta.get(key, ())[:1]:
            d = parse_date(value, max_date)
            if d:
                alts.add(d)
                if "date" not in out:
                    out["date"], date_raw = (d, f"meta:{written}"), value
    if "date" not in out:
        for key in meta_fields().get("date", ()):
            for value, written in meta.get(key, ())[:1]:
                d = parse_date(value, max_date)
                if d:
                    out["date"], date_raw = (d, f"meta:{written}"), value
                    break
            if "date" in out:
                break
    # language, url
    html = tree.css_first("html")
    lang = language_code(html.attributes.get("lang") or html.attributes.get("xml:lang")) if html else None
    if lang:
        out["language"] = (lang, "html:lang")
    else:
        m = _meta_first(meta, "language")
        if m and language_code(m[0]):
            out["language"] = (language_code(m[0]), f"meta:{m[1]}")
        elif main is not None and language_code(_str(main.get("inLanguage"))):
            out["language"] = (language_code(_str(main.get("inLanguage"))), f"{label}.inLanguage")
    if url is None:
        if canonical:
            out["url"] = (canonical, "html:link rel=canonical")
        else:
            m = _meta_first(meta, "url")
            if m and absolute_url(m[0]):
                out["url"] = (absolute_url(m[0]), f"meta:{m[1]}")
    headline = out["title"][0] if "title" in out else None
    return PageFacts(out, sites, h1s, headline, url, date_raw=date_raw if "date" in out else None,
                     title_sites=frozenset(title_sites), date_alts=frozenset(alts),
                     label_dates=label_dates(tree, max_date))


def label_dates(tree: LexborHTMLParser, max_date: str) -> dict[str, str]:
    """'<label>Letzte Änderung:</label><div>14.01.2022 um 09:25</div>': dates that <label>
    elements name, read before the pre-cleaner drops form elements."""
    out: dict[str, str] = {}
    for lab in tree.css("label")[:MAX_LABEL_ELEMENTS_DEFAULT]:
        text = _node_text(lab)
        if not text or len(text) > MAX_LABEL_TEXT_CHARS_DEFAULT:
            continue
        kind = "modified" if MODIFIED_LABEL_RE.search(text) else "published" if PUBLISHED_LABEL_RE.search(text) else None
        sib = lab.next
        while sib is not None and sib.tag == "-text" and not (sib.text() or "").strip():
            sib = sib.next
        if kind is None or kind in out or sib is None:
            continue
        found = find_date(_node_text(sib)[:MAX_LABEL_TEXT_CHARS_DEFAULT])
        d = parse_date(found[0], max_date) if found else None
        if d:
            out[kind] = d
    return out


def headline_candidates(tree: LexborHTMLParser, tag: str, sites: tuple[str, ...], doc_title: str | None) -> list[str]:
    """Heading texts that may be the headline, site logos left out, those inside the article first."""
    inside, outside = [], []
    for h in tree.css(tag)[:20]:
        text = headline_text(h)
        if not text or len(text) > 400 or is_logo(h, text, sites, doc_title):
            continue
        in_article = False
        cur, steps = h.parent, 0
        while cur is not None and steps < 30:
            if cur.tag in ("article", "main") or (cur.attributes.get("itemprop") or "").lower() in ("articlebody", "mainentity"):
                in_article = True
                break
            cur, steps = cur.parent, steps + 1
        (inside if in_article else outside).append(text)
    return list(dict.fromkeys(inside + outside))


def _type_label(lower: str) -> str:
    for name in data_lines("jsonld_types.txt"):
        if name.lower() == lower:
            return name
    return lower


def add_visible(facts: PageFacts, tree: LexborHTMLParser, max_date: str = MAX_DATE_DEFAULT) -> None:
    """Cascade step 3, on the page without scripts and styles: structured authors the reader
    never sees are dropped; byline elements, then a byline line by the headline, fill the gaps."""
    body = tree.body
    raw_text = body.text(deep=True, separator="\n")[:MAX_LABEL_SCAN_CHARS_DEFAULT] if body is not None else ""
    facts.visible = raw_text
    hidden = None

    def seen(name: str) -> bool:
        nonlocal hidden
        hidden = _hidden_text(tree) if hidden is None else hidden
        return _mentions(raw_text, name) > _mentions(hidden, name)

    lines = headline_lines(tree, facts.headline)
    weak = None
    if "authors" in facts.fields:
        names, prov = facts.fields["authors"]
        shown = [_full_name(raw_text, n, facts.sites) for n in names if seen(n)]
        if shown and prov.startswith("meta:") and not _in_byline(tree, lines, shown):
            # a meta author the page shows elsewhere only (the site owner in the footer): a
            # byline element naming someone else wins
            weak = (list(dict.fromkeys(shown)), prov)
            del facts.fields["authors"]
        elif shown:
            shown = list(dict.fromkeys(shown))
            # "von Rudolf Fischer, Simon Kohler" by the headline: the structured data named one
            line = next((x for x in lines if BY_WORD_RE.search(x) and shows(x, shown[0])), None)
            facts.fields["authors"] = (_more_names([line], shown, facts.sites) if line else shown, prov)
        else:
            # unseen: JSON-LD often names a CMS account or the whole desk, never shown; a meta
            # author is the last resort when the page prints no byline
            unseen = facts.fields.pop("authors")
            if prov.startswith("meta:"):
                weak = unseen
    if "subtitle" not in facts.fields:
        dek = visible_dek(tree, facts.headline)
        if dek:
            facts.fields["subtitle"] = dek
    if "authors" not in facts.fields:
        a = visible_authors(tree, facts.sites, seen) or (weak if weak and seen(weak[0][0]) else None) or \
            _not_title_part(byline_line(lines, facts.sites), facts) or \
            _not_title_part(labelled_author(raw_text, facts.sites), facts) or weak or byline_org(lines) or \
            signature_author(tree, facts.sites)
        if a:
            facts.fields["authors"] = a
    labels = facts.label_dates
    shown = visible_date(tree, max_date) or dateline(lines, max_date) or labelled_date(raw_text, max_date) or \
        _label_date(labels, "published") or url_date(facts.fields.get("url", (None,))[0] or facts.url, max_date)
    if shown is None and "date" not in facts.fields:
        shown = labelled_date(raw_text, max_date, modified=True) or _label_date(labels, "modified")
    stated = facts.fields.get("date")
    # JSON-LD and the meta tags disagree: the printed date says which is right
    confirmed = shown and stated and stated[1].startswith("json-ld:") and shown[0] in facts.date_alts
    if shown and (confirmed or _printed_wins(stated, facts.date_raw, shown)):
        facts.fields["date"] = shown


def _label_date(labels: dict[str, str], kind: str) -> tuple[str, str] | None:
    d = labels.get(kind)
    return (d, "html:label " + ("update date" if kind == "modified" else "date")) if d else None


def _in_byline(tree: LexborHTMLParser, lines: list[str], names: list[str]) -> bool:
    """One of the names is printed by the headline or in a byline element."""
    if any(shows(line, n) for line in lines for n in names):
        return True
    for node, _ in _author_nodes(tree):
        if node.tag != "meta" and any(shows(_node_text(node)[:MAX_VISIBLE_CHARS_DEFAULT * 2], n) for n in names):
            return True
    return False


def _printed_wins(stated: tuple | None, raw: str | None, shown: tuple) -> bool:
    """The printed date wins over a structured one that is a generic date tag, or a UTC
    timestamp a day off (the local date); a structured date with its own time zone, or far
    from the print, stays (the print may be an update or another item's date)."""
    if stated is None or stated[0] == shown[0]:
        return True
    if stated[1].startswith("meta:") and stated[1][5:].lower() in WEAK_DATE_KEYS:
        return True
    if stated[1].endswith(".uploadDate") and shown[1] != "url":
        return True  # a video's upload: the page that shows the video may be much younger
    if stated[1].startswith("meta:") and raw and DATE_ONLY_RE.match(raw) and shown[1] == "html:time date element":
        return True  # a day typed into a meta tag loses to the page's own <time> element
    return _days_apart(stated[0], shown[0]) <= DATE_TZ_SLACK_DEFAULT and not (raw and LOCAL_OFFSET_RE.search(raw))


def _full_name(text: str, name: str, sites: tuple[str, ...]) -> str:
    """A one-word structured name ("Nils") as the page prints it in full ("von Nils Pickert"):
    the one capitalised word that follows it wherever it stands, when that makes a name."""
    if " " in name or not name[:1].isupper():
        return name
    after = {m.group(1) for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"[ \t\u00a0]+([A-ZÀ-Þ][\w'’-]{1,30})(?!\w)",
                                             text[:MAX_LABEL_SCAN_CHARS_DEFAULT])}
    if len(after) != 1:
        return name
    full = f"{name} {after.pop()}"
    return full if person_names(full, trusted=False, site_names=sites) == [full] else name


def shows(text: str, name: str) -> bool:
    """The page text holds the name (its words in order, any case, any punctuation between)."""
    return _mentions(text, name, 1) > 0


def _mentions(text: str, name: str, most: int = 20) -> int:
    """How often text holds the name (as shows() reads it), counting up to most."""
    words = NON_ALNUM_RE.sub(" ", name).split()
    if not words or not text:
        return 0
    pat = re.compile(r"(?<!\w)" + r"[\W_]+".join(map(re.escape, words)) + r"(?!\w)", re.I)
    n = 0
    for _ in pat.finditer(text):
        n += 1
        if n >= most:
            break
    return n


def _hidden_text(tree: LexborHTMLParser) -> str:
    """The text of elements a browser never shows (hidden attribute, display:none): an author
    named only there is the theme's markup, not a byline the reader sees."""
    pats = attr_patterns()
    nodes = [n for n in tree.css('[hidden], [style*="none"], [style*="hidden"]')[:MAX_HIDDEN_NODES_DEFAULT]
             if (marked_reason(n.attributes, pats) or "").startswith(HIDDEN_REASONS)]
    ids = {n.mem_id for n in nodes}
    outer = []
    for n in nodes:
        cur, steps = n.parent, 0
        while cur is not None and cur.mem_id not in ids and steps < 40:
            cur, steps = cur.parent, steps + 1
        if cur is None or cur.mem_id not in ids:
            outer.append(n.text(deep=True, separator="\n")[:MAX_VISIBLE_CHARS_DEFAULT * 50])
    return "\n".join(outer)


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((datetime.strptime(a[:10], "%Y-%m-%d") - datetime.strptime(b[:10], "%Y-%m-%d")).days)
    except ValueError:
        return 1 << 30


def add_backend(facts: PageFacts, backend_meta: dict, max_date: str = MAX_DATE_DEFAULT) -> None:
    """Cascade step 4: what the backend found, for fields still missing."""
    if "title" not in facts.fields and backend_meta.get("title"):
        t = strip_site(backend_meta["title"], facts.sites, facts.h1s[0] if facts.h1s else None)
        if t:
            facts.fields["title"] = (t, "trafilatura:title")
    if "authors" not in facts.fields and backend_meta.get("author"):
        names = [n for n in person_names(backend_meta["author"], trusted=False, site_names=facts.sites)
                 if not facts.visible or shows(facts.visible, n)]
        if names:
            facts.fields["authors"] = (names, "trafilatura:author")
    if "date" not in facts.fields and backend_meta.get("date"):
        d = parse_date(backend_meta["date"], max_date)
        # htmldate pads a bare year to January 1st: a year in the story is not a date
        if d and not d.endswith("-01-01"):
            facts.fields["date"] = (d, "htmldate:date")
    if "site_name" not in facts.fields and backend_meta.get("sitename"):
        s = squash(backend_meta["sitename"])[:200]
        if s and not URL_LIKE_RE.search(s):
            facts.fields["site_name"] = (s, "trafilatura:sitename")


def caption_texts(nodes: list[LexborNode]) -> list[str]:
    out: list[str] = []
    for n in nodes:
        t = _node_text(n)
        if t and len(t) <= MAX_CAPTION_CHARS_DEFAULT and t not in out:
            out.append(t)
        if len(out) >= MAX_CAPTIONS_DEFAULT:
            break
    return out
