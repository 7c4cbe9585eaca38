"""Stage 1: bytes -> Source. Decompress, refuse binary, decode robustly, detect the input kind."""
from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from dataclasses import dataclass

from .errors import InputError
from .options import Options

GZIP_MAGIC = b"\x1f\x8b"
# Magic numbers of formats that are never a page.
BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"%PDF-", "a PDF document"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an ELF binary"), (b"RIFF", "a RIFF media file"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"), (b"OggS", "an Ogg media file"), (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a web font"), (b"wOF2", "a web font"), (b"ID3", "an MP3 file"),
)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# The magic numbers and the BOMs as tuples of prefixes: one bytes.startswith call asks whether
# the input opens with any of them (most inputs open with none; the list is read only then).
MAGIC_PREFIXES = tuple(m for m, _ in BINARY_MAGIC)
BOM_PREFIXES = tuple(b for b, _ in BOMS)
# Bytes whose share tells binary data from text: C0 controls except tab, line feed, vertical
# tab, form feed, carriage return and ESC (which text carries: ANSI colours in terminal dumps,
# ISO-2022-JP shifts). Uniform random data has 26/256 (10%) of them; text from real pages next
# to none (0.5% at most in the development set, a NUL run in one dump). Above this share of the
# first 4 KB, and more than a few bytes, the input is binary.
CONTROL_BYTES = bytes(c for c in range(32) if (c < 9 or 13 < c) and c != 0x1b)
BINARY_CONTROL_SHARE = 0.02
BINARY_CONTROL_MIN = 8
# Control characters removed from decoded text: C0 but tab, line feed and carriage return, DEL
# and the C1 range.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
# The same characters in UTF-8: the ASCII ones are bytes of their own (no other character's
# encoding holds a byte below 0x80), the C1 ones two bytes, C2 then 80-9F.
ASCII_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20)) + b"\x7f"
C1_UTF8_RE = re.compile(rb"\xc2[\x80-\x9f]")
# What an HTML document or fragment starts with, after any XML declaration and comments.
HTML_OPEN_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|header|table|ul|ol|meta|title|link)[\s>/]",
                          re.I)
HTML_TAG_RE = re.compile(r"<(?:p|div|span|a|br|body|article|section|main|h[1-6]|li|ul|table|td|img|meta|script|title)[\s>/]",
                         re.I)
