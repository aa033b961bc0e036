"""``framingkit claims``: text, JSON, figures, comparison, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from framingkit.cli import main

ORIGINAL = "seeds/original_telegraph.txt"


def test_text_output(capsys) -> None:
    assert main(["claims", ORIGINAL]) == 0
    out = capsys.readouterr().out
    assert "c1 [headline]" in out and "Headline against body" in out


def test_json_output(capsys) -> None:
    assert main(["claims", ORIGINAL, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    c = data["claims"][0]
    assert {
        "id",
        "start",
        "end",
        "text",
        "type",
        "certainty",
        "cues",
        "actors",
        "quantities",
    } <= set(c)
    assert {"source", "target", "relation"} <= set(data["links"][0])
    text = Path(ORIGINAL).read_text(encoding="utf-8")
    assert all(text[x["start"] : x["end"]] == x["text"] for x in data["claims"])


def test_views_written(tmp_path: Path, capsys) -> None:
    png, page = tmp_path / "m.png", tmp_path / "m.html"
    assert main(["claims", ORIGINAL, "--figure", str(png), "--svg", "--html", str(page)]) == 0
    assert png.exists() and png.with_suffix(".svg").exists() and page.exists()


def test_compare(capsys) -> None:
    assert main(["claims", ORIGINAL, "--compare", "seeds/republished_2023-03-28.txt"]) == 0
    assert "attribution" in capsys.readouterr().out


def test_bad_input_is_one_sentence(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["claims", str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert main(["claims", str(tmp_path / "missing.txt")]) == 2
    assert main(["claims", ORIGINAL, "--html", str(tmp_path / "no" / "dir" / "x.html")]) == 2


def test_cli_does_not_import_jupyter_or_matplotlib_without_a_figure() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from framingkit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['claims', '{ORIGINAL}', '--json'])\n"
        "heavy = ('matplotlib', 'nbformat', 'ipywidgets', 'jupyter_client')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
