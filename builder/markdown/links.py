"""Internal links and anchors: every link points to a page (or file) of its language, every #anchor
to an id the page really renders — found by converting pages with the portal's Markdown dialect."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from builder.markdown.dialect import Dialect, make_markdown
from builder.markdown.language_model import language_model
from builder.model.content import Content, Page
from builder.model.errors import ErrorReport
from builder.model.fences import prose_lines
from builder.store.fingerprint import hash_bytes

INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?")
HTML_ID = re.compile(r"\sid=\"([^\"]+)\"")


def page_links(page: Page) -> list[tuple[int, str]]:
    """(file line, target) of every Markdown link on the page outside code."""
    found = []
    for line_number, line in prose_lines(page.body, page.body_line):
        for pattern in (INLINE_LINK, REFERENCE_DEFINITION):
            for match in pattern.finditer(line):
                found.append((line_number, match.group(1)))
    return found


def page_anchors(page: Page, md) -> set[str]:
    md.reset()
    return set(HTML_ID.findall(md.convert(page.body)))


def check_links(content: Content, dialect: Dialect, report: ErrorReport, anchor_cache=None) -> None:
    """anchor_cache (builder.store.cache.AnchorCache) spares converting pages whose text is unchanged."""
    converters: dict = {}
    anchors: dict[tuple[str, str], set[str]] = {}

    def anchors_of(page: Page) -> set[str]:
        key = (page.lang, page.path)
        if key not in anchors:
            stored_key = hash_bytes(page.lang, page.body) if anchor_cache is not None else None
            found = anchor_cache.get(stored_key) if stored_key else None
            if found is None:
                if page.lang not in converters:
                    # as the portal renders the page: its language's model, graded questions withheld
                    model = language_model(content, page.lang)
                    converters[page.lang] = make_markdown(dialect, page.lang, model, assessed=model.assessed)
                found = page_anchors(page, converters[page.lang])
                if stored_key:
                    anchor_cache.put(stored_key, found)
            anchors[key] = found
        return anchors[key]

    for page in content.all_pages():
        for line, target in page_links(page):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith("/"):
                if target.startswith("/"):
                    report.add(page.source, line, f"link '{target}' is absolute; write it relative to this "
                                                  "page, e.g. '../about/index.md', so it works under any sub-path")
                continue
            fragment = unquote(parts.fragment)
            if not parts.path:
                if fragment and fragment not in anchors_of(page):
                    report.add(page.source, line, f"link '{target}': this page has no heading or element with "
                                                  f"id '{fragment}'")
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), unquote(parts.path)))
            if resolved.startswith("../") or resolved == "..":
                report.add(page.source, line, f"link '{target}' leaves the content/{page.lang}/ folder; link to "
                                              "the page in the same language, the switcher finds the others")
                continue
            if not resolved.endswith(".md"):
                asset = content.root / page.lang / resolved
                if not asset.exists():
                    report.add(page.source, line, f"link '{target}' points to a missing file "
                                                  f"content/{page.lang}/{resolved}")
                continue
            linked = content.page(page.lang, resolved)
            if linked is None:
                report.add(page.source, line, f"link '{target}' points to a missing page "
                                              f"content/{page.lang}/{resolved}")
                continue
            if linked.draft and not page.draft:
                report.add(page.source, line, f"link '{target}' points to a draft page, which the portal does "
                                              "not publish; remove the link or publish the page")
            if fragment and linked.readable and fragment not in anchors_of(linked):
                report.add(page.source, line, f"link '{target}': content/{page.lang}/{resolved} has no heading "
                                              f"or element with id '{fragment}'")
