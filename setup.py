"""The build hook for the dashboard's browser libraries (the rest is in pyproject.toml).

Leaflet, world-atlas (Natural Earth country shapes) and topojson-client come from the npm
registry at the versions pinned in package-lock.json: `npm ci` installs them into
node_modules/, and the files the dashboard loads are copied into the package, under
warlog/web/vendor/ — into the wheel for a normal build, into src/ for an editable
install (which serves the package from the source tree). Nothing of them is committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent

# node_modules path → path under warlog/web/vendor/
DASHBOARD_FILES = {
    "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
    "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
    "leaflet/dist/images/layers.png": "leaflet/images/layers.png",
    "leaflet/dist/images/layers-2x.png": "leaflet/images/layers-2x.png",
    "leaflet/dist/images/marker-icon.png": "leaflet/images/marker-icon.png",
    "leaflet/dist/images/marker-icon-2x.png": "leaflet/images/marker-icon-2x.png",
    "leaflet/dist/images/marker-shadow.png": "leaflet/images/marker-shadow.png",
    "leaflet/LICENSE": "leaflet/LICENSE",
    "topojson-client/dist/topojson-client.min.js": "topojson-client/topojson-client.min.js",
    "topojson-client/LICENSE": "topojson-client/LICENSE",
    "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
    "world-atlas/LICENSE": "world-atlas/LICENSE",
}
NO_NPM = ("error: building warlog needs Node.js and npm (`npm ci` installs the dashboard's "
          "Leaflet and world maps from package-lock.json); install them (Debian: "
          "apt-get install nodejs npm) and build again")


def install_dashboard_libraries(target: Path) -> None:
    """`npm ci` in the project root, then copy the files the dashboard serves to ``target``."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        # SystemExit, not an Exception: setuptools' editable build only warns on those.
        raise SystemExit(NO_NPM)
    done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
                          cwd=ROOT, stdout=sys.stderr, stderr=sys.stderr, check=False)
    if done.returncode != 0:
        raise SystemExit(f"error: `npm ci` failed in {ROOT} (exit {done.returncode}); "
                         "see its output above")
    for source, dest in DASHBOARD_FILES.items():
        out = target / dest
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "node_modules" / source, out)


class BuildPyWithDashboard(build_py):  # type: ignore[misc]
    """build_py, then the dashboard's libraries: into build_lib, or src/ when editable."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            target = ROOT / "src" / "warlog" / "web" / "vendor"
        else:
            target = Path(self.build_lib) / "warlog" / "web" / "vendor"
        install_dashboard_libraries(target)


setup(cmdclass={"build_py": BuildPyWithDashboard})
