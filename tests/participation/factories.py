"""Factories for calls for participants and registrations."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from kurultai.participation.models import Call, Question, Registration
from tests.factories import ForumFactory, UserFactory


class CallFactory(factory.django.DjangoModelFactory):
    """An open first-come call with 2 in-person seats and 50 online places, for a forum in 30 days."""

    class Meta:
        model = Call

    forum = factory.SubFactory(
        ForumFactory, start_date=factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    )
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=20))
    capacity_in_person = 2
    capacity_online = 50
    issuer = "Test organisers"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    call = factory.SubFactory(CallFactory)
    kind = Question.Kind.TEXT
    label = factory.LazyFunction(lambda: {"en": "Why do you want to take part?", "ru": "Почему вы хотите участвовать?"})


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    call = factory.SubFactory(CallFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.ACCEPTED
    format = "in_person"
    name = factory.Sequence(lambda n: f"Participant {n}")
    organisation_type = "cso"
    gender = "woman"
    age_band = "25_34"
