"""`kg --help` lists the commands of interfaces.md, and the console script runs."""

from __future__ import annotations

import re
import subprocess
import sys

from click.testing import CliRunner

from kg import __version__
from kg.cli import cli
from tests.paths import SHARED


def interface_commands() -> set[str]:
    spec = (SHARED / "spec" / "interfaces.md").read_text(encoding="utf-8")
    return set(re.findall(r"^- `kg (\w+)", spec, flags=re.M))


def test_help_lists_every_command_of_the_interfaces() -> None:
    commands = interface_commands()
    assert commands == {"extract", "ingest", "query", "export", "serve"}
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = set(re.findall(r"^  (\w+)\s", result.output, flags=re.M))
    assert commands <= listed


def test_console_script_reports_its_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in result.stdout


def test_bad_usage_exits_with_status_2() -> None:
    result = subprocess.run([sys.executable, "-m", "kg", "no-such-command"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "No such command" in result.stderr
