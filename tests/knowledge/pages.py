"""The knowledge hub's URLs for the every-URL walk (tests/test_permissions.py and tests/urlmap.py).

Columns: visitor, member, representative, organisation_admin, editor, moderator, administrator. Editors (and the
administrator) review and publish when no hub role is granted; the demo practice "Internet and digital skills for
remote villages" has a second version waiting for a reviewer."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile

PUBLIC = "200 200 200 200 200 200 200"
SIGNED_IN = "302L 200 200 200 200 200 200"
POST_ONLY = "302L 405 405 405 405 405 405"
EDITORS = "302L 403 403 403 200 403 200"
REPRESENTATIVES = "302L 403 200 200 403 403 200"  # the administrator of the world represents an organisation

EXPECTED_PAGES = {
    "knowledge:home": PUBLIC,
    "knowledge:practices": PUBLIC,
    "knowledge:feed": PUBLIC,
    "knowledge:theme_feed": PUBLIC,
    "knowledge:practice": PUBLIC,
    "knowledge:practice_print": PUBLIC,
    "knowledge:practice_docx": PUBLIC,
    "knowledge:practice_version": PUBLIC,
    "knowledge:template": PUBLIC,
    "knowledge:block": PUBLIC,
    "knowledge:photo": PUBLIC,
    "knowledge:sites": PUBLIC,
    "knowledge:site": PUBLIC,
    "knowledge:practice_new": SIGNED_IN,
    "knowledge:mine": SIGNED_IN,
    "knowledge:upload": SIGNED_IN,
    "knowledge:practice_contact": SIGNED_IN,
    "knowledge:site_visit": SIGNED_IN,
    "knowledge:practice_photo": POST_ONLY,
    "knowledge:site_photo": POST_ONLY,
    "knowledge:review": EDITORS,
    "knowledge:roles": EDITORS,
    "knowledge:practice_draft": EDITORS,
    "knowledge:practice_edit": EDITORS,
    "knowledge:site_new": EDITORS,
    "knowledge:site_edit": EDITORS,
    "knowledge:site_propose": REPRESENTATIVES,
    "knowledge:site_proposals": SIGNED_IN,
    "knowledge:site_decide": POST_ONLY,
    "api-1:list_practices": PUBLIC,
    "api-1:get_practice": PUBLIC,
    "api-1:list_sites": PUBLIC,
    "api-1:get_site": PUBLIC,
}


def _practice(world: dict[str, Any]) -> int:
    from kurultai.knowledge.models import Practice

    return Practice.objects.get(is_demo=True, current__title__en="Internet and digital skills for remote villages").pk


def _version(world: dict[str, Any]) -> dict[str, int]:
    from kurultai.knowledge.models import Practice

    practice = Practice.objects.select_related("current").get(pk=_practice(world))
    return {"pk": practice.pk, "number": practice.current.number}


def _block(world: dict[str, Any]) -> int:
    from kurultai.knowledge.models import BuildingBlock

    return BuildingBlock.objects.get(is_demo=True, title__en="Village wifi point").pk


def _site(world: dict[str, Any]) -> int:
    from kurultai.knowledge.models import DemoSite

    return DemoSite.objects.filter(is_demo=True, status="published").order_by("pk").values_list("pk", flat=True)[0]


def _photo(world: dict[str, Any]) -> int:
    from kurultai.knowledge.models import Photo, Practice

    version = Practice.objects.get(pk=_practice(world)).current
    photo = Photo.objects.filter(version=version).first()
    if photo is None:
        photo = Photo(version=version, alt="Village club", content_type="image/png")
        photo.image.save("p.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=False)
        photo.save()
    return photo.pk


SAMPLES = {
    "knowledge:theme_feed": lambda w: [{"slug": "water-saving"}],
    "knowledge:practice": lambda w: [{"pk": _practice(w)}],
    "knowledge:practice_print": lambda w: [{"pk": _practice(w)}],
    "knowledge:practice_docx": lambda w: [{"pk": _practice(w)}],
    "knowledge:practice_version": lambda w: [_version(w)],
    "knowledge:practice_draft": lambda w: [{"pk": _practice(w)}],
    "knowledge:practice_edit": lambda w: [{"pk": _practice(w)}],
    "knowledge:practice_photo": lambda w: [{"pk": _practice(w)}],
    "knowledge:practice_contact": lambda w: [{"pk": _practice(w)}],
    "knowledge:block": lambda w: [{"pk": _block(w)}],
    "knowledge:photo": lambda w: [{"pk": _photo(w)}],
    "knowledge:site": lambda w: [{"pk": _site(w)}],
    "knowledge:site_edit": lambda w: [{"pk": _site(w)}],
    "knowledge:site_photo": lambda w: [{"pk": _site(w)}],
    "knowledge:site_visit": lambda w: [{"pk": _site(w)}],
    "knowledge:site_decide": lambda w: [{"pk": _site(w)}],
    "api-1:get_practice": lambda w: [{"practice_id": _practice(w)}],
    "api-1:get_site": lambda w: [{"site_id": _site(w)}],
}
