#!/usr/bin/env python3
"""Benchmark `stripper batch` on the development corpus and print the figures its targets name.

Inputs: every case's page.html.gz and dumps/*.txt (read from ../shared/devset relative to the
repository root, or --devset), copied into a scratch tree (never into the repository), repeated
until there are at least --min-files files. Then, each as its own process:

  1. the library in a loop: read, stripper.pipeline.run, render, write, one file after another
  2. stripper batch --jobs 1
  3. stripper batch --jobs 2
  4. the same command as 3 again (resume over finished work)

While 2 and 3 run, the resident memory of the batch's whole process tree (parent, fork server,
workers) is sampled, together with the number of documents finished (journal lines).

Targets: jobs 2 >= 1.7x jobs 1; jobs 1 >= 0.85x the library loop; peak RSS < 1 GiB; mean RSS
over the last 1,000 documents not above the first 1,000 (by more than 10%); resume < 5% of
the first run. Output trees of 1, 2 and 3 must be byte-identical.

    .venv/bin/python scripts/bench_batch.py [--devset PATH] [--min-files 5000] [--format text]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every child process imports the stripper package next to this script (not another copy).
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
ENV.pop("STRIPPER_TEST_FAULTS", None)
SUFFIX = {"text": ".txt", "json": ".json", "markdown": ".md"}


def devset_files(devset: Path) -> list[Path]:
    cases = sorted(p for p in (devset / "cases").iterdir() if p.is_dir())
    files = []
    for c in cases:
        files += [c / "page.html.gz"] if (c / "page.html.gz").exists() else []
        files += sorted((c / "dumps").glob("*.txt"))
    return files


def build_tree(files: list[Path], devset: Path, dest: Path, min_files: int) -> int:
    repeats = max(1, math.ceil(min_files / len(files)))
    for r in range(repeats):
        for f in files:
            target = dest / f"r{r}" / f.relative_to(devset / "cases")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
    return repeats * len(files)


# ---------------------------------------------------------------- 1. the library in a loop

def library_loop(src: str, out: str, fmt: str) -> None:
    """Run in a child process: the plainest loop a user would write with the library."""
    import resource

    from stripper.errors import StripperError
    from stripper.options import Options
    from stripper.pipeline import run
    from stripper.render import body_markdown, render_json, render_markdown, render_text

    paths = []
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        paths += [os.path.join(dirpath, f) for f in sorted(filenames)]
    paths.sort(key=lambda p: os.path.relpath(p, src).split(os.sep))
    t0 = time.perf_counter()
    for p in paths:
        rel = os.path.relpath(p, src)
        with open(p, "rb") as f:
            data = f.read()
        try:
            res = run(data, Options(source=rel))
        except StripperError:
            continue
        art = res.article
        text = (render_json(art) if fmt == "json" else render_markdown(art, body_markdown(res.kept))
                if fmt == "markdown" else render_text(art))
        target = os.path.join(out, rel + SUFFIX[fmt])
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(text.encode("utf-8", "replace"))
    elapsed = time.perf_counter() - t0
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": elapsed, "docs": len(paths), "cpu": ru.ru_utime + ru.ru_stime,
                      "max_rss_mb": ru.ru_maxrss / 1024}))


# ---------------------------------------------------------------- sampling a process tree

def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(d))
    return kids


def tree_sample(pid: int, cpu_ticks: dict[int, int], states: list[str]) -> int:
    """Resident kB of the process tree under pid; records each process's CPU ticks so far, and the
    state of each worker (the fork server's children: R running or waiting for a CPU, S asleep,
    which for a worker is mostly waiting on its pipe for work)."""
    kids, total, stack = _children(), 0, [(pid, 0)]
    while stack:
        p, depth = stack.pop()
        stack += [(k, depth + 1) for k in kids.get(p, [])]
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            cpu_ticks[p] = max(cpu_ticks.get(p, 0), int(fields[11]) + int(fields[12]))   # utime + stime
            if depth == 2:
                states.append(fields[0])
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except (OSError, IndexError, ValueError):
            pass
    return total


def busy_ticks() -> int:
    """CPU ticks the whole machine has spent busy (not idle or waiting on disk) since boot."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v) - v[3] - v[4]


