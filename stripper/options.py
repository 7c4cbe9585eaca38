"""One options object, built once (by the CLI or the caller) and passed down every stage.

Every threshold is a *_DEFAULT constant mirrored by an Options field of the same name, so
tests and callers can move one knob at a time. Values were tuned on the development corpus
with scripts/bench_devset.py (figures in the README)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

INPUT_FORMATS = ("auto", "text", "markdown", "html")

# Inputs larger than this are refused (bytes, after decompression).
MAX_INPUT_BYTES_DEFAULT = 20_000_000
# An article must hold at least this many characters of kept text, else "no article".
MIN_ARTICLE_CHARS_DEFAULT = 80
# jusText-style classification thresholds (characters / ratios).
LENGTH_LOW_DEFAULT = 70
LENGTH_HIGH_DEFAULT = 200
STOPWORDS_LOW_DEFAULT = 0.30
STOPWORDS_HIGH_DEFAULT = 0.32
MAX_LINK_DENSITY_DEFAULT = 0.4   # share of a block inside links above which it is navigation (markdown, HTML)


@dataclass(frozen=True, slots=True)
class Options:
    input_format: str = "auto"
    url: str | None = None
    source: str | None = None          # a name for the input (file path), echoed in output
    language: str | None = None        # ISO 639-1; None = detect
    select: tuple[str, ...] = ()       # rule id prefixes to run (empty = all)
    ignore: tuple[str, ...] = ()       # rule id prefixes to skip
    max_input_bytes: int = MAX_INPUT_BYTES_DEFAULT
    min_article_chars: int = MIN_ARTICLE_CHARS_DEFAULT
    length_low: int = LENGTH_LOW_DEFAULT
    length_high: int = LENGTH_HIGH_DEFAULT
    stopwords_low: float = STOPWORDS_LOW_DEFAULT
    stopwords_high: float = STOPWORDS_HIGH_DEFAULT
    max_link_density: float = MAX_LINK_DENSITY_DEFAULT
    # ISO date (YYYY-MM-DD): a date later than this is not a publication date. None = no
    # reference, the fixed fallback (htmlmeta.MAX_DATE_DEFAULT); never the day of the run.
    reference_date: str | None = None

    def __post_init__(self):
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(f"input_format must be one of {', '.join(INPUT_FORMATS)}")
        if self.reference_date is not None and not _is_iso_date(self.reference_date):
            raise ValueError("reference_date must be an ISO date, YYYY-MM-DD")


def _is_iso_date(value) -> bool:
    try:
        return isinstance(value, str) and len(value) == 10 and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False
