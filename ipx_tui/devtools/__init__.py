"""Maintainer tools: regenerate the derived files in content/."""
