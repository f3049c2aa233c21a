"""The staff screens of certificates, under /admin/certificates/ (namespace
"certificates_admin"), their menu, permissions, and the template snippets.

    ""                         certificates (search by name, code or number)
    "issue/"                   issue one certificate
    "<pk>/", "<pk>/pdf/"       a certificate and its history; its PDF
    "<pk>/revoke|reissue/"     revoke; revoke and issue a corrected one
    "batches/", "batches/new/" batches; issue to many people
    "batches/<pk>/"            a batch's progress, errors and certificates
    "batches/<pk>/status/"     its progress as JSON (the page updates itself)
    "batches/<pk>/resume/"     start it again (nothing is issued twice)
    "batches/<pk>/certificates.zip"  its certificates as <CODE>.pdf files
    "templates/<pk>/preview/?language=kk"  a template with sample data
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from certificates import admin_views as views
from certificates import batch_views
from certificates.enums import CertificateLanguage
from certificates.models import CertificateTemplate
from core.admin_views import Entry, staff_menu

NS = views.NS

urlpatterns = [
    path("", views.CertificateIndexView.as_view(), name="index"),
    path("issue/", views.IssueView.as_view(), name="issue"),
    path("<int:pk>/", views.CertificateDetailView.as_view(), name="detail"),
    path("<int:pk>/pdf/", views.CertificatePdfView.as_view(), name="pdf"),
    path("<int:pk>/revoke/", views.RevokeView.as_view(), name="revoke"),
    path("<int:pk>/reissue/", views.ReissueView.as_view(), name="reissue"),
    path("batches/", batch_views.BatchIndexView.as_view(), name="batches"),
    path("batches/new/", batch_views.BatchCreateView.as_view(), name="batch_new"),
    path("batches/<int:pk>/", batch_views.BatchDetailView.as_view(), name="batch"),
    path("batches/<int:pk>/status/", batch_views.BatchStatusView.as_view(), name="batch_status"),
    path("batches/<int:pk>/resume/", batch_views.BatchResumeView.as_view(), name="batch_resume"),
    path("batches/<int:pk>/certificates.zip", batch_views.BatchZipView.as_view(), name="batch_zip"),
    path(
        "templates/<int:pk>/preview/",
        views.TemplatePreviewView.as_view(),
        name="template_preview",
    ),
]


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return [path("certificates/", include((urlpatterns, NS), namespace=NS))]


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full-inverse"
    list_display = ["name", "kind", "orientation"]
    list_filter = ["kind"]
    search_fields = ["name"]
    add_to_admin_menu = False
    url_prefix = "certificates/templates"


template_viewset = CertificateTemplateViewSet()
register_snippet(template_viewset)


@hooks.register("register_admin_menu_item")
def certificates_menu():
    return staff_menu(
        _("Certificates"),
        name="certificates",
        icon_name="doc-full",
        order=260,
        entries=[
            Entry(
                _("Certificates"),
                reverse(f"{NS}:index"),
                "certificates-list",
                "list-ul",
                "certificates.view_certificate",
            ),
            Entry(
                _("Issue a certificate"),
                reverse(f"{NS}:issue"),
                "certificates-issue",
                "plus",
                "certificates.add_certificate",
            ),
            Entry(
                _("Batches"),
                reverse(f"{NS}:batches"),
                "certificates-batches",
                "tasks",
                "certificates.view_certificate",
            ),
            Entry(
                _("Certificate templates"),
                reverse(template_viewset.get_url_name("list")),
                "certificates-templates",
                "doc-full-inverse",
                "certificates.change_certificatetemplate",
            ),
        ],
    )


@hooks.register("register_permissions")
def certificate_permissions():
    """Shown in Settings → Groups, so administrators can grant them."""
    return Permission.objects.filter(
        content_type__app_label="certificates",
        codename__in=["view_certificate", "add_certificate", "change_certificate"],
    )


@hooks.register("register_snippet_listing_buttons")
def template_preview_buttons(snippet, user, next_url=None):
    """Preview a template with sample data, in each language, from its listing."""
    if not isinstance(snippet, CertificateTemplate) or not views.can(user, "add"):
        return
    address = reverse(f"{NS}:template_preview", args=[snippet.pk])
    for order, (value, label) in enumerate(CertificateLanguage.choices):
        yield Button(
            _("Preview: %(language)s") % {"language": label},
            f"{address}?language={value}",
            icon_name="view",
            priority=10 + order,
        )
