"""`python -m rangkui_contracts`: the same commands as the `rangkui-contracts` script."""

from rangkui_contracts.cli import main

raise SystemExit(main())
