"""Following from the pages people read, "What you follow" with real names, and one-click unsubscribe."""

from __future__ import annotations

import re

import pytest

from kurultai.accounts.services import erase_account, personal_data
from kurultai.notifications import services
from kurultai.notifications.models import Subscription
from tests.factories import ForumFactory, RecommendationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_follow_a_forum_from_its_page_and_stop_from_what_you_follow(client):
    forum = ForumFactory(title={"en": "Almaty Forum 2021"})
    member = UserFactory()
    client.force_login(member)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert "Follow this forum" in page
    response = client.post("/en/follow/", {"kind": "forum", "key": forum.slug, "next": forum.get_absolute_url()})
    assert response.status_code == 302 and response["Location"] == forum.get_absolute_url()
    assert "Stop following" in client.get(forum.get_absolute_url()).content.decode()
    # A second click on the same (stale) button toggles back instead of failing.
    following = client.get("/en/account/notifications/").content.decode()
    assert "Almaty Forum 2021" in following and "Forum:" in following
    subscription = Subscription.objects.get(user=member)
    client.post(f"/en/account/notifications/{subscription.pk}/", {"stop": "1"})
    assert not Subscription.objects.filter(user=member).exists()


def test_visitors_are_asked_to_sign_in_and_unknown_things_are_refused(client):
    forum = ForumFactory()
    assert "Sign in to follow" in client.get(forum.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    assert client.post("/en/follow/", {"kind": "planet", "key": "mars"}).status_code == 400
    assert client.post("/en/follow/", {"kind": "forum", "key": "no-such-forum"}).status_code == 400
    assert client.post("/en/follow/", {"kind": "recommendation", "key": "99999999999999999999"}).status_code == 400


def test_the_recommendation_and_organisation_pages_have_a_follow_button(client):
    from kurultai.organisations.models import Organisation

    rec = RecommendationFactory()
    org = Organisation.objects.create(slug="green-steppe", name={"en": "Green Steppe"}, type="ngo")
    client.force_login(UserFactory())
    assert "Follow this recommendation" in client.get(rec.get_absolute_url()).content.decode()
    page = client.get(org.get_absolute_url())
    assert page.status_code == 200 and "Follow this organisation" in page.content.decode()


def test_subscribe_to_a_filtered_stream_and_change_its_channels(client):
    member = UserFactory(email_digest="weekly")
    client.force_login(member)
    form = client.get("/en/account/notifications/new/?stream=followup&country=KG&addressee=governments")
    assert form.status_code == 200
    html = form.content.decode()
    assert re.search(r'<input[^>]*value="KG"[^>]*checked', html)  # the page's filters are pre-ticked
    assert not re.search(r'<input[^>]*value="TJ"[^>]*checked', html)
    refused = client.post("/en/account/notifications/new/", {"stream": "followup", "frequency": "daily"})
    assert refused.status_code == 200 and "Choose at least one filter" in refused.content.decode()
    client.post(
        "/en/account/notifications/new/",
        {
            "stream": "followup",
            "dim_country": ["KG"],
            "dim_addressee": ["governments"],
            "channels": ["email"],
            "frequency": "weekly",
        },
    )
    subscription = Subscription.objects.get(user=member)
    assert subscription.terms_dict == {"addressee": ["governments"], "country": ["KG"], "stream": ["followup"]}
    page = client.get("/en/account/notifications/").content.decode()
    assert "Kyrgyzstan" in page and "Follow-up of recommendations" in page
    client.post(
        f"/en/account/notifications/{subscription.pk}/",
        {f"s{subscription.pk}-frequency": "daily", f"s{subscription.pk}-channels": []},
    )
    subscription.refresh_from_db()
    assert subscription.frequency == "daily" and subscription.channels == []
    # A channel that does not exist is refused and nothing changes.
    client.post(
        f"/en/account/notifications/{subscription.pk}/",
        {f"s{subscription.pk}-frequency": "hourly", f"s{subscription.pk}-channels": ["pigeon"]},
    )
    subscription.refresh_from_db()
    assert subscription.frequency == "daily"


def test_one_click_unsubscribe_works_without_signing_in(client):
    member = UserFactory()
    forum = ForumFactory()
    subscription = services.subscribe(user=member, terms={"forum": [forum.slug]}, channels=["email"])
    url = services.unsubscribe_url(member.pk, "email", [subscription.pk], "en")
    path = url.split("://", 1)[1].split("/", 1)[1]
    confirm = client.get(f"/{path}")
    assert confirm.status_code == 200 and "Unsubscribe" in confirm.content.decode()
    done = client.post(f"/{path}", "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert done.status_code == 200
    subscription.refresh_from_db()
    assert subscription.channels == []  # still followed on the platform, no more email
    broken = client.post(f"/{path[:-5]}xxxx/")
    assert broken.status_code == 400 and "does not work" in broken.content.decode()


def test_download_my_data_has_the_follows_and_erasure_leaves_none():
    member = UserFactory()
    forum = ForumFactory()
    services.subscribe(user=member, terms={"forum": [forum.slug]}, channels=["email"])
    data = personal_data(member)
    assert data["subscriptions"][0]["signature"] == f"forum={forum.slug}"
    erase_account(member)
    assert not Subscription.objects.filter(user=member).exists()


def test_every_model_pointing_at_a_person_is_declared():
    from django.core import checks

    errors = [e for e in checks.run_checks() if e.id == "kurultai.E001"]
    assert errors == []


def test_an_undeclared_personal_data_model_fails_the_check(settings):
    from django.apps import apps
    from django.db import models

    from kurultai.core.privacy import check_personal_data_declared

    class Diary(models.Model):
        author = models.ForeignKey("accounts.User", on_delete=models.CASCADE)

        class Meta:
            app_label = "notifications"

        def __str__(self) -> str:
            return "diary"

    Diary.__module__ = "kurultai.notifications.models"
    try:
        errors = check_personal_data_declared()
        assert any("Diary.author" in e.msg for e in errors)
    finally:
        del apps.all_models["notifications"]["diary"]
        apps.clear_cache()
