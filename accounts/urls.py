from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("people/<str:username>/", views.profile_detail, name="profile_detail"),
    path("account/profile/", views.profile_edit, name="profile_edit"),
    path("notifications/", views.notification_list, name="notification_list"),
    path(
        "notifications/mark-all-read/",
        views.notification_mark_all_read,
        name="notification_mark_all_read",
    ),
    path("account/email-preferences/", views.email_preferences, name="email_preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("notifications/<int:pk>/open/", views.notification_open, name="notification_open"),
]
