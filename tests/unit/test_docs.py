"""The docs match the code: regenerated blocks are fresh, every code and name is listed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from warlog.errors import MESSAGES
from warlog.registry import gazetteers, readers, stages
from warlog.settings import SETTINGS

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
COGGED = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]


def test_cog_blocks_are_fresh() -> None:
    done = subprocess.run([sys.executable, "-m", "cogapp", "--check", *map(str, COGGED)],
                          capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 0, f"stale cog output; run `cog -r` on docs: {done.stdout}{done.stderr}"


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_error_code_is_documented_and_raised(code: str) -> None:
    assert f"| {code} |" in (DOCS / "errors.md").read_text(), f"{code} missing from docs/errors.md"
    sources = [p for p in (REPO / "src" / "warlog").rglob("*.py") if p.name != "errors.py"]
    assert any(f'"{code}"' in p.read_text() for p in sources), f"{code} is never raised"


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_every_setting_is_documented(name: str) -> None:
    text = (DOCS / "settings.md").read_text()
    assert f"`{name}`" in text and f"WARLOG_{name.upper()}" in text


def test_every_registered_name_is_documented() -> None:
    import warlog.ingest.sources
    import warlog.pipeline  # noqa: F401  (registers stages and gazetteers)

    text = (DOCS / "settings.md").read_text()
    for registry in (readers, stages, gazetteers):
        for name in registry.names():
            assert f"`{name}`" in text, f"{registry.kind} {name} missing from docs/settings.md"


def test_every_command_is_in_the_cli_reference() -> None:
    from warlog.cli import cli

    text = (DOCS / "cli.md").read_text()
    for name in cli.commands:
        assert re.search(rf"^## warlog {name}$", text, flags=re.MULTILINE), f"{name} missing from docs/cli.md"
