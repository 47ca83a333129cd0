"""Rendering pages in worker processes: the plan is inherited, only bytes come back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blogbuild.content.config import Config
from blogbuild.errors import Problem, Problems
from blogbuild.hashing import digest
from blogbuild.site.plan import Site
from blogbuild.site.templates import (
    RecordingEnvironment,
    make_environment,
    render_page,
    shared_context,
)
from blogbuild.site.views import TemplateReads

if TYPE_CHECKING:
    from blogbuild.site.machine import MachineFile


@dataclass(slots=True)
class _PageState:
    site: Site
    templates: str
    compiled: Path | None
    files: Sequence[MachineFile] = ()
    env: Any = None
    shared: dict[str, Any] = field(default_factory=dict)


_STATE: _PageState | None = None
_ENVIRONMENTS: dict[tuple[str, str], RecordingEnvironment] = {}


def prepare_pages(
    site: Site, templates: str, compiled: Path | None = None, files: Sequence[MachineFile] = ()
) -> None:
    """Set the plan workers render from (`templates`: a digest of the template files;
    `compiled`: where compiled templates are kept between builds; `files`: the machine files
    to make, by `make_output`)."""
    global _STATE
    _STATE = _PageState(site, templates, compiled, files)


def environment_for(
    config: Config, templates: str, compiled: Path | None = None
) -> RecordingEnvironment:
    """A template environment, kept while config and templates stay the same, so a rebuild
    in the same process (serve) does not compile every template again."""
    key = (digest(repr(config)), templates)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS.clear()
        _ENVIRONMENTS[key] = make_environment(config, compiled)
    return _ENVIRONMENTS[key]


# What a worker makes: ("page", index into the site's pages) or ("file", index into `files`).
OutputJob = tuple[str, int]


def make_output(job: OutputJob) -> tuple[bytes | None, TemplateReads | None, tuple[Problem, ...]]:
    """Make one page (`_render_page_at`) or machine file (no reads: its fingerprint is set
    before it is made)."""
    assert _STATE is not None, "prepare_pages() was not called"
    kind, index = job
    if kind == "file":
        return _STATE.files[index].make(), None, ()
    return _render_page_at(index)


def _render_page_at(index: int) -> tuple[bytes | None, TemplateReads, tuple[Problem, ...]]:
    """Render page `index` of the plan: its bytes (None on failure), what its templates read
    (see TemplateReads), and problems."""
    assert _STATE is not None, "prepare_pages() was not called"
    if _STATE.env is None:  # each worker compiles the templates once
        _STATE.env = environment_for(_STATE.site.config, _STATE.templates, _STATE.compiled)
        _STATE.shared = shared_context(_STATE.site)
    page = _STATE.site.pages[index]
    problems = Problems()
    html, reads = render_page(_STATE.env, page, _STATE.shared, _STATE.site.config, problems, set())
    data = html.encode("utf-8") if html is not None else None
    return data, reads, tuple(problems.items)
