"""Theme strings and date formatting for each site language, in one place."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import cache

import babel
from babel import Locale
from babel.dates import DateTimePattern, format_datetime, get_date_format, parse_pattern

from blogbuild.content.text import plural_ru

STRINGS: dict[str, dict[str, str]] = {
    "ru": {
        "home": "Главная",
        "read_more": "Читать далее",
        "contents": "Содержание",
        "categories": "Категории",
        "category": "Категория",
        "tags": "Теги",
        "tag": "Тег",
        "archive": "Архив",
        "search": "Поиск",
        "menu": "Меню",
        "copy_code": "Копировать",
        "code_block": "Код",  # what a focused code block is announced as
        "code_block_in": "Код на {language}",
        "code_copied": "Скопировано",
        "search_label": "Поиск по статьям",
        "search_placeholder": "Найти в статьях",
        "search_no_script": "Поиску нужен JavaScript; все записи по датам — в архиве.",
        "posts": "Записи",
        "newer": "Новее",
        "older": "Старше",
        "previous_post": "Предыдущая запись",
        "next_post": "Следующая запись",
        "page_of": "Страница {page} из {pages}",
        "related": "Читайте также",
        "updated": "Обновлено",
        "not_found": "Страница не найдена",
        "not_found_text": "Такой страницы нет. Возможно, она переехала или была удалена.",
        "back_home": "Вернуться на главную",
        "feed": "Лента Atom",
        "draft": "Черновик",
        "future": "Запланировано",
        "no_posts": "Записей пока нет.",
        "breadcrumbs": "Навигация",
        "pagination": "Страницы",
        "skip_to_content": "Перейти к содержимому",
        "heading_link": "Ссылка на раздел",
        "theme_to_dark": "Включить тёмную тему",
        "theme_to_light": "Включить светлую тему",
        "ai_generated": "Текст создан моделью {model}",
        "ai_generated_unknown": "Текст создан языковой моделью",
        "ai_written_by_human": "Текст написан человеком с помощью модели {model}",
        "ai_reviewed": "проверен: {reviewer}",
        "ai_not_reviewed": "не проверен человеком",
        "posts_in_category": "Записи в категории «{name}»",
        "posts_with_tag": "Записи с тегом «{name}»",
        "callout_note": "Примечание",
        "callout_tip": "Совет",
        "callout_important": "Важно",
        "callout_warning": "Предупреждение",
        "callout_caution": "Осторожно",
        "callout_info": "Информация",
        "callout_abstract": "Кратко",
        "callout_example": "Пример",
        "callout_question": "Вопрос",
        "callout_quote": "Цитата",
        "callout_success": "Готово",
        "callout_failure": "Не удалось",
        "callout_danger": "Опасно",
        "callout_bug": "Ошибка",
    },
    "en": {
        "home": "Home",
        "read_more": "Read more",
        "contents": "Contents",
        "categories": "Categories",
        "category": "Category",
        "tags": "Tags",
        "tag": "Tag",
        "archive": "Archive",
        "search": "Search",
        "menu": "Menu",
        "copy_code": "Copy",
        "code_block": "Code",
        "code_block_in": "{language} code",
        "code_copied": "Copied",
        "search_label": "Search the articles",
        "search_placeholder": "Search the articles",
        "search_no_script": "Search needs JavaScript; every post by date is in the archive.",
        "posts": "Posts",
        "newer": "Newer",
        "older": "Older",
        "previous_post": "Previous post",
        "next_post": "Next post",
        "page_of": "Page {page} of {pages}",
        "related": "Related posts",
        "updated": "Updated",
        "not_found": "Page not found",
        "not_found_text": "There is no such page. It may have moved or been removed.",
        "back_home": "Back to the home page",
        "feed": "Atom feed",
        "draft": "Draft",
        "future": "Scheduled",
        "no_posts": "No posts yet.",
        "breadcrumbs": "Breadcrumbs",
        "pagination": "Pages",
        "skip_to_content": "Skip to content",
        "heading_link": "Link to this section",
        "theme_to_dark": "Switch to the dark theme",
        "theme_to_light": "Switch to the light theme",
        "ai_generated": "Written by the model {model}",
        "ai_generated_unknown": "Written by a language model",
        "ai_written_by_human": "Written by a person with help from {model}",
        "ai_reviewed": "reviewed by {reviewer}",
        "ai_not_reviewed": "not reviewed by a person",
        "posts_in_category": "Posts in “{name}”",
        "posts_with_tag": "Posts tagged “{name}”",
        "callout_note": "Note",
        "callout_tip": "Tip",
        "callout_important": "Important",
        "callout_warning": "Warning",
        "callout_caution": "Caution",
        "callout_info": "Info",
        "callout_abstract": "Summary",
        "callout_example": "Example",
        "callout_question": "Question",
        "callout_quote": "Quote",
        "callout_success": "Success",
        "callout_failure": "Failure",
        "callout_danger": "Danger",
        "callout_bug": "Bug",
    },
}

_READING_TIME = {
    "ru": ("{n} минута чтения", "{n} минуты чтения", "{n} минут чтения"),
    "en": ("{n} min read", "{n} min read", "{n} min read"),
}


def strings(language: str) -> dict[str, str]:
    """The theme strings of a language."""
    return STRINGS[language]


def reading_time(minutes: int, language: str) -> str:
    """'5 минут чтения' / '5 min read'."""
    one, few, many = _READING_TIME[language]
    return plural_ru(minutes, one, few, many).format(n=minutes)


def long_date(moment: datetime, language: str) -> str:
    """A date as readers write it: '27 сентября 2025 г.' or 'September 27, 2025'."""
    day = moment.date()
    key = f"long|{language}|{day.isoformat()}"
    found = _FORMATTED.get(key)
    if found is None:
        # Babel's format_date looks up the locale and parses the pattern on every call:
        # both are done once here.
        pattern, locale = _long_pattern(language)
        found = _FORMATTED[key] = str(pattern.apply(day, locale))
    return found


def month_year(moment: datetime, language: str) -> str:
    """A month heading for the archive: 'Сентябрь 2025' / 'September 2025'."""
    key = f"month|{language}|{moment.year}-{moment.month}"
    found = _FORMATTED.get(key)
    if found is None:
        found = format_datetime(moment, "LLLL y", locale=language).capitalize()
        _FORMATTED[key] = found
    return found


# Dates as formatted so far, by kind, language and day (or month). Each post's date is on
# many list pages; and a rebuild that starts from the dates of the last build (see
# `DATES_MEMO`) need not load Babel's locale data at all, which takes longer than most
# of a small rebuild's page rendering.
_FORMATTED: dict[str, str] = {}
DATES_MEMO = f"dates:babel-{babel.__version__}"


def formatted_dates() -> dict[str, str]:
    """Every date formatted in this process, or given by `remember_dates`."""
    return _FORMATTED


def remember_dates(known: Mapping[str, str]) -> None:
    """Take dates formatted by an earlier build (with the same Babel) as already done."""
    for key, text in known.items():
        _FORMATTED.setdefault(key, text)


@cache
def _long_pattern(language: str) -> tuple[DateTimePattern, Locale]:
    """What `format_date(day, format="long", locale=language)` formats with."""
    locale = Locale.parse(language)
    return parse_pattern(get_date_format("long", locale=locale)), locale
