"""The human-readable report of one article: provenance, then each speaker with their statements."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from saywho.document import Article, Attribution, Entity, IssueStance


def _role_line(entity: Entity) -> str:
    parts = []
    for role in entity.roles[:2]:
        bits = [b for b in (role.title, role.organization, role.country) if b]
        if bits:
            parts.append(", ".join(bits))
    return "; ".join(parts)


def _provenance(article: Article) -> Text:
    m = article.meta
    line = Text()
    fields = [
        ("publisher", m.publisher),
        ("section", m.section),
        ("published", m.published),
        ("language", m.language),
        ("translated from", m.translated_from),
        ("translator", m.translator),
        ("source", m.source_path or m.url),
    ]
    for label, value in fields:
        if value:
            line.append(f"{label}: ", style="dim")
            line.append(f"{value}   ")
    return line


def _statement(a: Attribution) -> Text:
    t = Text("  • ")
    t.append(f"[{a.kind}] ", style="cyan")
    if a.cue:
        t.append(a.cue.text, style="bold yellow")
        t.append(": ")
    content = " … ".join(c.text for c in a.content)
    t.append(content)
    if a.source and a.source.text:
        t.append(f"  ({a.source.text}; confidence {a.confidence:.2f})", style="dim")
    positions = [_position(i) for i in a.issues]
    if positions or a.speech_act:
        t.append("\n    ")
        if a.speech_act:
            t.append(f"{a.speech_act}  ", style="magenta")
        t.append("; ".join(positions), style="green")
    return t


def _position(issue: IssueStance) -> str:
    text = f"{issue.issue}: {issue.stance}"
    if issue.condition is not None:
        text += f" (if: {issue.condition.text})"
    return text


def render(article: Article) -> Group:
    """A rich renderable: title, provenance, then speakers in order of first statement."""
    parts: list = []
    title = article.meta.title or (article.meta.source_path or "article")
    parts.append(Text(title, style="bold"))
    parts.append(_provenance(article))
    by_speaker: dict[str | None, list[Attribution]] = {}
    for a in sorted(article.attributions, key=lambda a: a.start):
        by_speaker.setdefault(a.speaker, []).append(a)
    if not by_speaker:
        parts.append(Text("No attributions found.", style="dim"))
    for speaker_id, statements in by_speaker.items():
        entity = article.entity(speaker_id)
        header = Text()
        if entity is None:
            header.append("(unresolved speaker)", style="bold red")
        else:
            header.append(entity.name, style="bold green")
            header.append(f"  {entity.type}", style="dim")
            role = _role_line(entity)
            if role:
                header.append(f"  — {role}")
            if entity.aliases:
                header.append(f"  aka {', '.join(entity.aliases[:5])}", style="dim")
        parts.append(Panel(Group(*[_statement(a) for a in statements]), title=header, title_align="left"))
    return Group(*parts)


def print_report(article: Article, console: Console | None = None) -> None:
    (console or Console()).print(render(article))
