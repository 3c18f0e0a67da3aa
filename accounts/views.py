from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from accounts.models import User


def profile_detail(request, username):
    user = User.objects.profiles_visible_to(request.user).filter(username=username).first()
    if user is None:
        raise Http404
    return render(request, "accounts/profile_detail.html", {"profile": user})


@login_required
def profile_edit(request):
    return render(request, "accounts/profile_edit.html", {})


@login_required
def notification_list(request):
    return render(request, "accounts/notification_list.html", {})
