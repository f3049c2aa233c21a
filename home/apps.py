from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top of the public site: home, standard pages, announcements, surveys,
    navigation, search, sitemap and the site's contact settings."""

    name = "home"
    verbose_name = "Home"
