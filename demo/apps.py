from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and the commands that build and serve the demo site.
    Installed everywhere; seed_demo refuses production settings unless forced."""

    name = "demo"
    verbose_name = "Demo"
