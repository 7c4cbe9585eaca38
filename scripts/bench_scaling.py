#!/usr/bin/env python3
"""Linear-time check for stripper: every regex of the package, the whole pipeline on hostile
inputs, and throughput on large realistic dumps.

    .venv/bin/python scripts/bench_scaling.py                 # everything (several minutes)
    .venv/bin/python scripts/bench_scaling.py --only regex    # regex section only
    .venv/bin/python scripts/bench_scaling.py --only hostile --only throughput --mb 0.25
    .venv/bin/python scripts/bench_scaling.py --only regex --filter MD_ --verbose

1. regex: each regex the package compiles (module-level patterns, patterns returned by cached
   zero-argument functions such as dates._patterns(), inline re.sub/re.match/... literals, and
   every compiled phrase list of stripper/data/phrases) is run on each hostile input family at
   size N and 4N. Patterns the code only ever uses with .match/.fullmatch are timed with .match,
   the others with a full .finditer scan (what .search, .sub, .findall and .split cost at worst).
   N grows until the time at N is measurable, so the ratio t(4N)/t(N) is meaningful: about 4 for
   linear, 16 for quadratic. Times are CPU seconds of the measuring process (timeouts are wall
   clock), so that other work on the machine does not read as super-linear growth. A pair is flagged when the ratio is >= RATIO_LIMIT and t(4N) is above
   the noise floor, or when a measurement exceeds the timeout (the worker is then killed).
2. hostile: the whole pipeline (stripper.run) on one hostile construct embedded in a real
   article, at N and 4N, same ratio rule, with a per-document timeout.
3. throughput: a ~20 MB text dump, a ~20 MB markdown dump and a ~5 MB HTML page, generated
   deterministically (varied paragraphs, junk lines, menus, prompts): seconds and MB/s.

Exit status: 0 when nothing is flagged, 1 otherwise. Every measurement runs in a child process,
so a catastrophic pattern costs at most the timeout."""
from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import multiprocessing as mp
import pkgutil
import random
import re
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import stripper  # noqa: E402
from stripper.options import Options  # noqa: E402

RATIO_LIMIT = 6.0            # linear gives ~4, quadratic ~16
NOISE_FLOOR_S = 0.05         # a ratio only counts when t(4N) is at least this
MIN_BASE_S = 0.005           # N grows until t(N) reaches this ...
MIN_BASE_CHARS = 32_000      # ... and the input holds at least this many characters
MAX_CHARS = 1_000_000        # ... or 4N would exceed this many characters
CONFIRM_ROUNDS = 3           # re-runs of a pair whose ratio is over the limit
SKIP_MODULES = {"stripper.__main__"}

# --------------------------------------------------------------------------- hostile families

@dataclass(frozen=True)
class Family:
    name: str
    unit: str
    prefix: str = ""
    suffix: str = ""

    def make(self, n: int) -> str:
        return self.prefix + self.unit * n + self.suffix


FAMILIES = [
    # the families named in docs/RELIABILITY.md (A15) and the review brief
    Family("{{", "{{"), Family("[", "["), Family("](", "]("), Family("a", "a"), Family("1-", "1-"),
    Family("2024-", "2024-"), Family("By ", "By "), Family("Ab", "Ab"), Family("© ", "© "),
    Family("*", "*"), Family("_", "_"), Family("\\", "\\"), Family("!", "!"), Family("#", "#"),
    # constructs aimed at specific pattern shapes (lazy scans, nested or overlapping repeats)
    Family("(", "("), Family("(a", "(a"), Family("**a ", "**a "), Family("__a ", "__a "),
    Family("# #..#x", "#", prefix="# ", suffix="x"), Family("# a   x", " ", prefix="# a", suffix="#x"),
    Family("[](", "[]("), Family("![](", "![]("), Family("[a](", "[a]("),
    Family("spaces+x", " ", suffix="x"), Family("U+2028+x", "\u2028", suffix="x"),
    Family("U+1680 By", "\u1680", prefix="By Jane Doe", suffix="x"),
    Family("<!---->", "<!---->", suffix="x"), Family("<!--", "<!--"), Family("<p>", "<p>"),
    Family("a.", "a."), Family("1.", "1."), Family("5 March ", "5 March "), Family("2024年", "2024年"),
    Family("Home > ", "Home > "), Family("{{a ", "{{a "), Family("${", "${"), Family("%%", "%%"),
    Family("|--", "|--", suffix="x"), Family("- ", "- ", suffix="x"), Family("a by ", "a by "),
    Family("Jane ", "Jane "), Family('"author":"', '"author":"'), Family("http://", "http://"),
    Family("ü", "ü"), Family("aB", "aB"),
]

