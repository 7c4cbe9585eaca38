"""Batch engine behind `stripper batch`: walk the inputs, check the paths are safe, run every
document in a supervised pool of worker processes, write each output atomically, journal what
is done so that a rerun resumes, and report one status per input.

No typer or rich here (the command line is batch_cli.py). The per-document work is
process_document(path, name, config): a plain importable function, so any executor can ship it.

Statuses: ok (article written), no_article, failed (reason: timeout, crashed, oom, too_large,
unreadable, missing, bad_input, collision, write_error, error), skipped (reason: empty, binary,
not_page, not_regular, symlink, duplicate)."""
from __future__ import annotations

import dataclasses
import errno
import fnmatch
import hashlib
import json
import multiprocessing
import os
import re
import signal
import stat
import sys
import time
import types
import zlib
from collections import Counter, deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait as wait_ready
from pathlib import Path
from typing import Callable, Iterator

from . import __version__
from .errors import InputError, NoArticleError, StripperError
from .options import Options
from .sniff import GZIP_MAGIC, check_binary, decode, detect_kind, normalize_text

FORMATS = ("text", "json", "markdown", "jsonl")
SUFFIXES = {"text": ".txt", "json": ".json", "markdown": ".md"}
# Pages by name, with or without .gz. A file with another name is taken only when its first bytes
# look like HTML (or --input-format says what it is), so a mirror's css, js or json is skipped.
PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".txt", ".md")

TIMEOUT_DEFAULT = 30.0                 # seconds of wall clock per document, enforced by SIGKILL
MAX_MEMORY_DEFAULT = 2 << 30           # RLIMIT_AS per worker, bytes
RECYCLE_AFTER_DEFAULT = 500            # a worker is replaced after this many documents (at 500 the batch's
                                       # RSS over the last 1,000 devset documents was below the first 1,000;
                                       # at 1,000 it was 6% above)
PREFETCH = 2                           # documents queued per worker (one running, one waiting)
HEAD_BYTES = 4096                      # bytes read first to refuse binary files without reading them whole
STARTUP_FAILURES_FATAL = 3             # workers dying before they are ready, in a row, stop the batch
STARTUP_TIMEOUT = 120.0                # seconds a new worker may take to say it is ready
JOURNAL_FLUSH_SECONDS = 0.2            # journal lines reach the file this often (a kill loses at most
JOURNAL_FSYNC_SECONDS = 1.0            # that much, redone by the rerun) and the disk this often

# Imported once by the fork server, so a new worker starts without importing them again
# (a module that fails to import is left out).
# The parent never imports the pipeline: only workers run it.
FORKSERVER_PRELOAD = ("stripper.batch", "stripper.pipeline", "stripper.render", "selectolax.lexbor", "trafilatura")

JOURNAL_NAME = ".stripper-journal.jsonl"
TMP_RE = re.compile(r"^\.stripper-(\d+)-\d+\.tmp$")
FAULTS_ENV = "STRIPPER_TEST_FAULTS"    # test-only fault injection, see parse_faults()

OK, NO_ARTICLE, FAILED, SKIPPED = "ok", "no_article", "failed", "skipped"
STATUSES = (OK, NO_ARTICLE, FAILED, SKIPPED)
# Outcomes that depend only on the input bytes and options, so a rerun may reuse them.
RESUMABLE = (OK, NO_ARTICLE, SKIPPED)


class BatchUsageError(Exception):
    """A usage error or an unsafe path: nothing was written (exit code 2)."""


class PoolError(Exception):
    """Workers cannot start (for example --max-memory below what one worker needs)."""


# --------------------------------------------------------------------------- inputs

@dataclass(slots=True)
class Item:
    """One input: `path` is what is opened, `name` what is shown and mirrored under OUTDIR."""
    path: str
    name: str
    out: str | None = None       # output path relative to OUTDIR (text/json/markdown)
    status: str | None = None    # decided before any worker sees it (skipped, failed)
    reason: str = ""
    detail: str = ""


def matches(globs: tuple[str, ...], rel: str) -> bool:
    """--glob: a pattern with a '/' is matched against the relative path, others against the base name."""
    if not globs:
        return True
    base = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel if "/" in g else base, g) for g in globs)


