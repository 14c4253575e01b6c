"""How consultations and positions appear in the search index; hidden positions and drafts never."""

from django.utils.translation import gettext_lazy as _

from kurultai.core.search import Entry, register
from kurultai.dialogue.models import Consultation, Contribution, Position


def describe_consultation(item: Consultation) -> Entry:
    return Entry(
        title=dict(item.title),
        body=dict(item.question.texts() or {"en": ""}),
        url=item.get_absolute_url(),
        original_language=item.original_language,
    )


def describe_position(item: Position) -> Entry:
    version = item.current
    language = version.language if version else "en"
    return Entry(
        title={language: version.title if version else item.slug},
        body={language: f"{version.text if version else ''} {item.organisation.name}"},
        url=item.get_absolute_url(),
        original_language=language,
        public=item.is_public,
    )


def describe_contribution(item: Contribution) -> Entry:
    who = str(item.organisation.name) if item.organisation_id else ""
    return Entry(
        title={item.language: str(item.consultation.title)},
        body={item.language: f"{item.text} {who}".strip()},
        url=item.get_absolute_url(),
        original_language=item.language,
        public=not item.is_hidden and not item.held_for_review,
    )


def connect() -> None:
    register("consultation", Consultation, describe_consultation, _("Consultation"))
    register(
        "position",
        Position,
        describe_position,
        _("Position"),
        queryset=lambda: Position.objects.select_related("current", "organisation"),
    )
    register(
        "contribution",
        Contribution,
        describe_contribution,
        _("Contribution to a consultation"),
        queryset=lambda: Contribution.objects.select_related("consultation", "organisation"),
        weight=0.5,
    )
