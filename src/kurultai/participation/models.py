"""Taking part in a forum: the call for participants, registrations in person or online, the waiting list,
travel support, invitation letters, check-in, the personal agenda, feedback and the statistics that outlive
the personal data."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import Country
from kurultai.core.multilingual import TranslatableModel, TranslatedField
from kurultai.forums.models import Forum, Session

CHECK_IN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_check_in_code() -> str:
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(8))


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class Call(TranslatableModel):
    """A forum's call for participants: when registration is open, how people are chosen, how many seats."""

    class Selection(models.TextChoices):
        FIRST_COME = "first_come", _("First come, first served")
        APPLICATION = "application", _("Application, then selection by the organisers")

    forum = models.OneToOneField(Forum, on_delete=models.CASCADE, related_name="call", verbose_name=_("forum"))
    intro = TranslatedField(_("introduction"), multiline=True, blank=True)
    opens_at = models.DateTimeField(_("registration opens"))
    closes_at = models.DateTimeField(_("registration closes"))
    selection = models.CharField(_("selection"), max_length=20, choices=Selection.choices, default=Selection.FIRST_COME)
    capacity_in_person = models.PositiveIntegerField(
        _("seats in person"), null=True, blank=True, help_text=_("Leave empty when there is no in-person format.")
    )
    capacity_online = models.PositiveIntegerField(
        _("places online"), null=True, blank=True, help_text=_("Leave empty when there is no online format.")
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder (days before)"), default=3, help_text=_("0 sends no reminder.")
    )
    retention_days = models.PositiveSmallIntegerField(
        _("keep personal data (days after the forum)"),
        default=180,
        help_text=_("Then gender, age band, needs and answers are removed; the statistics keep only counts."),
    )
    issuer = models.CharField(
        _("issuer of certificates and letters"), max_length=300, blank=True, help_text=_("The organisers' name.")
    )
    reminders_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    personal_data_removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("call for participants")
        verbose_name_plural = _("calls for participants")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after_opening"
            )
        ]

    def __str__(self) -> str:
        return str(self.forum)

    def formats(self) -> list[str]:
        pairs = ((Format.IN_PERSON, self.capacity_in_person), (Format.ONLINE, self.capacity_online))
        return [fmt for fmt, capacity in pairs if capacity is not None]

    def capacity(self, fmt: str) -> int | None:
        return self.capacity_in_person if fmt == Format.IN_PERSON else self.capacity_online

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def issuer_name(self) -> str:
        return self.issuer or settings.SITE_NAME


class Question(TranslatableModel):
    """An organisers' own question, asked at registration or in the feedback survey."""

    class Purpose(models.TextChoices):
        REGISTRATION = "registration", _("Registration")
        FEEDBACK = "feedback", _("Feedback survey")

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        YES_NO = "yes_no", _("Yes or no")
        FILE = "file", _("File")
        SCALE = "scale", _("Scale from 1 to 5")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions", verbose_name=_("call"))
    purpose = models.CharField(_("asked in"), max_length=20, choices=Purpose.choices, default=Purpose.REGISTRATION)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TEXT)
    label = TranslatedField(_("question"), max_length=300)
    choices = TranslatedField(
        _("choices"), multiline=True, blank=True, help_text=_("One per line, in the same order in every language.")
    )
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return str(self.label)

    def choice_list(self) -> list[str]:
        return [line.strip() for line in str(self.choices).splitlines() if line.strip()]


class RegistrationQuerySet(models.QuerySet):
    def holding_seat(self) -> RegistrationQuerySet:
        return self.filter(status__in=Registration.SEATED)

    def active(self) -> RegistrationQuerySet:
        return self.exclude(status__in=[Registration.Status.CANCELLED, Registration.Status.DECLINED])


