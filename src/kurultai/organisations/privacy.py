"""What the directory holds about a person, and how it is erased."""

from typing import Any


def personal_data(user: Any) -> dict[str, list[dict[str, Any]]]:
    return {
        "memberships": [
            {
                "organisation": str(m.organisation),
                "role": m.role,
                "status": m.status,
                "message": m.message,
                "requested_at": m.requested_at,
                "decided_at": m.decided_at,
            }
            for m in user.memberships.select_related("organisation")
        ],
        "partner_requests": [
            {
                "organisation": str(r.organisation),
                "title": dict(r.title),
                "purpose": dict(r.purpose),
                "deadline": r.deadline,
                "status": r.status,
                "created_at": r.created_at,
            }
            for r in user.partner_requests.select_related("organisation")
        ],
        "partner_interests": [
            {
                "request": str(i.request),
                "organisation": str(i.organisation),
                "message": i.message,
                "created_at": i.created_at,
            }
            for i in user.partner_interests.select_related("request", "organisation")
        ],
    }


def erase(user: Any) -> None:
    """Memberships go (the person no longer acts for anyone); requests and answers stay, unsigned."""
    user.memberships.all().delete()
