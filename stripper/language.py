"""Language guess and stoplists. Stoplists come from jusText (a trafilatura dependency),
which ships 100 curated lists; we do not type our own."""
from __future__ import annotations

import re
from functools import lru_cache

# ISO 639-1 -> jusText stoplist name, for the languages we guess among.
JUSTEXT_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "cs": "Czech", "sk": "Slovak",
    "sv": "Swedish", "da": "Danish", "nb": "Norwegian_Bokmal", "fi": "Finnish", "hu": "Hungarian",
    "ro": "Romanian", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian",
    "el": "Greek", "hr": "Croatian", "sl": "Slovenian", "ca": "Catalan", "id": "Indonesian",
    "vi": "Vietnamese", "ar": "Arabic", "fa": "Persian", "he": "Hebrew", "hi": "Hindi",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "sr": "Serbian",
}
WORD_RE = re.compile(r"\w+")
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
KANA_RE = re.compile(r"[\u3040-\u30ff]")
HANGUL_RE = re.compile(r"[\uac00-\ud7af]")


@lru_cache(maxsize=None)
def stoplist(lang: str) -> frozenset[str]:
    name = JUSTEXT_NAMES.get(lang)
    if name is None:
        return frozenset()
    import justext
    return frozenset(justext.get_stoplist(name))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    idx: dict[str, list[str]] = {}
    for lang in JUSTEXT_NAMES:
        for w in stoplist(lang):
            idx.setdefault(w, []).append(lang)
    return {w: tuple(v) for w, v in idx.items()}


@lru_cache(maxsize=16384)
def lower_words(text: str) -> tuple[str, ...]:
    """A block's words (runs of word characters), lowercased. Cached: the rules' context and the
    main-content selection both read every block's words, and share the strings (hashed once)."""
    return tuple(WORD_RE.findall(text.lower()))


def is_cjk(lang: str | None) -> bool:
    return lang in ("zh", "ja", "ko")


def guess_language(text: str) -> str | None:
    """Best stoplist coverage over a sample of the text; script check for CJK first."""
    # Prose lines tell the language; menus do not: sample long lines first.
    parts, size = [], 0
    for line in text[:400000].split("\n"):
        if len(line) >= 60:
            parts.append(line)
            size += len(line)
            if size >= 6000:
                break
    sample = "\n".join(parts) if size >= 1000 else text[:6000]
    cjk = len(CJK_RE.findall(sample))
    if cjk > 0.15 * len(sample):
        if len(HANGUL_RE.findall(sample)) > cjk * 0.3:
            return "ko"
        if len(KANA_RE.findall(sample)) > cjk * 0.05:
            return "ja"
        return "zh"
    idx = _index()
    counts: dict[str, float] = {}
    for w in WORD_RE.findall(sample.lower()):
        langs = idx.get(w)
        if langs:
            share = 1.0 / len(langs)
            for lang in langs:
                counts[lang] = counts.get(lang, 0.0) + share
    if not counts:
        return None
    best = max(sorted(counts), key=lambda k: counts[k])
    return best if counts[best] >= 5 else None
