"""Date and number formats per language, as each language writes them in running text.

Django finds ``<lang>/formats.py`` here first (``settings.FORMAT_MODULE_PATH``) and falls back to its own.
Month names come from the ``E`` code: Django's "alt. month" names, made lowercase and in their running-text
form for Central Asian languages by the catalogues in ``locale_libraries/``.
"""
