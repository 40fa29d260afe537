"""Printed output: plain text, Markdown and the JSON contract of DESIGN.md.

Every string written here has already passed through `safety` (extraction
sanitises all article text), so these writers only format."""
from __future__ import annotations

import json
import textwrap
from dataclasses import asdict

from .models import Analysis, Article

_MD_PREFIX = {"heading": "## ", "quote": "> ", "list_item": "- "}


def to_text(article: Article, width: int | None = None) -> str:
    """Title first, then each block as a paragraph (wrapped when `width`).
    The standfirst is left out: this output is the title and the body only."""
    parts: list[str] = []
    if article.title:
        parts.append(article.title)
    for block in article.blocks:
        text = block.text
        if width and block.kind != "preformatted":
            text = textwrap.fill(text, width, break_on_hyphens=False)
        parts.append(text)
    return "\n\n".join(parts) + "\n"


def to_markdown(article: Article, analysis: Analysis | None) -> str:
    lines: list[str] = []
    if article.title:
        lines += [f"# {_md_escape(article.title)}", ""]
    if article.standfirst and article.standfirst.strip():
        lines += [f"*{_md_escape(article.standfirst.strip())}*", ""]
    meta = [", ".join(article.byline), article.site or "", article.published or ""]
    if any(meta):
        lines += ["*" + " · ".join(m for m in meta if m) + "*", ""]
    for block in article.blocks:
        if block.kind == "preformatted":
            lines += ["```", block.text.replace("```", "ʼʼʼ"), "```", ""]
        else:
            lines += [_MD_PREFIX.get(block.kind, "") + _md_escape(block.text), ""]
    if analysis is not None:
        lines += _markdown_panel(analysis)
    return "\n".join(lines).rstrip() + "\n"


def _markdown_panel(analysis: Analysis) -> list[str]:
    lines = ["---", ""]
    titles = {"PERSON": "People", "PLACE": "Places", "ORG": "Organisations"}
    for kind, title in titles.items():
        rows = [e for e in analysis.entities if e.type == kind]
        if rows:
            lines += [f"## {title}", ""]
            lines += [f"- {_md_escape(e.name)} ({len(e.mentions)})" for e in rows] + [""]
    if analysis.dates:
        lines += ["## Dates", ""]
        lines += [f"- {_md_escape(d.text)} → {d.value or '?'}" for d in analysis.dates] + [""]
    if analysis.quotes:
        lines += ["## Quotes", ""]
        for q in analysis.quotes:
            who = _md_escape(q.speaker) if q.speaker else "unknown"
            lines += [f"- **{who}**: “{_md_escape(q.text)}”"]
        lines.append("")
    return lines


def _md_escape(text: str) -> str:
    """Escape characters Markdown would treat as syntax or raw HTML."""
    out = []
    for ch in text:
        if ch in "\\`*_{}[]<>#|":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def to_json(article: Article, analysis: Analysis | None) -> str:
    return json.dumps(to_dict(article, analysis), ensure_ascii=False, indent=2) + "\n"


def to_dict(article: Article, analysis: Analysis | None) -> dict:
    """The JSON contract (DESIGN.md): field names and order are public API."""
    analysis = analysis or Analysis()
    return {
        "source": article.source,
        "title": article.title,
        "standfirst": article.standfirst,
        "byline": list(article.byline),
        "published": article.published,
        "updated": article.updated,
        "site": article.site,
        "language": article.language,
        "blocks": [{"kind": b.kind, "text": b.text} for b in article.blocks],
        "links": [asdict(link) for link in article.links],
        "removed": list(article.removed),
        "entities": [
            {"name": e.name, "type": e.type, "forms": list(e.forms),
             "mentions": [asdict(m) for m in e.mentions]}
            for e in analysis.entities
        ],
        "dates": [asdict(d) for d in analysis.dates],
        "quotes": [asdict(q) for q in analysis.quotes],
    }