def printable(name: str) -> str:
    """A file name as valid UTF-8 text (undecodable bytes become U+FFFD)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _kind_of(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return what
    return "not a regular file"


def walk(root: str, globs: tuple[str, ...] = ()) -> Iterator[Item]:
    """Every file below `root` in sorted order (by path component, so 'a/x' before 'b').
    Hidden entries (name starting with '.') are left out; symlinks that leave the tree,
    symlinked directories, FIFOs and devices are reported as skipped, never followed or opened."""
    real_root = os.path.realpath(root)
    stack: list[tuple[Iterator, str]] = []

    def enter(directory: str, prefix: str) -> Item | None:
        try:
            with os.scandir(directory) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as e:
            return Item(directory, prefix.rstrip("/") or ".", status=FAILED, reason="unreadable",
                        detail=f"cannot list directory: {e.strerror or e}")
        stack.append((iter(entries), prefix))
        return None

    failed = enter(root, "")
    if failed:
        yield failed
    while stack:
        entries, prefix = stack[-1]
        e = next(entries, None)
        if e is None:
            stack.pop()
            continue
        rel = prefix + e.name
        try:
            if e.is_symlink():
                if not matches(globs, rel):
                    continue
                target = os.path.realpath(e.path)
                if not _inside(target, real_root):
                    yield Item(e.path, rel, status=SKIPPED, reason="symlink",
                               detail="symlink out of the input tree, not followed")
                elif os.path.isdir(target):
                    yield Item(e.path, rel, status=SKIPPED, reason="symlink", detail="symlink to a directory, not followed")
                elif not os.path.exists(target):
                    yield Item(e.path, rel, status=SKIPPED, reason="symlink", detail="broken symlink")
                else:
                    yield Item(e.path, rel)
            elif e.is_dir(follow_symlinks=False):
                failed = enter(e.path, rel + "/")
                if failed:
                    yield failed
            elif not matches(globs, rel):
                continue
            elif e.is_file(follow_symlinks=False):
                yield Item(e.path, rel)
            else:
                yield Item(e.path, rel, status=SKIPPED, reason="not_regular",
                           detail=_kind_of(e.stat(follow_symlinks=False).st_mode))
        except OSError as err:
            yield Item(e.path, rel, status=FAILED, reason="unreadable", detail=err.strerror or str(err))


def safe_relpath(name: str) -> str:
    """The part of a given path that can be mirrored under OUTDIR: no root, no '.' or '..'."""
    return "/".join(p for p in name.replace(os.sep, "/").split("/") if p not in ("", ".", ".."))


def read_file_list(data: bytes, null: bool) -> list[str]:
    """--files-from: one path a line, or NUL-separated (find -print0) with --null."""
    if null:
        return [os.fsdecode(p) for p in data.split(b"\0") if p]
    return [os.fsdecode(p[:-1] if p.endswith(b"\r") else p) for p in data.split(b"\n") if p.strip(b"\r")]


def collect_inputs(args: list[str], listed: list[str], globs: tuple[str, ...] = ()) -> tuple[list[Item], list[str]]:
    """Items in input order, and the directory roots that were walked. Directory arguments are
    walked; paths in a --files-from list that are directories are ignored (find lists them
    along with their files). --glob filters every file whatever its origin."""
    items: list[Item] = []
    roots: list[str] = []
    for origin, given in [("arg", a) for a in args] + [("list", p) for p in listed]:
        if origin == "arg" and os.path.isdir(given):
            roots.append(given)
            items.extend(walk(given, globs))
            continue
        name = os.path.normpath(given) if given else given
        if not matches(globs, safe_relpath(name)):
            continue
        if origin == "list" and os.path.isdir(given):
            continue
        item = Item(given, name)
        try:
            st = os.stat(given)
            if not stat.S_ISREG(st.st_mode):
                item.status, item.reason, item.detail = SKIPPED, "not_regular", _kind_of(st.st_mode)
        except FileNotFoundError:
            item.status, item.reason, item.detail = FAILED, "missing", "no such file"
        except OSError as e:
            item.status, item.reason, item.detail = FAILED, "unreadable", e.strerror or str(e)
        items.append(item)
    seen: dict[str, str] = {}
    for it in items:
        key = os.path.abspath(it.path)
        if key in seen and it.status is None:
            it.status, it.reason, it.detail = SKIPPED, "duplicate", f"same file as {printable(seen[key])}"
        seen.setdefault(key, it.name)
    return items, roots


# --------------------------------------------------------------------------- the per-document work

@dataclass(frozen=True)
class WorkerConfig:
    options: Options
    fmt: str = "text"
    max_memory: int = MAX_MEMORY_DEFAULT
    faults: tuple[tuple[str, str], ...] = ()   # test-only: (action, glob on the input name)


@dataclass(slots=True)
class Outcome:
    status: str
    reason: str = ""
    detail: str = ""
    payload: bytes | None = None   # the rendered output (ok), or the jsonl record
    size: int = -1                 # input size in bytes
    sha256: str = ""               # of the input's first `hashed` bytes (all of it when hashed == -1)
    hashed: int = -1
    out_sha256: str = ""


class _Refused(Exception):
    def __init__(self, status: str, reason: str, detail: str, head: bytes = b"", size: int = -1):
        super().__init__(detail)
        self.status, self.reason, self.detail, self.head, self.size = status, reason, detail, head, size


def has_page_extension(name: str) -> bool:
    n = name.lower()
    return (n[:-3] if n.endswith(".gz") else n).endswith(PAGE_EXTENSIONS)


def read_input(path: str, limit: int, sniff_name: str | None = None) -> bytes:
    """Read one input: never blocks on a FIFO, refuses binary files from their first bytes
    (before reading the rest) and files over the size cap (before reading them). With
    `sniff_name` (a name without a page extension), only a file that starts like HTML is read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise _Refused(FAILED, "missing", "no such file") from None
    except OSError as e:
        raise _Refused(FAILED, "unreadable", e.strerror or str(e)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _Refused(SKIPPED, "not_regular", _kind_of(st.st_mode))
        if st.st_size == 0:
            raise _Refused(SKIPPED, "empty", "empty file", b"", 0)
        with os.fdopen(fd, "rb", closefd=False) as f:
            head = f.read(HEAD_BYTES)
            _check_head(head, st.st_size, sniff_name)
            gz = head[:2] == GZIP_MAGIC
            if st.st_size > limit * (4 if gz else 1):
                raise _Refused(FAILED, "too_large", f"too large: {st.st_size} bytes (limit {limit})")
            rest = f.read()
    except OSError as e:
        raise _Refused(FAILED, "unreadable", e.strerror or str(e)) from None
    finally:
        os.close(fd)
    return head + rest if rest else head


def _check_head(head: bytes, size: int, sniff_name: str | None) -> None:
    """Refuse a binary file from its first bytes (decompressed when gzip), as sniff does; and,
    for a name without a page extension, anything that does not start like HTML."""
    inner = head
    if head[:2] == GZIP_MAGIC:
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES)
        except zlib.error:
            return  # the pipeline reports corrupt gzip data
    try:
        check_binary(inner)
    except InputError as e:
        raise _Refused(SKIPPED, "binary", str(e), head, size) from None
    if sniff_name is not None and detect_kind(normalize_text(decode(inner)[0])) != "html":
        raise _Refused(SKIPPED, "not_page", "not a page: no page extension and does not start like HTML "
                       "(--input-format takes it anyway)", head, size)


