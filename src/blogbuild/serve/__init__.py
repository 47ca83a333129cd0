"""Live preview: `blogbuild serve` builds into memory, serves, and reloads pages on save."""

from blogbuild.serve.app import ServeOptions, serve
from blogbuild.serve.server import ServeError

__all__ = ["ServeError", "ServeOptions", "serve"]
