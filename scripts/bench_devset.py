#!/usr/bin/env python3
"""Benchmark the stripper on the development corpus (../shared/devset, read in place).

    .venv/bin/python scripts/bench_devset.py                      # every kind, every baseline
    .venv/bin/python scripts/bench_devset.py --jobs 2 --out bench-out
    .venv/bin/python scripts/bench_devset.py --kinds innertext --only-ours --limit 100
    .venv/bin/python scripts/bench_devset.py --case rdb-nytimes-2 --kinds innertext

For every dump kind (innertext, htmltext, bs4: input_format="text"; markdown:
input_format="markdown"; html: the decompressed page.html.gz, input_format="html") the
stripper runs on every case. NoArticleError / InputError count as "no article" (empty output);
any other exception counts as an error (empty output) and its first case ids are printed.
Baselines in the same run: "none" (the dump itself) and "c4" (C4's line rules,
devset_scores.c4_lines) for the text kinds; trafilatura extract() with default options for
html, and bare_extraction(with_metadata=True) for its title / author / date.

Scores are the devset README's (see devset_scores.py). docs/s = cases / summed time of the
extraction calls only, each from the bytes of its input (files are read, and gzip
decompressed, before the clock starts; decoding is inside it, for every tool), measured with
time.perf_counter in this process, after an untimed warm-up that runs the stripper once on
every bundled fixture (fixtures/*/source.*): the phrase lists, stoplists and tables it reads
lazily are loaded once per process, not charged to the first pages that need them. With
--jobs N > 1 the stripper's outputs come from a pool of N processes and its speed is timed
afterwards in this process alone, on every case (the baselines' cases: the ratio of docs/s
compares the same pages). Output order is
deterministic (cases sorted by id).
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import devset_scores as ds  # noqa: E402

import stripper  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVSET = Path(os.environ.get("STRIPPER_DEVSET", ROOT.parent / "shared" / "devset"))
KINDS = ("innertext", "htmltext", "bs4", "markdown", "html")
TEXT_KINDS = KINDS[:4]
INPUT_FORMAT = {"innertext": "text", "htmltext": "text", "bs4": "text", "markdown": "markdown",
                "html": "html"}
OURS, NONE, C4, TRAF = "stripper", "none", "c4", "trafilatura"
SHOW_ERRORS = 5
OK, NOARTICLE, ERROR = "ok", "noarticle", "error"


# ---------------------------------------------------------------------------------------------
# Cases and inputs


@dataclass(slots=True)
class Case:
    id: str
    dir: Path
    gold: dict
    gold_shingles: Counter | None = None

    @property
    def split(self) -> str:
        return "rdb" if self.gold.get("gold") == "full" else "web"


def load_cases(devset: Path, limit: int | None = None, only: str | None = None) -> list[Case]:
    ids = sorted(json.loads(line)["id"] for line in
                 (devset / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())
    if only is not None:
        if only not in ids:
            raise SystemExit(f"bench_devset: no case {only!r} in {devset}")
        ids = [only]
    if limit and limit < len(ids):
        # Evenly spaced, so a short run still mixes rdb and web cases.
        ids = [ids[i * len(ids) // limit] for i in range(limit)]
    cases = []
    for cid in ids:
        d = devset / "cases" / cid
        gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        cases.append(Case(cid, d, gold, ds.shingles(gold["body"]) if gold.get("gold") == "full" else None))
    return cases


def read_input(case_dir: Path, kind: str) -> bytes:
    if kind == "html":
        return gzip.decompress((case_dir / "page.html.gz").read_bytes())
    return (case_dir / "dumps" / f"{kind}.txt").read_bytes()


# ---------------------------------------------------------------------------------------------
# Extractors: each returns an Extract; only the extraction call is timed.


@dataclass(slots=True)
class Extract:
    text: str = ""
    title: str | None = None
    author: list[str] | str | None = None
    date: str | None = None
    status: str = OK
    error: str = ""
    seconds: float = 0.0
    has_meta: bool = False


def run_ours(kind: str, data: bytes) -> Extract:
    t0 = time.perf_counter()
    try:
        art = stripper.strip(data, input_format=INPUT_FORMAT[kind])
    except (stripper.NoArticleError, stripper.InputError) as e:
        return Extract(status=NOARTICLE, error=f"{type(e).__name__}: {e}",
                       seconds=time.perf_counter() - t0, has_meta=True)
    except Exception as e:  # noqa: BLE001 - one bad page must not end the run
        return Extract(status=ERROR, error=f"{type(e).__name__}: {e}",
                       seconds=time.perf_counter() - t0, has_meta=True)
    return Extract(art.text or "", art.title, list(art.authors), art.date,
                   seconds=time.perf_counter() - t0, has_meta=True)


def _ours_task(task: tuple[str, str, str]) -> tuple[str, str, Extract]:
    case_dir, cid, kind = task
    return cid, kind, run_ours(kind, read_input(Path(case_dir), kind))


def _warm_up() -> None:
    """Runs the stripper once on every bundled fixture (and a short page of each input format),
    untimed: what it loads lazily is loaded before any timed call."""
    pages = [(b"<p>Warm up the pipeline with one short paragraph of text.</p>", "html")]
    pages += [(b"Warm up the pipeline with one short paragraph of text.\n", fmt) for fmt in ("text", "markdown")]
    pages += [(p.read_bytes(), "auto") for p in sorted((ROOT / "fixtures").glob("*/source.*"))]
    for data, fmt in pages:
        try:
            stripper.strip(data, input_format=fmt)
        except Exception:  # noqa: BLE001 - only loads lazy data
            pass


def run_none(data: bytes) -> Extract:
    return Extract(data.decode("utf-8", "replace"))


def run_c4(data: bytes) -> Extract:
    t0 = time.perf_counter()   # (from the bytes, as the stripper and trafilatura are timed)
    out = ds.c4_lines(data.decode("utf-8", "replace"))
    return Extract(out, seconds=time.perf_counter() - t0, status=OK if out else NOARTICLE)


def run_trafilatura(data: bytes) -> Extract:
    import trafilatura
    from trafilatura.utils import decode_file
    t0 = time.perf_counter()
    try:
        html = decode_file(data)
        text = trafilatura.extract(html)
    except Exception as e:  # noqa: BLE001
        return Extract(status=ERROR, error=f"{type(e).__name__}: {e}",
                       seconds=time.perf_counter() - t0, has_meta=True)
    seconds = time.perf_counter() - t0
    res = Extract(text or "", seconds=seconds, status=OK if text else NOARTICLE, has_meta=True)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True)
    except Exception as e:  # noqa: BLE001
        res.error = f"metadata {type(e).__name__}: {e}"
        return res
    if doc is not None:
        res.title, res.author, res.date = doc.title, doc.author, doc.date
    return res


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass(slots=True)
class Tally:
    kind: str
    tool: str
    body: list = field(default_factory=list)
    snippets: list = field(default_factory=list)
    meta: dict = field(default_factory=lambda: {"rdb": ds.MetaTally(), "web": ds.MetaTally()})
    has_meta: bool = False
    status: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)
    seconds: float = 0.0
    timed: int = 0
    speed_note: str = ""

    def docs_per_s(self) -> float | None:
        return self.timed / self.seconds if self.seconds > 0 else None


def score_case(case: Case, ex: Extract, tally: Tally) -> dict:
    """Adds one case to the tally; returns its per-case record."""
    rec: dict = {"id": case.id, "split": case.split, "kind": tally.kind, "tool": tally.tool,
                 "status": ex.status}
    if ex.error:
        rec["error"] = ex.error
    tally.status[ex.status] += 1
    if ex.status == ERROR:
        tally.errors.append((case.id, ex.error))
    g = case.gold
    if case.split == "rdb":
        page = ds.body_page(ex.text, case.gold_shingles)
        tally.body.append(page)
        rec["body"] = {"p": page.precision, "r": page.recall, "f1": page.f1,
                       "tp": page.tp, "fp": page.fp, "fn": page.fn}
    else:
        page = ds.snippet_page(ex.text, g.get("with") or [], g.get("without") or [])
        tally.snippets.append(page)
        rec["snippets"] = {"tp": page.tp, "fp": page.fp, "fn": page.fn,
                           "missing_with": list(page.missing), "found_without": list(page.found_without)}
    if ex.has_meta:
        tally.has_meta = True
        rec["meta"] = {}
        for name, got in (("title", ex.title), ("author", ex.author), ("date", ex.date)):
            outcome = ds.meta_outcome(name, got, g.get(name))
            tally.meta[case.split].add(name, outcome)
            rec["meta"][name] = {"got": got, "gold": g.get(name), "outcome": outcome}
    return rec


def summary_row(t: Tally) -> dict:
    rp, rr, rf = ds.body_prf(t.body)
    wp, wr, wf = ds.snippet_prf(t.snippets)
    row = {"kind": t.kind, "tool": t.tool, "cases": sum(t.status.values()),
           "rdb_cases": len(t.body), "web_cases": len(t.snippets),
           "rdb_body": {"p": rp, "r": rr, "f1": rf},
           "web_snippets": {"p": wp, "r": wr, "f1": wf,
                            "tp": sum(p.tp for p in t.snippets), "fp": sum(p.fp for p in t.snippets),
                            "fn": sum(p.fn for p in t.snippets)},
           "no_article": t.status[NOARTICLE], "errors": t.status[ERROR],
           "docs_per_s": t.docs_per_s(), "speed_note": t.speed_note}
    if t.has_meta:
        row["meta"] = {split: {name: {"acc": m.accuracy(name), "fp_rate": m.fp_rate(name),
                                      **dict(m.counts[name])} for name in ds.FIELDS}
                       for split, m in t.meta.items()}
    return row


# ---------------------------------------------------------------------------------------------
# Output


def _f(x: float | None, w: int = 5) -> str:
    return f"{x:.3f}".rjust(w) if x is not None else "-".rjust(w)


def _pair(a: float | None, b: float | None) -> str:
    return f"{_f(a).strip()}/{_f(b).strip()}"


HEADER = (f"{'kind':<10}{'tool':<12} {'rdb-P':>5} {'rdb-R':>5} {'rdbF1':>5}  {'web-P':>5} {'web-R':>5} "
          f"{'webF1':>5}  {'title r/w':<12}{'author r/w':<12}{'auth-fp r/w':<12}{'date r/w':<12}"
          f"{'date-fp r/w':<12}{'docs/s':>7} {'noart/err':>9}")


def format_row(row: dict) -> str:
    b, s = row["rdb_body"], row["web_snippets"]
    line = (f"{row['kind']:<10}{row['tool']:<12} {_f(b['p'])} {_f(b['r'])} {_f(b['f1'])}  "
            f"{_f(s['p'])} {_f(s['r'])} {_f(s['f1'])}  ")
    m = row.get("meta")
    if m:
        r, w = m["rdb"], m["web"]
        line += "".join(f"{x:<12}" for x in (
            _pair(r["title"]["acc"], w["title"]["acc"]), _pair(r["author"]["acc"], w["author"]["acc"]),
            _pair(r["author"]["fp_rate"], w["author"]["fp_rate"]),
            _pair(r["date"]["acc"], w["date"]["acc"]), _pair(r["date"]["fp_rate"], w["date"]["fp_rate"])))
    else:
        line += "".join(f"{'-':<12}" for _ in range(5))
    dps = row["docs_per_s"]
    speed = "-" if dps is None or row["tool"] == NONE else (f"{dps:.1f}" if dps < 1000 else f"{dps:.0f}")
    return line + f"{speed:>7} {row['no_article']:>5}/{row['errors']:<3}"


def print_report(rows: list[dict], tallies: list[Tally], n_cases: int, jobs: int) -> None:
    print(f"devset: {n_cases} cases ({rows[0]['rdb_cases'] if rows else 0} rdb body-gold, "
          f"{rows[0]['web_cases'] if rows else 0} web snippet-gold)")
    print(HEADER)
    print("-" * len(HEADER))
    last = None
    for row in rows:
        if last is not None and row["kind"] != last:
            print()
        last = row["kind"]
        print(format_row(row))
    print()
    print("rdb P/R/F1: 4-token shingle body scores (P, R page means); web: snippet P/R/F1 (micro);")
    print("title/author/date: accuracy rdb/web where gold is set; *-fp: share of pages with no gold value"
          " that got one; noart: no article / empty output.")
    print("docs/s: cases / summed time of the extraction calls alone (file reading excluded), "
          "single process, from the input's bytes (decoding timed), after an untimed warm-up on the bundled fixtures.")
    notes = sorted({r["speed_note"] for r in rows if r["speed_note"]})
    for note in notes:
        print(f"speed: {note}")
    if jobs > 1:
        print(f"stripper outputs from a pool of {jobs} processes; speeds single-process (see above).")
    print()
    print("Headline (rdb body F1 / web snippet F1, as in the devset README table):")
    by = {(r["kind"], r["tool"]): r for r in rows}
    for kind in dict.fromkeys(r["kind"] for r in rows):
        parts = [f"{tool} {by[kind, tool]['rdb_body']['f1']:.3f} / {by[kind, tool]['web_snippets']['f1']:.3f}"
                 for tool in (OURS, NONE, C4, TRAF) if (kind, tool) in by]
        print(f"  {kind:<10} " + "   ".join(parts))
    for t in tallies:
        if t.errors:
            shown = ", ".join(f"{cid} ({err[:80]})" for cid, err in t.errors[:SHOW_ERRORS])
            print(f"errors {t.kind}/{t.tool}: {len(t.errors)}: {shown}")


# ---------------------------------------------------------------------------------------------
# The run


def _progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def ours_outputs(cases: list[Case], kinds: list[str], jobs: int) -> dict[tuple[str, str], Extract]:
    """The stripper's output for every (kind, case), serial (timed) or from a pool."""
    out: dict[tuple[str, str], Extract] = {}
    if jobs > 1:
        tasks = [(str(c.dir), c.id, k) for k in kinds for c in cases]
        with multiprocessing.Pool(jobs, initializer=_warm_up) as pool:
            for cid, kind, ex in pool.imap(_ours_task, tasks, chunksize=4):
                out[kind, cid] = ex
        return out
    _warm_up()
    for kind in kinds:
        t0 = time.perf_counter()
        for c in cases:
            out[kind, c.id] = run_ours(kind, read_input(c.dir, kind))
        _progress(f"bench_devset: {OURS} {kind}: {time.perf_counter() - t0:.1f}s")
    return out


