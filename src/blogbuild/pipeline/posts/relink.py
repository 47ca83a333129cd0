"""Links between posts (`post_url`, `link`, `ref`): rendered with the URLs the posts have.

A post is rendered before the others are read, with their URLs as last known (or as their
file names make them); each summary records the URL every named post got. Once all posts
are read and their URLs settled (two posts never share one), a post whose links were given
a URL that is not (or no longer) right, or whose own URL is not its permalink's, is rendered
again, under a key that covers those URLs, so the next build takes it from the cache.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial

from blogbuild.content.config import Config
from blogbuild.content.urlclaims import settle_urls
from blogbuild.errors import Problems
from blogbuild.markup.sitedata import PostUrls
from blogbuild.model import PostSummary
from blogbuild.parallel import STUCK_AFTER, run_all
from blogbuild.pipeline.cache.store import BuildCache
from blogbuild.pipeline.posts.sitemarkup import POST_URLS_MEMO, guessed_post_urls
from blogbuild.pipeline.posts.work import (
    PostTask,
    prepare_workers,
    process_post,
    relinked_key,
    task_file,
)


def prepare_first_pass(config: Config, cache: BuildCache, names: Sequence[str]) -> None:
    """Prepare the post workers with the post URLs as well as they are known before reading."""
    root = os.path.join(config.root, "")
    rels = [
        name[len(root) :].replace(os.sep, "/") if name.startswith(root) else name for name in names
    ]
    prepare_workers(config, cache, guessed_post_urls(rels, cache.memo.get(POST_URLS_MEMO)))


def relink(
    config: Config,
    cache: BuildCache,
    tasks: Sequence[PostTask],
    summaries: dict[str, PostSummary],
    workers: int,
    problems: Problems,
) -> None:
    """Render again the posts (in `summaries`, by file key) whose links to other posts were
    given URLs those posts do not have."""
    claims = Problems()  # kept apart: a post rendered again replaces its own warnings
    actual = PostUrls(settle_urls((s.post for s in summaries.values()), claims))
    if cache.memo.get(POST_URLS_MEMO) != actual.by_path:
        cache.memo[POST_URLS_MEMO] = dict(actual.by_path)
    stale = [
        (task.key, PostTask(task.path, _relinked(task.key, found, actual), task.key))
        for task in tasks
        if (found := summaries.get(task.key)) is not None and _outdated(found, actual)
    ]
    if stale:
        _render_again(config, cache, stale, actual, summaries, workers, problems)
    problems.extend(claims.items)


def _render_again(
    config: Config,
    cache: BuildCache,
    stale: list[tuple[str, PostTask]],
    actual: PostUrls,
    summaries: dict[str, PostSummary],
    workers: int,
    problems: Problems,
) -> None:
    prepare_workers(config, cache, actual, settled=True)
    again = [task for _, task in stale]
    for (key, task), outcome in zip(
        stale,
        run_all(process_post, again, workers, partial(task_file, config), STUCK_AFTER),
        strict=True,
    ):
        rel = summaries[key].post.source_path
        # The post's warnings of its first rendering are replaced by those of this one.
        problems.items[:] = [p for p in problems.items if p.path != rel]
        problems.extend(list(outcome.problems))
        if outcome.summary is not None:
            summaries[key] = outcome.summary
            cache.new_keys.update((key, task.key))


def _outdated(summary: PostSummary, urls: PostUrls) -> bool:
    if summary.post.url != urls.by_path[summary.post.source_path]:
        return True
    return any((urls.find(name) or "") != url for name, url in summary.references)


def _relinked(key: str, summary: PostSummary, urls: PostUrls) -> str:
    return relinked_key(key, summary.references, urls, urls.by_path[summary.post.source_path])
