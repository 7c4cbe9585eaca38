"""`stripper batch`: the command line over stripper/batch.py (the engine). Imported by cli.py at
start-up, so it imports nothing heavy until the command runs. rich is used here and in
console.py only; progress and the summary go to stderr."""
from __future__ import annotations

import os
from enum import Enum
from typing import List, Optional

import typer

BATCH_EXIT_HELP = ("Exit codes: 0 every input that is a page gave an article (skipped inputs, such as empty "
                   "or binary files, do not count); 1 some gave no article or failed (the others are written); "
                   "2 usage error or unsafe paths.")
SHOWN_FAILURES = 10


class BatchFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    jsonl = "jsonl"


class BatchInputFormat(str, Enum):
    auto = "auto"
    text = "text"
    markdown = "markdown"
    html = "html"


def _usage(message: str) -> None:
    import sys
    sys.stderr.write(f"stripper: {message}\n")
    raise typer.Exit(2)


def _prefixes(spec: str) -> tuple:
    return tuple(p.strip().upper() for p in spec.split(",") if p.strip())


def register(app: typer.Typer) -> None:
    @app.command("batch", epilog=BATCH_EXIT_HELP)
    def batch_cmd(
        inputs: Optional[List[str]] = typer.Argument(None, help="Directories (walked recursively, sorted) and files."),
        output: str = typer.Option(..., "--output", "-o", help="OUTDIR (mirrors the input tree), or with "
                                   "--format jsonl a file, or '-' for stdout."),
        fmt: BatchFormat = typer.Option(BatchFormat.text, "--format", "-f",
                                        help="text, json or markdown (one file per input), or jsonl (one stream)."),
        files_from: Optional[str] = typer.Option(None, "--files-from", help="Read input paths from FILE ('-': stdin), one a line."),
        null: bool = typer.Option(False, "--null", "-0", help="--files-from paths are NUL-separated (find -print0)."),
        globs: Optional[List[str]] = typer.Option(None, "--glob", help="Only inputs matching this pattern (repeatable); "
                                                  "matched against the base name, or the relative path if it has a '/'."),
        jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (default: every core)."),
        timeout: float = typer.Option(30.0, "--timeout", help="Seconds per document before its worker is killed."),
        max_memory: str = typer.Option("2G", "--max-memory", help="Address-space limit per worker (e.g. 2G, 512M; 0: none)."),
        recycle_after: int = typer.Option(500, "--recycle-after", help="Replace each worker after this many documents."),
        force: bool = typer.Option(False, "--force", help="Recompute everything, ignoring the journal of earlier runs."),
        report: Optional[str] = typer.Option(None, "--report", help="Write a JSON report: one status per input, every reason."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
        input_format: BatchInputFormat = typer.Option(BatchInputFormat.auto, "--input-format", "-i",
                                                      help="How to read the inputs; auto sniffs each."),
        language: Optional[str] = typer.Option(None, "--lang", help="ISO 639-1 language; default: detect."),
        select: str = typer.Option("", "--select", help="Only run rules with these id prefixes (comma-separated)."),
        ignore: str = typer.Option("", "--ignore", help="Skip rules with these id prefixes (comma-separated)."),
    ) -> None:
        """Strip every page under the inputs into OUTDIR, in parallel, resumably.

        Example: stripper batch pages/ -o out/ --format json --report report.json
        """
        from . import batch
        from .options import Options

        if jobs < 0 or timeout <= 0 or recycle_after < 1:
            _usage("--jobs must be >= 0, --timeout > 0 and --recycle-after >= 1")
        try:
            options = Options(input_format=input_format.value, language=language,
                              select=_prefixes(select), ignore=_prefixes(ignore))
            settings = batch.BatchSettings(
                inputs=list(inputs or []), output=output, fmt=fmt.value, files_from=files_from, null=null,
                globs=tuple(globs or ()), jobs=jobs, timeout=timeout, max_memory=batch.parse_size(max_memory),
                recycle_after=recycle_after, force=force, report=report, options=options,
                faults=batch.parse_faults(os.environ.get(batch.FAULTS_ENV, "")))
            plan = batch.plan_batch(settings)
        except (ValueError, batch.BatchUsageError) as e:
            _usage(str(e))
        summary = _run_with_progress(batch, plan, settings, quiet)
        if not quiet:
            _print_summary(batch, summary)
        if summary.report_error:
            _usage(summary.report_error)
        raise typer.Exit(summary.exit_code)


def _run_with_progress(batch, plan, settings, quiet: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .console import err_console

    columns = (TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s"),
               TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[failed]} failed"))
    progress = Progress(*columns, console=err_console, transient=True, redirect_stdout=False,
                        disable=quiet or not err_console.is_terminal)
    task = progress.add_task("batch", total=len(plan.items), rate="-", failed=0)
    state = {"t0": None}

    def on_item(summary, _item) -> None:
        import time
        now = time.monotonic()
        if state["t0"] is None:
            state["t0"] = now
        elapsed = now - state["t0"]
        computed = summary.done - summary.resumed
        rate = f"{computed / elapsed:.1f}" if elapsed > 0.5 and computed else "-"
        progress.update(task, completed=summary.done, rate=rate, failed=summary.counts[batch.FAILED])

    try:
        with progress:
            return batch.run_batch(plan, settings, on_item)
    except batch.BatchUsageError as e:
        _usage(str(e))
    except batch.PoolError as e:
        _usage(str(e))


def _print_summary(batch, summary) -> None:
    from .console import err_console

    def reasons(status: str) -> str:
        r = summary.reasons[status]
        return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(r.items(), key=lambda kv: (-kv[1], kv[0])))

    c = summary.counts
    rate = (summary.done - summary.resumed) / summary.elapsed if summary.elapsed > 0 else 0.0
    lines = [f"stripper batch: {summary.total} inputs in {summary.elapsed:.1f} s ({rate:.1f} docs/s)",
             f"  ok          {c[batch.OK]:>7}",
             f"  no article  {c[batch.NO_ARTICLE]:>7}",
             f"  failed      {c[batch.FAILED]:>7}" + (f"  {reasons(batch.FAILED)}" if c[batch.FAILED] else ""),
             f"  skipped     {c[batch.SKIPPED]:>7}" + (f"  {reasons(batch.SKIPPED)}" if c[batch.SKIPPED] else "")]
    if summary.resumed:
        lines.append(f"  ({summary.resumed} of these were unchanged since an earlier run and not redone)")
    failed = [i for i in summary.items if i is not None and i.status == batch.FAILED]
    for i in failed[:SHOWN_FAILURES]:
        lines.append(f"  failed: {batch.printable(i.name)}: {i.detail}")
    if len(failed) > SHOWN_FAILURES:
        lines.append(f"  ... and {len(failed) - SHOWN_FAILURES} more failures (--report FILE lists every input)")
    err_console.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)
