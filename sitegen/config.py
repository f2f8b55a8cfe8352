"""Site settings: one YAML file (``sitegen.yaml``), each key documented here, flags on top."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlparse

from .problems import BuildFailed, Problem
from .yamlio import YamlFailure, parse_yaml

CONFIG_FILE = "sitegen.yaml"


@dataclass(frozen=True)
class Config:
    """Everything a build needs to know besides the content itself."""

    #: The archive's name, shown in every page title and header.
    title: str = "Diplomatic Meetings Archive"
    #: One sentence about the archive, used as the home page description.
    description: str = "Who met whom, when, where and about what: an archive built from news reports."
    #: Public address of the site root, sub-path included (for canonical URLs, feeds, sitemap).
    base_url: str = "http://localhost:8000/"
    #: Folder of article files (.txt, .md), relative to the site folder.
    content_dir: str = "seeds"
    #: Folder holding people.yaml, topics.yaml, places.yaml and outlets.yaml.
    data_dir: str = "seeds"
    #: Folder the site is written to; the build replaces it whole.
    output_dir: str = "site"
    #: Language of the pages (the html lang attribute).
    language: str = "en"
    #: The site folder all relative paths above are resolved against.
    root: Path = Path(".")

    def path(self, relative: str) -> Path:
        return (self.root / relative).resolve()


def load_config(root: Path, config_file: Path | None = None, **overrides: object) -> Config:
    """Read the config file of the site folder `root` (if any) and apply flag overrides."""
    path = config_file or root / CONFIG_FILE
    values: dict[str, object] = {}
    if path.exists():
        values = _read_yaml_mapping(path)
    known = {f.name for f in fields(Config)} - {"root"}
    unknown = sorted(map(str, set(values) - known))
    if unknown:
        raise BuildFailed([Problem(str(path), f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}", key=unknown[0])])
    for key, value in values.items():
        if not isinstance(value, str):
            raise BuildFailed([Problem(str(path), f"setting '{key}' must be text, not {type(value).__name__}", key=key)])
    config = replace(Config(root=root), **values)
    given = {k: v for k, v in overrides.items() if v is not None}
    config = replace(config, **given)
    if not config.base_url.endswith("/"):
        config = replace(config, base_url=config.base_url + "/")
    parsed = urlparse(config.base_url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise BuildFailed([Problem(str(path), f"base_url must be a full address such as https://example.github.io/archive/, not {config.base_url!r}", key="base_url")])
    return config


def _read_yaml_mapping(path: Path) -> dict[str, object]:
    try:
        loaded = parse_yaml(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildFailed([Problem(str(path), f"cannot be read as UTF-8 text ({exc}): save it as UTF-8")]) from exc
    if isinstance(loaded, YamlFailure):
        raise BuildFailed([Problem(str(path), f"is {loaded.message}", line=loaded.line)])
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise BuildFailed([Problem(str(path), "must be a mapping of setting: value")])
    return loaded
