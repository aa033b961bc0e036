"""``framingkit lab``: open JupyterLab on the first lesson, rooted at ``lessons/``.

The file browser shows the lessons only (not ``solutions/`` or the instructor guide);
run it in a checkout or in a student release (``framingkit lessons release OUT``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..errors import InputError

HELP = "Start JupyterLab on the first lesson."
EXAMPLE = "framingkit lab --no-browser --port 8888"
FIRST_LESSON = "00-start-here.ipynb"


def lessons_dir() -> Path:
    """The ``lessons/`` folder of this checkout (or of the current directory)."""
    here = Path(__file__).resolve()
    for base in [Path.cwd(), *here.parents]:
        if (base / "lessons").is_dir() and (base / "seeds").is_dir():
            return base / "lessons"
    raise InputError(
        "No lessons/ folder (next to a seeds/ folder) was found; run 'framingkit lab' in the "
        "framingkit checkout or in a student release."
    )


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``lab``."""
    p.add_argument("--no-browser", action="store_true", help="do not open a browser (servers)")
    p.add_argument("--port", type=int, default=None, help="port for JupyterLab")
    p.add_argument("--dry-run", action="store_true", help="print the command, do not start it")


def command(args: argparse.Namespace) -> list[str]:
    """The JupyterLab command line that ``lab`` runs."""
    folder = lessons_dir()
    first = folder / FIRST_LESSON
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}"]
    if first.exists():
        cmd.append(first.name)
    if args.no_browser:
        cmd.append("--no-browser")
    if args.port:
        cmd.append(f"--port={args.port}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI run as root; Jupyter refuses otherwise
    return cmd


def run(args: argparse.Namespace) -> int:
    """Start JupyterLab (blocks until it stops)."""
    cmd = command(args)
    if args.dry_run:
        print(" ".join(cmd))
        return 0
    if shutil.which("jupyter") is None and not _has_jupyterlab():
        raise InputError("JupyterLab is not installed; run: python -m pip install -e .")
    env = dict(os.environ)
    return subprocess.call(cmd, cwd=lessons_dir(), env=env)


def _has_jupyterlab() -> bool:
    import importlib.util

    return importlib.util.find_spec("jupyterlab") is not None
