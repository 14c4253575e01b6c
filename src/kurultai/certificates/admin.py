from django.contrib import admin

from kurultai.certificates.models import Certificate
from kurultai.core.audit import AuditedAdminMixin


@admin.register(Certificate)
class CertificateAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "holder_name", "title", "issued_on", "revoked_at"]
    list_filter = ["kind"]
    search_fields = ["code", "holder_name", "title"]
    raw_id_fields = ["holder"]
    readonly_fields = ["code", "created_at"]
