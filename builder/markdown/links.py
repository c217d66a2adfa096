"""Internal links and anchors: every link points to a page (or file) of its language, every #anchor
to an id the page really renders — found by converting pages with the portal's Markdown dialect.

The links are the ones Python-Markdown finds (its tree, its reference definitions), so a `[text](x)`
in inline code, in a code block or in raw HTML is not taken for a link. Python-Markdown keeps no
source positions; `source_lines` finds where each link is written (see there).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from builder.markdown.dialect import Dialect, make_markdown
from builder.markdown.language_model import language_model
from builder.model.content import Content, Page
from builder.model.errors import ErrorReport
from builder.store.fingerprint import hash_bytes

HTML_ID = re.compile(r"\sid=\"([^\"]+)\"")
LINK_ATTRIBUTES = {"a": "href", "img": "src"}
# links the dialect writes itself (footnote references and back-references, heading permalinks), not the author
GENERATED_LINK_CLASSES = frozenset({"footnote-ref", "footnote-backref", "headerlink"})


class LinkCollector(Treeprocessor):
    """The targets of a page's links and images, in document order, as Python-Markdown parsed them.

    It reads the tree right after inline processing made the links (priority 20) and before the table
    of contents adds its permalinks (5); raw HTML (quizzes and data blocks, superfences' output) is
    still stashed then, so only what the author wrote in Markdown is collected.
    """

    NAME, PRIORITY = "ccd-link-collector", 19

    def __init__(self, md: Markdown):
        super().__init__(md)
        self.targets: list[str] = []

    def run(self, root) -> None:
        # backslash escapes are still placeholders here; Python-Markdown's last step restores them
        unescape = self.md.treeprocessors["unescape"].unescape
        self.targets = []
        for element in root.iter():
            target = element.get(LINK_ATTRIBUTES[element.tag]) if element.tag in LINK_ATTRIBUTES else None
            if target and not GENERATED_LINK_CLASSES & set((element.get("class") or "").split()):
                self.targets.append(unescape(target))


def link_checking_markdown(dialect: Dialect, content: Content, lang: str) -> Markdown:
    """A converter as the portal renders a page of lang (its language's model, graded questions
    withheld), which also collects the page's links."""
    model = language_model(content, lang)
    md = make_markdown(dialect, lang, model, assessed=model.assessed)
    md.treeprocessors.register(LinkCollector(md), LinkCollector.NAME, LinkCollector.PRIORITY)
    return md


def occurrences(prose: list[tuple[int, str]], pattern: re.Pattern) -> list[tuple[int, int, int]]:
    """(index into prose, start, end) of every match, in the order of the page."""
    return [
        (index, match.start(), match.end())
        for index, (_line, text) in enumerate(prose)
        for match in pattern.finditer(text)
    ]


def as_written(target: str, escapable: frozenset[str]) -> str:
    """A pattern of target as Markdown may write it: a character Markdown escapes may have a backslash."""
    return "".join(("\\\\?" if char in escapable else "") + re.escape(char) for char in target)


def source_lines(
    targets: list[str],
    references: dict[str, tuple],
    prose: list[tuple[int, str]],
    first_line: int,
    escapable: frozenset[str] = frozenset(),
) -> list[tuple[int, str]]:
    """(file line, target) of each link, found in prose (the page's (file line, text) outside fences).

    Python-Markdown keeps no source positions, so each link the tree holds is matched to where its
    target is written, each place matched once:
    - an inline link or image to the next `](target` after the previous link's, since the tree keeps
      the order of the source; failing that (footnotes, which the tree moves to the end, or a target
      also written in inline code before) to the first such place not yet matched;
    - a reference definition (`[id]: target`) to its own line, used or not: the definition is where
      the target is written, so a link through a reference is checked there and not again;
    - a target written in any other way (an entity, say) to the next line holding it, or else to the
      previous link's line: it is still checked.
    A target may be written with backslash escapes (escapable: the characters Markdown escapes).
    """
    if not prose:
        return []
    found, matched, places = [], set(), {}
    cursor = (0, 0)  # (index into prose, column) just after the previous link found in order
    reference_targets = {target for target, _title in references.values()}
    for target in targets:
        if target not in places:
            inline = r"\]\(\s*<?" + as_written(target, escapable) + r"(?=[\s>)]|$)"  # ](target or ](<target>
            places[target] = occurrences(prose, re.compile(inline))
        free = [place for place in places[target] if place[:2] not in matched]
        ahead = [place for place in free if place[:2] >= cursor]
        if ahead:
            place = ahead[0]
            cursor = (place[0], place[2])
        elif free:
            place = free[0]
        elif target in reference_targets:
            continue
        else:
            written = occurrences(prose, re.compile(as_written(target, escapable)))
            later = [place for place in written if place[:2] >= cursor]
            place = (later or written or [(cursor[0], -1, -1)])[0]
        matched.add(place[:2])
        found.append((prose[place[0]][0], target))
    for name, (target, _title) in references.items():
        definition = re.compile(r"\[\s*" + re.escape(name) + r"\s*\]:", re.IGNORECASE)
        place = (
            occurrences(prose, definition) or occurrences(prose, re.compile(as_written(target, escapable))) or [None]
        )[0]
        found.append((prose[place[0]][0] if place else first_line, target))
    return found


def page_links(page: Page, md: Markdown) -> tuple[set[str], list[tuple[int, str]]]:
    """The ids the page renders, and (file line, target) of every link written in its Markdown;
    md is a converter made by link_checking_markdown."""
    md.reset()
    html = md.convert(page.body)
    collector = md.treeprocessors[LinkCollector.NAME]
    links = source_lines(
        collector.targets,
        md.references,
        page.prose,
        page.body_line,
        frozenset(md.ESCAPED_CHARS),
    )
    return set(HTML_ID.findall(html)), links


def check_links(content: Content, dialect: Dialect, report: ErrorReport, anchor_cache=None) -> None:
    """anchor_cache (builder.store.cache.AnchorCache) spares converting pages whose text is unchanged:
    it keeps each page's ids and, under a key of their own, its links (lines counted from the body)."""
    converters: dict = {}
    anchors: dict[tuple[str, str], set[str]] = {}
    links: dict[tuple[str, str], list[tuple[int, str]]] = {}

    def convert(page: Page) -> None:
        if page.lang not in converters:
            converters[page.lang] = link_checking_markdown(dialect, content, page.lang)
        key = (page.lang, page.path)
        anchors[key], links[key] = page_links(page, converters[page.lang])
        if anchor_cache is not None:
            anchor_cache.put(hash_bytes(page.lang, page.body), anchors[key])
            anchor_cache.put(
                hash_bytes("links", page.lang, page.body),
                {f"{line - page.body_line}\t{target}" for line, target in links[key]},
            )

    def anchors_of(page: Page) -> set[str]:
        key = (page.lang, page.path)
        if key not in anchors:
            found = anchor_cache.get(hash_bytes(page.lang, page.body)) if anchor_cache is not None else None
            if found is None:
                convert(page)
            else:
                anchors[key] = found
        return anchors[key]

    def links_of(page: Page) -> list[tuple[int, str]]:
        key = (page.lang, page.path)
        if key not in links:
            stored = anchor_cache.get(hash_bytes("links", page.lang, page.body)) if anchor_cache is not None else None
            if stored is None:
                convert(page)
            else:
                links[key] = sorted(
                    (page.body_line + int(offset), target)
                    for offset, target in (entry.split("\t", 1) for entry in stored)
                )
        return links[key]

    for page in content.all_pages():
        for line, target in links_of(page):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith("/"):
                if target.startswith("/"):
                    report.add(
                        page.source,
                        line,
                        f"link '{target}' is absolute; write it relative to this "
                        "page, e.g. '../about/index.md', so it works under any sub-path",
                        code="link.absolute",
                    )
                continue
            fragment = unquote(parts.fragment)
            if not parts.path:
                if fragment and fragment not in anchors_of(page):
                    report.add(
                        page.source,
                        line,
                        f"link '{target}': this page has no heading or element with id '{fragment}'",
                        code="link.missing-anchor",
                    )
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), unquote(parts.path)))
            if resolved.startswith("../") or resolved == "..":
                report.add(
                    page.source,
                    line,
                    f"link '{target}' leaves the content/{page.lang}/ folder; link to "
                    "the page in the same language, the switcher finds the others",
                    code="link.outside-language",
                )
                continue
            if not resolved.endswith(".md"):
                asset = content.root / page.lang / resolved
                if not asset.exists():
                    report.add(
                        page.source,
                        line,
                        f"link '{target}' points to a missing file content/{page.lang}/{resolved}",
                        code="link.missing-file",
                    )
                continue
            linked = content.page(page.lang, resolved)
            if linked is None:
                report.add(
                    page.source,
                    line,
                    f"link '{target}' points to a missing page content/{page.lang}/{resolved}",
                    code="link.missing-page",
                )
                continue
            if linked.draft and not page.draft:
                report.add(
                    page.source,
                    line,
                    f"link '{target}' points to a draft page, which the portal does "
                    "not publish; remove the link or publish the page",
                    code="link.to-draft",
                )
            if fragment and linked.readable and fragment not in anchors_of(linked):
                report.add(
                    page.source,
                    line,
                    f"link '{target}': content/{page.lang}/{resolved} has no heading or element with id '{fragment}'",
                    code="link.missing-anchor",
                )
