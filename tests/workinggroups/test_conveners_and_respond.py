"""Editors name and remove conveners from a page; "Respond" shows only where someone is expected to answer."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kurultai.core.models import AuditEntry
from kurultai.followup.models import trackable_of
from kurultai.forums.models import Addressee
from kurultai.workinggroups import services
from kurultai.workinggroups.models import PlanVersion
from tests.factories import UserFactory
from tests.factories_more import MembershipFactory, OrganisationFactory
from tests.workinggroups.factories import ActionFactory, ActionPlanFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def test_service_names_and_removes_conveners_with_an_audit_trail():
    editor, person = UserFactory(role="editor"), UserFactory()
    group = WorkingGroupFactory()
    services.name_convener(editor, group, person)
    assert person.has_perm("workinggroups.manage_group", group)
    with pytest.raises(ValidationError):
        services.name_convener(editor, group, person)
    with pytest.raises(PermissionDenied):
        services.remove_convener(person, group, person)  # a convener cannot name or remove conveners
    services.remove_convener(editor, group, person)
    assert not group.conveners.exists()
    actions = list(
        AuditEntry.objects.filter(action__startswith="workinggroups.convener").values_list("action", flat=True)
    )
    assert sorted(actions) == ["workinggroups.convener_named", "workinggroups.convener_removed"]


def test_editor_names_and_removes_a_convener_on_the_page(client):
    editor = UserFactory(role="editor")
    person = UserFactory(email="lead@example.org", display_name="Aigul Lead")
    group = WorkingGroupFactory()
    url = f"/en/working-groups/{group.slug}/conveners/"
    client.force_login(editor)
    assert f'href="{url}"' in client.get(group.get_absolute_url()).content.decode()

    missing = client.post(url, {"email": "nobody@example.org"})
    assert missing.status_code == 200 and "No active account has this email address." in missing.content.decode()
    assert client.post(url, {"email": "not an address"}).status_code == 200
    assert client.post(url, {"email": "LEAD@example.org"}).status_code == 302
    assert list(group.conveners.all()) == [person]
    again = client.post(url, {"email": "lead@example.org"})
    assert "already convenes" in again.content.decode()
    page = client.get(url).content.decode()
    assert "Aigul Lead" in page

    for bad in ("abc", "99999999999999999999", "-1", ""):
        assert client.post(url, {"remove": bad}).status_code == 302
    assert group.conveners.count() == 1
    assert client.post(url, {"remove": str(person.pk)}).status_code == 302
    assert not group.conveners.exists()


def test_conveners_and_others_may_not_use_the_page(client):
    convener = UserFactory()
    group = WorkingGroupFactory(conveners=[convener])
    url = f"/en/working-groups/{group.slug}/conveners/"
    client.force_login(convener)
    assert client.get(url).status_code == 403
    assert client.post(url, {"remove": str(convener.pk)}).status_code == 403
    assert "conveners/" not in client.get(group.get_absolute_url()).content.decode()
    assert group.conveners.count() == 1


def test_respond_is_offered_only_on_an_action_addressed_to_someone(client):
    plan = ActionPlanFactory()
    version = PlanVersion.objects.create(plan=plan, number=1, adopted_on=dt.date(2026, 3, 1))
    action = ActionFactory(plan=plan, adopted_in=version)
    editor = UserFactory(role="editor")
    client.force_login(editor)
    respond = f"/en/follow-up/action/{action.pk}/respond/"
    page = client.get(action.get_absolute_url()).content.decode()
    assert respond not in page and f"/en/follow-up/action/{action.pk}/update/" in page
    assert client.get(respond).status_code == 403
    admin = UserFactory(role="admin")
    client.force_login(admin)
    assert respond not in client.get(action.get_absolute_url()).content.decode()
    assert client.get(respond).status_code == 403
    client.force_login(editor)

    addressee, _ = Addressee.objects.get_or_create(code="eu", defaults={"name": {"en": "EU"}})
    delegation = OrganisationFactory()
    delegation.addressee_roles.add(addressee)
    trackable_of(action, create=True).addressees.set([addressee])
    assert respond in client.get(action.get_absolute_url()).content.decode()
    assert client.get(respond).status_code == 200
    focal = MembershipFactory(organisation=delegation).user
    assert focal.has_perm("followup.post_response", action)
