"""The demo (seed_demo, its data files, the factories) is for development only: the
production settings do not install it, the package does not ship it, and the
production code never imports it or wagtail-factories."""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings

from setuptools import find_packages

from tests.test_layers import LAYERS

ROOT = Path(settings.BASE_DIR)
# Every app the site runs, lowest layer first.
PRODUCTION_PACKAGES = LAYERS

# Imports every module of the production packages under the production settings,
# then says what got imported along the way.
PROBE = """
import json, pkgutil, sys, importlib
import django
django.setup()
from django.conf import settings
for name in {packages!r}:
    package = importlib.import_module(name)
    for module in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(module.name)
print(json.dumps({{
    "installed_apps": list(settings.INSTALLED_APPS),
    "imported": sorted(
        name for name in sys.modules
        if name.split(".")[0] in ("demo", "wagtail_factories", "factory")
    ),
}}))
"""


def production_probe():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "a.example",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", PROBE.format(packages=PRODUCTION_PACKAGES)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_installs_no_demo_and_imports_no_factories():
    probe = production_probe()
    assert "demo" not in probe["installed_apps"]
    assert probe["imported"] == []


def test_development_and_tests_install_the_demo():
    assert "demo" in settings.INSTALLED_APPS


def test_the_package_leaves_the_demo_out():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    shipped = find_packages(where=str(ROOT), include=include)

    assert {name.split(".")[0] for name in shipped} == set(PRODUCTION_PACKAGES)
    assert not any(name == "demo" or name.startswith("demo.") for name in shipped)

    project = pyproject["project"]
    assert not any(
        dep.startswith("wagtail-factories") for dep in project["dependencies"]
    )
    assert "wagtail-factories==4.5.0" in project["optional-dependencies"]["dev"]
