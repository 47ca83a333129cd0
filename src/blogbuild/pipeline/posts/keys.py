"""The cache key of each post file, read and hashed only when its size or mtime changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.pipeline.cache.store import BuildCache
from blogbuild.pipeline.cache.unchanged import RACY_SECONDS
from blogbuild.pipeline.posts.sitemarkup import forget_template_inputs
from blogbuild.pipeline.posts.work import key_settings, post_key

_UNTRUSTED = (-1, -1)  # a stamp no file has: the key is kept, only to name the last version


class PostKeys:
    """Keys of post files for one build; `keep` records their stamps for the next."""

    def __init__(self, config: Config, cache: BuildCache) -> None:
        self._config, self._cache = config, cache
        forget_template_inputs()  # shortcode and include templates are read once per build
        self._settings = key_settings(config)
        self._known = cache.file_stamps(self._settings)
        self._stamps: dict[str, tuple[int, int, str]] = {}
        self._root = os.path.join(config.root, "")
        self._settled = time.time_ns() - RACY_SECONDS * 1_000_000_000

    def key(self, name: str) -> tuple[str, str | None]:
        """The key of the file at path `name`, and the key its last version had (None for a
        new file)."""
        # relative by slicing: pathlib's relative_to is slow by the thousand
        rel = name[len(self._root) :].replace(os.sep, "/") if name.startswith(self._root) else name
        stat = os.stat(name)
        stamp = (stat.st_size, stat.st_mtime_ns)
        known = self._known.get(rel)
        if known is not None and known[:2] == stamp:
            key = known[2]
        else:
            key = post_key(rel, Path(name).read_bytes(), self._config)
        trusted = stat.st_mtime_ns < self._settled  # see RACY_SECONDS
        self._stamps[rel] = (*(stamp if trusted else _UNTRUSTED), key)
        return key, known[2] if known is not None else None

    def keep(self) -> None:
        """Record this build's stamps in the cache (saved with it)."""
        self._cache.keep_file_stamps(self._settings, self._stamps)
