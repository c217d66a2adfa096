"""```event blocks: an event page's date, time, place and status, rendered from its front matter.

The facts are typed once, in the front matter (checked, equal in every language); the block shows them
in the page's language, with a notice when the event is only planned. The page is the one being
rendered (the crossdialogue plugin names it in the block context before each page).
"""

from __future__ import annotations

from html import escape

from builder.markdown.blocks.context import context_of
from builder.markdown.blocks.schedule import CALENDAR_FILE
from builder.markdown.blocks.strings import labels
from builder.model.catalog import long_date
from builder.model.events import event_span


def format_event(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    context = context_of(md)
    lang, text = context.lang, labels(context.lang)
    meta = context.model.event_meta(context.page) if context.page else None
    if meta is None:
        return ""  # rendered outside a page build (e.g. for anchors): nothing to show
    span = event_span(meta)
    if span is None:
        return ""  # `builder check` reports the field
    start, end = span
    planned = meta.get("status") != "confirmed"
    facts = [
        (text["date"], f'<time datetime="{start:%Y-%m-%d}">{escape(long_date(lang, start, weekday=True))}</time>'),
        (
            text["time"],
            f'<time datetime="{start:%H:%M}">{start:%H:%M}</time>–'
            f'<time datetime="{end:%H:%M}">{end:%H:%M}</time> '
            f"({escape(text['minutes'].format(minutes=meta['duration']))})",
        ),
    ]
    if "place" in meta:
        place = context.data.places.get(meta["place"], {})
        facts.append((text["place"], escape(place.get("name", {}).get(lang, str(meta["place"])))))
        facts.append((text["meeting_point"], escape(str(meta.get("meeting_point", "")))))
    else:
        facts.append((text["venue"], escape(text.get(f"venue_{meta.get('venue')}", ""))))
        facts.append((text["organiser"], escape(str(meta.get("association", "")))))
    facts.append((text["status"], escape(text["status_planned" if planned else "status_confirmed"])))
    rows = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    notes = [f'<p class="ccd-event__planned">{escape(text["planned_note"])}</p>'] if planned else []
    if meta.get("optional") is True:
        notes.append(f'<p class="ccd-event__optional">{escape(text["optional"])}</p>')
    title = text["planned_title"] if planned else text["event_facts"]
    kind = "warning" if planned else "info"
    return (
        f'<div class="ccd-event admonition {kind}"><p class="admonition-title">{escape(title)}</p>'
        f'{"".join(notes)}<dl class="ccd-event__facts">{rows}</dl>'
        f'<p class="ccd-event__calendar"><a href="../{CALENDAR_FILE}" download>{escape(text["calendar"])}</a>'
        f"</p></div>"
    )