def run_sampled(cmd: list[str], journal: Path, interval: float = 0.2) -> dict:
    """Run a command; sample (documents done, tree RSS) until it ends."""
    busy0 = busy_ticks()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[int, int]] = []
    cpu_ticks: dict[int, int] = {}
    states: list[str] = []
    stop = threading.Event()

    def sample() -> None:
        done, offset = 0, 0
        while not stop.is_set():
            try:
                with open(journal, "rb") as f:
                    f.seek(offset)
                    chunk = f.read()
                    offset += len(chunk)
                    done += chunk.count(b"\n")
            except OSError:
                pass
            rss = tree_sample(proc.pid, cpu_ticks, states)
            if rss:
                samples.append((done, rss))
            stop.wait(interval)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    err = proc.stderr.read()
    code = proc.wait()
    elapsed = time.perf_counter() - t0
    stop.set()
    t.join()
    cpu = sum(cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")   # short-lived processes between samples are missed
    others = max(0.0, (busy_ticks() - busy0) / os.sysconf("SC_CLK_TCK") - cpu) / elapsed   # cores other work used
    asleep = sum(st in "SD" for st in states) / len(states) if states else float("nan")
    return {"seconds": elapsed, "code": code, "stderr": err.decode(errors="replace"), "samples": samples, "cpu": cpu,
            "asleep": asleep, "others": others}


def drift(samples: list[tuple[int, int]], total: int, window: int = 1000) -> tuple[float, float]:
    first = [r for d, r in samples if 0 < d <= window]
    last = [r for d, r in samples if d > total - window]
    mean = lambda xs: sum(xs) / len(xs) / 1024 if xs else float("nan")  # noqa: E731
    return mean(first), mean(last)


SPIN = "import time\nt = time.perf_counter()\nx = 0\nfor i in range(20_000_000):\n    x += i\nprint(time.perf_counter() - t)"


def machine_headroom() -> float:
    """How much faster two CPU-bound processes get through work than one, on this machine now
    (2.0 on two idle cores; less when other work holds the cores)."""
    one = float(subprocess.run([sys.executable, "-c", SPIN], capture_output=True, text=True).stdout)
    procs = [subprocess.Popen([sys.executable, "-c", SPIN], stdout=subprocess.PIPE, text=True) for _ in range(2)]
    two = max(float(p.communicate()[0]) for p in procs)
    return 2 * one / two


def windows(samples: list[tuple[int, int]], total: int, window: int = 1000) -> str:
    """Mean tree RSS (MB) over each run of `window` documents: steady growth, or a bounded sawtooth."""
    out = []
    for lo in range(0, total, window):
        xs = [r for d, r in samples if lo < d <= lo + window]
        out.append(f"{sum(xs) / len(xs) / 1024:.0f}" if xs else "-")
    return " ".join(out)


def tree_digest(root: Path) -> tuple[int, str]:
    h, n = hashlib.sha256(), 0
    for p in sorted(root.rglob("*")):
        if p.is_file() and not p.name.startswith("."):
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
            n += 1
    return n, h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    ap.add_argument("--min-files", type=int, default=5000)
    ap.add_argument("--format", default="text", choices=sorted(SUFFIX))
    ap.add_argument("--workdir", type=Path, default=None, help="scratch directory (default: a new temporary one)")
    ap.add_argument("--skip-library", action="store_true", help="leave out the library loop")
    ap.add_argument("--sample", type=int, default=0, help="quick check: only N devset files (spread evenly)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-batch-", dir=args.workdir))
    py = sys.executable
    try:
        files = devset_files(args.devset)
        if args.sample:
            files = files[:: max(1, len(files) // args.sample)][: args.sample]
        n = build_tree(files, args.devset, work / "in", args.min_files)
        print(f"inputs: {n} files ({len(files)} devset files x {n // len(files)}), format {args.format}, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start", flush=True)
        headroom = [machine_headroom()]
        print(f"machine headroom (2 plain CPU-bound processes vs 1): {headroom[0]:.2f}x", flush=True)

        lib = None
        if not args.skip_library:
            r = subprocess.run([py, __file__, "_library_loop", str(work / "in"), str(work / "lib"), args.format],
                               cwd=ROOT, env=ENV, capture_output=True, text=True, check=True)
            lib = json.loads(r.stdout.strip().splitlines()[-1])
            print(f"library loop: {lib['seconds']:.1f} s, {n / lib['seconds']:.2f} docs/s, "
                  f"peak RSS {lib['max_rss_mb']:.0f} MB, CPU {lib['cpu']:.0f} s", flush=True)

        runs = {}
        for jobs in (1, 2):
            out = work / f"out{jobs}"
            cmd = [py, "-m", "stripper", "batch", str(work / "in"), "-o", str(out), "--jobs", str(jobs),
                   "--format", args.format, "--report", str(work / f"report{jobs}.json")]
            res = run_sampled(cmd, out / ".stripper-journal.jsonl")
            runs[jobs] = res
            peak = max((r for _, r in res["samples"]), default=0) / 1024
            first, last = drift(res["samples"], n)
            print(f"batch --jobs {jobs}: {res['seconds']:.1f} s, {n / res['seconds']:.2f} docs/s, exit {res['code']}, "
                  f"peak tree RSS {peak:.0f} MB, mean RSS first 1000 docs {first:.0f} MB, last 1000 {last:.0f} MB, "
                  f"CPU {res['cpu']:.0f} s", flush=True)
            res["peak"], res["first"], res["last"] = peak, first, last
        resume = run_sampled([py, "-m", "stripper", "batch", str(work / "in"), "-o", str(work / "out2"), "--jobs", "2",
                              "--format", args.format, "--report", str(work / "report-resume.json")],
                             work / "out2" / ".stripper-journal.jsonl")
        resumed = json.loads((work / "report-resume.json").read_text())["counts"]["resumed"]
        print(f"resume (same command as --jobs 2 again): {resume['seconds']:.2f} s, {resumed} of {n} reused", flush=True)

        headroom.append(machine_headroom())
        d1, d2 = tree_digest(work / "out1"), tree_digest(work / "out2")
        dl = tree_digest(work / "lib") if lib else None
        counts = json.loads((work / "report2.json").read_text())["counts"]
        t1, t2 = runs[1]["seconds"], runs[2]["seconds"]
        print("\nfigures")
        print(f"  documents                     {n}  (ok {counts['ok']}, no article {counts['no_article']}, "
              f"failed {counts['failed']}, skipped {counts['skipped']})")
        print(f"  docs/s jobs 1                 {n / t1:.2f}")
        print(f"  docs/s jobs 2                 {n / t2:.2f}")
        if lib:
            print(f"  docs/s library loop           {n / lib['seconds']:.2f}")
        print(f"  jobs 2 / jobs 1               {t1 / t2:.2f}x   (target >= 1.7)")
        print(f"  machine headroom, 2 vs 1      {headroom[0]:.2f}x at start, {headroom[1]:.2f}x at end "
              "(what two plain CPU-bound processes got; 2.0 on idle cores)")
        for j in (1, 2):
            c = runs[j]["cpu"]
            print(f"  CPU jobs {j}                    {1000 * c / n:.0f} ms/doc (whole tree); got {c / (j * runs[j]['seconds']):.0%} "
                  f"of {j} core{'s' if j > 1 else ''} x wall time; workers asleep (waiting for work or disk) in "
                  f"{runs[j]['asleep']:.0%} of samples; other processes used {runs[j]['others']:.2f} cores meanwhile")
        if lib:
            print(f"  jobs 1 / library loop         {lib['seconds'] / t1:.2f}    (target >= 0.85; wall clock)")
            print(f"  CPU per doc, library loop     {1000 * lib['cpu'] / n:.0f} ms; batch --jobs 1 (parent, fork server "
                  f"and workers) {1000 * runs[1]['cpu'] / n:.0f} ms: machinery {runs[1]['cpu'] / lib['cpu'] - 1:+.0%}")
        peak = max(runs[1]["peak"], runs[2]["peak"])
        print(f"  peak RSS parent+workers       {peak:.0f} MB   (target < 1024; sampled every 0.2 s)")
        for j in (1, 2):
            print(f"  RSS jobs {j} first/last 1000   {runs[j]['first']:.0f} / {runs[j]['last']:.0f} MB; "
                  f"by 1000 docs: {windows(runs[j]['samples'], n)}")
        print(f"  resume time / first run       {resume['seconds']:.2f} s / {t2:.1f} s = "
              f"{resume['seconds'] / t2:.1%}   (target < 5%)")
        same = d1 == d2 and (dl is None or dl == d1)
        print(f"  outputs identical             {'yes' if same else 'NO'} ({d1[0]} files; jobs 1 = jobs 2"
              f"{' = library loop' if dl else ''})")
        print(f"  load average at end           {os.getloadavg()[0]:.1f}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "_library_loop":
        library_loop(*sys.argv[2:])
    else:
        sys.exit(main())
