"""Tajik formats."""
