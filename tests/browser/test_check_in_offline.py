"""Check-in at a venue whose connection drops: on a phone, staff keep the participant list, check someone in by
typed code while offline, and the check-in reaches the server when the connection returns."""

import pytest

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser


def test_check_in_offline_then_sync(browser, live_server, transactional_db):
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.test import Client

    from kurultai.participation.models import Registration
    from tests.factories import UserFactory
    from tests.participation.factories import CallFactory, RegistrationFactory

    editor = UserFactory(role="editor", email="door@organisers.example")
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    call = CallFactory()
    guest = RegistrationFactory(call=call, name="Zarina Ismoilova")
    RegistrationFactory(call=call, name="Other Person")
    check_in = f"/en/forums/{call.forum.slug}/check-in/"

    signed_in = Client()
    signed_in.force_login(editor)
    cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(viewport=PHONE, base_url=live_server.url)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto(check_in)
        assert page.locator("h1").inner_text() == "Check-in", page.content()[:2000]

        live = page.locator("#checkin-live")
        page.get_by_role("button", name="Keep the list for offline use").click()
        live.filter(has_text="Participant list saved on this device: 2").wait_for()

        context.set_offline(True)
        page.get_by_label("Check-in code").fill(guest.check_in_code.lower())
        page.get_by_role("button", name="Check in", exact=True).click()
        live.filter(has_text="Zarina Ismoilova").wait_for()
        assert "offline" in live.inner_text()
        assert page.locator("#checkin-pending").inner_text().endswith("1")
        guest.refresh_from_db()
        assert guest.status == Registration.Status.ACCEPTED  # nothing reached the server yet

        context.set_offline(False)
        page.evaluate("window.dispatchEvent(new Event('online'))")
        live.filter(has_text="Offline check-ins sent: 1").wait_for()
        guest.refresh_from_db()
        assert guest.status == Registration.Status.CHECKED_IN and guest.checked_in_at is not None
        assert page.locator("#checkin-pending").inner_text() == ""
    finally:
        context.close()
