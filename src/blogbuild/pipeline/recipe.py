"""The build recipe: gather and check everything first, then write dist/ in one swap.

Per-post work (parse, render, check) and page rendering run in forked workers; results are
cached by content hash, and a page whose fingerprint did not change is carried over from the
previous build instead of being rendered again.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from blogbuild.check.config import load_checked_config
from blogbuild.content.config import Config
from blogbuild.content.loader import LoadOptions, relative_path, select_posts
from blogbuild.content.sources import confined_files
from blogbuild.content.theme import theme_dir
from blogbuild.errors import BlogbuildError, BuildFailed, Problems
from blogbuild.hashing import digest, files_digest
from blogbuild.options import BuildOptions
from blogbuild.parallel import default_workers, in_background
from blogbuild.pipeline.cache.store import CACHE_DIR_NAME, BuildCache, code_version
from blogbuild.pipeline.output.staging import (
    MemorySink,
    Sink,
    Staging,
    check_output_folder,
    folder_contents,
    stamped_fingerprints,
    untouched_fingerprints,
)
from blogbuild.pipeline.pages.render import (
    HIGHLIGHT_CSS,
    files_to_make,
    keep_dates,
    make_outputs,
    pages_to_render,
    remembered_dates,
)
from blogbuild.pipeline.posts.summaries import post_summaries
from blogbuild.pipeline.results import BuildResult, Plan, Progress, SiteOutput
from blogbuild.signals import held
from blogbuild.site.icons import site_icons

# The page machinery (Jinja, feeds, the site plan) is imported once the post workers have
# started: they do not need it, and the parent imports it while they render.
if TYPE_CHECKING:
    from blogbuild.check import Finding


_LINKS_MEMO = "link-findings"  # the checker's (site digest, link findings by post key)


def plan_build(
    options: BuildOptions,
    now: datetime | None = None,
    progress: Progress | None = None,
    cache: BuildCache | None = None,
) -> Plan:
    """Load, render (or take from the cache) and plan every post; raise BuildFailed on problems.

    A long-lived process (serve) passes the same `cache` each time, keeping its index loaded.
    """
    config = load_checked_config(options.source, options.base_url)
    now = now or datetime.now(config.tz)
    cache = cache or BuildCache.for_site(options.source, options.use_cache)
    problems = Problems()
    problems.extend(list(config.notices))
    if cache.created and config.layout.generator != "blogbuild":
        _name_tracked_folders(options, problems)
    try:
        # Every problem of loading, slugs, dates and URLs is collected before any is
        # reported, so one run shows them all.
        summaries, rendered = post_summaries(config, cache, _workers(options), problems, progress)
        selected = select_posts(
            [s.post for s in summaries], _load_options(options, config), now, problems
        )
        from blogbuild.site.plan import plan_site

        by_path = {s.post.source_path: s for s in summaries}
        chosen = [by_path[post.source_path] for post in selected.posts]
        site = plan_site(config, chosen, now, problems, cache, cache.memo, _workers(options))
        problems.raise_if_errors()
    except BaseException:
        cache.abandon()
        raise
    shared, machine = _shared_digests(config)
    shared = digest(f"{shared}|{site.menu!r}")  # the header of every page shows the menu
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
        rendered,
    )


def _name_tracked_folders(options: BuildOptions, problems: Problems) -> None:
    """Once, on the first build in a Jekyll or Hugo site: the folders blogbuild writes there
    that its .gitignore does not leave out."""
    from blogbuild.content.foreign.ignored import not_ignored

    root = options.source.resolve()
    wanted = [CACHE_DIR_NAME]
    out = options.out_dir.resolve()
    if out.is_relative_to(root):
        wanted.append(out.relative_to(root).as_posix())
    tracked = not_ignored(root, wanted)
    if tracked:
        shown = " and ".join(f"{name}/" for name in tracked)
        problems.warning(
            ".gitignore", None, f"blogbuild writes {shown} here, which git would track: add "
            f"{'them' if len(tracked) > 1 else 'it'} to .gitignore",
        )  # fmt: skip


def _load_options(options: BuildOptions, config: Config) -> LoadOptions:
    """What the command line asks for, or the site's generator config publishes anyway."""
    layout = config.layout
    return LoadOptions(
        options.drafts or layout.publish_drafts, options.future or layout.publish_future
    )


