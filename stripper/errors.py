"""Library exceptions. The library raises these; only the CLI turns them into exit codes."""


class StripperError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(StripperError):
    """The input could not be read as a page: empty, binary, too large, undecodable."""


class NoArticleError(StripperError):
    """The page was read, but no article was found in it. .result holds what was found."""

    def __init__(self, message: str, result=None):
        super().__init__(message)
        self.result = result