HTML_LINES_PER_TAG_MAX = 10   # markup without an HTML opening: at least a tag per this many lines
MD_SIGNS_RE = re.compile(r"\]\((?:https?:|/|#|mailto:)|^#{1,6} \S|^\s{0,3}[*+-] \[|^!\[", re.M)
META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.I)
# Below this share of undecodable characters, bytes that are not valid UTF-8 are not handed to
# charset detection: they are UTF-8 with a few bad sequences (replaced), or mostly-ASCII cp1252
# text with a few accented letters or curly quotes.
MOSTLY_UTF8_ERROR_RATE = 0.01
# A run of non-ASCII bytes (whether it is UTF-8: _utf8).
HIGH_RUN_RE = re.compile(rb"[\x80-\xff]+")
# What the non-ASCII bytes of mostly-ASCII Western text are in cp1252, besides letters: quotes,
# dashes, the ellipsis, currency and common signs. (0xFF, ÿ, is left out: it is the usual stray
# byte of binary padding, and next to never in such text.)
CP1252_TEXT_SIGNS = frozenset("‘’‚“”„–—…•«»‹›¡¿\xa0\xad€£¥¢©®™°§¶·±×÷½¼¾¹²³ªº´µ")
# The longest run of non-ASCII bytes such text has ("ção", "é”", "…»").
CP1252_MAX_RUN = 3
# How far into the page a charset declaration is looked for (browsers prescan 1024 bytes;
# real pages put long <head>s before it).
DECLARATION_SCAN_BYTES = 16384
# Charset labels as browsers read them (WHATWG Encoding), where Python's codec differs.
CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252", "ascii": "cp1252",
    "us-ascii": "cp1252", "iso8859-1": "cp1252", "windows-1252": "cp1252", "x-cp1252": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874",
    "shift-jis": "cp932", "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms-kanji": "cp932",
    "windows-31j": "cp932", "csshiftjis": "cp932",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb-2312": "gb18030", "euc-cn": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs",
    "euc-kr": "cp949", "ks-c-5601-1987": "cp949", "ks-c-5601": "cp949", "korean": "cp949",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-mac-roman": "mac-roman",
}
XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]{2,40})""", re.I)
SURROGATE_RE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Source:
    text: str
    kind: str          # html | text | markdown
    encoding: str


def decompress(data: bytes, limit: int) -> bytes:
    """Gunzip (nested gzip too) with a cap on the decompressed size."""
    rounds = 0
    while data[:2] == GZIP_MAGIC and rounds < 3:
        rounds += 1
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = d.decompress(data, limit + 1)
        except zlib.error as e:
            raise InputError(f"corrupt gzip data ({e})") from None
        if len(out) > limit:
            raise InputError(f"too large: more than {limit} bytes after decompression")
        data = out
    return data


def check_binary(data: bytes) -> None:
    if data.startswith(MAGIC_PREFIXES):
        for magic, what in BINARY_MAGIC:
            if data.startswith(magic):
                raise InputError(f"not a page: looks like {what}")
    if data.startswith(BOM_PREFIXES):
        return
    head = data[:4096]
    nul = head.count(b"\x00")
    if nul > len(head) * 0.10 and not _looks_utf16(head):
        raise InputError("not a page: binary data")
    ctrl = len(head) - len(head.translate(None, CONTROL_BYTES))
    if ctrl > max(BINARY_CONTROL_MIN, len(head) * BINARY_CONTROL_SHARE) and not _looks_utf16(head):
        raise InputError("not a page: binary data")


def _looks_utf16(head: bytes) -> bool:
    # (without a NUL byte neither half counts any: one search instead of two copies and counts)
    if len(head) < 4 or b"\x00" not in head:
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) > len(even) * 0.4 or odd.count(0) > len(odd) * 0.4


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes, if Python knows it:
    <meta charset>, <meta http-equiv="Content-Type" content="...; charset=...">, then the
    XML declaration. Labels map as browsers map them (WHATWG: latin-1 is windows-1252,
    Shift_JIS is windows-31j, ...)."""
    head = data[:DECLARATION_SCAN_BYTES]
    m = META_CHARSET_RE.search(head) or XML_ENCODING_RE.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower().strip(".:-_")
    name = CHARSET_ALIASES.get(name.replace("_", "-"), name)
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    if name.replace("_", "-") in ("utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be"):
        return None  # a byte-level declaration of UTF-16 in ASCII bytes is a lie
    return name


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """BOM, then UTF-8 when the bytes are valid UTF-8, then the declared charset, then
    detection; never raises on bad bytes. Valid UTF-8 wins over a declaration because legacy
    text almost never forms valid UTF-8 by chance, while pages re-encoded to UTF-8 with a stale
    <meta charset> are common."""
    text, enc, _ = _decode(data, declared)
    return text, enc


def _decode(data: bytes, declared: str | None) -> tuple[str, str, bool]:
    """decode(), and whether the text is the bytes read as valid UTF-8 (its UTF-8 form is data)."""
    if data.startswith(BOM_PREFIXES):
        for bom, enc in BOMS:
            if data.startswith(bom):
                return data[len(bom):].decode(enc, errors="replace"), enc, False
    if _looks_utf16(data[:4096]) and data.count(b"\x00") > len(data) * 0.3:
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(enc, errors="replace"), enc, False
    bad_at = -1
    try:
        return data.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError as e:
        bad_at = e.start
    is_utf8 = declared is not None and declared.replace("_", "-") in ("utf-8", "utf8")
    if declared and not is_utf8:
        try:
            return data.decode(declared), declared, False
        except (UnicodeDecodeError, LookupError):
            pass
    # A few bad bytes: UTF-8 with some bad sequences (replaced, as browsers do), unless every
    # non-ASCII run reads as the accented letters and quotes of cp1252 text and few are UTF-8.
    # Corrupted UTF-8 read as a legacy charset would garble every character that was right.
    sample = data[: 1 << 20]
    few_bad = _utf8_error_rate(sample) < MOSTLY_UTF8_ERROR_RATE and bad_at > 0
    if few_bad and (is_utf8 or not _reads_as_cp1252(sample)):
        return data.decode("utf-8", errors="replace"), "utf-8", False
    if declared and not is_utf8:
        return data.decode(declared, errors="replace"), declared, False
    if few_bad:
        return data.decode("cp1252", errors="replace"), "cp1252", False
    # Undeclared, or declared UTF-8 and plainly not: detect.
    try:
        enc = _detect(data[:200_000])
        if enc:
            return data.decode(enc, errors="replace"), enc, False
    except Exception:  # detection is best effort
        pass
    return data.decode("cp1252", errors="replace"), "cp1252", False


