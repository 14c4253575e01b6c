"""The issue's "done means" for good practices: contributor → reviewer → publisher through the pages, followers of
a theme told by email, published versions kept while a new one is drafted, drafts private."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from kurultai.core.models import AuditEntry, Country, Theme
from kurultai.knowledge import services
from kurultai.knowledge.models import Practice, PracticeVersion, ReviewComment
from kurultai.notifications import services as notify
from kurultai.notifications.models import Notification
from tests.factories import UserFactory
from tests.knowledge.factories_knowledge import hub_person, published_practice

pytestmark = pytest.mark.django_db

NEW = {
    "language": "en",
    "title": "Rainwater tanks for mountain schools",
    "summary": "Schools collect rain from their roofs.",
    "challenge": "No water in the dry months.",
    "solution": "Tanks and gutters built with parents.",
    "cost_amount": "1200",
    "cost_currency": "usd",
    "block_title": "Parents' building days",
    "block_factors": "A school director who asks.",
}


def _form(**extra):
    data = dict(NEW)
    data["country"] = Country.objects.get(code="TJ").pk
    data["themes"] = [Theme.objects.get(slug="water-management").pk]
    data.update(extra)
    return data


def _drain():
    notify.drain(now=timezone.now() + dt.timedelta(minutes=5))


def test_contributor_reviewer_publisher_and_a_follower_of_water(
    client, smtp, worker, django_capture_on_commit_callbacks
):
    contributor = UserFactory(email="contributor@example.org")
    reviewer = hub_person("reviewer")
    reviewer.email = "reviewer@example.org"
    reviewer.save(update_fields=["email"])
    publisher = hub_person("publisher")
    follower = UserFactory(email="follower@example.org", email_digest="immediate")
    notify.subscribe(user=follower, terms={"theme": ["water-management"]}, channels=["email"], frequency="immediate")
    stranger = UserFactory()

    # The contributor drafts a practice: private to them.
    client.force_login(contributor)
    response = client.post("/en/knowledge/practices/new/", _form())
    practice = Practice.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/knowledge/practices/{practice.pk}/draft/"
    version = practice.versions.get()
    assert version.status == "draft" and version.cost_currency == "USD"
    assert [str(b.title) for b in version.building_blocks.all()] == ["Parents' building days"]
    client.force_login(stranger)
    assert client.get(f"/en/knowledge/practices/{practice.pk}/").status_code == 404
    assert client.get(f"/en/knowledge/practices/{practice.pk}/draft/").status_code == 403
    client.logout()
    assert client.get(f"/en/knowledge/practices/{practice.pk}/").status_code == 404
    assert "Rainwater tanks" not in client.get("/en/knowledge/practices/").content.decode()

    # Submitted: reviewers are told.
    client.force_login(contributor)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/en/knowledge/practices/{practice.pk}/draft/", {"action": "submit"}).status_code == 302
    worker()
    assert Notification.objects.filter(user=reviewer, event__code="knowledge.submitted").exists()
    # The contributor cannot publish their own practice.
    assert client.post(f"/en/knowledge/practices/{practice.pk}/draft/", {"action": "publish"}).status_code == 403

    # The reviewer returns it with a comment the contributor sees.
    client.force_login(reviewer)
    page = client.get("/en/knowledge/practices/review/").content.decode()
    assert "Rainwater tanks" in page
    empty = client.post(f"/en/knowledge/practices/{practice.pk}/draft/", {"action": "return", "comment": ""})
    assert empty.status_code == 200 and "Say what the contributor should change." in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/knowledge/practices/{practice.pk}/draft/",
            {"action": "return", "comment": "Please say how many schools take part."},
        )
    worker()
    version.refresh_from_db()
    assert version.status == "returned"
    assert Notification.objects.filter(user=contributor, event__code="knowledge.returned").exists()
    client.force_login(contributor)
    page = client.get(f"/en/knowledge/practices/{practice.pk}/draft/").content.decode()
    assert "Please say how many schools take part." in page

    # The contributor fixes it and submits again; the reviewer passes it; the publisher publishes it.
    fixed = _form(impact="Eleven schools have water all year.")
    assert client.post(f"/en/knowledge/practices/{practice.pk}/edit/", fixed).status_code == 302
    client.post(f"/en/knowledge/practices/{practice.pk}/draft/", {"action": "submit"})
    client.force_login(reviewer)
    client.post(f"/en/knowledge/practices/{practice.pk}/draft/", {"action": "pass", "comment": "Good."})
    version.refresh_from_db()
    assert version.status == "reviewed"
    # A reviewer who is not a publisher cannot publish.
    assert client.post(f"/en/knowledge/practices/{practice.pk}/draft/", {"action": "publish"}).status_code == 403
    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/knowledge/practices/{practice.pk}/draft/", {"action": "publish"})
    assert response.status_code == 302
    worker()
    practice.refresh_from_db()
    assert practice.current_id == version.pk
    client.logout()
    page = client.get(f"/en/knowledge/practices/{practice.pk}/").content.decode()
    assert "Eleven schools have water all year." in page

    # The member following "water" is told by email; the contributor hears of the publication too.
    _drain()
    (mail,) = [m for m in smtp.messages if m["To"] == "follower@example.org"]
    body = mail.get_body(("plain",)).get_content()
    assert "Rainwater tanks for mountain schools" in body
    assert f"/en/knowledge/practices/{practice.pk}/" in body
    assert Notification.objects.filter(user=contributor, event__code="knowledge.published").exists()
    kinds = list(ReviewComment.objects.filter(version=version).values_list("kind", flat=True))
    assert kinds == ["submitted", "returned", "submitted", "passed", "published"]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"practice.created", "practice.submitted", "practice.returned", "practice.published"} <= actions


def test_published_version_stays_visible_while_a_new_one_is_drafted(client):
    practice = published_practice("Water users' union")
    contributor = practice.created_by
    publisher = hub_person("publisher")
    client.force_login(contributor)
    data = _form(title="Water users' union, second edition", language="en")
    assert client.post(f"/en/knowledge/practices/{practice.pk}/edit/", data).status_code == 302
    draft = practice.versions.get(number=2)
    assert draft.status == "draft"
    client.logout()
    page = client.get(f"/en/knowledge/practices/{practice.pk}/").content.decode()
    assert "Water users&#x27; union</h1>" in page and "second edition" not in page

    services.submit(draft, contributor)
    services.publish(draft, publisher)
    practice.refresh_from_db()
    assert practice.current.number == 2
    first = practice.versions.get(number=1)
    assert first.status == "superseded"
    old = client.get(f"/en/knowledge/practices/{practice.pk}/versions/1/").content.decode()
    assert "kept as it was published" in old and "second edition" not in old
    assert "second edition" in client.get(f"/en/knowledge/practices/{practice.pk}/").content.decode()


def test_one_working_version_at_a_time():
    practice = published_practice()
    first = services.start_new_version(practice, practice.created_by)
    assert services.start_new_version(practice, practice.created_by) == first
    assert PracticeVersion.objects.filter(practice=practice).count() == 2


def test_steps_out_of_order_are_refused_with_a_reason():
    practice = published_practice()
    publisher = hub_person("publisher")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="not possible now"):
        services.publish(practice.current, publisher)
    draft = services.start_new_version(practice, practice.created_by)
    with pytest.raises(ValidationError):
        services.pass_to_publisher(draft, publisher)


def test_bad_coordinates_and_currency_are_form_errors(client):
    client.force_login(UserFactory())
    response = client.post("/en/knowledge/practices/new/", _form(latitude="95", longitude="", cost_currency="US1"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Ensure this value is less than or equal to 90." in text
    assert "three-letter code" in text
    assert not Practice.objects.exists()
    response = client.post("/en/knowledge/practices/new/", _form(latitude="42.5", longitude=""))
    assert "Give both latitude and longitude, or neither." in response.content.decode()


def test_roles_page_grants_and_revokes(client):
    editor = UserFactory(role="editor")
    member = UserFactory(email="new-reviewer@example.org")
    client.force_login(member)
    assert client.get("/en/knowledge/roles/").status_code == 403
    client.force_login(editor)
    response = client.post(
        "/en/knowledge/roles/", {"email": "new-reviewer@example.org", "hub": "practices", "role": "reviewer"}
    )
    assert response.status_code == 302
    from kurultai.knowledge.models import HubRole

    granted = HubRole.objects.get(user=member)
    member = type(member).objects.get(pk=member.pk)
    assert member.has_perm("knowledge.review") and not member.has_perm("knowledge.publish")
    client.post("/en/knowledge/roles/", {"revoke": str(granted.pk)})
    assert not HubRole.objects.exists()
    assert client.post("/en/knowledge/roles/", {"revoke": "99999999999999999999"}).status_code == 302
    bad = client.post("/en/knowledge/roles/", {"email": "nobody@example.org", "hub": "elsewhere", "role": "king"})
    assert bad.status_code == 200 and "No member has this address." in bad.content.decode()


def test_permissions_of_hub_roles():
    member = UserFactory()
    reviewer = hub_person("reviewer")
    publisher = hub_person("publisher")
    library_reviewer = hub_person("reviewer", hub="library")
    editor = UserFactory(role="editor")
    practice = published_practice(created_by=member)
    draft = services.start_new_version(practice, member)
    assert member.has_perm("knowledge.edit_practice", draft)
    assert not reviewer.has_perm("knowledge.edit_practice", draft)
    assert reviewer.has_perm("knowledge.review") and not reviewer.has_perm("knowledge.publish")
    assert publisher.has_perm("knowledge.review") and publisher.has_perm("knowledge.publish")
    assert editor.has_perm("knowledge.publish") and editor.has_perm("knowledge.manage_roles")
    assert not library_reviewer.has_perm("knowledge.review")
    from kurultai.knowledge.rules import has_hub_role

    assert has_hub_role("library", "reviewer")(library_reviewer)
    assert not has_hub_role("library", "publisher")(library_reviewer)
    services.submit(draft, member)
    draft.refresh_from_db()
    assert not member.has_perm("knowledge.edit_practice", draft)
    assert reviewer.has_perm("knowledge.edit_practice", draft)
