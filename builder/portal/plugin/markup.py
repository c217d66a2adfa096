"""Material's page markup, mended where the Nu Html Checker or axe-core report errors.

All come from Material's templates, not from the content, and are fixed on the rendered page so
that no template has to be copied out of the theme.
"""

from __future__ import annotations

import html as html_module
import re

# autocomplete="off" on the drawer and search toggles (checkboxes) is not allowed on that input type;
# its only effect is that Firefox does not restore the toggle's state on going back in history.
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="off"')
LABEL_FOR = re.compile(r'<label\b[^>]*\bfor="([^"]+)"')


def drop_toggle_autocomplete(html: str) -> str:
    return TOGGLE_AUTOCOMPLETE.sub(r"\1", html)


def drop_dangling_label_targets(html: str) -> str:
    """Remove for="…" from labels whose control is not on the page.

    Material's table-of-contents title is a label for the "__toc" toggle, which a section's index
    page does not have; such a label is valid markup without its for attribute.
    """
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    missing = {target for target in LABEL_FOR.findall(html) if target not in ids}
    for target in missing:
        html = re.sub(rf'(<label\b[^>]*?)\s+for="{re.escape(target)}"', r"\1", html)
    return html


# A section with an index page (navigation.indexes): its title is a link, its expand toggle a label
# holding only an icon. That label names the section's <nav>, so every such nav had an empty name;
# the label gets the section's title as text that only assistive technology reads.
SECTION_TOGGLE = re.compile(
    r'(<div class="md-nav__link md-nav__container">\s*<a\b[^>]*>)(.*?)(</a>\s*<label\b[^>]*>)'
    r'(?!<span class="ccd-visually-hidden">)',
    re.DOTALL,
)  # not twice: the pass may run again on a page


def name_section_toggles(html: str) -> str:
    def named(match: re.Match) -> str:
        title = html_module.escape(" ".join(re.sub(r"<[^>]+>", " ", match[2]).split()))
        return f'{match[1]}{match[2]}{match[3]}<span class="ccd-visually-hidden">{title}</span>'

    return SECTION_TOGGLE.sub(named, html)


def mend_page(html: str) -> str:
    return name_section_toggles(drop_dangling_label_targets(drop_toggle_autocomplete(html)))
