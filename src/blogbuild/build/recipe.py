"""The build recipe: gather and check everything first, then write dist/ in one swap.

Per-post work (parse, render, check) and page rendering run in forked workers; results are
cached by content hash, and a page whose fingerprint did not change is carried over from the
previous build instead of being rendered again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from blogbuild.build.cache import BuildCache, code_version
from blogbuild.build.fingerprint import page_fingerprint, reads_of
from blogbuild.build.output import (
    MemorySink,
    Sink,
    Staging,
    check_output_folder,
    folder_contents,
    stamped_fingerprints,
    untouched_fingerprints,
)
from blogbuild.build.postkeys import PostKeys
from blogbuild.build.postwork import PostTask, process_post
from blogbuild.build.relink import prepare_first_pass, relink
from blogbuild.build.results import BuildResult, SiteOutput
from blogbuild.content.config import Config, load_config
from blogbuild.content.loader import (
    LoadOptions,
    fallback_date,
    post_file_names,
    select_posts,
)
from blogbuild.errors import Problem, Problems
from blogbuild.hashing import digest, files_digest
from blogbuild.model import PostSummary
from blogbuild.options import BuildOptions
from blogbuild.parallel import default_workers, in_background, run_all, started
from blogbuild.site.theme import theme_dir
from blogbuild.site.urls import output_file

# The page machinery (Jinja, feeds, the site plan) is imported once the post workers have
# started: they do not need it, and the parent imports it while they render.
if TYPE_CHECKING:
    from blogbuild.check import Finding
    from blogbuild.site.machine import MachineFile
    from blogbuild.site.plan import Site

HIGHLIGHT_CSS = "assets/css/highlight.css"
Progress = Callable[[str, int, int], None]  # stage, done, total


@dataclass(slots=True)
class Plan:
    """Everything known before any page is rendered."""

    config: Config
    cache: BuildCache
    site: Site
    summaries: list[PostSummary]
    shared: str  # digest of templates, config and code: part of every page fingerprint
    machine: str  # the same without templates, for feeds and Markdown copies
    warnings: list[Problem]
    drafts_skipped: int
    future_skipped: int


def plan_build(
    options: BuildOptions,
    now: datetime | None = None,
    progress: Progress | None = None,
    cache: BuildCache | None = None,
) -> Plan:
    """Load, render (or take from the cache) and plan every post; raise BuildFailed on problems.

    A long-lived process (serve) passes the same `cache` each time, keeping its index loaded.
    """
    config = load_config(options.source, options.base_url)
    now = now or datetime.now(config.tz)
    cache = cache or BuildCache.for_site(options.source, options.use_cache)
    problems = Problems()
    try:
        summaries = _summaries(config, cache, _workers(options), problems, progress)
        problems.raise_if_errors()
        selected = select_posts(
            [s.post for s in summaries], LoadOptions(options.drafts, options.future), now, problems
        )
        problems.raise_if_errors()
        from blogbuild.site.plan import plan_site

        by_path = {s.post.source_path: s for s in summaries}
        chosen = [by_path[post.source_path] for post in selected.posts]
        site = plan_site(config, chosen, now, problems, cache, cache.memo, _workers(options))
        problems.raise_if_errors()
    except BaseException:
        cache.abandon()
        raise
    shared, machine = _shared_digests(config)
    return Plan(
        config,
        cache,
        site,
        summaries,
        shared,
        machine,
        problems.warnings,
        selected.drafts_skipped,
        selected.future_skipped,
    )


def produce(
    plan: Plan, sink: Sink, previous: dict[str, str], workers: int, progress: Progress | None = None
) -> SiteOutput:
    """Put every page, machine file and asset into `sink`, rendering only what changed."""
    from blogbuild.build.assets import collect_assets
    from blogbuild.build.pagework import prepare_pages

    problems = Problems()
    output = SiteOutput(
        plan.config,
        plan.site,
        plan.summaries,
        plan.cache,
        warnings=list(plan.warnings),
        drafts_skipped=plan.drafts_skipped,
        future_skipped=plan.future_skipped,
    )
    from blogbuild.site.plan import site_terms_digest

    terms = site_terms_digest(plan.site)
    assets = collect_assets(plan.config)
    pages = _pages_to_render(plan, output, previous, sink, terms)
    # a site's own highlight.css wins over the generated one
    files = _files_to_make(plan, output, previous, sink, HIGHLIGHT_CSS not in assets, problems)
    dates = _remembered_dates(plan.cache)
    prepare_pages(plan.site, plan.shared, plan.cache.templates, files)
    _make_outputs(plan, output, sink, pages, files, terms, workers, problems, progress)
    output.rendered_pages = len(pages)
    problems.raise_if_errors()
    _keep_dates(plan.cache, dates)
    for rel, source in assets.items():
        sink.copy(rel, source)
        output.outputs.add(rel)
    output.files = assets
    output.warnings += problems.warnings
    if isinstance(sink, MemorySink):
        output.pages = sink.pages
    return output


def _pages_to_render(
    plan: Plan, output: SiteOutput, previous: dict[str, str], sink: Sink, terms: str
) -> list[int]:
    """The indexes of the pages whose fingerprints changed; the others are reused."""
    pending = []
    for index, page in enumerate(plan.site.pages):
        rel = output_file(page.url)
        output.outputs.add(rel)
        stored = previous.get(rel)
        if stored is not None:
            # Compared as the last render read the page: only what it read counts.
            fingerprint = page_fingerprint(page, plan.shared, reads_of(stored), terms)
            if fingerprint == stored and sink.reuse(rel):
                output.fingerprints[rel] = fingerprint
                continue
        pending.append(index)
    return pending


def _files_to_make(
    plan: Plan,
    output: SiteOutput,
    previous: dict[str, str],
    sink: Sink,
    highlight_css: bool,
    problems: Problems,
) -> list[MachineFile]:
    """The machine files whose fingerprints changed (or that have none); the others are
    reused."""
    from blogbuild.site.machine import machine_files

    made = machine_files(plan.site, plan.machine, problems)
    if highlight_css:
        made.append(_highlight_css(plan.machine))
    pending = []
    for item in made:
        output.outputs.add(item.rel)
        if item.fingerprint:
            output.fingerprints[item.rel] = item.fingerprint
            if previous.get(item.rel) == item.fingerprint and sink.reuse(item.rel):
                continue
        pending.append(item)
    return pending


def _make_outputs(
    plan: Plan,
    output: SiteOutput,
    sink: Sink,
    pages: list[int],
    files: list[MachineFile],
    terms: str,
    workers: int,
    problems: Problems,
    progress: Progress | None,
) -> None:
    """Render `pages` and make `files` (as given to prepare_pages) into `sink`.

    One pool for both, in output path order: a post's page and its Markdown copy come
    together, and the worker that has the post's body loaded makes both.
    """
    from blogbuild.build.pagework import OutputJob, make_output

    jobs: list[tuple[str, OutputJob]] = [
        (output_file(plan.site.pages[index].url), ("page", index)) for index in pages
    ]
    jobs += [(item.rel, ("file", index)) for index, item in enumerate(files)]
    jobs.sort()
    seen: set[str] = set()
    results = run_all(make_output, [job for _, job in jobs], workers)
    for done, ((rel, job), (data, reads, job_problems)) in enumerate(
        zip(jobs, results, strict=True), 1
    ):
        for problem in job_problems:
            if str(problem) not in seen:
                seen.add(str(problem))
                problems.add(problem)
        if data is not None:
            sink.put(rel, data)
        if reads is not None:  # a page: its fingerprint follows what its templates read
            page = plan.site.pages[job[1]]
            output.fingerprints[rel] = page_fingerprint(page, plan.shared, reads, terms)
        if progress:
            progress("pages", done, len(jobs))


def assemble_site(
    options: BuildOptions,
    now: datetime | None = None,
    *,
    external: bool = False,
    previous: SiteOutput | None = None,
    cache: BuildCache | None = None,
    save: bool = True,
) -> SiteOutput:
    """The whole site in memory, with its check findings (previews, checks); nothing is written.

    With `previous`, pages whose fingerprints did not change are taken from it, not rendered;
    with `save=False` the caller saves `output.cache` when it suits it.
    """
    plan = plan_build(options, now, cache=cache)
    try:
        if previous is None:
            output = produce(plan, MemorySink(), {}, _workers(options))
        else:
            sink = MemorySink(previous.pages)
            output = produce(plan, sink, previous.fingerprints, _workers(options))
        output.findings = check_output(output, external)
    except BaseException:
        plan.cache.abandon()
        raise
    if save:
        plan.cache.save({s.key for s in plan.summaries})
    return output


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the site into its output folder; on any problem the old folder is left as it was."""
    started = time.perf_counter()
    out = options.out_dir
    check_output_folder(out, options.source)
    # The output folder is looked at by another core while this one plans.
    with in_background(folder_contents, out, _workers(options)) as contents:
        plan = plan_build(options, progress=progress)
        staging = Staging(out, contents())
    try:
        previous = untouched_fingerprints(staging.before, plan.cache.page_fingerprints(out))
        output = produce(plan, staging, previous, _workers(options), progress)
        output.findings = check_output(output)
        listing = staging.commit()
    except BaseException:
        staging.abort()
        plan.cache.abandon()
        raise
    plan.cache.keep_page_fingerprints(out, stamped_fingerprints(listing, output.fingerprints))
    plan.cache.save({s.key for s in plan.summaries})
    return BuildResult(output, staging.report, time.perf_counter() - started, out, listing)


