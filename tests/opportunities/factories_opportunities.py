"""Factories for opportunities, donors and the people who act for organisations."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from kurultai.core.models import Country, Theme
from kurultai.opportunities.models import Opportunity
from tests.factories_more import MembershipFactory, OrganisationFactory

__all__ = ["MembershipFactory", "OpportunityFactory", "OrganisationFactory", "representative"]


class OpportunityFactory(factory.django.DjangoModelFactory):
    """A published call for proposals by an EU delegation, open to Tajikistan, about water, closing in 30 days."""

    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    kind = "call"
    stage = "open"
    status = "published"
    donor = factory.SubFactory(OrganisationFactory, type="eu")
    title = factory.Sequence(lambda n: {"en": f"Call for proposals number {n} on a subject {n * 7919}"})
    summary = factory.LazyFunction(lambda: {"en": "Support for civil society."})
    original_language = "en"
    deadline = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    time_zone = "Europe/Brussels"
    amount_min = 50000
    amount_max = 200000
    currency = "EUR"
    applicant_types = "local_ngo cbo"
    languages = "en ru"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create:
            self.eligible_countries.set(Country.objects.filter(code__in=extracted or ["TJ"]))

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            self.themes.set(Theme.objects.filter(slug__in=extracted or ["water-management"]))


def representative(organisation=None, **kwargs):
    """A person approved to act for an organisation (a new one unless given)."""
    membership = MembershipFactory(organisation=organisation or OrganisationFactory(), **kwargs)
    return membership.user
