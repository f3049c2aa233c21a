"""Write every issued (valid) certificate as <CODE>.pdf into a folder.

    manage.py export_certificates --out DIR [--event <id|slug>]

A file that is already there with the same content is left alone, so running
it again writes only what is new.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from certificates import services
from certificates.management.commands._shared import find_event
from certificates.models import Certificate


class Command(BaseCommand):
    help = "Export issued certificates as <CODE>.pdf files."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, type=Path, help="The folder to write to.")
        parser.add_argument("--event", help="Only this event's certificates (id or slug).")

    def handle(self, *args, **options):
        out: Path = options["out"]
        out.mkdir(parents=True, exist_ok=True)
        certificates = Certificate.objects.valid().select_related("template").order_by("pk")
        if options["event"]:
            certificates = certificates.of_event(find_event(options["event"]))
        written = unchanged = 0
        for certificate in certificates.iterator(chunk_size=200):
            content = services.pdf_bytes(certificate)
            target = out / f"{certificate.display_code}.pdf"
            if target.exists() and target.read_bytes() == content:
                unchanged += 1
                continue
            target.write_bytes(content)
            written += 1
        self.stdout.write(f"{written} written, {unchanged} unchanged, in {out}.")
