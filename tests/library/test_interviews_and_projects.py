"""Expert interviews (consent, audio checked by type, length and bit rate, transcripts per language, anonymity that
holds everywhere) and research projects with their outputs."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kurultai.core import search
from kurultai.library import files, services
from kurultai.library.models import Interview, ProjectEvent
from tests.factories import ForumFactory, UserFactory
from tests.library.factories import (
    InterviewFactory,
    ProjectFactory,
    PublicationFactory,
    mp3_bytes,
    mp3_upload,
)

pytestmark = pytest.mark.django_db

SECRET = "Qwertyuiop Secretova"


def _interview(editor, **values):
    defaults = {
        "interviewee_name": SECRET,
        "anonymised": True,
        "interviewee_role": {"en": "expert, Kazakhstan", "ru": "эксперт, Казахстан"},
        "topic": {"en": "The EU strategy of 2019"},
        "summary": {"en": "Short summary."},
        "interviewer": "Research team",
        "interviewed_on": dt.date(2020, 6, 1),
        "consent_on": dt.date(2020, 5, 30),
        "consent_form": "written",
        "consent_scope": "anonymised",
        "original_language": "en",
    }
    defaults.update(values)
    return services.create_interview(editor, **defaults)


def test_audio_is_checked_by_content_length_and_bit_rate(settings):
    checked = files.check_audio(mp3_upload(seconds=65, kbps=64))
    assert checked.content_type == "audio/mpeg" and 64 <= checked.seconds <= 66 and checked.kbps == 64
    with pytest.raises(ValidationError) as not_audio:
        files.check_audio(SimpleUploadedFile("talk.mp3", b"<html>not audio</html>" * 50))
    assert not_audio.value.code == "bad_type"
    with pytest.raises(ValidationError) as too_rich:
        files.check_audio(mp3_upload(seconds=3, kbps=320))
    assert too_rich.value.code == "bit_rate"
    long_file = SimpleUploadedFile("long.mp3", mp3_bytes(seconds=20, kbps=32))
    settings_limit = files.MAX_AUDIO_SECONDS
    try:
        files.MAX_AUDIO_SECONDS = 10
        with pytest.raises(ValidationError) as too_long:
            files.check_audio(long_file)
        assert too_long.value.code == "too_long"
    finally:
        files.MAX_AUDIO_SECONDS = settings_limit


def test_an_interview_with_audio_and_two_transcripts_shows_duration_size_and_languages(client):
    editor = UserFactory(role="editor")
    interview = _interview(
        editor,
        audio=mp3_upload(seconds=125, kbps=48),
        transcripts={"en": "We spoke about water.", "ru": "Мы говорили о воде."},
        status="published",
    )
    assert interview.audio_seconds in (124, 125, 126) and interview.audio.name.endswith(".mp3")
    page = client.get(interview.get_absolute_url()).content.decode()
    assert "2:0" in page and "KB" in page and "48 kbit/s" in page
    assert "We spoke about water." in page and 'href="?lang=ru"' in page
    assert "Мы говорили о воде." in client.get(interview.get_absolute_url(), {"lang": "ru"}).content.decode()
    audio = client.get(f"/en/knowledge/interviews/{interview.pk}/audio")
    assert audio["Content-Type"] == "audio/mpeg"


def test_the_form_refuses_a_recording_that_is_not_audio(client):
    editor = UserFactory(role="editor")
    client.force_login(editor)
    data = {
        "anonymised": "on",
        "interviewee_role_en": "expert, Tajikistan",
        "topic_en": "Water",
        "interviewed_on": "2020-06-01",
        "consent_on": "2020-06-01",
        "consent_form": "oral",
        "consent_scope": "anonymised",
        "transcript_language": "en",
        "audio_file": SimpleUploadedFile("a.mp3", b"MZ\x90\x00 not audio" * 30),
    }
    response = client.post("/en/knowledge/interviews/new/", data)
    assert response.status_code == 400 and "not an MP3, Ogg or M4A recording" in response.content.decode()
    assert not Interview.objects.exists()
    data["audio_file"] = mp3_upload(seconds=2)
    data["consent_on"] = "2020-06-02"
    response = client.post("/en/knowledge/interviews/new/", data)
    assert response.status_code == 400 and "Consent must be given before" in response.content.decode()
    data["consent_on"] = "2020-05-02"
    data["audio_file"] = mp3_upload(seconds=2)
    assert client.post("/en/knowledge/interviews/new/", data).status_code == 302
    assert Interview.objects.get().status == "draft"


def test_consent_for_research_only_is_never_published():
    editor = UserFactory(role="editor")
    interview = _interview(editor, anonymised=False, consent_scope="research_only")
    with pytest.raises(ValidationError):
        services.publish_interview(editor, interview)


def test_an_anonymised_name_never_leaks_to_page_search_api_oai_or_feed(client, settings):
    settings.ROOT_URLCONF = "tests.library.urls"
    editor = UserFactory(role="editor")
    project = ProjectFactory()
    publication = PublicationFactory(project=project, type="expert_interview")
    interview = _interview(
        editor,
        project=project,
        publication=publication,
        transcripts={"en": f"I am {SECRET} and I think cooperation grows."},
        status="published",
    )
    places = [
        interview.get_absolute_url(),
        "/en/knowledge/interviews/",
        project.get_absolute_url(),
        publication.get_absolute_url(),
        "/en/knowledge/publications/feed/",
        "/api/v1/library/interviews",
        f"/api/v1/library/interviews/{interview.pk}",
        "/oai?verb=ListRecords&metadataPrefix=oai_dc",
        "/en/search/?q=cooperation",
    ]
    for path in places:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert "Secretova" not in body and "Qwertyuiop" not in body, path
    assert "expert, Kazakhstan" in client.get(interview.get_absolute_url()).content.decode()
    assert search.search("cooperation grows")  # the transcript is searchable, without the name
    assert not search.search("Secretova")


def test_a_named_interview_shows_the_name():
    interview = InterviewFactory(anonymised=False, consent_scope="named", interviewee_name="Aigul Karimova")
    assert interview.public_name == "Aigul Karimova (expert, Kazakhstan)"


def test_a_project_page_shows_its_interviews_monograph_and_conference(client, django_assert_max_num_queries):
    project = ProjectFactory(title={"en": "EU and Central Asia study"})
    forum = ForumFactory(title={"en": "Conference on EU and Central Asia"})
    ProjectEvent.objects.create(project=project, forum=forum, role={"en": "The book was presented"})
    PublicationFactory(project=project, type="monograph", title={"en": "The monograph"})
    for _n in range(3):
        InterviewFactory(project=project)
    with django_assert_max_num_queries(20) as few:
        page = client.get(project.get_absolute_url())
    for _n in range(9):
        InterviewFactory(project=project)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(project.get_absolute_url())
    html = page.content.decode()
    assert "12 expert interviews" in html and "The monograph" in html and "Conference on EU and Central Asia" in html
    assert "The book was presented" in html
    listing = client.get("/en/knowledge/projects/").content.decode()
    assert "EU and Central Asia study" in listing and "12 interviews" in listing
