"""Where `saywho analyze --output-dir OUT` writes each input's result, decided before anything is analysed.

    plan_outputs([("coll", [Path("coll/x/a.txt"), Path("coll/y/a.txt"), Path("coll/x/a.html")])], ".json")
    -> {coll/x/a.txt: x/a.txt.json, coll/y/a.txt: y/a.json, coll/x/a.html: x/a.html.json}

A file found in a directory keeps its folder under OUT (coll/x/a.txt -> OUT/x/a.json), so that files of the same
name in different folders never overwrite each other. A file named on the command line goes to OUT itself. An input
is written as `<stem><suffix>`, unless another input would take the same name in the same folder with a different
extension (a.txt and a.html): then each is written under its full file name (a.txt.json, a.html.json). Whatever
still collides (two explicit files x/a.txt and y/a.txt) is refused before the run with `OutputClash`: a result is
never lost silently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path, PurePath

from saywho.errors import SaywhoError

STDIN = "-"


class OutputClash(SaywhoError):
    """Two inputs would write the same output file."""


def plan_outputs(roots: Iterable[tuple[str, list[Path]]], suffix: str) -> dict[str, PurePath]:
    """{input name: output path relative to OUT} for each (argument, the files it names) pair.

    The argument is a directory (its files keep their folders relative to it), a file (its one file goes to OUT's
    top), or "-" for stdin (written as `stdin<suffix>`). Raises OutputClash when two different inputs would still
    write the same file.
    """
    wanted: list[tuple[str, PurePath]] = []  # (input name, its relative path under OUT, with the extension)
    for argument, files in roots:
        if argument == STDIN:
            wanted.append((STDIN, PurePath("stdin")))
            continue
        root = Path(argument)
        for file in files:
            relative = file.relative_to(root) if root.is_dir() else PurePath(file.name)
            wanted.append((str(file), PurePath(relative)))

    # Inputs that share a folder and a stem but not an extension keep their extension in the output name.
    by_stem: dict[tuple[PurePath, str], set[str]] = defaultdict(set)
    for _, relative in wanted:
        by_stem[(relative.parent, relative.stem.casefold())].add(relative.suffix.casefold())
    plan: dict[str, PurePath] = {}
    writers: dict[PurePath, list[str]] = defaultdict(list)
    for name, relative in wanted:
        clash = len(by_stem[(relative.parent, relative.stem.casefold())]) > 1
        output = relative.parent / ((relative.name if clash else relative.stem) + suffix)
        if name in plan:
            continue  # the same input named twice writes one result
        plan[name] = output
        writers[output].append(name)

    clashes = {output: names for output, names in writers.items() if len(names) > 1}
    if clashes:
        output, names = next(iter(clashes.items()))
        more = f" (and {len(clashes) - 1} more clashes)" if len(clashes) > 1 else ""
        raise OutputClash(
            f"{' and '.join(names)} would both be written to {output}{more}; "
            "analyse them in separate runs or name their common folder instead"
        )
    return plan
