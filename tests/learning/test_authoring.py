"""Editors and a course's facilitators author courses in plain pages; bad uploads and inconsistent questions are
refused next to the field."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kurultai.core.models import AuditEntry
from kurultai.learning.models import Block, Choice, Cohort, Course, Lesson, Module, Question, Quiz
from tests.factories import UserFactory
from tests.learning.factories import ChoiceFactory, CourseFactory, LessonFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def tr(name, text):
    return {f"{name}_en": text}  # the English box of a translated field


def png(width=2400, height=1600):
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 60)).save(out, format="PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def editor(client):
    user = UserFactory(role="editor")
    client.force_login(user)
    return user


def test_an_editor_builds_a_course_from_pages(client, editor):
    response = client.post(
        reverse("learning:course_new"),
        {
            **tr("title", "Water at home"),
            "slug": "water-at-home",
            "original_language": "en",
            "level": "introductory",
            "estimated_minutes": "30",
            "licence": "CC BY 4.0",
            "status": "published",
            "certificate": "on",
            "pass_mark": "70",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    course = Course.objects.get(slug="water-at-home")
    client.post(
        reverse("learning:module_new", kwargs={"slug": course.slug}),
        {**tr("title", "Basics"), "position": "1", "release_after_days": "0"},
    )
    module = Module.objects.get(course=course)
    client.post(
        reverse("learning:lesson_new", kwargs={"slug": course.slug, "module_pk": module.pk}),
        {**tr("title", "Saving water"), "position": "1", "completion": "mastery", "min_seconds": "0"},
    )
    lesson = Lesson.objects.get(module=module)
    client.post(
        reverse("learning:block_new", kwargs={"slug": course.slug, "lesson_pk": lesson.pk}) + "?kind=text",
        {"kind": "text", "position": "1", **tr("text", "Fix leaking taps <script>alert(1)</script> first.")},
    )
    options = {
        "options-TOTAL_FORMS": "2",
        "options-INITIAL_FORMS": "0",
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "8",
        "options-0-position": "1",
        **{f"options-0-{k}": v for k, v in tr("text", "A dripping tap").items()},
        "options-0-correct": "on",
        "options-1-position": "2",
        **{f"options-1-{k}": v for k, v in tr("text", "A closed tap").items()},
        **{f"options-1-{k}": v for k, v in tr("feedback", "A closed tap wastes nothing.").items()},
    }
    response = client.post(
        reverse("learning:question_new", kwargs={"slug": course.slug}),
        {"kind": "single", **tr("text", "What wastes water?"), "tolerance": "0", **options},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(course=course)
    assert Choice.objects.filter(question=question).count() == 2
    client.post(
        reverse("learning:quiz_new", kwargs={"slug": course.slug}),
        {
            **tr("title", "Check"),
            "questions": [question.pk],
            "pass_mark": "50",
            "attempts_allowed": "0",
            "grading": "highest",
            "draw": "0",
            "feedback": "immediate",
            "mastery": "none",
            "mastery_m": "3",
            "mastery_n": "5",
        },
    )
    quiz = Quiz.objects.get(course=course)
    client.post(
        reverse("learning:block_new", kwargs={"slug": course.slug, "lesson_pk": lesson.pk}),
        {"kind": "quiz", "position": "2", "quiz": quiz.pk},
    )
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert "Fix leaking taps" in page and "<script>alert" not in page and "What wastes water?" in page


def test_a_single_choice_question_needs_exactly_one_right_option(client, editor):
    course = CourseFactory()
    data = {
        "kind": "single",
        **tr("text", "Pick one"),
        "tolerance": "0",
        "options-TOTAL_FORMS": "2",
        "options-INITIAL_FORMS": "0",
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "8",
        "options-0-position": "1",
        "options-0-text_en": "A",
        "options-0-correct": "on",
        "options-1-position": "2",
        "options-1-text_en": "B",
        "options-1-correct": "on",
    }
    response = client.post(reverse("learning:question_new", kwargs={"slug": course.slug}), data)
    assert response.status_code == 200 and "exactly one right option" in response.content.decode()
    assert not Question.objects.exists()


def test_images_need_alt_text_are_checked_by_content_and_resized(client, editor):
    lesson = LessonFactory()
    url = reverse("learning:block_new", kwargs={"slug": lesson.module.course.slug, "lesson_pk": lesson.pk})
    response = client.post(url, {"kind": "image", "position": "1", "upload": png()})
    assert "Describe the image" in response.content.decode()
    fake = SimpleUploadedFile("x.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post(url, {"kind": "image", "position": "1", "upload": fake, **tr("alt", "A field")})
    assert "not of an accepted type" in response.content.decode()
    response = client.post(url, {"kind": "image", "position": "1", "upload": png(), **tr("alt", "A green field")})
    assert response.status_code == 302
    block = Block.objects.get(kind="image")
    assert block.content_type == "image/jpeg" and block.file.name.endswith(".jpg")
    with Image.open(block.file) as stored:
        assert stored.width == 1200


def test_audio_needs_a_transcript_and_a_pdf_shows_its_size(client, editor):
    lesson = LessonFactory()
    url = reverse("learning:block_new", kwargs={"slug": lesson.module.course.slug, "lesson_pk": lesson.pk})
    audio = SimpleUploadedFile("a.mp3", b"ID3" + b"\x00" * 500, content_type="audio/mpeg")
    assert (
        "transcript is required"
        in client.post(url, {"kind": "audio", "position": "1", "upload": audio}).content.decode()
    )
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n" + b"0" * 2048 + b"\n%%EOF", content_type="application/pdf")
    assert (
        client.post(url, {"kind": "attachment", "position": "1", "upload": pdf, **tr("text", "Handout")}).status_code
        == 302
    )
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert "Handout" in page and "(PDF, 2.0\xa0KB)" in page


def test_facilitators_author_their_own_course_only(client):
    mine, other = CourseFactory(), CourseFactory()
    user = UserFactory()
    mine.facilitators.add(user)
    client.force_login(user)
    assert client.get(reverse("learning:course_edit", kwargs={"slug": mine.slug})).status_code == 200
    assert client.get(reverse("learning:course_edit", kwargs={"slug": other.slug})).status_code == 403
    assert client.get(reverse("learning:course_new")).status_code == 403


def test_huge_numbers_are_refused_next_to_the_field(client, editor):
    course = CourseFactory()
    response = client.post(
        reverse("learning:quiz_new", kwargs={"slug": course.slug}),
        {**tr("title", "Check"), "pass_mark": "99999999999999999999", "attempts_allowed": "99999999999999999999",
         "grading": "highest", "draw": "0", "feedback": "after", "mastery": "none", "mastery_m": "3", "mastery_n": "5"},
    )  # fmt: skip
    assert response.status_code == 200 and "less than or equal to" in response.content.decode()
    assert not Quiz.objects.exists()


def test_editing_a_question_changes_removes_and_adds_options(client, editor):
    question = QuestionFactory(kind=Question.Kind.MULTIPLE, text={"en": "Which save water?"})
    kept = ChoiceFactory(question=question, position=1, text={"en": "Short showers"}, correct=True)
    gone = ChoiceFactory(question=question, position=2, text={"en": "Long baths"})
    untouched = ChoiceFactory(question=question, position=3, text={"en": "Hosing the yard"})
    rows = {
        "options-TOTAL_FORMS": "4",
        "options-INITIAL_FORMS": "3",
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "8",
        "options-0-id": kept.pk,
        "options-0-position": "1",
        "options-0-text_en": "Shorter showers",
        "options-0-correct": "on",
        "options-1-id": gone.pk,
        "options-1-position": "2",
        "options-1-text_en": "Long baths",
        "options-1-DELETE": "on",
        "options-2-id": untouched.pk,
        "options-2-position": "3",
        "options-2-text_en": "Hosing the yard",
        "options-3-position": "4",
        "options-3-text_en": "A bucket under the tap",
        "options-3-correct": "on",
    }
    response = client.post(
        reverse("learning:question_edit", kwargs={"slug": question.course.slug, "pk": question.pk}),
        {"kind": "multiple", **tr("text", "Which habits save water?"), "tolerance": "0", **rows},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert str(question.text) == "Which habits save water?"
    texts = {str(c.text): c.correct for c in question.choices.order_by("position")}
    assert texts == {"Shorter showers": True, "Hosing the yard": False, "A bucket under the tap": True}
    assert AuditEntry.objects.filter(action="learning.content_saved").count() == 1


def test_a_new_cohort_is_run_by_its_creator_and_editing_keeps_the_facilitators(client, editor):
    course = CourseFactory()
    data = {"name": "Spring group", "schedule": "self_paced", "enrolment": "open", "code": "", "group_link": ""}
    response = client.post(reverse("learning:cohort_new", kwargs={"slug": course.slug}), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    cohort = Cohort.objects.get(course=course)
    assert list(cohort.facilitators.all()) == [editor]
    other = UserFactory()
    cohort.facilitators.add(other)
    response = client.post(reverse("learning:cohort_edit", kwargs={"pk": cohort.pk}), {**data, "name": "Autumn group"})
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.name == "Autumn group" and set(cohort.facilitators.all()) == {editor, other}
    assert AuditEntry.objects.filter(action="learning.cohort_saved").count() == 2
