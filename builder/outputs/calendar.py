"""iCalendar (RFC 5545) files of the schedules, one per section and language, written by `icalendar`.

An event keeps the local time its page gives, with TZID=Asia/Almaty and the zone's VTIMEZONE: calendar
apps that know the IANA zone (Google, Apple, Outlook, Thunderbird) show it at that local time and
convert it for readers elsewhere, following their own zone data if Kazakhstan's offset changes again
(it did on 1 March 2024, from UTC+6 to UTC+5); the VTIMEZONE gives the offset to any app that does not.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, vText
from icalendar import Event as CalendarEvent

from builder.model.events import Event

ZONE = "Asia/Almaty"  # all of Kazakhstan since 1 March 2024 (UTC+5)
# DTSTAMP must be a UTC time; a fixed one keeps the same content giving byte-identical files.
STAMP = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
PRODID = "-//Cross-cultural Dialogue//Schedule//EN"


@lru_cache(maxsize=1)
def kazakhstan() -> ZoneInfo:
    """The zone from the tzdata package the project declares, not from the machine.

    ZoneInfo(ZONE) would read the system's /usr/share/zoneinfo first, where a database older than
    2024a still gives UTC+6; zoneinfo.reset_tzpath([]) would change that for the whole process.
    """
    with resources.files("tzdata.zoneinfo").joinpath(*ZONE.split("/")).open("rb") as data:
        return ZoneInfo.from_file(data, key=ZONE)


def calendar_file(
    events: list[Event], name: str, lang: str, locations: dict[str, str], urls: dict[str, str] | None = None
) -> bytes:
    """A VCALENDAR with one VEVENT per event; locations and urls are keyed by event path."""
    zone = kazakhstan()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", vText(name))  # vText: escaped as TEXT (icalendar leaves X- names as given)
    if events:
        # the zone's rules from the first event's day to the day after the last: what the events need
        first = min(event.start for event in events).date()
        last = max(event.start + dt.timedelta(minutes=event.minutes) for event in events).date() + dt.timedelta(days=1)
        calendar.add_component(Timezone.from_tzinfo(zone, tzid=ZONE, first_date=first, last_date=last))
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"{event.slug}-{event.start:%Y%m%d}-{lang}@cross-cultural-dialogue")
        entry.add("dtstamp", STAMP)
        entry.add("dtstart", event.start.replace(tzinfo=zone))
        entry.add("duration", dt.timedelta(minutes=event.minutes))
        entry.add("summary", event.title)
        # a planned event's date is indicative until the organisers confirm it
        entry.add("status", "CONFIRMED" if event.fields.get("status") == "confirmed" else "TENTATIVE")
        if event.description:
            entry.add("description", event.description)
        if locations.get(event.path):
            entry.add("location", locations[event.path])
        if urls and urls.get(event.path):
            entry.add("url", urls[event.path])
        calendar.add_component(entry)
    return calendar.to_ical()
