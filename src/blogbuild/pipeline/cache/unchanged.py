"""Recognising a rebuild in which no input changed, before any heavy work or import.

A record of the last successful build holds a digest of every input's name, size and mtime
(posts, templates, includes, assets, static files, config, blogbuild's own code, the
options) and of the output it
wrote. When both still match, the build has nothing to do. Any doubt means a normal build,
which is always correct: this only ever skips work that would change nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from blogbuild.options import BuildOptions
from blogbuild.pipeline.output.staging import Listing, output_listing
from blogbuild.sealed import read_regular, write_file

if TYPE_CHECKING:
    from blogbuild.pipeline.results import BuildResult

RECORD_NAME = "last-build.json"
# A file written this close to a build may change again within its mtime's resolution
# without its size or mtime changing: nothing is trusted by size and mtime alone for it.
RACY_SECONDS = 2


@dataclass(frozen=True, slots=True)
class BuildRecord:
    """What a successful build saw and said."""

    inputs: str  # digest of every input
    settled: bool  # see InputScan.settled: a record of unsettled inputs is not trusted
    outputs: str  # digest of the output folder's files (names, sizes, mtimes)
    valid_until: str | None  # ISO time at which a future post becomes due
    uses_git: bool  # some date came from git: the commit is an input too
    warnings: list[str]  # what the build printed: its warnings,
    note: str  # what it said of drafts and future posts left out,
    check: str  # and its count of check findings
    posts: int
    pages: int


@dataclass(frozen=True, slots=True)
class InputScan:
    """Every input's name, size and mtime as seen before a build, as one digest."""

    files: str  # digest of those, plus blogbuild's code and the options
    newest: int  # the latest mtime among them (ns)
    taken: int  # when the scan was made (ns)

    @property
    def settled(self) -> bool:
        """False when an input was written so shortly before the scan that it could change
        again within its mtime's resolution without its size or mtime changing."""
        return self.newest < self.taken - RACY_SECONDS * 1_000_000_000


def scan_inputs(options: BuildOptions) -> InputScan:
    """Look at every input once, before the build reads any of them."""
    from blogbuild.content.foreign import foreign_kind
    from blogbuild.content.layout import SiteLayout
    from blogbuild.content.theme import theme_dir
    from blogbuild.pipeline.cache.store import code_version

    taken = time.time_ns()
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{code_version()}\0{_options_text(options)}\0".encode())
    source = options.source
    roots = [source / "content", source / "templates", source / "assets", source / "blogbuild.yaml"]
    roots += [theme_dir() / "templates", theme_dir() / "assets"]
    roots.append(source / "_includes")  # Jekyll's include templates, read by posts
    roots += [source / name for name in SiteLayout().static_dirs]  # copied to the site root
    skipped: set[str] = set()
    if foreign_kind(source) is not None:
        # A Jekyll or Hugo site keeps its inputs where its config says: all of it is looked
        # at, but for what no build reads (history, the output, the cache).
        roots = [source, theme_dir() / "templates", theme_dir() / "assets"]
        skipped = {str(source / name) for name in _NOT_INPUTS}
        skipped.add(str(options.out_dir.resolve()))
    newest = 0
    for root in roots:
        for path, stat in _walk(root, skipped):
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
            newest = max(newest, stat.st_mtime_ns)
    return InputScan(digest.hexdigest(), newest, taken)


def unchanged_record(options: BuildOptions, scan: InputScan) -> BuildRecord | None:
    """The last build's record when nothing it was built from, nor its output, has changed."""
    from blogbuild.pipeline.cache.store import CACHE_DIR_NAME

    record = read_record(options.source / CACHE_DIR_NAME, options.out_dir)
    if record is None or not record.settled:
        return None
    inputs = _inputs_digest(scan, options.source, record.uses_git)
    if not still_valid(record, inputs, options.out_dir, datetime.now().astimezone()):
        return None
    return record


