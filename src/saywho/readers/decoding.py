"""Turning bytes into article text, or into a one-line reason why they are not one.

Plain text is decoded strictly as UTF-8 and never altered (no newline translation, BOM kept), because the
offsets saywho reports must be offsets into the file. Guessing an encoding would silently break that promise,
so a file that is not UTF-8 is refused with the position of the first bad byte.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

# How much of the start of a file decides whether it is binary; text formats show themselves early.
_SNIFF_BYTES = 8192
# Control bytes that text does not contain (tab, newlines, form feed, escape and friends excluded).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"
# A text with more than this share of such bytes is binary data, whatever else it is.
_MAX_CONTROL_SHARE = 0.1

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def check_not_binary(data: bytes) -> None:
    """Refuse data that is not text at all: NUL bytes or mostly control bytes."""
    sample = data[:_SNIFF_BYTES]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 is text, but full of NULs; say what it is rather than calling it binary.
        raise InputError("UTF-16 text, not UTF-8; re-encode it as UTF-8")
    if b"\x00" in sample:
        raise InputError("binary file, not text")
    if sample and sum(sample.count(b) for b in _CONTROL_BYTES) > _MAX_CONTROL_SHARE * len(sample):
        raise InputError("binary file, not text")


def decode_utf8(data: bytes) -> str:
    """Decode strictly as UTF-8, keeping a byte-order mark and every "\\r" (offsets stay file offsets)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = f"invalid byte 0x{data[err.start]:02x} at offset {err.start}"
        raise InputError(f"not valid UTF-8 ({bad}); re-encode it as UTF-8") from None


def decode_html(data: bytes) -> str:
    """Decode an HTML page: UTF-8 when it is, else the charset the page declares, else refuse."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    charset = (match[1] or match[2]).decode("ascii") if match else None
    if charset:
        try:
            return data.decode(charset)
        except LookupError:
            raise InputError(f"unknown charset {charset!r} declared in the HTML") from None
        except UnicodeDecodeError as err:
            raise InputError(
                f"not valid {charset} as the HTML declares (invalid byte 0x{data[err.start]:02x} at offset {err.start})"
            ) from None
    return decode_utf8(data)  # raises with the position of the bad byte


def check_text(text: str) -> None:
    """Refuse text that holds no article: empty, blank, or binary data that happened to decode."""
    if not text.replace("\ufeff", "").strip():
        raise InputError("empty input")
    if "\x00" in text[:_SNIFF_BYTES]:
        raise InputError("binary file, not text")
