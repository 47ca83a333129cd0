"""Posts that want one URL: both are published, the later at a suffixed URL.

Jekyll and Hugo build two posts of one slug when their permalinks put the date in the URL;
with a pattern that does not, one generator silently overwrites the other's page. Here the
earlier post (by date, then path) keeps the URL and each later one gets `-2`, `-3`, … with
one warning naming them all, so no post is lost and the choice is the same every build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from blogbuild.content.permalinks import suffixed_url
from blogbuild.errors import Problems
from blogbuild.model import Post


def settle_urls(posts: Iterable[Post], problems: Problems) -> dict[str, str]:
    """Every post's URL by its source path, each URL given to one post only."""
    by_url: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        by_url[post.url].append(post)
    settled = {post.source_path: url for url, group in by_url.items() for post in group}
    taken = set(by_url)
    for url, group in sorted(by_url.items()):
        if len(group) < 2:
            continue
        group.sort(key=lambda p: (p.date, p.source_path))
        moved = []
        for post in group[1:]:
            number = 2
            while suffixed_url(url, number) in taken:
                number += 1
            new = suffixed_url(url, number)
            taken.add(new)
            settled[post.source_path] = new
            moved.append(f"{_place(post)} at {new}")
        first = group[0]
        problems.warning(
            first.source_path,
            first.meta_lines.get("slug"),
            f"{len(group)} posts want the URL {url}: {_place(first)} keeps it, "
            f"{', '.join(moved)}; give each its own `slug:` to choose",
        )
    return settled


def _place(post: Post) -> str:
    line = post.meta_lines.get("slug")
    return f"{post.source_path}:{line}" if line else post.source_path
