"""Render every Kustomize overlay and validate each object against the Kubernetes, Strimzi
and CloudNativePG schemas (tools are fetched and cached on first use; see
rangkui_deploy.toolchain)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rangkui_deploy.toolchain import main

if __name__ == "__main__":
    sys.exit(main())
