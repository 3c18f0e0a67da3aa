"""Who reviews lessons in Wagtail's moderation workflow.

Wagtail's migrations make one workflow, "Moderators approval", on the root page: its
single task is approved by the "Moderators" group. Our staff editors are in "Editors",
so that task must accept them too: editors review, comment, request changes and
publish lessons with Wagtail's own screens. A data migration applies this to existing
sites; ``ensure_editors_review`` also creates what is missing (tests flush
migration-made rows, and ``seed_demo`` may recreate the groups).
"""

REVIEW_GROUPS = ("Moderators", "Editors")
WORKFLOW_NAME = "Moderators approval"
TASK_NAME = "Moderators approval"


def add_editors_to_review_tasks(group_model, task_model, permission_model=None):
    """Add "Editors" to every group-approval task that "Moderators" approve.

    Works with historical models (the data migration) and with the real ones.
    """
    editors = group_model.objects.filter(name="Editors").first()
    if editors is None:
        return 0
    tasks = task_model.objects.filter(groups__name="Moderators").distinct()
    for task in tasks:
        task.groups.add(editors)
    return len(tasks)


def ensure_editors_review():
    """The workflow on the root page, its approval task, and both groups on that task."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

    root = Page.get_first_root_node()
    groups = [Group.objects.get_or_create(name=name)[0] for name in REVIEW_GROUPS]
    assignment = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if assignment is None:
        workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
        if workflow is None:
            workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowPage.objects.create(workflow=workflow, page=root)
    else:
        workflow = assignment.workflow
    approval = [task for task in workflow.tasks.specific() if isinstance(task, GroupApprovalTask)]
    if not approval:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        approval = [task]
    for task in approval:
        task.groups.add(*groups)
    return workflow
