"""Finding submitted notebooks, naming their students, and naming output files safely.

A PATH is a notebook or a folder. In a folder, a notebook at the top level
belongs to the student named by the file (``alice.ipynb``); a notebook inside
a sub-folder belongs to the student named by that sub-folder
(``alice/01-compare.ipynb``). A notebook given directly is named by its file,
unless several given files share a name, then by their folder. Hidden
folders (``.ipynb_checkpoints``, ``.git``), the ``__MACOSX`` folders of zip files
and macOS ``._*`` files are skipped.
Symbolic links are listed but never followed (the grader reports them as ``invalid``).

>>> safe_name("alice")
'alice'
>>> safe_name("../../etc/passwd").startswith("etc-passwd-")
True
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))}
_RESERVED |= {f"lpt{i}" for i in range(10)}


@dataclass(frozen=True, order=True)
class Submission:
    """One submitted notebook: the student it belongs to and where it is."""

    student: str
    path: Path
    #: the path as shown to the instructor (relative to the PATH given)
    shown: str
    #: why this entry cannot be graded before it is even opened (a linked student folder)
    problem: str = ""


def safe_name(text: str, limit: int = 60) -> str:
    """A file-name-safe, readable version of ``text`` (letters, digits, ``-``, ``_``).

    The result never contains a path separator or starts with a dot; when it
    differs from ``text``, a short hash of ``text`` keeps different names apart.

    >>> safe_name("Zoë Smith")
    'Zoe-Smith-01421924'
    >>> safe_name("<script>")
    'script-fb1c2d66'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _UNSAFE.sub("-", folded).strip("-_")[:limit].strip("-_")
    if slug.lower() in _RESERVED:
        slug = f"{slug}-"
    if slug != text or not slug:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else f"x-{digest}"
    return slug


_BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def display_name(text: str) -> str:
    """``text`` (a file or folder name) made safe to show and to write as UTF-8.

    Names are NFC-normalised (macOS and zip files store ``Zoë`` decomposed, so one
    student's folders compare equal); bytes that are not UTF-8 (kept by Python as lone
    surrogates) become U+FFFD; control characters (a newline in a file name) and the
    bidirectional overrides that could make a name read backwards are shown as escapes.

    >>> display_name("a\\nb")
    'a\\\\nb'
    >>> display_name("x\\udcffy")
    'x\\ufffdy'
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        o = ord(ch)
        if 0xD800 <= o <= 0xDFFF:
            out.append("\ufffd")
        elif o < 0x20 or 0x7F <= o < 0xA0 or o in _BIDI:
            out.append(ascii(ch)[1:-1])
        else:
            out.append(ch)
    return "".join(out)


def inside(out: Path, name: str) -> Path:
    """``out / name``, checked to stay inside ``out`` (``name`` must be one safe component).

    A file there that is a symbolic link is replaced, never written through (files are
    written to a temporary file and moved into place), so ``name`` itself may be a link.

    >>> inside(Path("/tmp/o"), "a.html")
    PosixPath('/tmp/o/a.html')
    """
    if not name or name in {".", ".."} or "/" in name or "\\" in name or "\0" in name:
        raise ValueError(f"unsafe output file name {name!r}")
    return out / name


def out_folder(out: Path, name: str, create: bool = True) -> Path:
    """The folder ``out / name``, created if needed (``create``); never a symbolic link.

    A link there (say, in a submissions folder used as ``--out``) would make the
    grader write wherever it points, so it is refused with an :class:`InputError`.
    """
    folder = inside(out, name)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise InputError(
            f"'{folder}' is a symbolic link or a file, not a folder; the grader writes only "
            "inside --out and will not write through it (use a fresh --out folder)."
        )
    if create:
        folder.mkdir(exist_ok=True)
    return folder


def _hidden(p: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in p.relative_to(root).parts)


#: Hidden folders that tools make; skipped without a word (other hidden folders are named).
TOOL_FOLDERS = frozenset(
    {".ipynb_checkpoints", ".git", ".svn", ".hg", ".venv", ".cache", ".ipython", ".jupyter"}
)


def _walk(root: Path, skipped: list[str] | None = None) -> Iterable[Path]:
    """Every ``*.ipynb`` under ``root`` without following symbolic links to folders.

    A linked folder is yielded itself (it becomes an ``invalid`` row); hidden folders other
    than :data:`TOOL_FOLDERS` are named in ``skipped``.
    """
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        keep = []
        for d in sorted(dirnames):
            full = Path(dirpath) / d
            if d.startswith(".") or d == "__MACOSX":
                if skipped is not None and d not in TOOL_FOLDERS and d != "__MACOSX":
                    skipped.append(
                        f"{display_name(str(full.relative_to(root.parent)))} (a hidden folder: "
                        "its name starts with a dot)"
                    )
            elif full.is_symlink():
                yield full
            else:
                keep.append(d)
        dirnames[:] = keep
        for f in sorted(filenames):
            if f.endswith(".ipynb") and not f.startswith("._"):  # macOS resource forks
                yield Path(dirpath) / f


def find_submissions(
    paths: Sequence[str | Path], skipped: list[str] | None = None
) -> list[Submission]:
    """All submitted notebooks under ``paths``, sorted by student then path.

    Hidden folders left out are named in ``skipped`` (when given). A student folder that is
    a symbolic link is listed with a ``problem`` (graded as ``invalid``), never followed.
    Raises :class:`InputError` when a PATH does not exist or nothing is found.
    """
    found: list[Submission] = []
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            raise InputError(f"The path '{raw}' does not exist.")
        if p.is_dir() and not p.is_symlink():
            for nb in _walk(p, skipped):
                rel = nb.relative_to(p)
                student = rel.stem if len(rel.parts) == 1 else rel.parts[0]
                shown = display_name(str(Path(p.name or str(p)) / rel))
                problem = ""
                if nb.is_symlink() and nb.is_dir():
                    student = rel.parts[0]
                    problem = (
                        f"the folder '{shown}' is a symbolic link, which the grader does not "
                        "follow; copy the notebooks into a real folder to grade them"
                    )
                found.append(Submission(display_name(student), nb, shown, problem))
        else:
            files.append(p)
    stems = Counter(f.stem for f in files)
    for f in files:
        clash = stems[f.stem] > 1 and f.parent.name not in ("", ".", "..")
        student = display_name(f.parent.name if clash else f.stem)
        found.append(Submission(student, f, display_name(str(f))))
    if not found:
        raise InputError("No notebooks (*.ipynb) were found in the paths given.")
    unique: dict[tuple[str, str], Submission] = {}
    for s in found:  # PATHs that overlap (``subs/`` and ``subs/alice``): one row per file
        where = (os.path.realpath(s.path.parent), s.path.name)  # a link itself, not its target
        unique.setdefault(where, s)
    subs = sorted(unique.values(), key=lambda s: (s.student, s.shown, str(s.path)))
    # two files whose names differ only in Unicode form (Zoë typed, Zoë decomposed) are one
    # student but must stay two rows that the rubric can tell apart
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for s in subs:
        seen[(s.student, s.shown)] += 1
        n = seen[(s.student, s.shown)]
        if n > 1:
            s = Submission(
                s.student, s.path, f"{s.shown} (#{n}: same name in another Unicode form)", s.problem
            )
        out.append(s)
    return out
