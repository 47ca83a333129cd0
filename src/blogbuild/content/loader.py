"""Reading every post file under content/posts into validated `Post` objects."""

from __future__ import annotations

import hashlib
import os
import posixpath
import subprocess
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.content.dates import (
    date_from_file_name,
    file_name_date_fault,
    file_name_year_guessed,
    strip_date_prefix,
)
from blogbuild.content.discover import (
    DRAFTS_FOLDER,
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
    discover,
    is_bundle_index,
)
from blogbuild.content.frontmatter import (
    FrontMatterError,
    SplitSource,
    normalize_text,
    split_front_matter,
    without_front_matter,
)
from blogbuild.content.pagefiles import find_pages, page_bundles, warn_skipped
from blogbuild.content.patterns import PostFacts
from blogbuild.content.permalinks import page_folder, page_permalink, post_permalink
from blogbuild.content.plaintext import text_to_markdown
from blogbuild.content.postmeta import read_meta
from blogbuild.content.relurls import resolve_url
from blogbuild.content.slugs import fitted_slug, slugify, unsafe_slug_reason
from blogbuild.content.titles import find_title
from blogbuild.content.urlclaims import settle_urls
from blogbuild.errors import Problems
from blogbuild.model import DateSource, Post, SourceKind

__all__ = ["MARKDOWN_SUFFIXES", "TEXT_SUFFIXES", "LoadOptions", "LoadResult", "load_posts"]

# Said by `build` and reported by `check` alike: a file skipped is a post not published.
EMPTY_FILE = "the file is empty: skipped"


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """Which posts a build includes."""

    drafts: bool = False
    future: bool = False


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Posts ready to render, newest first, and what was left out and why."""

    posts: tuple[Post, ...]
    drafts_skipped: int
    future_skipped: int


def find_post_files(config: Config, problems: Problems) -> list[Path]:
    """Every post file under content/posts, sorted, then every page file; other files are
    reported, not ignored."""
    return [Path(name) for name in post_file_names(config, problems)]


def post_file_names(config: Config, problems: Problems) -> list[str]:
    """`find_post_files` as path strings: a large site has thousands, and pathlib is slow."""
    folders = post_folders(config)
    if not folders:
        wanted = config.layout.post_dirs[0]
        problems.error(wanted, None, f"no {wanted} folder: nothing to build")
        return []
    names: list[str] = []
    for folder in folders:
        found = discover(str(folder), config.root.resolve(), config.layout.post_suffixes)
        for name, why in found.skipped:
            problems.warning(relative_path(Path(name), config.root), None, why)
        names += found.posts
    pages = find_pages(config.root, config.layout)
    warn_skipped(pages, config.root, problems)
    return names + pages.pages


def post_folders(config: Config) -> list[Path]:
    """The site's folders of posts that exist: its posts folders, then its drafts folders."""
    layout = config.layout
    return [
        config.root / name
        for name in dict.fromkeys((*layout.post_dirs, *layout.drafts_dirs))
        if (config.root / name).is_dir()
    ]


def post_resources(config: Config) -> dict[str, list[tuple[str, Path]]]:
    """For each post (by its path as shown in messages) that has a bundle of files: each
    file's path inside the bundle and the file, to be copied beside the post's page."""
    resources: dict[str, list[tuple[str, Path]]] = {}
    for post, (bundle, files) in _bundles(config):
        if files:
            resources[relative_path(Path(post), config.root)] = [
                (os.path.relpath(name, bundle).replace(os.sep, "/"), Path(name)) for name in files
            ]
    return resources


def _bundles(config: Config) -> list[tuple[str, tuple[str, tuple[str, ...]]]]:
    root = config.root.resolve()
    return [
        item
        for folder in post_folders(config)
        for item in discover(str(folder), root, config.layout.post_suffixes).resources.items()
    ] + list(page_bundles(config.root, config.layout).items())


def load_posts(
    config: Config, options: LoadOptions, now: datetime, problems: Problems
) -> LoadResult:
    """Load all posts, collecting every problem; drafts and future posts are counted, not lost."""
    loaded = [load_post(path, config, problems) for path in find_post_files(config, problems)]
    posts = [post for post in loaded if post is not None]
    settled = settle_urls(posts, problems)
    posts = [replace(post, url=settled[post.source_path]) for post in posts]
    return select_posts(posts, options, now, problems)


def select_posts(
    loaded: list[Post], options: LoadOptions, now: datetime, problems: Problems
) -> LoadResult:
    """Count out drafts and future posts, sort newest first (URLs are settled: `settle_urls`)."""
    posts: list[Post] = []
    drafts = future = 0
    for post in loaded:
        if post.draft and not options.drafts:
            drafts += 1
        elif post.kind == "post" and post.date > now and not options.future:
            future += 1
        else:
            posts.append(post)
    if not any(post.kind == "post" for post in posts):
        problems.warning(
            "content/posts", None, "no posts to publish: the site is built without any"
        )
    posts.sort(key=lambda p: (p.date, p.slug), reverse=True)
    return LoadResult(tuple(posts), drafts, future)


