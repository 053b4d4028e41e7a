"""The browser's colours."""

from __future__ import annotations

import os

from textual.theme import Theme


def no_color() -> bool:
    """Whether the reader asked for no colour (NO_COLOR set, as Textual itself reads it).

    Textual then filters colours out of every frame. Its filter for a theme of true colours
    (Monochrome) turns the 16-colour theme's text into colour 16, black, invisible on a dark
    terminal; its filter for ANSI themes (NoColor) resets every colour to the terminal's
    default, which reads on any background. The app asks for the second (``ansi_color``), and
    app.tcss says with attributes (``:nocolor`` rules) what colours said.
    """
    return os.environ.get("NO_COLOR") is not None

# Colours from the terminal's own 16-colour palette, so the app looks right on 16, 256 and
# true-colour terminals alike, on a dark or a light background.
THEME = Theme(
    name="ipx",
    ansi=True,
    primary="ansi_blue",
    secondary="ansi_cyan",
    accent="ansi_yellow",
    warning="ansi_yellow",
    error="ansi_red",
    success="ansi_green",
    foreground="ansi_default",
    background="ansi_default",
    surface="ansi_default",
    panel="ansi_default",
    boost="ansi_default",
    dark=True,
    variables={
        "ansi-background": "ansi_black",
        "ansi-foreground": "ansi_white",
        "block-cursor-foreground": "ansi_black",
        "block-cursor-background": "ansi_cyan",
        "block-cursor-blurred-foreground": "ansi_default",
        "block-cursor-blurred-background": "ansi_default",
        "border": "ansi_cyan",
        "border-blurred": "ansi_bright_black",
        "footer-key-foreground": "ansi_yellow",
        "footer-background": "ansi_default",
        "footer-foreground": "ansi_default",
        "footer-description-foreground": "ansi_default",
        "input-cursor-background": "ansi_white",
        "input-cursor-foreground": "ansi_black",
        "input-selection-background": "ansi_blue",
        "scrollbar": "ansi_bright_black",
        "scrollbar-background": "ansi_default",
        "scrollbar-corner-color": "ansi_default",
        "link-color": "ansi_default",
    },
)
