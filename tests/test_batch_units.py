"""The batch engine's pieces, in-process (no worker processes): walk, file lists, path safety,
per-document outcomes, jsonl records, the journal."""
import json
import os
from pathlib import Path

import pytest

from stripper import batch
from stripper.options import Options

TEXT = ("Library plans move ahead\n\n" + "\n\n".join(
    "The council met on Tuesday evening to discuss the new library, and the members agreed that the building "
    f"should open in the spring after the last of the repairs are finished by the town. Part {k}." for k in range(3)))


def settings(tmp_path, inputs, output, **kw):
    return batch.BatchSettings(inputs=[str(tmp_path / i) for i in inputs], output=str(tmp_path / output), **kw)


def test_walk_is_sorted_and_reports_what_it_does_not_follow(tmp_path):
    root = tmp_path / "in"
    (root / "a" / "deep").mkdir(parents=True)
    (root / "a" / "deep" / "x.txt").write_text("x")
    (root / "a" / "y.txt").write_text("y")
    (root / "b.txt").write_text("b")
    (root / "a b.txt").write_text("ab")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref")
    (tmp_path / "secret.txt").write_text("s")
    os.symlink(tmp_path / "secret.txt", root / "out-link.txt")
    os.symlink(root / "b.txt", root / "in-link.txt")
    os.symlink(root / "a", root / "dir-link")
    os.mkfifo(root / "fifo.txt")
    got = {i.name: (i.status, i.reason) for i in batch.walk(str(root))}
    assert list(got) == ["a/deep/x.txt", "a/y.txt", "a b.txt", "b.txt", "dir-link", "fifo.txt", "in-link.txt",
                         "out-link.txt"]
    assert got["out-link.txt"] == ("skipped", "symlink")
    assert got["dir-link"] == ("skipped", "symlink")
    assert got["fifo.txt"] == ("skipped", "not_regular")
    assert got["in-link.txt"] == (None, "")
    assert [i.name for i in batch.walk(str(root), ("*.txt",)) if i.status is None] == [
        "a/deep/x.txt", "a/y.txt", "a b.txt", "b.txt", "in-link.txt"]
    assert [i.name for i in batch.walk(str(root), ("a/*",))] == ["a/deep/x.txt", "a/y.txt"]  # * spans /, as in find -path


def test_file_lists_newline_and_nul():
    assert batch.read_file_list(b"a.html\r\nb c.txt\n\n-d.txt\n", null=False) == ["a.html", "b c.txt", "-d.txt"]
    assert batch.read_file_list(b"new\nline.txt\0x.txt\0", null=True) == ["new\nline.txt", "x.txt"]
    assert batch.read_file_list(b"caf\xe9.txt\n", null=False) == [os.fsdecode(b"caf\xe9.txt")]


def test_collect_marks_missing_duplicates_and_ignores_listed_directories(tmp_path, monkeypatch):
    (tmp_path / "d").mkdir()
    (tmp_path / "a.txt").write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    items, roots = batch.collect_inputs(["a.txt", "nope.txt"], ["./a.txt", "d"])
    assert [(i.name, i.status, i.reason) for i in items] == [
        ("a.txt", None, ""), ("nope.txt", "failed", "missing"), ("a.txt", "skipped", "duplicate")]
    assert roots == []


def test_safe_relpath_never_escapes_outdir():
    assert batch.safe_relpath("/data/pages/a.html") == "data/pages/a.html"
    assert batch.safe_relpath("../../x/./a.html") == "x/a.html"
    assert batch.safe_relpath("-lead.txt") == "-lead.txt"


