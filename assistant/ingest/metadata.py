"""Article metadata as the formats find it, and how raw values become typed fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from pydantic import BaseModel

from assistant.ingest.clean import clean_inline


class IngestDefaults(BaseModel):
    """Metadata for articles that do not carry their own (the CLI flags)."""

    outlet: str | None = None
    published: date | None = None
    language: str | None = None


@dataclass(frozen=True)
class Metadata:
    """Raw strings from front matter, JSONL fields or HTML meta; any may be missing."""

    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    story: str | None = None


@dataclass(frozen=True)
class ArticleFields:
    """The typed metadata of one article, plus what was ignored and why."""

    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    language: str | None
    story: str | None
    warnings: tuple[str, ...]


# Written-out dates seen in front matter and feeds; ISO and RFC 2822 are tried first.
DATE_FORMATS: tuple[str, ...] = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{2})[-/](\d{2})")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def resolve(meta: Metadata, defaults: IngestDefaults) -> ArticleFields:
    """Clean and type ``meta``, falling back to ``defaults`` for what it lacks.

    A value that cannot be used (a date nobody can read, a ``javascript:`` URL) is
    dropped with a warning rather than failing the article.
    """
    warnings: list[str] = []
    published = None
    if meta.published is not None and _text(meta.published):
        published = parse_date(meta.published)
        if published is None:
            warnings.append(f"publication date {_text(meta.published)!r} not understood; ignored")
    url = _text(meta.url)
    if url is not None and urlsplit(url).scheme.lower() not in ("http", "https"):
        warnings.append(f"url {url!r} is not an http(s) address; ignored")
        url = None
    language = _language(meta.language)
    if meta.language and language is None:
        warnings.append(f"language {_text(meta.language)!r} not understood; ignored")
    return ArticleFields(
        title=_text(meta.title),
        outlet=_text(meta.outlet) or defaults.outlet,
        url=url,
        published=published or defaults.published,
        language=language or defaults.language,
        story=_text(meta.story),
        warnings=tuple(warnings),
    )


def parse_date(value: str) -> date | None:
    """The calendar date in ``value`` (ISO date or datetime, RFC 2822, "March 4, 2026").

    For a datetime the date is taken as written, in the publisher's own time zone:
    that is the day the article's "Monday" and "yesterday" are relative to.
    """
    value = value.strip()
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _language(value: str | None) -> str | None:
    """The primary subtag, lowercased: "en-GB", "en_US" -> "en"."""
    value = _text(value)
    if value is None:
        return None
    primary = re.split(r"[-_]", value, maxsplit=1)[0].lower()
    return primary if _LANGUAGE.fullmatch(primary) else None


def _text(value: str | None) -> str | None:
    cleaned = clean_inline(value) if value else ""
    return cleaned or None
