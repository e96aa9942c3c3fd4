"""The city's standard synonyms and every OPD's acronym = full name; then the vocabulary of pages
already indexed (typo correction has nothing to correct towards before it)."""

from django.db import migrations


def seed(apps, schema_editor):
    from search import synonyms

    synonyms.seed_defaults(apps.get_model("search", "Synonym"), apps.get_model("home", "OPD"))


def vocabulary(apps, schema_editor):
    from search import vocabulary

    vocabulary.rebuild(apps.get_model("search", "SearchEntry"), apps.get_model("search", "SearchWord"))


class Migration(migrations.Migration):
    dependencies = [("search", "0004_vocabulary_index"), ("home", "0001_initial")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(vocabulary, migrations.RunPython.noop),
    ]
