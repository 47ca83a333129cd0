"""The post stage behind its cache: each post file's summary, from the cache when its bytes
are known, else loaded, rendered and checked in the workers (`posts/work.py`)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from itertools import chain
from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.content.loader import fallback_date, post_file_names
from blogbuild.errors import Problems
from blogbuild.model import PostSummary
from blogbuild.parallel import STUCK_AFTER, started
from blogbuild.pipeline.cache.store import BuildCache
from blogbuild.pipeline.posts.keys import PostKeys
from blogbuild.pipeline.posts.relink import prepare_first_pass, relink
from blogbuild.pipeline.posts.work import PostTask, process_post, task_file
from blogbuild.pipeline.results import Progress


def post_summaries(
    config: Config, cache: BuildCache, workers: int, problems: Problems, progress: Progress | None
) -> tuple[list[PostSummary], int]:
    """A summary of every post file: from the cache when its bytes are known, else processed;
    and how many were processed (rendered).

    Changed posts go to workers first; the cached summaries are decoded while they work.
    """
    found: list[PostTask] = []
    keys = PostKeys(config, cache)
    for name in post_file_names(config, problems):
        key, previous = keys.key(name)
        found.append(PostTask(name, key, previous))
    tasks = [task for task in found if not cache.has_summary(task.key)]
    prepare_first_pass(config, cache, [task.path for task in found])
    paths = {task.key: task.path for task in found}
    cache.remake = lambda key: _remake_body(paths, key)
    summaries: dict[str, PostSummary] = {}
    named = partial(task_file, config)
    with started(process_post, tasks, workers, named, STUCK_AFTER) as outcomes:
        # Decoded while the workers render; a summary that no longer decodes is a miss.
        missing = {task.key for task in tasks}
        corrupt = [
            task
            for task in found
            if task.key not in missing
            and not _take_cached(task, cache, config, summaries, problems)
        ]
        cache.new_keys.update(task.key for task in (*tasks, *corrupt))
        if tasks:
            _import_page_machinery()  # while the workers finish, not after
        total = len(tasks) + len(corrupt)
        for done, outcome in enumerate(chain(outcomes, map(process_post, corrupt)), 1):
            problems.extend(list(outcome.problems))
            if outcome.summary is not None:
                summaries[outcome.summary.key] = outcome.summary
            if progress:
                progress("posts", done, total)
    relink(config, cache, found, summaries, workers, problems)
    cache.keep_summaries(summaries)
    keys.keep()
    return [summaries[task.key] for task in found if task.key in summaries], total


def _remake_body(paths: dict[str, str], key: str) -> None:
    """Render a post again whose body was lost from the cache (it is stored again)."""
    if key in paths:
        process_post(PostTask(paths[key], key, None))


def _import_page_machinery() -> None:
    """Import what planning and rendering pages needs (Jinja, feeds, the site plan)."""
    import blogbuild.pipeline.pages.workers
    import blogbuild.site.machine
    import blogbuild.site.plan  # noqa: F401


def _take_cached(
    task: PostTask,
    cache: BuildCache,
    config: Config,
    summaries: dict[str, PostSummary],
    problems: Problems,
) -> bool:
    """Put the cached summary of `task`'s post into `summaries`; False when there is none."""
    cached = cache.summary(task.key)
    if cached is None:
        return False
    summaries[task.key] = _refresh_date(cached, task.path, config)
    problems.extend(list(cached.warnings))
    return True


def _refresh_date(summary: PostSummary, path: str, config: Config) -> PostSummary:
    """Dates from git or the file's mtime can change while its bytes do not."""
    if summary.post.date_source not in ("git", "mtime"):
        return summary
    moment, source, _ = fallback_date(Path(path), config)
    return replace(summary, post=replace(summary.post, date=moment, date_source=source))