def _highlight_css(machine: str) -> MachineFile:
    """The code highlighting stylesheet: it changes only with Pygments (and our code)."""
    import pygments

    from blogbuild.site.machine import MachineFile

    def make() -> bytes:
        from blogbuild.markup.highlight import highlight_css

        return highlight_css().encode("utf-8")

    fingerprint = digest(f"{machine}|{HIGHLIGHT_CSS}|pygments {pygments.__version__}")
    return MachineFile(HIGHLIGHT_CSS, fingerprint, make)


def check_output(output: SiteOutput, external: bool = False) -> list[Finding]:
    """Every `blogbuild check` finding for a finished site."""
    from blogbuild.check.site import check_site

    return check_site(output, external)


def _summaries(
    config: Config, cache: BuildCache, workers: int, problems: Problems, progress: Progress | None
) -> list[PostSummary]:
    """A summary of every post file: from the cache when its bytes are known, else processed.

    Changed posts go to workers first; the cached summaries are decoded while they work.
    """
    found: list[PostTask] = []
    keys = PostKeys(config, cache)
    for name in post_file_names(config, problems):
        key, previous = keys.key(name)
        found.append(PostTask(name, key, previous))
    tasks = [task for task in found if not cache.has_summary(task.key)]
    prepare_first_pass(config, cache, [task.path for task in found])
    summaries: dict[str, PostSummary] = {}
    with started(process_post, tasks, workers) as outcomes:
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
    return [summaries[task.key] for task in found if task.key in summaries]


