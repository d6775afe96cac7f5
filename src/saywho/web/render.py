"""HTML that templates cannot comfortably build: the highlighted article text and the stance-over-time chart.

Everything from an article or the store is escaped slice by slice (`markupsafe.escape`) before it is wrapped in
markup, so an article containing `<script>` shows it as text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from .data import MARK_CLOSE, MARK_OPEN

STANCE_ORDER = ("support", "conditional", "neutral", "oppose", "unknown")
STANCE_SIGN = {"support": "+", "conditional": "~", "neutral": "0", "oppose": "−", "unknown": "?"}
# Which part of a statement shows when spans overlap: the speaker's name over the cue over the content.
_PRIORITY = {"source": 3, "cue": 2, "content": 1}


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    part: str  # source | cue | content | condition
    key: str
    colour: int | None


def _marks(text: str, statements: list[dict[str, Any]]) -> list[_Mark]:
    marks: list[_Mark] = []
    for st in statements:
        spans = [("source", st.get("source")), ("cue", st.get("cue"))]
        spans += [("content", f) for f in st.get("fragments") or []]
        spans += [("condition", i.get("condition")) for i in st.get("issues") or []]
        for part, span in spans:
            if span and 0 <= span["start"] < span["end"] <= len(text):
                marks.append(_Mark(span["start"], span["end"], part, st["key"], st.get("colour")))
    return marks


def highlight(text: str, statements: list[dict[str, Any]], titles: dict[str, str] | None = None) -> Markup:
    """The article text with every statement's source, cue and content fragments (and conditions) wrapped in
    `<span class="hl hl-PART spk-N" data-s="KEY">`; where spans overlap the most specific part wins."""
    titles = titles or {}
    marks = _marks(text, statements)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[_Mark]] = defaultdict(list)
    for m in marks:
        starting[m.start].append(m)
    active: list[_Mark] = []
    pieces: list[tuple[int, int, _Mark | None, bool]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > a] + starting.get(a, [])
        parts = [m for m in active if m.part != "condition"]
        best = max(parts, key=lambda m: (_PRIORITY[m.part], m.start - m.end)) if parts else None
        cond = any(m.part == "condition" for m in active)
        if pieces and pieces[-1][2] == best and pieces[-1][3] == cond and pieces[-1][1] == a:
            pieces[-1] = (pieces[-1][0], b, best, cond)
        else:
            pieces.append((a, b, best, cond))
    out: list[str] = []
    seen: set[str] = set()
    for a, b, mark, cond in pieces:
        chunk = str(escape(text[a:b]))
        if mark is None:
            out.append(f'<span class="hl-cond">{chunk}</span>' if cond else chunk)
            continue
        classes = f"hl hl-{mark.part} " + (f"spk-{mark.colour}" if mark.colour is not None else "spk-none")
        if cond:
            classes += " hl-cond"
        attrs = f' class="{classes}" data-s="{escape(mark.key)}"'
        if mark.key not in seen:
            seen.add(mark.key)
            attrs += f' id="t-{escape(mark.key)}"'
        if mark.part == "source":
            attrs += ' tabindex="0"'
        if mark.key in titles:
            attrs += f' title="{escape(titles[mark.key])}"'
        out.append(f"<span{attrs}>{chunk}</span>")
    return Markup("".join(out))


def statement_title(st: dict[str, Any]) -> str:
    """One line about a statement, for the highlight's native tooltip (when scripts are off)."""
    speaker = st["speaker"]
    head = speaker["name"] + (f" — {speaker['role']}" if speaker.get("role") else "")
    issues = "; ".join(f"{i['issue']}: {i['stance']}" for i in st.get("issues") or [])
    return f"{head} · {st['kind']}" + (f" · {issues}" if issues else "")


def snippet(text: str | None) -> Markup:
    """An FTS5 snippet with its match markers as <mark>, everything else escaped."""
    escaped = str(escape(text or ""))
    return Markup(escaped.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def stance_chart(rows: list[dict[str, Any]], *, max_issues: int = 6) -> Markup:
    """A small inline SVG: one row per issue (most discussed first), one stacked bar per period, bar segments
    coloured by stance and sized by number of statements. `rows`: {period, issue, stance, statements}."""
    if not rows:
        return Markup("")
    totals: dict[str, int] = defaultdict(int)
    cells: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    periods: set[str] = set()
    for r in rows:
        totals[r["issue"]] += r["statements"]
        cells[(r["issue"], r["period"])][r["stance"]] += r["statements"]
        periods.add(r["period"])
    issues = sorted(totals, key=lambda i: (-totals[i], i))[:max_issues]
    order = sorted(periods, key=lambda p: (p == "undated", p))
    peak = max(sum(c.values()) for (issue, _), c in cells.items() if issue in issues)
    label_w, col_w, bar_w, row_h, bar_h, top = 150, 34, 20, 44, 34, 6
    width = label_w + col_w * len(order) + 8
    height = top + row_h * len(issues) + 30
    out = [
        f'<svg class="stance-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="stance over time">'
    ]
    for n, issue in enumerate(issues):
        base = top + row_h * n + bar_h
        label = issue if len(issue) <= 22 else issue[:21] + "…"
        out.append(
            f'<text class="chart-label" x="4" y="{base - 10}">{escape(label)}<title>{escape(issue)}</title></text>'
        )
        out.append(f'<line class="chart-axis" x1="{label_w - 4}" y1="{base}" x2="{width - 4}" y2="{base}"/>')
        for k, period in enumerate(order):
            counts = cells.get((issue, period))
            if not counts:
                continue
            x, y = label_w + col_w * k + (col_w - bar_w) // 2, float(base)
            for stance in STANCE_ORDER:
                count = counts.get(stance, 0)
                if not count:
                    continue
                h = max(2.0, bar_h * count / peak)
                y -= h
                tip = f"{issue} · {period}: {count} {stance}"
                out.append(
                    f'<rect class="st-{stance}" x="{x}" y="{y:.1f}" width="{bar_w}" height="{h:.1f}">'
                    f"<title>{escape(tip)}</title></rect>"
                )
    step = max(1, len(order) // 12)
    axis_y = top + row_h * len(issues) + 14
    for k, period in enumerate(order):
        if k % step == 0 or k == len(order) - 1:
            x = label_w + col_w * k + col_w // 2
            out.append(f'<text class="chart-period" x="{x}" y="{axis_y}" text-anchor="middle">{escape(period)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def matrix_cell(cell: dict[str, Any] | None) -> Markup:
    """A stance-matrix cell: "+2 ~1" with the dominant stance as its class (empty when no statement)."""
    if not cell:
        return Markup('<td class="cell-empty"></td>')
    text = " ".join(f"{STANCE_SIGN[s]}{cell[s]}" for s in STANCE_ORDER if cell.get(s))
    score = "" if cell.get("score") is None else f"; score {cell['score']:+.2f}"
    tip = ", ".join(f"{cell[s]} {s}" for s in STANCE_ORDER if cell.get(s)) + score
    return Markup(f'<td class="cell st-bg-{escape(cell["dominant"])}" title="{escape(tip)}">{escape(text)}</td>')
