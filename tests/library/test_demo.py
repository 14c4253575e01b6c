"""The demo: the study with twelve interviews, its monograph (a real PDF, thumbnailed and searchable) and the forum
where it was presented, and two policy briefs; loading twice changes nothing."""

import pytest

from kurultai.core import search
from kurultai.library import demo as library_demo
from kurultai.library.models import Interview, Publication, ResearchProject

pytestmark = pytest.mark.django_db


def test_the_demo_study_shows_its_outputs_and_loads_once(client, demo):
    project = ResearchProject.objects.get(slug=library_demo.PROJECT_SLUG)
    assert project.is_demo and Interview.objects.filter(project=project).count() == 12
    monograph = Publication.objects.get(project=project, type="monograph")
    item = monograph.files.get()
    assert item.pages >= 3 and item.thumbnail and "basin management" in item.text
    assert any(h.object_id == monograph.pk for h in search.search("interconnection of energy systems"))
    html = client.get(project.get_absolute_url()).content.decode()
    assert "12 expert interviews" in html and "The European Union and Central Asia" in html
    event = project.events.select_related("forum").get()
    assert event.forum.slug == "2021-almaty" and event.forum.get_absolute_url() in html
    assert Publication.objects.filter(type="policy_brief", is_demo=True).count() == 2
    before = (Publication.objects.count(), Interview.objects.count())
    library_demo.load()
    assert (Publication.objects.count(), Interview.objects.count()) == before
