"""Reading the many ways people write dates in front matter and file names.

As lenient as Jekyll (Ruby's `Time.parse`) and Hugo: `T` or a space between date and time,
fractional seconds, offsets as `+0300`, `+03:00`, `+03` or `- 0700`, `Z`/`UTC`/`GMT`/`MSK`
and other zone names, month names in English and Russian, two-digit years (with a note).
What is read is always a real moment: an impossible date is an error, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_MONTH_NAMES = (
    ("january", "jan", "января", "январь", "янв"),
    ("february", "feb", "февраля", "февраль", "фев", "февр"),
    ("march", "mar", "марта", "март", "мар"),
    ("april", "apr", "апреля", "апрель", "апр"),
    ("may", "мая", "май"),
    ("june", "jun", "июня", "июнь", "июн"),
    ("july", "jul", "июля", "июль", "июл"),
    ("august", "aug", "августа", "август", "авг"),
    ("september", "sep", "sept", "сентября", "сентябрь", "сен", "сент"),
    ("october", "oct", "октября", "октябрь", "окт"),
    ("november", "nov", "ноября", "ноябрь", "ноя", "нояб"),
    ("december", "dec", "декабря", "декабрь", "дек"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_WEEKDAYS = frozenset(
    (
        *("monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu"),
        *("thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun"),
        *("понедельник", "пн", "вторник", "вт", "среда", "среду", "ср", "четверг", "чт"),
        *("пятница", "пятницу", "пт", "суббота", "субботу", "сб", "воскресенье", "вс"),
    )
)
# Zone abbreviations as Ruby's Time.parse knows them (plus Moscow's), as fixed offsets.
_ZONES = {
    "z": 0, "ut": 0, "utc": 0, "gmt": 0, "wet": 0, "bst": 1, "cet": 1, "met": 1, "west": 1,
    "cest": 2, "eet": 2, "mest": 2, "eest": 3, "msk": 3, "msd": 4, "ist": 5.5, "jst": 9,
    "kst": 9, "hkt": 8, "sgt": 8, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
    "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    "akst": -9, "akdt": -8, "hst": -10,
}  # fmt: skip

_FILLER = frozenset(("г", "года", "at", "в", "of", "the", "on", "t"))
_NUMERIC_DATE = re.compile(r"(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?![\d:])")
_TIME = re.compile(
    r"(?<![\d.])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([ap])\.?m\.?(?![a-z]))?",
    re.IGNORECASE,
)
_OFFSET = re.compile(r"(?:(?<=\d)|(?<=\s)|^)([+-])\s?(\d{2}):?(\d{2})?(?!\d)")
_ENDS_WITH_TIME = re.compile(r"\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*$")
_IANA = re.compile(r"\b([A-Z][A-Za-z_]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)\b")
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+")
_FILE_PREFIX = re.compile(r"^(\d{2,4})-(\d{1,2})-(\d{1,2})-")

EXPECTED = "expected YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] [+HHMM] or ISO 8601"
FIRST_YEAR, LAST_YEAR = 2, 9998  # a day from the calendar's ends, so every offset fits


class DateError(ValueError):
    """A value that is not a date we can read."""


@dataclass(frozen=True, slots=True)
class ReadDate:
    """A moment read from text, and a note when part of it was a guess."""

    moment: datetime
    note: str | None = None


def parse_date(value: object, tz: ZoneInfo) -> datetime:
    """Read a front matter date; naive values are taken in the site's time zone."""
    return read_date(value, tz).moment


def read_date(value: object, tz: ZoneInfo) -> ReadDate:
    """`parse_date`, with a note when the reading guessed (a two-digit year)."""
    if isinstance(value, datetime):
        return ReadDate(_checked(value if value.tzinfo else value.replace(tzinfo=tz), value))
    if isinstance(value, date):
        return ReadDate(_checked(datetime.combine(value, time(), tzinfo=tz), value))
    if isinstance(value, str):
        return _parse_text(value.strip(), tz)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DateError(f"cannot read {_shown(value)} as a date ({EXPECTED})")
    raise DateError(f"cannot read the number {_shown(value)} as a date ({EXPECTED})")


def date_from_file_name(name: str, tz: ZoneInfo) -> datetime | None:
    """The date of a `YYYY-MM-DD-` (or unpadded `2015-5-30-`, or Jekyll's `YY-MM-DD-`)
    file name prefix, if any."""
    match = _FILE_PREFIX.match(name)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if len(match.group(1)) == 3:
        return None
    try:
        return datetime(_full_year(year, match.group(1)), month, day, tzinfo=tz)
    except ValueError:
        return None


