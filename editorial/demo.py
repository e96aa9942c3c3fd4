"""Demo content for editorial/: pages in every English state, then every page's state computed.

Home's demo already has a translated page ("tentang-kota") and one without English
("maklumat-pelayanan"). Here "tentang-kota" gets an Indonesian-only change, published, so its
English summary is out of date, and a page with an English title but an empty English body shows
"partly translated". Idempotent: the change is published only when it is not there yet.

It also sets up the editorial roles and the review workflow (``setup_roles``) and, when accounts are
asked for, adds a translator and gives every demo account an email address, so that review emails show
in the console in development. The administrator (home), the editor and the OPD contributor (news)
are made by those apps' demos.
"""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from editorial.roles import ADMINISTRATORS_GROUP, TRANSLATORS_GROUP
from editorial.status import update_all
from home.demo import DEMO_ADMIN, ensure_user, stream, upsert_page
from home.models import StandardPage

ABOUT_SUMMARY_ID = (
    "Ibu kota Provinsi Kepulauan Riau di Pulau Bintan, kota pusaka Melayu dengan visi kota yang maju, "
    "berbudaya dan sejahtera."
)


def make_about_page_stale(home):
    """Publish a new Indonesian summary of "tentang-kota" and leave its English summary as it was."""
    about = StandardPage.objects.child_of(home).filter(slug_ind="tentang-kota").first()
    if about is None:
        return None
    latest = about.get_latest_revision_as_object()
    if latest.summary_ind == ABOUT_SUMMARY_ID:
        return about
    latest.summary_ind = ABOUT_SUMMARY_ID
    latest.save_revision(log_action=True).publish()
    return about


def seed_partly_translated_page(home):
    """A page with an English title and summary but no English body yet."""
    return upsert_page(
        home,
        StandardPage,
        "pengaduan-masyarakat",
        title_ind="Pengaduan Masyarakat",
        title_en="Public Complaints",
        slug_en="public-complaints",
        show_in_menus=False,
        summary_ind="Sampaikan pengaduan tentang pelayanan publik Kota Tanjungpinang melalui SP4N-LAPOR!.",
        summary_en="Send a complaint about Tanjungpinang's public services through SP4N-LAPOR!.",
        body_ind=stream(
            (
                "paragraph",
                "<p>Pengaduan pelayanan publik disampaikan melalui SP4N-LAPOR! (Sistem Pengelolaan Pengaduan "
                'Pelayanan Publik Nasional) di <a href="https://www.lapor.go.id/">lapor.go.id</a>. '
                "Setiap pengaduan diteruskan ke OPD yang berwenang untuk ditindaklanjuti.</p>",
            ),
        ),
    )


DEMO_TRANSLATOR = ("penerjemah", "pinang-penerjemah-2026")
DEMO_EMAIL_DOMAIN = "demo.tanjungpinangkota.go.id"


def seed_accounts(context):
    """The translator account; every demo account gets an email address (for review notifications)."""
    username, password = DEMO_TRANSLATOR
    ensure_user(username, password, groups=[TRANSLATORS_GROUP], first_name="Penerjemah")
    context["accounts"].append((username, password, "Translator / Penerjemah"))
    User = get_user_model()
    usernames = [account[0] for account in context["accounts"]]
    for user in User.objects.filter(username__in=usernames, email=""):
        user.email = f"{user.username}@{DEMO_EMAIL_DOMAIN}"
        user.save(update_fields=["email"])
    admin = User.objects.filter(username=DEMO_ADMIN[0]).first()
    if admin is not None:
        admin.groups.add(*Group.objects.filter(name=ADMINISTRATORS_GROUP))


def seed(context):
    home = context["home"]
    # The command, not cms.roles: roles are set up by the one module that knows every app.
    call_command("setup_roles", verbosity=0, stdout=StringIO())
    if context["create_users"]:
        seed_accounts(context)
    make_about_page_stale(home)
    seed_partly_translated_page(home)
    update_all()
