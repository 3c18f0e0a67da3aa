"""Demo people and organisations for ``manage.py seed_demo``.

Fictional organisations from several countries and every sector, a dozen members (some
with public profiles, some verified, some with a claim still waiting), one staff editor
and one administrator. Rows are created only when missing and never overwritten, so the
command can run again on a site whose content people have since edited.
"""

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import Affiliation, Organisation, Sector, User

# Shown in the README. seed_demo refuses to run when DEBUG is off (unless --force).
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105
EDITOR_EMAIL = "editor@example.org"
ADMIN_EMAIL = "admin@example.org"

ORGANISATIONS = [
    # name, sector, country, website
    (
        "Ministry of Digital Government (Uruguay)",
        Sector.GOVERNMENT,
        "UY",
        "https://digital-uy.example.org",
    ),
    ("Kenya Public Data Directorate", Sector.GOVERNMENT, "KE", "https://data-ke.example.org"),
    (
        "City of Valparaíso Open Data Office",
        Sector.GOVERNMENT,
        "CL",
        "https://datos-valparaiso.example.org",
    ),
    (
        "Open Budget Office of the Philippines",
        Sector.GOVERNMENT,
        "PH",
        "https://budget-ph.example.org",
    ),
    ("Datos Claros", Sector.CIVIL_SOCIETY, "MX", "https://datosclaros.example.org"),
    ("Transparency Bridge Nigeria", Sector.CIVIL_SOCIETY, "NG", "https://tbn.example.org"),
    ("Open Contracting Watch Ukraine", Sector.CIVIL_SOCIETY, "UA", "https://ocw-ua.example.org"),
    ("Réseau Données Ouvertes Sénégal", Sector.CIVIL_SOCIETY, "SN", "https://rdos.example.org"),
    (
        "Open Government Alliance Secretariat",
        Sector.MULTILATERAL,
        "",
        "https://alliance-secretariat.example.org",
    ),
    (
        "Civic Data Institute, Universidade do Atlântico",
        Sector.ACADEMIA,
        "PT",
        "https://civicdata.example.org",
    ),
    ("Tessellate Analytics", Sector.PRIVATE, "IN", "https://tessellate.example.org"),
]

VERIFIED = Affiliation.Status.VERIFIED
CLAIMED = Affiliation.Status.CLAIMED

# email, display name, country, languages, time zone, public profile,
# (organisation, job title, status) or None, bio
PEOPLE = [
    (
        "ana@example.org",
        "Ana Pérez",
        "UY",
        ["es", "en"],
        "America/Montevideo",
        True,
        ("Ministry of Digital Government (Uruguay)", "Head of the open data portal", VERIFIED),
        "I lead the team behind Uruguay's national open data portal. We moved from "
        "publishing files on request to publishing by default, and I am happy to talk "
        "about the data inventories and the publication rules that made it stick.",
    ),
    (
        "joseph@example.org",
        "Joseph Kamau",
        "KE",
        ["en", "sw"],
        "Africa/Nairobi",
        True,
        ("Kenya Public Data Directorate", "Data standards lead", VERIFIED),
        "I look after data standards for ministries and counties: common identifiers for "
        "health facilities and schools, and a shared schema for county budgets.",
    ),
    (
        "camila@example.org",
        "Camila Rojas",
        "CL",
        ["es"],
        "America/Santiago",
        False,
        ("City of Valparaíso Open Data Office", "Open data officer", CLAIMED),
        "I coordinate open data for the city: transport, permits and the port area. "
        "Interested in how other local governments keep datasets up to date.",
    ),
    (
        "maria@example.org",
        "Maria Lourdes Santos",
        "PH",
        ["en"],
        "Asia/Manila",
        True,
        ("Open Budget Office of the Philippines", "Budget transparency analyst", VERIFIED),
        "I publish the national budget as machine-readable data every quarter and work "
        "with civil-society groups who track spending in their provinces.",
    ),
    (
        "diego@example.org",
        "Diego Hernández",
        "MX",
        ["es", "en"],
        "America/Mexico_City",
        True,
        ("Datos Claros", "Programme director", VERIFIED),
        "Datos Claros trains journalists and community groups to use public procurement "
        "data. Ask me about contracting data quality and about feedback loops with "
        "publishers.",
    ),
    (
        "ngozi@example.org",
        "Ngozi Okafor",
        "NG",
        ["en", "ig"],
        "Africa/Lagos",
        False,
        ("Transparency Bridge Nigeria", "Research coordinator", VERIFIED),
        "I research how extractive-industry revenues are reported and how communities "
        "near mining sites can use that data.",
    ),
    (
        "olena@example.org",
        "Olena Kovalenko",
        "UA",
        ["uk", "en"],
        "Europe/Kyiv",
        True,
        ("Open Contracting Watch Ukraine", "Data analyst", CLAIMED),
        "I build red-flag indicators on public tenders and help local monitors follow "
        "reconstruction contracts.",
    ),
    (
        "samuel@example.org",
        "Samuel Osei",
        "GH",
        ["en", "fr"],
        "Africa/Accra",
        True,
        ("Open Government Alliance Secretariat", "Working group coordinator", VERIFIED),
        "I coordinate the open data working group: its networks, its peer exchanges and "
        "the review of draft action-plan commitments.",
    ),
    (
        "ines@example.org",
        "Inês Carvalho",
        "PT",
        ["pt", "en", "es"],
        "Europe/Lisbon",
        True,
        ("Civic Data Institute, Universidade do Atlântico", "Associate researcher", VERIFIED),
        "I study how open data policies are implemented at municipal level and what "
        "makes publication last beyond one political cycle.",
    ),
    (
        "priya@example.org",
        "Priya Raman",
        "IN",
        ["en", "hi", "ta"],
        "Asia/Kolkata",
        False,
        ("Tessellate Analytics", "Data engineer", CLAIMED),
        "I build data pipelines for public-interest dashboards and care about clean, "
        "documented APIs.",
    ),
    (
        "lucas@example.org",
        "Lucas Ferreira",
        "BR",
        ["pt", "es"],
        "America/Sao_Paulo",
        False,
        None,
        "Independent researcher working on open data for climate adaptation in cities.",
    ),
    (
        "amina@example.org",
        "Amina Diallo",
        "SN",
        ["fr", "en"],
        "Africa/Dakar",
        True,
        ("Réseau Données Ouvertes Sénégal", "Network coordinator", VERIFIED),
        "Je coordonne un réseau d'associations qui utilisent les données ouvertes sur "
        "l'eau et l'assainissement. I also facilitate francophone peer exchanges.",
    ),
]

