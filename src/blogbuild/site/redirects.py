"""Old URLs that keep working: a post's `aliases:` (Hugo) or `redirect_from:` (Jekyll).

Each old URL gets a tiny page that sends the reader on (`<meta http-equiv="refresh">`, a
canonical link for search engines, a visible link for everyone else), as Hugo's alias pages
and jekyll-redirect-from do; `_redirects` says the same to hosts that read it (Netlify,
Cloudflare Pages) so they answer with a real 301. Redirect pages stay out of the sitemap:
the machine files are not pages.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

from blogbuild.content.config import Config
from blogbuild.errors import Problems
from blogbuild.hashing import digest
from blogbuild.site.machine import MachineFile
from blogbuild.site.urls import absolute, output_file
from blogbuild.site.views import PostView

REDIRECTS_FILE = "_redirects"


def redirect_files(
    config: Config,
    posts: Sequence[PostView],
    taken: Collection[str],
    shared: str,
    problems: Problems,
) -> list[MachineFile]:
    """A redirect page for every old URL of a post, and `_redirects` listing them all.

    `taken`: the output files of the site's own pages, which an old URL never replaces.
    """
    chosen: dict[str, tuple[str, PostView]] = {}  # output file -> (old URL, its post)
    for post in sorted(posts, key=lambda p: (p.date, p.source_path)):
        if post.draft or post.future:
            continue
        for old in post.aliases:
            rel = output_file(old)
            if old == post.url:
                continue  # Hugo writes no page for an alias that is the post's own URL
            if rel in taken:
                problems.warning(
                    post.source_path, None,
                    f"old URL {old} is a page of the site: no redirect made for it",
                )  # fmt: skip
            elif rel in chosen:
                first = chosen[rel][1]
                problems.warning(
                    post.source_path, None,
                    f"old URL {old} is also an old URL of {first.source_path}, which keeps it",
                )  # fmt: skip
            else:
                chosen[rel] = (old, post)
    files = [
        MachineFile(
            rel,
            digest(f"{shared}|redirect|{old}|{post.url}|{post.title}"),
            lambda post=post: redirect_page(config, post),  # type: ignore[misc]
        )
        for rel, (old, post) in sorted(chosen.items())
    ]
    rules = sorted((old, post.url) for old, post in chosen.values())
    if rules:
        text = "".join(
            f"{absolute(old, config.base_path)} {absolute(new, config.base_path)} 301\n"
            for old, new in rules
        ).encode()
        files.append(
            MachineFile(
                REDIRECTS_FILE, digest(f"{shared}|{REDIRECTS_FILE}|{rules!r}"), lambda: text
            )
        )
    return files


def redirect_page(config: Config, post: PostView) -> bytes:
    """The page at an old URL: where the post is now, for browsers, crawlers and readers."""
    target = escape(absolute(post.url, config.base_path), quote=True)
    canonical = escape(absolute(post.url, config.public_base), quote=True)
    title = escape(post.title)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{config.language}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n"
        f'<body><p><a href="{target}">{title}</a></p></body>\n'
        "</html>\n"
    ).encode()
