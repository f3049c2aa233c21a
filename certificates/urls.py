"""Public addresses of certificates. `language_patterns` sit under the
language prefix (/kk/verify/); `neutral_patterns` do not: the address printed
on certificates and in their QR codes, and the PDF."""

from django.urls import path

from certificates import views

language_patterns = [
    path("verify/", views.verify, name="certificate_verify"),
    path("verify/<path:code>/", views.verify_code, name="certificate_verify_code"),
    path("certificate/<str:token>/", views.holder_view, name="certificate_holder"),
]

neutral_patterns = [
    path("verify/<path:code>/", views.verify_any_language, name="certificate_verify_any_language"),
    path("certificate/<str:token>.pdf", views.holder_pdf, name="certificate_holder_pdf"),
]
