"""`stripper batch` end to end, with real processes: each test runs the command as a user would
(python -m stripper batch ...) on a tiny generated tree."""
import gzip
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PARA = ("The council met on Tuesday evening to discuss the new library, and the members agreed that "
        "the building should open in the spring after the last of the repairs are finished by the town.")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
JOURNAL = ".stripper-journal.jsonl"


def text_page(i: int) -> str:
    return f"Library plans move ahead {i}\n\n" + "\n\n".join(
        f"{PARA} Paragraph {i}.{k} of the report." for k in range(3)) + "\n"


def html_page(i: int) -> str:
    body = "".join(f"<p>{PARA} Paragraph {i}.{k}.</p>" for k in range(3))
    return (f"<!doctype html><html><head><title>Library {i}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Library plans {i}</h1>{body}</article></body></html>")


def make_mixed_tree(root: Path) -> None:
    """HTML, text, markdown, gz, empty, PNG, spaces and a leading dash in names, nesting."""
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "-dash").mkdir()
    (root / "a.html").write_text(html_page(1))
    (root / "a.htm").write_text(html_page(2))
    (root / "b.txt").write_text(text_page(3))
    (root / "c.md").write_text("# Library plans\n\n" + text_page(4))
    (root / "sub" / "d.html.gz").write_bytes(gzip.compress(html_page(5).encode()))
    (root / "sub" / "with space.txt").write_text(text_page(6))
    (root / "-dash" / "-lead.txt").write_text(text_page(7))
    (root / "sub" / "deeper" / "page").write_text(html_page(8))      # no extension: sniffed
    (root / "empty.txt").write_bytes(b"")
    (root / "img.png").write_bytes(PNG)
    (root / "photo.html").write_bytes(PNG)                             # binary under a page name
    (root / ".hidden.txt").write_text(text_page(9))                    # hidden: not an input
    (root / "style.css").write_text("body { margin: 0 }\n")           # no page extension, not HTML


def run_batch(args, cwd, env_extra=None, stdin=None, timeout=120):
    env = {k: v for k, v in os.environ.items() if k != "STRIPPER_TEST_FAULTS"}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "stripper", "batch", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, timeout=timeout)


def tree_bytes(root: Path, skip=(JOURNAL,)) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name not in skip}


def tree_state(root: Path) -> dict:
    """Content and metadata of every entry, to prove a run changed nothing."""
    out = {}
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        data = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() and not p.is_symlink() else ""
        out[p.relative_to(root).as_posix()] = (st.st_mode, st.st_size, st.st_mtime_ns, data)
    return out


def report_items(path: Path) -> dict:
    return {i["path"]: i for i in json.loads(path.read_text())["items"]}


def no_temp_files(root: Path) -> bool:
    return not [p for p in root.rglob("*") if p.name.startswith(".stripper-") and p.name.endswith(".tmp")]