def record_build(
    options: BuildOptions,
    scan: InputScan,
    result: BuildResult,
    warnings: list[str],
    check: str,
    note: str,
) -> None:
    """Remember what a successful build saw (`scan`, made before it read anything, so an input
    changed during the build is seen as changed next time) and what it said."""
    from blogbuild.pipeline.cache.store import CACHE_DIR_NAME

    output = result.output
    now = datetime.now(output.config.tz)
    future = [s.post.date for s in output.summaries if s.post.date > now]
    uses_git = any(s.post.date_source == "git" for s in output.summaries)
    record = BuildRecord(
        inputs=_inputs_digest(scan, options.source, uses_git),
        settled=scan.settled,
        outputs=outputs_digest(result.listing),
        valid_until=min(future).isoformat() if future else None,
        uses_git=uses_git,
        warnings=warnings,
        note=note,
        check=check,
        posts=len(output.site.posts),
        pages=sum(1 for path in output.outputs if path.endswith(".html")),
    )
    write_record(options.source / CACHE_DIR_NAME, result.out, record)


def _options_text(options: BuildOptions) -> str:
    return repr((str(options.out_dir.resolve()), options.drafts, options.future, options.base_url))


def _inputs_digest(scan: InputScan, source: Path, uses_git: bool) -> str:
    """The scan's digest, with the git commit when some date came from git history."""
    return f"{scan.files}:{_git_head(source)}" if uses_git else scan.files


def outputs_digest(listing: Listing) -> str:
    """A digest of the output folder: any file added, removed or touched shows."""
    digest = hashlib.blake2b(digest_size=16)
    for rel, (size, mtime) in sorted(listing.items()):
        digest.update(f"{rel}\0{size}\0{mtime}\0".encode())
    return digest.hexdigest()


def read_record(cache_dir: Path, out: Path) -> BuildRecord | None:
    """The record of the last build into `out`, when there is one that validates."""
    key = str(out.resolve())
    entry = _records(cache_dir).get(key)
    if not isinstance(entry, dict) or entry.get("seal") != _record_seal(key, entry.get("record")):
        return None
    try:
        record = BuildRecord(**entry["record"])
    except TypeError:
        return None
    return record if _well_typed(record) else None


def write_record(cache_dir: Path, out: Path, record: BuildRecord) -> None:
    key = str(out.resolve())
    data = _records(cache_dir)
    fields = asdict(record)
    data[key] = {"record": fields, "seal": _record_seal(key, fields)}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    write_file(cache_dir / RECORD_NAME, text, cache_dir)


def _records(cache_dir: Path) -> dict[str, object]:
    """Every output folder's record as stored; anything else there reads as none."""
    text = read_regular(cache_dir / RECORD_NAME)
    try:
        data = json.loads(text) if text is not None else None
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _record_seal(key: str, fields: object) -> str:
    text = json.dumps([key, fields], ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _is_moment(text: object) -> bool:
    try:
        return isinstance(text, str) and datetime.fromisoformat(text) is not None
    except ValueError:
        return False


def _well_typed(record: BuildRecord) -> bool:
    texts = (record.inputs, record.outputs, record.note, record.check)
    return (
        all(isinstance(text, str) for text in texts)
        and isinstance(record.warnings, list)
        and all(isinstance(line, str) for line in record.warnings)
        and isinstance(record.settled, bool)
        and isinstance(record.uses_git, bool)
        and (record.valid_until is None or _is_moment(record.valid_until))
        and all(type(n) is int for n in (record.posts, record.pages))
    )


def still_valid(record: BuildRecord, inputs: str, out: Path, now: datetime) -> bool:
    """True when nothing the record was built from, nor its output, has changed."""
    if record.inputs != inputs:
        return False
    if record.valid_until is not None and now >= datetime.fromisoformat(record.valid_until):
        return False
    return out.is_dir() and outputs_digest(output_listing(out)) == record.outputs


_NOT_INPUTS = (".git", ".blogbuild-cache", "node_modules", ".jekyll-cache", "_site", "public")


def _walk(root: Path, skipped: set[str] | None = None) -> list[tuple[str, os.stat_result]]:
    found: list[tuple[str, os.stat_result]] = []
    if root.is_file():
        return [(str(root), root.stat())]
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not skipped or entry.path not in skipped:
                    stack.append(Path(entry.path))
            else:
                try:
                    found.append((entry.path, entry.stat()))
                except OSError:  # a link to nothing, or a loop: the link itself is the input
                    found.append((entry.path, entry.stat(follow_symlinks=False)))
    found.sort()
    return found


def _git_head(source: Path) -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=source, capture_output=True, text=True, timeout=10,
            check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return "no-git"
    return done.stdout.strip()
