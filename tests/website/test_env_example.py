"""`.env.example` says one thing per variable, and copying it gives what it says."""

import re
from pathlib import Path

from django.conf import settings

from tests.website.test_settings import settings_in

EXAMPLE = Path(settings.BASE_DIR) / ".env.example"
ASSIGNMENT = re.compile(r"^(#\s*)?([A-Z][A-Z0-9_]+)=(.*)$")


def entries():
    """[(name, value, commented out)] in file order."""
    found = []
    for line in EXAMPLE.read_text().splitlines():
        match = ASSIGNMENT.match(line)
        if match:
            found.append((match.group(2), match.group(3), bool(match.group(1))))
    return found


def test_each_variable_is_set_once():
    names = [name for name, _value, _commented in entries()]

    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_every_variable_the_code_reads_is_described():
    code = "".join(
        path.read_text()
        for folder in ("website", "blog", "contributors", "editorial", "importer")
        for path in (Path(settings.BASE_DIR) / folder).rglob("*.py")
    )
    read = set(
        re.findall(
            r"(?:os\.environ(?:\.get)?\(|os\.environ\[|env_bool\(|env_list\()\s*"
            r"\"([A-Z][A-Z0-9_]+)\"",
            code,
        )
    )
    read.add("BACKUP_PASSPHRASE")  # operations.backup.PASSPHRASE_VARIABLE
    described = {name for name, _value, _commented in entries()}

    assert sorted(read - described - {"PYTEST_XDIST_WORKER"}) == []


def test_copying_it_gives_what_it_says(tmp_path):
    env = {
        name: value for name, value, commented in entries() if not commented and value
    }
    # What an operator must fill in before production starts.
    env.update(SECRET_KEY="x" * 50, DATABASE_URL=f"sqlite:///{tmp_path / 'db'}")
    env.pop("REDIS_URL")
    values = settings_in(
        "website.settings.production",
        ["TRUSTED_PROXY_COUNT", "MEDIA_ROOT", "CSP_MEDIA_ORIGINS", "DEBUG"],
        **env,
    )

    assert values["TRUSTED_PROXY_COUNT"] == 1
    assert values["MEDIA_ROOT"] == str(Path(settings.BASE_DIR) / "media")
    assert values["DEBUG"] is False
    # Empty lines would have meant something else than "unset" for these.
    for name, value, commented in entries():
        if name in {"MEDIA_ROOT", "STATIC_ROOT", "CSP_MEDIA_ORIGINS"}:
            assert commented or value, name
