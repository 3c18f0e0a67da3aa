from django.urls import path

from network.reviews import views

app_name = "reviews"

urlpatterns = [
    path("reviews/", views.review_list, name="list"),
    path("reviews/new/", views.review_create, name="create"),
    path("reviews/<int:pk>/", views.review_detail, name="detail"),
    path("reviews/<int:pk>/edit/", views.review_edit, name="edit"),
    path("reviews/<int:pk>/document/", views.plan_document, name="document"),
    path("reviews/<int:pk>/commitments/new/", views.commitment_create, name="commitment_create"),
    path(
        "reviews/<int:pk>/commitments/<int:commitment_pk>/edit/",
        views.commitment_edit,
        name="commitment_edit",
    ),
    path(
        "reviews/<int:pk>/commitments/<int:commitment_pk>/delete/",
        views.commitment_delete,
        name="commitment_delete",
    ),
    path("reviews/<int:pk>/status/<slug:target>/", views.review_transition, name="transition"),
    path("reviews/<int:pk>/assign/", views.review_assign, name="assign"),
    path("reviews/<int:pk>/feedback/", views.feedback_matrix, name="feedback"),
    path("reviews/<int:pk>/name-consent/", views.name_consent, name="name_consent"),
    path("reviews/<int:pk>/response/", views.consolidated, name="consolidated"),
    path("reviews/<int:pk>/response.csv", views.consolidated_csv, name="consolidated_csv"),
    path("reviews/<int:pk>/publish/", views.review_publish, name="publish"),
]
