"""The project's files stand on their own: documented commands exist as written, and no comment or
docstring points to notes outside the repository instead of giving the reason."""

import re
import subprocess
from pathlib import Path

from django.core.management import get_commands

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted(ROOT.glob("*/**/README.md"))]
DOCS = [path for path in DOCS if ".venv" not in path.parts]

# Built from pieces so that this file does not match itself.
OUTSIDE_REFERENCES = re.compile(r"\btrap\s*\d+|\.\./" + "shared|shared/" + "notes", re.IGNORECASE)
TEXT_SUFFIXES = {".py", ".md", ".html", ".txt", ".toml", ".cfg", ".ini", ".css", ".js", ".po", ".sh", ".yml", ""}


def project_files():
    """The files git tracks, and the new ones it does not ignore (a checkout without git: none)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return [ROOT / name for name in listed.stdout.split("\0") if name]


def git_ignored(paths):
    """The paths git ignores: what a run writes (a benchmark's results), named in the docs but not shipped."""
    checked = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=ROOT,
        input="\n".join(paths),
        capture_output=True,
        text=True,
        check=False,
    )
    return set(checked.stdout.split())


def documented(pattern):
    return sorted(
        {(doc.relative_to(ROOT).as_posix(), match) for doc in DOCS for match in pattern.findall(doc.read_text())}
    )


DOCUMENTED_PATHS = documented(re.compile(r"(?<![\w/.$-])((?:bin|benchmarks|deploy|\.ci)/[\w./*-]*[\w*])"))
WRITTEN_BY_A_RUN = git_ignored([path for _doc, path in DOCUMENTED_PATHS])
DOCUMENTED_PATHS = [(doc, path) for doc, path in DOCUMENTED_PATHS if path not in WRITTEN_BY_A_RUN]
DOCUMENTED_COMMANDS = documented(re.compile(r"manage\.py\s+([a-z][a-z_]+)"))


def readme_command_table():
    """The first word of each row of the README's "Management commands" table."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Management commands", 1)[1].split("\n## ", 1)[0]
    return sorted(
        {
            name
            for cell in re.findall(r"^\| (.+?) \|", section, re.MULTILINE)
            for name in re.findall(r"`([a-z_]+)", cell)
        }
    )


def test_no_file_cites_notes_outside_the_repository():
    """Comments, docstrings and docs give the reason itself, or a link into docs/, never a numbered trap
    or a path to notes that a reader of this repository does not have."""
    offenders = []
    for path in project_files():
        if path.suffix not in TEXT_SUFFIXES or not path.is_file() or path.resolve() == Path(__file__).resolve():
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            if OUTSIDE_REFERENCES.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_documentation_is_searched():
    """The lists below are not empty by accident."""
    assert ("README.md", "bin/test") in DOCUMENTED_PATHS
    assert ("README.md", "migrate") in DOCUMENTED_COMMANDS
    assert "seed_demo" in readme_command_table()


@pytest.mark.parametrize(("doc", "path"), DOCUMENTED_PATHS)
def test_documented_file_exists(doc, path):
    """Every bin/, benchmarks/, deploy/ and .ci/ path the README and docs name is there (wildcards match
    something); files a run writes, which git ignores, are left out."""
    assert list(ROOT.glob(path)) if "*" in path else (ROOT / path).exists(), f"{doc} names {path}, which is missing"


@pytest.mark.parametrize(("doc", "command"), DOCUMENTED_COMMANDS)
def test_documented_manage_py_command_exists(doc, command):
    """Every ``manage.py <command>`` in the README and docs is a management command of this project."""
    assert command in get_commands(), f"{doc} runs manage.py {command}, which does not exist"


@pytest.mark.parametrize("command", readme_command_table())
def test_readme_command_table_lists_real_commands(command):
    """Every command in the README's table exists."""
    assert command in get_commands(), f"README.md lists {command}, which does not exist"
