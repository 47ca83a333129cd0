"""Posts built to be slow or to crash the render side: each was once a hang or a crash.

Sizes are those at which the old code took tens of seconds (or never ended); the limits
are generous (processor seconds), so only a return of the old behaviour fails them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkLabel
from mdit_py_plugins.tasklists import tasklists_plugin as upstream_tasklists

from blogbuild.budget import OverBudget, time_limit
from blogbuild.content.config import load_config
from blogbuild.hashing import value_digest
from blogbuild.markup.linklabels import link_labels_plugin
from blogbuild.markup.markdown import MarkdownRenderer, build_markdown_it
from blogbuild.markup.sitedata import PostUrls
from blogbuild.markup.tasklists import tasklists_plugin
from blogbuild.pipeline.cache.store import BuildCache
from blogbuild.pipeline.posts import work as postwork

pytestmark = pytest.mark.slow

FRONT = "---\ntitle: Пост\ndate: 2024-01-01\n---\n"


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


class Worker:
    """The build's per-post worker function on a one-post site."""

    def __init__(self, root: Path, seconds: float | None) -> None:
        self.root = root
        (root / "content" / "posts").mkdir(parents=True)
        postwork.prepare_workers(
            load_config(root), BuildCache(root / ".cache", persistent=False), PostUrls(), seconds
        )

    def run(self, text: str, name: str = "post.md") -> postwork.PostOutcome:
        path = self.root / "content" / "posts" / name
        path.write_text(text, encoding="utf-8")
        return postwork.process_post(postwork.PostTask(str(path), "key"))


@pytest.fixture
def worker(tmp_path: Path) -> Iterator[Worker]:
    yield Worker(tmp_path, seconds=60)


# Task lists: the upstream plugin walked back from each item to its list.
TASK_LISTS = [
    "- [ ] a\n- [x] b\n- [X] c\n",
    "1. [ ] one\n2. [x] two\n",
    "- a\n  - [ ] nested\n  - [x] more\n- [ ] top\n",
    "> - [ ] quoted\n\n- [ ]\tTab\n- [ ]no space\n- [ ]\n",
    "* [ ]  two spaces\n\n  - [x] loose\n\ntext [ ] not an item\n",
]


@pytest.mark.parametrize("source", TASK_LISTS)
def test_task_lists_render_as_upstream(source: str) -> None:
    ours = MarkdownIt("commonmark").use(tasklists_plugin)
    theirs = MarkdownIt("commonmark").use(upstream_tasklists, label=True)
    assert ours.render(source) == theirs.render(source)
    assert "checkbox" in ours.render(source)


def test_ten_thousand_task_items(renderer: MarkdownRenderer) -> None:
    with time_limit(30):  # was 10 s of walking back alone (20,000: 37 s)
        html = renderer.render("- [ ] a\n" * 10_000).html
    assert html.count('type="checkbox"') == 10_000
    assert html.count("contains-task-list") == 1


# Link labels: markdown-it walked from every unclosed `[` to the end of the paragraph.
def _skip_token_calls(md: MarkdownIt, source: str) -> int:
    calls = 0
    skip = md.inline.skipToken

    def counted(state):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        skip(state)

    md.inline.skipToken = counted  # type: ignore[method-assign]
    try:
        md.render(source, {})
    finally:
        md.inline.skipToken = skip  # type: ignore[method-assign]
    return calls


@pytest.mark.parametrize("unit", ["![", "[", "[a", "![a ", "[[a]"])
def test_unclosed_brackets_cost_linear_steps(unit: str) -> None:
    md = build_markdown_it()
    small = _skip_token_calls(md, unit * 1_000)
    large = _skip_token_calls(md, unit * 4_000)
    assert large < small * 4 * 1.5  # quadratic would be 16 times