class Registration(models.Model):
    """A person's place at a forum, in person or online."""

    shown_on_public_pages = False  # personal: seat counts reach public pages through the call (services._lock)

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")
        CHECKED_IN = "checked_in", _("Checked in")

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        OTHER = "other", _("In another way")
        UNSAID = "unsaid", _("Prefer not to say")

    class AgeBand(models.TextChoices):
        UNDER_25 = "under_25", _("Under 25")
        FROM_25 = "25_34", _("25–34")
        FROM_35 = "35_49", _("35–49")
        FROM_50 = "50_64", _("50–64")
        FROM_65 = "65_plus", _("65 or older")
        UNSAID = "unsaid", _("Prefer not to say")

    SEATED = ("accepted", "checked_in")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("call"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("person")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("organisation"),
    )
    organisation_name = models.CharField(_("organisation (if not in the directory)"), max_length=300, blank=True)
    on_behalf = models.BooleanField(_("represents the organisation"), default=False)
    country = models.ForeignKey(
        Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("country")
    )
    organisation_type = models.CharField(_("type of organisation"), max_length=20, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices, blank=True)
    accessibility = models.TextField(_("accessibility needs"), blank=True, max_length=1000)
    dietary = models.TextField(_("dietary needs"), blank=True, max_length=1000)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    note = models.TextField(_("organisers' note"), blank=True, max_length=2000)
    check_in_code = models.CharField(_("check-in code"), max_length=12, unique=True, default=new_check_in_code)
    queued_at = models.DateTimeField(_("in the queue since"), default=timezone.now)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["queued_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="registration_once_per_call")]
        indexes = [models.Index(fields=["call", "format", "status"], name="registration_seats")]

    def __str__(self) -> str:
        return f"{self.name} — {self.call}"

    def get_absolute_url(self) -> str:
        return reverse("participation:mine", kwargs={"slug": self.call.forum.slug})

    @property
    def holds_seat(self) -> bool:
        return self.status in self.SEATED

    @property
    def organisation_label(self) -> str:
        return str(self.organisation) if self.organisation_id else self.organisation_name


class Upload(models.Model):
    """A file answered to a "file" question."""

    shown_on_public_pages = False  # personal or organisers' only: cached public pages stay valid

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="uploads")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to="participation/%Y/")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "question"], name="upload_once_per_question")]

    def __str__(self) -> str:
        return f"{self.registration_id}/{self.question_id}"


class TravelRequest(models.Model):
    """A participant asks for travel support; the organisers decide and record what they grant."""

    shown_on_public_pages = False  # personal or organisers' only: cached public pages stay valid

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Not granted")

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="travel")
    amount_requested = models.DecimalField(_("amount asked"), max_digits=9, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    reason = models.TextField(_("what it is for"), max_length=2000, blank=True)
    status = models.CharField(_("decision"), max_length=10, choices=Status.choices, default=Status.PENDING)
    amount_granted = models.DecimalField(_("amount granted"), max_digits=9, decimal_places=2, null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("travel support request")
        verbose_name_plural = _("travel support requests")

    def __str__(self) -> str:
        return f"{self.amount_requested} {self.currency}"


class InvitationLetter(models.Model):
    """A letter for a visa application, issued by the organisers with the name as written in the passport."""

    shown_on_public_pages = False  # personal or organisers' only: cached public pages stay valid

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="letter")
    passport_name = models.CharField(_("name as in the passport"), max_length=200)
    passport_number = models.CharField(_("passport number"), max_length=40)
    nationality = models.ForeignKey(
        Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("nationality")
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invitation letter")
        verbose_name_plural = _("invitation letters")

    def __str__(self) -> str:
        return self.passport_name


class AgendaItem(models.Model):
    """A session a registered person plans to attend ("my sessions")."""

    shown_on_public_pages = False  # personal or organisers' only: cached public pages stay valid

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_items")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda_items")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "session"], name="agenda_once_per_session")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.session_id}"


class FeedbackResponse(models.Model):
    """One participant's answers to the post-forum survey."""

    shown_on_public_pages = False  # personal or organisers' only: cached public pages stay valid

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="feedback")
    answers = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.registration_id}"


class CallStatistics(models.Model):
    """Counts kept when the raw personal fields are removed after the retention period."""

    shown_on_public_pages = False  # organisers' pages and the API, which are not cached pages

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="statistics")
    counts = models.JSONField(default=dict)
    stored_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.call_id}"
