"""Factories for the models ``tests.factories`` does not cover: directory, follow-up, accounts and core records."""

import datetime as dt

import factory

from kurultai.core.models import Country
from kurultai.forums.models import Addressee
from tests.factories import RecommendationFactory, SessionFactory, UserFactory


class CountryFactory(factory.django.DjangoModelFactory):
    """A country outside the seeded taxonomy (codes XA–XZ are reserved for user assignment)."""

    class Meta:
        model = "core.Country"
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"X{chr(65 + n % 26)}")
    name = factory.Sequence(lambda n: {"en": f"Testland {n}"})


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "core.Theme"

    slug = factory.Sequence(lambda n: f"test-theme-{n}")
    name = factory.Sequence(lambda n: {"en": f"Test theme {n}"})


class SDGFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "core.SDG"
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: 1 + n % 17)
    name = factory.LazyAttribute(lambda o: {"en": f"Goal {o.number}"})


class AuditEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "core.AuditEntry"

    actor = factory.SubFactory(UserFactory)
    action = "admin.change"
    object_type = "organisations.Organisation"
    object_id = factory.Sequence(str)


class SearchDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "core.SearchDocument"

    kind = "organisation"
    object_id = factory.Sequence(lambda n: n + 1)
    url = factory.LazyAttribute(lambda o: f"/en/organisations/doc-{o.object_id}/")
    title = factory.LazyFunction(lambda: {"en": "A searchable record"})
    folded = "a searchable record"


class LegalDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.LegalDocument"

    kind = "terms"
    version = factory.Sequence(lambda n: 100 + n)
    title = factory.LazyFunction(lambda: {"en": "Terms of use"})
    body = factory.LazyFunction(lambda: {"en": "Be kind."})


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.Consent"

    user = factory.SubFactory(UserFactory)
    document = factory.SubFactory(LegalDocumentFactory)


class DataExportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.DataExport"

    user = factory.SubFactory(UserFactory)


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisations.Network"

    slug = factory.Sequence(lambda n: f"network-{n}")
    name = factory.Sequence(lambda n: {"en": f"Network {n}"})


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisations.Organisation"

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: {"en": f"Organisation {n}", "ru": f"Организация {n}"})
    type = "cso"
    country = factory.LazyFunction(lambda: Country.objects.get(code="KZ"))


class MembershipFactory(factory.django.DjangoModelFactory):
    """An approved representative unless ``status`` or ``role`` say otherwise."""

    class Meta:
        model = "organisations.Membership"

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "representative"
    status = "approved"


class PartnerRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisations.PartnerRequest"

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: {"en": f"Partners wanted {n}"})
    purpose = factory.LazyFunction(lambda: {"en": "A joint project on water."})
    deadline = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=60))


class PartnerInterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisations.PartnerInterest"

    request = factory.SubFactory(PartnerRequestFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    message = "We would like to join."


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.Speaker"

    name = factory.Sequence(lambda n: {"en": f"Speaker {n}"})


class AppearanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.Appearance"

    session = factory.SubFactory(SessionFactory)
    forum = factory.LazyAttribute(lambda o: o.session.forum)
    speaker = factory.SubFactory(SpeakerFactory)


class AddresseeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.Addressee"

    code = factory.Sequence(lambda n: f"addressee-{n}")
    name = factory.Sequence(lambda n: {"en": f"Addressee {n}"})


def governments() -> Addressee:
    """The seeded "national governments" addressee that ``RecommendationFactory`` tags."""
    return Addressee.objects.get(code="governments")


class ResponsibleActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "followup.ResponsibleActor"

    recommendation = factory.SubFactory(RecommendationFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class ResponseFactory(factory.django.DjangoModelFactory):
    """An official response: given by an organisation linked to the addressee."""

    class Meta:
        model = "followup.Response"

    recommendation = factory.SubFactory(RecommendationFactory)
    addressee = factory.LazyFunction(governments)
    organisation = factory.SubFactory(OrganisationFactory, type="government")
    status = "accepted"
    text = factory.LazyFunction(lambda: {"en": "We accept."})

    @factory.post_generation
    def link(self, create, extracted, **kwargs):
        if create and self.organisation_id:
            self.addressee.organisations.add(self.organisation)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "followup.ProgressUpdate"

    recommendation = factory.SubFactory(RecommendationFactory)
    status = "in_progress"
    text = factory.LazyFunction(lambda: {"en": "Work has started."})
    reporter = "actor"
    organisation = factory.SubFactory(OrganisationFactory)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "followup.Assessment"

    recommendation = factory.SubFactory(RecommendationFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = "not_started"
    text = factory.LazyFunction(lambda: {"en": "Nothing has happened yet."})


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "followup.Evidence"

    update = factory.SubFactory(ProgressUpdateFactory)
    url = "https://example.org/report"
    title = "Report"


class RecurrenceLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "followup.RecurrenceLink"

    earlier = factory.SubFactory(RecommendationFactory, session__forum__start_date=dt.date(2019, 5, 1))
    recommendation = factory.SubFactory(RecommendationFactory, session__forum__start_date=dt.date(2023, 5, 1))
    similarity = 0.5
