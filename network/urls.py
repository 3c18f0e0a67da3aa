from django.urls import path

from network import views

app_name = "network"

urlpatterns = [
    path("my/networks/", views.my_networks, name="my_networks"),
    path("networks/<slug:slug>/join/", views.membership_join, name="membership_join"),
    path("networks/<slug:slug>/request/", views.membership_request, name="membership_request"),
    path("networks/<slug:slug>/leave/", views.membership_leave, name="membership_leave"),
    path("networks/<slug:slug>/members/", views.member_list, name="member_list"),
    path("networks/<slug:slug>/manage/", views.member_manage, name="member_manage"),
    path(
        "networks/<slug:slug>/manage/approve/",
        views.membership_approve,
        name="membership_approve",
    ),
    path(
        "networks/<slug:slug>/manage/decline/",
        views.membership_decline,
        name="membership_decline",
    ),
    path(
        "networks/<slug:slug>/manage/role/",
        views.membership_role_change,
        name="membership_role_change",
    ),
    path(
        "networks/<slug:slug>/manage/remove/",
        views.membership_remove,
        name="membership_remove",
    ),
    path(
        "networks/<slug:slug>/manage/invite/",
        views.invitation_create,
        name="invitation_create",
    ),
    path(
        "networks/<slug:slug>/manage/invitations/withdraw/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "networks/<slug:slug>/invitations/<str:token>/",
        views.invitation_accept,
        name="invitation_accept",
    ),
    path(
        "networks/<slug:slug>/invitations/<str:token>/decline/",
        views.invitation_decline,
        name="invitation_decline",
    ),
]
