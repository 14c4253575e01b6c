"""Thematic working groups: conveners, member organisations, meetings, documents, a discussion space, and the
regional action plans whose actions are followed up like recommendations."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kurultai.core.models import Country, Theme
from kurultai.core.moderation import Moderated
from kurultai.core.multilingual import TranslatableModel, TranslatedField
from kurultai.core.uploads import GeneratedName
from kurultai.forums.models import Forum, Recommendation
from kurultai.organisations.models import Organisation

User = settings.AUTH_USER_MODEL


class WorkingGroup(TranslatableModel):
    """A thematic group of organisations, for one forum edition or standing."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = TranslatedField(_("title"), max_length=200)
    description = TranslatedField(_("description"), multiline=True, blank=True, help_text=_("Markdown."))
    forum = models.ForeignKey(
        Forum,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_groups",
        verbose_name=_("forum edition"),
        help_text=_("Empty for a standing group."),
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="working_groups", verbose_name=_("themes"))
    conveners = models.ManyToManyField(User, blank=True, related_name="convened_groups", verbose_name=_("conveners"))
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self) -> str:
        return str(self.title) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("workinggroups:detail", args=[self.slug])


class GroupMembership(models.Model):
    """An organisation's place in a group: asked for by its representative, decided by a convener."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Member")
        DECLINED = "declined", _("Declined")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="group_memberships")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["group", "organisation__slug"]
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [models.UniqueConstraint(fields=["group", "organisation"], name="group_member_once")]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.group} ({self.status})"


class Meeting(TranslatableModel):
    """A meeting of a group: when (in its own time zone), where or online, agenda and minutes in Markdown."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="meetings")
    title = TranslatedField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=50, default="Asia/Bishkek")
    online_url = models.URLField(_("online link"), blank=True)
    place = TranslatedField(_("place"), max_length=300, blank=True)
    agenda = TranslatedField(_("agenda"), multiline=True, blank=True, help_text=_("Markdown."))
    minutes = TranslatedField(_("minutes"), multiline=True, blank=True, help_text=_("Markdown."))
    is_demo = models.BooleanField(_("demo content"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("workinggroups:meeting", args=[self.group.slug, self.pk])


class Document(models.Model):
    """A file a group shares, checked by content and size; addressed by a token."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=GeneratedName("groups"))
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    uploaded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("group document")
        verbose_name_plural = _("group documents")

    def __str__(self) -> str:
        return self.title


class Post(Moderated):
    """A message in a group's discussion space; replies are one level deep."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="posts")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("reply to")
    )
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("for")
    )
    text = models.TextField(_("message"), max_length=4000)
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("discussion post")
        verbose_name_plural = _("discussion posts")

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return reverse("workinggroups:discussion", args=[self.group.slug]) + f"#post-{self.pk}"


class ActionPlan(TranslatableModel):
    """A group's regional action plan; adopting freezes a numbered version, later edits are the next draft."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="plans")
    title = TranslatedField(_("title"), max_length=200)
    summary = TranslatedField(_("summary"), multiline=True, blank=True, help_text=_("Markdown."))
    changed_since_adoption = models.BooleanField(default=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group", "id"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("workinggroups:plan", args=[self.group.slug, self.pk])


class PlanVersion(models.Model):
    """An adopted version of a plan: its number, date and a frozen copy of its text, actions and indicators."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    adopted_on = models.DateField(_("adopted on"))
    adopted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    snapshot = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "-number"]
        verbose_name = _("adopted version")
        verbose_name_plural = _("adopted versions")
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_once")]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class ActionQuerySet(models.QuerySet):
    def public(self) -> ActionQuerySet:
        """Actions that belong to an adopted version."""
        return self.filter(adopted_in__isnull=False)


class Action(TranslatableModel):
    """One line of a plan: what, who (owners are its responsible actors), where, when, how much, measured how."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    title = TranslatedField(_("title"), max_length=300)
    description = TranslatedField(_("description"), multiline=True, blank=True)
    recommendations = models.ManyToManyField(
        Recommendation, blank=True, related_name="plan_actions", verbose_name=_("answers the recommendations")
    )
    owners = models.ManyToManyField(Organisation, blank=True, related_name="plan_actions", verbose_name=_("owners"))
    countries = models.ManyToManyField(Country, blank=True, related_name="plan_actions", verbose_name=_("countries"))
    starts_on = models.DateField(_("start"), null=True, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    budget_amount = models.DecimalField(
        _("budget estimate"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    budget_currency = models.CharField(_("currency"), max_length=3, blank=True)
    adopted_in = models.ForeignKey(
        PlanVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    is_demo = models.BooleanField(_("demo content"), default=False)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(due_on__gte=models.F("starts_on")),
                name="action_due_after_start",
            )
        ]

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("workinggroups:action", args=[self.plan.group.slug, self.pk])

    @property
    def reference(self) -> str:
        return f"{self.plan.group.slug}-A{self.position}"


class Indicator(TranslatableModel):
    """How an action's progress is measured; owners and conveners record the actual value."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="indicators")
    name = TranslatedField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField(_("actual"), max_digits=14, decimal_places=2, null=True, blank=True)
    actual_on = models.DateField(_("measured on"), null=True, blank=True)

    class Meta:
        ordering = ["action", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return str(self.name)

    @property
    def progress_percent(self) -> int | None:
        """How far from baseline to target the actual value is, 0–100."""
        if self.actual is None or self.target is None:
            return None
        base = self.baseline or Decimal(0)
        if self.target == base:
            return 100 if self.actual >= self.target else 0
        share = (self.actual - base) / (self.target - base) * 100
        return max(0, min(100, int(share)))
