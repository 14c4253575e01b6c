"""Background work: the daily refresh of donor projects from the configured IATI sources."""

from django_tasks import task


@task()
def refresh_iati_sources() -> None:
    """Import every address in ``KURULTAI_IATI_SOURCES`` (run once a day by the worker's schedule)."""
    from kurultai.transparency.importer import refresh_sources

    refresh_sources()
