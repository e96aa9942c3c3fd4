"""The pure rules that turn a page's revisions into its English state."""

from django.test import SimpleTestCase

from editorial.translation_state import (
    MISSING,
    PARTLY,
    STALE,
    TRANSLATED,
    Snapshot,
    compute_state,
    last_change,
    last_published_change,
    normalise,
)

FIELDS = ["title", "summary", "body"]


def content(title_ind="Tentang", title_en="About", summary_ind="Ringkasan", summary_en="Summary", **extra):
    values = {
        "title_ind": title_ind,
        "title_en": title_en,
        "summary_ind": summary_ind,
        "summary_en": summary_en,
        "body_ind": '[{"type": "paragraph", "value": "<p>Isi</p>", "id": "a"}]',
        "body_en": '[{"type": "paragraph", "value": "<p>Body</p>", "id": "b"}]',
    }
    values.update(extra)
    return values


def published(**fields):
    return Snapshot(content(**fields), published=True)


def draft(**fields):
    return Snapshot(content(**fields), published=False)


class ComputeStateTests(SimpleTestCase):
    def test_created_with_both_languages_in_one_revision_is_translated(self):
        """Indonesian and English written in the same first revision: nothing is stale."""
        result = compute_state([published()], FIELDS)
        self.assertEqual(result.state, TRANSLATED)
        self.assertEqual((result.stale_fields, result.empty_fields), ([], []))

    def test_indonesian_only_edit_published_later_is_stale_naming_the_field(self):
        """A published Indonesian change after the English was written makes that field stale."""
        result = compute_state([published(), published(summary_ind="Ringkasan baru")], FIELDS)
        self.assertEqual(result.state, STALE)
        self.assertEqual(result.stale_fields, ["summary"])

    def test_english_updated_afterwards_is_translated_again(self):
        """Updating the English after the Indonesian change clears the stale state."""
        result = compute_state(
            [
                published(),
                published(summary_ind="Ringkasan baru"),
                draft(summary_ind="Ringkasan baru", summary_en="New summary"),
            ],
            FIELDS,
        )
        self.assertEqual(result.state, TRANSLATED)
        self.assertEqual(result.stale_fields, [])

    def test_indonesian_change_only_in_an_unpublished_draft_is_not_stale(self):
        """A draft nobody published does not make the English out of date."""
        result = compute_state([published(), draft(summary_ind="Ringkasan draf")], FIELDS)
        self.assertEqual(result.state, TRANSLATED)

    def test_draft_change_counts_once_published(self):
        """The same Indonesian change becomes stale when a later revision carrying it is published."""
        result = compute_state(
            [published(), draft(summary_ind="Baru"), published(summary_ind="Baru", title_ind="Tentang kota")],
            FIELDS,
        )
        self.assertEqual(result.state, STALE)
        self.assertEqual(result.stale_fields, ["title", "summary"])

    def test_english_written_in_the_draft_before_publishing_is_not_stale(self):
        """Translated while the Indonesian change was still a draft, then both published: up to date."""
        result = compute_state(
            [
                published(),
                draft(summary_ind="Baru"),
                draft(summary_ind="Baru", summary_en="New"),
                published(summary_ind="Baru", summary_en="New"),
            ],
            FIELDS,
        )
        self.assertEqual(result.state, TRANSLATED)

    def test_english_title_emptied_is_missing(self):
        """Clearing the English title makes the page untranslated, whatever the other fields say."""
        result = compute_state([published(), published(title_en="")], FIELDS)
        self.assertEqual(result.state, MISSING)
        self.assertEqual(result.empty_fields, ["title"])

    def test_never_translated_page_is_missing_with_every_filled_field_listed(self):
        result = compute_state([published(title_en=None, summary_en=None, body_en="[]")], FIELDS)
        self.assertEqual(result.state, MISSING)
        self.assertEqual(result.empty_fields, ["title", "summary", "body"])

    def test_empty_english_field_with_indonesian_text_is_partly(self):
        """English title filled, but an Indonesian-filled field is empty in English."""
        result = compute_state([published(body_en="[]")], FIELDS)
        self.assertEqual(result.state, PARTLY)
        self.assertEqual(result.empty_fields, ["body"])

    def test_field_empty_in_both_languages_is_ignored(self):
        result = compute_state([published(summary_ind="", summary_en=None)], FIELDS)
        self.assertEqual(result.state, TRANSLATED)

    def test_stale_wins_over_partly_and_both_lists_are_returned(self):
        result = compute_state([published(body_en="[]"), published(body_en="[]", summary_ind="Baru")], FIELDS)
        self.assertEqual(result.state, STALE)
        self.assertEqual((result.stale_fields, result.empty_fields), (["summary"], ["body"]))

    def test_english_draft_change_counts_as_translated(self):
        """A translator's English update still in draft is enough: the translation is done, awaiting review."""
        result = compute_state(
            [published(), published(summary_ind="Baru"), draft(summary_ind="Baru", summary_en="New")], FIELDS
        )
        self.assertEqual(result.state, TRANSLATED)

    def test_no_revisions_is_missing(self):
        self.assertEqual(compute_state([], FIELDS).state, MISSING)


class HelperTests(SimpleTestCase):
    def test_blank_values_normalise_to_none(self):
        """Empty strings, empty StreamFields and rich text without text all count as empty."""
        for value in (None, "", "  ", "[]", "<p></p>", '<p data-block-key="x"> </p>', "<p>&nbsp;</p>", []):
            with self.subTest(value=value):
                self.assertIsNone(normalise(value))

    def test_streamfield_json_is_compared_as_data(self):
        self.assertEqual(normalise('[{"type": "p", "value": 1}]'), normalise('[{"value": 1,  "type": "p"}]'))
        self.assertEqual(normalise("[Draft] title"), "[Draft] title")

    def test_last_change_and_last_published_change(self):
        self.assertEqual(last_change(["a", "a", "b", "b"]), 2)
        self.assertEqual(last_change(["a", None]), -1)
        self.assertEqual(last_published_change(["a", "b", "b", "c"], [True, False, True, False]), 1)
        self.assertEqual(last_published_change(["a", "b"], [False, False]), -1)
