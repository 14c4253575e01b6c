"""Factories of the organisers' workspace records (speakers and their session roles)."""

import factory

from kurultai.forums import models
from tests.factories import SessionFactory


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Speaker

    name = factory.Sequence(lambda n: {"en": f"Speaker Number{n}"})
    position = factory.LazyFunction(lambda: {"en": "Director"})
    organisation_name = factory.LazyFunction(lambda: {"en": "Steppe Institute"})


class AppearanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Appearance

    session = factory.SubFactory(SessionFactory)
    forum = factory.LazyAttribute(lambda a: a.session.forum)
    speaker = factory.SubFactory(SpeakerFactory)
    role = models.Appearance.Role.SPEAKER
