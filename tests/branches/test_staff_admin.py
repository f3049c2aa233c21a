"""The department says in the admin who works at which branch."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from branches.models import Branch, BranchKind, StaffProfile

pytestmark = pytest.mark.django_db


def test_a_staff_account_is_put_in_a_branch_in_the_admin(admin_client):
    librarian = get_user_model().objects.create_user("aigul.librarian", "aigul@example.kz")
    branch = Branch.objects.create(
        locale=Locale.objects.get(language_code="kk"), name="Арыс филиалы", kind=BranchKind.BRANCH
    )

    listing = admin_client.get("/admin/snippets/branches/staffprofile/")
    assert listing.status_code == 200
    response = admin_client.post(
        "/admin/snippets/branches/staffprofile/add/",
        {"user": librarian.pk, "branch": branch.pk},
    )

    assert response.status_code == 302
    assert StaffProfile.objects.get(user=librarian).branch == branch
    assert "aigul.librarian" in admin_client.get("/admin/snippets/branches/staffprofile/").text
