"""The page stage behind page fingerprints: which pages and machine files changed, and
rendering just those in the workers (`workers.py`); the others are reused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from blogbuild.errors import Problems
from blogbuild.hashing import digest
from blogbuild.parallel import run_all
from blogbuild.pipeline.cache.fingerprint import page_fingerprint, reads_of
from blogbuild.pipeline.cache.store import BuildCache
from blogbuild.pipeline.output.staging import Sink
from blogbuild.pipeline.results import Plan, Progress, SiteOutput
from blogbuild.site.urls import output_file

if TYPE_CHECKING:
    from blogbuild.site.machine import MachineFile

HIGHLIGHT_CSS = "assets/css/highlight.css"


def pages_to_render(
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


def files_to_make(
    plan: Plan,
    output: SiteOutput,
    previous: dict[str, str],
    sink: Sink,
    highlight_css: bool,
    problems: Problems,
    replaced: frozenset[str] = frozenset(),
) -> list[MachineFile]:
    """The machine files whose fingerprints changed (or that have none); the others are
    reused. Those in `replaced` (a site's own robots.txt) are not made."""
    from blogbuild.site.hosting import hosting_files
    from blogbuild.site.machine import machine_files
    from blogbuild.site.redirects import redirect_files

    made = machine_files(plan.site, plan.machine, problems) + hosting_files(
        plan.config, plan.machine
    )
    pages = {output_file(page.url) for page in plan.site.pages}
    made += redirect_files(
        plan.config, (*plan.site.posts, *plan.site.page_views), pages, plan.machine, problems
    )
    if highlight_css:
        made.append(_highlight_css(plan.machine))
    pending = []
    for item in made:
        if item.rel in replaced:
            continue
        output.outputs.add(item.rel)
        if item.fingerprint:
            output.fingerprints[item.rel] = item.fingerprint
            if previous.get(item.rel) == item.fingerprint and sink.reuse(item.rel):
                continue
        pending.append(item)
    return pending


def make_outputs(
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
    from blogbuild.pipeline.pages.workers import OutputJob, make_output

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


def _highlight_css(machine: str) -> MachineFile:
    """The code highlighting stylesheet: it changes only with Pygments (and our code)."""
    import pygments

    from blogbuild.site.machine import MachineFile

    def make() -> bytes:
        from blogbuild.markup.highlight import highlight_css

        return highlight_css().encode("utf-8")

    fingerprint = digest(f"{machine}|{HIGHLIGHT_CSS}|pygments {pygments.__version__}")
    return MachineFile(HIGHLIGHT_CSS, fingerprint, make)


def remembered_dates(cache: BuildCache) -> int:
    """Give the templates the dates formatted by the last build; how many there are."""
    from blogbuild.content.i18n import DATES_MEMO, formatted_dates, remember_dates

    known = cache.memo.get(DATES_MEMO)
    if isinstance(known, dict):
        remember_dates(known)
    return len(formatted_dates())


def keep_dates(cache: BuildCache, known_before: int) -> None:
    """Keep the dates formatted by this build's pages (in this process) for the next one."""
    from blogbuild.content.i18n import DATES_MEMO, formatted_dates

    formatted = formatted_dates()
    if len(formatted) > known_before:
        cache.memo[DATES_MEMO] = dict(formatted)
