"""Finding submissions, naming students, and keeping output names safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from framingkit.errors import InputError
from framingkit.grade.discover import find_submissions, inside, safe_name


def touch(p: Path) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("{}")
    return p


def test_student_from_folder_and_file(tmp_path):
    touch(tmp_path / "class" / "alice" / "lesson.ipynb")
    touch(tmp_path / "class" / "alice" / "sub" / "other.ipynb")
    touch(tmp_path / "class" / "bob.ipynb")
    touch(tmp_path / "class" / ".ipynb_checkpoints" / "x.ipynb")
    touch(tmp_path / "class" / "alice" / "._lesson.ipynb")
    touch(tmp_path / "class" / "notes.txt")
    subs = find_submissions([tmp_path / "class"])
    assert [(s.student, s.path.name) for s in subs] == [
        ("alice", "lesson.ipynb"),
        ("alice", "other.ipynb"),
        ("bob", "bob.ipynb"),
    ]


def test_files_given_directly(tmp_path):
    a = touch(tmp_path / "ann" / "01.ipynb")
    b = touch(tmp_path / "ben" / "01.ipynb")
    c = touch(tmp_path / "cleo.ipynb")
    subs = find_submissions([c, b, a])
    assert [s.student for s in subs] == ["ann", "ben", "cleo"]


def test_missing_and_empty_paths(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        find_submissions([tmp_path / "nope"])
    with pytest.raises(InputError, match="No notebooks"):
        find_submissions([tmp_path])


def test_symlinked_folders_are_not_followed(tmp_path):
    touch(tmp_path / "elsewhere" / "secret.ipynb")
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "link").symlink_to(tmp_path / "elsewhere")
    touch(tmp_path / "class" / "amy.ipynb")
    subs = find_submissions([tmp_path / "class"])
    assert [s.student for s in subs] == ["amy", "link"]  # the link is a row, never followed
    assert "symbolic link" in subs[1].problem and subs[1].path.name == "link"


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        ".",
        "/abs",
        "a\\b",
        "<script>alert(1)</script>",
        "",
        "con",
        "é" * 300,
    ],
)
def test_safe_name_is_one_safe_component(name, tmp_path):
    s = safe_name(name)
    assert s and "/" not in s and "\\" not in s and not s.startswith(".")
    assert len(s) <= 80
    assert s.lower() != "con"
    assert inside(tmp_path, s + ".html").parent == tmp_path


def test_safe_name_keeps_distinct_names_apart():
    names = ["a b", "a-b", "a/b", "a_b", "A B"]
    assert len({safe_name(n) for n in names}) == len(names)
    assert safe_name("alice") == "alice"


def test_inside_refuses_escapes(tmp_path):
    for bad in ["../x", "a/b", "..", "", "x\0"]:
        with pytest.raises(ValueError):
            inside(tmp_path, bad)