def produce(
    plan: Plan, sink: Sink, previous: dict[str, str], workers: int, progress: Progress | None = None
) -> SiteOutput:
    """Put every page, machine file and asset into `sink`, rendering only what changed."""
    from blogbuild.content.staticfiles import site_copies, static_files
    from blogbuild.pipeline.output.assets import (
        REPLACEABLE,
        bundle_files,
        collect_assets,
        kept_copies,
        replaced_by_static,
        static_collisions,
    )
    from blogbuild.pipeline.pages.search import index_search
    from blogbuild.pipeline.pages.workers import prepare_pages
    from blogbuild.site.plan import site_terms_digest

    problems = Problems()
    output = SiteOutput(
        plan.config,
        plan.site,
        plan.summaries,
        plan.cache,
        warnings=list(plan.warnings),
        drafts_skipped=plan.drafts_skipped,
        future_skipped=plan.future_skipped,
        rendered_posts=plan.rendered_posts,
    )
    terms = site_terms_digest(plan.site)
    assets = collect_assets(plan.config, problems)
    assets.update(bundle_files(plan.config, (*plan.site.posts, *plan.site.page_views)))
    root_files = static_files(plan.config, problems)
    copies = site_copies(plan.config)
    for rel in REPLACEABLE:  # a Jekyll site's own robots.txt, as static/'s would
        if rel in copies and rel not in root_files:
            root_files[rel] = copies.pop(rel)
    replaced = replaced_by_static(plan.config, root_files, problems)
    pages = pages_to_render(plan, output, previous, sink, terms)
    # a site's own highlight.css wins over the generated one
    files = files_to_make(
        plan, output, previous, sink, HIGHLIGHT_CSS not in assets, problems, replaced
    )
    for rel in sorted(set(assets) & output.outputs):  # a bundle's own index.html, say
        shown = relative_path(assets.pop(rel), plan.config.root)
        problems.warning(shown, None, f"would replace the generated {rel}: not copied")
    static_collisions(plan.config, root_files, output.outputs, assets, problems)
    problems.raise_if_errors()
    assets.update(root_files)
    assets.update(kept_copies(copies, output.outputs | set(assets), problems))
    dates = remembered_dates(plan.cache)
    prepare_pages(plan.site, plan.shared, plan.cache.templates, files)
    make_outputs(plan, output, sink, pages, files, terms, workers, problems, progress)
    output.rendered_pages = len(pages)
    index_search(plan, output, sink, previous, problems)
    problems.raise_if_errors()
    keep_dates(plan.cache, dates)
    for rel, source in assets.items():
        sink.copy(rel, source)
        output.outputs.add(rel)
    output.files = assets
    output.warnings += problems.warnings
    if isinstance(sink, MemorySink):
        output.pages = sink.pages
    return output


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
    # Only the manifest in the folder itself says blogbuild wrote it: the cache remembers a
    # path, and a folder deleted and made anew there holds someone else's files.
    force = options.force
    try:
        check_output_folder(out, options.source, force)
        refused = None
    except BlogbuildError as error:  # reported with every problem of the sources
        refused = error.problem
    # The output folder is looked at by another core while this one plans.
    with in_background(folder_contents, out, _workers(options)) as contents:
        try:
            plan = plan_build(options, progress=progress)
        except BuildFailed as failed:
            if refused is None:
                raise
            raise BuildFailed([refused, *failed.problems]) from None
        if refused is not None:
            plan.cache.abandon()
            raise BuildFailed([refused])
        try:
            staging = Staging(out, contents(), force=force, spare=_spare_tree(options))
        except BaseException:
            plan.cache.abandon()
            raise
    try:
        previous = untouched_fingerprints(staging.before, plan.cache.page_fingerprints(out))
        output = produce(plan, staging, previous, _workers(options), progress)
        output.findings = check_output(output)
    except BaseException:
        staging.abort()
        plan.cache.abandon()
        raise
    with held():
        try:
            listing = staging.commit()
        except BaseException:
            staging.abort()
            plan.cache.abandon()
            raise
        plan.cache.keep_page_fingerprints(out, stamped_fingerprints(listing, output.fingerprints))
        plan.cache.save({s.key for s in plan.summaries})
    seconds = time.perf_counter() - started
    return BuildResult(output, staging.report, seconds, out, listing, tuple(staging.notes))


def _spare_tree(options: BuildOptions) -> Path | None:
    """Where the tree a build replaces waits to become the next build's (see NewTree)."""
    if not options.use_cache:
        return None
    name = digest(str(options.out_dir.resolve()))[:16]
    return options.source / CACHE_DIR_NAME / "spare-output" / name


def check_output(output: SiteOutput, external: bool = False) -> list[Finding]:
    """Every `blogbuild check` finding for a finished site; link findings are remembered."""
    from blogbuild.check.config import check_settings
    from blogbuild.check.site import SiteToCheck, check_site

    shown = {view.key for view in (*output.site.posts, *output.site.page_views)}
    site = SiteToCheck(
        check_settings(output.config),
        output.config.base_path,
        [s for s in output.summaries if s.key in shown],
        frozenset(output.outputs),
        tuple(output.warnings),
    )
    checked = check_site(site, output.cache.memo.get(_LINKS_MEMO), external)
    if checked.remember is not None:
        output.cache.memo[_LINKS_MEMO] = checked.remember
    return checked.findings


def _shared_digests(config: Config) -> tuple[str, str]:
    """What every page depends on (code, config, templates), and every machine file (no
    templates: feeds and Markdown copies do not change when the theme does)."""
    templates = [
        p
        for folder, root in (
            (config.root / "templates", config.root.resolve()),
            (theme_dir() / "templates", theme_dir().resolve()),
        )
        if folder.is_dir()
        for p in confined_files(folder, root)
    ]
    config_text = repr(
        sorted((k, repr(getattr(config, k))) for k in config.__dataclass_fields__ if k != "root")
    )
    machine = digest(f"{code_version()}|{config_text}")
    # the head of every page links to the site's own favicons in static/, if it has any
    icons = repr(site_icons(config))
    return digest(f"{machine}|{files_digest(templates)}|{icons}"), machine


def _workers(options: BuildOptions) -> int:
    return options.workers or default_workers()
