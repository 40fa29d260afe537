"""Page metadata from an lxml document: title, byline, published and
modified date-times, site name and language.

Sources, strongest first: JSON-LD (schema.org Article and kin), <meta>
tags (Open Graph, Twitter, Dublin Core, article:*, parsely), then the
page itself (<title>, <time datetime>, itemprop, rel=author). The title
order follows Readability.js so saved pages title the same way there."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from ..safety import clean_line
from .metadata import parse_datetime_text

_ARTICLE_TYPES = re.compile(
    r"^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicQuestion|"
    r"BackgroundNewsArticle|BlogPosting|DiscussionForumPosting|LiveBlogPosting|OpinionNewsArticle|"
    r"ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|"
    r"MedicalScholarlyArticle|SocialMediaPosting|TechArticle)$"
)
_CDATA = re.compile(r"^\s*<!\[CDATA\[|\]\]>\s*$")
_TITLE_KEYS = ("dc:title", "dcterm:title", "og:title", "weibo:article:title",
               "weibo:webpage:title", "title", "twitter:title", "parsely-title")
_BYLINE_KEYS = ("dc:creator", "dcterm:creator", "author", "parsely-author",
                "article:author_name", "sailthru.author", "byl")
_PUBLISHED_KEYS = ("article:published_time", "parsely-pub-date", "og:published_time",
                   "published_time", "datepublished", "sailthru.date", "pubdate",
                   "publishdate", "publish-date", "publish_date", "dc:date:issued",
                   "dcterms:created", "dc:date", "dcterms:date", "date",
                   "citation_publication_date", "article:published", "og:article:published_time",
                   "cxenseparse:recs:publishtime", "datecreated", "displaydate")
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "dateModified",
                  "og:article:modified_time", "dcterms:modified", "last-modified",
                  "lastmod", "datemodified")
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site", "publisher")
_SEPARATORS = re.compile(r" [|\-–—\\/>»] ")  # Readability.js's title separators
_ISO = re.compile(
    r"(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d))?)?"
)


@dataclass
class PageMeta:
    """What the page says about itself (every field optional)."""

    title: str | None = None
    byline: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    site: str | None = None
    language: str | None = None
    # The byline comes from JSON-LD or <meta> (not from the page's text),
    # so the content search leaves the visible byline element alone.
    byline_declared: bool = False


def extract_metadata(root) -> PageMeta:
    """Metadata of the parsed page `root` (an lxml html element)."""
    metas = _meta_values(root)
    ld = _json_ld(root)
    meta = PageMeta()
    meta.site = _first_text(ld.get("site"), *(metas.get(k) for k in _SITE_KEYS))
    if meta.site and meta.site.startswith("@"):
        meta.site = meta.site[1:] or None
    meta.title = _title(root, metas, ld, meta.site)
    meta.byline, meta.byline_declared = _byline(root, metas, ld)
    meta.published = _first_date(ld.get("published"), *(metas.get(k) for k in _PUBLISHED_KEYS),
                                 ld.get("created"), *_page_dates(root, "published"))
    meta.updated = _first_date(ld.get("modified"), *(metas.get(k) for k in _MODIFIED_KEYS))
    meta.language = _language(root, metas)
    return meta


# ---------------------------------------------------------------- sources
def _meta_values(root) -> dict[str, str]:
    """<meta> name/property/itemprop -> content; the first of each name wins."""
    values: dict[str, str] = {}
    for el in root.iter("meta"):
        content = el.get("content")
        if content is None or not content.strip():
            continue
        keys = " ".join(el.get(a, "") for a in ("property", "name", "itemprop", "http-equiv"))
        for key in keys.lower().split():
            key = key.strip().replace(".", ":")
            if key:  # the last of each name wins, as in Readability.js
                values[key] = content.strip()
    for alias, key in (("datemodified", "dateModified"),):
        if alias in values:
            values[key] = values[alias]
    return values


def _json_ld(root) -> dict:
    """Headline, authors, dates and publisher of the page's JSON-LD article
    (Readability.js's choice: the first item of an article type)."""
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        text = _CDATA.sub("", script.text.strip()).strip().rstrip(";")
        try:
            data = json.loads(text)
        except ValueError:
            continue
        item = next((i for i in _ld_items(data, 0) if _is_article(i)), None)
        if item is not None:
            return _ld_fields(item, root)
    return {}


def _is_article(item: dict) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and _ARTICLE_TYPES.match(k) for k in kinds)


