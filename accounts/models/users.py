import zoneinfo

from django.conf import global_settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

# IANA's geographic areas: their zones are the canonical names people pick from.
# Leaves out legacy aliases (US/Eastern, GB, Etc/GMT+5 ...) and tzdata's "localtime"
# and "Factory", which are not zones at all (browsers reject "localtime").
TIME_ZONE_AREAS = (
    "Africa/",
    "America/",
    "Antarctica/",
    "Arctic/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
)


def time_zone_choices():
    names = [name for name in zoneinfo.available_timezones() if name.startswith(TIME_ZONE_AREAS)]
    return [("UTC", "UTC")] + [(name, name.replace("_", " ")) for name in sorted(names)]


def zone_info(name):
    """The time zone named ``name``; UTC for an empty or unknown name."""
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def language_choices():
    """Languages a person may say they speak: Django's own list, translated, by name."""
    choices = [(code, _(name)) for code, name in global_settings.LANGUAGES if "-" not in code]
    return sorted(choices, key=lambda choice: str(choice[1]).casefold())


class UserQuerySet(models.QuerySet):
    def public_profiles(self):
        return self.filter(profile_public=True, is_active=True)

    def profiles_visible_to(self, viewer):
        """Signed-in people see every active profile; visitors only public ones."""
        if viewer.is_authenticated:
            return self.filter(is_active=True)
        return self.public_profiles()


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A person. ``username`` is their handle (profile URL, @mentions), made by allauth."""

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=100,
        help_text=_("How your name appears to others, for example “Ana Pérez”."),
    )
    bio = models.TextField(
        _("short bio"),
        max_length=1000,
        blank=True,
        help_text=_("A few sentences about your work on open data."),
    )
    country = CountryField(_("country"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    profile_public = models.BooleanField(
        _("public profile"),
        default=False,
        help_text=_(
            "Show your profile to everyone, including people who are not signed in. "
            "Otherwise only signed-in members see it."
        ),
    )
    email_notifications = models.BooleanField(
        _("email me my notifications"),
        default=True,
        help_text=_("You always see notifications on the site; this also sends them by email."),
    )
    email_opt_outs = models.JSONField(
        _("kinds of notification not to email"),
        default=list,
        blank=True,
        help_text=_("Notification kinds (verbs) this person chose not to get by email."),
    )
    terms_accepted_at = models.DateTimeField(_("terms accepted at"), null=True, blank=True)

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name()

    def get_full_name(self):
        return self.display_name or self.email.split("@")[0] or self.username

    def get_short_name(self):
        return self.get_full_name()

    def get_absolute_url(self):
        return reverse("accounts:profile_detail", kwargs={"username": self.username})

    def language_names(self):
        names = dict(language_choices())
        return [names.get(code, code) for code in self.languages]
