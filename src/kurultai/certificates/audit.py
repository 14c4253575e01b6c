"""What the certificates app records in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kurultai.core.audit import actions


@actions
class CertificateAction(models.TextChoices):
    ISSUED = "certificates.issued", _("Certificate issued")
    REVOKED = "certificates.revoked", _("Certificate revoked")
    RENAMED = "certificates.renamed", _("Name on a certificate changed")
