"""A transactional test that commits a row. It runs with the suite, and alone as the last test of a session
against a scratch database in ``test_real_database_untouched.py``."""

from django.contrib.auth import get_user_model

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_commits_a_user():
    get_user_model().objects.create_user("probe", "probe@example.com", "pw")
    assert get_user_model().objects.filter(username="probe").exists()
