"""Who manages the library: editors and the hub's publishers for "library" (roles granted in the knowledge hub)."""

import rules

from kurultai.knowledge.rules import PUBLISHER, has_hub_role

is_library_publisher = has_hub_role("library", PUBLISHER)

rules.add_perm("library.manage", is_library_publisher)
