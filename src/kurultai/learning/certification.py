"""Course certificates, issued through the shared certificates app (one per course and learner)."""

from __future__ import annotations

from typing import Any

from kurultai.core.audit import record
from kurultai.learning.audit import LearningAction


def existing(course, user) -> Any:
    from kurultai.certificates.models import Certificate

    return Certificate.objects.current().for_source(course).filter(holder=user).first()


def issue(course, user, name: str = "") -> Any:
    """The learner's certificate for ``course`` (issued once; the name printed as the learner writes it)."""
    from kurultai.certificates import services as certificates
    from kurultai.certificates.models import Certificate

    found = existing(course, user)
    if found is not None:
        if name and name != found.holder_name:
            found = certificates.rename(found, holder_name=name, actor=user)
        return found
    certificate = certificates.issue(
        kind=Certificate.Kind.COURSE,
        holder=user,
        title=str(course.title),
        issuer="Kurultai",
        holder_name=name,
        source=course,
        language=course.original_language,
        actor=user,
    )
    record(user, LearningAction.CERTIFICATE_ISSUED, course, {"certificate": certificate.pk})
    return certificate
