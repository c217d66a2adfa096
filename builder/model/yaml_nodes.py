"""YAML read as nodes (each knows its line), fast: libyaml when PyYAML has it, PyYAML's own parser
for the wording and line of an error."""

from __future__ import annotations

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# Far beyond any content file. Deeper nesting exhausts Python's stack; aliases of aliases multiply one
# value into billions, which every message that quotes it would spell out (a hang, then no memory).
MAX_DEPTH = 100
MAX_VALUES = 100_000


def compose(text: str):
    """The node tree of one YAML document; yaml.YAMLError as PyYAML's parser words it."""
    try:
        try:
            root = yaml.compose(text, Loader=LOADER)
        except yaml.YAMLError:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise yaml.composer.ComposerError(problem=f"the document nests deeper than {MAX_DEPTH} levels") from None
    check_nodes(root)
    return root


PLAIN = {
    (yaml.ScalarNode, "tag:yaml.org,2002:str"),
    (yaml.ScalarNode, "tag:yaml.org,2002:merge"),
    (yaml.SequenceNode, "tag:yaml.org,2002:seq"),
    (yaml.MappingNode, "tag:yaml.org,2002:map"),
}
# nodes that read as they are ('<<' is read with its mapping); any other is built once, so that a value
# PyYAML cannot build is an error at its line rather than an exception later


def check_nodes(root) -> None:
    """yaml.YAMLError, at the node at fault, for a tree nested too deep, aliases that expand too far, or a
    value that cannot be read (a tag: '!!bool maybe', '!!binary ж', '!foo', a lone '=').

    A date that does not exist (2027-02-30) is left to node_value's ValueError: callers word it themselves.
    """
    values: dict[int, int] = {}  # id(node) -> the number of values it stands for, aliases expanded
    pending = [(root, 1, False)] if root is not None else []
    while pending:
        node, depth, children_done = pending.pop()
        children = (
            []
            if isinstance(node, yaml.ScalarNode)
            else node.value
            if isinstance(node, yaml.SequenceNode)
            else [part for pair in node.value for part in pair]
        )
        if children_done:
            values[id(node)] = 1 + sum(values.get(id(child), 1) for child in children)
            if values[id(node)] > MAX_VALUES:
                raise yaml.composer.ComposerError(
                    problem=f"its aliases expand to over {MAX_VALUES} values; write the values out",
                    problem_mark=node.start_mark,
                )
            if (type(node), node.tag) not in PLAIN:
                readable(node)
        elif id(node) not in values:
            if depth > MAX_DEPTH:  # also an alias inside the value it names
                raise yaml.composer.ComposerError(
                    problem=f"the document nests deeper than {MAX_DEPTH} levels", problem_mark=node.start_mark
                )
            pending.append((node, depth, True))
            pending.extend((child, depth + 1, False) for child in children if id(child) not in values)


def readable(node) -> None:
    """yaml.YAMLError at the node if PyYAML cannot build its value (its constructors fail in many ways)."""
    try:
        node_value(node)
    except ValueError:
        pass
    except Exception as failure:  # KeyError, AttributeError, ConstructorError …: PyYAML fails in many ways
        problem = getattr(failure, "problem", None) or str(failure)
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise yaml.composer.ComposerError(
            problem=f"a value YAML cannot build as {tag}: {problem}", problem_mark=node.start_mark
        ) from None


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
