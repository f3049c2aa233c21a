from .announcements import AnnouncementIndexPage, AnnouncementPage, AnnouncementPageTag
from .pages import HomePage, StandardPage
from .settings import ContactSettings
from .surveys import SurveyField, SurveyPage

__all__ = [
    "AnnouncementIndexPage",
    "AnnouncementPage",
    "AnnouncementPageTag",
    "ContactSettings",
    "HomePage",
    "StandardPage",
    "SurveyField",
    "SurveyPage",
]
