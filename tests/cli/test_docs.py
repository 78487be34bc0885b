"""Every command and option of the CLI is documented in README.md (as sqlite-utils does)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from annotator.cli.main import cli

DOCS = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented(name: str) -> None:
    assert f"`annotator {name}" in DOCS


@pytest.mark.parametrize(
    ("name", "option"),
    [
        (name, opt)
        for name in COMMANDS
        for param in cli.commands[name].params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--")
    ],
)
def test_option_is_documented(name: str, option: str) -> None:
    assert option in DOCS, f"{option} of `annotator {name}` is not in README.md"
