"""Write the .ics calendar of every schedule section beside its table (see blocks/schedule.py)."""
from __future__ import annotations

from pathlib import Path

from builder.blocks.schedule import CALENDAR_FILE, event_location
from builder.calendar import calendar_text
from builder.content import load_page
from builder.data import load_places
from builder.errors import ErrorReport
from builder.events import EVENT_KINDS, section_events
from builder.languages import language


def write_calendars(content_dir: Path, site_dir: Path, lang: str, site_name: str, site_url: str | None) -> list[Path]:
    places = load_places(content_dir / "data" / "places.yml", ErrorReport(content_dir.parent))
    written = []
    for kind in EVENT_KINDS:
        folder = site_dir / kind.section
        events = section_events(content_dir, lang, kind.section)
        if not events or not folder.is_dir():
            continue
        locations = {e.path: event_location(e, lang, places) for e in events}
        urls = None
        if site_url:
            base = site_url.rstrip("/") + "/" + language(lang).url_prefix
            urls = {e.path: f"{base}{kind.section}/{e.slug}/" for e in events}
        index = content_dir / lang / kind.section / "index.md"
        index_title = load_page(index, lang, f"{kind.section}/index.md", ErrorReport(content_dir.parent)).title \
            if index.exists() else kind.section
        target = folder / CALENDAR_FILE
        target.write_bytes(calendar_text(events, f"{site_name}: {index_title}", lang, locations, urls).encode("utf-8"))
        written.append(target)
    return written
