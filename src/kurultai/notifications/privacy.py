"""What the delivery system holds about a person: subscriptions, notifications, deliveries, events they caused."""

from kurultai.core.privacy import PersonalData
from kurultai.notifications.models import Delivery, Event, Notification, Subscription

DECLARATIONS = [
    PersonalData(
        Subscription, fields=("signature", "channels", "frequency", "language", "created_at"), table="subscriptions"
    ),
    PersonalData(Notification, fields=("title", "url", "created_at", "read_at"), table="notifications"),
    PersonalData(Delivery, fields=("channel", "frequency", "status", "created_at", "sent_at"), table="deliveries"),
    # Events stay (others' notifications point at them); who caused them is forgotten.
    PersonalData(Event, user_field="actor", fields=("code", "created_at"), erase="detach", table="events_caused"),
]
