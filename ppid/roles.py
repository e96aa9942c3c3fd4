"""The PPID staff group and what OPD contributors may do in the register; called by ``setup_roles``.

``PPID / Petugas PPID``: handles requests and objections (the only group besides the administrators with
permissions on requesters' data), keeps the holiday list, reads the outbox, and adds, edits and publishes
everything under the PPID section. Each OPD contributor group may add and change (not publish) register
entries under the DIP register; ``ppid.permissions`` limits them to their own OPD's entries.
"""

from editorial import roles

PPID_GROUP = "PPID / Petugas PPID"

PPID_MODEL_PERMISSIONS = (
    ("ppid", "informationrequest", ("view_informationrequest", "change_informationrequest")),
    ("ppid", "objection", ("view_objection", "change_objection")),
    ("ppid", "holiday", ("add_holiday", "change_holiday", "delete_holiday", "view_holiday")),
    ("ppid", "outboxemail", ("view_outboxemail",)),
    ("ppid", "dipdocument", ("add_dipdocument", "change_dipdocument", "delete_dipdocument", "view_dipdocument")),
)
CONTRIBUTOR_MODEL_PERMISSIONS = (
    ("ppid", "dipdocument", ("add_dipdocument", "change_dipdocument", "delete_dipdocument", "view_dipdocument")),
)


def ensure_ppid_staff(report):
    from ppid.models import PPIDIndexPage

    group = roles.ensure_group(PPID_GROUP, report)
    roles.grant_admin_access(group, report)
    roles.grant_model_permissions(group, PPID_MODEL_PERMISSIONS, report)
    roles.grant_media(group, roles.WRITER_MEDIA_PERMISSIONS, report)
    for index in PPIDIndexPage.objects.all():
        roles.grant_pages(group, index.page_ptr, roles.EDITOR_PAGE_PERMISSIONS, report)
    return group


def ensure_contributor_entries(report):
    """Every OPD contributor group may add and change register entries (their own OPD's only)."""
    from django.contrib.auth.models import Group

    from ppid.models import DIPRegisterPage

    registers = [register.page_ptr for register in DIPRegisterPage.objects.all()]
    for group in Group.objects.filter(name__startswith=roles.CONTRIBUTORS_GROUP_PREFIX):
        roles.grant_model_permissions(group, CONTRIBUTOR_MODEL_PERMISSIONS, report)
        for register in registers:
            roles.grant_pages(group, register, roles.CONTRIBUTOR_PAGE_PERMISSIONS, report)


def setup_ppid_roles(report):
    group = ensure_ppid_staff(report)
    ensure_contributor_entries(report)
    return group
