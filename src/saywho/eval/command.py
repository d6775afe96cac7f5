"""`saywho eval polnear`: run (or read) saywho's predictions on PolNeAR-layout gold and score them.

Registered by the main CLI as `app.add_typer(eval_app, name="eval")`; also runnable on its own as
`python -m saywho.eval.command polnear GOLD_DIR ...`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from saywho.errors import SaywhoError
from saywho.eval.brat import AttributionFrags, gold_doc_names, read_gold
from saywho.eval.metrics import GROUPS, METRICS, load_predictions, normalize, score, summary_line

eval_app = typer.Typer(help="Evaluate saywho against annotated corpora.", no_args_is_help=True)


@eval_app.callback()
def _group() -> None:
    # A callback keeps `polnear` a named subcommand even while it is the only one (typer would otherwise
    # make a lone command the app itself, and `python -m saywho.eval.command polnear ...` would break).
    """Evaluate saywho against annotated corpora."""


def run_pipeline(
    gold_root: Path, docs: list[str], output_dir: Path | None, err: Console, accurate: bool = False
) -> tuple[dict[str, list[AttributionFrags]], list[tuple[str, str]], float]:
    """Analyse GOLD/text/<doc>.txt for every doc; returns predictions, failures and seconds spent (model
    loading excluded)."""
    # Imported here: the pipeline loads models and is developed separately; scoring must not depend on it.
    from saywho.pipeline import analyze_path

    if accurate:
        from saywho.pipeline import Pipeline

        analyze_path = Pipeline(accurate=True).analyze_path

    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
    preds: dict[str, list[AttributionFrags]] = {}
    failures: list[tuple[str, str]] = []
    started = time.perf_counter()
    with err.status("analysing") as status:
        for n, doc in enumerate(docs, 1):
            status.update(f"analysing {n}/{len(docs)}: {doc}")
            path = gold_root / "text" / f"{doc}.txt"
            try:
                article = analyze_path(path)
            except Exception as e:  # keep going: one bad article must not cost the whole evaluation
                failures.append((doc, f"{type(e).__name__}: {e}"))
                continue
            preds[doc] = [normalize(a) for a in article.attributions]
            if output_dir is not None:
                (output_dir / f"{doc}.json").write_text(
                    json.dumps(article.to_json(), ensure_ascii=False), encoding="utf-8"
                )
    return preds, failures, time.perf_counter() - started


def _metrics_table(r: dict[str, Any]) -> Table:
    table = Table(title=f"PolNeAR scores ({r['docs']} docs, {r['docs_without_prediction']} without prediction)")
    for col in ("metric", "P", "R", "F1", "tp", "pred", "gold"):
        table.add_column(col, justify="left" if col == "metric" else "right")
    for k in METRICS:
        m, c = r[k], r["counts"][k]
        table.add_row(
            k,
            f"{m['p']:.3f}",
            f"{m['r']:.3f}",
            f"{m['f1']:.3f}",
            str(c["tp"]),
            str(c["pred"]),
            str(c["gold"]),
        )
    return table


def _kind_table(r: dict[str, Any]) -> Table:
    table = Table(title="Recall by kind of gold attribution")
    for col in ("kind", "gold", "quote R", "attributed R", "content exact R"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    for g in GROUPS:
        k = r["by_kind"][g]
        table.add_row(
            g,
            str(k["gold"]),
            f"{k['quote_r']:.3f}",
            f"{k['attributed_quote_r']:.3f}",
            f"{k['content_exact_r']:.3f}",
        )
    return table


def _print_errors(out: Console, r: dict[str, Any]) -> None:
    errs = r["errors"]
    totals = errs["totals"]
    titles = (
        ("missed", "Missed gold"),
        ("spurious", "Spurious predictions"),
        ("wrong_source", "Wrong source"),
    )
    for key, title in titles:
        if not errs[key]:
            continue
        out.print(f"\n[bold]{title}[/bold] ({len(errs[key])} of {totals[key]})", highlight=False)
        for e in errs[key]:
            out.print(f"• {e['doc']} @{e['offset']}", style="dim", highlight=False, markup=False)
            line = f"  source={e['source']!r} cue={e['cue']!r}"
            if key == "wrong_source":
                line += f" predicted_source={e['predicted_source']!r}"
            out.print(line, highlight=False, markup=False)
            out.print(f"  content={e['content']!r}", highlight=False, markup=False)
            if key == "missed" and e.get("closest_prediction"):
                out.print(
                    f"  closest (J={e['closest_jaccard']:.2f}): {e['closest_prediction']!r}",
                    highlight=False,
                    markup=False,
                )


@eval_app.command("polnear")
def polnear(
    gold_dir: Annotated[Path, typer.Argument(help="PolNeAR split: DIR/text/*.txt, DIR/attributions/*.ann.")],
    pred_dir: Annotated[
        Path | None, typer.Option("--pred-dir", help="Score these saywho JSON files, don't run saywho.")
    ] = None,
    output_dir: Annotated[
        Path | None, typer.Option("--output-dir", "-o", help="Write each prediction to OUT/<doc>.json.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N gold docs.")] = None,
    errors: Annotated[int, typer.Option("--errors", min=0, help="Error examples per category.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    accurate: Annotated[bool, typer.Option("--accurate", help="Run saywho in the accurate mode.")] = False,
) -> None:
    """Score saywho on a PolNeAR-layout gold directory (numbers identical to attrscore.py)."""
    err = Console(stderr=True)
    if not (gold_dir / "text").is_dir() or not (gold_dir / "attributions").is_dir():
        err.print(f"error: {gold_dir} has no text/ and attributions/ folders", markup=False)
        raise typer.Exit(2)
    if pred_dir is not None and not pred_dir.is_dir():
        err.print(f"error: {pred_dir} is not a folder", markup=False)
        raise typer.Exit(2)

    docs = gold_doc_names(gold_dir)
    if limit is not None:
        docs = docs[:limit]
    gold = read_gold(gold_dir, docs)

    failures: list[tuple[str, str]] = []
    if pred_dir is not None:
        if output_dir is not None:
            err.print("note: --output-dir is ignored with --pred-dir (nothing is analysed)", markup=False)
        try:
            preds = load_predictions(pred_dir)
        except ValueError as e:
            err.print(f"error: {e}", markup=False)
            raise typer.Exit(2) from e
    else:
        try:
            preds, failures, seconds = run_pipeline(gold_dir, docs, output_dir, err, accurate)
        except SaywhoError as e:
            err.print(f"error: {e}", markup=False)
            raise typer.Exit(2) from e
        words = sum(len(gold[d].text.split()) for d in preds)
        rate = 1 / seconds if seconds else 0.0
        err.print(
            f"analysed {len(preds)} docs in {seconds:.1f} s "
            f"({len(preds) * rate:.2f} docs/s, {words * rate:.0f} words/s)",
            markup=False,
        )
        for doc, why in failures:
            err.print(f"failed: {doc}: {why}", markup=False)

    result = score(gold_dir, preds, docs=docs, errors=errors, gold=gold)
    if as_json:
        typer.echo(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        out = Console()
        out.print(_metrics_table(result))
        out.print(_kind_table(result))
        _print_errors(out, result)
        # Plain print: the summary must stay one unwrapped line that scripts can grep, like the reference's.
        print(summary_line(result))
        sys.stdout.flush()
    if failures:
        raise typer.Exit(1)


if __name__ == "__main__":
    eval_app()
