"""Links as Python-Markdown finds them, each at the line where it is written; the check's cache keeps them."""

from __future__ import annotations

from builder.markdown.links import link_checking_markdown, page_links
from builder.markdown.validate import check_content
from builder.model.checks import check_model
from builder.model.errors import ErrorReport
from builder.store.cache import AnchorCache
from conftest import dialect_of, new_project

PAGE = """---
title: Guide
---
# Guide

See [one](a.md) and [two](b.md#x), [one again](a.md).
`[not a link](code.md)` and ![a figure](img/f.png "Title"), [escaped](a\\_b.md).

    [indented code](indented.md)

A [reference][ref] and [the same][Ref], with a footnote.[^1]

[^1]: The footnote [cites](cite.md).

!!! note
    Inside [a note](note.md), as [one](a.md) again.

<div>[raw HTML](raw.md)</div>

[ref]: <ref.md>
[unused]: unused.md
"""


def test_links_are_the_ones_markdown_finds_at_the_lines_they_are_written(tmp_path):
    project = new_project(tmp_path)
    page_file = project.content_dir / "en" / "guide" / "index.md"
    page_file.write_text(PAGE, encoding="utf-8")
    content = check_model(project.content_dir, ErrorReport(project.root))
    md = link_checking_markdown(dialect_of(project.config_file), content, "en")
    anchors, links = page_links(content.page("en", "guide/index.md"), md)
    assert sorted(links) == [
        (6, "a.md"),
        (6, "a.md"),
        (6, "b.md#x"),
        (7, "a_b.md"),
        (7, "img/f.png"),
        (13, "cite.md"),  # a footnote: the tree moves it to the end of the page, the line is still its own
        (16, "a.md"),
        (16, "note.md"),
        (20, "ref.md"),  # a link through a reference is checked at its definition, once
        (21, "unused.md"),  # as every definition is, used or not
    ]
    assert "guide" in anchors
    # the footnote's links back and forth and the heading's permalink are the dialect's, not the author's
    assert not any(target.startswith("#fn") for _, target in links)


def test_cached_links_keep_their_lines_when_the_front_matter_grows(tmp_path):
    project = new_project(tmp_path)
    page_file = project.content_dir / "en" / "guide" / "index.md"
    page_file.write_text("---\ntitle: Guide\n---\n# Guide\n\nSee [the glossary](../glossary.md).\n", encoding="utf-8")
    dialect = dialect_of(project.config_file)

    def errors(cache: AnchorCache) -> list[str]:
        _, report = check_content(project.root, project.content_dir, dialect, cache)
        cache.save()
        return [f"{error.path}:{error.line}" for error in report.sorted() if error.path.endswith("guide/index.md")]

    cache_file = tmp_path / "anchors.json"
    assert errors(AnchorCache(cache_file, "salt")) == ["content/en/guide/index.md:6"]
    stored = AnchorCache(cache_file, "salt")
    assert any("\t../glossary.md" in entry for entry in sum(stored.known.values(), []))
    # the body is unchanged, so its links come from the cache, at the body's new place in the file
    page_file.write_text(
        "---\ntitle: Guide\ndescription: The guide\n---\n# Guide\n\nSee [the glossary](../glossary.md).\n",
        encoding="utf-8",
    )
    assert errors(stored) == ["content/en/guide/index.md:7"]
