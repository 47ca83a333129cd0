"""The build cache in `.blogbuild-cache/`: rendered posts by content hash, and page fingerprints.

Every key includes a digest of blogbuild's own code, so a cache written by another version is
never trusted. Every file is sealed with a digest of its content and of the key it is kept
under (hashing.seal): a damaged, truncated, misplaced or foreign entry, or something other
than a file where one should be, is a miss, and is rebuilt and rewritten, never an error.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
from collections.abc import Callable, Iterator, MutableMapping
from functools import cache
from pathlib import Path
from typing import Any

from blogbuild.model import PostSummary, RenderedPost
from blogbuild.pipeline.cache.scratch import remove_scratch, scratch_folder
from blogbuild.sealed import clear, make_folder, read_sealed, write_sealed

CACHE_DIR_NAME = ".blogbuild-cache"
_PACKAGE = Path(__file__).resolve().parents[2]  # the blogbuild package: every stage
_FORMAT = 3  # bump when the layout of the files below changes


@cache
def code_version() -> str:
    """A digest of blogbuild's source files: any code change invalidates every entry."""
    digest = hashlib.sha256(str(_FORMAT).encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class BuildCache:
    """Rendered post bodies on disk, plus an index of post summaries and page fingerprints."""

    def __init__(self, folder: Path, *, persistent: bool = True) -> None:
        self.folder = folder
        self.persistent = persistent
        self.created = not folder.exists()
        self.new_keys: set[str] = set()  # bodies this build writes, forgotten if it fails
        # Renders a post again when its body was lost (set by the build, which knows how).
        self.remake: Callable[[str], None] | None = None
        self.bodies = folder / "bodies"
        make_folder(self.bodies, folder)
        found = read_pickle(folder / "index.pickle", _INDEX_KEY)
        self._index: dict[str, Any] = found if _is_index(found) else {}
        self._summaries: dict[str, PostSummary] = {}  # decoded from the index on first use
        self._last_body: tuple[str, RenderedPost] | None = None
        self._dirty = False  # the index is rewritten only when something in it changed
        if self._index.get("version") != code_version():
            self._index = {"version": code_version(), "summaries": {}, "pages": {}}
            self._dirty = True
            shutil.rmtree(self.templates, ignore_errors=True)

    @property
    def templates(self) -> Path:
        """Where Jinja keeps compiled templates; emptied with the index when our code changes,
        since the compiled code depends on the environment's options, not only the source."""
        return self.folder / "templates"

    @classmethod
    def for_site(cls, root: Path, enabled: bool) -> BuildCache:
        """The site's cache, or a throw-away one for `--no-cache` builds."""
        if enabled:
            return cls(root / CACHE_DIR_NAME)
        return cls(scratch_folder(root / CACHE_DIR_NAME), persistent=False)

    # Post summaries: small, kept in the index so a build reads one file. Each is pickled on
    # its own, so saving the index after one post changed pickles that summary alone.
    def has_summary(self, key: str) -> bool:
        """Whether a summary is kept for `key` (it may still prove corrupt when decoded)."""
        return key in self._summaries or isinstance(self._index["summaries"].get(key), bytes)

    def summary(self, key: str) -> PostSummary | None:
        found = self._summaries.get(key)
        if found is None:
            encoded = self._index["summaries"].get(key)
            try:
                found = pickle.loads(encoded) if isinstance(encoded, bytes) else None
            except Exception:  # corrupt: a miss, and rewritten
                found = None
            if not isinstance(found, PostSummary):
                return None
            self._summaries[key] = found
        return found

    def keep_summaries(self, summaries: dict[str, PostSummary]) -> None:
        """Remember exactly these summaries (deleted posts drop out of the index); those made
        by this build are encoded anew (one kept before may have been corrupt)."""
        encoded = self._index["summaries"]
        made = self.new_keys & summaries.keys()
        if summaries.keys() != encoded.keys() or made:
            self._index["summaries"] = {
                key: pickle.dumps(summary, pickle.HIGHEST_PROTOCOL)
                if key in made or key not in encoded
                else encoded[key]
                for key, summary in summaries.items()
            }
            self._summaries = dict(summaries)
            self._dirty = True

    # The key each post file had, with its size and mtime: a rebuild reads only changed files.
    def file_stamps(self, settings: str) -> dict[str, tuple[int, int, str]]:
        """(size, mtime_ns, key) by post path, when keys were made with these `settings`."""
        found = self._index.get("stamps")
        if isinstance(found, tuple) and found[0] == settings and isinstance(found[1], dict):
            return found[1]
        return {}

    def keep_file_stamps(self, settings: str, stamps: dict[str, tuple[int, int, str]]) -> None:
        if self.file_stamps(settings) != stamps:
            self._index["stamps"] = (settings, stamps)
            self._dirty = True

    @property
    def memo(self) -> MutableMapping[str, object]:
        """Results of whole-site computations kept between builds (related posts)."""
        return _DirtyMap(self, self._index.setdefault("memo", {}))

    # rendered bodies: large, one file each, written by the worker that rendered them
    def body_path(self, key: str) -> Path:
        return self.bodies / key[:2] / f"{key}.pickle"

    def store_body(self, key: str, rendered: RenderedPost) -> None:
        data = pickle.dumps(rendered, pickle.HIGHEST_PROTOCOL)
        write_sealed(self.body_path(key), key, data, self.folder)

    def load_body(self, key: str) -> RenderedPost | None:
        # The last body is kept: a post's page reads it several times (body, headings, table
        # of contents), and its Markdown copy is made right after.
        if self._last_body is not None and self._last_body[0] == key:
            return self._last_body[1]
        found = read_pickle(self.body_path(key), key)
        if not isinstance(found, RenderedPost) and self.remake is not None:
            self.remake(key)  # lost or damaged: rendered again, and stored
            found = read_pickle(self.body_path(key), key)
        if not isinstance(found, RenderedPost):
            return None
        self._last_body = (key, found)
        return found

    # page fingerprints of the last build into each output folder
    def page_fingerprints(self, out: Path) -> dict[str, str]:
        found = self._index["pages"].get(str(out.resolve()), {})
        return found if isinstance(found, dict) else {}

    def keep_page_fingerprints(self, out: Path, fingerprints: dict[str, str]) -> None:
        if self.page_fingerprints(out) != fingerprints:
            self._index["pages"][str(out.resolve())] = fingerprints
            self._dirty = True

    def save(self, live_keys: set[str]) -> None:
        """Write the index and drop bodies no post uses any more."""
        if not self.persistent:
            remove_scratch(self.folder)
            return
        self.new_keys.clear()
        if not self._dirty:
            return
        index = pickle.dumps(self._index, pickle.HIGHEST_PROTOCOL)
        write_sealed(self.folder / "index.pickle", _INDEX_KEY, index, self.folder)
        self._dirty = False
        self.created = False
        for path in self.bodies.glob("*/*.pickle"):
            if path.stem not in live_keys:
                path.unlink(missing_ok=True)

    def abandon(self) -> None:
        """After a failed build: remove what it wrote, so the site is as it was before."""
        summaries = self._index["summaries"]
        if not self.persistent:
            remove_scratch(self.folder)
            summaries.clear()
            self._summaries.clear()
        elif self.created:
            shutil.rmtree(self.folder, ignore_errors=True)
            summaries.clear()
            self._summaries.clear()
        else:
            for key in self.new_keys:
                self.body_path(key).unlink(missing_ok=True)
                summaries.pop(key, None)
                self._summaries.pop(key, None)
        self.new_keys.clear()


class _DirtyMap(MutableMapping[str, object]):
    """A dict of the index that marks it for saving whenever it is written to."""

    def __init__(self, cache: BuildCache, data: dict[str, object]) -> None:
        self._cache, self._data = cache, data

    def __getitem__(self, key: str) -> object:
        return self._data[key]

    def __setitem__(self, key: str, value: object) -> None:
        self._data[key] = value
        self._cache._dirty = True

    def __delitem__(self, key: str) -> None:
        del self._data[key]
        self._cache._dirty = True

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


_INDEX_KEY = "index"


def read_pickle(path: Path, key: str) -> Any:
    """The object pickled into a sealed entry; None when there is none that validates."""
    payload = read_sealed(path, key)
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # sealed by another Python, or by code that had other classes
        clear(path)
        return None


def _is_index(found: object) -> bool:
    return (
        isinstance(found, dict)
        and isinstance(found.get("summaries"), dict)
        and isinstance(found.get("pages"), dict)
        and isinstance(found.get("memo", {}), dict)
    )
