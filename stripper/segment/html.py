"""HTML -> blocks (minimal path: visible text of the body, one block per line-level element).
The full HTML path (pre-cleaning, trafilatura main content, metadata cascade) lives in
stripper/htmlpage.py when present; this is the fallback segmenter."""
from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from ..model import Block
from .text import segment_text

DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head")


@dataclass(slots=True)
class HtmlDoc:
    blocks: list[Block]
    meta: dict[str, tuple[object, str]] = field(default_factory=dict)   # field -> (value, provenance)
    removed: list[tuple[str, str]] = field(default_factory=list)        # (node, reason)


def segment_html(text: str, stopwords: frozenset[str] = frozenset(), options=None) -> HtmlDoc:
    tree = LexborHTMLParser(text)
    for tag in DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    body = root.text(separator="\n", strip=False) if root is not None else ""
    return HtmlDoc(blocks=segment_text(body, stopwords))