def file_name_date_fault(name: str) -> str | None:
    """Why a file name's date prefix is no date (`2024-02-30-x.md`), or None when it is one
    or there is no prefix."""
    match = _FILE_PREFIX.match(name)
    if not match or len(match.group(1)) == 3:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        datetime(_full_year(year, match.group(1)), month, day)
    except ValueError as err:
        return f"the file name's date '{match.group(0).rstrip('-_')}' is not a real date ({err})"
    return None


def file_name_year_guessed(name: str) -> bool:
    """True when the file name's date prefix has a two-digit year."""
    match = _FILE_PREFIX.match(name)
    return bool(match) and len(match.group(1)) == 2  # type: ignore[union-attr]


def strip_date_prefix(stem: str) -> str:
    """A file name without its date prefix: `2024-01-05-hello` -> `hello`."""
    match = _FILE_PREFIX.match(stem)
    if not match or len(match.group(1)) == 3 or stem == match.group(0):
        return stem
    return stem[match.end() :]


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _checked(moment: datetime, written: object) -> datetime:
    """`moment` if every later step (sorting, time zones) can handle it."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise DateError(
            f"{_shown(str(written))}: year {moment.year} is outside {FIRST_YEAR}..{LAST_YEAR}"
        )
    return moment


def _full_year(year: int, written: str) -> int:
    if len(written) > 2:
        return year
    return 1900 + year if year >= 69 else 2000 + year  # as POSIX strptime's %y and Ruby


def _parse_text(text: str, tz: ZoneInfo) -> ReadDate:
    if not text:
        raise DateError(f"the date is empty ({EXPECTED})")
    shown = text if len(text) <= 60 else text[:57] + "..."
    if len(text) > 200:
        raise DateError(f"cannot read '{shown}' as a date: too long ({EXPECTED})")
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        pass
    else:
        return ReadDate(_checked(moment if moment.tzinfo else moment.replace(tzinfo=tz), text))
    try:
        return _read_loosely(text, shown, tz)
    except OverflowError:
        raise DateError(f"'{shown}' is outside the calendar ({EXPECTED})") from None


def _read_loosely(text: str, shown: str, tz: ZoneInfo) -> ReadDate:
    """Find a date, a time and a zone anywhere in `text`, as Ruby's `Time.parse` does."""
    rest = f" {text} "
    zone, rest = _zone(rest)
    clock, rest = _clock(rest, shown)
    (year, month, day), guessed, rest = _calendar(rest, shown)
    leftover = [w for w in _WORD.findall(rest.lower()) if w not in _WEEKDAYS and w not in _FILLER]
    if leftover or _NUMBER.search(rest):
        raise DateError(f"cannot read '{shown}' as a date ({EXPECTED})")
    try:
        moment = datetime.combine(date(year, month, day), clock, tzinfo=zone or tz)
    except ValueError as err:
        raise DateError(f"'{shown}' is not a real date: {err}") from None
    note = None
    if guessed:
        note = f"'{shown}' has a two-digit year: read as {moment.year}"
    return ReadDate(_checked(moment, text), note)


def _zone(text: str) -> tuple[tzinfo | None, str]:
    """The time zone named in `text` (an offset, an abbreviation, an IANA name) and the rest."""
    found = _IANA.search(text)
    if found:
        try:
            return ZoneInfo(found.group(1)), text[: found.start()] + " " + text[found.end() :]
        except (ZoneInfoNotFoundError, ValueError):
            pass
    for word in _WORD.finditer(text):
        hours = _ZONES.get(word.group(0).lower())
        if hours is None or not _after_time_or_alone(text, word.start()):
            continue
        rest = text[: word.start()] + " " + text[word.end() :]
        offset, rest = _offset(rest)
        base = timedelta(hours=hours) + (offset or timedelta())
        return _fixed(base), rest
    offset, rest = _offset(text)
    return (_fixed(offset) if offset is not None else None), rest


def _after_time_or_alone(text: str, start: int) -> bool:
    """A zone word follows a time or a number (`10:00 UTC`), never starts the text alone."""
    return bool(re.search(r"\d\s*$", text[:start]))