# --------------------------------------------------------------------------- regex inventory

@dataclass(frozen=True)
class Pat:
    label: str
    regex: re.Pattern
    method: str        # "match" (only ever used anchored at the start) or "scan"


_METHODS = ("match", "fullmatch", "search", "sub", "subn", "findall", "finditer", "split")


def _package_modules() -> list:
    mods = []
    for info in pkgutil.walk_packages(stripper.__path__, "stripper."):
        if info.name in SKIP_MODULES:
            continue
        try:
            mods.append(importlib.import_module(info.name))
        except Exception as e:  # a module being edited elsewhere must not stop the benchmark
            print(f"warning: cannot import {info.name}: {type(e).__name__}: {e}", file=sys.stderr)
    return mods


def _source(mod) -> str:
    try:
        return inspect.getsource(mod)
    except (OSError, TypeError):
        return ""


def _flags_of(call: ast.Call, func: str, namespace: dict) -> int:
    pos = {"compile": 1, "match": 2, "fullmatch": 2, "search": 2, "findall": 2, "finditer": 2,
           "split": 3, "sub": 4, "subn": 4}[func]
    node = next((k.value for k in call.keywords if k.arg == "flags"), None)
    if node is None and len(call.args) > pos:
        node = call.args[pos]
    if node is None:
        return 0
    try:
        return int(eval(compile(ast.Expression(node), "<flags>", "eval"), {"re": re}, namespace))
    except Exception:
        return 0


def collect_patterns() -> list[Pat]:
    """Every regex of the package, deduplicated by (pattern, flags)."""
    mods = _package_modules()
    sources = {m.__name__: _source(m) for m in mods}
    all_src = "\n".join(sources.values())
    found: dict[tuple, Pat] = {}

    def add(label: str, rx: re.Pattern, method: str):
        key = (rx.pattern, rx.flags)
        if key not in found:
            found[key] = Pat(label, rx, method)

    def usage(name: str) -> str:
        # (a call, or a bound method kept for later: `link_line = NAME.fullmatch`)
        used = set(re.findall(rf"\b{re.escape(name)}\.({'|'.join(_METHODS)})\b", all_src))
        return "match" if used and used <= {"match", "fullmatch"} else "scan"

    for mod in mods:
        src = sources[mod.__name__]
        short = mod.__name__.removeprefix("stripper.")
        # module-level patterns, labelled in the module that assigns them
        for name, val in sorted(vars(mod).items()):
            if isinstance(val, re.Pattern) and re.search(rf"^{re.escape(name)}\s*=", src, re.M):
                add(f"{short}.{name}", val, usage(name))
        # patterns built by cached zero-argument functions (dates._patterns() and the like)
        for name, val in sorted(vars(mod).items()):
            if callable(val) and hasattr(val, "cache_info") and getattr(val, "__module__", "") == mod.__name__:
                try:
                    if any(p.default is p.empty for p in inspect.signature(val).parameters.values()):
                        continue
                    out = val()
                except Exception:
                    continue
                items = out if isinstance(out, (tuple, list)) else [out]
                for i, rx in enumerate(items):
                    if isinstance(rx, re.Pattern):
                        add(f"{short}.{name}()[{i}]", rx, "scan")
        # inline literals: re.sub(r"...", ...), re.match(r"...", ...), ...
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in _METHODS + ("compile",) and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                continue
            func = node.func.attr
            flags = _flags_of(node, func, vars(mod))
            try:
                rx = re.compile(node.args[0].value, flags)
            except re.error:
                continue
            method = "match" if func in ("match", "fullmatch") else "scan"
            add(f"{short}:{node.lineno} re.{func}", rx, method)
    # phrase lists: every compiled part of every Matcher
    from stripper.phrases import Matcher, load_phrases, phrase_names
    for name in phrase_names():
        m = load_phrases(name)
        for slot in Matcher.__slots__:
            rx = getattr(m, slot, None)
            if isinstance(rx, re.Pattern):
                add(f"phrases/{name}.{slot}", rx, "match" if slot == "_whole" else "scan")
    return list(found.values())

