"""The README documents every CLI command, the exit codes and the current rule table."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from rules_table import table  # noqa: E402

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_rule_table_is_current():
    assert table() in README, "README rule table is stale: run python scripts/rules_table.py"


def test_readme_names_commands_and_exit_codes():
    for needle in ("stripper strip", "stripper rules", "| 0 |", "| 1 |", "| 2 |", "--explain", "--format json"):
        assert needle in README, needle
