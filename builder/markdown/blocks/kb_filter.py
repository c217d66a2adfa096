"""```kb-filter blocks: a type-to-filter box for a knowledge base of collapsible questions.

theme/assets/kb-filter.js hides the questions (and emptied sections) that do not contain every typed
word; without JavaScript the box stays hidden and every question shows.
"""

from __future__ import annotations

from html import escape

from builder.markdown.blocks.context import context_of
from builder.markdown.blocks.strings import labels


def format_kb_filter(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    text = labels(context_of(md).lang)
    return (
        f'<div class="ccd-kb-filter" hidden data-count="{escape(text["filter_count"])}" '
        f'data-none="{escape(text["filter_none"])}">'
        f'<label for="ccd-kb-filter-input">{escape(text["filter_label"])}</label> '
        f'<input type="search" id="ccd-kb-filter-input" autocomplete="off" '
        f'placeholder="{escape(text["filter_placeholder"])}">'
        f'<p class="ccd-kb-filter__status" role="status" aria-live="polite"></p></div>'
    )
