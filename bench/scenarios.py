"""The builds a writer runs: what each scenario sets up once and changes before each run."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from measure import fresh_dir
from posts import PostMeta
from report import Result
from tools import Tool, Workspace

SCENARIOS = ("cold", "noop", "edit", "template", "ci")
DESCRIPTIONS = {
    "cold": "no cache, empty output folder",
    "noop": "rebuild with nothing changed",
    "edit": "one post's text changed, then rebuild",
    "template": "the post template changed, then rebuild",
    "ci": "CI: a fresh clone (new mtimes), the cache restored, one post changed, empty output",
}
CACHE_NAME = ".blogbuild-cache"


def link_tree(src: Path, dst: Path) -> None:
    """Copy a site as hard links: fast for 20,000 posts, and safe because edits replace files."""
    fresh_dir(dst)

    def link(a: str, b: str) -> None:
        try:
            os.link(a, b)
        except OSError:
            shutil.copy2(a, b)

    shutil.copytree(src, dst, copy_function=link, symlinks=True)


def replace_text(path: Path, text: str) -> None:
    """Write by rename, so a hard-linked original in the corpus cache is never touched."""
    tmp = path.with_name(path.name + ".bench-tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)


class Scenario:
    """Per tool: `setup` once (untimed), then `before_run` ahead of each timed build."""

    def __init__(
        self,
        name: str,
        tool: Tool,
        ws: Workspace,
        edit_post: PostMeta | None,
        source: Path | None = None,
    ) -> None:
        self.name = name
        self.source = source  # the corpus tree the site was copied from (for "ci")
        self.tool = tool
        self.ws = ws
        self.post = edit_post  # the post the edit scenario changes
        self.original: dict[Path, str] = {}
        self.result = Result()

    @property
    def cold(self) -> bool:
        return self.name == "cold"

    def unsupported(self) -> str | None:
        """Why this tool cannot run this scenario, or None."""
        if self.name == "template" and self.tool.template_file(self.ws) is None:
            return "no post template found to change"
        return None

    def before_run(self, run: int) -> None:
        if self.cold:
            fresh_dir(self.ws.out)
            self.tool.clear_cache(self.ws)
        elif self.name == "edit":
            self._edit(run)
        elif self.name == "ci":
            self._fresh_clone_with_restored_cache()
            self._edit(run)
        elif self.name == "template":
            path = self.tool.template_file(self.ws)
            assert path is not None
            replace_text(path, add_marker(self._original(path), self.tool.template_anchors, run))

    def _edit(self, run: int) -> None:
        assert self.post is not None
        path = self.tool.post_file(self.ws, self.post)
        text = self._original(path)
        # A new sentence each run, so every rebuild sees a real change from the last one.
        replace_text(path, text + f"\nПравка номер {run + 1}: модель уточнила вывод.\n")

    def _fresh_clone_with_restored_cache(self) -> None:
        """What a CI runner starts from: the site's files written anew (every mtime new, as in
        a fresh clone), the cache the warm-up build left restored with its own mtimes (as a
        CI cache restores it), and no output folder."""
        assert self.source is not None
        saved = self.ws.cache / "restored"
        if not saved.exists():
            shutil.copytree(self.ws.site / CACHE_NAME, saved)
        shutil.rmtree(self.ws.site)
        shutil.copytree(self.source, self.ws.site, copy_function=shutil.copyfile)
        self.tool.prepare(self.ws)
        shutil.copytree(saved, self.ws.site / CACHE_NAME)
        fresh_dir(self.ws.out)
        self.original.clear()  # the post to edit is a new file

    def _original(self, path: Path) -> str:
        if path not in self.original:
            self.original[path] = path.read_text(encoding="utf-8")
        return self.original[path]


def add_marker(template: str, anchors: tuple[str, ...], run: int) -> str:
    """Insert an empty element after the first anchor found, so every rendered page changes."""
    # Not an HTML comment: Go templates (Hugo) drop comments, so the page would not change.
    marker = f'<span data-bench-edit="{run + 1}"></span>'
    for anchor in anchors:
        match = re.search(anchor, template)
        if match:
            return template[: match.end()] + marker + template[match.end() :]
    return template + marker + "\n"
