"""YAML reading shared by the config, the front matter and the data files."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:  # libyaml's loader is several times faster; fall back where it is missing
    _FastLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = yaml.SafeLoader


@dataclass(frozen=True)
class YamlFailure:
    """Why a YAML text could not be read, with the 1-based line of the fault."""

    message: str
    line: int | None


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line each mapping starts on, under LINE_KEY."""


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
    except ValueError as exc:  # a well-formed but impossible value, e.g. 2023-02-30
        return YamlFailure(f"impossible value: {exc}", None)
