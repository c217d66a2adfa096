"""Language-neutral data files in content/data/: places, figures, glossary — loaded and checked.

Every text meant for readers is given in each language; a missing language is an error at its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.model.errors import ErrorReport
from builder.model.languages import LANGUAGE_CODES
from builder.model.yaml_nodes import compose, scalar_value, yaml_error

PLACE_KINDS = (
    "museum",
    "friendship-house",
    "theatre",
    "memorial",
    "park",
    "library",
    "philharmonic",
    "university",
    "gallery",
    "monument",
)


@dataclass
class SiteData:
    places: dict[str, dict] = field(default_factory=dict)  # id -> {city, kind, name: {lang: text}}
    figures: dict = field(default_factory=dict)  # {source: {lang}, unit: {lang}, items: [{id, value, label}]}
    glossary: list[dict] = field(default_factory=list)  # [{id, kk, ru, en, definition: {lang}}]


class DataReader:
    """Reads one YAML file into plain values, keeping each node's line for error messages."""

    def __init__(self, path: Path, report: ErrorReport):
        self.path, self.report = path, report

    def load(self):
        if not self.path.exists():
            return None
        try:
            text = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            self.report.add(
                self.path, 1, f"the file is not valid UTF-8 ({exc.reason}); save it as UTF-8", code="file.encoding"
            )
            return None
        try:
            return compose(text)
        except yaml.YAMLError as exc:
            line, problem = yaml_error(exc)
            self.report.add(
                self.path, line + 1 if line is not None else 1, f"malformed YAML: {problem}", code="data.yaml"
            )
            return None

    def error(self, node, message: str, code: str) -> None:
        self.report.add(self.path, node.start_mark.line + 1, message, code=code)

    @staticmethod
    def mapping(node) -> dict:
        return {str(k.value): v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}

    def scalar(self, node):
        try:
            return scalar_value(node)
        except ValueError as impossible:  # e.g. the date 2027-02-30, or '!!int abc'
            self.error(
                node,
                f"impossible value: {impossible}; dates are YYYY-MM-DD and must exist in the calendar",
                code="data.yaml",
            )
            return None

    def languages(self, node, owner, what: str) -> dict[str, str]:
        """A {kk, ru, en} mapping of non-empty texts."""
        values = self.mapping(node)
        if not isinstance(node, yaml.MappingNode):
            self.error(
                node if node is not None else owner,
                f"{what} must give the text in each language: kk, ru, en",
                code="data.languages",
            )
            return {}
        result = {}
        for lang in LANGUAGE_CODES:
            value = self.scalar(values[lang]) if lang in values else None
            if not isinstance(value, str) or not value.strip():
                self.error(node, f"{what} has no '{lang}' text; give it in kk, ru and en", code="data.missing-language")
            else:
                result[lang] = value.strip()
        for extra in set(values) - set(LANGUAGE_CODES):
            self.error(
                values[extra],
                f"{what}: unknown language '{extra}'; the languages are kk, ru, en",
                code="data.unknown-language",
            )
        return result


def load_places(path: Path, report: ErrorReport) -> dict[str, dict]:
    reader = DataReader(path, report)
    root = reader.load()
    places = {}
    if root is None:
        return places
    if not isinstance(root, yaml.MappingNode):
        reader.error(
            root, "places.yml maps a place id to its city, kind and name in each language", code="data.places-format"
        )
        return places
    for key, node in root.value:
        place_id = str(key.value)
        values = reader.mapping(node)
        for name in sorted(set(values) - {"city", "kind", "name"}):
            reader.error(
                values[name],
                f"place '{place_id}': unknown key '{name}'; a place has: city, kind, name",
                code="data.place-unknown-key",
            )
        kind = reader.scalar(values["kind"]) if "kind" in values else None
        if kind not in PLACE_KINDS:
            reader.error(
                values.get("kind", key),
                f"place '{place_id}': 'kind' must be one of: {', '.join(PLACE_KINDS)}",
                code="data.place-kind",
            )
        city = reader.scalar(values["city"]) if "city" in values else None
        if not isinstance(city, str) or not city:
            reader.error(
                values.get("city", key), f"place '{place_id}' needs a 'city' (e.g. karaganda)", code="data.place-city"
            )
        names = reader.languages(values.get("name"), key, f"place '{place_id}': 'name'")
        places[place_id] = {"city": city, "kind": kind, "name": names}
    return places


