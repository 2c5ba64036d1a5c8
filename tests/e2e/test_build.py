"""The package build brings the dashboard's browser libraries: `npm ci` from the
lockfile, files copied into the wheel (the editable install CI uses is checked by
every test that serves the dashboard). A machine without npm gets one clear line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VENDOR = ("warlog/web/vendor/leaflet/leaflet.js", "warlog/web/vendor/leaflet/leaflet.css",
          "warlog/web/vendor/topojson-client/topojson-client.min.js",
          "warlog/web/vendor/world-atlas/countries-50m.json")


def source_tree(dest: Path) -> Path:
    """The committed files only, as a fresh clone has them (no node_modules, no vendor/)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    for name in listed.stdout.decode().split("\0"):
        if name and (REPO / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, dest / name)
    return dest


def build_wheel(tree: Path, out: Path, *, path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(tree),
                           "-w", str(out)],
                          capture_output=True, text=True, check=False, cwd=tree,
                          env={**os.environ, "PATH": path})


def test_wheel_carries_the_dashboard_libraries(tmp_path: Path) -> None:
    if shutil.which("npm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("npm not found (CI=true: the build needs Node.js and npm)")
        pytest.skip("npm not found; the build needs Node.js and npm")
    tree = source_tree(tmp_path / "src")
    assert not (tree / "src" / "warlog" / "web" / "vendor").exists()
    done = build_wheel(tree, tmp_path / "dist", path=os.environ["PATH"])
    assert done.returncode == 0, done.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("warlog-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(VENDOR) <= names
    assert "warlog/web/index.html" in names
    assert not any("node_modules" in n for n in names)


def test_a_build_without_npm_says_so_in_one_line(tmp_path: Path) -> None:
    tree = source_tree(tmp_path / "src")
    bare = tmp_path / "bin"
    bare.mkdir()
    (bare / "python3").symlink_to(sys.executable)
    done = build_wheel(tree, tmp_path / "dist", path=str(bare))
    assert done.returncode != 0
    assert "error: building warlog needs Node.js and npm" in done.stdout + done.stderr