def test_link_labels_match_markdown_it() -> None:
    rng = random.Random(7)
    parts = ["[", "]", "![", "(", ")", "a", " ", "`", "<a>", "\\[", "[a](b)", "[b]", "\n",
             "*", "<http://x>", "[^1]", "](", '"', "\n\n[b]: /u\n\n"]  # fmt: skip
    theirs = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    ours = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(link_labels_plugin)
    for _ in range(600):
        source = "".join(rng.choices(parts, k=rng.randint(1, 40)))
        assert ours.render(source) == theirs.render(source), source
    assert ours.helpers.parseLinkLabel is not parseLinkLabel


def test_ten_thousand_unclosed_images(renderer: MarkdownRenderer) -> None:
    with time_limit(30):
        html = renderer.render("![" * 10_000 + "\n\n![ok](/a.png)").html
    assert '<img src="/a.png" alt="ok"' in html


# kramdown attribute lists: items without spaces between them were split 2^n ways.
def test_unclosed_attribute_list_is_not_exponential(renderer: MarkdownRenderer) -> None:
    with time_limit(10):  # 40 letters: 2^40 splits before
        html = renderer.render("Текст\n{: " + "a" * 40 + "\n\nТекст {: .c}").html
    assert "aaaa" in html


def test_attribute_lists_still_removed(renderer: MarkdownRenderer) -> None:
    html = renderer.render('![x](a.png){: .center}\n\nАбзац\n{: #id style="w: 1%;" .a.b}\n').html
    assert "{:" not in html
    assert "Абзац" in html


# HTML nested deeper than browsers show: nh3 (native) took minutes, beyond any time limit.
def test_html_nested_too_deep_is_an_error(worker: Worker) -> None:
    outcome = worker.run(FRONT + "<div>" * 100_000)
    assert outcome.summary is None
    [problem] = [p for p in outcome.problems if p.severity == "error"]
    assert problem.path == "content/posts/post.md"
    assert "100,000 deep" in problem.message


def test_html_nested_within_the_limit_builds(worker: Worker) -> None:
    outcome = worker.run(FRONT + "<div>" * 500 + "x" + "</div>" * 500 + "<p>a" * 5_000)
    assert outcome.summary is not None


# Summaries: the listing key was a digest of repr(), which fails on what YAML can make.
@pytest.mark.parametrize(
    "value",
    [
        "0x" + "f" * 5_000,  # a hexadecimal int: parsed, but too long for repr()
        "&a [*a]",  # a list that holds itself
        "[" * 300 + "]" * 300,
    ],
)
def test_summary_of_odd_front_matter(worker: Worker, value: str) -> None:
    outcome = worker.run(f"---\ntitle: Пост\ndate: 2024-01-01\nodd: {value}\n---\nТекст\n")
    assert outcome.summary is not None
    assert len(outcome.summary.listing_key) == 32


def test_value_digest_is_stable_and_total() -> None:
    deep: list[object] = []
    cursor = deep
    for _ in range(20_000):
        cursor.append([])
        cursor = cursor[0]  # type: ignore[assignment]
    bomb: list[object] = ["x"]
    for _ in range(60):  # 2^60 leaves when expanded
        bomb = [bomb, bomb]
    assert value_digest(deep) != value_digest([])
    assert value_digest(bomb) == value_digest(bomb)
    assert value_digest({"a": {1, 2, "b"}}) == value_digest({"a": {"b", 2, 1}})
    assert value_digest([1]) != value_digest(["1"])
    assert value_digest((1, (2,))) != value_digest((1, 2))


# The limit on one post's work.
def test_a_post_over_its_time_limit_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = Worker(tmp_path, seconds=0.5)

    def slow(*args: object, **kwargs: object) -> None:
        while True:
            pass

    monkeypatch.setattr("blogbuild.markup.markdown.MarkdownRenderer.render_with_math_errors", slow)
    outcome = worker.run(FRONT + "Текст\n")
    assert outcome.summary is None
    [problem] = outcome.problems
    assert problem.path == "content/posts/post.md"
    assert problem.message.startswith("stopped after 0.5 s while rendering it")


def test_time_limit_stops_only_work_over_it() -> None:
    with time_limit(5):
        total = sum(range(1000))
    assert total == 499500
    with pytest.raises(OverBudget) as stopped, time_limit(0.2):
        while True:
            pass
    assert stopped.value.seconds == 0.2


