import pytest

from blogbuild.content.slugs import MAX_SLUG, fitted_slug, slugify, term_slug, unsafe_slug_reason


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


def test_term_slugs_keep_plus_and_sharp() -> None:
    assert [term_slug(n) for n in ("C++", "C#", "c", "F#", "#хэштег")] == [
        "c-plus-plus", "c-sharp", "c", "f-sharp", "kheshteg",
    ]  # fmt: skip


def test_long_slugs_are_cut_at_a_word_with_a_stable_hash() -> None:
    long = "-".join(["slovo"] * 100)
    fitted, cut = fitted_slug(long)
    assert cut and len(fitted) < MAX_SLUG and fitted == fitted_slug(long)[0]
    assert fitted.rsplit("-", 1)[0].endswith("slovo")
    assert fitted != fitted_slug(long + "-x")[0]
    assert fitted_slug("short") == ("short", False)
