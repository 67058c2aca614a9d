"""Regenerate the manifests derived from contracts/ (see rangkui_deploy.generate)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rangkui_deploy.generate import main

if __name__ == "__main__":
    sys.exit(main())
