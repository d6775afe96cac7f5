"""The `saywho` command line, run as a real subprocess, and the spaCy pipeline component."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAYWHO = shutil.which("saywho", path=str(Path(sys.executable).parent))
COMMAND = [SAYWHO] if SAYWHO else [sys.executable, "-m", "saywho.cli"]
ENV = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb", "PYTHONIOENCODING": "utf-8"}


def saywho(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*COMMAND, *args],
        input=stdin,
        capture_output=True,
        env=ENV,
        timeout=120,
    )


def err_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return proc.stderr.decode("utf-8", "replace").splitlines()


def test_json_output_of_the_example(example_path):
    proc = saywho("analyze", str(example_path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == "saywho/article/v1"
    with open(example_path, encoding="utf-8", newline="") as fh:
        assert data["text"] == fh.read()
    assert data["article"]["translator"] == "Yandex Translator"
    ids = {e["id"] for e in data["entities"]}
    assert len(data["attributions"]) >= 20
    for a in data["attributions"]:
        assert a["speaker"] is None or a["speaker"] in ids
        for span in [a["source"], a["cue"], *a["content"]]:
            if span:
                assert data["text"][span["start"] : span["end"]] == span["text"]
    assert "Andrei Rudenko" in {e["name"] for e in data["entities"]}


def test_text_report_names_the_speakers(example_path):
    proc = saywho("analyze", str(example_path), "--format", "text")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    for name in ("Andrei Rudenko", "Dmitry Peskov", "Olga Dobrinskaya", "Saori Katada", "Oleg Kazakov"):
        assert name in out
    assert "Yandex Translator" in out


def test_directory_with_bad_files(tmp_path, example_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(example_path, src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "cyrillic.txt").write_bytes(
        "Министр сказал, что переговоры продолжатся на следующей неделе.".encode("cp1251")
    )
    (src / "unbalanced.txt").write_text(
        'The minister said: "We will never give up and the talks will go on\n'
        "Another paragraph, with “more text and no end.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    proc = saywho("analyze", str(src), "--format", "json", "--output-dir", str(out))
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    lines = err_lines(proc)
    assert all(line.startswith("saywho: error:") for line in lines), lines
    for bad in ("empty.txt", "binary.txt", "cyrillic.txt"):
        assert len([line for line in lines if bad in line]) == 1, (bad, lines)
    assert len(lines) == 3, lines
    assert any("empty" in line for line in lines if "empty.txt" in line)
    assert any("UTF-8" in line for line in lines if "cyrillic.txt" in line)
    # Good files are written; an unbalanced quotation is no error.
    assert sorted(p.name for p in out.iterdir()) == ["good.json", "unbalanced.json"]
    good = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert good["schema"] == "saywho/article/v1"
    assert len(good["attributions"]) >= 20
    unbalanced = json.loads((out / "unbalanced.json").read_text(encoding="utf-8"))
    assert unbalanced["text"] == (src / "unbalanced.txt").read_text(encoding="utf-8")


def test_output_dir_keeps_folders_and_extensions(tmp_path):
    # coll/x/a.txt, coll/y/a.txt and coll/x/a.html once all wrote OUT/a.json: two results were lost silently.
    coll = tmp_path / "coll"
    (coll / "x").mkdir(parents=True)
    (coll / "y").mkdir()
    (coll / "x" / "a.txt").write_text('"We will talk," said Ivan Petrov.\n', encoding="utf-8")
    (coll / "y" / "a.txt").write_text('"We will wait," said Anna Orlova.\n', encoding="utf-8")
    (coll / "x" / "a.html").write_text(
        '<html><body><p>"We will see," said Oleg Sokolov.</p></body></html>', encoding="utf-8"
    )
    (coll / "x" / "b.txt").write_text('"Fine," said Ivan Petrov.\n', encoding="utf-8")
    out = tmp_path / "out"
    proc = saywho("analyze", str(coll), "-f", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == ["x/a.html.json", "x/a.txt.json", "x/b.json", "y/a.json"]
    texts = {name: json.loads((out / name).read_text(encoding="utf-8"))["text"] for name in written}
    assert "Ivan Petrov" in texts["x/a.txt.json"] and "Anna Orlova" in texts["y/a.json"]
    assert "Oleg Sokolov" in texts["x/a.html.json"]


def test_output_dir_refuses_files_that_would_clash(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text('"Yes," said Ivan Petrov.\n', encoding="utf-8")
    out = tmp_path / "out"
    proc = saywho("analyze", str(tmp_path / "x" / "a.txt"), str(tmp_path / "y" / "a.txt"), "-f", "json", "-o", str(out))
    assert proc.returncode == 2
    (line,) = err_lines(proc)
    assert line.startswith("saywho: error: --output-dir:") and "a.json" in line, line
    assert not out.exists()  # refused before anything was analysed or written


def test_nonexistent_path(tmp_path):
    missing = tmp_path / "nope.txt"
    proc = saywho("analyze", str(missing), "--format", "json")
    assert proc.returncode == 1
    lines = err_lines(proc)
    assert len(lines) == 1, lines
    assert lines[0].startswith("saywho: error:")
    assert str(missing) in lines[0]
    assert proc.stdout == b""


def test_stdin():
    text = '"We are ready to talk about the treaty," said Ivan Petrov.\n'
    proc = saywho("analyze", "-", "--format", "json", stdin=text.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["text"] == text
    (a,) = data["attributions"]
    assert a["kind"] == "direct"
    assert a["source"]["text"] == "Ivan Petrov"
    speaker = next(e for e in data["entities"] if e["id"] == a["speaker"])
    assert speaker["name"] == "Ivan Petrov"


def test_max_bytes(example_path):
    proc = saywho("analyze", str(example_path), "--format", "json", "--max-bytes", "100")
    assert proc.returncode == 1
    lines = err_lines(proc)
    assert len(lines) == 1, lines
    assert lines[0].startswith("saywho: error:")
    assert example_path.name in lines[0]
    assert "too large" in lines[0]
    assert proc.stdout == b""


# ---------------------------------------------------------------------------------------- spaCy component


@pytest.fixture(scope="module")
def nlp_with_saywho():
    from saywho.nlp.english import load_english

    # load_english() is cached and shared with every Pipeline; add the component to a fresh copy only.
    nlp = load_english.__wrapped__()
    nlp.add_pipe("saywho")
    return nlp


def test_spacy_component(nlp_with_saywho):
    from saywho import Article, Attribution, Entity

    doc = nlp_with_saywho('"We are ready to talk about the treaty," said Ivan Petrov on Monday.')
    attributions = doc._.attributions
    assert isinstance(attributions, list) and attributions
    assert all(isinstance(a, Attribution) for a in attributions)
    a = attributions[0]
    assert a.kind == "direct"
    assert a.source.text == "Ivan Petrov"
    assert doc.text[a.source.start : a.source.end] == "Ivan Petrov"
    assert isinstance(doc._.saywho_article, Article)
    assert all(isinstance(e, Entity) for e in doc._.speakers)
    assert doc._.saywho_article.speaker_of(a).name == "Ivan Petrov"
    # The component leaves the rest of the pipeline's annotations in place.
    assert any(ent.label_ == "PERSON" for ent in doc.ents)


def test_spacy_component_on_text_without_speech(nlp_with_saywho):
    doc = nlp_with_saywho("The river flooded the valley in April.")
    assert doc._.attributions == []


def test_spacy_component_on_empty_doc(nlp_with_saywho):
    docs = list(nlp_with_saywho.pipe(["", "   ", "Nothing is said here."]))
    assert [d._.attributions for d in docs] == [[], [], []]


def _commands(command, path=()):
    yield list(path), command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _commands(sub, (*path, name))


def test_help_texts_keep_their_square_brackets():
    # Typer reads help as rich markup: 'pip install "saywho[accurate]"' was shown as 'pip install "saywho"'.
    import re

    import typer.main
    from typer.testing import CliRunner

    from saywho.cli import app

    runner = CliRunner()
    checked = 0
    for path, command in _commands(typer.main.get_command(app)):
        texts = [command.help or "", *(getattr(p, "help", None) or "" for p in command.params)]
        words = {w.replace("\\[", "[") for t in texts for w in re.findall(r"[\w.-]*\\?\[[\w ,.-]+\][\w.-]*", t)}
        if not words:
            continue
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "400", "NO_COLOR": "1", "TERM": "dumb"})
        assert result.exit_code == 0, (path, result.output)
        for word in words:
            assert word in result.output, (path, word)
            checked += 1
    assert checked >= 3  # analyze, ingest and serve name the accurate extra


def test_bad_option_values_and_missing_models_are_refused_up_front(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text('"Yes," said Ivan Petrov.\n', encoding="utf-8")
    # --max-bytes -5 was taken, and every input then refused as larger than -5 bytes.
    proc = saywho("analyze", str(text), "--max-bytes", "-5")
    assert proc.returncode == 2 and "--max-bytes" in proc.stderr.decode()
    # A model named and not installed is that model's problem, not "no English spaCy model is installed".
    proc = saywho("analyze", str(text), "--model", "nosuch_model")
    (line,) = err_lines(proc)
    assert proc.returncode == 2 and "the spaCy model 'nosuch_model' is not installed; installed: " in line, line
    # ingest refused it only per article, after creating an empty store.
    db = tmp_path / "new.db"
    proc = saywho("ingest", str(text), "--model", "nosuch_model", "--db", str(db), "-q")
    (line,) = err_lines(proc)
    assert proc.returncode == 1 and "'nosuch_model' is not installed" in line, line
    assert not db.exists()


def test_an_empty_folder_is_a_warning(tmp_path):
    # `ingest emptydir` said "0 inputs" and nothing more; `analyze emptydir` said nothing at all.
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("not an article\n", encoding="utf-8")
    proc = saywho("ingest", str(empty), "--db", str(tmp_path / "s.db"), "-q")
    assert proc.returncode == 0
    assert f"saywho: warning: no article to ingest in {empty}" in proc.stderr.decode()
    proc = saywho("analyze", str(empty), "-f", "json")
    assert proc.returncode == 0 and proc.stdout == b""
    assert err_lines(proc) == [f"saywho: warning: no article in {empty} (looked for .txt, .html and .htm files)"]
