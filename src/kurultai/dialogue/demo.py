"""Demo dialogue (all marked demo): an open consultation on a draft action plan, commented paragraph by paragraph
in English and Russian, and a position co-signed by three organisations, re-confirmed by two after an edit,
submitted to the EU and answered."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from kurultai.dialogue.models import (
    Consultation,
    ConsultationDocument,
    Contribution,
    Endorsement,
    Paragraph,
    Position,
    PositionVersion,
    Signature,
)
from kurultai.organisations.models import Membership, Organisation

NOTE = "\n\n*Demo content: invented for the demonstration.*"

PARAGRAPHS = [
    "1. Every country publishes river flow and water quality data of its monitoring stations each month, "
    "in an open format, so that civil society can follow the state of shared rivers.",
    "2. Districts with a high risk of mudflows and floods get an early-warning system that reaches villages by SMS "
    "and radio, run together with local volunteer groups.",
    "3. A regional fund of small grants supports CSO projects on water saving in agriculture, with simple "
    "application forms in national languages.",
    "4. The working group reports on progress once a year at the Central Asia Civil Society Forum.",
]

CONTRIBUTIONS = [
    # (token, email, organisation slug, paragraph number, language, text, reply to token)
    (
        "demo-1",
        "aigerim@demo.kurultai.example",
        "green-steppe",
        1,
        "en",
        "Monthly data is a good start, but during floods people need daily readings. Please add a daily feed for the "
        "stations upstream of towns.",
        None,
    ),
    (
        "demo-2",
        "bakyt@demo.kurultai.example",
        "mountain-water-users",
        1,
        "ru",
        "Водопользователям нужны данные не только о реках, но и о каналах. Предлагаем включить данные "
        "водохозяйственных организаций по каналам.",
        None,
    ),
    (
        "demo-3",
        "farrukh@demo.kurultai.example",
        "pamir-youth",
        2,
        "ru",
        "В горных кишлаках мобильная связь работает не везде. Нужны сирены и обученные волонтёры в каждом кишлаке.",
        None,
    ),
    (
        "demo-4",
        "aigerim@demo.kurultai.example",
        "",
        2,
        "en",
        "Agreed: sirens and trained volunteers; the SMS system should be the second channel, not the only one.",
        "demo-3",
    ),
    (
        "demo-5",
        "nodira@demo.kurultai.example",
        "womens-rights-tj",
        None,
        "en",
        "The plan should say who receives the warnings in a household: women are often at home alone with children "
        "during the day and must be reached directly.",
        None,
    ),
]

PEOPLE = [
    ("farrukh@demo.kurultai.example", "Farrukh (demo)", "pamir-youth"),
    ("nodira@demo.kurultai.example", "Nodira (demo)", "womens-rights-tj"),
]

POSITION_V1 = (
    "## Open data on shared rivers\n\n"
    "We, civil-society organisations of Central Asia, ask the European Union to support the **monthly** "
    "publication of river flow and water quality data by national hydrometeorological services, in open formats.\n\n"
    "## Early warning\n\n"
    "We ask that early-warning projects funded by the EU include local volunteer groups and reach villages "
    "without mobile coverage."
)
POSITION_V2 = POSITION_V1.replace("**monthly**", "**weekly** (daily during floods)") + (
    "\n\n## Women and early warning\n\nWarnings must reach women directly, including those without their own phone."
)


def _person(email: str, name: str, slug: str) -> Any:
    from kurultai.accounts.models import User

    user, created = User.objects.get_or_create(email=email, defaults={"display_name": name, "preferred_language": "ru"})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation:
        Membership.objects.update_or_create(
            user=user, organisation=organisation, defaults={"status": Membership.Status.APPROVED}
        )
    return user


def _group(slug: str) -> Any:
    from kurultai.workinggroups.models import WorkingGroup

    return WorkingGroup.objects.filter(slug=slug).first()


def _consultation(editor: Any) -> Consultation:
    consultation, _created = Consultation.objects.update_or_create(
        slug="draft-action-plan-water-climate",
        defaults={
            "title": {
                "en": "Draft regional action plan: water and climate (demo)",
                "ru": "Проект регионального плана действий: вода и климат (демо)",
            },
            "question": {
                "en": "The climate and environment working group asks for comments on its draft action plan, "
                "paragraph by paragraph." + NOTE,
                "ru": "Рабочая группа по климату и окружающей среде просит прокомментировать проект плана действий "
                "по пунктам.\n\n*Демонстрационные данные.*",
            },
            "kind": Consultation.Kind.DOCUMENT,
            "phase": Consultation.Phase.OPEN,
            "opens_at": timezone.now() - dt.timedelta(days=7),
            "deadline": dt.datetime(2027, 3, 31, 18, 0, tzinfo=dt.timezone(dt.timedelta(hours=6))),
            "time_zone": "Asia/Bishkek",
            "languages": "en,ru",
            "organiser": Organisation.objects.filter(slug="rncso-climate").first(),
            "working_group": _group("climate-and-environment"),
            "created_by": editor,
            "original_language": "en",
            "is_demo": True,
        },
    )
    for number, text in enumerate(PARAGRAPHS, 1):
        Paragraph.objects.update_or_create(
            consultation=consultation, number=number, defaults={"text": {"en": text}, "original_language": "en"}
        )
    if not consultation.documents.exists():
        _attach_draft(consultation)
    return consultation


def _attach_draft(consultation: Consultation) -> None:
    """The draft plan as a PDF, made here (DejaVu Sans, so Cyrillic prints too)."""
    from django.core.files.base import ContentFile

    from kurultai.certificates.pdf import FONT, Document
    from kurultai.core.uploads import generated_basename

    pdf = Document()
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 8, str(consultation.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=11)
    for text in PARAGRAPHS:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.multi_cell(0, 6, "Demo content.", new_x="LMARGIN", new_y="NEXT")
    content = bytes(pdf.output())
    document = ConsultationDocument(
        consultation=consultation,
        title="Draft action plan (PDF, demo)",
        content_type="application/pdf",
        size=len(content),
    )
    document.file.save(generated_basename("application/pdf"), ContentFile(content), save=False)
    document.save()


def _contributions(consultation: Consultation) -> int:
    from kurultai.accounts.models import User

    made: dict[str, Contribution] = {}
    for token, email, slug, number, language, text, reply_to in CONTRIBUTIONS:
        author = User.objects.filter(email=email).first()
        if author is None:
            continue
        made[token], _created = Contribution.objects.update_or_create(
            author=author,
            token=token,
            defaults={
                "consultation": consultation,
                "organisation": Organisation.objects.filter(slug=slug).first() if slug else None,
                "paragraph": consultation.paragraphs.filter(number=number).first() if number else None,
                "parent": made.get(reply_to) if reply_to else None,
                "language": language,
                "text": text,
                "is_demo": True,
            },
        )
    if "demo-1" in made:
        for slug in ("pamir-youth", "alternativa"):
            organisation = Organisation.objects.filter(slug=slug).first()
            if organisation:
                Endorsement.objects.get_or_create(contribution=made["demo-1"], organisation=organisation)
    return len(made)


def _position(editor: Any) -> Position | None:
    from kurultai.accounts.models import User
    from kurultai.forums.models import Addressee

    drafter = User.objects.filter(email="nodira@demo.kurultai.example").first()
    drafting = Organisation.objects.filter(slug="womens-rights-tj").first()
    eu = Addressee.objects.filter(code="eu").first()
    if drafter is None or drafting is None:
        return None
    position, _created = Position.objects.update_or_create(
        slug="open-river-data-and-early-warning",
        defaults={
            "organisation": drafting,
            "author": drafter,
            "status": Position.Status.SUBMITTED,
            "opened_at": timezone.now() - dt.timedelta(days=30),
            "submitted_at": timezone.now() - dt.timedelta(days=5),
            "is_demo": True,
        },
    )
    title = "Open river data and early warning for Central Asia (demo)"
    v1, _ = PositionVersion.objects.update_or_create(
        position=position, number=1, defaults={"title": title, "text": POSITION_V1 + NOTE, "language": "en"}
    )
    v2, _ = PositionVersion.objects.update_or_create(
        position=position, number=2, defaults={"title": title, "text": POSITION_V2 + NOTE, "language": "en"}
    )
    position.current = v2
    position.save(update_fields=["current"])
    if eu:
        position.addressees.set([eu])
    signers = {
        "green-steppe": "aigerim@demo.kurultai.example",
        "mountain-water-users": "bakyt@demo.kurultai.example",
        "pamir-youth": "farrukh@demo.kurultai.example",
    }
    for slug, email in signers.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        person = User.objects.filter(email=email).first()
        versions = [v1, v2] if slug != "mountain-water-users" else [v1]
        for version in versions:
            Signature.objects.get_or_create(
                version=version,
                organisation=organisation,
                defaults={"position": position, "signed_by": person, "is_demo": True},
            )
    if eu:
        _eu_response(position, eu, editor)
    return position


def _eu_response(position: Position, eu: Any, editor: Any) -> None:
    from kurultai.dialogue import tracking

    trackable = tracking.start(position, [eu])
    delegation = Organisation.objects.filter(slug="eu-delegation-kazakhstan").first()
    if trackable.responses.exists() or delegation is None or editor is None:
        return
    from kurultai.followup import services as followup

    eu.organisations.add(delegation)
    response = followup.post_response(
        editor,
        position,
        addressee=eu,
        organisation=delegation,
        status="partially_accepted",
        text="The EU Delegation supports open hydrological data and will raise weekly publication with partners; "
        "early-warning projects will be asked to involve local volunteer groups. (demo)",
        text_language="en",
    )
    if hasattr(response, "is_demo"):
        type(response).objects.filter(pk=response.pk).update(is_demo=True)


@transaction.atomic
def load() -> dict[str, int]:
    """Create or update the demo consultation, its contributions, and the co-signed position (safe to rerun)."""
    from kurultai.accounts.models import User

    for email, name, slug in PEOPLE:
        _person(email, name, slug)
    editor = User.objects.filter(email="editor@demo.kurultai.example").first()
    consultation = _consultation(editor)
    count = _contributions(consultation)
    position = _position(editor)
    return {
        "consultations": 1,
        "contributions": count,
        "positions": 1 if position else 0,
        "signatures": Signature.objects.filter(is_demo=True).count(),
    }
