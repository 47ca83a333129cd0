"""`blogbuild check --fix` and `--diff`: rewrite posts for findings whose repair is certain.

Each round loads the posts, asks the repairs (rules/repairs.py) for their edits and applies
them to the file's text; a round that changes nothing ends it, so a second run is a no-op.
Only the finding's own stretch of a line, or its whole lines, change: the file keeps its
encoding, BOM, line ends and final newline byte for byte everywhere else.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from blogbuild.check.config import CheckSettings, check_settings, load_checked_config
from blogbuild.check.document import Document
from blogbuild.check.findings import Edit
from blogbuild.check.rules.repairs import REPAIRS
from blogbuild.content.config import Config
from blogbuild.content.frontmatter import normalize_text
from blogbuild.content.loader import find_post_files, parse_post, relative_path
from blogbuild.errors import BuildFailed, Problem, Problems
from blogbuild.model import Post
from blogbuild.options import BuildOptions

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
# A repair may uncover another (a heading said three times in a row); this many rounds
# settle every case the repairs know, and bound a run on hostile input.
_ROUNDS = 4


@dataclass(slots=True)
class FileFix:
    """One post file: its bytes before and after, and how many findings of each rule went."""

    path: Path
    rel: str
    before: bytes
    after: bytes
    fixed: Counter[str] = field(default_factory=Counter)

    def diff(self) -> str:
        """A unified diff of the change, as `git diff` shows one."""
        old, new = _text(self.before), _text(self.after)
        lines = difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{self.rel}",
            f"b/{self.rel}",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig")


def repairs_for(post: Post, settings: CheckSettings) -> list[Edit]:
    """Every certain repair for the enabled, not ignored rules of one post, in its body."""
    doc = Document(post)
    edits = []
    for rule, repair in REPAIRS.items():
        if settings.enabled(rule) and rule not in post.check_ignore:
            edits += [edit for edit in repair(doc) if edit.line >= post.body_line]
    return edits


def apply_edits(data: bytes, edits: Iterable[Edit]) -> tuple[bytes, list[Edit]]:
    """The file's bytes with the edits made, and the edits that applied.

    Deleting a line takes its line end with it; a replacement applies only where the line
    still holds what the rule read (`old`), and not over another replacement.
    """
    bom = data.startswith(codecs.BOM_UTF8)
    lines = _LINE.findall(data.decode("utf-8-sig"))
    edits = list(edits)
    deleted: set[int] = set()
    applied: list[Edit] = []
    for edit in edits:
        if edit.count and 1 <= edit.line <= len(lines):
            deleted.update(range(edit.line, min(edit.line + edit.count, len(lines) + 1)))
            applied.append(edit)
    by_line: dict[int, list[Edit]] = {}
    for edit in edits:
        if not edit.count and edit.line not in deleted and 1 <= edit.line <= len(lines):
            by_line.setdefault(edit.line, []).append(edit)
    for number, group in by_line.items():
        line = lines[number - 1]
        content = line.rstrip("\r\n")
        ending = line[len(content) :]
        limit = len(content) + 1
        for edit in sorted(set(group), key=lambda e: (e.start, e.end), reverse=True):
            if edit.end > limit or content[edit.start : edit.end] != edit.old:
                continue  # overlaps a repair already made, or the line is not as read
            content = content[: edit.start] + edit.text + content[edit.end :]
            limit = edit.start
            applied.append(edit)
        lines[number - 1] = content + ending
    kept = [line for number, line in enumerate(lines, 1) if number not in deleted]
    if kept and lines and not lines[-1].endswith(("\n", "\r")) and len(lines) in deleted:
        kept[-1] = kept[-1].rstrip("\r\n")  # the file ended without a line end: so it stays
    text = "".join(kept)
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"), applied


def fix_site(options: BuildOptions, now: datetime | None = None) -> list[FileFix]:
    """The changes `--fix` makes to the site's posts (computed, not written)."""
    config = load_checked_config(options.source, options.base_url)
    settings = check_settings(config)
    now = now or datetime.now(UTC)
    fixes = []
    for path in find_post_files(config, Problems()):
        fix = fix_file(path, config, settings, options, now)
        if fix is not None:
            fixes.append(fix)
    return sorted(fixes, key=lambda fix: fix.rel)


def fix_file(
    path: Path,
    config: Config,
    settings: CheckSettings,
    options: BuildOptions,
    now: datetime,
) -> FileFix | None:
    """One post file's repaired bytes, computed in memory; None when nothing changes.

    Each round parses the current text and applies all its edits at once (whole-line
    deletions first, then replacements on the lines that stay), so no edit reads a line
    another has moved. Nothing is written here: `write_fixes` writes each file once.
    """
    data = path.read_bytes()
    rel = relative_path(path, config.root)
    current = data
    fixed: Counter[str] = Counter()
    for _ in range(_ROUNDS):
        post = _parse(rel, path, current, config)
        if post is None or not _selected(post, options, now):
            break
        new, applied = apply_edits(current, repairs_for(post, settings))
        if new == current:
            break
        fixed.update(edit.rule for edit in applied)
        current = new
    return FileFix(path, rel, data, current, fixed) if current != data else None


def _parse(rel: str, path: Path, data: bytes, config: Config) -> Post | None:
    try:
        text = normalize_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None  # the check reports the file; nothing here can be certain
    return parse_post(rel, path, text, "", config, Problems())


def _selected(post: Post, options: BuildOptions, now: datetime) -> bool:
    if post.draft and not options.drafts:
        return False
    return options.future or post.date <= now


def uncommitted(source: Path, fixes: list[FileFix]) -> list[str]:
    """The fixed files that hold changes git has not committed; BuildFailed outside git."""
    command = ["git", "-C", str(source), "status", "--porcelain", "--", *(f.rel for f in fixes)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as err:
        raise BuildFailed(
            [Problem(str(source), None, f"--require-clean needs git: {err}")]
        ) from err
    if result.returncode != 0:
        message = "--require-clean: the site is not in a git work tree, so nothing is fixed"
        raise BuildFailed([Problem(str(source), None, message)])
    dirty = {line[3:].strip().strip('"') for line in result.stdout.splitlines() if line[3:]}
    top = _git_top(source)
    return [f.rel for f in fixes if _from_top(f.path, top) in dirty or f.rel in dirty]


def _git_top(source: Path) -> Path:
    result = subprocess.run(
        ["git", "-C", str(source), "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
        check=False,
    )
    return Path(result.stdout.strip() or source).resolve()


def _from_top(path: Path, top: Path) -> str:
    try:
        return path.resolve().relative_to(top).as_posix()
    except ValueError:
        return path.as_posix()


def write_fixes(fixes: list[FileFix]) -> None:
    """Write each fixed file in one step (a file beside it renamed over it), mode kept."""
    for fix in fixes:
        mode = fix.path.stat().st_mode
        handle, temporary = tempfile.mkstemp(dir=fix.path.parent, prefix=f".{fix.path.name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(fix.after)
            os.chmod(temporary, mode & 0o7777)
            os.replace(temporary, fix.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def describe(fix: FileFix) -> str:
    """'path: fixed 3 (mixed-script-word 2, h1-repeats-title 1)'."""
    total = sum(fix.fixed.values())
    parts = ", ".join(f"{rule} {count}" for rule, count in sorted(fix.fixed.items()))
    return f"{fix.rel}: fixed {total} ({parts})"
