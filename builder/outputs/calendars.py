"""The .ics calendar of every schedule section, written beside its table (see blocks/schedule.py)."""

from __future__ import annotations

from pathlib import Path

from builder.markdown.blocks.schedule import CALENDAR_FILE, event_location
from builder.model.content import Content
from builder.model.events import EVENT_KINDS, section_events
from builder.model.languages import language
from builder.outputs.calendar import calendar_file


def write_calendars(content: Content, site_dir: Path, lang: str, site_name: str, site_url: str | None) -> list[Path]:
    """Into one language's built site (site_dir is its folder): a calendar per section with events."""
    places = content.data.places
    written = []
    for kind in EVENT_KINDS:
        folder = site_dir / kind.section
        events = section_events(content, lang, kind.section)
        if not events or not folder.is_dir():
            continue
        locations = {e.path: event_location(e, lang, places) for e in events}
        urls = None
        if site_url:
            base = site_url.rstrip("/") + "/" + language(lang).url_prefix
            urls = {e.path: f"{base}{kind.section}/{e.slug}/" for e in events}
        index = content.page(lang, f"{kind.section}/index.md")
        index_title = index.title if index else kind.section
        target = folder / CALENDAR_FILE
        target.unlink(missing_ok=True)  # the folder may be hard-linked from the previous site: never write through
        target.write_bytes(calendar_file(events, f"{site_name}: {index_title}", lang, locations, urls))
        written.append(target)
    return written
