"""Regression tests from throwing a real (and hostile) class at ``framingkit grade``.

Every file is crafted here on the fly; nothing big is checked in.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import pytest

from framingkit.cli import main
from framingkit.errors import InputError
from framingkit.grade import GradeOptions, Submission, grade_submission
from framingkit.grade.batch import grade_paths
from framingkit.grade.discover import display_name, find_submissions

from grade_helpers import LESSON, SOLUTION, cell, notebook, write_key, write_nb

pytestmark = pytest.mark.usefixtures("quick_figure")  # see tests/conftest.py


@pytest.fixture()
def opts(tmp_path):
    return GradeOptions(key_dir=str(write_key(tmp_path / "keys")))


def grade(path: Path, opts: GradeOptions):
    return grade_submission(Submission(path.stem, path, path.name), opts)


def rows(out: Path) -> list[dict[str, str]]:
    with open(out / "grades.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_invalid_and_does_not_hang(tmp_path, opts):
    fifo = tmp_path / "pipe.ipynb"
    os.mkfifo(fifo)  # opening it for reading used to wait for a writer forever
    r = grade(fifo, opts)
    assert r.status == "invalid" and "not a regular file" in r.message


def test_names_and_json_that_are_not_utf8_do_not_stop_the_batch(tmp_path, opts):
    c = tmp_path / "class"
    write_nb(c / "ok.ipynb", notebook())
    if sys.platform.startswith("linux"):  # a file name in bytes that are not UTF-8
        name = os.path.join(os.fsencode(c), b"\xff\xfe.ipynb")
        Path(os.fsdecode(name)).write_text(json.dumps(notebook()), "utf-8")
    # a lone surrogate escape in a string: valid JSON, not encodable as UTF-8
    text = json.dumps(notebook({**SOLUTION, f"{LESSON}/essay": "x"}))
    write_nb(c / "lone.ipynb", text.replace("'x'", "'\\\\ud800'"))
    batch = grade_paths([c], tmp_path / "out", opts, jobs=1)
    assert {r.status for r in batch.results} == {"ok"}
    for p in (tmp_path / "out").rglob("*.html"):
        p.read_text("utf-8")
    assert all(
        "\ufffd" in r["student"] or r["student"] in {"ok", "lone"} for r in rows(tmp_path / "out")
    )


def test_display_name_shows_control_and_bidi_characters():
    assert display_name("a\nb") == "a\\nb"
    assert display_name("evil\u202egpj.ipynb") == "evil\\u202egpj.ipynb"
    assert display_name("x\udcffy") == "x\ufffdy"
    assert display_name("Zoe\u0308") == display_name("Zo\u00eb") == "Zo\u00eb"
    assert display_name("李雷 محمد") == "李雷 محمد"


def test_old_nbformat_3_says_so(tmp_path, opts):
    nb3 = {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": []}]}
    r = grade(write_nb(tmp_path / "old.ipynb", nb3), opts)
    assert r.status == "invalid" and "nbformat 3" in r.message and "save it" in r.message


@pytest.mark.parametrize("lesson", ["../../etc/passwd", f"{LESSON}/boosters", "<b>x</b>", ".."])
def test_a_lesson_id_that_cannot_be_one_is_invalid(tmp_path, opts, lesson):
    r = grade(write_nb(tmp_path / "x.ipynb", notebook(lesson=lesson)), opts)
    assert r.status == "invalid" and "not a valid lesson id" in r.message


def test_unknown_exercise_ids_of_the_same_lesson_are_named(tmp_path, opts):
    cells = [cell(f"{LESSON}/renamed-{i}", "b") for i in range(2)]
    r = grade(write_nb(tmp_path / "x.ipynb", notebook(cells=cells)), opts)
    assert r.status == "invalid"
    assert f"belong to {LESSON}" not in r.message  # it used to say the lesson it is
    assert "not in its key" in r.message and f"{LESSON}/renamed-0" in r.message


def test_huge_answers_are_not_parsed_and_pages_stay_small(tmp_path, opts):
    huge = notebook(
        cells=[
            cell(f"{LESSON}/boosters", ["x" * 50] * 20_000),  # 1 MB typed list
            cell(f"{LESSON}/pick", None, widget="y" * 2_000_000),  # 2 MB widget string
            cell(f"{LESSON}/kinds", None, widget={f"k{i}": "order" for i in range(5000)}),
        ]
    )
    out = tmp_path / "out"
    batch = grade_paths([write_nb(tmp_path / "c" / "big.ipynb", huge)], out, opts, jobs=1)
    (r,) = batch.results
    assert r.status == "ok" and "too long to read a typed answer" in r.message
    assert len(r.exercises[f"{LESSON}/kinds"].extra) <= 51
    for p in out.rglob("*.html"):
        assert p.stat().st_size < 200_000, p
    assert len((out / "grades.csv").read_text("utf-8")) < 20_000


@pytest.mark.real_figure
def test_links_in_out_are_never_written_through(tmp_path, opts):
    c, out, elsewhere = tmp_path / "class", tmp_path / "out", tmp_path / "elsewhere"
    write_nb(c / "alice.ipynb", notebook())
    elsewhere.mkdir()
    out.mkdir()
    (out / "summary.png").symlink_to(elsewhere / "x.png")
    grade_paths([c], out, opts, jobs=1)
    assert not (out / "summary.png").is_symlink() and list(elsewhere.iterdir()) == []
    assert not list(out.glob("*.tmp*"))
    for name in ("feedback", "spans"):  # a student's folder used as --out may hold links
        fresh = tmp_path / f"out-{name}"
        fresh.mkdir()
        os.symlink(elsewhere, fresh / name)
        with pytest.raises(InputError, match="symbolic link"):
            grade_paths([c], fresh, opts, jobs=1)
        assert list(elsewhere.iterdir()) == [] and not (fresh / "grades.csv").exists()


def test_macosx_folders_are_skipped(tmp_path):
    c = tmp_path / "class"
    write_nb(c / "carol" / "lesson.ipynb", notebook())
    (c / "__MACOSX" / "carol").mkdir(parents=True)
    (c / "__MACOSX" / "carol" / "lesson.ipynb").write_bytes(b"\0\5\26\7Mac OS X")
    assert [s.student for s in find_submissions([c])] == ["carol"]


def test_two_notebooks_of_one_lesson_by_one_student_are_named(tmp_path, opts):
    c = tmp_path / "class"
    write_nb(c / "alice" / "draft.ipynb", notebook({}))
    write_nb(c / "alice" / "final" / "lesson.ipynb", notebook())
    write_nb(c / "bob.ipynb", notebook())
    batch = grade_paths([c], tmp_path / "out", opts, jobs=1)
    alice = [r for r in batch.results if r.student == "alice"]
    assert len(alice) == 2
    assert all("alice handed in 2 notebooks" in r.message for r in alice)
    assert "handed in" not in next(r for r in batch.results if r.student == "bob").message


def test_overlapping_paths_grade_each_file_once(tmp_path):
    c = tmp_path / "class"
    write_nb(c / "alice" / "lesson.ipynb", notebook())
    subs = find_submissions([c, c / "alice", c / "alice" / "lesson.ipynb"])
    assert [s.student for s in subs] == ["alice"]


@pytest.mark.real_figure
def test_a_hostile_class_gives_identical_output_whatever_jobs(tmp_path):
    keys = write_key(tmp_path / "keys")
    c = tmp_path / "class"
    for name in ["Zoë", "Zoe\u0308", "李雷", "Mary Ann", "a\nb", "CON", "=1+1", "x" * 200]:
        write_nb(c / f"{name}.ipynb", notebook())
    write_nb(c / "pwn.ipynb", notebook({f"{LESSON}/pick": "__import__('os')"}))
    mark = tmp_path / "pwned"
    src = f"answer = __import__('os').system('touch {mark}')\nexercise('{LESSON}/pick', answer)"
    nb = notebook()
    nb["cells"][2]["source"] = src
    write_nb(c / "attacker.ipynb", nb)
    outs = []
    for jobs in ("1", "3"):
        out = tmp_path / f"out{jobs}"
        assert (
            main(["grade", str(c), "--out", str(out), "--key", str(keys), "-q", "--jobs", jobs])
            == 0
        )
        outs.append(
            {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert outs[0] == outs[1]
    assert not mark.exists()
    for row in rows(tmp_path / "out1"):
        assert all(v[:1] not in ("=", "+", "-", "@") for v in row.values())


# ------------------------------------------------ reliability report D4, D8, D10, D11 (issue 14)


@pytest.mark.parametrize(
    "typed",
    [
        "-" * 100_000 + "1",  # MemoryError in the parser
        "+".join(["1"] * 60_000),  # RecursionError in the parser
        "not " * 40_000 + "1",
    ],
)
def test_a_typed_answer_that_breaks_the_parser_is_unreadable_for_that_exercise_only(
    tmp_path, opts, typed
):
    nb = notebook()
    for c in nb["cells"]:
        if c["metadata"]["framingkit"]["exercise"] == f"{LESSON}/pick":
            c["source"] = f"answer = {typed}\nexercise('{LESSON}/pick', answer)"
    r = grade(write_nb(tmp_path / "deep.ipynb", nb), opts)
    assert r.status == "ok" and r.score == 6  # the other exercises keep their 6 points
    g = r.exercises[f"{LESSON}/pick"]
    assert g.points == 0 and g.unreadable and "nested too deeply" in " ".join(g.problems)


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--timeout", "nan"), ("--cell-timeout", "inf"), ("--max-mb", "nan"), ("--max-mb", "inf")],
)
def test_nan_and_inf_limits_are_refused(tmp_path, capsys, flag, value):
    write_nb(tmp_path / "c" / "a.ipynb", notebook())
    assert main(["grade", str(tmp_path / "c"), "--out", str(tmp_path / "o"), flag, value]) == 2
    assert flag in capsys.readouterr().err and not (tmp_path / "o").exists()


def test_names_keep_their_spaces_and_unicode_forms_stay_apart(tmp_path):
    keys = write_key(tmp_path / "keys")
    c = tmp_path / "class"
    write_nb(c / " ana " / "l.ipynb", notebook())
    write_nb(c / "Zo\u00eb" / "l.ipynb", notebook())  # NFC
    write_nb(c / "Zoe\u0308" / "l.ipynb", notebook())  # NFD: the same student, another file
    out = tmp_path / "out"
    args = ["grade", str(c), "--out", str(out), "--key", str(keys), "-q", "--jobs", "1"]
    assert main(args) == 0
    sheet = list(csv.DictReader((out / "rubric.csv").open(encoding="utf-8")))
    assert len({(r["student"], r["file"]) for r in sheet}) == 3  # three rows to score apart
    assert {r["student"] for r in sheet} == {" ana ", "Zo\u00eb"}  # not trimmed; NFC
    for r in sheet:
        r["points"] = "1"
    with (out / "rubric.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(sheet[0]))
        w.writeheader()
        w.writerows(sheet)
    assert main(args) == 0  # a plain re-run reads the filled rubric.csv in --out
    got = rows(out)
    assert [float(r["score"]) for r in got] == [8.0, 8.0, 8.0]
    assert all(r["message"] == "" or "scored twice" not in r["message"] for r in got)


def test_linked_student_folders_get_a_row_and_hidden_ones_are_named(tmp_path, opts, capsys):
    keys = write_key(tmp_path / "keys")
    c = tmp_path / "class"
    write_nb(c / "bob.ipynb", notebook())
    write_nb(tmp_path / "elsewhere" / "x.ipynb", notebook())
    (c / "linkdir").symlink_to(tmp_path / "elsewhere")
    write_nb(c / "..evil" / "x.ipynb", notebook())
    write_nb(c / ".ipynb_checkpoints" / "bob-checkpoint.ipynb", notebook())
    out = tmp_path / "out"
    assert main(["grade", str(c), "--out", str(out), "--key", str(keys), "-q"]) == 0
    by = {r["student"]: r for r in rows(out)}
    assert by["linkdir"]["status"] == "invalid" and "symbolic link" in by["linkdir"]["message"]
    err = capsys.readouterr().err
    assert "left out: class/..evil (a hidden folder" in err and "checkpoints" not in err
    assert "..evil" in (out / "summary.html").read_text("utf-8")


def test_a_broken_key_is_reported_as_broken_and_a_missing_one_falls_back_loudly(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / f"{LESSON}.json").write_text("{not json", "utf-8")
    nb = write_nb(tmp_path / "a.ipynb", notebook())
    r = grade(nb, GradeOptions(key_dir=str(bad)))
    assert (
        r.status == "invalid" and "not valid JSON" in r.message and "no answer key" not in r.message
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    spot = json.loads(Path("lessons/02-spot.ipynb").read_text("utf-8"))
    r = grade(write_nb(tmp_path / "s.ipynb", spot), GradeOptions(key_dir=str(empty)))
    assert r.status == "ok" and "graded with the kit's own key for '02-spot'" in r.message


def test_scoring_one_exercise_has_a_time_limit(tmp_path, opts):
    nb = notebook()
    eid = f"{LESSON}/boosters"
    nb["cells"][0] = cell(eid, None, widget=[f"w{i} boldly" for i in range(20_000)])
    slow = GradeOptions(key_dir=opts.key_dir, score_timeout=0.001)
    r = grade(write_nb(tmp_path / "slow.ipynb", nb), slow)
    g = r.exercises[f"{LESSON}/boosters"]
    assert r.status == "ok" and g.points == 0 and "too large to check" in " ".join(g.problems)
    assert r.exercises[f"{LESSON}/kinds"].points == 2  # the others are still scored


@pytest.mark.real_figure
def test_nothing_is_written_to_the_home_folder(tmp_path):
    import subprocess

    home = tmp_path / "home"
    home.mkdir()
    keys = write_key(tmp_path / "keys")
    write_nb(tmp_path / "c" / "a.ipynb", notebook())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MPL"))}
    env.update(HOME=str(home), PYTHONPATH=os.pathsep.join(sys.path))
    cmd = [sys.executable, "-c", "import sys; from framingkit.cli import main; sys.exit(main())"]
    cmd += ["grade", str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--key", str(keys), "-q"]
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    assert (tmp_path / "o" / "summary.png").exists()
    assert list(home.rglob("*")) == []  # no ~/.config/matplotlib, no ~/.cache/matplotlib


def test_a_student_release_key_is_refused_not_scored_as_zero(tmp_path):
    from grade_helpers import key

    k = key()
    pick = k["exercises"][f"{LESSON}/pick"]
    pick["withheld"] = True
    del pick["reference"]
    folder = tmp_path / "keys"
    folder.mkdir()
    (folder / f"{LESSON}.json").write_text(json.dumps(k), "utf-8")
    r = grade(write_nb(tmp_path / "a.ipynb", notebook()), GradeOptions(key_dir=str(folder)))
    assert r.status == "invalid" and "student release" in r.message and r.score is None
