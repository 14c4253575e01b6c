"""Background work of accounts."""

from django_tasks import task


@task()
def build_data_export(export_id: int) -> None:
    """Build a large "download my data" archive outside the request."""
    from kurultai.accounts.models import DataExport
    from kurultai.accounts.services import build_export

    export = DataExport.objects.select_related("user").get(pk=export_id)
    try:
        build_export(export)
    except Exception:
        DataExport.objects.filter(pk=export_id).update(status=DataExport.Status.FAILED)
        raise