def _detect(data: bytes) -> str | None:
    """charset_normalizer's best guess, read as browsers read labels (latin-1 is cp1252); cp1252
    when it scores the same as the best (cp1250 and cp1252 often tie on Western text, and
    cp1252 is by far the more common)."""
    from charset_normalizer import from_bytes
    matches = from_bytes(data)
    best = matches.best()
    if best is None or not best.encoding:
        return None
    enc = best.encoding
    if any(m.encoding == "cp1252" and (m.chaos, m.coherence) == (best.chaos, best.coherence) for m in matches):
        enc = "cp1252"
    return CHARSET_ALIASES.get(enc.replace("_", "-"), enc)


def _utf8(run: bytes) -> bool:
    """A run of bytes 0x80-0xff is UTF-8: whole characters, no overlong form, no surrogate, none
    above U+10FFFF (what the strict decoder accepts, in one linear pass)."""
    try:
        run.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _reads_as_cp1252(data: bytes) -> bool:
    """True when the non-ASCII bytes of data are cp1252 text, not broken UTF-8: more runs of
    them are not UTF-8 than are, and each such run is short and reads in cp1252 as letters
    (no capital straight after a small letter: "wordÃ(") or common signs."""
    utf8 = legacy = 0
    for m in HIGH_RUN_RE.finditer(data):
        run = m.group()
        if _utf8(run):
            utf8 += 1
            continue
        if len(run) > CP1252_MAX_RUN:
            return False
        try:
            chars = run.decode("cp1252")
        except UnicodeDecodeError:   # 0x81, 0x8d, 0x8f, 0x90, 0x9d: no character in cp1252
            return False
        prev = chr(data[m.start() - 1]) if m.start() else " "
        for c in chars:
            if c.isalpha():
                if c == "ÿ" or (c.isupper() and prev.islower()):
                    return False
            elif c not in CP1252_TEXT_SIGNS:
                return False
            prev = c
        legacy += 1
    return legacy > utf8


def _utf8_error_rate(data: bytes) -> float:
    text = data.decode("utf-8", errors="replace")
    return text.count("\ufffd") / max(1, len(text))


def fix_surrogates(text: str) -> str:
    """str input can carry UTF-16 surrogates (a str built from UTF-16 code units, a JSON escape
    with no partner, bytes decoded with errors="surrogateescape"), which no UTF-8 output can hold:
    a pair becomes its character, a lone one U+FFFD. Text without any is returned as it is."""
    if text.isascii() or not SURROGATE_RE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def normalize_text(text: str, utf8: bytes | None = None) -> str:
    """Line ends as "\n", control characters out, NFC. utf8: the UTF-8 form of text where the
    caller has it (leading BOMs taken off the text since may still be in it: they hold no control
    byte, nor does a carriage return, so the bytes tell what the text's own would)."""
    if "\r" in text:   # (one scan: most texts have none, and both replacements need one)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_controls(text, utf8):
        text = CONTROL_RE.sub("", text)
    # (ASCII text is NFC as it is: isascii() is a flag of the string, normalize() a scan.)
    # normalize() returns the text itself when its quick check finds it NFC, and that check is
    # cheaper than is_normalized()'s (which, where the quick check cannot tell, normalizes and
    # compares: normalize() after it would do the work twice).
    if text.isascii():
        return text
    if len(text) <= NFC_CHUNK_CHARS:
        return unicodedata.normalize("NFC", text)
    return _nfc_by_chunks(text)


# Where the quick check cannot tell (a combining mark, as a decomposed "ü" has), normalize()
# decomposes and recomposes the whole text, ten times the cost of the check. A text is cut into
# chunks at line ends and each normalized: only the chunks holding such a mark pay for it.
NFC_CHUNK_CHARS = 4096


