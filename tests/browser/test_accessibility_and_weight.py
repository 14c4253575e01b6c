"""axe-core on every public page type at both viewports, and what a first visit downloads."""

import gzip

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/en/",
    "/en/forums/",
    "/en/forums/2021-almaty/",
    "/en/forums/2021-almaty/sessions/4/",
    "/en/recommendations/",
    "/en/recommendations/?theme=nonsense",
    "/ru/forums/2021-almaty/",
    "/kk/forums/",
]
FIRST_VISIT_BUDGET = 50 * 1024
HTML_BUDGET = 14 * 1024
SCRIPT_BUDGET = 15 * 1024


def recommendation_url() -> str:
    from kurultai.forums.models import Recommendation

    return Recommendation.objects.filter(forum__slug="2021-almaty").first().get_absolute_url()


def test_axe_finds_no_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for url in [*PAGES, recommendation_url()]:
        page.goto(url)
        for details in page.locator("details").all():
            details.evaluate("d => d.open = true")
        results = axe.run(page)
        assert results.violations_count == 0, f"{url} at {page.viewport_name}:\n{results.generate_report()}"


def test_first_visit_fits_the_budget(page):
    for url in [*PAGES, recommendation_url()]:
        context = page.context.browser.new_context(viewport=page.viewport_size)
        fresh = context.new_page()
        bodies: list[tuple[str, str, bytes]] = []
        fresh.on("response", lambda r, bodies=bodies: bodies.append((r.url, r.request.resource_type, r.body())))
        fresh.goto(page.base_url + url, wait_until="load")
        context.close()
        total = sum(len(gzip.compress(body, 6)) for _u, _t, body in bodies)
        html = sum(len(gzip.compress(body, 6)) for _u, kind, body in bodies if kind == "document")
        scripts = sum(len(gzip.compress(body, 6)) for _u, kind, body in bodies if kind == "script")
        assert html <= HTML_BUDGET, f"{url}: HTML {html} B compressed"
        assert scripts <= SCRIPT_BUDGET, f"{url}: scripts {scripts} B compressed"
        assert total <= FIRST_VISIT_BUDGET, f"{url}: first visit {total} B compressed ({[u for u, _t, _b in bodies]})"
