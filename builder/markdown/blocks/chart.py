"""```chart blocks: a horizontal bar chart as inline SVG, made at build time, with a text alternative."""

from __future__ import annotations

from html import escape

from builder.markdown.blocks.context import block_options, context_of
from builder.markdown.blocks.strings import labels
from builder.model.catalog import number

WIDTH, LABEL_WIDTH, BAR_HEIGHT, GAP = 720, 330, 26, 12


def format_chart(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    context = context_of(md)
    lang, text = context.lang, labels(context.lang)
    name = str(block_options(source).get("data", "figures"))
    figures = context.data.figures if name == "figures" else {}
    items = sorted(figures.get("items", []), key=lambda item: -item["value"])
    if not items:
        return ""
    top = max(item["value"] for item in items) or 1
    height = len(items) * (BAR_HEIGHT + GAP) + GAP
    chart_id = f"chart-{escape(name)}"
    title = figures.get("unit", {}).get(lang, "")
    description = "; ".join(f"{item['label'].get(lang, '')}: {number(item['value'], lang)}" for item in items)
    bars = []
    for index, item in enumerate(items):
        y = GAP + index * (BAR_HEIGHT + GAP)
        # lengths on a square-root scale, so that 4 and 1000 are both visible; the numbers are exact
        length = max(4, int((WIDTH - LABEL_WIDTH - 70) * (item["value"] / top) ** 0.5))
        bars.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.68:.0f}" text-anchor="end" class="ccd-chart__label">'
            f"{escape(item['label'].get(lang, ''))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" rx="3" class="ccd-chart__bar"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR_HEIGHT * 0.68:.0f}" class="ccd-chart__value">'
            f"{number(item['value'], lang)}</text>"
        )
    rows = "".join(
        f'<tr><th scope="row">{escape(item["label"].get(lang, ""))}</th><td>{number(item["value"], lang)}</td></tr>'
        for item in items
    )
    source_text = figures.get("source", {}).get(lang, "")
    return (
        f'<figure class="ccd-chart">'
        f'<svg viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>{"".join(bars)}</svg>'
        f"<details><summary>{escape(text['chart_table'])}</summary><table><thead><tr>"
        f'<th scope="col">{escape(text["chart_item"])}</th><th scope="col">{escape(text["chart_value"])}</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></details>"
        # the caption last: a figure's caption is its first or last child
        f"<figcaption>{escape(title)}. {escape(text['chart_source'])}: {escape(source_text)}</figcaption></figure>"
    )
