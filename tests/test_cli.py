"""The command line: stdout carries only the result, one stderr line per failed input, exit codes
0/1/2, formats, --explain, -o and deterministic bytes (typer.testing.CliRunner, one real process)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, ROOT
from stripper.cli import app
from stripper.rules import all_rules

SEED = FIXTURES / "seed-news-paywall-dump" / "source.txt"
SEED_SENTENCE = "Valery Gerasimov, chief of the general staff"
SCHEMA_KEYS = ("title", "subtitle", "section", "authors", "author_bio", "date", "site_name", "url",
               "language", "captions", "text", "input_format", "source", "provenance")
ERROR_LINE_RE = re.compile(r"^stripper: (?P<name>.+?): (?P<reason>\S.*)$")
NO_ARTICLE_PAGE = "Home\nNews\nSport\nWeather\nSearch\nSign in\n© 2024 Example Media\n"
MARKDOWN_PAGE = """# Night trains return to the Alps

A new sleeper service links Zurich and Vienna again after a gap of nine years, and the first
trains sold out within a week of the timetable being published in the spring. The operator says it
will add a second weekly departure in the autumn if demand holds up through the summer months.

## Why the route closed

The old service lost money for a decade because its carriages were expensive to maintain and
the track fees through three countries were high, the operator said in its annual report. Budget
airlines, meanwhile, were selling the same trip for a fraction of the price of a sleeper berth.

## What changed

