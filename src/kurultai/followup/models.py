"""Follow-up of anything trackable: who is responsible, formal responses, a dated timeline, CSO assessments.

Every record hangs on a :class:`Trackable`, one row per tracked subject (a recommendation, a co-signed position, an
action of an action plan). Records of recommendations also keep their direct ``recommendation`` link, so the
recommendation lists, exports and API filter and prefetch with plain joins.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.multilingual import TranslatableModel, TranslatedField
from kurultai.core.uploads import GeneratedName
from kurultai.forums.models import Addressee, Recommendation
from kurultai.organisations.models import Organisation


class ImplementationStatus(models.TextChoices):
    """DESIGN §3: stable codes, translated labels."""

    NO_INFORMATION = "no_information", _("No information")
    NOT_STARTED = "not_started", _("Not started")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTIALLY_IMPLEMENTED = "partially_implemented", _("Partially implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    NO_LONGER_RELEVANT = "no_longer_relevant", _("No longer relevant")


class ResponseStatus(models.TextChoices):
    AWAITING_RESPONSE = "awaiting_response", _("Awaiting response")
    ACCEPTED = "accepted", _("Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", _("Partially accepted")
    NOTED = "noted", _("Noted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class TrackableQuerySet(models.QuerySet):
    def of_model(self, model: type[models.Model]) -> TrackableQuerySet:
        """Trackables of one model's subjects (joined by name, so no content-type lookup is needed first)."""
        meta = model._meta.concrete_model._meta
        return self.filter(content_type__app_label=meta.app_label, content_type__model=meta.model_name)

    def of(self, subject: models.Model) -> TrackableQuerySet:
        return self.of_model(type(subject)).filter(object_id=subject.pk)

    def of_subjects(self, subjects: list) -> TrackableQuerySet:
        """Trackables of same-model subjects."""
        if not subjects:
            return self.none()
        return self.of_model(type(subjects[0])).filter(object_id__in=[s.pk for s in subjects])


class Trackable(models.Model):
    """One followed-up subject. The kind (see ``followup.kinds``) says how to name, link and address it."""

    kind = models.CharField(_("kind"), max_length=30, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    addressees = models.ManyToManyField(
        Addressee,
        blank=True,
        related_name="trackables",
        verbose_name=_("addressed to"),
        help_text=_("Whose official response is expected (recommendations use their own addressees)."),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("implementation status"),
        max_length=25,
        choices=ImplementationStatus.choices,
        default=ImplementationStatus.NO_INFORMATION,
        help_text=_("The status of the newest progress update, kept for lists and filters."),
    )
    # Kept by followup.facts from the records below, for counts over many subjects (the dashboard).
    last_reported_on = models.DateField(null=True, blank=True, editable=False)
    first_response_on = models.DateField(null=True, blank=True, editable=False)
    actors_deadline = models.DateField(null=True, blank=True, editable=False)
    disputed = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrackableQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("tracked item")
        verbose_name_plural = _("tracked items")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="trackable_once")]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        subject = self.subject
        return self.kind_spec.url(subject) if subject is not None else ""

    @property
    def kind_spec(self):
        from kurultai.followup import kinds

        return kinds.get(self.kind)

    @property
    def title(self) -> str:
        subject = self.subject
        return self.kind_spec.title(subject) if subject is not None else f"{self.kind} {self.object_id}"

    @property
    def status_label(self) -> str:
        return str(ImplementationStatus(self.status).label)


class TrackedRecord(models.Model):
    """What every follow-up record shares: its trackable, and the direct link when that is a recommendation."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.trackable_id is None and self.recommendation_id is not None:
            self.trackable = trackable_of(self.recommendation, create=True)
        elif (
            self.recommendation_id is None and self.trackable_id is not None and self.trackable.kind == "recommendation"
        ):
            self.recommendation_id = self.trackable.object_id
        super().save(*args, **kwargs)
        from kurultai.followup import facts

        facts.refresh([self.trackable_id])


def trackable_of(subject: models.Model, *, create: bool = False) -> Trackable | None:
    """The subject's trackable (a :class:`Trackable` is returned as is); made on first need when ``create``."""
    if isinstance(subject, Trackable):
        return subject
    cached = getattr(subject, "_trackable_cache", None)
    if cached is not None:
        return cached
    if not create and getattr(subject, "_trackable_missing", False):
        return None
    from kurultai.followup import kinds

    kind = kinds.for_model(type(subject))
    if kind is None:
        raise LookupError(f"{type(subject).__name__} is not a registered trackable kind")
    if create:
        found, _created = Trackable.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk, defaults={"kind": kind.key}
        )
    else:
        found = Trackable.objects.of(subject).first()
    if found is not None:
        found.subject = subject
        subject._trackable_cache = found
    else:
        subject._trackable_missing = True  # asked again in the same request (permission checks), it is still absent
    return found


