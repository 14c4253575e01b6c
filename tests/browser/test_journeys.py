"""Main journeys as a person walks them, on a 360-pixel phone and on a desktop, mouse and keyboard."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_browse_forum_session_recommendation(page):
    page.goto("/en/")
    page.get_by_role("link", name="Forums", exact=True).first.click()
    page.get_by_role("link", name="Third EU–Central Asia Civil Society Forum").click()
    assert page.locator("h1").inner_text() == "Third EU–Central Asia Civil Society Forum"
    page.locator("#session-2 a").click()
    assert re.search(r"/en/forums/2021-almaty/sessions/2/$", page.url)
    page.get_by_role("link", name="2021-S2-R2").click()
    assert page.locator("h1").inner_text() == "Recommendation 2021-S2-R2"
    assert "monitor the funding" in page.locator("blockquote").inner_text()


def test_filter_recommendations_without_javascript(browser, live_server, transactional_db):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, base_url=live_server.url
    )
    page = context.new_page()
    page.goto("/en/recommendations/")
    page.locator("summary", has_text="Filter recommendations").click()
    page.get_by_label("Theme").select_option(label="Gender equality and domestic violence")
    page.get_by_role("button", name="Show").click()
    assert "theme=gender-equality" in page.url
    assert page.get_by_role("status").inner_text() == "5 recommendations"
    context.close()


def test_switch_language_keeps_the_page(page):
    page.goto("/en/forums/2021-almaty/sessions/3/")
    page.locator("details.langs summary").click()
    menu = page.locator("details.langs ul").bounding_box()
    width = page.viewport_size["width"]
    assert menu["x"] >= 0 and menu["x"] + menu["width"] <= width, "every language name must be on screen"
    page.get_by_role("link", name="Русский").click()
    assert page.url.endswith("/ru/forums/2021-almaty/sessions/3/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Зелёное процветание" in page.locator("h1").inner_text()


def test_keyboard_only(page):
    page.goto("/en/forums/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to content"
    assert skip.bounding_box()["x"] >= 0, "the skip link must become visible when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.locator(":focus").inner_text() == "Demo forum — try registration"  # the newest edition first
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/forums/demo-forum-2027/")
    # The language menu opens and works from the keyboard.
    page.goto("/en/forums/")
    page.locator("details.langs summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.locator(":focus").inner_text() == "Русский"
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/forums/")


def test_focus_is_visible(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_no_sideways_scrolling(page):
    for url in ("/en/", "/en/forums/2021-almaty/", "/ru/recommendations/?country=KZ", "/en/forums/"):
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        wide = page.evaluate(
            """w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                 .slice(0, 5).map(e => e.tagName + '.' + e.className)""",
            page.viewport_size["width"],
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {page.viewport_name}: {wide}"


def test_sign_up_on_a_phone_and_confirm_the_email(page):
    from django.core import mail

    page.goto("/en/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_role("link", name="sign up").click()
    page.get_by_label("Email").fill("gulnara@example.org")
    page.get_by_label("Name shown to others").fill("Gulnara")
    page.get_by_label("Password:", exact=True).fill("a long enough secret 42")
    page.get_by_label("Password (again)").fill("a long enough secret 42")
    page.get_by_role("button", name="Sign Up").click()
    assert page.url.endswith("/en/accounts/signup/")  # the consent box is required: nothing was sent
    page.get_by_label("I accept the terms of use").check()
    page.get_by_role("button", name="Sign Up").click()
    assert "Verify Your Email Address" in page.content()
    import re

    assert "Hello from Kurultai!" in mail.outbox[-1].body
    page.goto(re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/en/account/")
    assert page.locator("h1").inner_text() == "Your account"


def test_find_a_partner_organisation_by_theme_and_country(page):
    page.goto("/ru/organisations/")
    page.locator("summary", has_text="Поиск и фильтры").click()
    page.get_by_label("Страна").select_option(label="Узбекистан")
    page.get_by_role("button", name="Показать").click()
    assert "Ассоциация фермеров Приаралья" in page.content()
    page.get_by_role("link", name="Ассоциация фермеров Приаралья").click()
    assert "Нукус" in page.locator(".lead").inner_text()


def test_focal_point_signs_in_and_responds(page):
    from allauth.account.models import EmailAddress

    from kurultai.forums.models import Recommendation
    from kurultai.organisations.models import Membership, Organisation
    from tests.factories import PASSWORD, UserFactory

    user = UserFactory(email="focal@carec.example")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Membership.objects.create(user=user, organisation=Organisation.objects.get(slug="carec"), status="approved")
    rec = Recommendation.objects.get(forum__slug="2021-almaty", session__number=4, position=2)
    page.goto(rec.get_absolute_url())
    login = page.get_by_role("link", name="Sign in to follow")
    page.goto(login.get_attribute("href"))
    assert page.locator("h1").inner_text() == "Sign In", page.content()[:2000]
    page.get_by_label("Email").fill("focal@carec.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"**{rec.get_absolute_url()}")
    page.get_by_role("link", name="Report progress").click()
    page.get_by_label("Implementation status").select_option("implemented")
    page.get_by_label("What happened").fill("Every module of the course is online.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**{rec.get_absolute_url()}")
    assert "Every module of the course is online." in page.content()
    assert "Implemented" in page.locator(".status-pair").inner_text()
