"""Command line: a thin layer over the library. Only this module (and console.py) use typer/rich.

Exit codes: 0 article written; 1 some input gave no article or could not be read (each
reported on stderr as "stripper: NAME: reason", the other inputs still processed); 2 usage
error."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import InputError, NoArticleError, StripperError
from .options import Options

EXIT_OK, EXIT_NO_ARTICLE, EXIT_USAGE = 0, 1, 2
EXIT_CODES_HELP = ("Exit codes: 0 article written; 1 some input gave no article or could not be read "
                   "(reported on stderr, other inputs still processed); 2 usage error.")

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Strip boilerplate from scraped pages (HTML, text or markdown dumps) and print the article.",
                  epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    markdown = "markdown"
    html = "html"


def fail(name: str, reason: str) -> None:
    """One clear line on stderr."""
    sys.stderr.write(f"stripper: {name}: {reason}\n")
    sys.stderr.flush()


def usage_error(message: str) -> None:
    sys.stderr.write(f"stripper: {message}\n")
    raise typer.Exit(EXIT_USAGE)


def read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if p.is_dir():
        raise InputError("is a directory (use 'stripper batch' for directories)")
    if p.exists() and not p.is_file():
        raise InputError("not a regular file")
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    if size > Options().max_input_bytes * 4:
        raise InputError(f"too large: {size} bytes")
    try:
        return p.read_bytes()
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None


def render(result, fmt: Format) -> str:
    from .render import body_markdown, render_json, render_markdown, render_text
    art = result.article
    if fmt == Format.json:
        return render_json(art)
    if fmt == Format.markdown:
        return render_markdown(art, body_markdown(result.kept))
    return render_text(art)


def write_explain(result, name: str, many: bool, out) -> None:
    from .render import explain_rows, render_explain_tsv
    if out is sys.stdout and sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table
        table = Table(title=name if many else None, show_lines=False)
        for col in ("block", "verdict", "rule", "reason", "text"):
            table.add_column(col, overflow="fold")
        colors = {"kept": "green", "dropped": "red", "metadata": "cyan", "removed": "magenta"}
        for row in explain_rows(result):
            table.add_row(*row, style=colors.get(row[1], ""))
        Console().print(table)
    else:
        if many:
            out.write(f"# {name}\n")
        out.write(render_explain_tsv(result))


@app.command("strip", epilog=EXIT_CODES_HELP)
def strip_cmd(
    files: Optional[List[str]] = typer.Argument(None, help="Files to read; '-' or nothing reads stdin."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output: text, json or markdown."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", "-i",
                                             help="How to read the input; auto sniffs."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    url: Optional[str] = typer.Option(None, "--url", help="The page's URL, echoed in the output."),
    language: Optional[str] = typer.Option(None, "--lang", help="ISO 639-1 language; default: detect."),
    explain: bool = typer.Option(False, "--explain", help="Show every block with its verdict, rule and reason."),
    select: str = typer.Option("", "--select", help="Only run rules with these id prefixes (comma-separated)."),
    ignore: str = typer.Option("", "--ignore", help="Skip rules with these id prefixes (comma-separated)."),
    force: bool = typer.Option(False, "--force", help="Overwrite -o FILE if it exists."),
) -> None:
    """Extract the article from each input and print it.

    Example: stripper strip --format json page.txt > article.json
    """
    from .pipeline import run

    names = list(files) if files else ["-"]
    if names.count("-") > 1:
        usage_error("stdin ('-') can be read only once")
    if output is not None:
        if str(output) in names or any(os.path.exists(n) and output.exists() and os.path.samefile(n, output)
                                       for n in names if n != "-"):
            usage_error(f"{output}: output would overwrite an input")
        if output.exists() and not force:
            usage_error(f"{output}: exists (use --force to overwrite)")
    try:
        opts = Options(input_format=input_format.value, url=url, language=language,
                       select=tuple(p.strip().upper() for p in select.split(",") if p.strip()),
                       ignore=tuple(p.strip().upper() for p in ignore.split(",") if p.strip()))
    except ValueError as e:
        usage_error(str(e))
    chunks: list[str] = []
    code = EXIT_OK
    many = len(names) > 1
    out_stream = sys.stdout
    for name in names:
        shown = "<stdin>" if name == "-" else name
        try:
            data = read_input(name)
            o = Options(**{**{f: getattr(opts, f) for f in opts.__slots__}, "source": None if name == "-" else name})
            try:
                result = run(data, o)
            except NoArticleError as e:
                if explain and e.result is not None:
                    write_explain(e.result, shown, many, out_stream)
                raise
            if explain:
                write_explain(result, shown, many, out_stream)
            else:
                chunks.append(render(result, fmt))
        except (InputError, NoArticleError) as e:
            fail(shown, str(e))
            code = EXIT_NO_ARTICLE
        except StripperError as e:
            fail(shown, str(e))
            code = EXIT_NO_ARTICLE
        except RecursionError:
            fail(shown, "input nested too deeply")
            code = EXIT_NO_ARTICLE
        except MemoryError:
            fail(shown, "out of memory")
            code = EXIT_NO_ARTICLE
    if explain:
        raise typer.Exit(code)
    payload = "\n".join(chunks) if fmt != Format.json or not many else "".join(chunks)
    if output is not None:
        if chunks:
            tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
            tmp.write_text(payload, encoding="utf-8")
            os.replace(tmp, output)
    else:
        sys.stdout.buffer.write(payload.encode("utf-8"))
        sys.stdout.flush()
    raise typer.Exit(code)


@app.command("rules")
def rules_cmd(rule_id: Optional[str] = typer.Argument(None, help="A rule id or slug to describe.")) -> None:
    """List every rule (id, name, action, summary), or describe one.

    Example: stripper rules PAY002
    """
    from .rules import all_rules, get_rule
    if rule_id:
        r = get_rule(rule_id)
        if r is None:
            usage_error(f"no rule {rule_id!r} (see 'stripper rules')")
        sys.stdout.write(f"{r.id} {r.slug} ({r.action})\n\n{r.doc}\n")
        return
    for r in all_rules():
        sys.stdout.write(f"{r.id}\t{r.slug}\t{r.action}\t{r.summary}\n")


def _register_optional_commands() -> None:
    try:
        from .batch_cli import register
    except ImportError:
        return
    register(app)


_register_optional_commands()


def version_callback(value: bool):
    if value:
        sys.stdout.write(f"stripper {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Strip boilerplate from scraped pages and print the article."""


def main() -> None:
    try:
        app(prog_name="stripper")
    except KeyboardInterrupt:
        sys.stderr.write("stripper: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            os._exit(EXIT_OK)
