"""``python -m ipx_tui``."""

from ipx_tui.cli import main

raise SystemExit(main())
