"""Uzbek formats."""
