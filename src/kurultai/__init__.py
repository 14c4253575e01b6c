"""Kurultai: a platform for civil-society dialogue and follow-up."""
