from django.urls import path

from network.events import views

app_name = "events"

urlpatterns = [
    path("my/events/", views.my_events, name="my_events"),
    path("my/events/calendar-link/", views.calendar_token_renew, name="calendar_token_renew"),
    path("events/calendar.ics", views.site_feed, name="site_feed"),
    path("events/calendar/<str:token>.ics", views.private_feed, name="private_feed"),
    path("networks/<slug:slug>/events/calendar.ics", views.network_feed, name="network_feed"),
    path("events/<int:event_id>/calendar.ics", views.event_ics, name="event_ics"),
    path("events/<int:event_id>/register/", views.registration_create, name="registration_create"),
    path("events/<int:event_id>/registration/", views.registration_form, name="registration_form"),
    path("events/<int:event_id>/cancel/", views.registration_cancel, name="registration_cancel"),
    path("events/<int:event_id>/registrants/", views.registrant_list, name="registrant_list"),
    path(
        "events/<int:event_id>/registrants.csv", views.registrant_export, name="registrant_export"
    ),
]
