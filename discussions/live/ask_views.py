"""Ask an expert: a question thread addressed to one expert or to matching experts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from discussions.live import services
from discussions.live.forms import AskExpertForm
from discussions.views.helpers import write_allowed
from network.models import ExpertIndexPage, ExpertProfilePage


def _ask_network():
    index = ExpertIndexPage.objects.live().select_related("ask_network").first()
    network = index.ask_network if index is not None else None
    if network is None or not network.live:
        return None
    return network


@login_required
def ask_expert(request):
    user = request.user
    ask_network = _ask_network()
    initial = {}
    for name in ("expert", "principle", "topic"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    form = AskExpertForm(request.POST or None, user=user, ask_network=ask_network, initial=initial)
    chosen = None
    expert_id = request.POST.get("expert") or request.GET.get("expert")
    if expert_id and expert_id.isdigit():
        chosen = ExpertProfilePage.objects.live().filter(pk=expert_id).first()
    if request.method == "POST" and form.is_valid() and write_allowed(request, form):
        data = form.cleaned_data
        network = data["network"]
        experts = (
            [data["expert"]]
            if data["expert"]
            else services.matching_experts(
                network=network,
                principle=data["principle"],
                topic=data["topic"],
                exclude_user=user,
            )
        )
        thread = services.ask_experts(
            network=network,
            author=user,
            title=data["title"],
            body=data["body"],
            experts=experts,
            principles=[data["principle"]] if data["principle"] else (),
            tags=[data["topic"].name] if data["topic"] else (),
        )
        thread.network = network
        if experts:
            names = ", ".join(expert.title for expert in experts)
            messages.success(
                request,
                _("Your question is posted and %(names)s will hear of it.") % {"names": names},
            )
        else:
            messages.info(
                request,
                _(
                    "Your question is posted. No expert matches it yet: members of the "
                    "network can answer, and editors will look for an expert."
                ),
            )
        return redirect(thread.get_absolute_url())
    return render(
        request,
        "discussions/live/ask_expert.html",
        {"form": form, "chosen": chosen, "ask_network": ask_network},
    )
