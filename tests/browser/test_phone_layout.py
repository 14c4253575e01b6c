"""The follow-up dashboard fits a 360-pixel phone and its chart stays readable."""

import pytest

pytestmark = pytest.mark.browser

PHONE_WIDTH = 360
MIN_FONT_PX = 12

# Rendered size of the chart's text: the font size times the SVG's scale on screen.
CHART_TEXT_SIZES = """() => [...document.querySelectorAll('svg.chart text')].map(t => {
  const box = t.getBBox(); const m = t.getScreenCTM();
  return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
})"""
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5)"""


@pytest.mark.parametrize("url", ["/en/follow-up/", "/ru/follow-up/", "/en/follow-up/?forum=2021-almaty"])
def test_dashboard_fits_a_phone_and_chart_text_is_readable(page, url):
    if page.viewport_name != "phone":
        pytest.skip("phone layout")
    page.goto(url)
    for details in page.locator("details").all():
        details.evaluate("d => d.open = true")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{url} is {width} px wide: {page.evaluate(WIDEST)}"
    sizes = page.evaluate(CHART_TEXT_SIZES)
    assert sizes, "the chart has text"
    assert min(sizes) >= MIN_FONT_PX, f"chart text rendered at {min(sizes):.1f} px"
