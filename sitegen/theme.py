"""Where templates and static files come from: the site's own folders first, then the defaults."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def default_dir(name: str) -> Path:
    """The packaged `templates` or `static` folder (inside a wheel, or at the top of a checkout)."""
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def search_path(site_root: Path, name: str) -> list[Path]:
    """Folders to look in for `name` files, the site's own overrides first."""
    own = site_root / name
    default = default_dir(name)
    folders = [own] if own.is_dir() and own.resolve() != default.resolve() else []
    return folders + [default]


def static_files(site_root: Path) -> dict[str, Path]:
    """Relative path -> file, the site's own file winning over the default of the same name."""
    files: dict[str, Path] = {}
    for folder in reversed(search_path(site_root, "static")):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                files[path.relative_to(folder).as_posix()] = path
    return dict(sorted(files.items()))
