"""The "done means" journey in Chromium at 360 pixels: a guest downloads a module, goes offline, reads a lesson
and answers its quiz, comes back online, the answers sync, the guest signs up and finds the attempt graded and
kept.

Playwright's sync API refuses to start in a thread whose event loop is running (another browser session of the
suite, or an asyncio server left by a mail test), so Chromium is driven from a thread of its own; the database
checks stay in the test's thread."""

import os
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser


@pytest.fixture
def in_browser():
    """``in_browser(fn)`` runs ``fn(browser)`` in the one thread that owns Chromium and returns its result."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: browser checks skipped (scripts/system-deps.sh installs it)")
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium") as pool:
        playwright = pool.submit(lambda: sync_api.sync_playwright().start()).result()
        browser = pool.submit(lambda: playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)).result()
        try:
            yield lambda fn: pool.submit(fn, browser).result()
        finally:
            pool.submit(browser.close).result()
            pool.submit(playwright.stop).result()


def test_guest_learns_offline_syncs_and_keeps_the_attempt_after_sign_up(in_browser, live_server, transactional_db):
    from django.core import mail
    from django.core.management import call_command

    from kurultai.learning.models import Attempt

    call_command("load_demo", verbosity=0)
    tab = {}

    def answer_offline(browser):
        context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
        page = tab["page"] = context.new_page()
        tab["context"] = context
        page.goto("/en/learning/climate-adaptation/")
        page.get_by_role("link", name="Understanding climate risks").click()
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.get_by_role("button", name=re.compile(r"Download for offline \(\d")).click()
        page.get_by_text("Stored for offline reading.").wait_for()
        href = page.get_by_role("link", name="Reading local risks").get_attribute("href")

        context.set_offline(True)
        page.goto(href)
        assert page.locator("h1").inner_text() == "Reading local risks"
        page.get_by_label("Planting shelter belts to protect fields from dry winds").check()
        page.locator("fieldset", has_text="only a task for national governments").get_by_label("False").check()
        for text in ("Elders' memories", "hydrometeorological station", "National climate projections"):
            page.get_by_label(re.compile(text)).check()
        page.locator("fieldset", has_text="Aral Sea").get_by_role("textbox").fill("Аму Дарья")
        page.get_by_role("button", name="Submit answers").click()
        page.get_by_text("Saved on this device").wait_for()

    def sync(browser):
        tab["context"].set_offline(False)
        tab["page"].get_by_role("button", name="Sync now").click()
        tab["page"].get_by_text("All answers sent.").wait_for()

    def sign_up(browser):
        page = tab["page"]
        page.goto("/en/accounts/signup/")
        page.get_by_label("Email").fill("dilnoza@example.org")
        page.get_by_label("Name shown to others").fill("Dilnoza")
        page.get_by_label("Password:", exact=True).fill("a long enough secret 42")
        page.get_by_label("Password (again)").fill("a long enough secret 42")
        page.get_by_label("I accept the terms of use").check()
        page.get_by_role("button", name="Sign Up").click()
        page.goto(re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0))
        page.get_by_role("button", name="Confirm").click()
        page.wait_for_url("**/en/account/")
        page.goto("/en/learning/mine/")
        content = page.content()
        tab["context"].close()
        return content

    in_browser(answer_offline)
    assert Attempt.objects.count() == 0
    in_browser(sync)
    attempt = Attempt.objects.get()
    assert attempt.offline and attempt.score == 1 and attempt.user is None
    mine = in_browser(sign_up)
    assert re.search(r"Check yourself: risks: 100%", mine)
    assert "(offline)" in mine
    attempt.refresh_from_db()
    assert attempt.user is not None and attempt.user.email == "dilnoza@example.org"
