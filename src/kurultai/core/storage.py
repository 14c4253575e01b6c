"""Static file storage: hashed, compressed files, tolerant of a missing manifest."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed names once ``collectstatic`` has run; plain names before that (tests, development)."""

    manifest_strict = False

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:
            return name
