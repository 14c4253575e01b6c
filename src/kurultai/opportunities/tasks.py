"""Scheduled work: reading donor feeds into the editors' queue, closing items past their deadline."""

from django_tasks import task


@task()
def import_donor_feeds() -> None:
    """Read every active donor feed (every six hours); drafts wait for an editor."""
    from kurultai.opportunities.importer import read_all_feeds

    read_all_feeds()


@task()
def expire_opportunities() -> None:
    """Close published items whose deadline has passed (every hour)."""
    from kurultai.opportunities.services import expire_due

    expire_due()
