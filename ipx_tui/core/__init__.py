"""The core: plain Python with no Textual import, shared by the CLI and the TUI."""
