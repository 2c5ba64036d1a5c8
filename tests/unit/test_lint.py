"""The house rules that tools can check: ruff over the tree, mypy --strict over src/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True,
                          text=True, check=False)


def test_ruff_is_clean() -> None:
    done = _run("ruff", "check", "src", "tests", "bench", "scripts", "setup.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean_on_the_package() -> None:
    # strict = true comes from pyproject.toml's [tool.mypy]
    done = _run("mypy", "src/warlog")
    assert done.returncode == 0, done.stdout + done.stderr
