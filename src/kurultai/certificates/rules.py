"""Who may see a certificate's PDF and change the name on it."""

import rules

from kurultai.accounts.roles import is_editor


@rules.predicate
def holds(user, certificate) -> bool:
    return bool(user.is_authenticated and certificate is not None and certificate.holder_id == user.pk)


rules.add_perm("certificates.download_certificate", holds | is_editor)
rules.add_perm("certificates.rename_certificate", holds)
rules.add_perm("certificates.revoke_certificate", is_editor)
