"""Terminal helpers: the only place besides cli.py that imports rich. Everything goes to stderr."""
from __future__ import annotations

from rich.console import Console

err_console = Console(stderr=True, highlight=False, soft_wrap=True)
