"""Factories of consultations, contributions and positions (and the organisations and people acting in them)."""

from __future__ import annotations

import factory

from kurultai.dialogue.models import Consultation, Contribution, Paragraph, Position, PositionVersion
from kurultai.organisations.models import Membership, Organisation
from tests.factories import UserFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"cso-{n}")
    name = factory.Sequence(lambda n: {"en": f"CSO {n}"})


def representative_of(organisation: Organisation | None = None, **kwargs):
    """A member approved to act for ``organisation`` (a new one when not given)."""
    organisation = organisation or OrganisationFactory()
    user = UserFactory(**kwargs)
    Membership.objects.create(user=user, organisation=organisation, status=Membership.Status.APPROVED)
    return user, organisation


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    slug = factory.Sequence(lambda n: f"consultation-{n}")
    title = factory.Sequence(lambda n: {"en": f"Consultation {n}"})
    question = {"en": "What should the regional action plan on water do first?"}
    phase = Consultation.Phase.OPEN


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    consultation = factory.SubFactory(ConsultationFactory, kind=Consultation.Kind.DOCUMENT)
    number = factory.Sequence(lambda n: n + 1)
    text = {"en": "Action 1: publish river basin data every month."}


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    consultation = factory.SubFactory(ConsultationFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Contribution number {n}")
    language = "en"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    slug = factory.Sequence(lambda n: f"position-{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    status = Position.Status.SIGNING

    @factory.post_generation
    def version(self, create, extracted, **kwargs):
        if create:
            self.current = PositionVersion.objects.create(
                position=self,
                number=1,
                title=f"Position {self.slug}",
                text="We ask for open water data.",
                language="en",
            )
            self.save(update_fields=["current"])
