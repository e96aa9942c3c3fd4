"""The statutory clock: working days skip weekends and listed holidays; extension and objection periods."""

from datetime import date

from django.test import SimpleTestCase

from ppid import clock

# 2026-08-17 (Monday) is Independence Day.
HOLIDAYS = frozenset({date(2026, 8, 17)})


class WorkingDayTests(SimpleTestCase):
    def test_weekends_are_not_working_days(self):
        """Saturday and Sunday never count; Friday does."""
        self.assertTrue(clock.is_working_day(date(2026, 8, 14)))
        self.assertFalse(clock.is_working_day(date(2026, 8, 15)))
        self.assertFalse(clock.is_working_day(date(2026, 8, 16)))

    def test_holidays_are_not_working_days(self):
        self.assertTrue(clock.is_working_day(date(2026, 8, 17)))
        self.assertFalse(clock.is_working_day(date(2026, 8, 17), HOLIDAYS))

    def test_ten_working_days_skip_weekends(self):
        """Received Friday 31 July: day 1 is Monday 3 August, day 10 is Friday 14 August."""
        self.assertEqual(clock.request_deadline(date(2026, 7, 31)), date(2026, 8, 14))

    def test_ten_working_days_skip_a_holiday(self):
        """Received Monday 10 August: day 10 is Monday 24 August, or Tuesday 25 with 17 August a holiday."""
        self.assertEqual(clock.request_deadline(date(2026, 8, 10)), date(2026, 8, 24))
        self.assertEqual(clock.request_deadline(date(2026, 8, 10), HOLIDAYS), date(2026, 8, 25))

    def test_request_received_at_the_weekend_counts_from_monday(self):
        """Received Saturday 8 August: day 1 is Monday 10, day 10 is Friday 21."""
        self.assertEqual(clock.request_deadline(date(2026, 8, 8)), date(2026, 8, 21))

    def test_extension_adds_seven_working_days(self):
        """Deadline Friday 14 August, extended: 7 working days later with the holiday is Wednesday 26 August."""
        self.assertEqual(clock.request_deadline(date(2026, 7, 31), HOLIDAYS, extended=True), date(2026, 8, 26))

    def test_objection_periods_are_thirty_working_days(self):
        """30 working days from Friday 14 August 2026, with the 17 August holiday: Monday 28 September."""
        self.assertEqual(clock.objection_filing_deadline(date(2026, 8, 14), HOLIDAYS), date(2026, 9, 28))
        self.assertEqual(clock.objection_answer_deadline(date(2026, 8, 14), HOLIDAYS), date(2026, 9, 28))
        self.assertEqual(clock.objection_filing_deadline(date(2026, 8, 14)), date(2026, 9, 25))

    def test_working_days_between_is_the_inverse_of_adding(self):
        for count in (0, 1, 5, 10, 17, 30):
            end = clock.add_working_days(date(2026, 8, 12), count, HOLIDAYS)
            self.assertEqual(clock.working_days_between(date(2026, 8, 12), end, HOLIDAYS), count)

    def test_urgency(self):
        """Near at two working days or fewer before the deadline; overdue the day after."""
        deadline = date(2026, 8, 14)  # a Friday
        self.assertEqual(clock.urgency(date(2026, 8, 10), deadline), "ok")
        self.assertEqual(clock.urgency(date(2026, 8, 12), deadline), "near")
        self.assertEqual(clock.urgency(date(2026, 8, 14), deadline), "near")
        self.assertEqual(clock.urgency(date(2026, 8, 15), deadline), "overdue")
        self.assertEqual(clock.working_days_left(date(2026, 8, 18), deadline, HOLIDAYS), -1)


class PeriodicReviewTests(SimpleTestCase):
    def test_add_months(self):
        """Six months on, clamped to the month's last day."""
        self.assertEqual(clock.add_months(date(2026, 1, 15), 6), date(2026, 7, 15))
        self.assertEqual(clock.add_months(date(2026, 8, 31), 6), date(2027, 2, 28))
        self.assertEqual(clock.add_months(date(2027, 12, 1), 1), date(2028, 1, 1))
