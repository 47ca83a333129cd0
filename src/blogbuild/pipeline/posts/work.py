"""The work done for each post, in a worker process: load, render, check, summarise, cache."""

from __future__ import annotations

import hashlib
import re
import traceback
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from blogbuild.budget import POST_SECONDS, OverBudget, time_limit
from blogbuild.content.config import Config
from blogbuild.content.loader import load_post, relative_path
from blogbuild.content.text import find_words
from blogbuild.errors import BlogbuildError, Problem, Problems
from blogbuild.hashing import digest, value_digest
from blogbuild.markup.sitedata import PostUrls, SiteData
from blogbuild.model import PostSummary, References, RenderedPost
from blogbuild.pipeline.cache.store import BuildCache, code_version
from blogbuild.pipeline.posts.sitemarkup import markup_site, template_inputs
from blogbuild.site.related import KEY_TERMS

_MIN_WORD = 4
_WORD = re.compile(rf"[^\W\d_]{{{_MIN_WORD},}}")
# Literal first, so the regex engine skips ahead to each "id="; the whitespace before it
# is checked after (element_ids).
_ID_ATTRIBUTE = re.compile(r"""id=["']([^"']+)["']""")


@dataclass(frozen=True, slots=True)
class PostTask:
    """One post file to process, with the cache key of its bytes."""

    path: str  # a string: pathlib is slow by the thousand
    key: str
    previous: str | None = None  # the key of the file's last version, when it had one


@dataclass(frozen=True, slots=True)
class PostOutcome:
    """A summary when the post is fine, and the problems met either way."""

    summary: PostSummary | None
    problems: tuple[Problem, ...]


@dataclass(slots=True)
class _WorkerState:
    config: Config
    cache: BuildCache
    site: SiteData
    seconds: float | None = POST_SECONDS  # what one post may cost
    renderer: object | None = None
    # Each post's URL once all are read (`settle_urls`); before that, its permalink's.
    own_urls: Mapping[str, str] = field(default_factory=dict)


_STATE: _WorkerState | None = None


def key_settings(config: Config) -> str:
    """The settings a rendered post depends on besides its file (for a post with Liquid or
    shortcodes, also what those read: `template_inputs`)."""
    return f"{_base_settings(config)}|{template_inputs(config)}"


def _base_settings(config: Config) -> str:
    """The settings every rendered post depends on (callout titles follow the language; the
    URL, and so where its relative links lead, follows the permalink patterns)."""
    layout = config.layout
    permalinks = (layout.generator, layout.permalink, sorted(layout.section_permalinks.items()))
    return f"{config.timezone}|{config.trusted_html}|{config.language}|{permalinks!r}"


def post_key(rel: str, data: bytes, config: Config) -> str:
    """What a rendered post depends on: its path and bytes, the render settings and our code.

    Site values and shortcode templates count only for posts that can read them, so
    changing the site's title or a shortcode re-renders those posts alone.
    """
    settings = _base_settings(config)
    if b"{{" in data or b"{%" in data:
        settings = key_settings(config)
    digest = hashlib.sha256()
    for part in (code_version(), rel, settings):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()[:32]


def relinked_key(key: str, references: References, urls: PostUrls, own_url: str) -> str:
    """The key of a post rendered again because posts it links to have other URLs now, or
    because it has another URL than its permalink's (another post has that one)."""
    resolved = [(name, urls.find(name) or "") for name, _ in references]
    return digest(f"{key}|{resolved!r}|{own_url}")[:32]


def prepare_workers(
    config: Config,
    cache: BuildCache,
    post_urls: PostUrls,
    seconds: float | None = POST_SECONDS,
    settled: bool = False,
) -> None:
    """Set what forked workers read (`post_urls`: where the posts are, as far as known);
    call before starting them. `seconds`: what one post may take before it is stopped and
    reported (None: no limit). `settled`: `post_urls` are final, each post takes its own."""
    global _STATE
    own = post_urls.by_path if settled else {}
    _STATE = _WorkerState(config, cache, markup_site(config, post_urls), seconds, own_urls=own)


def task_file(config: Config, task: PostTask) -> str:
    """The post file of `task` as problems name it: relative to the site."""
    return relative_path(Path(task.path), config.root)


def process_post(task: PostTask) -> PostOutcome:
    """Load, render and check one post, store its body in the cache and return its summary;
    a post that takes longer than its time limit is stopped and reported as a problem."""
    assert _STATE is not None, "prepare_workers() was not called"
    rel = task_file(_STATE.config, task)
    try:
        with time_limit(_STATE.seconds):
            return work_on_post(task)
    except OverBudget as over:
        return PostOutcome(None, (over_budget_problem(rel, over),))
    except Exception as error:  # a bug met on this post: name the post, lose no other
        return PostOutcome(None, (unexpected_problem(rel, error),))


