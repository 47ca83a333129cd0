"""Page chrome: the lines a web page puts around an article, recognised by what they are.

A scraped text post keeps its page's lines: share and subscribe rows, counters of views,
comments and reading time, copyright notes, "read also" labels with related titles, tag
lines, bylines and breadcrumbs. Each kind is recognised here by its form, not by one
site's wording; `scraped` decides where such a line counts (some kinds are chrome
wherever they stand, others only at the edges of the article, where pages put them).
"""

from __future__ import annotations

import re
from typing import Final

# Kinds, each with the words a finding uses for it.
SHARE: Final = "share"
COUNTER: Final = "counter"
COPYRIGHT: Final = "copyright"
LABEL: Final = "label"
TAGS: Final = "tags"
BYLINE: Final = "byline"
BREADCRUMB: Final = "breadcrumb"

WHAT: Final = {
    SHARE: "a share, rating or subscribe row",
    COUNTER: "a counter of views, comments or reading time",
    COPYRIGHT: "a copyright line",
    LABEL: "a link label of the page (read more, related posts, comments)",
    TAGS: "a line of tags",
    BYLINE: "a byline (author or date of the page)",
    BREADCRUMB: "breadcrumb navigation",
}
# Kinds that are chrome wherever they stand: no article says them as a line of its own.
ANYWHERE: Final = frozenset({SHARE, COUNTER, COPYRIGHT})

_SOCIAL = (
    r"vk|вк|вконтакте|telegram|телеграм|whatsapp|viber|facebook|twitter|x\.com|linkedin"
    r"|reddit|pinterest|одноклассники|ok\.ru|email|e-mail|почта|мой мир|pocket|hacker news"
    r"|mastodon|threads|youtube|дзен|rss"
)
_SOCIAL_NAME = re.compile(rf"(?<!\w)(?:{_SOCIAL})(?!\w)", re.I)
# The page's calls to act on the article, in the forms pages use for their buttons.
_SHARE_WORD = re.compile(
    r"^(?:поделит[ьeе]сь|поделиться|рассказать друзьям|share(?: this| on| via| it)?|tweet"
    r"|pin it|оцените (?:статью|материал|запись|пост)|рейтинг (?:статьи|материала|записи)"
    r"|rate this(?: article| post)?|подпишитесь|подписаться|subscribe|follow us|следите за нами"
    r"|присоединяйтесь к нам|join us|sign up for)(?![\w-])",
    re.I,
)
_COUNTER = re.compile(
    r"^(?:[^\w\s]\s*)?(?:\d[\d\s.,]*\s*[kкмm]?\+?\s*"
    r"(?:просмотр\w*|комментар\w*|отзыв\w*|ответ\w*|лайк\w*|оценк\w*|голос\w*|мин(?:ут\w*)?\.?"
    r"(?:\s+(?:чтения|на чтение|read))?|views?|comments?|replies|likes?|shares?|votes?"
    r"|min(?:ute)?s?\.?(?:\s+read)?|reads?)"
    r"|(?:время чтения|читать|на чтение|reading time|read time)\s*[:—–-]?\s*(?:~\s*)?\d+"
    r"\s*(?:мин\w*|min\w*)?"
    r"|(?:просмотров|комментариев|views|comments)\s*[:—–-]?\s*\d+)\W*$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bвсе права (?:защищены|сохранены)|копирование"
    r" (?:материалов )?(?:запрещено|разрешено)|перепечатка",
    re.I,
)
_LABEL = re.compile(
    r"^(?:подробнее|читать (?:далее|дальше|полностью|ещё|еще)|далее|ещё по теме|еще по теме"
    r"|читайте (?:также|ещё|еще)"
    r"|похож\w* (?:стать\w*|запис\w*|публикаци\w*|материал\w*)|рекомендуем(?: прочитать)?"
    r"|популярн\w* (?:стать\w*|запис\w*)|последние (?:стать\w*|записи|новости)"
    r"|(?:ещё|еще|другие) стать\w*|комментари\w*"
    r"|(?:оставить|добавить|написать) (?:комментарий|отзыв)"
    r"|(?:read|continue reading|keep reading)(?: more| also| the rest)?"
    r"|related(?: posts| articles| stories| reading)?|(?:you )?(?:may|might) also (?:like|enjoy)"
    r"|more (?:posts|stories|from \w+)|popular posts|recent posts|leave a (?:comment|reply)"
    r"|\d*\s*comments?|next post|previous post|следующая (?:статья|запись)"
    r"|предыдущая (?:статья|запись)|назад|вперёд|вперед|наверх|back to top)$",
    re.I,
)
_TAG_LABEL = re.compile(
    r"^(?:теги|тэги|метки|ключевые слова|рубрик[аи]|категори[яи]|раздел|tags?|tagged(?: with)?"
    r"|categories|category|filed under|posted in|topics?)\s*[:—–-]",
    re.I,
)
_HASHTAGS = re.compile(r"^(?:#[\w-]+[\s,]*){2,}$")
# A tag word holds letters, digits and the marks of names (C++, C#, R&D, GPT-4).
_TAG_WORD = re.compile(r"^[\w+#&.'-]+$")
_PUNCTUATION = re.compile(r"[.,;:!?…]")
_TAG_LINE_WORDS = 8
_MONTHS = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*"
    r"|ноябр\w*|декабр\w*|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*"
    r"|nov\w*|dec\w*"
)
_DATE = re.compile(
    r"\b(?:0?[1-9]|[12]\d|3[01])[./](?:0[1-9]|1[0-2])[./](?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\b(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\b(?:сегодня|вчера|today|yesterday),?\s*(?:в\s*|at\s*)?\d{1,2}:\d{2}"
    r"|\b\d+\s+(?:час\w*|дн\w*|недел\w*|hours?|days?|weeks?)\s+(?:назад|ago)\b",
    re.I,
)
# "Автор: …", "Текст: …" name who made the page; "By …", "Posted on …" lead a byline.
_BYLINE_WORD = re.compile(
    r"^(?:(?:автор\w*|текст|фото|редактор|дата(?: публикации)?|обновлено|опубликовано"
    r"|author|photo|date)\s*:|(?:by|written by|posted by|published(?: on)?|posted(?: on)?"
    r"|updated(?: on)?|опубликовано|обновлено)\s)",
    re.I,
)
_BYLINE_WORDS = 12
# Breadcrumbs: a few short names between one separator ("Главная › Блог › ИИ").
_BREADCRUMB = re.compile(
    r"^[\w][\w .,&'-]{0,40}(?P<sep>\s[/>»›|]\s)[\w][\w .,&'-]{0,60}"
    r"(?:(?P=sep)[\w][\w .,&'-]{0,60})+$"
)
_BULLETS = "→»>•·▪‣◦|*-–— "


