"""Forms of the learning app: authoring (course, module, lesson, block, question with options, quiz, cohort) and
the learner's (enrolment code, announcement, certificate name)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from kurultai.core.forms import SafeChoicesMixin
from kurultai.learning.models import Block, Choice, Cohort, Course, Lesson, Module, Question, Quiz

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_VIDEO_BYTES = 30 * 1024 * 1024
IMAGE_WIDTH = 1200
RESERVED_SLUGS = {"new", "mine", "offline", "quizzes", "attempts", "cohorts", "sw.js"}


class Bounded(SafeChoicesMixin):
    """Impossible ids refused cleanly; whole numbers up to 32,767 (small positive integer columns) or a day of
    seconds; decimals finite and within a trillion."""

    LIMITS = {"min_seconds": 86400, "estimated_minutes": 100000}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.IntegerField):
                field.max_value = self.LIMITS.get(name, 32767)
                field.validators.append(MaxValueValidator(field.max_value))
                field.widget.attrs["max"] = field.max_value
            elif isinstance(field, forms.FloatField):
                field.validators += [MaxValueValidator(1e12), MinValueValidator(-1e12)]


class CourseForm(Bounded, forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "title",
            "slug",
            "original_language",
            "family",
            "summary",
            "level",
            "themes",
            "estimated_minutes",
            "licence",
            "status",
            "certificate",
            "pass_mark",
        ]
        labels = {"original_language": _("course language")}
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def clean_pass_mark(self):
        value = self.cleaned_data["pass_mark"]
        if value > 100:
            raise ValidationError(_("A pass mark is at most 100%."))
        return value

    def clean_slug(self):
        value = self.cleaned_data["slug"]
        if value in RESERVED_SLUGS:
            raise ValidationError(_("This short name is taken by a page of the site; choose another."))
        return value


class ModuleForm(Bounded, forms.ModelForm):
    class Meta:
        model = Module
        fields = ["title", "position", "release_after_days"]


class LessonForm(Bounded, forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["title", "position", "completion", "min_seconds"]


def _sniff(head: bytes) -> str:
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head[4:8] == b"ftyp":
        return "video/mp4" if b"M4A" not in head[8:12] else "audio/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    return ""


ALLOWED = {
    Block.Kind.IMAGE: ("image/png", "image/jpeg", "image/webp"),
    Block.Kind.ATTACHMENT: ("application/pdf",),
    Block.Kind.AUDIO: ("audio/mpeg", "audio/ogg", "audio/wav", "audio/mp4"),
    Block.Kind.VIDEO: ("video/mp4", "video/webm"),
}


class BlockForm(Bounded, forms.ModelForm):
    upload = forms.FileField(label=_("file"), required=False)

    class Meta:
        model = Block
        fields = ["position", "text", "alt", "transcript", "url", "quiz"]

    def __init__(self, *args, kind: str, course: Course, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["quiz"].queryset = Quiz.objects.filter(course=course)
        keep = {
            Block.Kind.TEXT: ["position", "text"],
            Block.Kind.IMAGE: ["position", "upload", "alt", "text"],
            Block.Kind.ATTACHMENT: ["position", "upload", "text"],
            Block.Kind.AUDIO: ["position", "upload", "transcript"],
            Block.Kind.VIDEO: ["position", "url", "upload", "transcript"],
            Block.Kind.QUIZ: ["position", "quiz"],
        }[kind]
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if kind == Block.Kind.IMAGE:
            self.fields["text"].label = _("caption")
        if kind == Block.Kind.ATTACHMENT:
            self.fields["text"].label = _("description")
        if kind == Block.Kind.QUIZ:
            self.fields["quiz"].required = True

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        has_file = bool(upload) or bool(self.instance.file)
        if self.kind == Block.Kind.IMAGE:
            if not has_file:
                self.add_error("upload", _("Choose an image."))
            if "alt" in self.fields and not (data.get("alt") and data["alt"].texts()):
                self.add_error("alt", _("Describe the image for people who cannot see it."))
        if self.kind in (Block.Kind.ATTACHMENT, Block.Kind.AUDIO) and not has_file:
            self.add_error("upload", _("Choose a file."))
        if self.kind == Block.Kind.VIDEO and not (data.get("url") or has_file):
            self.add_error("url", _("Give a link to the video or upload a small file."))
        if self.kind in (Block.Kind.AUDIO, Block.Kind.VIDEO) and not (
            data.get("transcript") and data["transcript"].texts()
        ):
            self.add_error("transcript", _("A transcript is required, for people who cannot listen."))
        if upload:
            self._check_upload(upload)
        return data

    def _check_upload(self, upload) -> None:
        limit = {Block.Kind.IMAGE: MAX_IMAGE_BYTES, Block.Kind.VIDEO: MAX_VIDEO_BYTES}.get(self.kind, MAX_FILE_BYTES)
        if upload.size > limit:
            self.add_error("upload", _("The file is too large (at most %(mb)s MB).") % {"mb": limit // (1024 * 1024)})
            return
        head = upload.read(16)
        upload.seek(0)
        content_type = _sniff(head)
        if content_type not in ALLOWED.get(self.kind, ()):
            self.add_error("upload", _("This file's content is not of an accepted type."))
            return
        if self.kind == Block.Kind.IMAGE:
            try:
                from PIL import Image

                with Image.open(upload) as image:
                    image.verify()
                upload.seek(0)
            except Exception:
                self.add_error("upload", _("This image cannot be read."))
                return
        self.content_type = content_type


def prepared_upload(form: BlockForm):
    """The checked upload, images resized to at most 1200 pixels wide (re-encoded, metadata dropped)."""
    from django.core.files.base import ContentFile

    upload = form.cleaned_data.get("upload")
    if not upload:
        return None, "", 0
    data = upload.read()
    content_type = form.content_type
    if form.kind == Block.Kind.IMAGE:
        import io

        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            image = image.convert("RGB") if image.mode not in ("RGB", "L") else image
            image.thumbnail((IMAGE_WIDTH, IMAGE_WIDTH * 2))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=80, optimize=True)
        data, content_type = out.getvalue(), "image/jpeg"
    return ContentFile(data, name="upload"), content_type, len(data)


class QuestionForm(Bounded, forms.ModelForm):
    accepted_text = forms.CharField(
        label=_("accepted answers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line (short text questions)."),
    )

    class Meta:
        model = Question
        fields = ["kind", "text", "explanation", "is_true", "number", "tolerance"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accepted_text"].initial = "\n".join(self.instance.accepted or [])

    def clean(self):
        data = super().clean()
        accepted = [line.strip() for line in (data.get("accepted_text") or "").splitlines() if line.strip()]
        if data.get("kind") == Question.Kind.SHORT and not accepted:
            self.add_error("accepted_text", _("Give at least one accepted answer."))
        if data.get("kind") == Question.Kind.NUMERIC and data.get("number") is None:
            self.add_error("number", _("Give the correct number."))
        if (data.get("tolerance") or 0) < 0:
            self.add_error("tolerance", _("The tolerance cannot be negative."))
        data["accepted"] = accepted[:20]
        return data


class ChoiceForm(Bounded, forms.ModelForm):
    class Meta:
        model = Choice
        fields = ["position", "text", "correct", "feedback"]


ChoiceFormSet = inlineformset_factory(Question, Choice, form=ChoiceForm, extra=4, max_num=8, can_delete=True)


def check_choices(question_form: QuestionForm, formset) -> str:
    """A message when the options do not fit the question kind, else empty."""
    kind = question_form.cleaned_data.get("kind")
    if kind not in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        return ""
    rows = [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("text")
    ]
    right = sum(1 for r in rows if r.get("correct"))
    if len(rows) < 2:
        return str(_("Give at least two options."))
    if kind == Question.Kind.SINGLE and right != 1:
        return str(_("A single-choice question has exactly one right option."))
    if right < 1:
        return str(_("Mark at least one option as right."))
    return ""


class QuizForm(Bounded, forms.ModelForm):
    class Meta:
        model = Quiz
        fields = [
            "title",
            "questions",
            "pass_mark",
            "attempts_allowed",
            "grading",
            "shuffle",
            "draw",
            "feedback",
            "mastery",
            "mastery_m",
            "mastery_n",
            "closes_at",
        ]
        widgets = {"questions": forms.CheckboxSelectMultiple}

    def __init__(self, *args, course: Course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questions"].queryset = Question.objects.filter(course=course)

    def clean(self):
        data = super().clean()
        if (data.get("pass_mark") or 0) > 100:
            self.add_error("pass_mark", _("A pass mark is at most 100%."))
        questions = data.get("questions")
        if questions is not None and data.get("draw") and data["draw"] > len(questions):
            self.add_error("draw", _("The pool has fewer questions than you want to draw."))
        if (data.get("mastery_m") or 0) > (data.get("mastery_n") or 0) and data.get("mastery") == "m_of_n":
            self.add_error("mastery_m", _("m cannot be more than n."))
        return data


class CohortForm(Bounded, forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["name", "schedule", "starts_on", "enrolment", "code", "group_link"]
        widgets = {"starts_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        data = super().clean()
        if data.get("enrolment") == Cohort.Enrolment.CODE and not data.get("code"):
            self.add_error("code", _("Give the enrolment code."))
        if data.get("schedule") == Cohort.Schedule.SCHEDULED and not data.get("starts_on"):
            self.add_error("starts_on", _("A scheduled cohort needs a start date."))
        link = data.get("group_link") or ""
        if link and not any(host in link for host in ("t.me/", "telegram.me/", "chat.whatsapp.com/", "wa.me/")):
            self.add_error("group_link", _("Give a Telegram or WhatsApp group link."))
        return data


class EnrolForm(forms.Form):
    code = forms.CharField(label=_("enrolment code"), max_length=40, required=False)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("email"))


class AnnouncementForm(forms.Form):
    text = forms.CharField(label=_("announcement"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class CertificateForm(forms.Form):
    name = forms.CharField(
        label=_("name on the certificate"),
        max_length=120,
        help_text=_("Written as you want it, in Cyrillic or Latin letters."),
    )
