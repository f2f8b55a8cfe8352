"""YAML reading shared by the config, the front matter and the data files.

Editors paste front matter from anywhere, so a YAML text is checked before it
becomes Python data: aliases that expand without bound (the "billion laughs"
bomb), aliases that refer to themselves and absurd nesting are refused with a
message instead of exhausting memory or the stack later on.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:  # libyaml's loader is several times faster; fall back where it is missing
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
#: More values than any front matter or data file needs; an alias bomb expands far beyond it.
MAX_VALUES = 100_000
#: Deeper than any record we read; deep enough nesting would overflow Python's stack later.
MAX_DEPTH = 40


class _FastLoader(_BaseLoader):
    """Dates stay text, so that the field rules can say which key holds an impossible one."""


_FastLoader.add_constructor(_TIMESTAMP, lambda loader, node: loader.construct_scalar(node))


@dataclass(frozen=True)
class YamlFailure:
    """Why a YAML text could not be read, with the 1-based line of the fault.

    The message reads after "is": "people.yaml is not valid YAML: ...".
    """

    message: str
    line: int | None


class _LineLoader(_BaseLoader):
    """A safe loader that remembers the line each mapping starts on, under LINE_KEY."""


_LineLoader.add_constructor(_TIMESTAMP, lambda loader, node: loader.construct_scalar(node))

LINE_KEY = "__line__"


def _construct_mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_with_line)


class _TooBig(Exception):
    def __init__(self, message: str, node: yaml.Node):
        self.line = node.start_mark.line
        super().__init__(message)


#: What to do about a syntax error; most come from a value that needed quotes.
_SYNTAX_HINT = "check brackets and quotes, and put quotes around a value that holds ': ' or starts with [, {, *, & or !"


def parse_yaml(text: str, *, with_lines: bool = False, first_line: int = 1) -> object | YamlFailure:
    """Parse `text`, whose first line is line `first_line` of its file; the data, or a YamlFailure saying what and where."""
    loader = (_LineLoader if with_lines else _FastLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_size(node)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark, context_mark = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        if context and context_mark:
            problem += f" {context} that starts on line {context_mark.line + first_line}"
        return YamlFailure(f"not valid YAML: {problem}; {_SYNTAX_HINT}", mark.line + first_line if mark else None)
    except _TooBig as exc:
        return YamlFailure(str(exc), exc.line + first_line)
    except RecursionError:
        return YamlFailure(f"nested too deeply: keep lists and mappings at most {MAX_DEPTH} levels deep", None)
    except ValueError:  # Python refuses e.g. an integer thousands of digits long
        return YamlFailure("unreadable: a value cannot be read (a number thousands of digits long?); quote it to keep it as text", None)
    finally:
        loader.dispose()


def _check_size(root: yaml.Node) -> None:
    """Refuse alias bombs, self-referring aliases and deep nesting before anything is built."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise _TooBig(f"nested more than {MAX_DEPTH} levels deep: flatten it", node)
        if id(node) in sizes:
            return sizes[id(node)]
        if id(node) in open_nodes:
            raise _TooBig("self-referring: an alias (*name) refers to itself; write the value out instead", node)
        open_nodes.add(id(node))
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(item, depth + 1) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(key, depth + 1) + size(value, depth + 1) for key, value in node.value)
        open_nodes.discard(id(node))
        if total > MAX_VALUES:
            raise _TooBig(
                f"an alias bomb: its aliases (&name / *name) expand to more than {MAX_VALUES:,} values "
                "(a 'billion laughs'); write the values out without aliases",
                node,
            )
        sizes[id(node)] = total
        return total

    size(root, 0)