def _nfc_by_chunks(text: str) -> str:
    """unicodedata.normalize("NFC", text), chunk by chunk: each chunk but the first starts at a
    line end. Normalization can be done piecewise at a character with a boundary before it (a
    starter that is NFC as it is: canonical combining class 0 and quick check Yes), which no
    character before it composes or reorders with, and a line end is one that composes with no
    character after it either (no composition pair holds it): so the chunks normalized and joined
    are the text normalized. (A chunk NFC already is returned as it is, without a copy.)"""
    parts, start, n = [], 0, len(text)
    while start < n:
        end = text.find("\n", start + NFC_CHUNK_CHARS)
        if end < 0:
            end = n
        parts.append(unicodedata.normalize("NFC", text[start:end]))
        start = end
    return "".join(parts)


def _has_controls(text: str, data: bytes | None = None) -> bool:
    """Whether CONTROL_RE finds anything in text, asked of its UTF-8 bytes (data, when given):
    byte operations and a search for a literal byte are several times faster than a
    character-class scan."""
    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    # (C1_UTF8_RE's matches open with the byte C2, which bytes' own search for one byte finds
    # several times faster than the pattern's scan: many pages hold none, only other non-ASCII)
    return len(data.translate(None, ASCII_CONTROL_BYTES)) != len(data) or \
        (not text.isascii() and b"\xc2" in data and C1_UTF8_RE.search(data) is not None)


def _skip_prolog(head: str) -> str:
    """head without leading whitespace, XML declaration and comments (linear: str.find only)."""
    pos, n = 0, len(head)
    for _ in range(1000):
        while pos < n and head[pos].isspace():
            pos += 1
        if head.startswith("<?xml", pos):
            end = head.find("?>", pos)
            pos = n if end < 0 else end + 2
        elif head.startswith("<!--", pos):
            end = head.find("-->", pos + 4)
            pos = n if end < 0 else end + 3
        else:
            break
    return head[pos:]


def detect_kind(text: str) -> str:
    """html for a document or a fragment (a bare <article> or <body>), markdown when its signs
    are common, else text."""
    head = text[:20000]
    rest = _skip_prolog(head)
    m = HTML_OPEN_RE.match(rest)
    if m and (m.group(0)[1:].lower().startswith(("!doctype", "html", "head")) or "</" in rest or "/>" in rest):
        return "html"
    tags = len(HTML_TAG_RE.findall(head))
    # (a text dump that opens with a stray tracking-pixel tag has a tag or two in hundreds of lines)
    if tags >= 3 and head.count("<") > 5 and head.lstrip().startswith("<") \
            and tags * HTML_LINES_PER_TAG_MAX >= head.count("\n") + 1:
        return "html"
    if len(MD_SIGNS_RE.findall(head)) >= 3:
        return "markdown"
    return "text"


def sniff(data: bytes | str, options: Options) -> Source:
    """Stage 1: turn raw input into decoded, normalised text of a known kind."""
    if isinstance(data, str):
        text, enc, utf8 = data, "str", None
        if len(text) > options.max_input_bytes:
            raise InputError(f"too large: more than {options.max_input_bytes} characters")
        text = fix_surrogates(text)
    else:
        if len(data) > options.max_input_bytes and not data.startswith(GZIP_MAGIC):
            raise InputError(f"too large: {len(data)} bytes (limit {options.max_input_bytes})")
        data = decompress(data, options.max_input_bytes)
        if not data or data.isspace():   # (not data.strip(): the same test, with no copy of the page)
            raise InputError("empty input")
        check_binary(data)
        declared = declared_charset(data) if options.input_format in ("auto", "html") else None
        text, enc, exact = _decode(data, declared)
        utf8 = data if exact else None   # (the text's UTF-8 form: normalize_text need not make it)
    text = text.lstrip("\ufeff")
    if not text or text.isspace():   # (as with the bytes: not text.strip(), without the copy)
        raise InputError("empty input")
    kind = options.input_format if options.input_format != "auto" else detect_kind(text)
    if kind == "html":
        # The parsers read line ends and odd characters themselves; the HTML path normalises
        # the text it extracts (far less than the page), so only NUL goes here.
        text = text.replace("\x00", "") if "\x00" in text else text
    else:
        text = normalize_text(text, utf8)
    if not text or text.isspace():
        raise InputError("empty input")
    return Source(text=text, kind=kind, encoding=enc)
