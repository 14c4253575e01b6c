"""The dialogue URLs (and the shared moderation pages) for the every-URL walk. Samples are the demo's open
consultation on the draft water and climate plan and its position co-signed by three organisations, drafted by
"womens-rights-tj" and submitted (so nobody edits it any more); the role representative acts for "green-steppe",
which co-signed it."""

from __future__ import annotations

from typing import Any

PUBLIC = "200 200 200 200 200 200 200"
POST_ONLY = "302L 405 405 405 405 405 405"
EDITORS = "302L 403 403 403 200 403 200"

EXPECTED_PAGES = {
    "dialogue:consultations": PUBLIC,
    "dialogue:consultations_feed": PUBLIC,
    "dialogue:new_consultation": EDITORS,
    "dialogue:document": PUBLIC,
    "dialogue:endorse": POST_ONLY,
    "dialogue:consultation": PUBLIC,
    "dialogue:contributions_feed": PUBLIC,
    "dialogue:phase": POST_ONLY,
    "dialogue:report": EDITORS,
    "dialogue:report_file": "404 404 404 404 404 404 404",
    "dialogue:add_document": EDITORS,
    "dialogue:positions": PUBLIC,
    "dialogue:new_position": "302L 403 200 200 403 403 200",
    "dialogue:position": PUBLIC,
    "dialogue:edit_position": "302L 403 403 403 403 403 403",
    "dialogue:position_diff": PUBLIC,
    "dialogue:open_position": POST_ONLY,
    "dialogue:sign_position": POST_ONLY,
    "dialogue:submit_position": POST_ONLY,
    "dialogue:position_docx": PUBLIC,
    "dialogue:position_pdf": PUBLIC,
    "core:moderation_queue": "302L 403 403 403 403 200 200",
    "core:report": "302L 200 200 200 200 200 200",
    "api-1:list_consultations": PUBLIC,
    "api-1:get_consultation": PUBLIC,
    "api-1:list_contributions": PUBLIC,
    "api-1:list_positions": PUBLIC,
    "api-1:get_position": PUBLIC,
}

CONSULTATION = "draft-action-plan-water-climate"
POSITION = "open-river-data-and-early-warning"


def _consultation_id(world: dict[str, Any]) -> int:
    from kurultai.dialogue.models import Consultation

    return Consultation.objects.get(slug=CONSULTATION).pk


def _position_id(world: dict[str, Any]) -> int:
    from kurultai.dialogue.models import Position

    return Position.objects.get(slug=POSITION).pk


def _contribution_id(world: dict[str, Any]) -> int:
    from kurultai.dialogue.models import Contribution

    return Contribution.objects.filter(consultation__slug=CONSULTATION, is_demo=True).order_by("pk")[0].pk


def _document_id(world: dict[str, Any]) -> int:
    from kurultai.dialogue.models import ConsultationDocument

    return ConsultationDocument.objects.filter(consultation__slug=CONSULTATION).order_by("pk")[0].pk


SAMPLES = {
    "dialogue:document": lambda w: [{"pk": _document_id(w)}],
    "dialogue:endorse": lambda w: [{"pk": _contribution_id(w)}],
    "dialogue:consultation": lambda w: [{"slug": CONSULTATION}],
    "dialogue:contributions_feed": lambda w: [{"slug": CONSULTATION}],
    "dialogue:phase": lambda w: [{"slug": CONSULTATION}],
    "dialogue:report": lambda w: [{"slug": CONSULTATION}],
    "dialogue:report_file": lambda w: [{"slug": CONSULTATION}],
    "dialogue:add_document": lambda w: [{"slug": CONSULTATION}],
    "dialogue:position": lambda w: [{"slug": POSITION}],
    "dialogue:edit_position": lambda w: [{"slug": POSITION}],
    "dialogue:position_diff": lambda w: [{"slug": POSITION, "number": 2}],
    "dialogue:open_position": lambda w: [{"slug": POSITION}],
    "dialogue:sign_position": lambda w: [{"slug": POSITION}],
    "dialogue:submit_position": lambda w: [{"slug": POSITION}],
    "dialogue:position_docx": lambda w: [{"slug": POSITION}],
    "dialogue:position_pdf": lambda w: [{"slug": POSITION}],
    "core:report": lambda w: [{"label": "dialogue.contribution", "pk": _contribution_id(w)}],
    "api-1:get_consultation": lambda w: [{"consultation_id": _consultation_id(w)}],
    "api-1:list_contributions": lambda w: [{"consultation_id": _consultation_id(w)}],
    "api-1:get_position": lambda w: [{"position_id": _position_id(w)}],
}
