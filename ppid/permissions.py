"""Who may do what in the PPID: staff see requests; an OPD contributor edits only their OPD's entries.

Requests, objections, holidays and the outbox are guarded by ordinary model permissions, which only the
PPID group and the administrators hold (``ppid/roles.py``). Register entries are pages under the DIP
register, so their page permissions come from the tree; on top of that an OPD contributor (a member of
``OPD contributor / Kontributor OPD: <slug>`` groups and of no group that edits everything) may only
create, edit or delete entries whose responsible OPD is one of theirs. The hooks in
``ppid/wagtail_hooks.py`` enforce it.
"""

from editorial import roles
from home.models import OPD

# Members of these groups may edit every register entry, whatever its OPD.
ALL_OPD_GROUPS = (roles.ADMINISTRATORS_GROUP, roles.EDITORS_GROUP, "PPID / Petugas PPID")


def editable_opds(user):
    """None when ``user`` may edit every OPD's entries, else the OPDs whose entries they may edit."""
    if user.is_superuser:
        return None
    names = list(user.groups.values_list("name", flat=True))
    if any(name in ALL_OPD_GROUPS for name in names):
        return None
    slugs = [
        name.removeprefix(roles.CONTRIBUTORS_GROUP_PREFIX)
        for name in names
        if name.startswith(roles.CONTRIBUTORS_GROUP_PREFIX)
    ]
    return OPD.objects.filter(slug__in=slugs)


def may_edit_entry(user, entry):
    """True when ``user``'s OPD scope covers ``entry`` (page permissions are checked by Wagtail)."""
    allowed = editable_opds(user)
    return allowed is None or allowed.filter(pk=entry.opd_id).exists()


def is_ppid_staff(user):
    """PPID staff and administrators: the only people who see requesters' data."""
    return user.is_active and user.has_perm("ppid.view_informationrequest")
