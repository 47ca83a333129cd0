from datetime import date
from zoneinfo import ZoneInfo

import pytest

from blogbuild.content.postmeta import read_meta
from blogbuild.errors import Problems

MOSCOW = ZoneInfo("Europe/Moscow")


def _read(meta: dict[str, object]) -> tuple[object, Problems]:
    problems = Problems()
    lines = {key: number for number, key in enumerate(meta, start=2)}
    return read_meta(meta, lines, "p.md", MOSCOW, problems), problems


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["ai", "Машинное обучение"], ("ai", "Машинное обучение")),
        ("ai", ("ai",)),
        ("ai ml", ("ai", "ml")),
        ("Машинное обучение, NLP", ("Машинное обучение", "NLP")),
        (None, ()),
        (["a", "a", "b"], ("a", "b")),
    ],
)
def test_terms_in_every_shape(value: object, expected: tuple[str, ...]) -> None:
    meta, problems = _read({"categories": value, "tags": value})
    assert meta.categories == expected and meta.tags == expected  # type: ignore[attr-defined]
    assert not problems.items


def test_singular_category_is_one_name() -> None:
    meta, _ = _read({"category": "Машинное обучение"})
    assert meta.categories == ("Машинное обучение",)  # type: ignore[attr-defined]


def test_drafts_and_unpublished() -> None:
    assert _read({"draft": True})[0].draft  # type: ignore[attr-defined]
    assert _read({"published": False})[0].draft  # type: ignore[attr-defined]
    assert not _read({"published": True})[0].draft  # type: ignore[attr-defined]


def test_unknown_keys_are_kept_for_templates() -> None:
    meta, problems = _read({"title": "x", "layout": "post", "author": "Анна"})
    assert meta.extra == {"layout": "post", "author": "Анна"}  # type: ignore[attr-defined]
    assert not problems.items


def test_ai_provenance_and_check_ignores() -> None:
    meta, problems = _read(
        {
            "ai": {"model": "GPT-4o", "generated": True, "reviewed_by": "Иван"},
            "check": {"ignore": ["long-title"]},
        }
    )
    assert meta.ai.model == "GPT-4o" and meta.ai.reviewed_by == "Иван"  # type: ignore[attr-defined]
    assert meta.check_ignore == ("long-title",)  # type: ignore[attr-defined]
    assert not problems.items


def test_unusable_values_of_known_keys_are_warnings_and_dates_errors() -> None:
    meta, problems = _read(
        {
            "title": ["x"],
            "date": "позавчера",
            "draft": "может быть",
            "ai": {"generated": "maybe", "mood": 1},
        }
    )
    shown = [str(p) for p in problems.items]
    assert "p.md:2: warning: title: expected text, got a list: left out" in shown
    assert [p.line for p in problems.errors] == [3]
    assert str(problems.errors[0]).startswith("p.md:3: date: cannot read 'позавчера'")
    assert (
        "p.md:4: warning: draft: expected true or false, got 'может быть': taken as false" in shown
    )
    assert any(s.startswith("p.md:5: warning: ai: unknown key(s) mood") for s in shown)
    assert "p.md:5: warning: ai: generated: expected true or false: taken as true" in shown
    assert meta.title is None and not meta.draft  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("image", "url"),
    [
        ({"path": "/img/a.png", "thumbnail": "/img/a-small.png"}, "/img/a.png"),
        ({"feature": "b.jpg"}, "b.jpg"),
        ({"src": "c.png", "alt": "схема"}, "c.png"),
        ({"url": "https://x.org/d.png"}, "https://x.org/d.png"),
    ],
)
def test_image_as_a_mapping_gives_its_url_and_keeps_the_rest(image: object, url: str) -> None:
    meta, problems = _read({"image": image})
    assert meta.image == url  # type: ignore[attr-defined]
    assert meta.extra["image"] == image  # type: ignore[attr-defined]
    assert not problems.items


def test_image_without_a_url_is_a_warning() -> None:
    meta, problems = _read({"image": {"caption": "нет ссылки"}})
    assert meta.image is None  # type: ignore[attr-defined]
    assert [p.severity.value for p in problems.items] == ["warning"]


def test_terms_with_numbers_nested_lists_and_nulls() -> None:
    meta, problems = _read({"tags": [2020, ["ai", ["ml"]], None, {"x": 1}, 1.5], "categories": 7})
    assert meta.tags == ("2020", "ai", "ml", "1.5")  # type: ignore[attr-defined]
    assert meta.categories == ("7",)  # type: ignore[attr-defined]
    assert [str(p) for p in problems.items] == [
        "p.md:2: warning: tags: 2 item(s) that are not names left out"
    ]


def test_known_keys_in_another_case_are_read() -> None:
    meta, problems = _read({"Title": "Заголовок", "Tags": ["a"]})
    assert meta.title == "Заголовок" and meta.tags == ("a",)  # type: ignore[attr-defined]
    assert not problems.items


def test_html_entities_in_titles_are_read_once() -> None:
    meta, _ = _read({"title": "I&#8217;ve &amp; you &lt;3"})
    assert meta.title == "I\u2019ve & you <3"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "value", [10**30, 1.5, ["a", 1], {"a": {"b": None}}, True, None, "да", "нет"]
)
def test_odd_values_of_every_known_key_never_raise(value: object) -> None:
    meta = {key: value for key in ("title", "description", "slug", "image", "draft",
                                   "published", "tags", "category", "ai", "check")}  # fmt: skip
    _read(meta)  # reported as problems, never raised


def test_empty_description_is_kept_as_empty() -> None:
    assert _read({"description": ""})[0].description == ""  # type: ignore[attr-defined]
    assert _read({})[0].description is None  # type: ignore[attr-defined]


def test_hugo_publish_dates_date_a_post() -> None:
    meta, problems = _read({"publishDate": "2020-05-01T10:00:00Z"})
    assert meta.date is not None and meta.date.year == 2020  # type: ignore[attr-defined]
    meta, _ = _read({"published": date(2019, 1, 2)})
    assert meta.date is not None and not meta.draft  # type: ignore[attr-defined]
    meta, _ = _read({"date": "2021-01-01", "publishdate": "2020-01-01"})
    assert meta.date.year == 2021  # type: ignore[attr-defined]
    assert not problems.items
