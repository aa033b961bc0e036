"""Bad input in a notebook shows one sentence, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from framingkit.errors import InputError, install_notebook_handler


def test_outside_a_kernel_nothing_is_installed() -> None:
    assert install_notebook_handler() is False
    assert str(InputError("One sentence.")) == "One sentence."


def test_input_error_in_a_kernel_is_one_line(tmp_path) -> None:
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": "from framingkit import load_article\nload_article('no_such_file.txt')",
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    src = tmp_path / "t.ipynb"
    src.write_text(json.dumps(nb), encoding="utf-8")
    cmd = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute"]
    cmd += ["--allow-errors", str(src), "--output", "out.ipynb"]
    subprocess.run(cmd, cwd=tmp_path, capture_output=True, check=True, timeout=120)
    outputs = json.loads((tmp_path / "out.ipynb").read_text("utf-8"))["cells"][0]["outputs"]
    text = "".join("".join(o.get("text", "")) for o in outputs)
    assert text == "InputError: The file 'no_such_file.txt' does not exist.\n"
    assert not any(o["output_type"] == "error" for o in outputs)
