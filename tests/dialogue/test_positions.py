"""Co-signed positions: three co-signatures, an edit, re-confirmation by two, submission, the EU's answer."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache

from kurultai.dialogue import services
from kurultai.dialogue.models import Position, Signature
from kurultai.forums.models import Addressee
from kurultai.notifications.models import Notification
from tests.dialogue.factories import OrganisationFactory, PositionFactory, representative_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


@pytest.fixture
def eu():
    delegation = OrganisationFactory(slug="eu-delegation", name={"en": "EU Delegation"}, type="eu")
    addressee, _created = Addressee.objects.get_or_create(code="eu", defaults={"name": {"en": "European Union"}})
    addressee.organisations.add(delegation)
    return addressee, delegation


def test_a_position_is_co_signed_edited_reconfirmed_submitted_and_answered(
    client, eu, worker, django_capture_on_commit_callbacks
):
    addressee, delegation = eu
    drafter, drafting_org = representative_of()
    signers = [representative_of() for _ in range(3)]

    client.force_login(drafter)
    response = client.post(
        "/en/positions/new/",
        {
            "organisation": drafting_org.pk,
            "title": "Open water data for Central Asia",
            "text": "We ask for **monthly** river data.<script>alert(1)</script>",
            "text_language": "en",
            "addressees": [addressee.pk],
        },
    )
    assert response.status_code == 302
    position = Position.objects.get()
    assert position.status == "draft"
    client.logout()
    assert client.get(position.get_absolute_url()).status_code == 404  # drafts are private
    client.force_login(drafter)
    client.post(f"/en/positions/{position.slug}/open/")

    for user, organisation in signers:
        client.force_login(user)
        assert client.post(f"/en/positions/{position.slug}/sign/", {"organisation": organisation.pk}).status_code == 302
    assert Signature.objects.filter(version__number=1).count() == 3

    client.force_login(drafter)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/positions/{position.slug}/edit/",
            {
                "title": "Open water data for Central Asia",
                "text": "We ask for **weekly** river data.",
                "text_language": "en",
            },
        )
    worker()
    position.refresh_from_db()
    assert position.current.number == 2
    assert Notification.objects.filter(user=signers[0][0], event__code="dialogue.confirm").exists()

    for user, organisation in signers[:2]:
        client.force_login(user)
        client.post(f"/en/positions/{position.slug}/sign/", {"organisation": organisation.pk})

    page = client.get(position.get_absolute_url()).content.decode()
    assert "<strong>weekly</strong>" in page and "<script>" not in page
    assert page.count("asked to confirm") == 1  # the third signatory has not confirmed version 2
    assert "v1, v2" in page

    diff = client.get(f"/en/positions/{position.slug}/versions/2/").content.decode()
    assert "<ins>" in diff and "weekly" in diff and "monthly" in diff

    client.force_login(drafter)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/positions/{position.slug}/submit/")
    position.refresh_from_db()
    assert position.status == "submitted"
    worker()
    eu_rep = UserFactory()
    from kurultai.organisations.models import Membership

    Membership.objects.create(user=eu_rep, organisation=delegation, status="approved")

    from kurultai.followup import services as followup

    followup.post_response(
        eu_rep, position, addressee=addressee, organisation=delegation, status="accepted", text="We will publish it."
    )
    client.logout()
    page = client.get(position.get_absolute_url()).content.decode()
    assert "We will publish it." in page

    api = client.get(f"/api/v1/positions/{position.pk}").json()
    assert api["version"] == 2 and len(api["signatories"]) == 3
    assert sum(1 for s in api["signatories"] if s["signed_current"]) == 2

    docx = client.get(f"/en/positions/{position.slug}/position.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    import docx as python_docx

    text = "\n".join(p.text for p in python_docx.Document(io.BytesIO(docx.content)).paragraphs)
    assert "weekly" in text and str(signers[2][1].name) in text
    pdf = client.get(f"/en/positions/{position.slug}/position.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_only_representatives_co_sign_once_per_organisation_per_version(client):
    position = PositionFactory()
    member = UserFactory()
    other = OrganisationFactory()
    client.force_login(member)
    client.post(f"/en/positions/{position.slug}/sign/", {"organisation": other.pk})
    assert not Signature.objects.exists()

    user, organisation = representative_of()
    colleague = UserFactory()
    from kurultai.organisations.models import Membership

    Membership.objects.create(user=colleague, organisation=organisation, status="approved")
    client.force_login(user)
    client.post(f"/en/positions/{position.slug}/sign/", {"organisation": organisation.pk})
    client.force_login(colleague)
    client.post(f"/en/positions/{position.slug}/sign/", {"organisation": organisation.pk})
    assert Signature.objects.count() == 1
    drafter, _ = representative_of(position.organisation)
    with pytest.raises(Exception, match="stands behind"):
        services.sign(drafter, position, position.organisation)


def test_an_edit_before_any_signature_changes_the_draft_in_place(client):
    drafter, organisation = representative_of()
    position = services.draft_position(drafter, organisation, title="T", text="one")
    services.edit_position(drafter, position, title="T", text="two")
    position.refresh_from_db()
    assert position.current.number == 1 and position.current.text == "two"


def test_outsiders_cannot_edit_or_submit(client):
    position = PositionFactory()
    client.force_login(UserFactory())
    assert client.get(f"/en/positions/{position.slug}/edit/").status_code == 403
    client.post(f"/en/positions/{position.slug}/submit/")
    position.refresh_from_db()
    assert position.status == "signing"


def test_a_hidden_position_leaves_the_list_and_the_api(client):
    position = PositionFactory()
    from kurultai.core import moderation

    moderation.hide(position, actor=UserFactory(role="moderator"), reason="spam")
    assert position.slug not in client.get("/en/positions/").content.decode()
    assert client.get("/api/v1/positions").json()["count"] == 0
    page = client.get(position.get_absolute_url()).content.decode()
    assert "Hidden by a moderator: spam" in page and "open water data" not in page


def test_queries_stay_constant_as_signatories_grow(client, django_assert_max_num_queries):
    position = PositionFactory()

    def grow(n):
        for _ in range(n):
            user, organisation = representative_of()
            services.sign(user, position, organisation)

    grow(2)
    client.get(position.get_absolute_url())
    with django_assert_max_num_queries(15) as small:
        client.get(position.get_absolute_url())
    grow(8)
    client.get(position.get_absolute_url())
    with django_assert_max_num_queries(15) as big:
        client.get(position.get_absolute_url())
    assert len(big.captured_queries) == len(small.captured_queries)
    with django_assert_max_num_queries(12):
        client.get("/api/v1/positions")
