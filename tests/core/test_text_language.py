"""A contribution is marked with the language it was written in, whatever the page's language."""

import pytest

from kurultai.followup.models import Assessment
from kurultai.organisations.models import Membership, Organisation, PartnerInterest, PartnerRequest
from tests.factories import RecommendationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def representative():
    user = UserFactory()
    organisation = Organisation.objects.create(slug="watch", name={"en": "Watch"})
    Membership.objects.create(user=user, organisation=organisation, status="approved")
    return user, organisation


def test_the_language_choice_defaults_to_the_page_language(client, representative):
    user, _organisation = representative
    rec = RecommendationFactory()
    client.force_login(user)
    html = client.get(f"/ru/recommendations/{rec.pk}/assess/").content.decode()
    assert 'name="text_language"' in html
    assert '<option value="ru" selected>' in html


def test_a_russian_assessment_typed_on_an_english_page_is_russian(client, representative):
    user, organisation = representative
    rec = RecommendationFactory()
    client.force_login(user)
    response = client.post(
        f"/en/recommendations/{rec.pk}/assess/",
        {
            "organisation": organisation.pk,
            "status": "not_started",
            "text": "Ничего не сделано.",
            "text_language": "ru",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assessment = Assessment.objects.get()
    assert assessment.original_language == "ru"
    assert dict(assessment.text) == {"ru": "Ничего не сделано."}
    html = client.get(rec.get_absolute_url()).content.decode()
    assert '<p lang="ru">Ничего не сделано.</p>' in html


def test_a_partner_request_typed_only_in_russian_is_russian(client, representative):
    user, organisation = representative
    client.force_login(user)
    client.post(
        f"/en/organisations/{organisation.slug}/partners/new/",
        {"title_ru": "Ищем партнёров", "purpose_ru": "Компостирование в трёх городах."},
    )
    assert PartnerRequest.objects.get().original_language == "ru"


def test_an_answer_to_a_partner_request_keeps_its_language(client, representative):
    user, organisation = representative
    other = Organisation.objects.create(slug="other", name={"en": "Other"})
    request = PartnerRequest.objects.create(organisation=other, title={"en": "Partners"}, purpose={"en": "x"})
    client.force_login(user)
    client.post(
        request.get_absolute_url(),
        {"organisation": organisation.pk, "message": "Мы компостируем в Нарыне.", "text_language": "ru"},
    )
    assert PartnerInterest.objects.get().language == "ru"