def load_post(
    path: Path, config: Config, problems: Problems, url: str | None = None
) -> Post | None:
    """Read one file; on bad input record the problems and return None. `url`: the URL the
    post was given when another post has the one its permalink makes (`settle_urls`)."""
    rel = relative_path(path, config.root)
    data = path.read_bytes()
    try:
        text = normalize_text(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.error(rel, line, "the file is not UTF-8 text (save it as UTF-8)")
        return None
    if not text.strip():
        problems.warning(rel, None, EMPTY_FILE)
        return None
    return parse_post(rel, path, text, hashlib.sha256(data).hexdigest(), config, problems, url)


def parse_post(
    rel: str,
    path: Path,
    text: str,
    content_hash: str,
    config: Config,
    problems: Problems,
    url: str | None = None,
) -> Post | None:
    """Turn a file's text into a Post; the only I/O is the date fallback for undated posts."""
    recovered: SplitSource | None = None
    try:
        source = split_front_matter(text)
    except FrontMatterError as err:
        # Jekyll logs such a post and publishes it without its metadata; elsewhere the
        # author is asked to mend it
        recovered = without_front_matter(text) if config.layout.generator == "jekyll" else None
        if recovered is None:
            problems.error(rel, err.line, err.message)
            return None
        problems.warning(
            rel, err.line,
            f"{err.message}; published without its front matter, as Jekyll does, "
            "titled from its text or file name",
        )  # fmt: skip
        source = recovered
    for line, note in source.notes:
        problems.warning(rel, line, note)
    errors_before = len(problems.errors)
    meta = read_meta(source.meta, source.meta_lines, rel, config.tz, problems)
    kind: SourceKind = "page" if _is_page(rel, config) else "post"
    is_text = path.suffix.lower() in TEXT_SUFFIXES
    is_html = path.suffix.lower() in HTML_SUFFIXES
    body, body_line = source.body, source.body_line
    title = meta.title
    if title is None:
        found = find_title(body, body_line, is_text, path.stem, path.parent.name)
        title, body, body_line = found.title, found.body, found.body_line
        if found.source == "file name":
            why = f"no title in front matter or heading: using the file name: '{title}'"
        else:
            why = f"no title in front matter: using the {found.source} '{title}'"
        # said with the front matter's warning; a Jekyll or Hugo page without a title is
        # ordinary there (its layout names it)
        foreign_page = kind == "page" and config.layout.generator != "blogbuild"
        if recovered is None and not foreign_page:
            problems.warning(rel, found.where, why)
    if not body.strip():
        problems.warning(rel, None, "the post has no text: built as an empty post")
    text_body = body if is_text else None
    if is_text:
        body = text_to_markdown(body)
    date = meta.date
    date_source: DateSource = "front_matter"
    if date is None:
        date, date_source, why = fallback_date(path, config)
        # A Jekyll post is dated by its file name: that is the rule there, not a guess; a
        # page shows no date.
        quiet = kind == "page" or (
            date_source == "file_name" and config.layout.generator != "blogbuild"
        )
        if not quiet:
            problems.warning(rel, None, why)
    if date_source == "file_name" and file_name_year_guessed(path.name):
        problems.warning(rel, None, f"the file name's year has two digits: read as {date.year}")
    slug = _slug(meta.slug, path, title, rel, source.meta_lines.get("slug"), problems)
    if slug is None or len(problems.errors) > errors_before:
        return None
    in_drafts = DRAFTS_FOLDER in Path(rel).parts[:-1] or _in_any(rel, config.layout.drafts_dirs)
    categories = _place_categories(rel, config) + meta.categories
    categories = tuple(dict.fromkeys(categories))
    facts = _facts(rel, path, slug, title, date, categories, meta.slug, config)
    given = _given_url(meta.extra, config, kind)
    if url is None:
        if kind == "post":
            url = post_permalink(facts, config.layout, given)
        else:
            url = page_permalink(rel, facts, config.layout, given)
    # a bundle's `image: cover.png` is the file beside the post's page, wherever it is shown
    image = resolve_url(meta.image, rel, page_folder(url)) if meta.image else None
    return Post(
        source_path=rel,
        slug=slug,
        url=url,
        title=title,
        date=date,
        updated=meta.updated,
        categories=categories,
        tags=meta.tags,
        draft=meta.draft or in_drafts,
        description=meta.description,
        image=image,
        body=body,
        body_line=body_line,
        source_format="text" if is_text else "html" if is_html else "markdown",
        date_source=date_source,
        ai=meta.ai,
        check_ignore=meta.check_ignore,
        aliases=old_urls(meta.extra, url),
        extra=meta.extra,
        meta_lines=source.meta_lines,
        content_hash=content_hash,
        text_body=text_body,
        kind=kind,
    )


def _facts(
    rel: str, path: Path, slug: str, title: str, date: datetime,
    categories: tuple[str, ...], given_slug: str | None, config: Config,
) -> PostFacts:  # fmt: skip
    """What the site's permalink pattern may make a post's URL of."""
    layout = config.layout
    bundle = is_bundle_index(path.name)
    base_name = path.parent.name if bundle else path.stem
    under = rel
    for top in (layout.content_dir, *layout.post_dirs, *layout.page_dirs):
        if top and rel.startswith(top.rstrip("/") + "/"):
            under = rel[len(top.rstrip("/")) + 1 :]
            break
    folder = posixpath.dirname(posixpath.dirname(under) if bundle else under)
    if layout.generator == "jekyll":
        folder = ""
    return PostFacts(
        slug=slug,
        title=title,
        date=date,
        categories=categories,
        name=strip_date_prefix(base_name),
        base_name=base_name,
        folder=folder,
        given_slug=given_slug,
    )


def _given_url(extra: dict[str, object], config: Config, kind: str) -> str | None:
    """The post's own URL or URL pattern: Jekyll's (and blogbuild's) `permalink:`, Hugo's
    `url:`."""
    if config.layout.generator == "blogbuild" and kind == "post":
        return None  # posts brought from elsewhere keep /posts/<slug>/ (their old URLs redirect)
    key = "url" if config.layout.generator == "hugo" else "permalink"
    value = extra.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _place_categories(rel: str, config: Config) -> tuple[str, ...]:
    """Jekyll's categories by place: `ai/_posts/x.md` is in `ai`, before its own ones."""
    if config.layout.generator != "jekyll":
        return ()
    parts = rel.split("/")
    for marker in ("_posts", DRAFTS_FOLDER):
        if marker in parts[:-1]:
            return tuple(parts[: parts.index(marker)])
    return ()


def _is_page(rel: str, config: Config) -> bool:
    """A file outside the posts folders: a page that stands alone (about)."""
    return not _in_any(rel, (*config.layout.post_dirs, *config.layout.drafts_dirs))


def _in_any(rel: str, folders: tuple[str, ...]) -> bool:
    return any(rel.startswith(folder.rstrip("/") + "/") for folder in folders)


_ALIAS_KEYS = ("aliases", "redirect_from")  # Hugo's, jekyll-redirect-from's


def old_urls(extra: dict[str, object], url: str) -> tuple[str, ...]:
    """The URLs a post had before, from `aliases:` or `redirect_from:`, as site-root paths;
    a relative one is read from the folder the post's page is in, as a browser would."""
    found: list[str] = []
    for key in _ALIAS_KEYS:
        value = extra.get(key)
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for item in items:
            if isinstance(item, str) and item.strip():
                old = item.strip()
                if not old.startswith("/"):
                    old = page_folder(url) + old
                found.append(posixpath.normpath(old) + ("/" if old.endswith("/") else ""))
    return tuple(dict.fromkeys(found))


def fallback_date(path: Path, config: Config) -> tuple[datetime, DateSource, str]:
    """The date of an undated post, where it came from, and the warning that says so."""
    from_name = date_from_file_name(path.name, config.tz)
    if from_name is not None:
        return from_name, "file_name", "no date in front matter: using the file name's date"
    fault = file_name_date_fault(path.name)
    missing = (
        f"no date in front matter, and {fault}"
        if fault
        else ("no date in front matter or file name")
    )
    committed = _git_commit_date(path)
    if committed is not None:
        why = f"{missing}: using its last commit date, which the next edit will move; add `date:`"
        return committed.astimezone(config.tz), "git", why
    why = f"{missing}: using its modification time; add `date:`"
    return datetime.fromtimestamp(path.stat().st_mtime, config.tz), "mtime", why


def _git_commit_date(path: Path) -> datetime | None:
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%cI", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, timeout=10, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = done.stdout.strip()
    return datetime.fromisoformat(stamp) if done.returncode == 0 and stamp else None


def _slug(
    given: str | None, path: Path, title: str, rel: str, line: int | None, problems: Problems
) -> str | None:
    if given is not None:
        reason = unsafe_slug_reason(given)
        if reason:
            problems.error(rel, line, f"slug: {reason}")
            return None
        slug = slugify(given)
        if not slug:
            problems.error(rel, line, f"slug: '{given}' has no letters or digits to make a URL of")
            return None
    else:
        # the post of a page bundle (`x/index.md`) is named by its folder
        name = path.parent.name if is_bundle_index(path.name) else path.stem
        slug = slugify(strip_date_prefix(name)) or slugify(title)
        if not slug:
            problems.error(
                rel, None, "cannot make a URL slug from the file name or title: add `slug:`"
            )
            return None
    fitted, cut = fitted_slug(slug)
    if cut:
        problems.warning(
            rel, line, f"the URL slug is longer than a file name may be: shortened to '{fitted}'"
        )
    return fitted


def relative_path(path: Path, root: Path) -> str:
    """A path as shown in messages: relative to the site root when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
