"""Personal parts of a page: rendered in place, or kept as markers in a shared copy and filled in per person."""

import pytest
from django.test import RequestFactory

from kurultai.core import holes
from tests.factories import ForumFactory, UserFactory

pytestmark = pytest.mark.django_db


@holes.personal("test-greeting")
def greeting(request, forum, punctuation="!"):
    return f"<b>{request.user.display_name} at {forum.slug}{punctuation}</b>"


@holes.personal("test-outer")
def outer(request, forum):
    return f"<div>{holes.hole(request, 'test-greeting', forum, '.')}</div>"


def request_of(user):
    request = RequestFactory().get("/en/")
    request.user = user
    return request


def test_a_part_is_rendered_in_place_outside_a_shared_copy():
    forum = ForumFactory(slug="bishkek-2026")
    request = request_of(UserFactory(display_name="Aida"))
    assert holes.hole(request, "test-greeting", forum) == "<b>Aida at bishkek-2026!</b>"


def test_a_shared_copy_keeps_markers_and_is_filled_for_someone_else():
    forum = ForumFactory(slug="bishkek-2026")
    first = request_of(UserFactory(display_name="Aida"))
    recorder = holes.record(first)
    page = f"<main>{holes.hole(first, 'test-greeting', forum)}{holes.hole(first, 'test-outer', forum)}</main>"
    holes.stop_recording(first)
    assert "Aida" not in page and holes.MARKER_PREFIX in page
    assert recorder.put_back(page) == "<main><b>Aida at bishkek-2026!</b><div><b>Aida at bishkek-2026.</b></div></main>"
    second = request_of(UserFactory(display_name="Timur"))
    filled = holes.fill(second, page, recorder.nonce, recorder.holes)
    assert filled == "<main><b>Timur at bishkek-2026!</b><div><b>Timur at bishkek-2026.</b></div></main>"


def test_a_marker_written_by_someone_else_is_not_filled():
    forum = ForumFactory()
    request = request_of(UserFactory())
    recorder = holes.record(request)
    holes.hole(request, "test-greeting", forum)
    forged = f"{holes.MARKER_PREFIX}0000000000000000:0-->"
    assert holes.fill(request, forged, recorder.nonce, recorder.holes) == forged


def test_arguments_that_cannot_be_kept_make_the_page_personal():
    request = request_of(UserFactory(display_name="Aida"))
    recorder = holes.record(request)
    html = holes.hole(request, "test-greeting", ForumFactory(slug="x"), object())
    assert "Aida" in html and not recorder.shareable


def test_a_record_gone_since_asks_for_a_fresh_page():
    forum = ForumFactory()
    request = request_of(UserFactory())
    recorder = holes.record(request)
    page = holes.hole(request, "test-greeting", forum)
    forum.delete()
    with pytest.raises(holes.Missing):
        holes.fill(request, page, recorder.nonce, recorder.holes)
