"""iCalendar (RFC 5545) files of the schedules, one per section and language."""
from __future__ import annotations

import datetime as dt

from builder.model.events import Event

KAZAKHSTAN_UTC_OFFSET = dt.timedelta(hours=5)  # one time zone, UTC+5, since 1 March 2024
# DTSTAMP must be a UTC time; a fixed one keeps the same content giving byte-identical files.
STAMP = "20260901T000000Z"
PRODID = "-//Cross-cultural Dialogue//Schedule//EN"


def escape_text(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after CRLF and a space (RFC 5545 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines start with a space
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def utc(local: dt.datetime) -> str:
    return (local - KAZAKHSTAN_UTC_OFFSET).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(events: list[Event], name: str, lang: str, locations: dict[str, str],
                  urls: dict[str, str] | None = None) -> str:
    """A VCALENDAR with one VEVENT per event; locations and urls are keyed by event path."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape_text(name)}"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.slug}-{event.start:%Y%m%d}-{lang}@cross-cultural-dialogue",
            f"DTSTAMP:{STAMP}",
            f"DTSTART:{utc(event.start)}",
            f"DURATION:PT{event.minutes}M",
            f"SUMMARY:{escape_text(event.title)}",
            # a planned event's date is indicative until the organisers confirm it
            f"STATUS:{'CONFIRMED' if event.fields.get('status') == 'confirmed' else 'TENTATIVE'}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if locations.get(event.path):
            lines.append(f"LOCATION:{escape_text(locations[event.path])}")
        if urls and urls.get(event.path):
            lines.append(f"URL:{urls[event.path]}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
