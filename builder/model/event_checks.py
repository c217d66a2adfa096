"""Checks that keep the schedule honest: dates inside the academic year, facts written once.

- `content/data/academic-calendar.yml` gives the year's periods (semesters, examination sessions,
  holidays). An event falls in a semester; in an examination session only when attendance is
  optional (`optional: true`) and on a Saturday or Sunday, when no examination is held.
- The date, time and meeting point of an event page are rendered from its front matter by the
  ```` ```event ```` block; prose that restates them is reported, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.model.data import DataReader
from builder.model.errors import ErrorReport
from builder.model.events import event_kind, event_span

CALENDAR_FILE = Path("data") / "academic-calendar.yml"
PERIOD_KINDS = ("semester", "exams", "holidays")
PERIOD_KEYS = ("kind", "start", "end", "name")
# month names as prose writes a date: Kazakh nominative, Russian genitive stems, English
MONTHS = {
    "kk": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split(),
    "ru": "январ феврал март апрел ма[йя] июн июл август сентябр октябр ноябр декабр".split(),
    "en": "January February March April May June July August September October November December".split(),
}


@dataclass(frozen=True)
class Period:
    kind: str
    start: dt.date
    end: dt.date
    name: str
    line: int

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def load_academic_calendar(content_dir: Path, report: ErrorReport) -> list[Period]:
    reader = DataReader(content_dir / CALENDAR_FILE, report)
    root = reader.load()
    if root is None:
        return []
    periods = reader.mapping(root).get("periods")
    if not isinstance(periods, yaml.SequenceNode):
        reader.error(
            root,
            "the academic calendar needs 'periods:', a list of '- kind: semester | exams | holidays' "
            "entries with 'start', 'end' (YYYY-MM-DD) and 'name' in kk, ru, en",
            code="calendar.format",
        )
        return []
    result = []
    for node in periods.value:
        values = reader.mapping(node)
        for key in sorted(set(values) - set(PERIOD_KEYS)):
            reader.error(
                values[key], f"unknown key '{key}'; a period has: {', '.join(PERIOD_KEYS)}", code="calendar.unknown-key"
            )
        kind = reader.scalar(values["kind"]) if "kind" in values else None
        start = reader.scalar(values["start"]) if "start" in values else None
        end = reader.scalar(values["end"]) if "end" in values else None
        names = reader.languages(values.get("name"), node, "the period's 'name'")
        if kind not in PERIOD_KINDS:
            reader.error(
                node, f"'kind' must be one of: {', '.join(PERIOD_KINDS)}; got {kind!r}", code="calendar.period-kind"
            )
            continue
        if not all(isinstance(day, dt.date) for day in (start, end)):
            reader.error(
                node, "'start' and 'end' must be dates written YYYY-MM-DD, e.g. 2026-09-01", code="calendar.dates"
            )
            continue
        if end < start:
            reader.error(values["end"], f"the period ends ({end}) before it starts ({start})", code="calendar.order")
            continue
        result.append(Period(kind, start, end, names.get("en", kind), node.start_mark.line + 1))
    return result


def check_event_dates(content, periods: list[Period], report: ErrorReport) -> None:
    if not periods:
        return
    calendar = content.root / CALENDAR_FILE
    for page in content.all_pages():
        day = page.meta.get("date") if event_kind(page.path) and page.readable else None
        if not isinstance(day, dt.date):
            continue
        line = page.meta_lines.get("date", 1)
        containing = [period for period in periods if period.holds(day)]
        exams = next((period for period in containing if period.kind == "exams"), None)
        if exams is not None:
            if page.meta.get("optional") is True and day.weekday() >= 5:
                continue
            report.add(
                page.source,
                line,
                f"the event is on {day:%Y-%m-%d}, in the {exams.name} ({report.relative(calendar)}:"
                f"{exams.line}); move it into a semester, or make attendance optional ('optional: true') "
                f"on a Saturday or Sunday, when no examination is held",
                code="event.in-exams",
            )
        elif not any(period.kind == "semester" for period in containing):
            where = containing[0].name if containing else "no period of the academic calendar"
            report.add(
                page.source,
                line,
                f"the event is on {day:%Y-%m-%d}, in {where}: students are away; move it into a "
                f"semester of {report.relative(calendar)}",
                code="event.outside-semester",
            )


def date_patterns(day: dt.date) -> list[re.Pattern]:
    """The ways prose writes this day in any of the languages."""
    patterns = [
        re.compile(rf"\b0?{day.day}\s+(?:{month.lower()})", re.IGNORECASE)
        for months in MONTHS.values()
        for month in [months[day.month - 1]]
    ]
    for month in (MONTHS["en"][day.month - 1], MONTHS["kk"][day.month - 1]):  # "May 3", "мамырдың 3-і"
        patterns.append(re.compile(rf"\b{month}\w*\s+0?{day.day}\b", re.IGNORECASE))
    patterns.append(re.compile(rf"\b{day:%Y-%m-%d}\b|\b0?{day.day}\.{day.month:02d}\.{day.year}\b"))
    return patterns


def check_event_pages(content, report: ErrorReport) -> None:
    """One event block per event page, and no prose restating its date, time or meeting point."""
    for page in content.all_pages():
        kind = event_kind(page.path)
        if kind is None or not page.readable:
            continue
        blocks = [fence.line for fence in page.fences if fence.name == "event"]
        if len(blocks) != 1:
            report.add(
                page.source,
                blocks[1] if len(blocks) > 1 else page.body_line,
                f"an event page shows its date, time and place with one ```event block (found "
                f"{len(blocks)}): put it under the first paragraph; it renders them from the front matter",
                code="event.block-count",
            )
        meta = page.meta
        day = meta.get("date") if isinstance(meta.get("date"), dt.date) else None
        span = event_span(meta)
        times = [moment.strftime("%H:%M") for moment in span] if span else []
        meeting = str(meta.get("meeting_point", "")).strip()
        patterns = date_patterns(day) if day else []
        for line, text in page.prose:
            if any(pattern.search(text) for pattern in patterns):
                report.add(
                    page.source,
                    line,
                    f"the prose restates the event's date ({day:%Y-%m-%d}); the ```event "
                    "block shows it from the front matter — write e.g. 'in spring' instead",
                    code="event.restated-date",
                )
            for time in times:
                if re.search(rf"(?<!\d){time}(?!\d)", text):
                    report.add(
                        page.source,
                        line,
                        f"the prose restates the event's time ({time}); the ```event block "
                        "shows it from the front matter",
                        code="event.restated-time",
                    )
            if len(meeting) >= 8 and meeting.casefold() in text.casefold():
                report.add(
                    page.source,
                    line,
                    "the prose restates the meeting point; the ```event block shows it from the front matter",
                    code="event.restated-meeting-point",
                )
