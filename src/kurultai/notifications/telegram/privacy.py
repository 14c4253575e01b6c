"""What the Telegram app holds about a person: linked chats and link tokens (chats without an account hold none)."""

from kurultai.core.privacy import PersonalData
from kurultai.notifications.telegram.models import ChannelPost, Link, LinkToken

DECLARATIONS = [
    PersonalData(Link, user_field="user", fields=("chat_id", "username", "linked_at", "active", "ended_at")),
    PersonalData(LinkToken, user_field="user", fields=("created_at", "expires_at", "used_at")),
    # Who approved a public channel post; the post stays, without the editor.
    PersonalData(ChannelPost, user_field="approved_by", fields=("language", "channel", "approved_at"), erase="detach"),
]
