"""Cached public pages: personal participation records invalidate nothing, but seats left on the forum's page
change as soon as someone takes or frees a seat."""

from __future__ import annotations

import pytest
from django.test import Client

from kurultai.participation import services
from kurultai.participation.models import AgendaItem, FeedbackResponse, TravelRequest
from tests.factories import SessionFactory, UserFactory
from tests.participation.factories import CallFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def get(client: Client, path: str) -> tuple[str, str]:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get("X-Page-Cache", "none"), response.content.decode()


def test_seats_left_on_the_anonymous_call_page_follow_registrations():
    call = CallFactory(capacity_in_person=2, capacity_online=None)
    path = f"/en/forums/{call.forum.slug}/call/"
    anonymous = Client()
    get(anonymous, path)
    state, html = get(anonymous, path)
    assert state == "hit" and "2 places left" in html

    first = services.register(call, UserFactory(), fmt="in_person", details={"name": "Aigerim"})
    state, html = get(anonymous, path)
    assert state != "hit" and "1 place left" in html and "2 places left" not in html

    services.register(call, UserFactory(), fmt="in_person", details={"name": "Bakyt"})
    assert "full — you would join the waiting list" in get(anonymous, path)[1]
    services.cancel(first, actor=first.user)
    state, html = get(anonymous, path)
    assert state != "hit" and "1 place left" in html


def test_personal_records_leave_cached_pages_alone():
    call = CallFactory()
    registration = RegistrationFactory(call=call)
    session = SessionFactory(forum=call.forum)
    editor = UserFactory(role="editor")
    path = f"/en/forums/{call.forum.slug}/call/"
    anonymous = Client()
    get(anonymous, path)
    assert get(anonymous, path)[0] == "hit"
    AgendaItem.objects.create(user=registration.user, session=session)
    FeedbackResponse.objects.create(registration=registration, answers={"q": 5})
    TravelRequest.objects.create(registration=registration, amount_requested=100, reason="Far away")
    registration.accessibility = "Step-free access"
    registration.save()
    services.check_in(call, registration.check_in_code, actor=editor)
    assert get(anonymous, path)[0] == "hit"