def _offset(text: str) -> tuple[timedelta | None, str]:
    # the last offset-looking group after a time or date counts: `2015-08-22 11:00 - 0700`
    candidates = [
        m for m in _OFFSET.finditer(text) if re.search(r"\d\s*$", text[: m.start()])
        and (m.group(3) is not None or ":" in text[: m.start()])
    ]  # fmt: skip
    if not candidates:
        return None, text
    match = candidates[-1]
    if match.group(3) is None and not _ENDS_WITH_TIME.search(text[: match.start()]):
        return None, text
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 23 or minutes > 59:
        return None, text
    sign = -1 if match.group(1) == "-" else 1
    rest = text[: match.start()] + " " + text[match.end() :]
    return sign * timedelta(hours=hours, minutes=minutes), rest


def _fixed(offset: timedelta) -> tzinfo:
    return UTC if not offset else timezone(offset)


def _clock(text: str, shown: str) -> tuple[time, str]:
    found = _TIME.search(text)
    if not found:
        return time(), text
    hour, minute = int(found.group(1)), int(found.group(2))
    second = int(found.group(3) or 0)
    micro = int((found.group(4) or "0")[:6].ljust(6, "0"))
    meridiem = (found.group(5) or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            raise DateError(f"'{shown}' is not a real time: hour {hour} with {meridiem}m")
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if second == 60:  # a leap second, as Ruby reads it: the next minute's start
        second = 59
    if hour == 24 and minute == 0 and second == 0:
        hour = 23  # "24:00" is the end of the day; kept within it
        minute, second, micro = 59, 59, 999999
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(f"'{shown}' is not a real time of day")
    rest = text[: found.start()] + " " + text[found.end() :]
    return time(hour, minute, second, micro), rest


def _calendar(text: str, shown: str) -> tuple[tuple[int, int, int], bool, str]:
    """Year, month and day; whether the year was two digits; what is left of the text."""
    found = _NUMERIC_DATE.search(text)
    if found:
        first, separator, middle, last = found.groups()
        rest = text[: found.start()] + " " + text[found.end() :]
        if len(first) >= 3 or (len(first) == 2 and len(last) <= 2 and separator == "-"):
            year_text, month, day = first, int(middle), int(last)  # 2025-09-27, 21-01-19
        elif len(last) >= 3 or separator == ".":
            year_text, month, day = last, int(middle), int(first)  # 27.09.2025
            if separator == "/" and int(first) <= 12 < int(middle):
                month, day = int(first), int(middle)  # 09/27/2025: the American order
        else:
            year_text, month, day = last, int(first), int(middle)  # 09/27/25
        if len(year_text) == 3:
            raise DateError(f"cannot read '{shown}' as a date ({EXPECTED})")
        year = _full_year(int(year_text), year_text)
        _real(year, month, day, shown)
        return (year, month, day), len(year_text) <= 2, rest
    return _named_month(text, shown)


def _named_month(text: str, shown: str) -> tuple[tuple[int, int, int], bool, str]:
    """`27 сентября 2025`, `September 27, 2025`, `27 Sep 25`, `Sat Sep 27 2025`."""
    month_word = next(
        (w for w in _WORD.finditer(text) if w.group(0).lower().rstrip(".") in MONTHS), None
    )
    if month_word is None:
        raise DateError(f"cannot read '{shown}' as a date ({EXPECTED})")
    month = MONTHS[month_word.group(0).lower()]
    rest = text[: month_word.start()] + " " + text[month_word.end() :]
    numbers = list(_NUMBER.finditer(rest))
    if len(numbers) != 2:
        raise DateError(f"cannot read '{shown}' as a date ({EXPECTED})")
    # `2025 September 27` puts the year first; every other order has the day first
    day_match, year_match = numbers if len(numbers[0].group(0)) <= 2 else numbers[::-1]
    day, year_text = int(day_match.group(0)), year_match.group(0)
    if len(year_text) == 3 or len(day_match.group(0)) > 2:
        raise DateError(f"cannot read '{shown}' as a date ({EXPECTED})")
    year = _full_year(int(year_text), year_text)
    _real(year, month, day, shown)
    for match in sorted(numbers, key=lambda m: -m.start()):
        rest = rest[: match.start()] + " " + rest[match.end() :]
    return (year, month, day), len(year_text) <= 2, rest


def _real(year: int, month: int, day: int, shown: str) -> None:
    try:
        date(year, month, day)
    except ValueError as err:
        raise DateError(f"'{shown}' is not a real date: {err}") from None
