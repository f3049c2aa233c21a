"""The festivals list is one of the site's sections: put the existing lists
in the main menu (their latest revision too, so that the next publish from
the editor keeps them there)."""

from django.db import migrations


def show_in_menus(apps, schema_editor):
    FestivalIndexPage = apps.get_model("festivals", "FestivalIndexPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in FestivalIndexPage.objects.filter(show_in_menus=False):
        page.show_in_menus = True
        page.save(update_fields=["show_in_menus"])
        revision = Revision.objects.filter(pk=page.latest_revision_id).first()
        if revision is not None and isinstance(revision.content, dict):
            revision.content["show_in_menus"] = True
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("festivals", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(show_in_menus, migrations.RunPython.noop)]
