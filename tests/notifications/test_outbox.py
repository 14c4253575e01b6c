"""Events become notifications and deliveries once; the worker delivers them by email, at once or in digests."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kurultai.followup import services as followup
from kurultai.notifications import services
from kurultai.notifications.models import Delivery, Event, Notification
from tests.factories import RecommendationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rec():
    return RecommendationFactory()


@pytest.fixture
def editor():
    return UserFactory(role="editor")


def post_update(editor, rec, capture, text="Three regional centres opened."):
    with capture(execute=True):
        return followup.post_update(editor, rec, status="in_progress", text=text, reporter="secretariat")


def test_an_update_reaches_followers_of_the_forum_once_by_email_in_their_language(
    rec, editor, smtp, worker, django_capture_on_commit_callbacks, settings
):
    reader = UserFactory(email="reader@cso.example", preferred_language="ru")
    services.subscribe(user=reader, terms={"forum": [rec.forum.slug]}, channels=["email"], frequency="immediate")
    services.subscribe(user=reader, terms={"theme": ["climate-change"]}, channels=["email"], frequency="immediate")
    post_update(editor, rec, django_capture_on_commit_callbacks)
    assert smtp.messages == []  # nothing is sent inside the request
    worker()
    assert len(smtp.messages) == 1  # two matching subscriptions, one message
    mail = smtp.messages[0]
    assert mail["To"] == "reader@cso.example"
    assert "Выполняется" in mail["Subject"]
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Three regional centres opened." in text
    assert f"{settings.SITE_URL}/ru/recommendations/{rec.pk}/" in text
    assert not re.search(r'href="/', html), "every link in an email is absolute"
    assert "<img" not in html
    worker()
    assert len(smtp.messages) == 1  # nothing is sent twice
    assert Notification.objects.filter(user=reader).count() == 1
    assert Delivery.objects.get(user=reader).status == Delivery.Status.SENT


def test_the_author_is_not_told_of_their_own_news(rec, editor, worker, django_capture_on_commit_callbacks):
    services.subscribe(user=editor, terms={"forum": [rec.forum.slug]}, channels=["email"])
    post_update(editor, rec, django_capture_on_commit_callbacks)
    worker()
    assert not Notification.objects.filter(user=editor).exists()


def test_filtered_streams_match_every_dimension(rec, editor, worker, django_capture_on_commit_callbacks):
    # rec is tagged climate-change, UZ, governments.
    fits = UserFactory()
    services.subscribe(
        user=fits, terms={"stream": ["followup"], "country": ["UZ", "TJ"], "addressee": ["governments"]}, channels=[]
    )
    wrong_country = UserFactory()
    services.subscribe(
        user=wrong_country, terms={"stream": ["followup"], "country": ["KG"], "addressee": ["governments"]}, channels=[]
    )
    wrong_stream = UserFactory()
    services.subscribe(user=wrong_stream, terms={"stream": ["opportunities"], "country": ["UZ"]}, channels=[])
    post_update(editor, rec, django_capture_on_commit_callbacks)
    worker()
    assert list(Notification.objects.values_list("user_id", flat=True)) == [fits.pk]


def test_fan_out_twice_changes_nothing(rec, editor, worker, django_capture_on_commit_callbacks):
    for _ in range(3):
        services.subscribe(user=UserFactory(), terms={"forum": [rec.forum.slug]}, channels=["email"])
    update = post_update(editor, rec, django_capture_on_commit_callbacks)
    event = Event.objects.get(object_id=str(update.pk))
    worker()
    Event.objects.filter(pk=event.pk).update(fanned_out_at=None)
    services.fan_out(event.pk)  # a retried job after a crash
    assert Delivery.objects.count() == 3
    assert Notification.objects.count() == 3


def test_daily_digest_is_one_mail_at_the_digest_hour(rec, editor, smtp, worker, django_capture_on_commit_callbacks):
    reader = UserFactory(email="daily@cso.example")
    services.subscribe(user=reader, terms={"recommendation": [str(rec.pk)]}, channels=["email"], frequency="daily")
    post_update(editor, rec, django_capture_on_commit_callbacks, text="First step.")
    post_update(editor, rec, django_capture_on_commit_callbacks, text="Second step.")
    worker()
    assert smtp.messages == []  # not before the digest hour
    due = sorted(set(Delivery.objects.filter(user=reader).values_list("due_at", flat=True)))
    assert len(due) == 1
    services.drain(now=due[0] + dt.timedelta(minutes=1))
    assert len(smtp.messages) == 1
    body = smtp.messages[0].get_body(("plain",)).get_content()
    assert "First step." in body and "Second step." in body
    assert "2 news" in smtp.messages[0]["Subject"]
    services.drain(now=due[0] + dt.timedelta(days=1))
    assert len(smtp.messages) == 1


def test_an_smtp_outage_keeps_deliveries_and_retries_with_back_off(
    rec, editor, smtp, worker, django_capture_on_commit_callbacks
):
    reader = UserFactory()
    services.subscribe(user=reader, terms={"forum": [rec.forum.slug]}, channels=["email"], frequency="immediate")
    with override_settings(EMAIL_PORT=1):  # nothing listens there
        post_update(editor, rec, django_capture_on_commit_callbacks)
        worker()
    delivery = Delivery.objects.get(user=reader)
    assert delivery.status == Delivery.Status.PENDING and delivery.attempts == 1 and delivery.last_error
    assert delivery.next_attempt_at > timezone.now()
    services.drain()  # too early for the retry
    assert smtp.messages == []
    services.drain(now=delivery.next_attempt_at + dt.timedelta(seconds=1))
    assert len(smtp.messages) == 1
    assert Delivery.objects.get(user=reader).status == Delivery.Status.SENT


def test_fan_out_queries_do_not_grow_with_followers(rec, editor, django_capture_on_commit_callbacks, settings):
    """Constant queries per batch: 3 batches cost exactly two batches' worth more than 1 batch."""
    from kurultai.notifications import services as svc

    def followers(n):
        for _ in range(n):
            services.subscribe(
                user=UserFactory.build_batch(1)[0].__class__.objects.create(
                    email=f"f{timezone.now().timestamp()}{_}@x.example"
                ),
                terms={"forum": [rec.forum.slug]},
                channels=["email"],
            )

    def queries_for(n_batches):
        with django_capture_on_commit_callbacks(execute=False):
            update = followup.post_update(editor, rec, status="in_progress", text="x", reporter="secretariat")
        event = Event.objects.get(object_id=str(update.pk))
        with CaptureQueriesContext(connection) as ctx, django_capture_on_commit_callbacks(execute=False):
            svc.fan_out(event.pk)
        return len(ctx.captured_queries)

    svc.FAN_OUT_BATCH = 2
    try:
        followers(2)
        one = queries_for(1)
        followers(4)
        three = queries_for(3)
        followers(2)
        four = queries_for(4)
    finally:
        svc.FAN_OUT_BATCH = 1000
    assert three - one == 2 * (four - three)
    assert four - three <= 4


