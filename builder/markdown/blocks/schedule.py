"""```schedule blocks: the table of a section's events, made from the front matter of its pages.

The block sits on the section's index page (`section: culture/days` on culture/days/index.md), so
each event page is the folder beside it and the calendar file is schedule.ics next to it.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from builder.markdown.blocks.context import block_options, context_of
from builder.markdown.blocks.strings import labels
from builder.model.catalog import long_date
from builder.model.events import Event

CALENDAR_FILE = "schedule.ics"


def event_location(event: Event, lang: str, places: dict) -> str:
    """Where it happens, in the reader's language: the place's name, or the association and venue."""
    if "place" in event.fields:
        return places.get(event.fields["place"], {}).get("name", {}).get(lang, "")
    text = labels(lang)
    return ", ".join(
        filter(None, [str(event.fields.get("association", "")), text.get(f"venue_{event.fields.get('venue')}", "")])
    )


def format_schedule(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    context = context_of(md)
    lang, text = context.lang, labels(context.lang)
    section = str(block_options(source).get("section", "")).strip("/")
    kind = Path(section).name
    events = context.model.events.get(section, ())
    places = context.data.places
    extra = ("association", "venue") if kind == "days" else ("place", "meeting_point")
    head = "".join(
        f'<th scope="col">{escape(text[key])}</th>' for key in ("date", "time", f"event_{kind}", *extra, "duration")
    )
    rows = []
    for event in events:
        planned = event.fields.get("status") != "confirmed"
        mark = (
            f' <span class="ccd-status ccd-status--planned">({escape(text["status_planned"])})</span>'
            if planned
            else ""
        )
        cells = [
            f'<td><time datetime="{event.start:%Y-%m-%d}">{escape(long_date(lang, event.start))}</time>{mark}</td>',
            f'<td><time datetime="{event.start:%H:%M}">{event.start:%H:%M}</time></td>',
            f'<td><a href="{escape(event.slug)}/">{escape(event.title)}</a></td>',
        ]
        if kind == "days":
            cells += [
                f"<td>{escape(str(event.fields.get('association', '')))}</td>",
                f"<td>{escape(text.get('venue_' + str(event.fields.get('venue')), ''))}</td>",
            ]
        else:
            cells += [
                f"<td>{escape(event_location(event, lang, places))}</td>",
                f"<td>{escape(str(event.fields.get('meeting_point', '')))}</td>",
            ]
        cells.append(f"<td>{escape(text['minutes'].format(minutes=event.minutes))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    note = (
        f'<div class="ccd-schedule__planned admonition warning"><p>{escape(text["planned_table_note"])}</p></div>'
        if any(event.fields.get("status") != "confirmed" for event in events)
        else ""
    )
    return (
        f'{note}<div class="ccd-schedule"><table><caption>{escape(text["schedule_caption"])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        f'<p class="ccd-schedule__calendar"><a class="md-button" href="{CALENDAR_FILE}" download>'
        f"{escape(text['calendar'])}</a></p>"
    )
