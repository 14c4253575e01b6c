"""The dashboard's chart is drawn at the stylesheet's text size on every screen."""

import re
from pathlib import Path

import pytest

import kurultai

pytestmark = pytest.mark.django_db
CSS = Path(kurultai.__file__).parent / "core" / "static" / "kurultai" / "site.css"


def test_chart_text_is_not_scaled_down_and_is_at_least_12px(client):
    html = client.get("/en/follow-up/").content.decode()
    svg = re.search(r"<svg[^>]*class=\"chart\"[^>]*>", html).group(0)
    assert "viewBox" not in svg  # no scaling: 1 SVG unit is 1 CSS pixel at any width
    assert re.search(r'<rect x="0" y="\d+" height="\d+" width="\d+%"', html)  # bars are shares of the width
    rule = re.search(r"\.chart-label, \.chart-value \{[^}]*font: (\d+)px", CSS.read_text()).group(1)
    assert int(rule) >= 12
