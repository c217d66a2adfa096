"""YAML read as nodes (each knows its line), fast: libyaml when PyYAML has it, PyYAML's own parser
for the wording and line of an error."""
from __future__ import annotations

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def compose(text: str):
    """The node tree of one YAML document; yaml.YAMLError as PyYAML's parser words it."""
    try:
        return yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def node_value(node):
    """A node's value as safe_load would give it (dict, list, int, bool, date, str …).

    Raises ValueError for a value YAML accepts but cannot build, e.g. the date 2027-02-30.
    The shared constructor forgets the nodes it built, even on an error, so nothing accumulates.
    """
    try:
        return _CONSTRUCTOR.construct_document(node)
    finally:
        _CONSTRUCTOR.constructed_objects, _CONSTRUCTOR.recursive_objects = {}, {}
        _CONSTRUCTOR.state_generators = []


def scalar_value(node):
    """A scalar node's value (see node_value); None for mappings and sequences."""
    return node_value(node) if isinstance(node, yaml.ScalarNode) else None


def yaml_error(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """Where a YAML error is (the 0-based line in the parsed text, if known) and what it is, in PyYAML's words."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return (mark.line if mark is not None else None), problem
