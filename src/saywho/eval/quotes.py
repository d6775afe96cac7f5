"""Which characters lie inside quotation marks, to tell direct, mixed and indirect attributions apart.

Gold contents sometimes include their quotation marks and sometimes stop just inside them, so looking at the
content string alone is not enough: we mark quoted regions over the whole text and look at where the
content's letters fall.
"""

from __future__ import annotations

from collections.abc import Iterable

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
QUOTE_CHARS = OPENERS + CLOSERS + STRAIGHT
# Single quotes are left out on purpose: ’ is far more often an apostrophe than a closing quote.


def quote_mask(text: str) -> bytearray:
    """mask[i] == 1 when text[i] lies inside a quotation (the marks themselves included).

    Quotes are tracked with a stack so that nested quotations work, and the stack is emptied at every
    newline: news style opens each paragraph of a long quotation again without closing the previous one,
    and an unbalanced straight quote should not spill past its paragraph.
    """
    mask = bytearray(len(text))
    stack: list[str] = []
    for i, ch in enumerate(text):
        if ch == "\n":
            stack.clear()
        elif ch in OPENERS:
            stack.append(ch)
        elif ch in CLOSERS:
            mask[i] = 1 if stack else 0
            # Close the innermost curly quotation, dropping any unbalanced straight quote opened inside it.
            while stack and stack.pop() == STRAIGHT:
                pass
            continue
        elif ch == STRAIGHT:
            if stack and stack[-1] == STRAIGHT:
                stack.pop()
                mask[i] = 1
                continue
            stack.append(ch)
        if stack:
            mask[i] = 1
    return mask


def classify_kind(text: str, frags: Iterable[tuple[int, int]] | None, mask: bytearray | None = None) -> str:
    """The kind of a content: "direct" (every letter or digit quoted), "mixed" (some quoted, or a quotation
    mark inside), else "indirect"."""
    if mask is None:
        mask = quote_mask(text)
    n = inside = 0
    has_mark = False
    for a, b in frags or ():
        for i in range(max(a, 0), min(b, len(text))):
            ch = text[i]
            if ch.isalnum():
                n += 1
                inside += mask[i]
            elif ch in QUOTE_CHARS:
                has_mark = True
    if n and inside == n:
        return "direct"
    if inside or has_mark:
        return "mixed"
    return "indirect"
