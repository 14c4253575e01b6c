"""The library's URLs for the role matrix (tests/test_permissions.py) and the bad-input walk (tests/urlmap.py)."""

from typing import Any

PUBLIC = "200 200 200 200 200 200 200"
SIGNED_IN_MANAGERS = "302L 403 403 403 200 403 200"
POST_ONLY = "302L 405 405 405 405 405 405"


def _publication(world: dict[str, Any]) -> int:
    from kurultai.library.models import Publication

    return Publication.objects.published().filter(is_demo=True, type="monograph").values_list("pk", flat=True).first()


def _file(world: dict[str, Any]) -> int:
    from kurultai.library.models import PublicationFile

    return PublicationFile.objects.filter(publication__status="published").values_list("pk", flat=True).first()


def _interview(world: dict[str, Any]) -> int:
    from kurultai.library.models import Interview

    return Interview.objects.published().values_list("pk", flat=True).first()


def _project(world: dict[str, Any]) -> str:
    from kurultai.library.demo import PROJECT_SLUG

    return PROJECT_SLUG


EXPECTED_PAGES = {
    "library:publications": PUBLIC,
    "library:publication": PUBLIC,
    "library:cite[bib]": PUBLIC,
    "library:cite[ris]": PUBLIC,
    "library:cite[json]": PUBLIC,
    "library:feed": PUBLIC,
    "library:feed_type": PUBLIC,
    "library:feed_theme": PUBLIC,
    "library:file": PUBLIC,
    "library:thumbnail": PUBLIC,
    "library:interviews": PUBLIC,
    "library:interview": PUBLIC,
    "library:interview_audio": "404 404 404 404 404 404 404",  # the demo interviews have transcripts, no audio
    "library:projects": PUBLIC,
    "library:project": PUBLIC,
    "library:publication_new": SIGNED_IN_MANAGERS,
    "library:publication_edit": SIGNED_IN_MANAGERS,
    "library:publication_files": SIGNED_IN_MANAGERS,
    "library:interview_new": SIGNED_IN_MANAGERS,
    "library:interview_publish": POST_ONLY,
    "api-1:list_publications": PUBLIC,
    "api-1:get_publication": PUBLIC,
    "api-1:list_interviews": PUBLIC,
    "api-1:get_interview": PUBLIC,
    "api-1:list_research_projects": PUBLIC,
    "api-1:get_research_project": PUBLIC,
}

SAMPLES = {
    "library:publication": lambda w: [{"pk": _publication(w)}],
    "library:publication_edit": lambda w: [{"pk": _publication(w)}],
    "library:publication_files": lambda w: [{"pk": _publication(w)}],
    "library:cite": lambda w: [{"pk": _publication(w), "fmt": fmt} for fmt in ("bib", "ris", "json")],
    "library:feed_type": lambda w: [{"type": "monograph"}],
    "library:feed_theme": lambda w: [{"slug": "regional-cooperation"}],
    "library:file": lambda w: [{"pk": _file(w)}],
    "library:thumbnail": lambda w: [{"pk": _file(w)}],
    "library:interview": lambda w: [{"pk": _interview(w)}],
    "library:interview_audio": lambda w: [{"pk": _interview(w)}],
    "library:interview_publish": lambda w: [{"pk": _interview(w)}],
    "library:project": lambda w: [{"slug": _project(w)}],
    "api-1:get_publication": lambda w: [{"publication_id": _publication(w)}],
    "api-1:get_interview": lambda w: [{"interview_id": _interview(w)}],
    "api-1:get_research_project": lambda w: [{"slug": _project(w)}],
}
