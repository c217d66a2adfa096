"""Front matter: the YAML block at the top of a page, with the line of every key."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from builder.model.languages import DEFAULT_LANGUAGE
from builder.model.yaml_nodes import compose, node_value, yaml_error

# key -> (accepted types, human description of a valid value)
FRONT_MATTER_SCHEMA: dict[str, tuple[tuple[type, ...], str]] = {
    "title": ((str,), "a non-empty text"),
    "description": ((str,), "a one-sentence text"),
    "draft": ((bool,), "true or false"),
    # the state of the Kazakh page a translation follows (builder/model/translations.py)
    "translated_from": ((str,), "the quoted hash that `builder translations mark` writes"),
}
REQUIRED_KEYS = ("title",)
TRANSLATION_KEYS = ("translated_from",)  # on Russian and English pages only: Kazakh is the source

DELIMITER = "---"


@dataclass
class FrontMatter:
    values: dict = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # 1-based line in the file
    body: str = ""
    body_line: int = 1  # 1-based line of the body's first line in the file


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str, code: str):
        super().__init__(message)
        self.code = code
        self.line = line
        self.message = message


def closing_delimiter(lines: list[str]) -> int | None:
    """The index of the '---' line that closes the front matter opened on lines[0], if there is one."""
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() == DELIMITER), None)


def split_front_matter(text: str) -> FrontMatter:
    """Parse the front matter of a page; raise FrontMatterError for malformed YAML."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != DELIMITER:
        raise FrontMatterError(
            1,
            "the page has no front matter: start it with a '---' line, then 'title: …', then a closing '---' line",
            code="front-matter.missing",
        )
    end = closing_delimiter(lines)
    if end is None:
        raise FrontMatterError(
            1, "the front matter is not closed: add a '---' line after its last key", code="front-matter.unclosed"
        )
    yaml_text = "\n".join(lines[1:end])
    try:
        node = compose(yaml_text)
        values = node_value(node) if node is not None else {}
    except yaml.YAMLError as exc:
        line, problem = yaml_error(exc)
        raise FrontMatterError(
            line + 2 if line is not None else 2,
            f"malformed YAML in the front matter: {problem}; "
            "write one 'key: value' per line and quote values that contain ': '",
            code="front-matter.yaml",
        ) from None
    except ValueError as exc:
        # YAML accepts 2027-02-30 as a timestamp and then fails to build it: find the key at fault.
        line = 2
        for key_node, value_node in getattr(node, "value", []):
            try:
                node_value(value_node)
            except ValueError:
                line = key_node.start_mark.line + 2
                break
        raise FrontMatterError(
            line,
            f"impossible value in the front matter: {exc}; dates are YYYY-MM-DD and must exist in the calendar",
            code="front-matter.impossible-value",
        ) from None
    if node is not None and not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(
            2,
            "the front matter must be 'key: value' lines, e.g. 'title: About the project'",
            code="front-matter.not-a-mapping",
        )
    key_lines = {}
    if node is not None:
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    return FrontMatter(values or {}, key_lines, "\n".join(lines[end + 1 :]), end + 2)


def schema_errors(front: FrontMatter, extra: dict | None = None, lang: str | None = None) -> list[tuple[int, str, str]]:
    """(line, message) for every way the front matter breaks the schema.

    extra: the further keys a page of this kind takes (schedule fields of events); their values are
    checked by the stage that knows them. lang: the page's language (a Kazakh page translates nothing).
    """
    problems = []
    extra = extra or {}
    schema = {
        key: spec
        for key, spec in FRONT_MATTER_SCHEMA.items()
        if not (lang == DEFAULT_LANGUAGE.code and key in TRANSLATION_KEYS)
    }
    allowed = ", ".join([*schema, *extra])
    for key, value in front.values.items():
        line = front.key_lines.get(str(key), 2)
        if key in extra:
            continue
        if key not in schema:
            problems.append(
                (line, f"unknown front matter key '{key}'; allowed keys are: {allowed}", "front-matter.unknown-key")
            )
            continue
        types, expected = schema[key]
        if not isinstance(value, types) or (isinstance(value, str) and not value.strip()):
            problems.append(
                (line, f"front matter key '{key}' must be {expected}, got {value!r}", "front-matter.wrong-type")
            )
    for key in REQUIRED_KEYS:
        if key not in front.values:
            problems.append(
                (
                    1,
                    f"front matter has no '{key}'; add a line '{key}: …' between the '---' lines",
                    "front-matter.missing-key",
                )
            )
    return problems
