"""``python -m ipx_tui``."""

from ipx_tui.launch import main

raise SystemExit(main())