def test_mixed_tree_two_jobs_then_resume_then_force(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    make_mixed_tree(src)
    os.mkfifo(src / "pipe.html")                                       # must not hang the batch
    (tmp_path / "outside.txt").write_text(text_page(10))
    os.symlink(tmp_path / "outside.txt", src / "link-out.txt")         # leaves the tree: not followed
    before = tree_state(src)

    r = run_batch(["in", "-o", "out", "--jobs", "2", "--format", "json", "--report", "r1.json", "--recycle-after", "3"],
                  tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout == b""
    err = r.stderr.decode()
    assert "\x1b[" not in err and "\r" not in err                      # no progress bar off a terminal
    assert "ok" in err and "skipped" in err                            # the summary is there
    out = tmp_path / "out"
    expected = {"-dash/-lead.txt.json", "a.htm.json", "a.html.json", "b.txt.json", "c.md.json",
                "sub/d.html.gz.json", "sub/deeper/page.json", "sub/with space.txt.json"}
    assert set(tree_bytes(out)) == expected
    for name, data in tree_bytes(out).items():
        art = json.loads(data)
        assert art["source"] == name[: -len(".json")]
        assert "Paragraph" in art["text"] and "Home" not in art["text"]
    assert "Paragraph 2.0" in json.loads((out / "a.htm.json").read_bytes())["text"]    # a.htm and a.html both kept
    assert "Paragraph 1.0" in json.loads((out / "a.html.json").read_bytes())["text"]
    assert json.loads((tmp_path / "r1.json").read_text())["workers_started"] >= 4   # 12 documents, 3 a worker
    items = report_items(tmp_path / "r1.json")
    assert {p: (i["status"], i["reason"]) for p, i in items.items() if i["status"] != "ok"} == {
        "empty.txt": ("skipped", "empty"), "img.png": ("skipped", "binary"), "photo.html": ("skipped", "binary"),
        "pipe.html": ("skipped", "not_regular"), "link-out.txt": ("skipped", "symlink"),
        "style.css": ("skipped", "not_page")}
    assert all(i["status"] == "ok" and i["output"] == i["path"] + ".json" for p, i in items.items()
               if p + ".json" in expected)
    assert ".hidden.txt" not in items
    assert tree_state(src) == before                                   # inputs never modified
    assert no_temp_files(out)
    first = tree_bytes(out)
    mtimes = {p: (out / p).stat().st_mtime_ns for p in first}

    # Same command again: everything is current, nothing is recomputed or rewritten.
    r = run_batch(["in", "-o", "out", "--jobs", "2", "--format", "json", "--report", "r2.json"], tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    rep = json.loads((tmp_path / "r2.json").read_text())
    assert rep["counts"]["resumed"] == len(expected) + 4                # the articles, empty, 2 binaries, css
    assert tree_bytes(out) == first
    assert {p: (out / p).stat().st_mtime_ns for p in first} == mtimes

    # --force recomputes, here with one worker, another time zone and locale: same bytes.
    r = run_batch(["in", "-o", "out", "--jobs", "1", "--format", "json", "--force", "--report", "r3.json"], tmp_path,
                  {"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "PYTHONHASHSEED": "7"})
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads((tmp_path / "r3.json").read_text())["counts"]["resumed"] == 0
    assert tree_bytes(out) == first
    assert tree_state(src) == before


def test_crash_timeout_oom_mark_only_their_documents(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"ok{i}.txt").write_text(text_page(i))
    (src / "crash.txt").write_text(text_page(20))
    (src / "hang.html").write_text(html_page(21))
    (src / "oom.txt").write_text(text_page(22))
    (src / "menu.txt").write_text("Home | News | Sport\n\nSign in\n")   # no article
    faults = {"STRIPPER_TEST_FAULTS": "crash:crash.txt,hang:hang.html,oom:oom.txt"}
    r = run_batch(["in", "-o", "out", "--jobs", "2", "--timeout", "8", "--max-memory", "1G", "--report", "r.json"],
                  tmp_path, faults)
    assert r.returncode == 1, r.stderr.decode()
    items = report_items(tmp_path / "r.json")
    assert {p: (i["status"], i["reason"]) for p, i in items.items() if i["status"] != "ok"} == {
        "crash.txt": ("failed", "crashed"), "hang.html": ("failed", "timeout"), "oom.txt": ("failed", "oom"),
        "menu.txt": ("no_article", "no_article")}
    assert "SIGSEGV" in items["crash.txt"]["detail"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != JOURNAL) == [
        f"ok{i}.txt.txt" for i in range(6)]
    err = r.stderr.decode()
    assert "failed" in err and "timeout 1" in err and "crashed 1" in err and "oom 1" in err
    # Without the faults, a rerun redoes only the failed documents; the no-article one is settled.
    r = run_batch(["in", "-o", "out", "--jobs", "2", "--report", "r2.json"], tmp_path)
    assert r.returncode == 1
    rep = json.loads((tmp_path / "r2.json").read_text())
    assert rep["counts"] == {"ok": 9, "no_article": 1, "failed": 0, "skipped": 0, "resumed": 7}


def _session_pids(sid: int) -> list[int]:
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                pids.append(int(d.name))
    return pids


def test_kill_mid_run_then_rerun_matches_uninterrupted_run(tmp_path):
    src = tmp_path / "in"
    (src / "x").mkdir(parents=True)
    for i in range(16):
        (src / ("x" if i % 2 else "") / f"p{i:02d}.{'html' if i % 3 else 'txt'}").write_text(
            html_page(i) if i % 3 else text_page(i))
    ref = run_batch(["in", "-o", "ref", "--jobs", "1", "-f", "markdown"], tmp_path, {"TZ": "Asia/Kolkata"})
    assert ref.returncode == 0, ref.stderr.decode()

    env = {k: v for k, v in os.environ.items() if k != "STRIPPER_TEST_FAULTS"}
    env["STRIPPER_TEST_FAULTS"] = "sleep0.25:*"
    proc = subprocess.Popen([sys.executable, "-m", "stripper", "batch", "in", "-o", "out", "--jobs", "2",
                             "-f", "markdown"], cwd=tmp_path, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = tmp_path / "out" / JOURNAL
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 4:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while _session_pids(proc.pid) and time.monotonic() < deadline:   # workers go with their parent
        time.sleep(0.05)
    assert _session_pids(proc.pid) == []
    done_before = journal.read_bytes().count(b"\n")
    assert 4 <= done_before < 16

    r = run_batch(["in", "-o", "out", "--jobs", "2", "-f", "markdown", "--report", "r.json"], tmp_path, {"TZ": "UTC"})
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads((tmp_path / "r.json").read_text())["counts"]["resumed"] >= 4
    assert tree_bytes(tmp_path / "out") == tree_bytes(tmp_path / "ref")
    assert no_temp_files(tmp_path / "out")
    keys = [json.loads(line)["key"] for line in journal.read_text().splitlines()]
    assert len(keys) == len(set(keys)) == 16                           # nothing done twice


def run_with_terminal_stderr(args, cwd, stdin: bytes, env_extra=None):
    """Like run_batch, but stderr is a terminal (a pty): returns (code, stdout bytes, terminal bytes)."""
    import fcntl
    import pty
    import struct
    import termios
    import threading

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("STRIPPER_TEST_FAULTS", "NO_COLOR", "TERM")}
    env.update({"TERM": "xterm", **(env_extra or {})})
    proc = subprocess.Popen([sys.executable, "-m", "stripper", "batch", *args], cwd=cwd, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = bytearray()

    def read_terminal():
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    t = threading.Thread(target=read_terminal, daemon=True)
    t.start()
    out, _ = proc.communicate(stdin, timeout=120)
    t.join(timeout=10)
    os.close(master)
    return proc.returncode, out, bytes(seen)


def test_jsonl_to_stdout_parses_line_by_line_in_input_order(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    make_mixed_tree(src)
    listing = b"\0".join(bytes(p.relative_to(tmp_path)) for p in sorted(src.rglob("*")) if p.is_file()) + b"\0"
    # stderr on a terminal: the progress bar shows there, and stdout still carries only records.
    code, stdout, terminal = run_with_terminal_stderr(
        ["--files-from", "-", "--null", "-o", "-", "--format", "jsonl", "--jobs", "2"], tmp_path, listing,
        {"STRIPPER_TEST_FAULTS": "sleep0.3:*"})
    assert code == 0, terminal.decode(errors="replace")
    assert b"docs/s" in terminal and b"failed" in terminal          # the bar: rate and failures so far
    lines = stdout.decode("utf-8").split("\n")
    assert lines[-1] == ""
    records = [json.loads(line) for line in lines[:-1]]
    paths = [rec["path"] for rec in records]
    assert paths == [os.fsdecode(p) for p in listing.split(b"\0") if p]   # as given, in the given order
    by_path = {rec["path"]: rec for rec in records}
    assert by_path["in/a.html"]["status"] == "ok" and "Paragraph 1.0" in by_path["in/a.html"]["text"]
    assert by_path["in/sub/with space.txt"]["status"] == "ok"
    assert by_path["in/img.png"]["status"] == "skipped" and by_path["in/img.png"]["reason"] == "binary"
    assert by_path["in/empty.txt"]["reason"] == "empty"
    assert all(set(rec) >= {"path", "status"} for rec in records)

    # The same records to a file, atomically, with --glob filtering the list.
    r = run_batch(["--files-from", "-", "--null", "-o", "all.jsonl", "--format", "jsonl", "--glob", "*.txt"],
                  tmp_path, stdin=listing)
    assert r.returncode == 0, r.stderr.decode()
    want = [line for line in lines[:-1] if json.loads(line)["path"].endswith(".txt")]
    assert (tmp_path / "all.jsonl").read_text().splitlines() == want


@pytest.mark.parametrize("out", ["in", "in/sub/out"])
def test_outdir_in_input_is_refused(tmp_path, out):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(text_page(1))
    before = tree_state(src)
    r = run_batch(["in", "-o", out], tmp_path)
    assert r.returncode == 2
    assert "read back as inputs" in r.stderr.decode()
    assert tree_state(src) == before                                   # nothing written, not even OUTDIR
