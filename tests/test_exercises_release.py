"""``framingkit lessons release OUT``: a student copy from which no graded answer can be read.

The release is written once per module (about 0.5 s) and its wheel installed with pip into a
folder (about 4 s, offline, no dependencies). Every graded reference of the instructor's keys
(reference mappings, reasons, hints, accepted answers, distractors, option feedback, model
answers) is searched for in the release tree, inside the wheel and in the installed package.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from framingkit.errors import InputError
from framingkit.exercises.model import default_key_dir
from framingkit.lessonbuild import read_notebook, solution_regions, source_of
from framingkit.release import release

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rel(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "student"
    r = release(out, root=ROOT)
    target = out.parent / "installed"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
         "--target", str(target), str(r.wheel)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return r, target


def _graded_only(name: str, text: str) -> str:
    """A key file without its ungraded exercises (those ship whole, on purpose)."""
    if "keys/" not in name or not name.endswith(".json"):
        return text
    data = json.loads(text)
    data["exercises"] = {
        k: v for k, v in data["exercises"].items() if v.get("graded", True) is not False
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _texts(folder: Path) -> dict[str, str]:
    """Every file of a folder as text, wheels opened (their members as text too); key files
    without their ungraded exercises."""
    out = {}
    for p in folder.rglob("*"):
        if not p.is_file():
            continue
        if p.suffix == ".whl":
            with zipfile.ZipFile(p) as z:
                for n in z.namelist():
                    out[f"{p.name}!{n}"] = _graded_only(n, z.read(n).decode("utf-8", "replace"))
            continue
        name = str(p.relative_to(folder))
        out[name] = _graded_only(name, p.read_bytes().decode("utf-8", "replace"))
    return out


def _secrets() -> list[tuple[str, str]]:
    """(where, text) for every graded answer of the instructor's keys that is worth searching."""
    found: list[tuple[str, str]] = []
    for path in sorted(default_key_dir().glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for eid, ex in data["exercises"].items():
            if ex.get("graded", True) is False:
                continue

            def walk(v, where, eid=eid):
                if isinstance(v, dict):
                    for k, x in v.items():
                        if k in ("why", "hint", "feedback") and isinstance(x, str):
                            found.append((f"{eid} {where}.{k}", x))
                        elif k in ("accept", "distractors"):
                            found.append((f"{eid} {where}.{k}", json.dumps(x, ensure_ascii=False)))
                        else:
                            walk(x, f"{where}.{k}")
                elif isinstance(v, list):
                    for i, x in enumerate(v):
                        walk(x, f"{where}[{i}]")

            walk({k: v for k, v in ex.items() if k != "reference"}, "")
            ref = ex.get("reference")
            if ex["type"] == "classify":
                for item, label in ref.items():  # the mapping item -> label, as JSON
                    found.append((f"{eid} reference {item}", f'"{item}": {json.dumps(label)}'))
            elif ex["type"] == "choice":
                found.append((f"{eid} reference", f'"reference": {json.dumps(ref)}'))
            elif ex["type"] == "links":
                for link in ref:
                    trio = link if isinstance(link, list) else list(link.values())
                    found.append((f"{eid} reference", json.dumps(trio[:3])))
                    if isinstance(link, list) and len(link) == 4:
                        found.append((f"{eid} reference why", link[3]))
            elif ex["type"] == "spans":
                found.append((f"{eid} reference", json.dumps(ref, ensure_ascii=False)))
            elif ref:
                found.append((f"{eid} model answer", str(ref)))
    return [(w, t) for w, t in found if len(t.strip()) >= 12]


def test_release_has_lessons_and_seeds_but_no_solutions_or_instructor_notes(rel):
    r, _ = rel
    names = {p.name for p in r.out.iterdir()}
    assert {"lessons", "seeds", "keys", "wheels", "README.md"} <= names
    assert not {"solutions", "instructors", "src", "tests"} & names
    assert sorted(p.name for p in (r.out / "lessons").glob("*.ipynb")) == sorted(
        p.name for p in (ROOT / "solutions").glob("*.ipynb")
    )
    for nb_path in (r.out / "lessons").glob("*.ipynb"):
        nb = read_notebook(nb_path)
        fk = nb["metadata"]["framingkit"]
        assert fk["mode"] == "assessment"
        graded = [c["metadata"]["framingkit"]["exercise"] for c in nb["cells"]
                  if (c.get("metadata", {}).get("framingkit") or {}).get("exercise")]  # fmt: skip
        assert set(fk["self_check_off"]) >= {g for g in graded if g in r.withheld}
        for cell in nb["cells"]:
            tags = cell.get("metadata", {}).get("tags", [])
            assert "instructor-note" not in tags and "solution" not in tags
            assert "### BEGIN SOLUTION" not in source_of(cell)
            assert not cell.get("outputs")


def test_no_graded_answer_is_readable_in_the_release_or_the_installed_kit(rel):
    r, installed = rel
    assert r.withheld  # graded is the default
    haystack = _texts(r.out) | {f"installed/{k}": v for k, v in _texts(installed).items()}
    secrets = _secrets()
    assert len(secrets) > 50  # the search is not vacuous
    code = (".py", ".pyc")  # a short JSON snippet such as '"reference": "b"' is in doctests
    sep = "\x00"
    groups = {  # all files in two strings (code, other), searched once per secret
        kind: sep.join(t for n, t in haystack.items() if n.endswith(code) == (kind == "code"))
        for kind in ("code", "other")
    }
    squashed = {k: re.sub(r"\s+", "", v) for k, v in groups.items()}

    def readable(secret: str, kind: str) -> bool:
        forms = {secret, json.dumps(secret, ensure_ascii=False)[1:-1]}
        return any(f in groups[kind] for f in forms) or re.sub(r"\s+", "", secret) in squashed[kind]

    leaks = [
        f"{where} ({kind} files)"
        for where, secret in secrets
        for kind in ("other", "code")
        if readable(secret, kind) and not (" reference" in where and kind == "code")
    ]
    assert not leaks, "graded answers readable in the release: " + "; ".join(leaks[:10])
    # the model answers of the solution notebooks do not travel either
    for nb_path in (ROOT / "solutions").glob("*.ipynb"):
        for cell in read_notebook(nb_path)["cells"]:
            for region in solution_regions(source_of(cell)):
                body = region.body.strip()
                if len(body) > 20 and body != "answer = None":
                    assert not any(body in t for t in haystack.values()), (nb_path.name, body)


def test_every_graded_exercise_is_withheld_in_the_student_keys(rel):
    r, installed = rel
    for folder in (r.out / "keys", installed / "framingkit" / "data" / "keys"):
        for path in folder.glob("*.json"):
            for eid, ex in json.loads(path.read_text(encoding="utf-8"))["exercises"].items():
                if ex.get("graded", True) is not False:
                    assert ex.get("withheld") is True and "reference" not in ex, (path, eid)


def test_the_installed_student_kit_has_self_check_off_for_graded_items(rel):
    r, installed = rel
    eid = r.withheld[0]
    code = (
        "import framingkit, sys; from framingkit.exercises import find_exercise, check;"
        f"d = find_exercise({eid!r}); print(framingkit.__file__); print(d.withheld, d.reference);"
        f"check({eid!r}, 'a')"
    )
    env = {"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin", "HOME": str(installed)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env,
        cwd=r.out / "lessons",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    first, second, third = done.stdout.splitlines()[:3]
    assert first.startswith(str(installed))
    assert second.startswith("True") and "Self-check is off" in third


def test_release_refuses_to_overwrite_and_practice_mode_keeps_keys(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="is not empty"):
        release(tmp_path / "full", root=ROOT, wheel=False)
    assert (tmp_path / "full" / "mine.txt").read_text(encoding="utf-8") == "keep me"
    with pytest.raises(InputError, match="overwrite the checkout"):
        release(ROOT / "lessons", root=ROOT, wheel=False, force=True)
    p = release(tmp_path / "practice", root=ROOT, mode="practice", wheel=False)
    assert not p.withheld and p.wheel is None
    key = json.loads((p.out / "keys" / "02-spot.json").read_text(encoding="utf-8"))
    assert all("reference" in e for e in key["exercises"].values() if e["type"] != "text")


def test_cli_release(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "framingkit", "lessons", "release", str(tmp_path / "out"),
         "--no-wheel"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "wrote the assessment release" in done.stdout
    again = subprocess.run(
        [sys.executable, "-m", "framingkit", "lessons", "release", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert again.returncode != 0 and "Traceback" not in again.stderr
    assert "not empty" in again.stderr


def test_lab_is_rooted_at_the_lessons_of_the_release(rel, monkeypatch):
    import argparse

    from framingkit.commands import lab

    r, _ = rel
    monkeypatch.chdir(r.out)
    cmd = lab.command(argparse.Namespace(no_browser=True, port=None, dry_run=True))
    assert f"--ServerApp.root_dir={r.out / 'lessons'}" in cmd
    assert "00-start-here.ipynb" in cmd
    monkeypatch.chdir(ROOT)  # in the checkout: solutions/ is not in the file browser either
    cmd = lab.command(argparse.Namespace(no_browser=True, port=None, dry_run=True))
    assert f"--ServerApp.root_dir={ROOT / 'lessons'}" in cmd


def test_release_with_the_instructors_own_keys(tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    from exercises_sample_key import LESSON, sample_key, write_key

    data = sample_key()
    data["exercises"][f"{LESSON}/scare"]["graded"] = False
    own = write_key(tmp_path / "own", data)
    r = release(tmp_path / "out", root=ROOT, wheel=False, keys=own)
    key = json.loads((r.out / "keys" / f"{LESSON}.json").read_text(encoding="utf-8"))
    assert key["exercises"][f"{LESSON}/kinds"]["withheld"] is True
    assert "reference" not in key["exercises"][f"{LESSON}/kinds"]
    assert key["exercises"][f"{LESSON}/scare"]["reference"] == "b"  # practice item kept whole
    assert (r.out / "keys" / "02-spot.json").is_file()  # the kit's keys are released too
    with pytest.raises(InputError, match="does not exist"):
        release(tmp_path / "out2", root=ROOT, wheel=False, keys=tmp_path / "nope")
