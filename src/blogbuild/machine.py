"""Outputs read by machines: Atom feeds, sitemap, robots.txt, llms.txt and Markdown copies."""

from __future__ import annotations

from datetime import datetime

from blogbuild.errors import Problems
from blogbuild.feeds import FEED_URL, atom_feed, category_feed_url, entry_updated
from blogbuild.llms import LLMS_URL, llms_txt, markdown_copy, markdown_url
from blogbuild.site import Site
from blogbuild.sitemap import SITEMAP_URL, robots_txt, sitemap_xml
from blogbuild.urls import output_file
from blogbuild.views import Page, PostView

NOT_IN_SITEMAP = frozenset({"/404.html"})


def machine_outputs(site: Site, problems: Problems) -> dict[str, bytes]:
    """Every machine-readable file of the site, by output path; drafts and future posts stay out."""
    config = site.config
    if not config.absolute_base:
        problems.warning(
            "blogbuild.yaml", None,
            "base_url has no host: feeds, sitemap and llms.txt use relative links; "
            "set base_url to the address the site is published at",
        )  # fmt: skip
    public = [post for post in site.posts if not post.draft and not post.future]
    language = config.language
    outputs = {
        output_file(FEED_URL): atom_feed(
            config, public, feed_url=FEED_URL, page_url="/", title=config.title, language=language
        ),
        output_file(SITEMAP_URL): sitemap_xml(config, _sitemap_entries(site.pages)),
        "robots.txt": robots_txt(config),
        output_file(LLMS_URL): llms_txt(config, public),
    }
    for term in site.categories.terms:
        posts = [p for p in site.categories.posts[term.slug] if not p.draft and not p.future]
        outputs[output_file(category_feed_url(term))] = atom_feed(
            config, posts, feed_url=category_feed_url(term), page_url=term.url,
            title=f"{config.title} — {term.name}", language=language,
        )  # fmt: skip
    for post in site.posts:
        outputs[output_file(markdown_url(post))] = markdown_copy(post, post.markdown, config)
    return outputs


def _sitemap_entries(pages: tuple[Page, ...]) -> list[tuple[str, datetime | None]]:
    entries: list[tuple[str, datetime | None]] = []
    for page in pages:
        if page.url in NOT_IN_SITEMAP:
            continue
        post = page.context.get("post")
        posts = page.context.get("posts", ())
        if isinstance(post, PostView):
            if post.draft or post.future:
                continue
            entries.append((page.url, entry_updated(post)))
        else:
            dates = [entry_updated(p) for p in posts if isinstance(p, PostView)]
            entries.append((page.url, max(dates) if dates else None))
    return entries