def load_figures(path: Path, report: ErrorReport) -> dict:
    reader = DataReader(path, report)
    root = reader.load()
    if root is None:
        return {}
    values = reader.mapping(root)
    figures = {
        "source": reader.languages(values.get("source"), root, "'source'"),
        "unit": reader.languages(values.get("unit"), root, "'unit'"),
        "items": [],
    }
    items = values.get("items")
    if not isinstance(items, yaml.SequenceNode) or not items.value:
        reader.error(
            items or root,
            "'items' must be a list of '- id: …, value: …, label: {kk, ru, en}'",
            code="data.figures-format",
        )
        return figures
    for item in items.value:
        entry = reader.mapping(item)
        value = reader.scalar(entry["value"]) if "value" in entry else None
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            reader.error(
                entry.get("value", item), "a figure's 'value' must be a number, 0 or more", code="data.figure-value"
            )
            continue
        figures["items"].append(
            {
                "id": reader.scalar(entry.get("id")) if "id" in entry else "",
                "value": value,
                "label": reader.languages(entry.get("label"), item, "a figure's 'label'"),
            }
        )
    return figures


def load_glossary(path: Path, report: ErrorReport) -> list[dict]:
    reader = DataReader(path, report)
    root = reader.load()
    terms: list[dict] = []
    if root is None:
        return terms
    if not isinstance(root, yaml.SequenceNode):
        reader.error(
            root,
            "glossary.yml is a list of '- id: …, kk: …, ru: …, en: …, definition: {…}' entries",
            code="data.glossary-format",
        )
        return terms
    seen: dict[str, int] = {}
    for item in root.value:
        entry = reader.mapping(item)
        term_id = reader.scalar(entry["id"]) if "id" in entry else None
        if not isinstance(term_id, str) or not term_id:
            reader.error(
                item, "a glossary entry needs an 'id' (ASCII, e.g. interethnic-relations)", code="data.glossary-id"
            )
            continue
        if term_id in seen:
            reader.error(
                item,
                f"glossary id '{term_id}' is used twice (first at line {seen[term_id]})",
                code="data.glossary-duplicate",
            )
        seen[term_id] = item.start_mark.line + 1
        names = {}
        for lang in LANGUAGE_CODES:
            value = reader.scalar(entry[lang]) if lang in entry else None
            if not isinstance(value, str) or not value.strip():
                reader.error(
                    item,
                    f"term '{term_id}' has no '{lang}' name; give it in kk, ru and en",
                    code="data.glossary-missing-language",
                )
            else:
                names[lang] = value.strip()
        terms.append(
            {
                "id": term_id,
                **names,
                "definition": reader.languages(entry.get("definition"), item, f"term '{term_id}': 'definition'"),
                "avoid": word_lists(reader, entry.get("avoid"), f"term '{term_id}': 'avoid'"),
                "allow": word_lists(reader, entry.get("allow"), f"term '{term_id}': 'allow'"),
                "line": item.start_mark.line + 1,
            }
        )
    return terms


def word_lists(reader: DataReader, node, what: str) -> dict[str, list[str]]:
    """Per-language lists of words or phrases, e.g. `avoid: {kk: [мұражай]}`; any language may be left out."""
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        reader.error(
            node,
            f"{what} maps a language to a list of words, e.g. '{{kk: [мұражай]}}'",
            code="data.glossary-words-format",
        )
        return {}
    result = {}
    for lang, values in reader.mapping(node).items():
        if lang not in LANGUAGE_CODES:
            reader.error(
                values, f"{what}: unknown language '{lang}'; the languages are kk, ru, en", code="data.unknown-language"
            )
            continue
        words = (
            [reader.scalar(value) for value in getattr(values, "value", [])]
            if isinstance(values, yaml.SequenceNode)
            else []
        )
        if not words or not all(isinstance(word, str) and word.strip() for word in words):
            reader.error(
                values, f"{what}: '{lang}' must be a list of words, e.g. [мұражай]", code="data.glossary-words"
            )
            continue
        result[lang] = [word.strip() for word in words]
    return result


def load_site_data(content_dir: Path, report: ErrorReport) -> SiteData:
    data_dir = content_dir / "data"
    return SiteData(
        places=load_places(data_dir / "places.yml", report),
        figures=load_figures(data_dir / "figures.yml", report),
        glossary=load_glossary(data_dir / "glossary.yml", report),
    )
