"""Kazakh formats."""
