"""The statutory clock of UU 14/2008: deadlines counted in working days.

A working day is Monday to Friday and not a public holiday (the holiday list is kept in the admin,
``ppid.models.Holiday``). Day 1 is the first working day after the day a request (or an objection)
was received, so a request received on a Friday evening or a holiday starts counting on the next
working day. Plain functions of dates, so they are tested without a database.
"""

import calendar
from datetime import timedelta

REQUEST_DAYS = 10  # Pasal 22 ayat (7): the written answer within 10 working days
EXTENSION_DAYS = 7  # Pasal 22 ayat (8): one extension of at most 7 working days, with a written reason
OBJECTION_FILING_DAYS = 30  # Pasal 36 ayat (1): an objection within 30 working days
OBJECTION_ANSWER_DAYS = 30  # Pasal 36 ayat (2): the superior's answer within 30 working days
PERIODIC_REVIEW_MONTHS = 6  # Pasal 9 ayat (4): periodic information is published at least every six months
NEAR_DEADLINE_DAYS = 2  # working days left at which a request is highlighted as close to its deadline


def is_working_day(day, holidays=frozenset()):
    return day.weekday() < 5 and day not in holidays


def add_working_days(start, count, holidays=frozenset()):
    """The ``count``-th working day after ``start`` (``start`` itself is never counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def working_days_between(start, end, holidays=frozenset()):
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not after ``start``).

    ``working_days_between(d, add_working_days(d, n)) == n``.
    """
    if end <= start:
        return 0
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            count += 1
    return count


def working_days_left(today, deadline, holidays=frozenset()):
    """Working days from ``today`` to ``deadline``; negative when the deadline has passed."""
    if today <= deadline:
        return working_days_between(today, deadline, holidays)
    return -working_days_between(deadline, today, holidays)


def request_deadline(received, holidays=frozenset(), extended=False):
    """The answer's deadline for a request received on ``received``, with the extension if granted."""
    deadline = add_working_days(received, REQUEST_DAYS, holidays)
    if extended:
        deadline = add_working_days(deadline, EXTENSION_DAYS, holidays)
    return deadline


def objection_filing_deadline(start, holidays=frozenset()):
    """The last day to object, counted from an answer, a refusal or a missed deadline (``start``)."""
    return add_working_days(start, OBJECTION_FILING_DAYS, holidays)


def objection_answer_deadline(filed, holidays=frozenset()):
    return add_working_days(filed, OBJECTION_ANSWER_DAYS, holidays)


def urgency(today, deadline, holidays=frozenset()):
    """``"overdue"``, ``"near"`` (at most NEAR_DEADLINE_DAYS working days left) or ``"ok"``."""
    if deadline is None:
        return "ok"
    left = working_days_left(today, deadline, holidays)
    if today > deadline:
        return "overdue"
    if left <= NEAR_DEADLINE_DAYS:
        return "near"
    return "ok"


def add_months(day, months):
    """``day`` moved by whole calendar months, on the month's last day when it is shorter (31 Aug + 6 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
