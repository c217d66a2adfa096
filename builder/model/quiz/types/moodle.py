"""Moodle XML pieces every quiz type writes its question with (lxml elements; HTML texts in CDATA,
as Moodle's own export writes them). The document around them: builder/outputs/banks/moodle_xml.py."""

from __future__ import annotations

from html import escape as html_escape

from lxml import etree

from builder.model.languages import LANGUAGE_CODES


def fraction(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def as_html(text: str) -> str:
    """A quiz's text is plain text; Moodle shows it as HTML."""
    return html_escape(text, quote=False)


def multilang(texts: dict) -> str:
    """Every language's text (HTML) in Moodle's multilang spans."""
    return "".join(f'<span lang="{code}" class="multilang">{texts[code]}</span>' for code in LANGUAGE_CODES)


class Texts:
    """Picks a quiz's texts in one language, or joins every language in multilang spans (as HTML)."""

    def __init__(self, versions: dict, lang: str | None):
        self.versions = versions  # lang -> Quiz
        self.lang = lang

    def join(self, pick) -> str:
        if self.lang:
            return as_html(pick(self.versions[self.lang]))
        return multilang({code: as_html(pick(self.versions[code])) for code in LANGUAGE_CODES})


def child(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def html_text(parent: etree._Element, html: str) -> etree._Element:
    """<text> holding HTML: a CDATA section, or escaped text if the HTML holds the section's end."""
    element = etree.SubElement(parent, "text")
    element.text = etree.CDATA(html) if html and "]]>" not in html else html
    return element


def text_element(parent: etree._Element, tag: str, html: str, fmt: str = "html") -> etree._Element:
    element = child(parent, tag, format=fmt)
    html_text(element, html)
    return element
