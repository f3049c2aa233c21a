"""Public pages of certificates: verification (`/verify/`, `/verify/<CODE>/`)
and the holder's certificate (`/certificate/<token>/` and its PDF).

Verification shows the minimum: whether the certificate is valid or
revoked, and for a valid one the name, what for, the date and the issuer.
Every answer is said in words in the <h1>. Lookups are rate limited per
client address; nothing here is cached (a revocation shows at once).
"""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from certificates import codes, pdf, services
from certificates.forms import VerifyForm
from certificates.models import Certificate
from core import dates, ratelimit
from core.pdf import PdfUnavailable

VALID, REVOKED, NOT_FOUND, TOO_MANY = "valid", "revoked", "not-found", "too-many"


def _rate_limited(request) -> bool:
    return ratelimit.hit(request, "verify", settings.VERIFY_RATE_LIMIT)


def _result(request, form, *, state, certificate=None, code="", status=200):
    context = {"form": form, "state": state, "certificate": certificate, "display_code": code}
    if certificate is not None:
        part = certificate.content["parts"][0]
        context.update(
            {
                "part": part,
                "issued_on": dates.format_date(certificate.issued_at),
                "revoked_on": dates.format_date(certificate.revoked_at)
                if certificate.revoked_at
                else "",
            }
        )
    response = TemplateResponse(request, "certificates/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def _as_typed(text: str) -> str:
    """A code that cannot be one, repeated to the visitor as they typed it
    (escaped by the template), so they can hear what went wrong."""
    return " ".join(text.split())[: codes.MAX_INPUT_LENGTH]


@never_cache
@require_GET
def verify(request):
    """The form; with ?code=, the answer (a valid code goes to its own address)."""
    if "code" not in request.GET:
        return _result(request, VerifyForm(), state="")
    form = VerifyForm(request.GET)
    if not form.is_valid():
        return _result(request, form, state="", status=400)
    if _rate_limited(request):
        return _result(request, form, state=TOO_MANY, status=429)
    typed = form.cleaned_data["code"]
    code = codes.normalise(typed)
    if code is None:
        return _result(request, form, state=NOT_FOUND, code=_as_typed(typed), status=404)
    return HttpResponseRedirect(reverse("certificate_verify_code", args=[codes.display(code)]))


@never_cache
@require_GET
def verify_code(request, code):
    form = VerifyForm(initial={"code": code[: codes.MAX_INPUT_LENGTH]})
    if _rate_limited(request):
        return _result(request, form, state=TOO_MANY, status=429)
    normalised = codes.normalise(code)
    certificate = (
        Certificate.objects.filter(code=normalised).first() if normalised is not None else None
    )
    if certificate is None:
        shown = codes.display(normalised) if normalised else _as_typed(code)
        return _result(request, form, state=NOT_FOUND, code=shown, status=404)
    if codes.display(normalised) != code:
        # One address per certificate: 7kq2 m9xd 4 → /verify/7KQ2-M9XD-4/.
        return HttpResponseRedirect(
            reverse("certificate_verify_code", args=[codes.display(normalised)])
        )
    state = REVOKED if certificate.is_revoked else VALID
    return _result(
        request, form, state=state, certificate=certificate, code=certificate.display_code
    )


@require_GET
def verify_any_language(request, code):
    """The address in the QR code and on paper, <site>/verify/<CODE>/: the
    reader's language from the browser, Kazakh otherwise."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        return HttpResponseRedirect(reverse("certificate_verify_code", args=[code[:200]]))


def _holders_certificate(token: str) -> Certificate:
    if len(token) > 64:
        raise Http404("No such certificate")
    certificate = Certificate.objects.select_related("template").filter(access_token=token).first()
    if certificate is None:
        raise Http404("No such certificate")
    return certificate


@never_cache
@require_GET
def holder_view(request, token):
    """The certificate as a web page, the same text as the PDF, for a screen reader."""
    certificate = _holders_certificate(token)
    response = TemplateResponse(
        request,
        "certificates/certificate.html",
        {
            "certificate": certificate,
            "parts": certificate.content["parts"],
            "pdf_url": reverse("certificate_holder_pdf", args=[token]),
            "large_print_url": reverse("certificate_holder_large_print_pdf", args=[token]),
            "verify_url": reverse("certificate_verify_code", args=[certificate.display_code]),
            "issued_on": dates.format_date(certificate.issued_at),
            "revoked_on": dates.format_date(certificate.revoked_at)
            if certificate.revoked_at
            else "",
            "pdf_size": certificate.pdf.size
            if certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name)
            else None,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def pdf_response(certificate: Certificate, *, disposition: str = "inline") -> FileResponse:
    services.ensure_pdf(certificate)
    response = FileResponse(certificate.pdf.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'{disposition}; filename="{certificate.display_code}.pdf"'
    response["Content-Language"] = certificate.lead_language
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_GET
def holder_pdf(request, token):
    return pdf_response(_holders_certificate(token))


@never_cache
@require_GET
def holder_large_print_pdf(request, token):
    """The same certificate in large print (20 pt and more, no frame), for a
    low-vision holder; made when asked (one page's work, not stored)."""
    certificate = _holders_certificate(token)
    try:
        content = pdf.render_pdf(certificate, large_print=True)
    except PdfUnavailable:
        return HttpResponse(status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="{certificate.display_code}-large-print.pdf"'
    )
    response["Content-Language"] = certificate.lead_language
    response["X-Robots-Tag"] = "noindex"
    return response
