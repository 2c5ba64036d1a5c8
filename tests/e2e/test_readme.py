"""The README's set-up commands are what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.DOTALL)
    test_command = next(b for b in blocks if "pytest" in b)
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert test_command.strip() in [line.strip() for line in ci]


def test_readme_main_command_runs_the_demo() -> None:
    readme = (REPO / "README.md").read_text()
    first = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.DOTALL)[0]
    assert first.strip().endswith("warlog demo")
