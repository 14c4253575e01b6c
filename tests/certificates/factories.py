"""Factories for certificates."""

import factory

from kurultai.certificates.models import Certificate
from tests.factories import UserFactory


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    kind = Certificate.Kind.ATTENDANCE
    holder = factory.SubFactory(UserFactory)
    holder_name = factory.Sequence(lambda n: f"Holder {n}")
    title = "Test Forum 2027"
    issuer = "Test organisers"
    language = "en"