def test_administrators_see_failed_deliveries_and_send_them_again(
    client, rec, editor, worker, django_capture_on_commit_callbacks
):
    reader = UserFactory()
    services.subscribe(user=reader, terms={"forum": [rec.forum.slug]}, channels=["email"], frequency="immediate")
    post_update(editor, rec, django_capture_on_commit_callbacks)
    worker()
    Delivery.objects.update(status=Delivery.Status.FAILED, last_error="550 mailbox unavailable", attempts=8)
    admin = UserFactory(role="admin")
    client.force_login(admin)
    page = client.get("/admin/notifications/delivery/?status__exact=failed")
    assert page.status_code == 200 and "550 mailbox unavailable" in page.content.decode()
    delivery = Delivery.objects.get()
    client.post("/admin/notifications/delivery/", {"action": "retry", "_selected_action": [delivery.pk]})
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.PENDING and delivery.attempts == 0


def test_weekly_readers_wait_for_monday_and_never_by_email_stays_on_the_platform(
    rec, editor, worker, django_capture_on_commit_callbacks, mailoutbox
):
    weekly = UserFactory(email_digest="weekly")
    never = UserFactory(email_digest="never")
    for user in (weekly, never):
        services.subscribe(user=user, terms={"country": ["UZ"]})  # the person's defaults
    post_update(editor, rec, django_capture_on_commit_callbacks)
    worker()
    due = Delivery.objects.get(user=weekly).due_at
    assert timezone.localtime(due).weekday() == 0 and timezone.localtime(due).hour == 6
    assert not Delivery.objects.filter(user=never).exists()
    assert Notification.objects.filter(user=never).count() == 1
    services.drain(now=due)
    assert [m.to for m in mailoutbox] == [[weekly.email]]


def test_mail_carries_one_click_unsubscribe_that_works_without_signing_in(
    client, rec, editor, smtp, worker, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://kurultai.example.org"
    reader = UserFactory(preferred_language="kk")
    subscription = services.subscribe(
        user=reader, terms={"forum": [rec.forum.slug]}, channels=["email"], frequency="immediate"
    )
    post_update(editor, rec, django_capture_on_commit_callbacks)
    worker()
    mail = smtp.messages[0]
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https_target, mailto_target = re.findall(r"<([^>]+)>", mail["List-Unsubscribe"])
    assert https_target.startswith("https://kurultai.example.org/kk/unsubscribe/")
    assert mailto_target.startswith("mailto:")
    text = mail.get_body(("plain",)).get_content()
    assert "https://kurultai.example.org/kk/recommendations/" in text
    response = client.post(
        https_target.removeprefix("https://kurultai.example.org"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.channels == []
    post_update(editor, rec, django_capture_on_commit_callbacks, text="Later news.")
    worker()
    assert len(smtp.messages) == 1


def test_news_and_deliveries_leave_cached_public_pages_alone(rec, editor, worker, django_capture_on_commit_callbacks):
    from kurultai.core.pagecache import current_version

    reader = UserFactory()
    before = current_version()
    services.subscribe(user=reader, terms={"forum": [rec.forum.slug]}, channels=["email"], frequency="immediate")
    assert current_version() == before
    update = post_update(editor, rec, django_capture_on_commit_callbacks)
    after_update = current_version()
    assert after_update != before  # the update itself shows on public pages
    worker()
    assert Delivery.objects.filter(event__object_id=str(update.pk), status="sent").exists()
    assert current_version() == after_update  # notifications and deliveries do not
