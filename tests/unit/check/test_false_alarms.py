"""What the rules used to report on human-written blogs, and must not: each case restates,
in its own words, a line read in ../shared/corpora that a rule took for a defect.
The seed articles (test_seeds.py) are the positive cases."""

from __future__ import annotations

import pytest

FALSE_ALARMS = {
    "placeholder-text": [
        "The conference happens next spring, exact dates TBD.\n",
        "Directory listings had long been on the TODO list, and now they work.\n",
        "- [TUI календарь из TODO](https://github.com/example/calendar) - *00:34:45*.\n",
        "A [*lorem ipsum*](https://en.wikipedia.org/wiki/Lorem_ipsum) generator makes filler.\n",
        "Экранный диктор говорит «[Название вкладки] выбрана», и этого достаточно.\n",
        "A dated model tells you about its knowledge cut-off, which matters.\n",
        "I'll assemble with GNU `as` (TODO: port to MASM?) so we need little.\n",
        '{{< figure src="/images/cat.png" width="400" >}}\n\nText.\n',
        "{{% notice %}}Hugo shortcode{{% /notice %}}\n",
        "* [**life.mak**][demo] (174kB) [[or generate your own][gen]]\n\n"
        "[demo]: https://example.com/a\n[gen]: https://example.com/b\n",
        "As an AI model, GPT-4 is trained on public text.\n",
    ],
    "truncated-ending": [
        "Text.\n\n```python\nprint(1)\n```\n",
        "Text.\n\n$$\\begin{aligned} a &= b \\end{aligned}$$\n",
        "Text.[^1]\n\n[^1]: A note. [↑](#ref-1)\n",
        "Intro.\n\n**Deadline:** Until positions filled\n",
        "Intro.\n\n— A. N. Whitehead\n",
        "Intro.\n\nData Science from Scratch, Andrew Bruce, Peter Bruce\n",
        "Intro.\n\n- first item\n- second item without a period\n",
        "Intro.\n\n> A quotation without its period\n",
        "Intro.\n\nScore: 7 out of 10\n",
        "Intro.\n\nMachine learning for people who ship\n",
        "## One\n\nA section whose last sentence lacks its period\n\n## Two\n\nDone.\n",
        "Intro.\n\n_Those who skipped this will be sad, the most persistent ones banned_\n",
    ],
    "foreign-script": [
        "В статье о переводах есть ссылка [JavaScript Promiseの本](https://example.com/book).\n",
        "Книга «Promiseの本» вышла на японском.\n",
        "Термин (基础) переводится как «основа».\n",
    ],
    "bold-pseudo-heading": [
        "Text.\n\n**People *can* write byte-code!**\n\nMore.\n",
        "Text.\n\n**`ob = env.reset()`**\n\nMore.\n",
        "Text.\n\n**--- Let's start going through some code ---**\n\nMore.\n",
        "Text.\n\n__Sponsor of this episode — [example.com](https://example.com)__\n\nMore.\n",
        "![](https://example.com/winnowers.jpg)\n\n**Courbet, The Winnowers**\n\nText.\n",
    ],
    "duplicate-heading": [
        "## R-CNN\n\n### Model Workflow\n\nA.\n\n### Loss Function\n\nB.\n\n"
        "## Fast R-CNN\n\n### Model Workflow\n\nC.\n\n### Loss Function\n\nD.\n",
    ],
    "empty-section": [
        '## <a id="the-case"></a>\n# The Case\n\nText.\n',
    ],
}

TEXT_FALSE_ALARMS = {
    "scrape-debris": [
        # An article's own list of further reading, led by a label with a colon.
        "Первый абзац статьи.\n\nЧитать дальше:\nСтатья о моделях\nСтатья о данных\n",
        # A table of `docker ps` in the article, and reference lines.
        "Смотрите вывод.\n\nCONTAINER ID IMAGE COMMAND CREATED STATUS PORTS NAMES\n"
        "a1b2 nginx nginx 2 hours ago Up 80/tcp web\n",
        "Текст.\n\n[1] Vaswani A. et al. Attention is all you need. 2017.\n",
        # News titles of a podcast's show notes.
        "Радио-Т 408\n\nСтрасти вокруг Markdown.\nСкажем нет Акторам и прочим Green Threads на JVM\n"
        "Apache CouchDB\n\nСпонсор этого выпуска DigitalOcean\n\nаудио • лог чата\n",
        # A table of contents that names the title among other sections.
        "Painting, Still Life (1889)\n\nTable of Contents\n\nIntro\nТестовая статья\nThe End\n",
    ],
    "flattened-table": [
        "Выпуск 289\n\nРекордное IPO Facebook\nChrome 19 вышел\nGoogle ищет в 1000 раз лучше\n",
        "body {\n  margin: 0;\n}\n",
        '<div class="a">\n<p>Text</p>\n</div>\n',
        "function f() {\n  return 1;\n}\n",
        "Сначала абзац без таблицы.\n\nЕщё абзац.\n",
    ],
    "truncated-ending": [
        "Статья.\n\nаудио • лог чата • wiki\n",
        "Статья.\n\n    return [v0 / d, v1 / d];\n}\n",
        "Статья заканчивается, пишите на friends@example.com\n",
    ],
    "duplicate-heading": [
        "Код:\n\nEND SUB\n\nЕщё код:\n\nEND SUB\n",
    ],
}


@pytest.mark.parametrize(
    ("rule", "body"), [(rule, body) for rule, bodies in FALSE_ALARMS.items() for body in bodies]
)
def test_human_writing_is_not_flagged(found, rule: str, body: str) -> None:
    assert found(body, rule) == []


@pytest.mark.parametrize(
    ("rule", "body"),
    [(rule, body) for rule, bodies in TEXT_FALSE_ALARMS.items() for body in bodies],
)
def test_text_copies_of_human_writing_are_not_flagged(found, rule: str, body: str) -> None:
    assert found(body, rule, source_format="text") == []


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("Тablet", "'Тablet' hides Cyrillic 'Т' among Latin letters, look-alikes of 'T'"),
        ("Сhrome", "'Сhrome' hides Cyrillic 'С' among Latin letters, look-alikes of 'C'"),
        ("МS", "'МS' hides Cyrillic 'М' among Latin letters, look-alikes of 'M'"),
    ],
)
def test_a_look_alike_capital_is_named_as_one(found, findings_of, make_post, word, message) -> None:
    (finding,) = findings_of(make_post(f"Новый {word} вышел.\n"), "mixed-script-word")
    assert finding.message == f"{message}; retype it in Latin"
    assert "missing space" not in finding.message


def test_one_finding_per_run_of_foreign_characters(findings_of, make_post) -> None:
    (finding,) = findings_of(make_post("Модель требуют大量данных.\n"), "foreign-script")
    assert "'大量'" in finding.message


def test_missing_category_says_where_the_post_still_is(findings_of, make_post) -> None:
    (finding,) = findings_of(make_post("Текст.\n", categories=()), "missing-category")
    assert "home page and in the archive" in finding.message
