"""Every service writes one audit entry: an enumerated action, the record's id and the actor's id, never names."""

import ast
import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from kurultai.accounts import services as accounts
from kurultai.accounts.legal import documents_in_force
from kurultai.core.audit import actions, record
from kurultai.core.models import AuditEntry, Country, Theme
from kurultai.followup import recurrence
from kurultai.followup import services as followup
from kurultai.forums.models import Addressee
from kurultai.organisations import services as directory
from tests.factories import RecommendationFactory, UserFactory
from tests.factories_more import (
    LegalDocumentFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnerRequestFactory,
    RecurrenceLinkFactory,
    ResponsibleActorFactory,
)

pytestmark = pytest.mark.django_db

SECRET_NAME = "Zhanar Secretname"


def test_unknown_actions_are_refused():
    with pytest.raises(ValueError, match="Unknown audit action"):
        record(None, "followup.response", None)

    class Unregistered(models.TextChoices):
        THING = "thing.done", "Thing done"

    with pytest.raises(ValueError, match="Unknown audit action"):
        record(None, Unregistered.THING, None)
    assert not AuditEntry.objects.exists()


def test_an_action_code_cannot_be_declared_twice():
    class Twice(models.TextChoices):
        RESPONSE = "followup.response", "Another meaning"

    with pytest.raises(ImproperlyConfigured):
        actions(Twice)


def test_entries_hold_no_object_names():
    assert "object_repr" not in {f.name for f in AuditEntry._meta.get_fields()}


def only_ids(entry: AuditEntry, *secrets: str) -> bool:
    text = json.dumps(entry.changes, ensure_ascii=False) + entry.object_id + entry.object_type + entry.action
    return not any(secret in text for secret in secrets)


def assert_one_entry(action: str, obj, actor) -> AuditEntry:
    entries = AuditEntry.objects.filter(action=action, object_type=obj._meta.label, object_id=str(obj.pk))
    assert entries.count() == 1, (action, list(AuditEntry.objects.values_list("action", flat=True)))
    entry = entries.get()
    assert entry.actor_id == (actor.pk if actor is not None else None)
    return entry


def test_directory_services_write_audit_entries():
    editor = UserFactory(role="editor")
    person = UserFactory(email="zhanar@example.org", display_name=SECRET_NAME)
    created = directory.save_organisation(
        editor, None, name={"en": SECRET_NAME + " Fund"}, type="cso", original_language="en", themes=[]
    )
    entry = assert_one_entry("organisation.created", created, editor)
    assert only_ids(entry, SECRET_NAME, "zhanar@example.org")
    changed = directory.save_organisation(editor, created, short_name="ZSF", themes=Theme.objects.all()[:1])
    assert assert_one_entry("organisation.changed", changed, editor).changes == {"fields": ["short_name", "themes"]}
    directory.verify_organisation(editor, created, True)
    assert_one_entry("organisation.verified", created, editor)
    membership = directory.request_membership(person, created, "Please")
    assert only_ids(assert_one_entry("membership.requested", membership, person), SECRET_NAME, "zhanar@")
    directory.decide_membership(editor, membership, approve=True)
    assert_one_entry("membership.approved", membership, editor)
    request = directory.post_partner_request(
        person, created, title={"en": "Partners"}, purpose={"en": "A project"}, countries=Country.objects.all()[:1]
    )
    assert_one_entry("partner_request.posted", request, person)
    other = PartnerRequestFactory()
    interest = directory.express_interest(person, other, created, "We are in")
    assert_one_entry("partner_request.interest", interest, person)
    directory.close_partner_request(person, request)
    assert_one_entry("partner_request.closed", request, person)


