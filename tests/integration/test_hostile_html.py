"""Hostile HTML and front matter through a real build: no output file holds a way to run code.

Every HTML page, XML feed, JSON and text file of the site is parsed, and the HTML inside
feeds and JSON strings too, for script elements (other than the theme's own and JSON-LD),
event-handler attributes, javascript:/vbscript:/data:text/html URLs in any URL attribute,
srcdoc, <base>, <meta http-equiv>, and CSS that runs script.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from tests.integration.clirun import blogbuild

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile.md"
_URL_ATTRIBUTES = {
    "href", "src", "srcset", "poster", "action", "formaction", "data", "background",
    "cite", "xlink:href", "{http://www.w3.org/1999/xlink}href", "content", "ping",
}  # fmt: skip
_DANGEROUS_URL = re.compile(r"^(?:javascript|vbscript|data:text/html|livescript)", re.I)
_DANGEROUS_CSS = re.compile(r"expression\s*\(|behavior\s*:|-moz-binding|javascript:|url\s*\(", re.I)
_ELEMENTS = {"base", "object", "embed", "applet", "frame", "frameset", "style", "form"}
# Elements whose content a browser takes as raw text (without scripting for noscript).
_RAW_TEXT = {"iframe", "noembed", "noframes", "xmp", "textarea", "plaintext", "noscript"}


def _url_is_dangerous(value: str) -> bool:
    bare = re.sub(r"[\x00-\x20]", "", value)
    candidates = [bare] + [part.strip().split(" ")[0] for part in value.split(",")]
    return any(_DANGEROUS_URL.match(re.sub(r"[\x00-\x20]", "", c)) for c in candidates)


def _html_problems(html: str, where: str, theme_scripts: set[str]) -> list[str]:
    if not html.strip():
        return []
    document = lxml.html.document_fromstring(html)
    problems = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "script":
            kind = element.get("type", "")
            if kind == "application/ld+json":  # data, and nothing but data
                problems += _json_problems(json.loads(element.text or ""), where, theme_scripts)
            elif _script_signature(element) not in theme_scripts:
                problems.append(f"{where}: a <script> element")
        if tag in _ELEMENTS and not _theme_search_form(element):
            problems.append(f"{where}: a <{tag}> element")
        if tag == "meta" and element.get("http-equiv") is not None:
            problems.append(f"{where}: <meta http-equiv>")
        for name, value in element.attrib.items():
            lowered = str(name).lower()
            if lowered.startswith("on"):
                problems.append(f"{where}: the {name} attribute of <{tag}>")
            if lowered == "srcdoc":
                problems.append(f"{where}: srcdoc on <{tag}>")
            if lowered in _URL_ATTRIBUTES and _url_is_dangerous(value):
                problems.append(f"{where}: <{tag} {name}={value!r}>")
            if lowered == "style" and _DANGEROUS_CSS.search(value):
                problems.append(f"{where}: style {value!r} on <{tag}>")
            if tag == "iframe" and lowered == "allow":
                unsafe = {t.split()[0] for t in value.split(";") if t.strip()} - {
                    "fullscreen", "picture-in-picture", "encrypted-media", "autoplay",
                    "clipboard-write",
                }  # fmt: skip
                if unsafe:
                    problems.append(f"{where}: iframe allows {sorted(unsafe)}")
        if tag in _RAW_TEXT and (len(element) or (element.text or "").strip()):
            # Browsers read it as text, this parser as elements: either way it can only be
            # what a page never shows, or markup that got past the sanitiser.
            problems.append(f"{where}: content inside <{tag}>")
        if tag == "iframe" and (element.get("loading"), bool(element.get("referrerpolicy"))) != (
            "lazy",
            True,
        ):
            problems.append(f"{where}: an iframe without loading=lazy and a referrer policy")
    return problems


def _theme_search_form(element: lxml.html.HtmlElement) -> bool:
    """The header's search box: a GET form to the site's own search page, nothing else."""
    return (
        element.tag == "form"
        and element.get("class") == "site-search"
        and element.get("method") is None
        and (element.get("action") or "").endswith("/search/")
        and [e.tag for e in element.iter()] == ["form", "input"]
        and not {name for name in element[0].attrib}
        - {"class", "type", "name", "aria-label", "placeholder"}
    )


def _script_signature(element: lxml.html.HtmlElement) -> str:
    return element.get("src") or " ".join((element.text or "").split())


def _xml_problems(path: Path, where: str, theme_scripts: set[str]) -> list[str]:
    tree = lxml.etree.parse(str(path), lxml.etree.XMLParser(resolve_entities=False))
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name in ("href", "src", "uri") and _url_is_dangerous(value):
                problems.append(f"{where}: <{element.tag} {name}={value!r}>")
        # Atom text marked type="html" (and RSS descriptions) is HTML that readers render;
        # other text is shown as it is, tags and all.
        local = lxml.etree.QName(element).localname
        as_html = element.get("type") == "html" or local in ("description", "encoded")
        if element.text and "<" in element.text and as_html:
            problems += _html_problems(element.text, f"{where} <{element.tag}>", theme_scripts)
        elif element.text and _url_is_dangerous(element.text.strip()):
            problems.append(f"{where}: <{element.tag}>{element.text.strip()}")
    return problems


_JSON_URL_KEYS = {"url", "image", "@id", "id", "sameAs", "logo", "href", "contentUrl"}


def _json_problems(value: object, where: str, theme_scripts: set[str], key: str = "") -> list[str]:
    """URL values with a script scheme, and HTML values (`content_html`, `…html`) with
    executable paths; other strings are data, shown as text."""
    if isinstance(value, dict):
        return [
            p for k, v in value.items() for p in _json_problems(v, where, theme_scripts, str(k))
        ]
    if isinstance(value, list):
        return [p for v in value for p in _json_problems(v, where, theme_scripts, key)]
    if isinstance(value, str):
        if key in _JSON_URL_KEYS and _url_is_dangerous(value.strip()):
            return [f"{where}: {key}: {value!r}"]
        if key.lower().endswith("html"):
            return _html_problems(value, where, theme_scripts)
    return []


def _site_problems(dist: Path, theme_scripts: set[str]) -> tuple[list[str], int]:
    problems: list[str] = []
    files = 0
    for path in sorted(dist.rglob("*")):
        if not path.is_file():
            continue
        where = str(path.relative_to(dist))
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            problems += _html_problems(text, where, theme_scripts)
        elif path.suffix == ".xml":
            problems += _xml_problems(path, where, theme_scripts)
        elif path.suffix == ".json":
            problems += _json_problems(json.loads(text), where, theme_scripts)
        elif path.suffix == ".txt":
            problems += [
                f"{where}: {m.group()}"
                for m in re.finditer(
                    r"\]\(\s*(?:javascript|vbscript|data:text/html)[^)]*", text, re.I
                )
            ]
        else:
            continue
        files += 1
    return problems, files


def _build(tmp_path: Path, name: str, post: str, *, trusted: bool = False) -> Path:
    return _build_site(tmp_path / name, {"content/posts/2025-01-01-post.md": post}, trusted)


def _build_site(site: Path, written: dict[str, str], trusted: bool = False) -> Path:
    """Build a site of `files` (paths from the site's root) through the command line."""
    markdown = "markdown:\n  trusted_html: true\n" if trusted else ""
    files = {"blogbuild.yaml": f"title: Тест\nbase_url: https://example.org/blog/\n{markdown}"}
    files.update(written)
    for path, text in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    result = blogbuild("build", "--source", str(site), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "dist"


@pytest.fixture(scope="module")
def theme_scripts(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The scripts a harmless site has: the theme's own, which every page carries."""
    dist = _build(tmp_path_factory.mktemp("plain"), "plain", "---\ntitle: Т\n---\nТекст.\n")
    found = set()
    for page in dist.rglob("*.html"):
        for script in lxml.html.parse(str(page)).getroot().iter("script"):
            if script.get("type") != "application/ld+json":
                found.add(_script_signature(script))
    assert found  # the theme does have scripts: the check below is not vacuous
    return found


def test_no_output_file_can_run_code(tmp_path: Path, theme_scripts: set[str]) -> None:
    dist = _build(tmp_path, "hostile", HOSTILE.read_text(encoding="utf-8"))
    problems, files = _site_problems(dist, theme_scripts)
    assert problems == [], "\n".join(problems)
    assert files >= 8  # pages, the category pages, feeds (site and per category), sitemap
    page = (dist / "posts" / "post" / "index.html").read_text(encoding="utf-8")
    # The safe parts of the corpus survive: a page of hostile input still shows the post.
    assert "Абзац перед всем" in page and 'ok.png"' in page
    assert 'allow="fullscreen"' in page


def test_the_detector_finds_what_it_looks_for(tmp_path: Path, theme_scripts: set[str]) -> None:
    """With the sanitiser off, the same corpus is full of executable paths."""
    dist = _build(tmp_path, "trusted", HOSTILE.read_text(encoding="utf-8"), trusted=True)
    problems, _ = _site_problems(dist, theme_scripts)
    kinds = " ".join(problems)
    for found in ("a <script> element", "onerror", "javascript:", "srcdoc", "<base>"):
        assert found in kinds


_FRAME = '<iframe src="https://www.youtube.com/embed/ok">'
_HANDLER = "<img src=x onerror=alert(document.domain)>"
_SITE_TEMPLATES = {
    "templates/shortcodes/button.html": '<a class="button" href="{{ kwargs.href }}">{{ inner }}</a>',
    "templates/includes/card.html": (
        '<div onclick="go()" style="{{ include.style }}">{{ include.text | safe }}</div>'
    ),
}
# One post per way in, so that one post's unclosed frame cannot hide another's.
_TEMPLATE_POSTS = {
    "youtube": f"{_FRAME}\n\n{{{{< youtube abc >}}}}\n\n{_HANDLER}\n",
    "vimeo": f"{_FRAME}\n\n{{{{< vimeo 123 >}}}}\n\n<svg onload=alert(1)>\n",
    "liquid-embed": f"{_FRAME}\n\n{{% youtube abc %}}\n\n{_HANDLER}\n",
    "callout": f"> [!NOTE]\n> {_FRAME}\n>\n> {{{{< youtube abc >}}}}\n>\n> {_HANDLER}\n",
    "figure": (
        '{{< figure src="/a.png" width="expression(alert(1))" >}}\n\n'
        '{{< figure src="/a.png" width="url(javascript:alert(1))" >}}\n\n'
        '{{< figure src="/a.png" width="100%; position: fixed; top: 0; left: 0; '
        'background: url(https://t.example/p.gif)" >}}\n'
    ),
    "own-shortcode": '{{% button href="javascript:alert(1)" %}}Жми{{% /button %}}\n',
    "include": (
        '{% include card.html text="<img src=x onerror=alert(1)>" '
        'style="background-color: red; background: url(javascript:alert(1))" %}\n'
    ),
    "liquid": "Значение: {{ page.evil }}\n",
    "embeds": "{{< youtube abc >}}\n\n{{< vimeo 123 >}}\n",
}


def test_templates_in_posts_cannot_run_code(tmp_path: Path, theme_scripts: set[str]) -> None:
    """Shortcodes (built-in and the site's own), includes and Liquid write HTML from a
    post's arguments: it is sanitised with the post, in every page and feed."""
    posts = {
        f"content/posts/2025-02-{day:02}-{name}.md": (
            f"---\ntitle: {name}\nevil: '<svg onload=alert(1)>'\n---\nТекст.\n\n{body}"
        )
        for day, (name, body) in enumerate(_TEMPLATE_POSTS.items(), start=1)
    }
    dist = _build_site(tmp_path / "templates", {**_SITE_TEMPLATES, **posts})
    problems, files = _site_problems(dist, theme_scripts)
    assert problems == [], "\n".join(problems)
    assert files >= 2 + len(posts)
    # The embeds themselves still render, in the page and in the feed.
    for text in (dist / "posts" / "embeds" / "index.html", dist / "feed.xml"):
        shown = html.unescape(text.read_text(encoding="utf-8"))
        assert 'src="https://www.youtube-nocookie.com/embed/abc"' in shown
        assert 'src="https://player.vimeo.com/video/123?dnt=1"' in shown
    page = (dist / "posts" / "own-shortcode" / "index.html").read_text(encoding="utf-8")
    assert '<a class="button"><p>Жми</p></a>' in page
