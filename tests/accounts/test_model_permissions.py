"""Django's model permissions belong to the admin (staff accounts); everyone else is judged by the apps' rules."""

import pytest
from django.contrib.auth.models import Permission

from tests.factories import ForumFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_rule_that_says_no_asks_nothing_more(django_assert_num_queries):
    person = UserFactory._meta.model.objects.get(pk=UserFactory().pk)  # freshly loaded, as on each request
    forum = ForumFactory()
    with django_assert_num_queries(1):  # the person's groups, for the editors rule; no permission tables
        assert not person.has_perm("forums.organise", forum)
        assert not person.has_perm("forums.manage_outcome", forum)


def test_model_permissions_count_for_staff_only():
    change = Permission.objects.get(codename="change_forum", content_type__app_label="forums")
    staff, member = UserFactory(is_staff=True), UserFactory()
    for person in (staff, member):
        person.user_permissions.add(change)
    assert UserFactory._meta.model.objects.get(pk=staff.pk).has_perm("forums.change_forum")
    assert not UserFactory._meta.model.objects.get(pk=member.pk).has_perm("forums.change_forum")


def test_rules_still_grant_what_they_grant():
    assert UserFactory(role="editor").has_perm("forums.organise")
    assert UserFactory(role="admin").has_perm("forums.change_forum")  # superusers keep everything
