"""Screens: the main reading screen and its modal helpers (help, links)."""