STAFF = [
    # email, display name, is_superuser, organisation, job title, bio
    (
        EDITOR_EMAIL,
        "Sofia Lindqvist",
        False,
        "Open Government Alliance Secretariat",
        "Knowledge editor",
        "I edit the lessons and resources that members share, and I look after the "
        "working group's library.",
    ),
    (
        ADMIN_EMAIL,
        "Tomás Reyes",
        True,
        "Open Government Alliance Secretariat",
        "Platform administrator",
        "I run the platform and help editors with the admin.",
    ),
]


def _username(email):
    return email.split("@")[0]


def _ensure_verified_email(user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def _ensure_person(email, password_hash, stdout, **fields):
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(
            email=email,
            username=_username(email),
            password=password_hash,
            terms_accepted_at=timezone.now(),
            **fields,
        )
        user.save()
        stdout.write(f"  created person {email}")
    _ensure_verified_email(user)
    return user


def _ensure_affiliation(*, user, organisation, job_title, status, decided_by):
    verified = status == VERIFIED
    Affiliation.objects.get_or_create(
        user=user,
        organisation=organisation,
        defaults={
            "job_title": job_title,
            "status": status,
            "decided_at": timezone.now() if verified else None,
            "decided_by": decided_by if verified else None,
        },
    )


@transaction.atomic
def seed(stdout):
    """Create the demo organisations and people when missing."""
    organisations = {}
    for name, sector, country, website in ORGANISATIONS:
        organisation, created = Organisation.objects.get_or_create(
            name=name, defaults={"sector": sector, "country": country, "website": website}
        )
        organisations[name] = organisation
        if created:
            stdout.write(f"  created organisation {name}")

    # One hash for every demo account: hashing is deliberately slow.
    password_hash = make_password(DEMO_PASSWORD)

    staff = {}
    for email, display_name, is_superuser, _org, _title, bio in STAFF:
        staff[email] = _ensure_person(
            email,
            password_hash,
            stdout,
            display_name=display_name,
            bio=bio,
            is_staff=True,
            is_superuser=is_superuser,
            country="",
            languages=["en"],
            time_zone="UTC",
        )
    admin = staff[ADMIN_EMAIL]
    for email, _name, _superuser, org_name, job_title, _bio in STAFF:
        _ensure_affiliation(
            user=staff[email],
            organisation=organisations[org_name],
            job_title=job_title,
            status=VERIFIED,
            decided_by=admin,
        )

    for email, name, country, languages, tz, public, affiliation, bio in PEOPLE:
        user = _ensure_person(
            email,
            password_hash,
            stdout,
            display_name=name,
            bio=bio,
            country=country,
            languages=languages,
            time_zone=tz,
            profile_public=public,
        )
        if affiliation:
            org_name, job_title, status = affiliation
            _ensure_affiliation(
                user=user,
                organisation=organisations[org_name],
                job_title=job_title,
                status=status,
                decided_by=admin,
            )


def demo_logins():
    """(email, role) pairs for the sign-in list printed by seed_demo and the README."""
    logins = [(ADMIN_EMAIL, "administrator"), (EDITOR_EMAIL, "staff editor")]
    for email, *_rest, affiliation, _bio in PEOPLE:
        if affiliation is None:
            role = "member, no affiliation"
        else:
            org_name, _title, status = affiliation
            state = "verified" if status == VERIFIED else "claimed, not verified"
            role = f"member, {org_name} ({state})"
        logins.append((email, role))
    return logins
