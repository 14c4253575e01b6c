"""Who may do what in the learning facility: editors author every course, a course's facilitators author theirs
and see their cohorts' progress; learners see only their own."""

from __future__ import annotations

import rules

from kurultai.accounts.roles import is_editor


@rules.predicate
def facilitates_course(user, course) -> bool:
    if not getattr(user, "is_authenticated", False) or course is None:
        return False
    return course.facilitators.filter(pk=user.pk).exists() or course.cohorts.filter(facilitators=user).exists()


@rules.predicate
def facilitates_cohort(user, cohort) -> bool:
    if not getattr(user, "is_authenticated", False) or cohort is None:
        return False
    return cohort.facilitators.filter(pk=user.pk).exists() or cohort.course.facilitators.filter(pk=user.pk).exists()


@rules.predicate
def is_published(user, course) -> bool:
    from kurultai.learning.models import Course

    return course is not None and course.status == Course.Status.PUBLISHED


can_author = is_editor | facilitates_course
can_read_course = is_published | can_author
can_run_cohort = is_editor | facilitates_cohort

rules.add_perm("learning.author_course", can_author)
rules.add_perm("learning.read_course", can_read_course)
rules.add_perm("learning.run_cohort", can_run_cohort)
rules.add_perm("learning.create_course", is_editor)
