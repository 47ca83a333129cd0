"""Jinja templates read only through `sources.outside_reason`: no link out of their root."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from blogbuild.content.sources import outside_reason


class RefusedTemplate(jinja2.TemplateNotFound):
    """A template whose file is a link out of its root; `reason` says where it leads."""

    def __init__(self, name: str, shown: str, reason: str) -> None:
        super().__init__(name, f"{shown}: {reason}")
        self.shown = shown
        self.reason = reason


class ConfinedLoader(jinja2.BaseLoader):
    """Templates from `folders`, each given with the root (resolved) it may not leave and
    what that root is (`the site`, `the theme`); the first folder holding a name wins."""

    def __init__(self, folders: Sequence[tuple[str, Path, str]]) -> None:
        self.folders = [(f, root, where) for f, root, where in folders if os.path.isdir(f)]

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder, root, where in self.folders:
            path = os.path.join(folder, *pieces)
            try:
                if not os.path.isfile(path):
                    continue
            except (OSError, ValueError):
                continue
            reason = outside_reason(Path(path), root, where)
            if reason:
                shown = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
                raise RefusedTemplate(template, shown, reason)
            with open(path, encoding="utf-8") as file:
                source = file.read()
            mtime = os.path.getmtime(path)

            def uptodate(path: str = path, mtime: float = mtime) -> bool:
                try:
                    return os.path.getmtime(path) == mtime
                except OSError:
                    return False

            return source, os.path.normpath(path), uptodate
        raise jinja2.TemplateNotFound(template)
