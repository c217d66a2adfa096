"""Scheduled events (culture days, excursions): their front-matter fields, checks and rows.

An event is an ordinary page whose front matter carries schedule fields. Fields that are not prose
(date, time, duration, venue, place) must be equal in every language; prose fields are translated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from builder.model.errors import ErrorReport
from builder.model.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES

VENUE_TYPES = ("friendship-house", "university", "museum", "theatre", "library", "park")
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


STATUSES = ("planned", "confirmed")


@dataclass(frozen=True)
class EventField:
    name: str
    kind: str  # date | time | minutes | venue | place | status | flag | text
    neutral: bool  # equal in every language
    example: str
    required: bool = True


@dataclass(frozen=True)
class EventKind:
    name: str  # "days" | "excursions"
    section: str  # folder under the language root
    fields: tuple[EventField, ...]

    def holds(self, path: str) -> bool:
        return path.startswith(self.section + "/") and not path.endswith("index.md")


COMMON = (
    EventField("date", "date", True, "2027-03-21"),
    EventField("time", "time", True, '"15:00"'),
    EventField("duration", "minutes", True, "120"),
    EventField("status", "status", True, "planned"),  # planned: an indicative date, to be confirmed
    EventField("optional", "flag", True, "true", required=False),  # attendance optional
)
EVENT_KINDS = (
    EventKind(
        "days",
        "culture/days",
        COMMON
        + (
            EventField("venue", "venue", True, "friendship-house"),
            EventField("association", "text", False, '"the regional Ukrainian ethnocultural association"'),
        ),
    ),
    EventKind(
        "excursions",
        "culture/excursions",
        COMMON
        + (
            EventField("place", "place", True, "karaganda-regional-museum"),
            EventField("meeting_point", "text", False, '"the museum\'s main entrance"'),
        ),
    ),
)


def event_kind(path: str) -> EventKind | None:
    return next((kind for kind in EVENT_KINDS if kind.holds(path)), None)


def extra_fields(path: str) -> dict[str, EventField]:
    kind = event_kind(path)
    return {f.name: f for f in kind.fields} if kind else {}


def field_problem(field: EventField, value, places: dict) -> str | None:
    """What is wrong with a value, or None."""
    if field.kind == "date":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return None
        return f"'{field.name}' must be a date written YYYY-MM-DD, e.g. {field.example}; got {value!r}"
    if field.kind == "time":
        if isinstance(value, str) and TIME.match(value):
            return None
        return f"'{field.name}' must be a 24-hour time in quotes, e.g. {field.example}; got {value!r}"
    if field.kind == "minutes":
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 24 * 60:
            return None
        return f"'{field.name}' must be the length in minutes, a whole number from 1 to 1440; got {value!r}"
    if field.kind == "venue":
        if value in VENUE_TYPES:
            return None
        return f"'{field.name}' must be one of: {', '.join(VENUE_TYPES)}; got {value!r}"
    if field.kind == "status":
        if value in STATUSES:
            return None
        return (
            f"'{field.name}' must be 'planned' (an indicative date, to be confirmed with the organisers) or "
            f"'confirmed' (the organisers have confirmed it); got {value!r}"
        )
    if field.kind == "flag":
        if isinstance(value, bool):
            return None
        return f"'{field.name}' must be true or false; got {value!r}"
    if field.kind == "place":
        if value in places:
            return None
        return (
            f"'{field.name}' must be a place id from content/data/places.yml "
            f"({', '.join(sorted(places)) or 'none defined'}); got {value!r}"
        )
    if isinstance(value, str) and value.strip():
        return None
    return f"'{field.name}' must be a non-empty text in this page's language"


def neutral_value(page, field: EventField):
    """A field's value for comparing languages: an absent optional flag means false, so a flag set in one
    language only is a difference; an absent required field is None (reported by itself)."""
    return page.meta.get(field.name, None if field.required else False)


def check_events(content, places: dict, report: ErrorReport) -> None:
    """Field values, required fields, and equal non-prose fields in every language."""
    for page in content.all_pages():
        kind = event_kind(page.path)
        if kind is None or not page.readable:
            continue
        for field in kind.fields:
            if field.name not in page.meta:
                if not field.required:
                    continue
                report.add(
                    page.source,
                    1,
                    f"an event in {kind.section}/ needs '{field.name}:' in its front matter, "
                    f"e.g. '{field.name}: {field.example}'",
                    code="event.missing-field",
                )
                continue
            problem = field_problem(field, page.meta[field.name], places)
            if problem:
                report.add(page.source, page.meta_lines.get(field.name, 1), problem, code="event.bad-field")
    for path in sorted({p.path for p in content.all_pages() if event_kind(p.path)}):
        kind = event_kind(path)
        versions = {lang: content.page(lang, path) for lang in LANGUAGE_CODES if content.page(lang, path)}
        reference = versions.get(DEFAULT_LANGUAGE.code)
        if reference is None:
            continue
        for field in (f for f in kind.fields if f.neutral):
            for page in versions.values():
                if page is reference:
                    continue
                ours, theirs = neutral_value(page, field), neutral_value(reference, field)
                if ours is None or theirs is None:
                    continue
                if field_problem(field, ours, places) or field_problem(field, theirs, places):
                    continue  # the bad value is reported by itself
                if ours != theirs:
                    files = ", ".join(
                        f"{report.relative(p.source)}:{p.meta_lines.get(field.name, 1)}" for p in versions.values()
                    )
                    report.add(
                        page.source,
                        page.meta_lines.get(field.name, 1),
                        f"'{field.name}' is {ours!s} here but {theirs!s} "
                        f"in content/{DEFAULT_LANGUAGE.code}/{path}; it is not prose, so it must be the same in "
                        f"every language ({files})",
                        code="event.parity",
                    )


@dataclass(frozen=True)
class Event:
    path: str
    title: str
    description: str
    start: dt.datetime  # local time in Kazakhstan
    minutes: int
    fields: dict

    @property
    def slug(self) -> str:
        return Path(self.path).stem


def event_span(meta: dict) -> tuple[dt.datetime, dt.datetime] | None:
    """When an event starts and ends (local time), from its front matter; None while a field is missing or
    wrong (check_events reports it)."""
    try:
        hours, minutes = (int(part) for part in str(meta["time"]).split(":"))
        start = dt.datetime.combine(meta["date"], dt.time(hours, minutes))
        return start, start + dt.timedelta(minutes=int(meta["duration"]))
    except (KeyError, TypeError, ValueError):
        return None


def section_events(content, lang: str, section: str) -> list[Event]:
    """The published events of one section in one language, in time order, from the model's pages."""
    events = []
    for path, page in sorted(content.pages.get(lang, {}).items()):
        if not path.startswith(section + "/") or event_kind(path) is None or page.draft or not page.readable:
            continue
        meta = page.meta
        span = event_span(meta)
        if span is None:
            continue  # reported by check_events
        events.append(
            Event(path, page.title, str(meta.get("description", "")), span[0], int(meta["duration"]), dict(meta))
        )
    return sorted(events, key=lambda e: (e.start, e.path))