Governments began to subsidise night trains as part of their climate plans, and a new fleet
of carriages with private cabins and showers made the route attractive to business travellers, who
can now leave after dinner, work on board and arrive in the city centre before the first meeting.
"""


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, args, stdin=None):
    return runner.invoke(app, args, input=stdin)


def test_stdin_in_article_out(runner):
    r = invoke(runner, ["strip"], SEED.read_bytes())
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    assert SEED_SENTENCE in r.stdout
    assert "free article" not in r.stdout and "Icon" not in r.stdout
    assert r.stdout.endswith("\n") and not r.stdout.endswith("\n\n\n")


def test_dash_reads_stdin(runner):
    r = invoke(runner, ["strip", "-"], SEED.read_text(encoding="utf-8"))
    assert r.exit_code == 0 and SEED_SENTENCE in r.stdout


def test_json_has_every_schema_key(runner):
    r = invoke(runner, ["strip", "--format", "json", str(SEED)])
    assert r.exit_code == 0 and r.stderr == ""
    doc = json.loads(r.stdout)
    assert [k for k in SCHEMA_KEYS if k not in doc] == []
    assert doc["input_format"] == "text" and doc["source"] == str(SEED)
    assert isinstance(doc["authors"], list) and isinstance(doc["captions"], list)
    assert SEED_SENTENCE in doc["text"]


def test_json_from_stdin_has_null_source_and_given_url(runner):
    r = invoke(runner, ["strip", "-f", "json", "--url", "https://example.org/a", "-"], SEED.read_bytes())
    doc = json.loads(r.stdout)
    assert doc["source"] is None and doc["url"] == "https://example.org/a"


def test_markdown_has_front_matter_and_subheads(runner):
    r = invoke(runner, ["strip", "--format", "markdown", "-"], MARKDOWN_PAGE)
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert out.startswith("---\n")
    front, body = out[4:].split("\n---\n", 1)
    keys = {line.split(":", 1)[0] for line in front.splitlines() if not line.startswith(" ")}
    assert {"title", "authors", "date", "input_format"} <= keys
    assert 'input_format: "markdown"' in front
    assert "\n## Why the route closed\n" in body and "\n## What changed\n" in body
    assert "A new sleeper service links Zurich and Vienna" in body


def test_failed_inputs_are_reported_and_the_rest_printed(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    listing = tmp_path / "menu.txt"
    listing.write_text(NO_ARTICLE_PAGE, encoding="utf-8")
    names = [str(empty), str(SEED), str(png), str(missing), str(listing)]
    r = invoke(runner, ["strip", *names])
    assert r.exit_code == 1
    assert SEED_SENTENCE in r.stdout
    lines = r.stderr.splitlines()
    assert len(lines) == 4, r.stderr
    parsed = [ERROR_LINE_RE.match(line) for line in lines]
    assert all(parsed), lines
    assert [m.group("name") for m in parsed] == [str(empty), str(png), str(missing), str(listing)]
    reasons = [m.group("reason") for m in parsed]
    assert "empty" in reasons[0] and "PNG" in reasons[1] and "no such file" in reasons[2]
    assert "no article" in reasons[3]


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b"   \n\n", "empty"),
                                         (NO_ARTICLE_PAGE.encode(), "no article")])
def test_stdin_without_article_exits_1(runner, data, reason):
    r = invoke(runner, ["strip", "-"], data)
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("stripper: <stdin>: ") and reason in r.stderr


@pytest.mark.parametrize("args", [["strip", "--format", "xml", str(SEED)], ["strip", "--no-such-option", str(SEED)],
                                  ["strip", "--input-format", "pdf", str(SEED)], ["strip", "-", "-"],
                                  ["rules", "XYZ999"]])
def test_usage_errors_exit_2(runner, args):
    r = invoke(runner, args, "")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.strip()


def test_rules_lists_every_id(runner):
    r = invoke(runner, ["rules"])
    assert r.exit_code == 0
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert [row[0] for row in rows] == [rule.id for rule in all_rules()]
    assert all(len(row) == 4 and row[3] for row in rows)


def test_rules_describes_one(runner):
    r = invoke(runner, ["rules", "PAY002"])
    assert r.exit_code == 0 and r.stdout.startswith("PAY002 metered-paywall") and "Why:" in r.stdout


def test_explain_prints_tab_separated_rows(runner):
    r = invoke(runner, ["strip", "--explain", str(SEED)])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "block\tverdict\trule\treason\ttext"
    rows = [line.split("\t") for line in lines[1:]]
    assert rows and all(len(row) == 5 for row in rows)
    assert {row[1] for row in rows} <= {"kept", "dropped", "metadata", "removed"}
    rule_ids = {row[2] for row in rows}
    assert {"ICN001", "PAY001", "PAY002", "PAY003", "BYL003"} <= rule_ids
    assert any(row[1] == "kept" and row[4].startswith("Valery Gerasimov") for row in rows)


def test_output_file_is_written(runner, tmp_path):
    out = tmp_path / "article.json"
    r = invoke(runner, ["strip", "-f", "json", "-o", str(out), str(SEED)])
    assert r.exit_code == 0 and r.stdout == ""
    assert SEED_SENTENCE in json.loads(out.read_text(encoding="utf-8"))["text"]
    again = invoke(runner, ["strip", "-o", str(out), str(SEED)])
    assert again.exit_code == 2 and "exists" in again.stderr


def test_output_never_overwrites_an_input(runner, tmp_path):
    src = tmp_path / "page.txt"
    src.write_bytes(SEED.read_bytes())
    for extra in ([], ["--force"]):
        r = invoke(runner, ["strip", "-o", str(src), *extra, str(src)])
        assert r.exit_code == 2 and "overwrite an input" in r.stderr
        assert src.read_bytes() == SEED.read_bytes()


def test_same_input_gives_same_bytes(runner):
    first = invoke(runner, ["strip", "-f", "json", str(SEED)])
    second = invoke(runner, ["strip", "-f", "json", str(SEED)])
    assert first.stdout_bytes == second.stdout_bytes and first.stdout_bytes


def test_installed_script_in_a_pipe(runner):
    """The real entry point: piped stdin, clean stdout, nothing on stderr, and the same bytes as
    an in-process run (another process has another hash seed, so set order cannot leak out)."""
    exe = Path(sys.executable).with_name("stripper")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "stripper"]
    proc = subprocess.run([*cmd, "strip", "--explain", "-"], input=SEED.read_bytes(), capture_output=True,
                          timeout=60, cwd=ROOT)
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.startswith(b"block\tverdict\trule\treason\ttext\n")
    assert proc.stdout == invoke(runner, ["strip", "--explain", "-"], SEED.read_bytes()).stdout_bytes
