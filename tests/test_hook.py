"""The pre-commit hooks: their definition, and one real run of the ``pre-commit`` tool.

The real run installs this project the way pre-commit does for its users: from
a git repository of the project, into a fresh virtualenv (pip fetches the
dependencies from the package registries pip is configured with).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from test_cli_support import NAMES, ROOT, SAMPLES, expected, run

MISSING = "pre-commit is not installed: pip install 'cleaner-news[test]'"


def load_hooks() -> list[dict[str, object]]:
    """The hooks in .pre-commit-hooks.yaml (read with PyYAML, which pre-commit brings)."""
    try:
        import yaml
    except ImportError:
        pytest.fail(MISSING)
    hooks: list[dict[str, object]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hooks


HOOKS = load_hooks()
BY_ID = {hook["id"]: hook for hook in HOOKS}
README = "# Notes\n\nBy the end of 2017, NATO had grown.\n\nShare on Facebook\n"
GIT = ["git", "-c", "user.name=cleaner tests", "-c", "user.email=tests@cleaner.invalid", "-c", "commit.gpgsign=false"]
#: Files that are never part of the project (as in .gitignore), when copying a tree that is not a git checkout.
UNTRACKED = shutil.ignore_patterns(
    ".git", "__pycache__", "*.egg-info", ".*_cache", ".hypothesis", ".tox", "build", "dist", ".venv", ".ci-venv"
)


def test_hooks_are_defined_for_python_on_text_files() -> None:
    assert set(BY_ID) == {"cleaner-fix", "cleaner-check"}
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert hook["types"] == ["text"]
        assert hook["require_serial"] is True
        assert "files" not in hook, "users narrow files themselves"
    assert shlex.split(str(BY_ID["cleaner-fix"]["entry"]))[:2] == ["cleaner", "fix"]
    assert shlex.split(str(BY_ID["cleaner-check"]["entry"]))[:2] == ["cleaner", "check"]


def readme_hook_config(page: str) -> str:
    """The ``.pre-commit-config.yaml`` example of a page (the README, docs/command.md)."""
    text = (ROOT / page).read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", text, re.S)
    return block


def project_tags() -> list[str] | None:
    """The git tags of this checkout; ``None`` when it is not a git checkout or holds no tags (a bare export)."""
    listed = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True, check=False)
    tags = listed.stdout.split() if listed.returncode == 0 else []
    return tags or None


@pytest.mark.parametrize("page", ["README.md", "docs/command.md"])
def test_the_documented_hook_config_names_this_release(page: str, tmp_path: Path) -> None:
    """The example config is valid for pre-commit, uses hooks this repository defines, and pins the release
    tag of the version in pyproject.toml, a tag the repository has."""
    import yaml

    block = readme_hook_config(page)
    (repo,) = yaml.safe_load(block)["repos"]
    assert {hook["id"] for hook in repo["hooks"]} <= set(BY_ID)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert repo["rev"] == f"v{version}"
    tags = project_tags()
    if tags is not None:
        assert repo["rev"] in tags, f"{page} pins {repo['rev']}, which is not a tag of this repository"
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(block, encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
        check=False,
        env=clean_env(PRE_COMMIT_HOME=str(tmp_path / "home")),
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def hook_argv(hook_id: str, *files: Path) -> list[str]:
    """The command pre-commit runs for a hook, without the program name."""
    return [*shlex.split(str(BY_ID[hook_id]["entry"]))[1:], *map(str, files)]


def test_hook_entries_fix_named_text_files_and_leave_others(tmp_path: Path) -> None:
    article, readme = tmp_path / NAMES[3], tmp_path / "README.md"
    shutil.copy(SAMPLES / NAMES[3], article)
    readme.write_text(README, encoding="utf-8")
    check = run(*hook_argv("cleaner-check", readme, article))
    assert (check.code, check.out) == (1, f"{article}\n")
    first = run(*hook_argv("cleaner-fix", readme, article))
    assert first.code == 1
    assert article.read_text(encoding="utf-8") == expected(NAMES[3])
    assert readme.read_text(encoding="utf-8") == README
    assert run(*hook_argv("cleaner-fix", readme, article)).code == 0
    assert run(*hook_argv("cleaner-check", readme, article)).code == 0


def project_files(root: Path) -> list[Path]:
    """The files of the project as it is now (committed or not, ignored ones left out)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:  # not a git checkout
        return []
    return [root / name for name in listed.stdout.decode().split("\0") if name and (root / name).is_file()]


def snapshot_project(target: Path) -> Path:
    """A git repository holding the project as it is now, for pre-commit to install from."""
    files = project_files(ROOT)
    if files:
        for path in files:
            copy = target / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
    else:
        shutil.copytree(ROOT, target, ignore=UNTRACKED)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "cleaner as it is now")
    return target


def git(where: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=where, check=True, capture_output=True, env=clean_env())


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without what would make the hook use this checkout instead of its own install."""
    drop = {"PYTHONPATH", "VIRTUAL_ENV", "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "PRE_COMMIT", "NO_COLOR"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **extra}


def pre_commit(user: Path, project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(project),
        "cleaner-fix",
        "--all-files",
        "--color",
        "never",
    ]
    return subprocess.run(
        command,
        cwd=user,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env=clean_env(PRE_COMMIT_HOME=str(home)),
    )


def test_real_pre_commit_run_fixes_then_passes(tmp_path: Path) -> None:
    if importlib.util.find_spec("pre_commit") is None:
        pytest.fail(MISSING)
    project = snapshot_project(tmp_path / "cleaner")
    user = tmp_path / "user"
    (user / "data").mkdir(parents=True)
    for name in NAMES:
        shutil.copy(SAMPLES / name, user / "data" / name)
    (user / "README.md").write_text(README, encoding="utf-8")
    git(user, "init", "-q")
    git(user, "add", "-A")
    git(user, "commit", "-q", "-m", "scraped articles")

    first = pre_commit(user, project, tmp_path / "home")
    log = first.stdout + first.stderr
    assert first.returncode == 1, log
    assert "cleaner fix" in log and "Failed" in log and "files were modified by this hook" in log
    assert "5 files fixed, 0 unchanged, 0 failed" in log
    for name in NAMES:
        assert (user / "data" / name).read_text(encoding="utf-8") == expected(name)
    assert (user / "README.md").read_text(encoding="utf-8") == README

    git(user, "add", "-A")
    second = pre_commit(user, project, tmp_path / "home")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
