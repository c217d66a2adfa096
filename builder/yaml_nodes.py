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


def scalar_value(node):
    """A scalar node's value as safe_load would give it (int, bool, date, str …); None for other nodes.

    Raises ValueError for a value YAML accepts but cannot build, e.g. the date 2027-02-30.
    """
    if not isinstance(node, yaml.ScalarNode):
        return None
    return _CONSTRUCTOR.construct_object(node, deep=True)
