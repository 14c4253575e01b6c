"""Cohorts, the facilitator report, reminders, certificates and privacy."""

import pytest
from django.core import mail  # noqa: F401
from django.urls import reverse
from django.utils import timezone

from kurultai.core import privacy
from kurultai.learning import services
from kurultai.learning.models import Attempt, Cohort, Enrolment, LessonProgress
from kurultai.notifications.models import Event
from tests.factories import UserFactory
from tests.learning.factories import CohortFactory, quiz_lesson, right_answers

pytestmark = pytest.mark.django_db


def take(quiz, user, right: bool, key: str):
    draw = services.new_draw(quiz)
    answers = right_answers(quiz, draw["drawn"]) if right else {}
    return services.submit(quiz, user, token=draw["token"], key=key, answers=answers)


def test_enrolment_by_code_and_by_invitation():
    cohort = CohortFactory(enrolment=Cohort.Enrolment.CODE, code="WATER25")
    user = UserFactory()
    with pytest.raises(services.EnrolmentError):
        services.enrol(cohort, user, code="nope")
    services.enrol(cohort, user, code="water25")
    services.enrol(cohort, user, code="water25")
    assert Enrolment.objects.filter(cohort=cohort).count() == 1
    invited = CohortFactory(enrolment=Cohort.Enrolment.INVITATION)
    with pytest.raises(services.EnrolmentError):
        services.enrol(invited, user)
    invitation = services.invite(invited, "someone@example.org", UserFactory())
    services.enrol(invited, user, token=invitation.token)
    assert invited.enrolments.filter(user=user).exists()


def test_scheduled_cohorts_release_modules_by_date():
    lesson, _quiz = quiz_lesson()
    module = lesson.module
    module.release_after_days = 7
    cohort = CohortFactory(course=module.course, schedule=Cohort.Schedule.SCHEDULED, starts_on=timezone.localdate())
    assert not cohort.released(module)
    assert cohort.released(module, today=timezone.localdate() + timezone.timedelta(days=7))


def test_the_report_shows_the_most_missed_question_and_inactive_learners(client, django_assert_max_num_queries):
    _lesson, quiz = quiz_lesson(questions=2)
    cohort = CohortFactory(course=quiz.course)
    facilitator = UserFactory()
    cohort.facilitators.add(facilitator)
    hard, easy = list(quiz.questions.order_by("pk"))
    hard.text = {"en": "Which river feeds the Aral Sea from the south?"}
    hard.save()
    learners = [UserFactory() for _ in range(3)]
    for i, learner in enumerate(learners):
        services.enrol(cohort, learner)
        draw = services.new_draw(quiz)
        answers = right_answers(quiz, draw["drawn"])
        answers[str(hard.pk)] = 0
        if i < 2:
            services.submit(quiz, learner, token=draw["token"], key=f"{i}" * 32, answers=answers)
    client.force_login(facilitator)
    url = reverse("learning:report", kwargs={"pk": cohort.pk})
    page = client.get(url).content.decode()
    missed = page.split('id="most-missed"')[1].split("</ol>")[0]
    assert "Aral Sea" in missed.split("</li>")[0] and str(easy.text) not in missed
    assert "missed 2 of 2 times" in page and "inactive" in page
    csv = client.get(reverse("learning:report_csv", kwargs={"pk": cohort.pk})).content.decode()
    assert csv.count("\n") == 4
    # constant queries as the cohort grows
    with django_assert_max_num_queries(25):
        client.get(url)
    for _ in range(5):
        services.enrol(cohort, UserFactory())
    with django_assert_max_num_queries(25):
        client.get(url)
    # the reminder goes to the chosen learners through the notifications system
    response = client.post(reverse("learning:remind", kwargs={"pk": cohort.pk}), {"learner": [learners[2].pk, 999999]})
    assert response.status_code == 302
    event = Event.objects.get(code="learning.reminder")
    assert event.params["_to"] == [learners[2].pk]


def test_the_report_is_for_facilitators_and_editors_only(client):
    cohort = CohortFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("learning:report", kwargs={"pk": cohort.pk})).status_code == 403


def test_announcements_reach_enrolled_learners():
    cohort = CohortFactory()
    learner = UserFactory()
    services.enrol(cohort, learner)
    services.announce(cohort, "We meet on Thursday.", UserFactory())
    event = Event.objects.get(code="learning.announcement")
    assert event.params["_to"] == [learner.pk]


def test_a_finished_course_gives_a_certificate_that_verifies_as_valid(client, django_capture_on_commit_callbacks):
    _lesson, quiz = quiz_lesson(questions=1)
    user = UserFactory()
    client.force_login(user)
    assert (
        client.post(reverse("learning:certificate", kwargs={"slug": quiz.course.slug}), {"name": "X"}).status_code
        == 403
    )
    with django_capture_on_commit_callbacks(execute=True):
        take(quiz, user, True, "a" * 32)
    response = client.post(
        reverse("learning:certificate", kwargs={"slug": quiz.course.slug}), {"name": "Айгерим Бекова"}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Айгерим Бекова" in page and "Valid" in page


def test_failing_the_pass_mark_gives_no_certificate():
    _lesson, quiz = quiz_lesson(questions=1)
    user = UserFactory()
    take(quiz, user, False, "b" * 32)
    assert not services.certificate_earned(quiz.course, user)


def test_progress_is_exported_and_erased_with_the_account():
    _lesson, quiz = quiz_lesson(questions=1)
    user = UserFactory()
    take(quiz, user, True, "c" * 32)
    data = privacy.personal_data(user)
    assert data["quiz_attempts"] and data["lesson_progress"]
    privacy.erase(user)
    assert not Attempt.objects.filter(user=user).exists() and not LessonProgress.objects.filter(user=user).exists()