def classify_input_error(message: str) -> tuple[str, str]:
    """(status, reason) for an InputError raised by the pipeline."""
    m = message.lower()
    if m.startswith("empty"):
        return SKIPPED, "empty"
    if m.startswith("not a page"):
        return SKIPPED, "binary"
    if m.startswith("too large"):
        return FAILED, "too_large"
    return FAILED, "bad_input"


def jsonl_record(name: str, status: str, article: dict | None = None, reason: str = "", detail: str = "") -> bytes:
    """One compact JSON line: path and status, then the article's keys (or reason and detail)."""
    rec: dict = {"path": printable(name), "status": status}
    if article is not None:
        rec.update(article)
    else:
        rec["reason"], rec["detail"] = reason, detail
    line = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
    # Keep one record a line for readers that also split on the Unicode line separators.
    return (line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n").encode("utf-8", "replace")


def render_output(result, fmt: str, name: str) -> bytes:
    from .render import body_markdown, render_json, render_markdown, render_text
    art = result.article
    if fmt == "jsonl":
        return jsonl_record(name, OK, art.to_dict())
    if fmt == "json":
        text = render_json(art)
    elif fmt == "markdown":
        text = render_markdown(art, body_markdown(result.kept))
    else:
        text = render_text(art)
    return text.encode("utf-8", "replace")


def process_document(path: str, name: str, config: WorkerConfig) -> Outcome:
    """Read, strip and render one input. Never raises for a bad document: every problem is an Outcome."""
    sniff_name = name if config.options.input_format == "auto" and not has_page_extension(name) else None
    try:
        data = read_input(path, config.options.max_input_bytes, sniff_name)
    except _Refused as r:
        # A file skipped from its first bytes is judged by those only: they are what a rerun compares.
        out = Outcome(r.status, r.reason, r.detail)
        if r.reason in ("binary", "empty", "not_page"):
            out.size, out.sha256, out.hashed = max(r.size, 0), hashlib.sha256(r.head).hexdigest(), len(r.head)
        if config.fmt == "jsonl":
            out.payload = jsonl_record(name, out.status, reason=out.reason, detail=out.detail)
        return out
    from .pipeline import run
    base = Outcome(OK, size=len(data), sha256=hashlib.sha256(data).hexdigest())
    try:
        _inject_fault(config, name)
        result = run(data, dataclasses.replace(config.options, source=printable(name)))
        base.payload = render_output(result, config.fmt, name)
        base.out_sha256 = hashlib.sha256(base.payload).hexdigest()
        return base
    except NoArticleError as e:
        base.status, base.reason, base.detail = NO_ARTICLE, "no_article", str(e)
    except InputError as e:
        base.status, base.reason = classify_input_error(str(e))
        base.detail = str(e)
    except RecursionError:
        base.status, base.reason, base.detail = FAILED, "error", "input nested too deeply"
    except MemoryError:
        base.status, base.reason, base.detail = FAILED, "oom", "out of memory"
    except StripperError as e:
        base.status, base.reason, base.detail = FAILED, "error", str(e)
    except Exception as e:  # a bug on one odd page must not stop the batch
        base.status, base.reason, base.detail = FAILED, "error", f"internal error: {type(e).__name__}: {e}"
    if config.fmt == "jsonl":
        base.payload = jsonl_record(name, base.status, reason=base.reason, detail=base.detail)
    return base


def parse_faults(spec: str) -> tuple[tuple[str, str], ...]:
    """TEST ONLY. STRIPPER_TEST_FAULTS="crash:bad.txt,hang:slow*.html,oom:big.txt,sleep0.2:*" makes a
    worker crash (SIGSEGV), hang, exhaust its memory limit, or sleep N seconds on the inputs whose
    name matches the glob. Unset (the default), nothing is injected."""
    faults = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        action, _, pattern = part.partition(":")
        if action not in ("crash", "hang", "oom") and not re.fullmatch(r"sleep\d+(\.\d+)?", action):
            raise ValueError(f"{FAULTS_ENV}: unknown fault {action!r}")
        faults.append((action, pattern or "*"))
    return tuple(faults)


def _inject_fault(config: WorkerConfig, name: str) -> None:
    for action, pattern in config.faults:
        if not fnmatch.fnmatchcase(name, pattern) and not fnmatch.fnmatchcase(name.rsplit("/", 1)[-1], pattern):
            continue
        if action == "crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        elif action == "hang":
            while True:
                time.sleep(3600)
        elif action == "oom":
            bytearray(config.max_memory)  # more than RLIMIT_AS leaves: MemoryError
        else:
            time.sleep(float(action[5:]))


# --------------------------------------------------------------------------- worker processes

def _die_with_parent() -> None:
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: the worker still exits when its pipe closes
        pass


def _refuse_network(event: str, args) -> None:
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.bind"):
        raise RuntimeError("network access refused in a batch worker")


_WARM_UP_PAGES = (
    b"Warm-up\n\nA short paragraph of plain text that loads the text path of the pipeline.\n",
    b"<!doctype html><html><head><title>Warm-up</title></head><body><article><p>A short paragraph "
    b"that loads the HTML path of the pipeline.</p></article></body></html>",
)


def _warm_up(config: WorkerConfig) -> None:
    """Load what the pipeline loads on first use, so that no document's time limit pays for it."""
    from .pipeline import run
    for page in _WARM_UP_PAGES:
        try:
            render_output(run(page, config.options), config.fmt, "warm-up")
        except Exception:
            pass


def worker_main(conn, config: WorkerConfig) -> None:
    """A worker process: take (index, path, name) tasks until None or end of pipe."""
    import resource
    signal.signal(signal.SIGINT, signal.SIG_IGN)       # the parent decides what an interrupt means
    _die_with_parent()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if config.max_memory > 0:
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        soft = config.max_memory if hard == resource.RLIM_INFINITY else min(config.max_memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    sys.addaudithook(_refuse_network)
    _warm_up(config)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path, name = task
        outcome = process_document(path, name, config)
        try:
            conn.send(("done", index, outcome))
        except OSError:
            return
        if outcome.reason == "oom":
            return  # start afresh after running out of memory


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(FORKSERVER_PRELOAD))
        return ctx
    return multiprocessing.get_context("spawn")


def _signal_name(code: int | None) -> str:
    if code is None or code >= 0:
        return f"exit code {code}"
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class _Worker:
    __slots__ = ("proc", "conn", "inflight", "sent", "retiring", "ready", "eof", "born")

    def __init__(self, proc, conn):
        self.proc, self.conn, self.born = proc, conn, time.monotonic()
        self.inflight: deque[list] = deque()   # [index, path, name, started_at or None]
        self.sent = 0
        self.retiring = self.ready = self.eof = False


Task = tuple  # (index, path, name)


class WorkerPool:
    """Our own supervisor over worker processes (never threads). Each worker has a pipe and at
    most PREFETCH documents queued. The parent enforces the per-document wall clock: a worker
    past `timeout` is SIGKILLed and replaced, and only its current document fails. A worker that
    dies marks only its current document (crashed); the documents queued behind it are given
    to another worker. Workers are replaced after `recycle_after` documents."""

    def __init__(self, jobs: int, config: WorkerConfig, timeout: float = TIMEOUT_DEFAULT,
                 recycle_after: int = RECYCLE_AFTER_DEFAULT):
        self.jobs, self.config, self.timeout = max(1, jobs), config, timeout
        self.recycle_after = max(1, recycle_after)
        self.workers: list[_Worker] = []
        self.retry: deque[Task] = deque()
        self.startup_failures = 0
        self._ctx = None
        self.spawned = 0

    def _spawn(self) -> _Worker:
        if self._ctx is None:
            self._ctx = _context()
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(target=worker_main, args=(child_conn, self.config), daemon=True,
                                 name="stripper-worker")
        # A worker needs nothing from the parent's __main__ (a script, stdin, a notebook): hide it,
        # or multiprocessing would import it again in every worker.
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            proc.start()
        finally:
            sys.modules["__main__"] = main
        child_conn.close()
        w = _Worker(proc, parent_conn)
        self.workers.append(w)
        self.spawned += 1
        return w

    def _free_worker(self) -> _Worker | None:
        active = [w for w in self.workers if not w.retiring]
        if len(active) < self.jobs:
            return self._spawn()
        open_ = [w for w in active if len(w.inflight) < PREFETCH]
        return min(open_, key=lambda w: len(w.inflight)) if open_ else None

    def _send(self, w: _Worker, task: Task) -> None:
        start = time.monotonic() if (w.ready and not w.inflight) else None
        try:
            w.conn.send(task)
        except OSError:  # the worker is gone: its sentinel will say how; the task goes elsewhere
            w.retiring = True
            self.retry.appendleft(task)
            return
        w.inflight.append([*task, start])
        w.sent += 1
        if w.sent >= self.recycle_after:
            w.retiring = True
            try:
                w.conn.send(None)
            except OSError:
                pass

    def run(self, tasks: Iterator[Task], on_done: Callable[[int, Outcome], None]) -> None:
        exhausted = False

        def take() -> Task | None:
            nonlocal exhausted
            if self.retry:
                return self.retry.popleft()
            if exhausted:
                return None
            t = next(tasks, None)
            exhausted = t is None
            return t

        try:
            while True:
                while True:   # hand out work
                    t = take()
                    if t is None:
                        break
                    w = self._free_worker()
                    if w is None:
                        self.retry.appendleft(t)
                        break
                    self._send(w, t)
                if exhausted and not self.retry and not any(w.inflight for w in self.workers):
                    break
                self._wait_and_handle(on_done)
        finally:
            self.close()

    def _wait_and_handle(self, on_done) -> None:
        now = time.monotonic()
        deadlines = [w.inflight[0][3] + self.timeout for w in self.workers if w.inflight and w.inflight[0][3] is not None]
        deadlines += [w.born + STARTUP_TIMEOUT for w in self.workers if not w.ready]
        wait_for = max(0.0, min(deadlines) - now) + 0.01 if deadlines else None
        handles = [w.conn for w in self.workers if not w.eof] + [w.proc.sentinel for w in self.workers]
        ready = set(wait_ready(handles, timeout=wait_for))
        for w in list(self.workers):
            if w.conn in ready and not w.eof:
                self._drain(w, on_done)
            if w.proc.sentinel in ready:
                self._drain(w, on_done)
                self._reap(w, on_done)
        now = time.monotonic()
        for w in list(self.workers):
            if not w.ready and now - w.born > STARTUP_TIMEOUT:
                self._kill(w)
                self._startup_failed(w, f"not ready after {STARTUP_TIMEOUT:g} s")
            elif w.inflight and w.inflight[0][3] is not None and now - w.inflight[0][3] > self.timeout:
                self._kill(w)
                index = w.inflight.popleft()[0]
                self._requeue(w)
                on_done(index, Outcome(FAILED, "timeout", f"timed out after {self.timeout:g} s (worker killed)"))

    def _drain(self, w: _Worker, on_done) -> None:
        while not w.eof:
            try:
                if not w.conn.poll():
                    return
                msg = w.conn.recv()
            except (EOFError, OSError):
                w.eof = True
                return
            if msg[0] == "ready":
                w.ready = True
                self.startup_failures = 0
                if w.inflight:
                    w.inflight[0][3] = time.monotonic()
                continue
            _, index, outcome = msg
            head = w.inflight.popleft()
            assert head[0] == index, "worker answered out of order"
            if w.inflight:
                w.inflight[0][3] = time.monotonic()
            on_done(index, outcome)

    def _reap(self, w: _Worker, on_done) -> None:
        w.proc.join(timeout=5)
        code = w.proc.exitcode
        self.workers.remove(w)
        w.conn.close()
        if not w.ready:
            self._startup_failed(w, _signal_name(code))
            return
        if w.inflight and code != 0:
            index = w.inflight.popleft()[0]
            hint = "; out of memory?" if code == -signal.SIGKILL else ""
            on_done(index, Outcome(FAILED, "crashed", f"worker crashed ({_signal_name(code)}{hint})"))
        self._requeue(w)

    def _startup_failed(self, w: _Worker, why: str) -> None:
        self.startup_failures += 1
        self._requeue(w)
        if self.startup_failures >= STARTUP_FAILURES_FATAL:
            raise PoolError(f"worker processes cannot start ({why}); is --max-memory too low?")

    def _requeue(self, w: _Worker) -> None:
        for index, path, name, _ in reversed(w.inflight):
            self.retry.appendleft((index, path, name))
        w.inflight.clear()

    def _kill(self, w: _Worker) -> None:
        try:
            w.proc.kill()
        except Exception:
            pass
        w.proc.join(timeout=5)
        self.workers.remove(w)
        w.conn.close()

    def close(self) -> None:
        for w in self.workers:
            try:
                if not w.retiring:
                    w.conn.send(None)
            except OSError:
                pass
        deadline = time.monotonic() + 2
        for w in self.workers:
            if w.inflight:
                w.proc.kill()
            w.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            if w.proc.exitcode is None:
                w.proc.kill()
                w.proc.join(timeout=5)
            w.conn.close()
        self.workers.clear()


# --------------------------------------------------------------------------- outputs and journal

_tmp_counter = 0


def write_atomic(path: str, data: bytes, fsync: bool = True) -> None:
    """Write to a temporary file in the same directory, fsync, then rename into place."""
    global _tmp_counter
    _tmp_counter += 1
    tmp = os.path.join(os.path.dirname(path) or ".", f".stripper-{os.getpid()}-{_tmp_counter}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if fsync:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    os.close(fd)
    os.replace(tmp, path)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier process that had our pid
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass
    return True


def remove_stale_tmp(directory: str, recursive: bool) -> int:
    """Remove temporary files a killed run of ours left behind (our own name pattern, and only
    when the process that wrote them is gone)."""
    n = 0
    for dirpath, dirnames, filenames in os.walk(directory):
        for f in filenames:
            m = TMP_RE.match(f)
            if m and not _pid_alive(int(m.group(1))):
                try:
                    os.unlink(os.path.join(dirpath, f))
                    n += 1
                except OSError:
                    pass
        if not recursive:
            break
    return n


def options_key(options: Options, fmt: str) -> str:
    d = {f.name: getattr(options, f.name) for f in dataclasses.fields(options) if f.name != "source"}
    d["format"] = fmt
    return hashlib.sha256(json.dumps(d, sort_keys=True, default=list).encode()).hexdigest()[:16]


_CODE_VERSION: str | None = None


def code_version() -> str:
    """The release plus a digest of the package's code and data, so edited code is not taken for done work."""
    global _CODE_VERSION
    if _CODE_VERSION is None:
        h = hashlib.sha256()
        pkg = Path(__file__).resolve().parent
        for p in sorted(pkg.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"):
                h.update(p.relative_to(pkg).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
        _CODE_VERSION = f"{__version__}+{h.hexdigest()[:12]}"
    return _CODE_VERSION


class Journal:
    """Append-only JSON lines, one per finished input, keyed by format and input path. The last
    entry for a key wins; a line cut short by a kill is ignored. Opened with an exclusive lock so
    two runs never write one OUTDIR. jsonl records stay on disk: an entry keeps where its line is."""

    def __init__(self, path: str, fsync: bool = True):
        self.path, self.fsync = path, fsync
        self.entries: dict[str, dict] = {}
        self.fh = None
        self._synced = self._flushed = time.monotonic()

    def open(self) -> None:
        import fcntl
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise BatchUsageError(f"{self.path}: another batch is writing to this output") from None
        self.fh = os.fdopen(fd, "r+b")
        latest: dict[str, bytes] = {}
        for line in self.fh.read().split(b"\n"):
            try:
                key = json.loads(line)["key"]
            except (ValueError, KeyError, TypeError):
                continue
            latest.pop(key, None)
            latest[key] = line
        # Compact in place, under the lock: one line per key.
        self.fh.seek(0)
        self.fh.truncate()
        for line in latest.values():
            self._write(json.loads(line), line + b"\n", keep=True)
        self._sync(force=True)

    def _write(self, e: dict, line: bytes, keep: bool) -> None:
        at = self.fh.tell()
        self.fh.write(line)
        if keep:
            if "record" in e:
                e["record"] = (at, len(line))
            self.entries[e["key"]] = e

    def get(self, key: str) -> dict | None:
        return self.entries.get(key)

    def record(self, e: dict) -> bytes:
        """The jsonl record an entry keeps (read back from the journal file)."""
        self.fh.flush()
        at, length = e["record"]
        return json.loads(os.pread(self.fh.fileno(), length, at))["record"].encode("utf-8", "surrogateescape")

    def append(self, e: dict) -> None:
        """Record a finished input. This run never looks it up again, so it is not kept in memory."""
        self.entries.pop(e["key"], None)
        self._write(e, (json.dumps(e, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii"), keep=False)
        self._sync()

    def _sync(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._flushed > JOURNAL_FLUSH_SECONDS:
            self.fh.flush()
            self._flushed = now
        if self.fsync and (force or now - self._synced > JOURNAL_FSYNC_SECONDS):
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self._synced = now

    def close(self) -> None:
        if self.fh is not None:
            self._sync(force=True)
            self.fh.close()
            self.fh = None


def _hash_file(path: str, limit: int = -1) -> tuple[int, str]:
    h = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "not a regular file")
    with os.fdopen(fd, "rb") as f:
        if limit >= 0:
            data = f.read(limit)
            h.update(data)
            return os.fstat(f.fileno()).st_size, h.hexdigest()
        size = 0
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return size, h.hexdigest()


class OrderedWriter:
    """jsonl records in input order, whatever order the documents finish in. To stdout, or to a
    temporary file renamed over the target when the batch ends."""

    def __init__(self, target: str, fsync: bool = True):
        self.target, self.fsync = target, fsync
        self.next = 0
        self.pending: dict[int, bytes] = {}
        if target == "-":
            self.tmp, self.fh = None, sys.stdout.buffer
        else:
            global _tmp_counter
            _tmp_counter += 1
            self.tmp = os.path.join(os.path.dirname(target) or ".", f".stripper-{os.getpid()}-{_tmp_counter}.tmp")
            self.fh = open(self.tmp, "xb")

    def put(self, index: int, line: bytes) -> None:
        self.pending[index] = line
        if index != self.next:
            return
        while self.next in self.pending:
            self.fh.write(self.pending.pop(self.next))
            self.next += 1
        if self.tmp is None:
            self.fh.flush()

    def commit(self) -> None:
        assert not self.pending
        self.fh.flush()
        if self.tmp is not None:
            if self.fsync:
                os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self.tmp, self.target)

    def abandon(self) -> None:
        if self.tmp is not None:
            self.fh.close()
            try:
                os.unlink(self.tmp)
            except OSError:
                pass


# --------------------------------------------------------------------------- planning and running

@dataclass
class BatchSettings:
    inputs: list[str] = field(default_factory=list)
    output: str = ""
    fmt: str = "text"
    files_from: str | None = None     # a path, or "-" for stdin
    null: bool = False
    globs: tuple[str, ...] = ()
    jobs: int = 0                     # 0: every core this process may use
    timeout: float = TIMEOUT_DEFAULT
    max_memory: int = MAX_MEMORY_DEFAULT
    recycle_after: int = RECYCLE_AFTER_DEFAULT
    force: bool = False
    report: str | None = None
    options: Options = field(default_factory=Options)
    fsync: bool = True
    faults: tuple[tuple[str, str], ...] = ()


@dataclass
class Plan:
    items: list[Item]
    roots: list[str]
    out_dir: str | None          # text/json/markdown
    out_file: str | None         # jsonl to a file ("-" for stdout)
    journal: str | None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def parse_size(text: str) -> int:
    """'2G', '512M', '1.5GiB', '100000' -> bytes; '0' means no limit."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", text.lower())
    if not m:
        raise ValueError(f"not a size: {text!r} (e.g. 2G, 512M)")
    return int(float(m.group(1)) * 1024 ** " kmgt".index(m.group(2) or " "))


def _would_be_read(path: str, real_roots: list[str], globs: tuple[str, ...]) -> str | None:
    """The walked input root that would take `path` as an input, if any."""
    for root in real_roots:
        if _inside(path, root):
            rel = os.path.relpath(path, root)
            parts = rel.split(os.sep)
            if rel == "." or (not any(p.startswith(".") for p in parts) and matches(globs, "/".join(parts))):
                return root
    return None


def plan_batch(s: BatchSettings, stdin: bytes | None = None) -> Plan:
    """Collect the inputs and check every path is safe. Raises BatchUsageError (exit 2)."""
    if s.fmt not in FORMATS:
        raise BatchUsageError(f"unknown format {s.fmt!r} (one of {', '.join(FORMATS)})")
    if not s.output:
        raise BatchUsageError("missing -o OUTDIR")
    if s.output == "-" and s.fmt != "jsonl":
        raise BatchUsageError("-o - (stdout) needs --format jsonl")
    if not s.inputs and s.files_from is None:
        raise BatchUsageError("no inputs (give directories or files, or --files-from FILE)")
    listed: list[str] = []
    if s.files_from is not None:
        if s.files_from == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read()
        else:
            try:
                data = Path(s.files_from).read_bytes()
            except OSError as e:
                raise BatchUsageError(f"{s.files_from}: {e.strerror or e}") from None
        listed = read_file_list(data, s.null)
    for a in s.inputs:
        if a == "-":
            raise BatchUsageError("'-' is not an input here: use --files-from - to read a list of paths")
    items, roots = collect_inputs(list(s.inputs), listed, s.globs)
    real_roots = [os.path.realpath(r) for r in roots]
    input_reals = {os.path.realpath(it.path) for it in items if it.status is None}

    def check_output(path: str, what: str) -> None:
        real = os.path.realpath(path)
        if real in input_reals:
            raise BatchUsageError(f"{path}: {what} would overwrite an input")
        root = _would_be_read(real, real_roots, s.globs)
        if root is not None:
            raise BatchUsageError(f"{path}: {what} is inside input directory {root} and would be read back as an "
                                  "input (use an OUTDIR outside it, a hidden one, or a --glob that excludes it)")

    out_dir = out_file = journal = None
    if s.fmt == "jsonl":
        out_file = s.output
        if s.output != "-":
            if os.path.isdir(s.output):
                raise BatchUsageError(f"{s.output}: is a directory (--format jsonl writes one file; or -o - for stdout)")
            check_output(s.output, "output")
            d, b = os.path.split(os.path.abspath(s.output))
            journal = os.path.join(d, f".{b}.stripper-journal")
    else:
        out_dir = s.output
        if os.path.exists(out_dir) and not os.path.isdir(out_dir):
            raise BatchUsageError(f"{out_dir}: exists and is not a directory")
        real_out = os.path.realpath(out_dir)
        for root in real_roots:
            if _inside(real_out, root):
                hidden = any(p.startswith(".") for p in os.path.relpath(real_out, root).split(os.sep) if p != ".")
                if not hidden and not s.globs:
                    raise BatchUsageError(f"{out_dir}: OUTDIR is {'the' if real_out == root else 'inside'} input "
                                          f"directory {root}; outputs would be read back as inputs (use an OUTDIR "
                                          "outside it, a hidden one, or a --glob that excludes the outputs)")
        suffix = SUFFIXES[s.fmt]
        owner: dict[str, Item] = {}
        for it in items:
            if it.status is not None:
                continue
            rel = safe_relpath(it.name)
            if not rel:
                it.status, it.reason, it.detail = FAILED, "collision", "no file name to mirror under OUTDIR"
                continue
            it.out = rel + suffix
            first = owner.setdefault(it.out, it)
            if first is not it:
                it.status, it.reason = FAILED, "collision"
                it.detail = f"output name {printable(it.out)} is already taken by {printable(first.name)}"
                it.out = None
        check_roots = any(_inside(r, real_out) or _inside(real_out, r) for r in real_roots)
        for it in items:
            if it.out is not None and it.status is None:
                target = os.path.join(real_out, it.out)
                if target in input_reals or (check_roots and _would_be_read(target, real_roots, s.globs)):
                    check_output(target, "output")
        journal = os.path.join(out_dir, JOURNAL_NAME)
    if s.report:
        if s.report == "-":
            raise BatchUsageError("--report needs a file name")
        check_output(s.report, "report")
        if out_file and os.path.realpath(s.report) == os.path.realpath(out_file):
            raise BatchUsageError(f"{s.report}: the report and the output are the same file")
    return Plan(items, roots, out_dir, out_file, journal)


@dataclass(slots=True)
class ItemStatus:
    name: str
    status: str
    reason: str = ""
    detail: str = ""
    output: str | None = None
    resumed: bool = False


@dataclass
class Summary:
    total: int = 0
    items: list[ItemStatus | None] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    reasons: dict[str, Counter] = field(default_factory=lambda: {s: Counter() for s in STATUSES})
    resumed: int = 0
    elapsed: float = 0.0
    workers_started: int = 0
    report_error: str = ""

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    @property
    def exit_code(self) -> int:
        """0 every input that is a page gave an article (skipped ones do not count); 1 otherwise."""
        return 1 if self.counts[NO_ARTICLE] or self.counts[FAILED] else 0

    def add(self, index: int, st: ItemStatus) -> None:
        self.items[index] = st
        self.counts[st.status] += 1
        if st.status != OK:
            self.reasons[st.status][st.reason] += 1
        self.resumed += st.resumed

    def to_report(self, settings: BatchSettings) -> dict:
        return {
            "stripper": __version__,
            "format": settings.fmt,
            "output": settings.output,
            "inputs": self.total,
            "elapsed_seconds": round(self.elapsed, 3),
            "workers_started": self.workers_started,
            "counts": {s: self.counts[s] for s in STATUSES} | {"resumed": self.resumed},
            "reasons": {s: dict(sorted(self.reasons[s].items())) for s in (NO_ARTICLE, FAILED, SKIPPED)},
            "items": [{"path": printable(i.name), "status": i.status, "reason": i.reason or None,
                       "detail": i.detail or None, "output": printable(i.output) if i.output else None,
                       "resumed": i.resumed} for i in self.items if i is not None],
        }


class _Run:
    """One run's bookkeeping: outputs, journal, the jsonl writer and the summary."""

    def __init__(self, plan: Plan, s: BatchSettings, journal: Journal | None, writer: OrderedWriter | None,
                 progress: Callable[[Summary, ItemStatus], None] | None):
        self.plan, self.s, self.journal, self.writer, self.progress = plan, s, journal, writer, progress
        self.file_mode = s.fmt != "jsonl"
        self.summary = Summary(total=len(plan.items), items=[None] * len(plan.items))
        self.okey, self.version = options_key(s.options, s.fmt), code_version()
        self.made_dirs: set[str] = set()

    def key(self, it: Item) -> str:
        return f"{self.s.fmt}:{os.path.abspath(it.path)}"

    def tasks(self) -> Iterator[Task]:
        """Work for the pool, in input order; what needs no worker is finished on the way."""
        for index, it in enumerate(self.plan.items):
            if it.status is not None:
                self.finish(index, Outcome(it.status, it.reason, it.detail))
                continue
            e = self.resumable(it)
            if e is not None:
                self.finish(index, Outcome(e["status"], e.get("reason", ""), e.get("detail", "")), resumed=e)
                continue
            yield index, it.path, it.name

    def resumable(self, it: Item) -> dict | None:
        """The journal entry whose result is complete and current for this input, if any."""
        e = self.journal.get(self.key(it)) if self.journal is not None and not self.s.force else None
        if not e or e.get("opts") != self.okey or e.get("version") != self.version or e.get("status") not in RESUMABLE:
            return None
        try:
            size, digest = _hash_file(it.path, e.get("hashed", -1))
            if size != e.get("size") or digest != e.get("sha256"):
                return None
            if not self.file_mode:
                return e if "record" in e else None
            if e.get("out") != it.out:
                return None
            target = os.path.join(self.plan.out_dir, it.out)
            if e["status"] == OK:
                return e if _hash_file(target)[1] == e.get("out_sha256") else None
            return None if os.path.lexists(target) else e
        except OSError:
            return None

    def finish(self, index: int, o: Outcome, resumed: dict | None = None) -> None:
        it = self.plan.items[index]
        if self.file_mode and it.out is not None and resumed is None:
            o = self._write_output(it, o)
        if self.writer is not None:
            if resumed is not None:
                line = self.journal.record(resumed)
            else:
                line = o.payload or jsonl_record(it.name, o.status, reason=o.reason, detail=o.detail)
            self.writer.put(index, line)
        if self.journal is not None and resumed is None and it.status is None:
            self._journal(it, o)
        st = ItemStatus(it.name, o.status, o.reason, o.detail, it.out if self.file_mode and o.status == OK else None,
                        resumed is not None)
        self.summary.add(index, st)
        if self.progress is not None:
            self.progress(self.summary, st)

    def _write_output(self, it: Item, o: Outcome) -> Outcome:
        target = os.path.join(self.plan.out_dir, it.out)
        if o.status != OK:
            try:
                os.unlink(target)  # an output left by an earlier run with other options or other input
            except OSError:
                pass
            return o
        try:
            d = os.path.dirname(target)
            if d not in self.made_dirs:
                os.makedirs(d, exist_ok=True)
                self.made_dirs.add(d)
            write_atomic(target, o.payload, self.s.fsync)
        except OSError as e:
            return Outcome(FAILED, "write_error", f"cannot write {it.out}: {e.strerror or e}", size=o.size,
                           sha256=o.sha256, hashed=o.hashed)
        return o

    def _journal(self, it: Item, o: Outcome) -> None:
        """After the output is in place: what a rerun needs to trust it."""
        e = {"key": self.key(it), "path": printable(it.path), "size": o.size, "sha256": o.sha256, "hashed": o.hashed,
             "opts": self.okey, "version": self.version, "status": o.status, "reason": o.reason, "detail": o.detail}
        if self.file_mode:
            e["out"], e["out_sha256"] = it.out, o.out_sha256 if o.status == OK else ""
        elif o.status in RESUMABLE:
            line = o.payload or jsonl_record(it.name, o.status, reason=o.reason, detail=o.detail)
            e["record"] = line.decode("utf-8", "surrogateescape")
        self.journal.append(e)


def run_batch(plan: Plan, s: BatchSettings, progress: Callable[[Summary, ItemStatus], None] | None = None) -> Summary:
    """Run the planned batch. Raises BatchUsageError when OUTDIR cannot be written or is in use,
    PoolError when workers cannot start; KeyboardInterrupt passes through after the workers are
    stopped (the journal keeps what was finished)."""
    t0 = time.monotonic()
    file_mode = s.fmt != "jsonl"
    out_parent = plan.out_dir if file_mode else (None if plan.out_file == "-" else
                                                  os.path.dirname(os.path.abspath(plan.out_file)))
    journal = Journal(plan.journal, s.fsync) if plan.journal else None
    try:
        if out_parent:
            os.makedirs(out_parent, exist_ok=True)
        if journal:
            journal.open()
    except OSError as e:
        raise BatchUsageError(f"{s.output}: cannot write here: {e.strerror or e}") from None
    writer = None
    try:
        if out_parent:
            remove_stale_tmp(out_parent, recursive=file_mode)
        writer = None if file_mode else OrderedWriter(plan.out_file, s.fsync)
        run = _Run(plan, s, journal, writer, progress)
        pool = WorkerPool(s.jobs or default_jobs(), WorkerConfig(s.options, s.fmt, s.max_memory, s.faults),
                          s.timeout, s.recycle_after)
        try:
            pool.run(run.tasks(), run.finish)
        finally:
            run.summary.workers_started = pool.spawned
        if writer is not None:
            writer.commit()
            writer = None
    finally:
        if writer is not None:
            writer.abandon()
        if journal is not None:
            journal.close()
    summary = run.summary
    summary.elapsed = time.monotonic() - t0
    if s.report:
        try:
            write_report(s.report, summary.to_report(s), s.fsync)
        except OSError as e:
            summary.report_error = f"{s.report}: cannot write the report: {e.strerror or e}"
    return summary


def write_report(path: str, report: dict, fsync: bool = True) -> None:
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    write_atomic(os.path.join(d, os.path.basename(path)),
                 (json.dumps(report, ensure_ascii=False, indent=1) + "\n").encode("utf-8", "replace"), fsync)
