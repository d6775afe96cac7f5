"""Reading inputs from disk: which files a command line names, and one file into an Article."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Article
from ..errors import InputError
from .decoding import check_not_binary, decode_utf8
from .html import looks_like_html, read_html
from .plain import read_text

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # far above any article; stops a stray dump or video early

HTML_SUFFIXES = frozenset({".html", ".htm"})
INPUT_SUFFIXES = frozenset({".txt"}) | HTML_SUFFIXES


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand directories (recursively, sorted) to their .txt/.html/.htm files; yield plain files as given.

    A file named explicitly is yielded whatever its suffix: the user asked for it. A path that does not exist
    is yielded too, so that read_path reports it alongside the other inputs instead of it vanishing. Hidden
    files and folders inside a directory (".git", editor backups) are skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = (p.relative_to(path) for p in path.rglob("*") if p.suffix.lower() in INPUT_SUFFIXES)
            visible = (r for r in found if not any(part.startswith(".") for part in r.parts))
            yield from (path / r for r in sorted(visible, key=lambda r: r.parts) if (path / r).is_file())
        else:
            yield path


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one file: HTML by suffix or content, plain text otherwise. Raises InputError for bad input."""
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES:
        return read_html(data, source_path=str(path))  # may decode by the page's declared charset
    check_not_binary(data)
    text = decode_utf8(data)
    if looks_like_html(text):
        return read_html(text, source_path=str(path))
    return read_text(text, source_path=str(path))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing missing, unreadable, directory and oversized paths with a clear reason."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError("is a directory, not a file")
        if size > max_bytes:
            raise InputError(f"too large: {size} bytes > limit {max_bytes} bytes")
        with path.open("rb") as handle:
            # Files can grow between stat() and read(), and /dev/stdin-like paths report size 0.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file") from None
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or os.strerror(err.errno or 0)}") from None
    if len(data) > max_bytes:
        raise InputError(f"too large: {len(data)}+ bytes > limit {max_bytes} bytes")
    return data
