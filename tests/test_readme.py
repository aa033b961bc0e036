"""The README is derived from the code's tables and names the two set-up commands CI runs."""

from __future__ import annotations

import re

from framingkit.cli import COMMANDS, command_table
from framingkit.compare.model import EFFECTS, KINDS, markdown_table
from framingkit.spot import CATEGORIES
from framingkit.spot.categories import markdown_table as spot_markdown_table

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_command_table_is_generated_from_the_cli() -> None:
    block = re.search(r"commands table: begin[^\n]*\n(.*?)\n<!-- commands table: end", README, re.S)
    assert block, "the README lost its generated command table"
    assert block.group(1) == command_table(), "run: python -c 'from framingkit.cli import "
    "command_table; print(command_table())' and paste it into README.md"
    for name in COMMANDS:
        assert f"`framingkit {name}`" in block.group(1)


def test_compare_tables_match_the_code() -> None:
    assert markdown_table(KINDS) in README
    assert markdown_table(EFFECTS) in README


def test_spot_categories_table_is_generated_from_the_table() -> None:
    block = re.search(
        r"spot categories: begin[^\n]*\n(.*?)\n<!-- spot categories: end", README, re.S
    )
    assert block, "the README lost its generated spot categories table"
    assert block.group(1) == spot_markdown_table(), "run: python -c 'from framingkit.spot."
    "categories import markdown_table; print(markdown_table())' and paste it into README.md"


def test_spot_categories_and_subtypes_are_listed() -> None:
    for name, cat in CATEGORIES.items():
        row = next((ln for ln in README.splitlines() if ln.startswith(f"| `{name}` |")), None)
        assert row, f"README has no row for spot category {name}"
        for sub in cat.subtypes:
            assert sub in row, f"{name}: subtype {sub} missing from the README"


def test_the_two_commands_are_the_ones_ci_runs() -> None:
    blocks = re.findall(r"```bash\n(.*?)\n```", README.split("## What is in the kit")[0], re.S)
    assert blocks == [
        "python -m pip install -e . && framingkit lab",
        'python -m pip install -e ".[test]" && pytest',
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == blocks[1]


def test_grader_safety_statement() -> None:
    assert "What the grader protects against, and what it does not" in README
    assert "not a security sandbox" in README
