"""Make `rangkui_deploy` (deploy/rangkui_deploy) importable by the deployment tests."""

import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[1]
if str(DEPLOY) not in sys.path:
    sys.path.insert(0, str(DEPLOY))
