"""The Jinja environment (site templates over the theme's) and rendering pages to bytes."""

from __future__ import annotations

import json
import sys
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
import jinja2.bccache
from jinja2.runtime import Context

from blogbuild import __version__
from blogbuild.content.config import Config
from blogbuild.content.confined import ConfinedLoader, RefusedTemplate
from blogbuild.content.i18n import long_date, month_year, reading_time, strings
from blogbuild.content.permalinks import theme_urls
from blogbuild.content.theme import theme_dir
from blogbuild.errors import Problems
from blogbuild.sealed import make_folder, read_sealed, write_sealed
from blogbuild.site.anchors import heading_anchors
from blogbuild.site.icons import site_icons
from blogbuild.site.plan import Site
from blogbuild.site.seo import OG_LOCALES, image_url, post_json_ld
from blogbuild.site.urls import absolute, place_under
from blogbuild.site.views import BODY_READS, Page, PostView, TemplateReads

# What `shared_context` gives every template: reading it is recorded (TemplateReads.terms).
SITE_TERMS = frozenset({"categories", "tags"})


class _Context(Context):
    def resolve_or_missing(self, key: str) -> Any:
        if key in SITE_TERMS:
            self.environment.reads.terms = True  # type: ignore[attr-defined]
        return super().resolve_or_missing(key)


class RecordingEnvironment(jinja2.Environment):
    """An environment that records what its templates read (see TemplateReads): templates
    reach a post's fields through `getattr`/`getitem`, and names through the context."""

    context_class = _Context

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.reads = TemplateReads()

    def getattr(self, obj: Any, attribute: str) -> Any:
        if attribute in BODY_READS and isinstance(obj, PostView):
            self.reads.body = True
        # Jinja's own getattr, inlined: templates read attributes by the hundred thousand.
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if argument in BODY_READS and isinstance(obj, PostView):
            self.reads.body = True
        return super().getitem(obj, argument)


class SealedBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in a folder, sealed: a damaged file is compiled again."""

    def __init__(self, folder: Path) -> None:
        make_folder(folder, folder)
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = read_sealed(self._path(bucket), bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # a stale checksum resets it: compiled again

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):  # only a cache: the template is compiled again next time
            write_sealed(self._path(bucket), bucket.key, bucket.bytecode_to_string(), self.folder)

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"__jinja2_{bucket.key}.cache"


def make_environment(config: Config, compiled: Path | None = None) -> RecordingEnvironment:
    """A strict, autoescaping environment: a site's templates/ override the theme file by file.

    With `compiled`, templates compiled once are kept there (by their source's checksum), so
    a rebuild in a new process does not compile them again.
    """
    folders = [
        (str(config.root / "templates"), config.root.resolve(), "the site"),
        (str(theme_dir() / "templates"), theme_dir().resolve(), "the theme"),
    ]
    bytecode_cache = None
    if compiled is not None:
        bytecode_cache = SealedBytecodeCache(compiled)
    env = RecordingEnvironment(
        loader=ConfinedLoader(folders),
        bytecode_cache=bytecode_cache,
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates do not change during a build (a changed one makes a new environment,
        # see pipeline.pages.workers.environment_for): no file check on every page.
        auto_reload=False,
    )
    language = config.language
    env.filters["long_date"] = lambda moment: long_date(moment, language)
    env.filters["month_year"] = lambda moment: month_year(moment, language)
    env.filters["iso"] = lambda moment: moment.isoformat(timespec="seconds")
    env.filters["reading_time"] = lambda minutes: reading_time(minutes, language)
    env.filters["absolute"] = lambda url: absolute(url, config.public_base)
    env.filters["json_ld"] = lambda post: json_for_script(post_json_ld(post, config))
    env.filters["image_url"] = lambda image: image_url(image, config)
    env.filters["json_script"] = json_for_script
    heading_link = strings(language)["heading_link"]
    env.filters["heading_anchors"] = lambda html: heading_anchors(html, heading_link)
    env.globals.update(
        site=config,
        t=strings(language),
        urls=theme_urls(),
        generator=f"blogbuild {__version__}",
        og_locale=OG_LOCALES[language],
        icons=site_icons(config),
    )
    return env


def json_for_script(value: Any) -> str:
    """JSON safe to put inside <script>: no `</script>`, `<!--` or `&` can break out."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def shared_context(site: Site) -> dict[str, Any]:
    """What every page's template sees besides its own context."""
    return {
        "categories": site.categories.terms,
        "tags": site.tags.terms,
        "menu": site.menu,
        "menu_is_whole": bool(site.config.menu),  # blogbuild.yaml's menu: the theme's links go
    }


def render_page(
    env: RecordingEnvironment,
    page: Page,
    shared: dict[str, Any],
    config: Config,
    problems: Problems,
    seen: set[str],
) -> tuple[str | None, TemplateReads]:
    """Render one page, with what its templates read; on failure record a problem (once per
    distinct error) and return no HTML."""
    reads = env.reads = TemplateReads()
    try:
        template = env.get_template(page.template)
        html = template.render(page=page, **shared, **page.context)
    except jinja2.TemplateSyntaxError as err:
        _record(
            problems,
            seen,
            _template_path(err.filename, config),
            err.lineno,
            err.message or "syntax error",
        )
        return None, reads
    except RefusedTemplate as err:
        _record(problems, seen, err.shown, None, err.reason)
        return None, reads
    except jinja2.TemplateNotFound as err:
        _record(
            problems,
            seen,
            "templates",
            None,
            f"template '{err.name}' not found (needed for {page.url})",
        )
        return None, reads
    except Exception as err:  # any error raised inside a template is the template's problem
        filename, line = _template_frame(sys.exc_info()[2])
        message = f"{type(err).__name__}: {err} (rendering {page.url})"
        _record(problems, seen, _template_path(filename, config), line, message)
        return None, reads
    return place_under(html, config.base_path), reads


def _record(problems: Problems, seen: set[str], path: str, line: int | None, message: str) -> None:
    key = f"{path}:{line}:{message.split(' (rendering')[0]}"
    if key not in seen:
        seen.add(key)
        problems.error(path, line, message)


def _template_frame(tb: TracebackType | None) -> tuple[str | None, int | None]:
    """The innermost template file and line in a traceback (Jinja rewrites frames to them)."""
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt", ".j2")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _template_path(filename: str | None, config: Config) -> str:
    if not filename:
        return "templates"
    path = Path(filename)
    for root, label in ((config.root, ""), (theme_dir(), "theme:")):
        try:
            return label + path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
    return filename
