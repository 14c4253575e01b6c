"""Background work of the library: reading uploaded PDFs (text for search, first-page thumbnail)."""

from django_tasks import task


@task()
def read_pdf(file_id: int) -> bool:
    """Extract a publication file's text and thumbnail, then refresh the publication in the search index."""
    from kurultai.library import services

    return services.read_pdf(file_id)