def test_plan_keeps_extensions_and_reports_collisions(tmp_path):
    for d in ("one", "two"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.html").write_text("<p>x</p>")
    (tmp_path / "one" / "a.htm").write_text("<p>x</p>")
    plan = batch.plan_batch(settings(tmp_path, ["one", "two"], "out", fmt="json"))
    assert [(i.name, i.out, i.status, i.reason) for i in plan.items] == [
        ("a.htm", "a.htm.json", None, ""), ("a.html", "a.html.json", None, ""), ("a.html", None, "failed", "collision")]
    assert "one" not in plan.items[2].detail and "a.html" in plan.items[2].detail


@pytest.mark.parametrize("output,globs,ok", [
    ("in", (), False), ("in/out", (), False), ("in/.out", (), True), ("in/out", ("*.html",), True),
    ("in/out", ("*.htm*",), False), ("elsewhere", (), True)])
def test_outdir_inside_input_only_where_outputs_cannot_be_read_back(tmp_path, output, globs, ok):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text("<p>x</p>")
    s = settings(tmp_path, ["in"], output, globs=globs)
    if ok:
        batch.plan_batch(s)
    else:
        with pytest.raises(batch.BatchUsageError, match="read back"):
            batch.plan_batch(s)
    assert not (tmp_path / "in" / "out").exists()


def test_outputs_never_overwrite_inputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(TEXT)
    Path("a.txt.txt").write_text(TEXT)
    with pytest.raises(batch.BatchUsageError, match="overwrite an input"):
        batch.plan_batch(batch.BatchSettings(inputs=["a.txt", "a.txt.txt"], output="."))
    with pytest.raises(batch.BatchUsageError, match="overwrite an input"):
        batch.plan_batch(batch.BatchSettings(inputs=["a.txt"], output="a.txt", fmt="jsonl"))
    with pytest.raises(batch.BatchUsageError, match="needs --format jsonl"):
        batch.plan_batch(batch.BatchSettings(inputs=["a.txt"], output="-"))
    (tmp_path / "in").mkdir()
    with pytest.raises(batch.BatchUsageError, match="read back"):
        batch.plan_batch(batch.BatchSettings(inputs=["in"], output="o.jsonl", fmt="jsonl", report="in/r.json"))


def test_outcomes_for_odd_files(tmp_path):
    cfg = batch.WorkerConfig(Options(max_input_bytes=2000), "jsonl")
    (tmp_path / "page.txt").write_text(TEXT)
    (tmp_path / "big.txt").write_text(TEXT * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (tmp_path / "menu.txt").write_text("Home | News\n")
    (tmp_path / "app.js").write_text(TEXT)                             # no page extension, not HTML
    (tmp_path / "page").write_text(f"<!doctype html><html><body><article><p>{TEXT}</p></article></body></html>")
    os.mkfifo(tmp_path / "fifo")
    got = {p: batch.process_document(str(tmp_path / p), p, cfg) for p in
           ("page.txt", "big.txt", "empty.txt", "blank.txt", "doc.pdf", "menu.txt", "app.js", "page", "fifo",
            "gone.txt")}
    assert {p: (o.status, o.reason) for p, o in got.items()} == {
        "page.txt": ("ok", ""), "big.txt": ("failed", "too_large"), "empty.txt": ("skipped", "empty"),
        "blank.txt": ("skipped", "empty"), "doc.pdf": ("skipped", "binary"), "menu.txt": ("no_article", "no_article"),
        "app.js": ("skipped", "not_page"), "page": ("ok", ""), "fifo": ("skipped", "not_regular"),
        "gone.txt": ("failed", "missing")}
    forced = batch.WorkerConfig(Options(input_format="text"), "text")
    assert batch.process_document(str(tmp_path / "app.js"), "app.js", forced).status == "ok"
    assert got["doc.pdf"].hashed == batch.HEAD_BYTES                 # judged by its head, not read whole
    rec = json.loads(got["page.txt"].payload)
    assert rec["path"] == "page.txt" and rec["status"] == "ok" and "Part 0" in rec["text"]
    assert json.loads(got["menu.txt"].payload) == {"path": "menu.txt", "status": "no_article",
                                                   "reason": "no_article", "detail": "no article found"}


def test_jsonl_record_is_one_valid_line():
    line = batch.jsonl_record(os.fsdecode(b"bad\xff.txt"), "ok", {"text": "a\u2028b\nc"})
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert len(line.decode("utf-8").splitlines()) == 1
    assert json.loads(line) == {"path": "bad\ufffd.txt", "status": "ok", "text": "a\u2028b\nc"}


def test_journal_ignores_a_torn_line_keeps_the_latest_and_locks(tmp_path):
    path = tmp_path / "j.jsonl"
    lines = [{"key": "k1", "status": "failed"}, {"key": "k2", "status": "ok"}, {"key": "k1", "status": "ok"}]
    path.write_text("".join(json.dumps(e) + "\n" for e in lines) + '{"key": "k3", "sta')
    j = batch.Journal(str(path), fsync=False)
    j.open()
    assert j.get("k1")["status"] == "ok" and j.get("k3") is None
    with pytest.raises(batch.BatchUsageError, match="another batch"):
        batch.Journal(str(path)).open()
    j.append({"key": "k4", "status": "ok", "record": '{"path":"x"}\n'})
    j.close()
    assert [json.loads(x)["key"] for x in path.read_text().splitlines()] == ["k2", "k1", "k4"]
    j = batch.Journal(str(path), fsync=False)
    j.open()
    assert j.record(j.get("k4")) == b'{"path":"x"}\n'
    j.close()


def test_sizes_faults_and_exit_code():
    assert batch.parse_size("2G") == 2 << 30 and batch.parse_size("512MiB") == 512 << 20 and batch.parse_size("0") == 0
    with pytest.raises(ValueError):
        batch.parse_size("lots")
    assert batch.parse_faults("crash:a.txt, sleep0.5:*") == (("crash", "a.txt"), ("sleep0.5", "*"))
    with pytest.raises(ValueError):
        batch.parse_faults("explode:a.txt")
    s = batch.Summary(total=2, items=[None, None])
    s.add(0, batch.ItemStatus("a", batch.OK))
    s.add(1, batch.ItemStatus("b", batch.SKIPPED, "binary"))
    assert s.exit_code == 0
    s.items.append(None)
    s.add(2, batch.ItemStatus("c", batch.NO_ARTICLE, "no_article"))
    assert s.exit_code == 1