def test_followup_services_write_audit_entries():
    rec = RecommendationFactory()
    ministry = OrganisationFactory(type="government")
    Addressee.objects.get(code="governments").organisations.add(ministry)
    focal = MembershipFactory(organisation=ministry).user
    actor = ResponsibleActorFactory(recommendation=rec)
    reporter = MembershipFactory(organisation=actor.organisation).user
    editor = UserFactory(role="editor")
    response = followup.post_response(
        focal, rec, addressee=Addressee.objects.get(code="governments"), organisation=ministry, status="noted"
    )
    assert_one_entry("followup.response", response, focal)
    update = followup.post_update(
        reporter, rec, status="planned", text="Planned.", reporter="actor", organisation=actor.organisation
    )
    assert_one_entry("followup.update", update, reporter)
    assessment = followup.post_assessment(
        reporter, rec, organisation=actor.organisation, status="not_started", text="Nothing yet."
    )
    assert_one_entry("followup.assessment", assessment, reporter)
    responsible = followup.set_responsible_actor(editor, rec, ministry, "contributing", dt.date(2030, 1, 1))
    entry = assert_one_entry("followup.actor", responsible, editor)
    assert entry.changes == {"recommendation": rec.pk, "organisation": ministry.pk, "role": "contributing"}
    link = RecurrenceLinkFactory()
    recurrence.decide(editor, link, confirm=False)
    assert_one_entry("followup.recurrence", link, editor)
    recurrence.suggest(actor=editor)
    assert AuditEntry.objects.filter(action="followup.recurrence_suggestions", actor=editor).count() == 1


def test_account_services_write_audit_entries():
    user = UserFactory(email="zhanar@example.org")
    document = LegalDocumentFactory()
    (consent,) = accounts.record_consent(user, [document])
    assert_one_entry("account.consented", consent, user)
    accounts.record_consent(user, [document])  # accepting again records nothing new
    assert AuditEntry.objects.filter(action="account.consented", object_id=str(consent.pk)).count() == 1
    accounts.update_profile(user, display_name=SECRET_NAME, preferred_language="ru")
    entry = assert_one_entry("account.profile_changed", user, user)
    assert entry.changes == {"fields": ["display_name", "preferred_language"]}
    assert only_ids(entry, SECRET_NAME, "zhanar@")
    accounts.export_personal_data(user)
    assert_one_entry("account.data_exported", user, user)
    accounts.erase_account(user)
    assert_one_entry("account.erased", user, None)
    assert all(only_ids(e, SECRET_NAME, "zhanar@example.org") for e in AuditEntry.objects.all())
    assert documents_in_force() is not None


def test_profile_page_goes_through_the_service(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/en/account/", {"display_name": "New name", "preferred_language": "en", "email_digest": user.email_digest}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.display_name == "New name"
    assert AuditEntry.objects.get(action="account.profile_changed").changes == {"fields": ["display_name"]}


NOT_THE_DATABASE = {"context", "response", "cache", "default_storage", "storage"}
WRITES = {"save", "create", "delete", "update", "update_or_create", "get_or_create", "bulk_create", "save_m2m"}
# Views that still write directly, owned by a module being rewritten; remove an entry when it moves to a service.
KNOWN_VIEW_WRITES: set[str] = set()


def test_views_do_not_write_to_the_database():
    """State changes live in services: no ``.save()``, ``.create()``, ``.delete()`` … in views (the cache aside)."""
    root = Path(__import__("kurultai").__file__).parent
    offenders = []
    for path in sorted(root.rglob("*views.py")):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in WRITES
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id in NOT_THE_DATABASE)
            ):
                where = f"{path.relative_to(root)}:{node.lineno} .{node.func.attr}()"
                if where.split(":")[0] not in KNOWN_VIEW_WRITES:
                    offenders.append(where)
    assert not offenders, "\n".join(offenders)


def test_outcome_import_writes_an_audit_entry():
    from kurultai.forums.outcome.readers import parse_document
    from kurultai.forums.services import import_outcome
    from tests.factories import ForumFactory

    forum, editor = ForumFactory(), UserFactory(role="editor")
    path = Path(__file__).parents[1] / "forums" / "outcome_docs" / "en_plain.txt"
    plan = import_outcome(forum, parse_document(path.name, path.read_bytes()), "en", editor)
    entry = assert_one_entry("forums.outcome_imported", forum, editor)
    assert entry.changes == {"language": "en", **plan.summary()}
