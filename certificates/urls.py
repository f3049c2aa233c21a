"""Public addresses of certificates. `language_patterns` sit under the
language prefix (/kk/verify/); `neutral_patterns` do not: the address printed
on certificates and in their QR codes, and the PDF."""

from django.urls import path, re_path

from certificates import views

language_patterns = [
    path("verify/", views.verify, name="certificate_verify"),
    path("verify/<path:code>/", views.verify_code, name="certificate_verify_code"),
    # Tokens are URL-safe base64: no dot, so that /certificate/<x>.pdf never
    # matches here too (the language middleware would redirect its 404).
    re_path(r"^certificate/(?P<token>[\w-]+)/$", views.holder_view, name="certificate_holder"),
]

neutral_patterns = [
    path("verify/<path:code>/", views.verify_any_language, name="certificate_verify_any_language"),
    re_path(
        r"^certificate/(?P<token>[\w-]+)\.pdf$", views.holder_pdf, name="certificate_holder_pdf"
    ),
    re_path(
        r"^certificate/(?P<token>[\w-]+)/large-print\.pdf$",
        views.holder_large_print_pdf,
        name="certificate_holder_large_print_pdf",
    ),
]
