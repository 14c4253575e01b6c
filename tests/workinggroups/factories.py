"""Factories of working groups, plans, actions and indicators."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from tests.factories_more import OrganisationFactory


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workinggroups.WorkingGroup"
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"group-{n}")
    title = factory.Sequence(lambda n: {"en": f"Working group {n}"})
    original_language = "en"

    @factory.post_generation
    def conveners(self, create, extracted, **kwargs):
        if create and extracted:
            self.conveners.add(*extracted)


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workinggroups.GroupMembership"

    group = factory.SubFactory(WorkingGroupFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = "approved"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workinggroups.Meeting"

    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: {"en": f"Meeting {n}"})
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    time_zone = "Asia/Bishkek"
    online_url = "https://meet.example.org/wg"
    original_language = "en"


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workinggroups.ActionPlan"

    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: {"en": f"Regional action plan {n}"})
    original_language = "en"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workinggroups.Action"
        skip_postgeneration_save = True

    plan = factory.SubFactory(ActionPlanFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: {"en": f"Action {n}"})
    original_language = "en"
    starts_on = dt.date(2026, 1, 1)
    due_on = dt.date(2027, 12, 31)

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.add(*extracted)

    @factory.post_generation
    def recommendations(self, create, extracted, **kwargs):
        if create and extracted:
            self.recommendations.add(*extracted)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workinggroups.Indicator"

    action = factory.SubFactory(ActionFactory)
    name = factory.Sequence(lambda n: {"en": f"Indicator {n}"})
    unit = "centres"
    baseline = Decimal("0")
    target = Decimal("10")
    original_language = "en"
