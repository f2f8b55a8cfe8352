"""YAML reading shared by the config, the front matter and the data files."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:  # libyaml's loader is several times faster; fall back where it is missing
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _FastLoader(_BaseLoader):
    """Dates stay text, so that the field rules can say which key holds an impossible one."""


_FastLoader.add_constructor(_TIMESTAMP, lambda loader, node: loader.construct_scalar(node))


@dataclass(frozen=True)
class YamlFailure:
    """Why a YAML text could not be read, with the 1-based line of the fault."""

    message: str
    line: int | None


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line each mapping starts on, under LINE_KEY."""


_LineLoader.add_constructor(_TIMESTAMP, lambda loader, node: loader.construct_scalar(node))

LINE_KEY = "__line__"


def _construct_mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_with_line)


def parse_yaml(text: str, *, with_lines: bool = False) -> object | YamlFailure:
    """Parse `text`; return the data, or a YamlFailure saying what and where."""
    loader = _LineLoader if with_lines else _FastLoader
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - both loaders are safe loaders
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        return YamlFailure(f"not valid YAML: {problem}", mark.line + 1 if mark else None)