def test_an_unexpected_error_names_the_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = Worker(tmp_path, seconds=30)

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("month must be in 1..12")

    monkeypatch.setattr(
        "blogbuild.markup.markdown.MarkdownRenderer.render_with_math_errors", broken
    )
    outcome = worker.run(FRONT + "Текст\n")
    assert outcome.summary is None
    [problem] = outcome.problems
    assert problem.path == "content/posts/post.md"
    assert problem.message.startswith(
        "unexpected error while processing this post: ValueError: month must be in 1..12 (at "
    )


# Limits on what one post may make the parsers do: past them the text stays, as text,
# and the author is told where.
def test_a_paragraph_dense_with_markup_is_shown_as_text(renderer: MarkdownRenderer) -> None:
    dense = "*a " * 30_000
    rendered = renderer.render(f"Начало *курсив*.\n\n{dense}\n\nКонец *курсив*.", first_line=5)
    assert rendered.html.count("<em>") == 2  # the paragraphs around it are parsed
    assert "<p>*a *a" in rendered.html
    assert [line for line, _ in rendered.warnings] == [7]
    assert "30,000 markup characters" in rendered.warnings[0][1]


def test_a_post_past_its_markup_budget_keeps_the_rest_as_text(renderer: MarkdownRenderer) -> None:
    paragraphs = ["[a](/u) " * 3_000] * 30  # 15,000 marks each, 450,000 in all
    rendered = renderer.render("\n\n".join(paragraphs))
    assert 0 < rendered.html.count("<a href") < 30 * 3_000
    assert len(rendered.warnings) == 1
    assert "this paragraph and those after it" in rendered.warnings[0][1]


def test_tags_past_the_limit_stay_as_written(renderer: MarkdownRenderer) -> None:
    from blogbuild.markup.templating import MAX_TEMPLATE_TAGS

    source = "{{ page.title }} " * (MAX_TEMPLATE_TAGS + 10)
    rendered = renderer.render(source, page={"title": "Заголовок"})
    assert rendered.html.count("Заголовок") == MAX_TEMPLATE_TAGS
    assert rendered.html.count("{{ page.title }}") == 10
    assert any("from here on they are shown as written" in m for _, m in rendered.warnings)


def test_a_post_of_too_many_lines_is_an_error(worker: Worker) -> None:
    outcome = worker.run(FRONT + "a\n" * 150_000)
    assert outcome.summary is None
    [problem] = [p for p in outcome.problems if p.severity == "error"]
    assert "150,00" in problem.message and "lines" in problem.message


def test_a_line_of_a_thousand_cells_is_a_table_and_more_is_text(
    renderer: MarkdownRenderer,
) -> None:
    assert renderer.render("|" + " a |" * 1_000).html.count("<td>") == 1_000
    assert "<td>" not in renderer.render("|" + " a |" * 1_001).html


def test_a_code_block_too_long_to_colour_is_shown_plain(renderer: MarkdownRenderer) -> None:
    """bench/fuzz.py seed 1, input 2547: a megabyte of C took Pygments seconds."""
    from blogbuild.markup.highlight import LONGEST_HIGHLIGHTED

    short = renderer.render("```c\nint x = 1;\n```\n").html
    code = "int x = 1; " * (LONGEST_HIGHLIGHTED // 10)
    long = renderer.render(f"```c\n{code}\n```\n").html
    assert "<span" in short
    assert "<span" not in long and code in long and 'class="language-c"' in long


def test_long_addresses_outside_ascii_are_not_links(renderer: MarkdownRenderer) -> None:
    from blogbuild.markup.inlinelimit import LONGEST_URL

    image = "data:image/png;base64," + "QUJD" * (LONGEST_URL // 2)  # ASCII: still an image
    assert "<img" in renderer.render(f"![схема]({image})").html
    cyrillic = "https://пример.рф/" + "ё" * LONGEST_URL
    assert "<a " not in renderer.render(f"[ссылка]({cyrillic})").html
    assert "<a " in renderer.render("[ссылка](https://пример.рф/путь)").html
