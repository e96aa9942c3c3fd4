"""seed_demo adds the bimtek seed story in both languages, news across OPDs and types, and two accounts."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings

from editorial.roles import EDITORS_GROUP
from news.models import NewsPage
from tests.factories.demo import seed_demo


@override_settings(DEBUG=True)
class NewsDemoTests(TestCase):
    def seed(self):
        out = StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    def test_seed_story_and_variety(self):
        output = seed_demo("--allow-demo-users")
        story = NewsPage.objects.get(slug_ind="bimtek-tahap-i-gerakan-menuju-100-smart-city")
        self.assertEqual(story.event_stage, NewsPage.Stage.I)
        self.assertTrue(story.title_en)
        self.assertEqual(story.participant_count, 80)
        response = self.client.get("/id/berita/diskominfo/bimtek-tahap-i-gerakan-menuju-100-smart-city/")
        self.assertContains(response, "Wali Kota Tanjungpinang")
        self.assertContains(response, "Aula Kantor Wali Kota Tanjungpinang")
        self.assertContains(
            self.client.get("/en/news/diskominfo/smart-city-technical-guidance-stage-i/"), "Mayor of Tanjungpinang"
        )
        live = NewsPage.objects.live()
        self.assertGreaterEqual(live.values("owner_opd").distinct().count(), 3)
        self.assertGreaterEqual(live.values("news_type").distinct().count(), 3)
        self.assertIn("kontributor-disbudpar / ", output)
        self.assertIn("redaktur-diskominfo / ", output)
        User = get_user_model()
        self.assertTrue(User.objects.get(username="redaktur-diskominfo").groups.filter(name=EDITORS_GROUP).exists())
        self.assertEqual(self.client.get("/id/berita/rss/").status_code, 200)

    def test_seed_is_idempotent(self):
        seed_demo("--allow-demo-users")  # the command's rows (kept after its first run in this process)
        count = NewsPage.objects.count()
        self.seed()
        self.assertEqual(NewsPage.objects.count(), count)
