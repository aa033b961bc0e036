"""Unit tests of framingkit.lessonbuild and `framingkit lessons build|check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framingkit import lessonbuild as lb
from framingkit.cli import main
from framingkit.errors import InputError


def _nb(cells: list[dict], lesson: str = "99-test") -> dict:
    return {
        "cells": cells,
        "metadata": {"framingkit": {"lesson": lesson, "version": 1}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _md(text: str, cid: str, tags: list[str] | None = None) -> dict:
    meta = {"tags": tags} if tags else {}
    return {"cell_type": "markdown", "id": cid, "metadata": meta, "source": text}


def _code(text: str, cid: str, ex: str | None = None) -> dict:
    meta: dict = {}
    if ex:
        meta = {"framingkit": {"exercise": ex}, "tags": ["exercise"]}
    return {
        "cell_type": "code",
        "id": cid,
        "metadata": meta,
        "execution_count": 3,
        "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi\n"}],
        "source": text,
    }


SOLUTION = _nb(
    [
        _md("# Title", "a"),
        _md("Timing: 10 minutes. Students confuse X with Y.", "b", ["instructor-note"]),
        _code(
            "from framingkit.exercises import exercise\n"
            "### BEGIN SOLUTION\nanswer = ['flagrant violation']\n### END SOLUTION\n"
            "exercise('99-test/spans', answer)",
            "c",
            "99-test/spans",
        ),
        _code("print(1)", "d"),
    ]
)


def test_strip_removes_notes_and_solutions_and_outputs() -> None:
    out = lb.strip_notebook(SOLUTION)
    assert [c["id"] for c in out["cells"]] == ["a", "c", "d"]
    ex = out["cells"][1]
    assert lb.source_of(ex) == (
        "from framingkit.exercises import exercise\n"
        "answer = None\n"
        "exercise('99-test/spans', answer)"
    )
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in out["cells"][1:])
    assert "flagrant" not in json.dumps(out)
    assert "Timing" not in json.dumps(out)
    # the input is not changed
    assert "flagrant" in json.dumps(SOLUTION)


def test_placeholder_keeps_indentation_and_list_sources() -> None:
    cell = _code("", "x")
    cell["source"] = [
        "if True:\n",
        "    ### BEGIN SOLUTION\n",
        "    answer = 2\n",
        "    ### END SOLUTION\n",
    ]
    out = lb.strip_notebook(_nb([cell]))
    assert lb.source_of(out["cells"][0]) == "if True:\n    answer = None\n"


@pytest.mark.parametrize(
    "source",
    [
        "### BEGIN SOLUTION\nanswer = 1",
        "answer = 1\n### END SOLUTION",
        "### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION",
    ],
)
def test_unbalanced_markers_are_input_errors(source: str) -> None:
    with pytest.raises(InputError):
        lb.strip_source(source)


def _write(folder: Path, name: str, nb: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(lb.dumps_notebook(nb), encoding="utf-8")
    return path


def test_build_then_check_passes_and_drift_is_found(tmp_path: Path) -> None:
    sol, les = tmp_path / "solutions", tmp_path / "lessons"
    _write(sol, "99-test.ipynb", SOLUTION)
    changed = lb.build(sol, les)
    assert changed == [les / "99-test.ipynb"]
    assert lb.build(sol, les) == []  # idempotent
    assert lb.check(sol, les).ok

    # a hand edit of a prose cell in lessons/ is drift
    nb = json.loads((les / "99-test.ipynb").read_text())
    nb["cells"][0]["source"] = "# Another title"
    _write(les, "99-test.ipynb", nb)
    report = lb.check(sol, les)
    assert not report.ok and "cell 1 differs" in str(report.problems[0])

    # exercise ids in another order are drift, reported by id
    lb.build(sol, les)
    nb = json.loads((les / "99-test.ipynb").read_text())
    nb["cells"][1]["metadata"]["framingkit"]["exercise"] = "99-test/other"
    _write(les, "99-test.ipynb", nb)
    assert "exercise ids differ" in str(lb.check(sol, les).problems[0])

    # a notebook only in lessons/ and one missing from lessons/
    lb.build(sol, les)
    _write(les, "98-stray.ipynb", SOLUTION)
    _write(sol, "97-new.ipynb", SOLUTION)
    messages = " ".join(str(p) for p in lb.check(sol, les).problems)
    assert "98-stray.ipynb: in lessons/ but not in solutions/" in messages
    assert "97-new.ipynb: missing from lessons/" in messages
    # build removes the stray one
    lb.build(sol, les)
    assert not (les / "98-stray.ipynb").exists() and lb.check(sol, les).ok


def test_cli_build_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sol, les = tmp_path / "s", tmp_path / "l"
    _write(sol, "99-test.ipynb", SOLUTION)
    args = ["--solutions", str(sol), "--lessons", str(les)]
    assert main(["lessons", "check", *args]) == 1
    assert "missing from lessons/" in capsys.readouterr().err
    assert main(["lessons", "build", *args]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["lessons", "check", *args]) == 0
    nope = ["--solutions", str(tmp_path / "nope"), "--lessons", str(les)]
    assert main(["lessons", "check", *nope]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_bad_notebook_is_one_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "s"
    bad.mkdir()
    (bad / "x.ipynb").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="Cannot read the notebook"):
        lb.build(bad, tmp_path / "l")
