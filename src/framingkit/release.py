"""``framingkit lessons release OUT``: a student copy of the kit, without the instructor's keys.

The release holds what a student needs and nothing an instructor keeps back:

* ``lessons/``: the student notebooks, built from ``solutions/`` (solution regions and
  instructor notes removed, outputs cleared), with the notebook metadata
  ``"framingkit": {"mode": "assessment", "self_check_off": [graded exercise ids]}``;
* ``seeds/``: the texts the lessons read;
* ``keys/``: the student keys. A graded exercise (``"graded"``, default true) keeps its
  prompt and material but loses its reference, reasons (``why``), hints, accepted
  alternatives, distractors and option feedback; it is marked ``"withheld": true``, so
  its self-check is off wherever the key is used;
* ``wheels/framingkit-<version>-py3-none-any.whl``: the kit with the student keys as its
  package data (``pip install`` it in the students' environment: then no instructor key
  is installed anywhere a student can read it);
* ``README.md``: how a student starts (``framingkit lab`` in the release opens the lessons).

``mode="practice"`` writes a self-study copy instead: full keys, self-check everywhere.
The instructor grades with the full keys of the repository (``framingkit grade``).

>>> student_exercise({"type": "choice", "prompt": "?", "reference": "b",
...     "options": {"a": {"text": "A", "feedback": "No."}, "b": {"text": "B"}}})["options"]
{'a': {'text': 'A'}, 'b': {'text': 'B'}}
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import lessonbuild
from .errors import InputError

#: Modes of a release.
RELEASE_MODES: dict[str, str] = {
    "assessment": "graded exercises: self-check off, references not shipped",
    "practice": "self-study: full keys, self-check, hints and reveal everywhere",
}
#: Fields of an exercise that give its answer away (left out of a student key when graded).
ANSWER_FIELDS: tuple[str, ...] = ("reference", "accept", "distractors", "hint", "why")


@dataclass
class Release:
    """What :func:`release` wrote."""

    out: Path
    mode: str
    lessons: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)
    wheel: Path | None = None


def _strip(value: Any) -> Any:
    """``value`` without the answer fields anywhere inside (items, options, entries)."""
    if isinstance(value, dict):
        return {
            k: _strip(v) for k, v in value.items() if k not in ANSWER_FIELDS and k != "feedback"
        }
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def student_exercise(raw: dict[str, Any]) -> dict[str, Any]:
    """A graded exercise as the student key holds it: material kept, answers left out.

    Spans keep their text, classify items their text, choice options their text, links
    their claims, written answers their rubric (the model answer is left out).
    """
    out = _strip(raw)
    if raw.get("type") == "spans" and isinstance(out.get("text"), dict):
        out["text"] = raw["text"]  # {"source": ..., "paragraphs": ...} is material
    out["withheld"] = True
    return out


def student_key(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A lesson key with every graded exercise withheld; also the ids withheld."""
    exercises = {}
    withheld = []
    for eid, raw in data.get("exercises", {}).items():
        if isinstance(raw, dict) and raw.get("graded", True) is not False:
            exercises[eid] = student_exercise(raw)
            withheld.append(eid)
        else:
            exercises[eid] = raw
    out = {k: v for k, v in data.items() if k not in ("exercises", "draft")}
    out["exercises"] = exercises
    return out, withheld


