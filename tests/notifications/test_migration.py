"""Following moved from the follow-up app: every follow becomes a subscription, every notification stays."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("followup", "0003_recurrence_links"), ("notifications", "0001_subscriptions_outbox_schedule")]
AFTER = [("followup", "0004_following_moves_to_notifications")]


@pytest.mark.django_db(transaction=True)
def test_follows_and_notifications_survive_the_move():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User = old.get_model("accounts", "User")
    Follow = old.get_model("followup", "Follow")
    OldNotification = old.get_model("followup", "Notification")
    daily = User.objects.create(email="daily@example.org", email_digest="daily", preferred_language="ru")
    never = User.objects.create(email="never@example.org", email_digest="never")
    Follow.objects.create(user=daily, kind="forum", key="2021-almaty")
    Follow.objects.create(user=daily, kind="country", key="TJ")
    Follow.objects.create(user=never, kind="recommendation", key="18")
    OldNotification.objects.create(user=daily, title="2021-S4-R2: progress update — In progress", url="/en/x/")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Subscription = new.get_model("notifications", "Subscription")
    Notification = new.get_model("notifications", "Notification")
    moved = {(s.user.email, s.signature, tuple(s.channels), s.frequency) for s in Subscription.objects.all()}
    assert moved == {
        ("daily@example.org", "forum=2021-almaty", ("email",), "daily"),
        ("daily@example.org", "country=TJ", ("email",), "daily"),
        ("never@example.org", "recommendation=18", (), "daily"),
    }
    assert Subscription.objects.get(signature="country=TJ").terms.get().value == "TJ"
    assert Notification.objects.get().title == "2021-S4-R2: progress update — In progress"

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