class ResponsibleActor(TrackedRecord):
    """An organisation that leads or contributes to acting on a tracked subject (an action's owners, for one)."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        CONTRIBUTING = "contributing", _("Contributing")

    trackable = models.ForeignKey(Trackable, on_delete=models.CASCADE, related_name="responsible_actors")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, null=True, blank=True, related_name="responsible_actors"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="responsibilities")
    role = models.CharField(_("role"), max_length=15, choices=Role.choices, default=Role.LEAD)
    deadline = models.DateField(_("deadline"), null=True, blank=True)

    class Meta:
        ordering = ["role", "id"]
        verbose_name = _("responsible actor")
        verbose_name_plural = _("responsible actors")
        constraints = [models.UniqueConstraint(fields=["trackable", "organisation"], name="actor_once")]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Response(TrackedRecord, TranslatableModel):
    """An addressee's formal answer; the newest one per addressee is in force."""

    trackable = models.ForeignKey(Trackable, on_delete=models.CASCADE, related_name="responses")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, null=True, blank=True, related_name="responses"
    )
    addressee = models.ForeignKey(
        Addressee, on_delete=models.PROTECT, related_name="responses", verbose_name=_("on behalf of")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("organisation"),
    )
    status = models.CharField(_("response"), max_length=20, choices=ResponseStatus.choices)
    text = TranslatedField(_("text"), multiline=True, blank=True)
    responded_on = models.DateField(_("date"), default=timezone.localdate)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-responded_on", "-created_at"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return f"{self.addressee}: {self.get_status_display()}"


class ProgressUpdate(TrackedRecord, TranslatableModel):
    """A dated, attributed entry on a timeline. Never edited: a correction is a new entry."""

    class Reporter(models.TextChoices):
        ACTOR = "actor", _("Responsible actor")
        CSO = "cso", _("Civil society")
        SECRETARIAT = "secretariat", _("Forum secretariat")

    trackable = models.ForeignKey(Trackable, on_delete=models.CASCADE, related_name="updates")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )
    status = models.CharField(_("implementation status"), max_length=25, choices=ImplementationStatus.choices)
    text = TranslatedField(_("what happened"), multiline=True)
    reported_on = models.DateField(_("date"), default=timezone.localdate)
    reporter = models.CharField(_("reported by"), max_length=15, choices=Reporter.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_updates",
        verbose_name=_("organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections", verbose_name=_("corrects")
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-created_at"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.reported_on}: {self.get_status_display()}"


class Assessment(TrackedRecord, TranslatableModel):
    """A civil society organisation's own view of the status, shown beside the official one."""

    trackable = models.ForeignKey(Trackable, on_delete=models.CASCADE, related_name="assessments")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, null=True, blank=True, related_name="assessments"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("organisation")
    )
    status = models.CharField(_("status in our view"), max_length=25, choices=ImplementationStatus.choices)
    text = TranslatedField(_("why"), multiline=True)
    assessed_on = models.DateField(_("date"), default=timezone.localdate)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-created_at"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_status_display()}"


class Evidence(models.Model):
    """A link or a checked file that supports an update or an assessment."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence")
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence")
    title = models.CharField(_("title"), max_length=200, blank=True)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to=GeneratedName("evidence"), blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    # Files are addressed by this, never by the sequential id.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(update__isnull=False, assessment__isnull=True)
                    | models.Q(update__isnull=True, assessment__isnull=False)
                ),
                name="evidence_belongs_to_one_entry",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url or self.file.name


class RecurrenceLink(models.Model):
    """A recommendation that repeats an earlier one; suggested by text similarity, confirmed by an editor."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="recurrence_links")
    earlier = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="later_links")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    similarity = models.FloatField(default=0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-similarity"]
        verbose_name = _("recurrence")
        verbose_name_plural = _("recurrences")
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "earlier"], name="recurrence_once"),
            models.CheckConstraint(condition=~models.Q(recommendation=models.F("earlier")), name="recurrence_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id} repeats {self.earlier_id} ({self.status})"