def release(
    out: str | Path,
    *,
    root: str | Path = ".",
    mode: str = "assessment",
    wheel: bool = True,
    force: bool = False,
    keys: str | Path | None = None,
) -> Release:
    """Write a student copy of the kit at ``root`` (a checkout) to ``out``.

    ``keys`` is a folder of the instructor's own keys (``<lesson>.json``); they replace the
    package's keys of the same lesson and add new lessons. Refuses a non-empty ``out``
    unless ``force`` (then only what the release writes is replaced). Raises
    :class:`InputError` with one sentence for bad input.
    """
    if mode not in RELEASE_MODES:
        raise InputError(f"The release mode {mode!r} is not one of: {', '.join(RELEASE_MODES)}.")
    root, out = Path(root).resolve(), Path(out).resolve()
    src = root / "src" / "framingkit"
    for need in ("solutions", "seeds"):
        if not (root / need).is_dir():
            raise InputError(
                f"No {need}/ folder in {root}; run 'framingkit lessons release' in the "
                "framingkit checkout."
            )
    inside = root in out.parents and out.relative_to(root).parts[0] in (
        "lessons",
        "solutions",
        "seeds",
        "src",
        "instructors",
    )
    if out == root or inside:
        raise InputError(f"The release folder {out} would overwrite the checkout; pick another.")
    if out.exists() and any(out.iterdir()) and not force:
        raise InputError(f"The folder {out} is not empty; pick a new folder or add --force.")
    from .exercises.model import parse_key

    keys_dir = src / "data" / "keys"
    if not keys_dir.is_dir():
        raise InputError(f"No answer keys in {keys_dir}; run the release in the checkout.")
    key_files = {p.name: p for p in keys_dir.glob("*.json")}
    if keys is not None:
        if not Path(keys).is_dir():
            raise InputError(f"The key folder '{keys}' does not exist.")
        key_files |= {p.name: p for p in Path(keys).glob("*.json")}
    rel = Release(out, mode)
    staged = out.with_name(f".{out.name}.partial")
    if staged.exists():
        shutil.rmtree(staged)
    (staged / "lessons").mkdir(parents=True)
    (staged / "keys").mkdir()
    # keys
    withheld_by_lesson: dict[str, list[str]] = {}
    for _, path in sorted(key_files.items()):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise InputError(f"The key '{path}' is not valid JSON.") from None
        if not isinstance(data, dict):
            raise InputError(f"The key '{path}' must be a JSON object.")
        if mode == "assessment":
            data, ids = student_key(data)
            withheld_by_lesson[str(data.get("lesson"))] = ids
            rel.withheld += ids
        parse_key(data, name=path.name, base=path.parent)  # the student key still loads
        (staged / "keys" / path.name).write_text(
            json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        rel.keys.append(path.name)
    # lessons
    for nb_path in lessonbuild.notebooks_in(root / "solutions"):
        nb = lessonbuild.strip_notebook(lessonbuild.read_notebook(nb_path))
        fk = nb.setdefault("metadata", {}).setdefault("framingkit", {})
        fk["mode"] = mode
        if mode == "assessment":
            lesson = lessonbuild.lesson_id(nb) or ""
            fk["self_check_off"] = withheld_by_lesson.get(lesson, [])
        (staged / "lessons" / nb_path.name).write_text(
            lessonbuild.dumps_notebook(nb), encoding="utf-8"
        )
        rel.lessons.append(nb_path.name)
    shutil.copytree(root / "seeds", staged / "seeds")
    (staged / "README.md").write_text(_readme(mode), encoding="utf-8")
    if wheel:
        rel.wheel = build_wheel(root, src, staged / "keys", staged / "wheels")
    # move into place: only what a release writes is replaced
    out.mkdir(parents=True, exist_ok=True)
    for child in staged.iterdir():
        dest = out / child.name
        if dest.is_dir():
            shutil.rmtree(dest)
        elif dest.exists():
            dest.unlink()
        child.replace(dest)
    staged.rmdir()
    if rel.wheel is not None:
        rel.wheel = out / "wheels" / rel.wheel.name
    return rel


def _readme(mode: str) -> str:
    assess = (
        'Exercises your instructor grades say "Self-check is off": write or click your answer, '
        "save the notebook and hand it in. The other exercises check your answer at once: "
        "press Check, or type `answer = ...` in the exercise cell and run it.\n"
        if mode == "assessment"
        else "Every exercise checks your answer: press Check, or type `answer = ...` in the "
        "exercise cell and run it. A wrong answer first gets a hint; the answers are shown "
        "after a further try, or with `check(..., reveal=True)`.\n"
    )
    return (
        "# framingkit lessons (student copy)\n\n"
        "Notebooks on media framing: compare two versions of a text, spot evaluative "
        "language, map claims, describe the frame, then analyse texts of your own.\n\n"
        "## Start\n\n"
        "```\npython -m pip install wheels/framingkit-*.whl\nframingkit lab\n```\n\n"
        "`framingkit lab` (run in this folder) opens JupyterLab on `lessons/00-start-here.ipynb`. "
        "On a JupyterHub set up by your instructor the kit is already installed: open "
        "`lessons/00-start-here.ipynb`.\n\n"
        "## Exercises\n\n" + assess + "\nSave with Ctrl+S: your answers are kept in the notebook "
        'file. Do not use "Clear All Outputs" before handing in: answers given with the '
        "widgets live in the cell outputs (typed answers are kept in the cell).\n\n"
        "`seeds/` holds the texts the lessons read.\n"
    )


# ----------------------------------------------------------------------------- the wheel


def _project(root: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"Cannot read {root / 'pyproject.toml'}: {exc}.") from None
    return data.get("project", {})


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(root: Path, src: Path, keys: Path, dest: Path) -> Path:
    """A pure-Python wheel of ``src`` (the ``framingkit`` package) whose keys are ``keys``.

    Written directly (zip + dist-info), so it needs no build tools and no network; pip
    installs it like any wheel. Everything under ``data/keys`` is replaced by ``keys``.
    """
    project = _project(root)
    name, version = project.get("name", "framingkit"), project.get("version", "0")
    dist = f"{name.replace('-', '_')}-{version}"
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / f"{dist}-py3-none-any.whl"
    files: list[tuple[str, bytes]] = []
    for f in sorted(src.rglob("*")):
        rel = f.relative_to(src)
        if (
            not f.is_file()
            or "__pycache__" in rel.parts
            or f.suffix in (".pyc", ".pyo")
            or rel.parts[:2] == ("data", "keys")
        ):
            continue
        files.append((f"framingkit/{rel.as_posix()}", f.read_bytes()))
    for k in sorted(keys.glob("*.json")):
        files.append((f"framingkit/data/keys/{k.name}", k.read_bytes()))
    meta = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {project.get('description', '')} (student release: graded keys withheld)",
    ]
    if project.get("requires-python"):
        meta.append(f"Requires-Python: {project['requires-python']}")
    meta += [f"Requires-Dist: {d}" for d in project.get("dependencies", [])]
    info = f"{dist}.dist-info"
    scripts = project.get("scripts", {})
    entry = "[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in scripts.items())
    files += [
        (f"{info}/METADATA", ("\n".join(meta) + "\n").encode()),
        (
            f"{info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: framingkit.release\nRoot-Is-Purelib: true\n"
            b"Tag: py3-none-any\n",
        ),
        (f"{info}/entry_points.txt", entry.encode()),
    ]
    if (root / "LICENSE").is_file():
        files.append((f"{info}/LICENSE", (root / "LICENSE").read_bytes()))
    record = "\n".join(_record_line(n, d) for n, d in files) + f"\n{info}/RECORD,,\n"
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files:
            z.writestr(zipfile.ZipInfo(n, date_time=(2020, 1, 1, 0, 0, 0)), d)
        z.writestr(zipfile.ZipInfo(f"{info}/RECORD", date_time=(2020, 1, 1, 0, 0, 0)), record)
    tmp.replace(path)
    return path