def over_budget_problem(rel: str, over: OverBudget) -> Problem:
    """The error for a post stopped at its time limit."""
    message = (
        f"stopped after {over.seconds:g} s while {over.stage()}: this post is too slow to "
        "build (look for a very long line, deep nesting or thousands of unclosed brackets)"
    )
    return Problem(rel, None, message)


def unexpected_problem(rel: str, error: Exception) -> Problem:
    """The error for a post whose processing raised what no stage expected."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return Problem(
        rel,
        None,
        f"unexpected error while processing this post: {type(error).__name__}: "
        f"{str(error)[:300]}{where}; this is a bug in blogbuild, please report it with the post",
    )


def work_on_post(task: PostTask) -> PostOutcome:
    """What process_post does, without the time limit (the fuzz tests call it to see
    exceptions as they are)."""
    from blogbuild.check import check_post  # imported here: only workers with work need it
    from blogbuild.check.document import document_for
    from blogbuild.check.rules.links import locate_links
    from blogbuild.markup.markdown import MarkdownRenderer
    from blogbuild.markup.render import render_post

    assert _STATE is not None, "prepare_workers() was not called"
    problems = Problems()
    rel = task_file(_STATE.config, task)
    post = load_post(Path(task.path), _STATE.config, problems, _STATE.own_urls.get(rel))
    if post is None:
        return PostOutcome(None, tuple(problems.items))
    if _STATE.renderer is None:
        _STATE.renderer = MarkdownRenderer(
            trusted_html=_STATE.config.trusted_html, language=_STATE.config.language
        )
    assert isinstance(_STATE.renderer, MarkdownRenderer)
    earlier = _STATE.cache.load_body(task.previous) if task.previous else None
    known_code = earlier.code_html if earlier else ()
    try:
        rendered = render_post(post, _STATE.renderer, known_code, _STATE.site, problems)
    except BlogbuildError as error:
        problems.add(error.problem)
        return PostOutcome(None, tuple(problems.items))
    # The plain text is read only here, for key terms: the cache is spared its weight.
    _STATE.cache.store_body(task.key, replace(rendered, plain_text=""))
    # The checker reads the renderer's block tokens, when they are its own, not a new parse.
    document = document_for(post, _STATE.renderer.last_blocks)
    findings = tuple(check_post(post))
    links = locate_links(document, rendered.html, sanitized=not _STATE.config.trusted_html)
    summary = summarize(task.key, rendered, findings, links, tuple(problems.warnings))
    return PostOutcome(summary, tuple(problems.items))


def summarize(
    key: str,
    rendered: RenderedPost,
    findings: tuple[object, ...],
    links: tuple[object, ...],
    warnings: tuple[Problem, ...],
) -> PostSummary:
    """The light part of a rendered post that the parent keeps for planning."""
    words = _word_counts(rendered.plain_text)
    top = sorted(words.items(), key=lambda item: (-item[1], item[0]))[:KEY_TERMS]
    post = replace(rendered.post, body="", text_body=None)
    # All a template can show of the post but its body and word count (views.BODY_READS).
    shown_in_lists = (
        replace(post, content_hash=""), rendered.excerpt_html, rendered.excerpt_text,
        rendered.reading_minutes,
    )  # fmt: skip
    return PostSummary(
        key=key,
        listing_key=value_digest(shown_in_lists),
        post=post,
        excerpt_html=rendered.excerpt_html,
        excerpt_text=rendered.excerpt_text,
        word_count=rendered.word_count,
        reading_minutes=rendered.reading_minutes,
        key_terms=tuple(word for word, _ in top),
        element_ids="\n".join(sorted(set(element_ids(rendered.html)))),
        findings=findings,
        links=links,
        warnings=warnings,
        references=rendered.references,
    )


def element_ids(html: str) -> list[str]:
    """The value of every `id` attribute in `html`, in order."""
    return [
        match.group(1)
        for match in _ID_ATTRIBUTE.finditer(html)
        if match.start() and html[match.start() - 1].isspace()
    ]


def _word_counts(text: str) -> Counter[str]:
    """How often each word of four letters or more occurs, in lower case."""
    lowered = text.lower()
    # Lower-casing keeps letters letters (checked over all of Unicode); unless a letter
    # grows ('İ') or depends on its neighbours ('Σ'), the words of the lowered text are
    # then the lowered words, found in one pass without lowering each.
    if len(lowered) == len(text) and "Σ" not in text:
        return Counter(_words(lowered))
    return Counter(word.lower() for word in _words(text))


def _words(text: str) -> list[str]:
    """What `_WORD.findall(text)` gives (see find_words): every run of letters is a word of
    the pattern but for its length, checked after."""
    return [word for word in find_words(text, _WORD, str.isalpha) if len(word) >= _MIN_WORD]
