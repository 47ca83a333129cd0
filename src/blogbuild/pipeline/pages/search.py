"""The full-text search index: Pagefind, run over the finished post pages of this build.

Pagefind (its binary ships in the `pagefind_bin` wheel) stems Russian and English words, so
"моделями" finds "модель". It reads only the `data-pagefind-body` part of post pages, laid
out in a scratch folder of the cache, and its files go into the output like every other
file: the output folder changes only when the whole build is swapped in.
The index is made again only when a post page changed; otherwise last build's files stay.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from blogbuild.errors import Problems
from blogbuild.hashing import digest
from blogbuild.pipeline.cache.scratch import remove_scratch, scratch_folder
from blogbuild.pipeline.cache.store import CACHE_DIR_NAME
from blogbuild.pipeline.output.staging import Sink
from blogbuild.pipeline.results import Plan, SiteOutput
from blogbuild.site.urls import output_file

SEARCH_FOLDER = "pagefind/"  # in the output; the theme's search page loads it from there


def index_search(
    plan: Plan, output: SiteOutput, sink: Sink, previous: dict[str, str], problems: Problems
) -> None:
    """Put the search index of the site's post pages into `sink` (nothing when turned off)."""
    if not plan.config.search:
        return
    from pagefind_bin import get_executable  # type: ignore[import-untyped]

    pages = sorted(output_file(v.url) for v in (*plan.site.posts, *plan.site.page_views))
    binary = get_executable()
    stat = binary.stat()  # which Pagefind: reading its version from the metadata takes longer
    inputs = digest(
        f"pagefind {stat.st_size} {stat.st_mtime_ns}|{plan.config.language}|"
        f"{plan.config.base_path}|"
        + "|".join(f"{rel}={output.fingerprints.get(rel, '')}" for rel in pages)
    )
    old = sorted(rel for rel in previous if rel.startswith(SEARCH_FOLDER))
    if old and all(previous[rel] == inputs for rel in old) and all(sink.reuse(r) for r in old):
        files = dict.fromkeys(old, b"")
    else:
        try:
            files = _pagefind(plan, pages, sink, binary)
        except _NothingToIndex:
            problems.warning(
                "search", None, "no post has text to search yet: the search page finds nothing"
            )
            return
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as error:
            problems.error("search", None, f"the search index could not be made: {error}")
            return
        for rel, data in files.items():
            sink.put(rel, data)
    for rel in files:
        output.outputs.add(rel)
        output.fingerprints[rel] = inputs


def _pagefind(plan: Plan, pages: list[str], sink: Sink, binary: Path) -> dict[str, bytes]:
    """Pagefind's files for `pages`, by their path in the output.

    The pages are laid out in a scratch folder under the site's base path, so the URLs
    Pagefind takes from their paths are the ones the site serves them at.
    """
    folder = scratch_folder(plan.config.root / CACHE_DIR_NAME) / "search-index"
    site, index = folder / "site", folder / "index"
    under = site / plan.config.base_path.strip("/")
    try:
        for rel in pages:
            target = under / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(sink.read(rel))
        language = plan.config.language
        command = [str(binary), "--site", str(site), "--output-path", str(index)]
        done = subprocess.run(
            [*command, "--force-language", language, "--silent"],
            cwd=folder, capture_output=True, text=True, timeout=_SECONDS, check=False,
        )  # fmt: skip
        if done.returncode != 0 and _EMPTY_SITE in done.stdout + done.stderr:
            raise _NothingToIndex
        if done.returncode != 0:
            raise RuntimeError((done.stderr or done.stdout).strip() or f"exit {done.returncode}")
        found = sorted(p for p in index.rglob("*") if p.is_file())
        return {SEARCH_FOLDER + p.relative_to(index).as_posix(): p.read_bytes() for p in found}
    finally:
        remove_scratch(folder)


class _NothingToIndex(Exception):
    """Pagefind refuses a site whose pages hold no text at all (every post empty)."""


_EMPTY_SITE = "not able to build an index"  # what Pagefind says then
_SECONDS = 600  # far beyond what 20,000 posts take; a hung indexer must not hang the build
