"""The `saywho` command line."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path, PurePath
from typing import Annotated

import typer
from rich.console import Console

from saywho import __version__
from saywho.attribution.learned.command import train_app
from saywho.document import Article
from saywho.errors import SaywhoError
from saywho.eval.command import eval_app
from saywho.outputs import STDIN, OutputClash, plan_outputs
from saywho.store.commands import register as register_store_commands
from saywho.web.command import register as register_web_commands

app = typer.Typer(
    help="saywho: who said what in news articles, with offsets back into the text.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
register_store_commands(app)
register_web_commands(app)


class OutputFormat(StrEnum):
    json = "json"
    text = "text"


def _error(err: Console, where: str, message: str) -> None:
    # One line per failed input, with no traceback: the message is the user's to act on.
    err.print(f"saywho: error: {where}: {message}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (.txt, .html, .htm) or - for stdin.")],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="json (the contract) or text (a report); default: text on a terminal."),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            help="Write OUT/<stem>.json (or .txt) per input; a directory's files keep their folders under OUT.",
        ),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name (default: en_core_web_sm if installed).")] = None,
    max_bytes: Annotated[int | None, typer.Option(min=1, help="Refuse inputs larger than this many bytes.")] = None,
    taxonomy: Annotated[
        str | None,
        typer.Option(help="Issue taxonomy: a YAML file or a packaged name (default, russia-japan)."),
    ] = None,
    accurate: Annotated[
        bool,
        typer.Option(
            "--accurate",
            # Help is rich markup: "\\[" keeps the extra's brackets, which would be read as a style tag.
            help="Also run the fine-tuned encoder (better English attributions, about 2x slower; needs "
            'pip install "saywho\\[accurate]").',
        ),
    ] = False,
) -> None:
    """Find every attribution (source, cue, content) and its resolved speaker in each article."""
    from saywho.pipeline import Pipeline
    from saywho.readers import DEFAULT_MAX_BYTES, iter_input_files, read_path, read_text

    out, err = Console(), Console(stderr=True)
    fmt = output_format or (OutputFormat.text if sys.stdout.isatty() and output_dir is None else OutputFormat.json)
    limit = max_bytes or DEFAULT_MAX_BYTES

    failures = 0
    roots: list[tuple[str, list[Path]]] = [(STDIN, [])] if STDIN in paths else []
    for path in (p for p in paths if p != STDIN):
        if not Path(path).exists():
            _error(err, path, "no such file or directory")
            failures += 1
        else:
            roots.append((path, list(iter_input_files([path]))))
    inputs: list[tuple[str, Path | None]] = [(STDIN, None)] if STDIN in paths else []
    inputs += [(str(p), p) for path, files in roots if path != STDIN for p in files]
    if not inputs and not failures:
        # Not an error, but never silent: the folder may be the wrong one.
        err.print(
            f"saywho: warning: no article in {', '.join(paths)} (looked for .txt, .html and .htm files)",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    # Every output path is decided (and a clash refused) before the first article is analysed.
    plan: dict[str, PurePath] = {}
    if output_dir is not None:
        try:
            plan = plan_outputs(roots, ".json" if fmt is OutputFormat.json else ".txt")
        except OutputClash as exc:
            _error(err, "--output-dir", str(exc))
            raise typer.Exit(2) from exc

    try:
        pipeline = Pipeline(model=model, taxonomy=taxonomy, accurate=accurate)
    except SaywhoError as exc:
        _error(err, "model", str(exc))
        raise typer.Exit(2) from exc
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)

    for name, path in inputs:
        try:
            if path is None:
                data = sys.stdin.buffer.read(limit + 1)
                if len(data) > limit:
                    raise SaywhoError(f"too large: more than {limit} bytes on stdin")
                try:
                    article = read_text(data.decode("utf-8"), source_path="-")
                except UnicodeDecodeError as exc:
                    raise SaywhoError(f"not valid UTF-8 (invalid byte at offset {exc.start})") from exc
            else:
                article = read_path(path, max_bytes=limit)
            article = pipeline.analyze_article(article)
        except SaywhoError as exc:
            _error(err, name, str(exc))
            failures += 1
            continue
        except Exception as exc:  # an internal failure on one article must not stop the others
            _error(err, name, f"internal error ({exc.__class__.__name__}: {exc}); please report it")
            failures += 1
            continue
        _emit(article, fmt, out, output_dir / plan[name] if output_dir is not None else None)

    if failures:
        raise typer.Exit(1)


def _emit(article: Article, fmt: OutputFormat, out: Console, target: Path | None) -> None:
    """Print the article, or write it to `target` (its folder is made as needed)."""
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
    if fmt is OutputFormat.json:
        payload = json.dumps(article.to_json(), ensure_ascii=False, indent=None if target else 2)
        if target is not None:
            target.write_text(payload + "\n", encoding="utf-8")
        else:
            sys.stdout.write(payload + "\n")
        return
    from saywho.report import print_report, render

    if target is not None:
        with target.open("w", encoding="utf-8") as fh:
            Console(file=fh, width=110, color_system=None).print(render(article))
    else:
        print_report(article, out)


@app.command()
def version() -> None:
    """Print the saywho version."""
    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
