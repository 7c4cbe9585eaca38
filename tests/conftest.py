import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DEVSET = Path(os.environ.get("STRIPPER_DEVSET", ROOT.parent / "shared" / "devset"))
