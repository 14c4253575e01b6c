"""Turkmen formats."""