# --------------------------------------------------------------------------- child processes

_CTX = mp.get_context("fork")


class Worker:
    """A forked child that runs timing tasks; killed and replaced when one overruns."""

    def __init__(self, patterns: list[Pat]):
        self.patterns = patterns
        self.proc = None
        self.conn = None

    def _start(self):
        parent, child = _CTX.Pipe()
        self.proc = _CTX.Process(target=self._serve, args=(child, self.patterns), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent

    @staticmethod
    def _serve(conn, patterns):
        while True:
            task = conn.recv()
            if task is None:
                return
            pi, fi, n = task
            p, fam = patterns[pi], FAMILIES[fi]
            s = fam.make(n)
            if isinstance(p.regex.pattern, bytes):
                s = s.encode("utf-8")
            best = float("inf")
            for _ in range(3):  # best of three when fast, one run when slow
                t0 = time.process_time()   # CPU time: other processes' load does not count
                if p.method == "match":
                    p.regex.match(s)
                else:
                    for _m in p.regex.finditer(s):
                        pass
                best = min(best, time.process_time() - t0)
                if best > 0.05:
                    break
            conn.send(best)

    def time(self, pi: int, fi: int, n: int, timeout: float) -> float | None:
        """Seconds for one run (best of a few when fast), or None on timeout."""
        if self.proc is None or not self.proc.is_alive():
            self._start()
        self.conn.send((pi, fi, n))
        if self.conn.poll(timeout):
            try:
                return self.conn.recv()
            except EOFError:  # the child died: counted like a timeout
                pass
        self.stop()
        return None

    def stop(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.proc = None


def _in_child(fn, args, timeout: float):
    """(result, CPU seconds, peak RSS MB of the child) or (None, None, None) on the (wall-clock) timeout."""
    parent, child = _CTX.Pipe()

    def target(conn):
        t0 = time.process_time()   # CPU time of the child: other processes' load does not count
        res = fn(*args)
        dt = time.process_time() - t0
        conn.send((res, dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))

    proc = _CTX.Process(target=target, args=(child,), daemon=True)
    proc.start()
    child.close()
    out = (None, None, None)
    if parent.poll(timeout):
        try:
            out = parent.recv()
        except EOFError:
            out = ("crashed", None, None)
    proc.kill()
    proc.join()
    return out

# --------------------------------------------------------------------------- 1. regex scaling

@dataclass
class Row:
    pattern: str
    family: str
    n_chars: int
    t_n: float | None
    t_4n: float | None

    @property
    def ratio(self) -> float:
        if self.t_4n is None:
            return float("inf")
        return self.t_4n / max(self.t_n or 0.0, 1e-7)

    @property
    def flagged(self) -> bool:
        return self.t_4n is None or (self.ratio >= RATIO_LIMIT and self.t_4n >= NOISE_FLOOR_S)


def measure_pair(w: Worker, pi: int, fi: int, timeout: float) -> Row:
    fam = FAMILIES[fi]
    unit_len = max(1, len(fam.unit))
    n = max(1, 64 // unit_len)
    t = w.time(pi, fi, n, timeout)
    while t is not None:
        chars = len(fam.make(n))
        if (t >= MIN_BASE_S and chars >= MIN_BASE_CHARS) or len(fam.make(4 * n)) > MAX_CHARS:
            t4 = w.time(pi, fi, 4 * n, timeout)
            row = Row(w.patterns[pi].label, fam.name, chars, t, t4)
            # A finite ratio over the limit is confirmed: the best of a few interleaved re-runs
            # of both sizes, so that a burst of load from other processes is not reported.
            for _ in range(CONFIRM_ROUNDS):
                if not row.flagged or row.t_4n is None:
                    break
                again_n = w.time(pi, fi, n, timeout)
                again_4n = w.time(pi, fi, 4 * n, timeout)
                row.t_n = min(row.t_n, again_n if again_n is not None else row.t_n)
                row.t_4n = None if again_4n is None else min(row.t_4n, again_4n)
            return row
        n4 = 4 * n
        t4 = w.time(pi, fi, n4, timeout)
        if t4 is None:  # already explodes while growing: report the last pair
            return Row(w.patterns[pi].label, fam.name, chars, t, None)
        n, t = n4, t4
    return Row(w.patterns[pi].label, fam.name, len(fam.make(n)), None, None)


def regex_section(args) -> bool:
    patterns = collect_patterns()
    if args.filter:
        patterns = [p for p in patterns if re.search(args.filter, p.label)]
    fams = [i for i, f in enumerate(FAMILIES) if not args.family or re.search(args.family, f.name)]
    print(f"== 1. regex scaling: {len(patterns)} patterns x {len(fams)} input families "
          f"(ratio t(4N)/t(N): ~4 linear, ~16 quadratic; flagged at >= {RATIO_LIMIT:g} "
          f"with t(4N) >= {NOISE_FLOOR_S * 1000:g} ms, or a timeout of {args.timeout:g} s)")
    if args.verbose:
        for p in patterns:
            print(f"   pattern {p.label}  [{p.method}]")
    w = Worker(patterns)
    flagged: list[Row] = []
    print(f"{'family':>12} {'N chars':>9} {'sum t(N)':>10} {'sum t(4N)':>10} {'ratio':>6}   "
          f"worst pattern with t(4N) >= {NOISE_FLOOR_S * 1000:g} ms (its ratio)")
    t_start = time.perf_counter()
    try:
        for fi in fams:
            rows = [measure_pair(w, pi, fi, args.timeout) for pi in range(len(patterns))]
            ok = [r for r in rows if r.t_n is not None and r.t_4n is not None]
            s_n = sum(r.t_n for r in ok)
            s_4n = sum(r.t_4n for r in ok)
            # the worst ratio among pairs slow enough to measure (fast pairs are mostly noise)
            meaningful = [r for r in rows if r.t_4n is None or r.t_4n >= NOISE_FLOOR_S]
            worst = max(meaningful, key=lambda r: r.ratio) if meaningful else None
            worst_txt = "-" if worst is None else \
                f"{worst.pattern} ({'TIMEOUT' if worst.t_4n is None else f'{worst.ratio:.1f}'})"
            n_chars = max(r.n_chars for r in rows)
            print(f"{FAMILIES[fi].name!r:>12} {n_chars:>9} {s_n:>10.3f} {s_4n:>10.3f} {s_4n / max(s_n, 1e-9):>6.1f}   "
                  f"{worst_txt}", flush=True)
            for r in rows:
                if args.verbose:
                    print(f"      {r.pattern:<40} N={r.n_chars:<8} {r.t_n or 0:9.4f} "
                          f"{'TIMEOUT' if r.t_4n is None else f'{r.t_4n:9.4f}'} {r.ratio:6.1f}")
                if r.flagged:
                    flagged.append(r)
    finally:
        w.stop()
    print(f"   ({time.perf_counter() - t_start:.0f} s)")
    if flagged:
        print(f"-- FLAGGED (superlinear or timed out): {len(flagged)} pattern/family pairs")
        for r in sorted(flagged, key=lambda r: (r.pattern, r.family)):
            t4 = f"> {args.timeout:g} s (TIMEOUT)" if r.t_4n is None else f"{r.t_4n:.3f} s"
            print(f"   {r.pattern:<42} {r.family!r:<14} N={r.n_chars:<8} t(N)={r.t_n:.4f} s  t(4N)={t4}  "
                  f"ratio={'inf' if r.t_4n is None else f'{r.ratio:.1f}'}")
    else:
        print("-- no regex flagged")
    return not flagged

# --------------------------------------------------------------------------- shared text generators

def _fixture_paragraphs() -> list[str]:
    paras: list[str] = []
    for p in sorted((ROOT / "fixtures").glob("*/expected.txt")):
        for para in p.read_text(encoding="utf-8").split("\n\n"):
            para = " ".join(para.split())
            if len(para) >= 120:
                paras.append(para)
    if not paras:
        paras = ["The committee met on Tuesday to discuss the budget, and its members agreed that the "
                 "proposal needed more work before it could be put to a vote in the spring session."]
    return paras


ARTICLE = "\n\n".join(_fixture_paragraphs()[:12])
JUNK_LINES = [
    "Menu", "Search", "Share", "Share on Facebook", "Tweet this", "Advertisement", "Sponsored Content",
    "Read more", "Related articles", "Sign up for our newsletter", "Enter your email address",
    "We use cookies to improve your experience. Accept all cookies", "Subscribe now",
    "You have {{numberArticlesLeft}} free articles left", "Already a subscriber? Sign in",
    "© 2024 Example Media. All rights reserved.", "Privacy Policy", "Terms of Use", "Contact us",
    "Home > News > World", "5 min read", "Comments", "Leave a reply", "Photo: Reuters",
    "https://example.org/news/2024/03/05/story.html", "Skip to content", "Toggle navigation",
]


def _sentences(rng: random.Random) -> list[str]:
    text = " ".join(_fixture_paragraphs())
    sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]
    rng.shuffle(sents)
    return sents


def _pages(n_bytes: int, seed: int, make_page) -> str:
    """Pages made by make_page(rng, sentences, page number) -> lines, until n_bytes are reached."""
    rng = random.Random(seed)
    sents = _sentences(rng)
    out: list[str] = []
    size = 0
    page = 0
    while size < n_bytes:
        page += 1
        block = "\n\n".join(make_page(rng, sents, page)) + "\n\n"
        out.append(block)
        size += len(block.encode("utf-8"))
    return "".join(out)


def _text_page(rng: random.Random, sents: list[str], page: int) -> list[str]:
    """Junk header lines, title, byline, date, varied paragraphs with junk between, junk footer."""
    lines = rng.sample(JUNK_LINES, 6)
    lines.append(f"Story number {page}: " + " ".join(rng.choice(sents).split()[:8]))
    lines.append(f"By Jane Doe and John Roe {page}")
    lines.append(f"Published March {1 + page % 28}, 20{10 + page % 15}")
    for _ in range(rng.randint(4, 9)):
        lines.append(" ".join(rng.choice(sents) for _ in range(rng.randint(2, 6))))
        if rng.random() < 0.3:
            lines.append(rng.choice(JUNK_LINES))
    lines.extend(rng.sample(JUNK_LINES, 5))
    return lines


def _markdown_page(rng: random.Random, sents: list[str], page: int) -> list[str]:
    """A menu of links, a logo, a heading, a byline, paragraphs with bold words and links,
    subheadings, related-link lists, a rule and footer links."""
    lines = ["[Home](/) [World](/world) [Business](/business) [Sport](/sport)",
             f"![logo](https://example.org/img/logo-{page}.png)",
             f"# Story number {page}: " + " ".join(rng.choice(sents).split()[:8]),
             f"By [Jane Doe](/authors/jane-doe) | Published March {1 + page % 28}, 2024"]
    for _ in range(rng.randint(4, 9)):
        ws = " ".join(rng.choice(sents) for _ in range(rng.randint(2, 6))).split()
        i = rng.randrange(len(ws))
        ws[i] = f"**{ws[i]}**"
        j = rng.randrange(len(ws))
        ws[j] = f"[{ws[j]}](https://example.org/{page}/{j})"
        lines.append(" ".join(ws))
        if rng.random() < 0.2:
            lines.append("## " + " ".join(rng.choice(sents).split()[:5]))
        if rng.random() < 0.2:
            lines.append("\n".join(f"- [{rng.choice(sents)[:40]}](/related/{k})" for k in range(4)))
    lines.append("* * *")
    lines.extend(f"[{j}](/footer/{k})" for k, j in enumerate(rng.sample(JUNK_LINES, 4)))
    return lines


def gen_text_dump(n_bytes: int, seed: int = 1) -> str:
    return _pages(n_bytes, seed, _text_page)


def gen_markdown_dump(n_bytes: int, seed: int = 2) -> str:
    return _pages(n_bytes, seed, _markdown_page)


def gen_one_line(n_bytes: int, seed: int = 4) -> str:
    """One line of prose words, no newline (RELIABILITY A7: a single huge text node)."""
    rng = random.Random(seed)
    words = " ".join(_fixture_paragraphs()).split()
    out, size = [], 0
    while size < n_bytes:
        w = rng.choice(words)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def gen_html_page(n_bytes: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    sents = _sentences(rng)
    head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long page | Example</title>'
            '<meta property="og:site_name" content="Example">'
            '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
            '<script>var x = 1;</script><style>p { margin: 0 }</style></head><body>'
            '<nav><ul>' + "".join(f'<li><a href="/s{k}">Section {k}</a></li>' for k in range(20)) + '</ul></nav>'
            '<article><h1>A long page</h1><p class="byline">By Jane Doe</p>')
    parts = [head]
    size = len(head)
    k = 0
    while size < n_bytes:
        k += 1
        para = " ".join(rng.choice(sents) for _ in range(rng.randint(2, 5)))
        chunk = f"<p>{para} <a href=\"/x/{k}\">link {k}</a></p>"
        if k % 10 == 0:
            chunk += f'<div class="share-bar"><a href="/share/{k}">Share</a><span>Tweet</span></div>'
        if k % 25 == 0:
            chunk += f"<h2>{' '.join(rng.choice(sents).split()[:6])}</h2>"
        if k % 40 == 0:
            chunk += "<div><div><div><section><p>" + rng.choice(sents) + "</p></section></div></div></div>"
        parts.append(chunk)
        size += len(chunk)
    parts.append('</article><footer><p>© 2024 Example Media. All rights reserved.</p></footer></body></html>')
    return "".join(parts)

# --------------------------------------------------------------------------- 2. hostile documents

def _pipeline(data, fmt: str) -> str:
    try:
        res = stripper.run(data, Options(input_format=fmt))
        return f"article, {len(res.article.text)} chars"
    except stripper.StripperError as e:
        return f"{type(e).__name__}: {str(e)[:50]}"
    except Exception as e:  # reported, not raised: the benchmark keeps going
        return f"UNEXPECTED {type(e).__name__}: {str(e)[:50]}"


def _html(body: str, head: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    return f"<!DOCTYPE html><html><head><title>A page</title>{head}</head><body>{body}{paras}</body></html>"


_WORDS = ARTICLE.split()
HOSTILE = [
    # (name, input format, builder(n), base n)
    ("text: n short lines", "text", lambda n: ARTICLE + "\n" + "\n".join(f"Item {i}." for i in range(n)), 1000),
    ("text: n copies of the article", "text", lambda n: "\n\n".join([ARTICLE] * n), 40),
    ("text: one line, n words", "text", lambda n: " ".join(_WORDS[i % len(_WORDS)] for i in range(n)), 25_000),
    ("text: byline + n '('", "text", lambda n: "A headline for the story\n\nBy Jane Doe " + "(" * n + "\n\n" + ARTICLE, 8000),
    ("text: n '\\u2028' in byline", "text", lambda n: "By Jane Doe" + "\u2028" * n + "x\n\n" + ARTICLE, 4000),
    ("text: name line + n '\\u2028', date", "text",
     lambda n: "A headline for the story\n\nJane Doe" + "\u2028" * n + "x\n\nMarch 5, 2024\n\n" + ARTICLE, 4000),
    ("auto: n '<!---->' then text", "auto", lambda n: "<!---->" * n + "x\n\n" + ARTICLE, 8),
    ("md: line of n '**a '", "markdown", lambda n: "# A title\n\n" + "**a " * n + "\n\n" + ARTICLE, 2000),
    ("md: line of n '__a '", "markdown", lambda n: "# A title\n\n" + "__a " * n + "\n\n" + ARTICLE, 2000),
    ("md: '# ' + n '#' + 'x'", "markdown", lambda n: "# " + "#" * n + "x\n\n" + ARTICLE, 4000),
    ("md: '# a' + n spaces + '#x'", "markdown", lambda n: "# a" + " " * n + "#x\n\n" + ARTICLE, 250),
    ("md: n leading spaces + 'x'", "markdown", lambda n: ARTICLE + "\n\n" + " " * n + "x\n", 5000),
    ("md: line of n '[]('", "markdown", lambda n: "[](" * n + "\n\n" + ARTICLE, 4000),
    ("md: n lines '- [a](/a)'", "markdown", lambda n: ARTICLE + "\n\n" + "\n".join(f"- [a{i}](/a)" for i in range(n)), 1000),
    ("html: n short <p>", "html", lambda n: _html("".join(f"<p>Item {i}.</p>" for i in range(n))), 1000),
    ("html: div depth n", "html", lambda n: _html("<div>" * n + "<p>deep</p>" + "</div>" * n), 5000),
    ("html: meta author n '(a'", "html", lambda n: _html("", f'<meta name="author" content="{"(a" * n}">'), 2500),
    ("html: JSON-LD n '\"author\":\"'", "html",
     lambda n: _html("", '<script type="application/ld+json">{' + '"author":"' * n + '}</script>'), 5000),
    ("html: n <option>", "html", lambda n: _html("<select>" + "<option>o</option>" * n + "</select>"), 4000),
]


def hostile_section(args) -> bool:
    print(f"== 2. whole pipeline on hostile documents (timeout {args.doc_timeout:g} s per document); the ratio "
          f"is of the CPU time above t(0), the same document without the hostile part")
    print(f"{'document':<34} {'N':>7} {'t(0) s':>7} {'t(N) s':>8} {'t(4N) s':>9} {'ratio':>6}  result at 4N")
    _in_child(_pipeline, (ARTICLE, "text"), args.doc_timeout)  # warm caches in a throwaway child
    ok = True
    for name, fmt, build, n in HOSTILE:
        if args.filter and not re.search(args.filter, name):
            continue
        _, t0, _ = _in_child(_pipeline, (build(0), fmt), args.doc_timeout)
        res1, t1, _ = _in_child(_pipeline, (build(n), fmt), args.doc_timeout)
        if t1 is None or t0 is None:
            print(f"{name:<34} {n:>7} {'-':>7} {'TIMEOUT':>8} {'-':>9} {'inf':>6}  -", flush=True)
            ok = False
            continue
        res4, t4, _ = _in_child(_pipeline, (build(4 * n), fmt), args.doc_timeout)
        ratio = float("inf") if t4 is None else max(t4 - t0, 0.0) / max(t1 - t0, 0.01)
        bad = t4 is None or (ratio >= RATIO_LIMIT and t4 - t0 >= 0.2) or "UNEXPECTED" in str(res4) + str(res1)
        ok &= not bad
        print(f"{name:<34} {n:>7} {t0:>7.3f} {t1:>8.3f} {'TIMEOUT' if t4 is None else f'{t4:.3f}':>9} "
              f"{'inf' if t4 is None else f'{ratio:.1f}':>6}  {res4 or '-'}{'   <-- FLAGGED' if bad else ''}", flush=True)
    return ok


# --------------------------------------------------------------------------- 3. throughput

def throughput_section(args) -> bool:
    print(f"== 3. whole-pipeline throughput, CPU seconds of one process (timeout {args.big_timeout:g} s per document)")
    docs = [("text dump", "auto", gen_text_dump, 20.0), ("markdown dump", "auto", gen_markdown_dump, 20.0),
            ("HTML page", "auto", gen_html_page, 5.0), ("12 MB one line", "text", gen_one_line, 12.0)]
    ok = True
    for name, fmt, gen, mb in docs:
        # just under the input cap (the generators overshoot by up to one page)
        size = min(int(mb * args.mb * 1_000_000), Options().max_input_bytes - 100_000)
        data = gen(size).encode("utf-8")
        res, dt, rss = _in_child(_pipeline, (data, fmt), args.big_timeout)
        real_mb = len(data) / 1e6
        if dt is None:
            print(f"{name:<14} {real_mb:6.1f} MB   TIMEOUT (> {args.big_timeout:g} s)", flush=True)
            ok = False
            continue
        print(f"{name:<14} {real_mb:6.1f} MB  {dt:7.1f} s  {real_mb / dt:6.2f} MB/s  peak RSS {rss:6.0f} MB  {res}", flush=True)
        ok &= "UNEXPECTED" not in str(res) and "InputError" not in str(res)
    return ok

# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", choices=("regex", "hostile", "throughput"),
                    help="run only these sections (repeatable)")
    ap.add_argument("--filter", help="regex: only patterns / hostile documents whose label matches")
    ap.add_argument("--family", help="regex: only input families whose name matches")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per regex measurement")
    ap.add_argument("--doc-timeout", type=float, default=30.0, help="seconds per hostile document")
    ap.add_argument("--big-timeout", type=float, default=900.0, help="seconds per throughput document")
    ap.add_argument("--mb", type=float, default=1.0, help="scale of the throughput documents (1 = 20/20/5 MB)")
    ap.add_argument("--verbose", action="store_true", help="print every pattern/family row")
    args = ap.parse_args(argv)
    sections = args.only or ["regex", "hostile", "throughput"]
    ok = True
    if "regex" in sections:
        ok &= regex_section(args)
    if "hostile" in sections:
        ok &= hostile_section(args)
    if "throughput" in sections:
        ok &= throughput_section(args)
    print("OK: everything scales linearly" if ok else "FAIL: see the flagged lines above")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
