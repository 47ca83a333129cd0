import pytest

from blogbuild.content.slugs import slugify, unsafe_slug_reason


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Машинное обучение", "mashinnoe-obuchenie"),
        ("Генеративный ИИ", "generativny-ii"),
        ("ai", "ai"),
        ("GPT-4 и BERT: сравнение", "gpt-4-i-bert-sravnenie"),
        ("Café  déjà vu", "cafe-deja-vu"),
        ("  --Hello__World--  ", "hello-world"),
        ("!!!", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("slug", ["../etc", "a/b", "..", "a\\b", "", "x..y"])
def test_unsafe_slugs_are_named(slug: str) -> None:
    assert unsafe_slug_reason(slug)


def test_ordinary_slug_is_safe() -> None:
    assert unsafe_slug_reason("moy-post-2025") is None