def _import_page_machinery() -> None:
    """Import what planning and rendering pages needs (Jinja, feeds, the site plan)."""
    import blogbuild.build.pagework
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


def _remembered_dates(cache: BuildCache) -> int:
    """Give the templates the dates formatted by the last build; how many there are."""
    from blogbuild.site.i18n import DATES_MEMO, formatted_dates, remember_dates

    known = cache.memo.get(DATES_MEMO)
    if isinstance(known, dict):
        remember_dates(known)
    return len(formatted_dates())


def _keep_dates(cache: BuildCache, known_before: int) -> None:
    """Keep the dates formatted by this build's pages (in this process) for the next one."""
    from blogbuild.site.i18n import DATES_MEMO, formatted_dates

    formatted = formatted_dates()
    if len(formatted) > known_before:
        cache.memo[DATES_MEMO] = dict(formatted)


def _refresh_date(summary: PostSummary, path: str, config: Config) -> PostSummary:
    """Dates from git or the file's mtime can change while its bytes do not."""
    if summary.post.date_source not in ("git", "mtime"):
        return summary
    from dataclasses import replace

    moment, source, _ = fallback_date(Path(path), config)
    return replace(summary, post=replace(summary.post, date=moment, date_source=source))


def _shared_digests(config: Config) -> tuple[str, str]:
    """What every page depends on (code, config, templates), and every machine file (no
    templates: feeds and Markdown copies do not change when the theme does)."""
    templates = [
        p
        for folder in (config.root / "templates", theme_dir() / "templates")
        if folder.is_dir()
        for p in folder.rglob("*")
        if p.is_file()
    ]
    config_text = repr(
        sorted((k, repr(getattr(config, k))) for k in config.__dataclass_fields__ if k != "root")
    )
    machine = digest(f"{code_version()}|{config_text}")
    return digest(f"{machine}|{files_digest(templates)}"), machine


def _workers(options: BuildOptions) -> int:
    return options.workers or default_workers()
