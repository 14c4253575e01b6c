"""Following: in-app news at once; email immediately, or one daily or weekly digest (one email, not fifty)."""

import pytest
from django.core import mail
from django.core.management import call_command

from kurultai.followup import services
from kurultai.followup.models import Follow, Notification
from kurultai.forums.models import Addressee, Recommendation
from kurultai.organisations.models import Membership, Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rec(demo):
    return Recommendation.objects.get(forum__slug="2021-almaty", session__number=4, position=2)


@pytest.fixture
def focal_point(demo):
    user = UserFactory(email="focal@carec.example")
    Membership.objects.create(user=user, organisation=Organisation.objects.get(slug="carec"), status="approved")
    return user


def test_follow_and_unfollow_from_the_page(client, rec):
    member = UserFactory()
    client.force_login(member)
    page = client.get(rec.get_absolute_url()).content.decode()
    assert "Follow this recommendation" in page
    client.post("/en/follow/", {"kind": "recommendation", "key": rec.pk, "next": rec.get_absolute_url()})
    assert Follow.objects.filter(user=member, kind="recommendation", key=str(rec.pk)).exists()
    assert "Stop following" in client.get(rec.get_absolute_url()).content.decode()
    client.post("/en/follow/", {"kind": "recommendation", "key": rec.pk, "next": "https://evil.example/"})
    assert not Follow.objects.filter(user=member).exists()
    assert client.post("/en/follow/", {"kind": "planet", "key": "mars"}).status_code == 400


def test_daily_digest_is_one_email_with_the_response_and_the_update(
    rec, focal_point, django_capture_on_commit_callbacks
):
    follower = UserFactory(email="watchdog@cso.example", email_digest="daily")
    Follow.objects.create(user=follower, kind="theme", key="climate-change")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_response(focal_point, rec, addressee=Addressee.objects.get(code="eu"), status="accepted")
        services.post_update(focal_point, rec, status="implemented", text="All modules online.", reporter="actor")
    assert mail.outbox == []  # nothing immediate for a daily digest
    assert Notification.objects.filter(user=follower).count() == 2
    assert not Notification.objects.filter(user=focal_point).exists()  # authors are not told of their own news
    call_command("send_digests", "daily", verbosity=0)
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["watchdog@cso.example"]
    assert "2021-S4-R2: new response from European Union — Accepted" in digest.body
    assert "2021-S4-R2: progress update — Implemented" in digest.body
    call_command("send_digests", "daily", verbosity=0)
    assert len(mail.outbox) == 1  # nothing is sent twice


def test_immediate_followers_get_each_event_in_their_language(rec, focal_point, django_capture_on_commit_callbacks):
    follower = UserFactory(email="now@cso.example", email_digest="immediate", preferred_language="ru")
    Follow.objects.create(user=follower, kind="forum", key="2021-almaty")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_update(focal_point, rec, status="in_progress", text="Next module.", reporter="actor")
    assert len(mail.outbox) == 1 and "Выполняется" in mail.outbox[0].subject


def test_weekly_and_never(rec, focal_point):
    weekly = UserFactory(email_digest="weekly")
    never = UserFactory(email_digest="never")
    for user in (weekly, never):
        Follow.objects.create(user=user, kind="country", key="KZ")
    services.post_update(focal_point, rec, status="in_progress", text="More.", reporter="actor")
    call_command("send_digests", "daily", verbosity=0)
    assert mail.outbox == []
    call_command("send_digests", "weekly", verbosity=0)
    assert [m.to for m in mail.outbox] == [[weekly.email]]
    assert Notification.objects.filter(user=never).count() == 1  # still told on the platform


def test_notifications_page_marks_news_read(client, rec, focal_point):
    follower = UserFactory()
    Follow.objects.create(user=follower, kind="recommendation", key=str(rec.pk))
    services.post_update(focal_point, rec, status="in_progress", text="More.", reporter="actor")
    client.force_login(follower)
    html = client.get("/en/account/notifications/").content.decode()
    assert "2021-S4-R2: progress update" in html
    assert not Notification.objects.filter(user=follower, read_at__isnull=True).exists()
