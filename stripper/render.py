"""Stage 6: Article/Result -> str. Every renderer is a pure function; output ends with a newline."""
from __future__ import annotations

import json

from .model import ARTICLE_KEYS, HEADING, ITEM, PRE, QUOTE, Article, Block, Result

META_KEYS = tuple(k for k in ARTICLE_KEYS if k != "text")


def body_text(blocks: list[Block]) -> str:
    """Plain text: one blank line between paragraphs; list items one per line, '- ' prefixed."""
    parts: list[str] = []
    prev = ""
    for b in blocks:
        if b.kind == ITEM:
            t = "- " + b.text
            if prev == ITEM:
                parts[-1] += "\n" + t
                prev = b.kind
                continue
        else:
            t = b.text
        parts.append(t)
        prev = b.kind
    return "\n\n".join(parts)


def body_markdown(blocks: list[Block]) -> str:
    parts: list[str] = []
    prev = ""
    for b in blocks:
        if b.kind == HEADING:
            t = "#" * max(2, min(b.level or 2, 6)) + " " + b.text
        elif b.kind == ITEM:
            t = "- " + b.text
            if prev == ITEM:
                parts[-1] += "\n" + t
                prev = b.kind
                continue
        elif b.kind == QUOTE:
            t = "> " + b.text
        elif b.kind == PRE:
            t = "```\n" + b.text + "\n```"
        else:
            t = b.text
        parts.append(t)
        prev = b.kind
    return "\n\n".join(parts)


def render_text(article: Article) -> str:
    return article.text + "\n"


def render_json(article: Article, indent: int | None = 2) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent) + "\n"


def _yaml_scalar(v) -> str:
    if v is None:
        return "null"
    return json.dumps(v, ensure_ascii=False)


def render_markdown(article: Article, body_md: str) -> str:
    lines = ["---"]
    for k in META_KEYS:
        v = getattr(article, k)
        if isinstance(v, list):
            lines.append(f"{k}:" + ("" if v else " []"))
            lines.extend(f"  - {_yaml_scalar(x)}" for x in v)
        else:
            lines.append(f"{k}: {_yaml_scalar(v)}")
    lines.append("---")
    head = "\n".join(lines) + "\n\n"
    title = f"# {article.title}\n\n" if article.title else ""
    return head + title + body_md + "\n"


def explain_rows(result: Result) -> list[tuple[str, str, str, str, str]]:
    """(block, verdict, rule, reason, preview) for every block, plus HTML pre-cleaner removals."""
    rows = []
    for node, reason in result.removed_nodes:
        rows.append(("-", "removed", "HTM", reason, node[:60]))
    by_idx = {v.index: v for v in result.verdicts}
    for b in result.blocks:
        v = by_idx.get(b.index)
        preview = " ".join(b.text.split())
        preview = preview if len(preview) <= 60 else preview[:59] + "…"
        rows.append((str(b.index), v.verdict if v else "?", v.rule_id if v else "", v.reason if v else "", preview))
    return rows


def render_explain_tsv(result: Result) -> str:
    out = ["block\tverdict\trule\treason\ttext"]
    for r in explain_rows(result):
        out.append("\t".join(x.replace("\t", " ").replace("\n", " ") for x in r))
    return "\n".join(out) + "\n"
