"""Writing XML files (feeds, sitemap) byte-identically with only characters XML 1.0 allows."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, tzinfo
from functools import cache

# XML 1.0 `Char`: no C0 controls but tab/newline/return, no lone surrogates, no U+FFFE/U+FFFF.
# Escaping cannot save them (`&#1;` is just as forbidden), so they are dropped.
_NOT_XML_CHAR = "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def xml_safe(text: str) -> str:
    """`text` without the characters an XML 1.0 document may not contain."""
    return _not_xml_char().sub("", text)


@cache
def _not_xml_char() -> re.Pattern[str]:
    # compiled on first use: the character class takes longer to compile than most imports
    return re.compile(_NOT_XML_CHAR)


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Append a child element; text and attribute values are cleaned for XML 1.0."""
    child = ET.SubElement(parent, tag, {name: xml_safe(value) for name, value in attrs.items()})
    if text is not None:
        child.text = xml_safe(text)
    return child


def w3c_datetime(moment: datetime, fallback_tz: tzinfo) -> str:
    """An RFC 3339 / W3C datetime with its offset: `2025-09-27T10:00:00+03:00`."""
    if moment.tzinfo is None:  # the pipeline keeps dates aware; never write an offset-less one
        moment = moment.replace(tzinfo=fallback_tz)
    return moment.isoformat(timespec="seconds")


def to_bytes(root: ET.Element) -> bytes:
    """The document as indented UTF-8 with an XML declaration and a final newline."""
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
