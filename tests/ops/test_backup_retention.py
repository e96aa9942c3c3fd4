"""The daily backup script's retention (deploy/backup/cms-backup): 7 daily, 4 weekly, 6 monthly, and no
half-written backup kept."""

import datetime
import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "backup" / "cms-backup"


def test_keeps_seven_daily_four_weekly_and_six_monthly_backups(tmp_path):
    today = datetime.date(2026, 12, 5)  # a Saturday
    for days in range(400):
        (tmp_path / (today - datetime.timedelta(days=days)).isoformat()).mkdir()
    (tmp_path / "2026-11-20.partial").mkdir()  # a failed run
    (tmp_path / "notes").mkdir()  # not a backup: left alone
    env = {**os.environ, "BACKUP_PRUNE_ONLY": "1", "BACKUP_TODAY": today.isoformat()}
    subprocess.run([str(SCRIPT), str(tmp_path)], env=env, check=True, capture_output=True)
    kept = sorted(path.name for path in tmp_path.iterdir())
    daily = [(today - datetime.timedelta(days=days)).isoformat() for days in range(7)]
    weekly = ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22"]  # the Sundays before the dailies
    monthly = ["2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-12-01"]  # and 2026-11-01 above
    assert kept == sorted({*daily, *weekly, *monthly, "notes"})