def _ld_fields(item: dict, root) -> dict:
    name, headline = _ld_text(item.get("name")), _ld_text(item.get("headline"))
    title = name or headline
    if name and headline and name != headline:
        # Readability.js: the one that resembles the <title> element wins.
        raw = _page_title(root)
        page_title = _shorten_title(root, raw, None) if raw else ""
        if similarity(headline, page_title) > 0.75 and not similarity(name, page_title) > 0.75:
            title = headline
    publisher = _ld_names(item.get("publisher"))
    return {
        "title": title,
        "authors": _ld_names(item.get("author") or item.get("creator")),
        "published": _ld_text(item.get("datePublished")),
        "created": _ld_text(item.get("dateCreated")),
        "modified": _ld_text(item.get("dateModified")),
        "site": publisher[0] if publisher else None,
    }


def similarity(a: str, b: str) -> float:
    """Readability.js `_textSimilarity`: share of b's words (by length) also in a."""
    tokens_a = [t for t in re.split(r"\W+", a.lower()) if t]
    tokens_b = [t for t in re.split(r"\W+", b.lower()) if t]
    if not tokens_a or not tokens_b:
        return 0.0
    seen = set(tokens_a)
    unique_b = [t for t in tokens_b if t not in seen]
    return 1 - len(" ".join(unique_b)) / len(" ".join(tokens_b))