def kind_of(line: str) -> str | None:
    """The kind of page chrome a line is, or None for a line of the article."""
    bare = line.strip().strip(_BULLETS).strip()
    if not bare:
        return None
    if bare.endswith(":") and _LABEL.match(bare[:-1].strip()):
        return None  # "Читайте также:" leads into the article's own list of links
    words = bare.split()
    if _COPYRIGHT.search(bare) and len(words) <= 16:
        return COPYRIGHT
    if _COUNTER.match(bare):
        return COUNTER
    if _is_share_row(bare, words):
        return SHARE
    if _LABEL.match(bare.rstrip(".!…→»")):
        return LABEL
    if _TAG_LABEL.match(bare) or _HASHTAGS.match(bare) or _separated_tags(bare):
        return TAGS
    if _is_byline(bare, words):
        return BYLINE
    if _BREADCRUMB.match(bare):
        return BREADCRUMB
    return None


def _is_share_row(bare: str, words: list[str]) -> bool:
    if len(words) > 12:
        return False
    socials = len(_SOCIAL_NAME.findall(bare))
    if _SHARE_WORD.match(bare):
        return socials >= 1 or len(words) <= 4 or bare.rstrip().endswith(("!", ":"))
    # A row of network names alone: "VK Telegram WhatsApp", "Twitter | Facebook".
    return socials >= 2 and socials * 2 >= len(_PUNCTUATION.sub(" ", bare).split())


def _is_byline(bare: str, words: list[str]) -> bool:
    if len(words) > _BYLINE_WORDS:
        return False
    if _BYLINE_WORD.match(bare):
        return bool(_DATE.search(bare)) or len(words) <= 5
    # A date with at most a name and a counter beside it: "Иван Петров · 12 марта 2024".
    date = _DATE.search(bare)
    if date is None:
        return False
    # What is left beside the date is a name (capitalised words) or nothing.
    rest = _PUNCTUATION.sub(" ", bare[: date.start()] + " " + bare[date.end() :])
    names = [word for word in rest.split() if word.strip("|·•—–-/()")]
    return len(names) <= 4 and all(word[:1].isupper() or word[:1].isdigit() for word in names)


def is_tag_line(line: str) -> bool:
    """Many keyword phrases in a row, capitalised mid-line, without any punctuation.

    Such a line is chrome only after the page's own chrome has begun: an article's news
    titles or a list of names look alike.
    """
    words = line.split()
    if len(words) < _TAG_LINE_WORDS or _PUNCTUATION.search(line):
        return False
    if not all(_TAG_WORD.match(word) for word in words):
        return False
    return sum(_title_case(word) for word in words[1:]) >= 3


_SEPARATOR = re.compile(r"\s[|·•/]\s")


def _separated_tags(line: str) -> bool:
    """Short names between one kind of separator, three or more: 'ии · нейросети · gpt'."""
    separators = _SEPARATOR.findall(line)
    if len(separators) < 2 or len(set(separators)) > 1 or line.rstrip().endswith("."):
        return False
    cells = _SEPARATOR.split(line)
    return all(0 < len(cell.split()) <= 3 and not _PUNCTUATION.search(cell) for cell in cells)


def _title_case(word: str) -> bool:
    """'Трансформеры', 'Transformer': capitalised, not all capitals ('VAE', 'CONTAINER')."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])
