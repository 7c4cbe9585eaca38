"""stripper: boilerplate stripper and article extractor for scraped pages (HTML, text and
markdown dumps). The library never imports typer or rich and never exits the process.

    >>> import stripper
    >>> art = stripper.strip(open("page.txt", "rb").read())
    >>> art.title, art.authors, art.text
"""
from __future__ import annotations

from .errors import InputError, NoArticleError, StripperError
from .model import Article, Result
from .options import Options
from .pipeline import run

__version__ = "0.1.0"
__all__ = ["strip", "run", "explain", "Article", "Result", "Options", "StripperError", "InputError",
           "NoArticleError", "__version__"]


def strip(data: bytes | str, *, input_format: str = "auto", url: str | None = None,
          source: str | None = None, language: str | None = None, options: Options | None = None) -> Article:
    """Extract the article from a page given as bytes or str.

    Raises InputError when the input is not a readable page (empty, binary, too large) and
    NoArticleError when no article is found in it."""
    if options is None:
        options = Options(input_format=input_format, url=url, source=source, language=language)
    return run(data, options).article


def explain(data: bytes | str, *, options: Options | None = None) -> Result:
    """Like strip(), but returns the whole Result (every block and verdict), even with no article."""
    try:
        return run(data, options or Options())
    except NoArticleError as e:
        if e.result is None:
            raise
        return e.result