def time_ours(cases: list[Case], kind: str) -> tuple[float, int]:
    """Single-process timing of the stripper on every case."""
    total = 0.0
    for c in cases:
        total += run_ours(kind, read_input(c.dir, kind)).seconds
    return total, len(cases)


def baselines(kind: str) -> list[tuple[str, object]]:
    if kind == "html":
        return [(TRAF, run_trafilatura)]
    return [(NONE, run_none), (C4, run_c4)]


def _add(case: Case, ex: Extract, t: Tally, records_f) -> None:
    rec = score_case(case, ex, t)
    t.seconds += ex.seconds
    t.timed += 1
    if records_f:
        records_f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run_bench(cases: list[Case], kinds: list[str], jobs: int, only_ours: bool,
              out_dir: Path | None) -> tuple[list[dict], list[Tally]]:
    ours = ours_outputs(cases, kinds, jobs)
    if jobs > 1:
        _warm_up()
    records_f = None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        records_f = (out_dir / "cases.jsonl").open("w", encoding="utf-8")
    tallies: list[Tally] = []
    try:
        for kind in kinds:
            t = Tally(kind, OURS)
            for c in cases:
                _add(c, ours[kind, c.id], t, records_f)
            if jobs > 1:
                t.seconds, t.timed = time_ours(cases, kind)
                t.speed_note = (f"stripper docs/s timed single-process on all {t.timed} cases "
                                "of each kind after the pooled run")
            tallies.append(t)
            if only_ours:
                continue
            for tool, fn in baselines(kind):
                t = Tally(kind, tool)
                t0 = time.perf_counter()
                for c in cases:
                    _add(c, fn(read_input(c.dir, kind)), t, records_f)
                tallies.append(t)
                _progress(f"bench_devset: {tool} {kind}: {time.perf_counter() - t0:.1f}s")
    finally:
        if records_f:
            records_f.close()
    rows = [summary_row(t) for t in tallies]
    if out_dir is not None:
        (out_dir / "summary.json").write_text(
            json.dumps({"cases": len(cases), "kinds": kinds, "jobs": jobs, "rows": rows},
                       ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return rows, tallies


# ---------------------------------------------------------------------------------------------
# One case, for tuning


def _paragraphs(text: str) -> list[str]:
    return [ds.normalize_ws(p) for p in (text or "").splitlines() if p.strip()]


def show_case(case: Case, kinds: list[str], only_ours: bool) -> None:
    g = case.gold
    _warm_up()
    print(f"case {case.id} ({case.split}); gold title={g.get('title')!r} author={g.get('author')!r} "
          f"date={g.get('date')!r}")
    for kind in kinds:
        data = read_input(case.dir, kind)
        tools = [(OURS, lambda d, k=kind: run_ours(k, d))] + ([] if only_ours else baselines(kind))
        print(f"\n=== {kind}")
        for tool, fn in tools:
            t = Tally(kind, tool)
            ex = fn(data)
            rec = score_case(case, ex, t)
            score = rec.get("body") or {k: rec["snippets"][k] for k in ("tp", "fp", "fn")}
            shown = {k: round(v, 3) if isinstance(v, float) else v for k, v in score.items()}
            print(f"{tool:<12} {ex.status:<9} {shown}  {ex.seconds * 1000:.0f} ms"
                  + (f"  [{ex.error}]" if ex.error else ""))
            for name, m in rec.get("meta", {}).items():
                print(f"    {name:<7} {m['outcome']:<8} got={m['got']!r}  gold={m['gold']!r}")
            if tool != OURS:
                continue
            if case.split == "rdb":
                diff = difflib.unified_diff(_paragraphs(g["body"]), _paragraphs(ex.text),
                                            "gold", f"{OURS} ({kind})", n=0, lineterm="")
                print("\n".join(line[:200] for line in diff))
            else:
                for s in rec["snippets"]["missing_with"]:
                    print(f"    missing with:  {s[:160]!r}")
                for s in rec["snippets"]["found_without"]:
                    print(f"    found without: {s[:160]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET,
                    help="corpus folder (default: ../shared/devset from the repo root)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated subset of " + ",".join(KINDS))
    ap.add_argument("--limit", type=int, default=None, help="only N cases, evenly spaced over the sorted ids")
    ap.add_argument("--jobs", type=int, default=1, help="processes for the stripper's outputs (default 1)")
    ap.add_argument("--out", type=Path, default=None, help="write cases.jsonl and summary.json here")
    ap.add_argument("--only-ours", action="store_true", help="skip the baselines")
    ap.add_argument("--case", default=None, help="show one case: scores and output vs gold")
    args = ap.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    bad = [k for k in kinds if k not in KINDS]
    if bad or not kinds:
        ap.error(f"unknown kind(s) {', '.join(bad) or '(none)'}; choose from {','.join(KINDS)}")
    if not (args.devset / "manifest.jsonl").is_file():
        ap.error(f"no devset at {args.devset} (manifest.jsonl missing)")
    cases = load_cases(args.devset, args.limit, args.case)
    if args.case:
        show_case(cases[0], kinds, args.only_ours)
        return 0
    t0 = time.perf_counter()
    rows, tallies = run_bench(cases, kinds, max(1, args.jobs), args.only_ours, args.out)
    print_report(rows, tallies, len(cases), args.jobs)
    print(f"wall time {time.perf_counter() - t0:.0f}s" + (f"; per-case records in {args.out}" if args.out else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