def _ld_items(data, depth: int):
    if depth > 6:
        return
    if isinstance(data, list):
        for entry in data[:50]:
            yield from _ld_items(entry, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _ld_items(data[key], depth + 1)


def _ld_text(value) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _ld_names(value) -> list[str]:
    entries = value if isinstance(value, list) else [value]
    names = []
    for entry in entries[:10]:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            names.append(" ".join(name.split()))
    return names


def _page_dates(root, kind: str) -> list[str]:
    """<time datetime> and itemprop=datePublished in the page body."""
    found = []
    for el in root.iter("time", "span", "div", "p", "abbr"):
        prop = (el.get("itemprop") or "").lower()
        if el.tag == "time" or prop == "datepublished":
            if prop == "datemodified":
                continue
            value = el.get("datetime") or el.get("content") or (el.text_content() if prop else "")
            if value and value.strip():
                found.append(value.strip())
        if len(found) >= 3:
            break
    return found


# ---------------------------------------------------------------- fields
def _title(root, metas: dict, ld: dict, site: str | None) -> str | None:
    """JSON-LD headline, then the title <meta> tags, then <title> with the site part cut."""
    for candidate in (ld.get("title"), *(metas.get(k) for k in _TITLE_KEYS)):
        text = _clean(candidate)
        if text:
            return text
    text = _page_title(root)
    if not text:
        h1 = [h for h in root.iter("h1")]
        return _clean(h1[0].text_content()) if len(h1) == 1 else None
    return _shorten_title(root, text, site)


def _page_title(root) -> str | None:
    title_el = root.find(".//title")
    return _clean(title_el.text_content() if title_el is not None else None)


def _strip_site(title: str, site: str | None, keep_if_short: bool) -> str:
    """'Headline | Site' -> 'Headline' when the cut part is the site's name."""
    if not site:
        return title
    site_key = _key(site)
    for match in reversed(list(_SEPARATORS.finditer(title))):
        tail, head = title[match.end():], title[:match.start()]
        if _key(tail) == site_key and (not keep_if_short or len(head.split()) >= 2):
            return head.strip()
    return title


def _shorten_title(root, title: str, site: str | None) -> str:
    """Readability.js's rules for the <title> element: drop the last
    ' | Section' part unless that leaves too few words."""
    stripped = _strip_site(title, site, keep_if_short=True)
    if stripped != title:
        return stripped
    cur = title
    hierarchical = False
    seps = list(_SEPARATORS.finditer(title))
    if seps:
        hierarchical = bool(re.search(r" [\\/>»] ", title))
        cur = title[:seps[-1].start()]
        if len(cur.split()) < 3:
            cur = re.sub(r"^[^|\-–—\\/>»]*[|\-–—\\/>»]", "", title)
    elif ": " in title:
        headings = {(" ".join(h.text_content().split())) for h in root.iter("h1", "h2")}
        if title not in headings:
            cur = title[title.rfind(":") + 1:]
            if len(cur.split()) < 3:
                cur = title[title.find(":") + 1:]
            elif len(title[:title.find(":")].split()) > 5:
                cur = title
    elif len(title) > 150 or len(title) < 15:
        h1 = [h for h in root.iter("h1")]
        if len(h1) == 1:
            cur = " ".join(h1[0].text_content().split())
    cur = " ".join(cur.split())
    words = len(cur.split())
    if words <= 4 and (not hierarchical or words != len(re.sub(r"[|\-–—\\/>»]+", "", title).split()) - 1):
        cur = title
    return cur


def _byline(root, metas: dict, ld: dict) -> tuple[list[str], bool]:
    """Author names, and whether JSON-LD or <meta> declared them."""
    names = ld.get("authors") or []
    if not names:
        for key in _BYLINE_KEYS:
            value = _clean(metas.get(key))
            if value and not value.startswith(("http://", "https://")):
                names = [value]
                break
    declared = bool(names)
    if not names:
        for el in root.iter("a", "span", "div", "p", "address"):
            if el.get("rel") == "author" or (el.get("itemprop") or "").lower() == "author":
                text = _clean(el.text_content())
                if text and len(text) < 80:
                    names = [text]
                    break
    out: list[str] = []
    for name in names:
        name = re.sub(r"^by\s+", "", clean_line(name), flags=re.I).strip()
        if name and len(name) < 120 and name not in out:
            out.append(name)
    return out[:8], declared


def _language(root, metas: dict) -> str | None:
    for value in (root.get("lang"), root.get("xml:lang"), metas.get("content-language"),
                  metas.get("og:locale"), metas.get("language")):
        if value and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", value.strip()):
            return value.strip().replace("_", "-").split("-")[0].lower()  # 'en-US' -> 'en', as DESIGN shows
    return None


# ---------------------------------------------------------------- helpers
def _first_text(*values) -> str | None:
    for value in values:
        text = _clean(value)
        if text:
            return text
    return None


def _first_date(*values) -> str | None:
    for value in values:
        iso = to_iso(value) if isinstance(value, str) else None
        if iso:
            return iso
    return None


def to_iso(value: str) -> str | None:
    """'2020-05-01T10:00:00Z' / '20200501' / 'May 1, 2020' / epoch -> ISO 8601."""
    value = value.strip()
    if re.fullmatch(r"1\d{9}(?:\d{3})?", value):  # epoch seconds or milliseconds
        seconds = int(value[:10])
        return datetime.fromtimestamp(seconds, timezone.utc).isoformat()
    match = _ISO.match(value)
    if match:
        return _iso_from_match(match)
    return parse_datetime_text(value)


def _iso_from_match(match: re.Match) -> str | None:
    g = match.groupdict()
    try:
        day = datetime(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    if not 1900 <= day.year <= 2100:
        return None
    if g["H"] is None:
        return day.date().isoformat()
    try:
        moment = day.replace(hour=int(g["H"]), minute=int(g["M"]), second=int(g["S"] or 0))
    except ValueError:
        return day.date().isoformat()
    tz = g["tz"]
    if tz:
        if tz == "Z":
            moment = moment.replace(tzinfo=timezone.utc)
        else:
            digits = tz[1:].replace(":", "")
            minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
            if minutes < 24 * 60:
                sign = -1 if tz[0] == "-" else 1
                moment = moment.replace(tzinfo=timezone(timedelta(minutes=sign * minutes)))
    return moment.isoformat()


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(clean_line(_unescape(value)).split())
    return text or None


def _unescape(text: str) -> str:
    """Meta content sometimes holds entities escaped twice (&amp;amp;)."""
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())
