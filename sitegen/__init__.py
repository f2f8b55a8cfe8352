"""sitegen: a static site generator for an archive of diplomatic meetings."""

__version__ = "0.1.0"
