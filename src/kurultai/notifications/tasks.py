"""Background work: fan-out of events and the delivery drain (never inside a web request)."""

from django_tasks import task


@task()
def fan_out_event(event_id: int) -> None:
    """Find the followers of an event and write their notifications and deliveries."""
    from kurultai.notifications.services import fan_out

    fan_out(event_id)


@task()
def drain_deliveries() -> None:
    """Send what is due; also run every minute by the scheduler, which picks up retries and digests."""
    from kurultai.notifications.services import drain

    drain()
