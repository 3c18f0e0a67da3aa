"""The demo's guidelines, principle pages and resources, as an editor of the working
group would write them. Used by ``network.resources.demo``."""


def section(heading, html):
    return {"type": "section", "value": {"heading": heading, "body": html}}


def checklist(title, items, note=""):
    return {"type": "checklist", "value": {"title": title, "items": items, "note": note}}


def example(title, place, text, link=""):
    return {
        "type": "example",
        "value": {"title": title, "place": place, "text": text, "link": link},
    }


def callout(kind, title, html):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def commitment(text, in_practice=""):
    return {"type": "commitment", "value": {"text": text, "in_practice": in_practice}}


GUIDELINE_INDEX_INTRO = (
    "How to put the six principles of the International Open Data Charter into a national "
    "or local action plan: what each principle asks, the commitments that follow from it, "
    "and worked examples from members of the working group."
)
RESOURCE_INDEX_INTRO = (
    "Guides, toolkits, case studies, datasets, policies and training material that "
    "governments and civil-society organisations use to adopt open data. Filter by "
    "principle, type, language or country."
)

# principle slug -> title, summary, body, commitments, how to
PRINCIPLES = {
    "open-by-default": {
        "summary": (
            "Government data is open unless there is a good, stated reason to keep it "
            "closed. The burden of proof moves: an agency explains why a dataset is not "
            "published, instead of a citizen explaining why it should be."
        ),
        "body": [
            section(
                "What changes in practice",
                "<p>Most governments start from a list of datasets they agree to publish. "
                "Open by default turns that list around: everything is in scope, and the "
                "exceptions (personal data, national security, commercial confidentiality) "
                "are named, justified and reviewed.</p><p>It is a policy change before it "
                "is a technical one, so it usually needs a decree, a law or a cabinet "
                "decision, and an inventory of the data each agency holds.</p>",
            ),
            callout(
                "warning",
                "Open by default is not open at any cost",
                "<p>Publishing personal data by mistake destroys trust quickly. Pair the "
                "policy with a privacy review and a clear route to withdraw a dataset.</p>",
            ),
        ],
        "commitments": [
            commitment(
                "Adopt a policy that government data is open by default, with exceptions "
                "defined in law.",
                "Name the instrument (decree, law, regulation), the agency that drafts "
                "it and the date it is adopted.",
            ),
            commitment(
                "Explain publicly why any dataset is not released, and review the reasons "
                "regularly.",
                "Publish a register of withheld datasets with the legal ground for each.",
            ),
            commitment(
                "Protect privacy: personal data is published only with consent or a legal "
                "basis, and anonymised where needed.",
                "Have the data-protection authority review the publication process.",
            ),
        ],
        "how_to": [
            checklist(
                "Before you write the commitment",
                [
                    "Find out whether an access-to-information law already sets a default.",
                    "Identify who can adopt the policy and how long that takes.",
                    "Agree with the data-protection authority on how exceptions are judged.",
                    "Ask two or three agencies to pilot a data inventory.",
                ],
            ),
            example(
                "A decree first, then the inventory",
                "Uruguay",
                "The national digital agency had an open-by-default decree adopted before "
                "asking ministries for inventories. Agencies then had a legal reason to "
                "spend time on the inventory, and the first register of withheld datasets "
                "followed a year later.",
            ),
        ],
    },
    "timely-and-comprehensive": {
        "summary": (
            "Data is published quickly, completely and in its original, unmodified form "
            "wherever possible, and kept up to date as it changes."
        ),
        "body": [
            section(
                "Why timeliness matters",
                "<p>A budget published two years late cannot inform a budget debate. "
                "Contract data that arrives after the contract is signed cannot prevent a "
                "bad award. Publishing at the moment data is created, from the system that "
                "creates it, is what makes it useful.</p>",
            ),
            callout(
                "tip",
                "Publish from the source",
                "<p>Exports made by hand go stale. An automatic feed from the system of "
                "record keeps data current at almost no running cost.</p>",
            ),
        ],
        "commitments": [
            commitment(
                "Publish data as soon as it is created or collected, and at a known frequency.",
                "State the update frequency of each priority dataset.",
            ),
            commitment(
                "Release data in its original, unmodified form at the finest level of "
                "detail available, with aggregates as a complement.",
            ),
            commitment(
                "Describe each dataset with metadata and documentation that explain how "
                "it was produced.",
            ),
        ],
        "how_to": [
            checklist(
                "A timely-data commitment names",
                [
                    "The datasets concerned (not “key datasets”).",
                    "The maximum delay between creation and publication.",
                    "The system the data comes from and who maintains the feed.",
                    "How progress is measured, e.g. share of datasets updated on time.",
                ],
            ),
            example(
                "Procurement data within 48 hours",
                "Paraguay, National Directorate of Public Procurement",
                "Tender notices, awards and contracts are published from the e-procurement "
                "system within two days, in the Open Contracting Data Standard. Journalists "
                "and suppliers now use the feed instead of asking for copies.",
            ),
        ],
    },
    "accessible-and-usable": {
        "summary": (
            "Data is easy to find, free to access and free to reuse: machine-readable, "
            "under an open licence, with no registration or fees in the way."
        ),
        "body": [
            section(
                "Usable by whom?",
                "<p>A CSV file is accessible to a data journalist; a map or a plain summary "
                "is accessible to a community leader. The principle asks for both: raw "
                "data in open formats, and an effort to reach people who do not code.</p>",
            ),
        ],
        "commitments": [
            commitment(
                "Publish data on a central portal, free of charge, under an open licence.",
                "Name the licence (for example CC BY 4.0) in the commitment.",
            ),
            commitment("Publish in open, machine-readable formats alongside any PDF."),
            commitment(
                "Remove barriers such as mandatory registration or application forms.",
            ),
            commitment(
                "Build capacity so that people and organisations can use the data.",
            ),
        ],
        "how_to": [
            checklist(
                "Check your portal against this list",
                [
                    "Every dataset has a licence shown on its page.",
                    "Downloads work without an account.",
                    "Each dataset has at least one open format (CSV, JSON, GeoJSON).",
                    "People can ask for a dataset and see the answer.",
                ],
            ),
            callout(
                "note",
                "Accessibility of the portal itself",
                "<p>Include the portal in the government's web accessibility audits: "
                "data that screen-reader users cannot find is not accessible.</p>",
            ),
        ],
    },
    "comparable-and-interoperable": {
        "summary": (
            "Data follows agreed standards, formats and identifiers so that it can be "
            "compared across places and over time, and combined with other data."
        ),
        "body": [
            section(
                "Standards do the heavy lifting",
                "<p>When two ministries identify companies in two different ways, nobody "
                "can join their data. Using common identifiers (company registers, "
                "geographic codes) and domain standards (OCDS for contracting, IATI for "
                "aid, GTFS for transport) makes data comparable at no extra cost to "
                "users.</p>",
            ),
        ],
        "commitments": [
            commitment(
                "Adopt and apply open standards for priority datasets.",
                "Name the standard and the datasets it applies to.",
            ),
            commitment("Use common identifiers for organisations, places and budgets."),
            commitment("Keep data comparable over time, documenting any change of method."),
        ],
        "how_to": [
            example(
                "One company identifier across registers",
                "Ukraine",
                "Procurement and beneficial-ownership data use the same company register "
                "number, so that civil-society tools can show who owns the winners of "
                "public contracts.",
            ),
            checklist(
                "Interoperability questions to settle early",
                [
                    "Which identifier do we use for organisations?",
                    "Which international standard exists for this domain?",
                    "Who maintains the code lists and how are changes announced?",
                ],
            ),
        ],
    },
    "improved-governance-and-citizen-engagement": {
        "summary": (
            "Open data strengthens accountability and gives citizens the information to "
            "take part in decisions that affect them."
        ),
        "body": [
            section(
                "From publication to participation",
                "<p>Data on a portal changes little by itself. The principle asks "
                "governments to create the channels where data is discussed and acted "
                "upon: consultations, feedback on datasets, participatory budgeting and "
                "the follow-up of complaints.</p>",
            ),
            callout(
                "tip",
                "Close the feedback loop",
                "<p>Tell people what changed because of their feedback. It is the cheapest "
                "way to keep them engaged.</p>",
            ),
        ],
        "commitments": [
            commitment(
                "Use open data to make government more transparent and accountable.",
            ),
            commitment(
                "Engage citizens and civil society in deciding which data to publish.",
                "Describe the consultation and when it happens.",
            ),
            commitment("Train public officials to use and respond to open data."),
        ],
        "how_to": [
            checklist(
                "Make engagement part of the commitment",
                [
                    "Name the civil-society partners and their role.",
                    "Plan at least one public review of progress.",
                    "Publish the feedback received and the response to it.",
                ],
            ),
        ],
    },
    "inclusive-development-and-innovation": {
        "summary": (
            "Open data supports inclusive economic development and innovation, so that "
            "its benefits reach everyone, including under-served communities."
        ),
        "body": [
            section(
                "Who benefits?",
                "<p>Open data tends to benefit those who already have skills and "
                "connectivity. This principle asks governments to look at who is using the "
                "data and who is missing, and to publish data that matters to groups left "
                "behind: disaggregated by sex, age, disability and place.</p>",
            ),
        ],
        "commitments": [
            commitment(
                "Publish data disaggregated by sex, age, disability and location where "
                "relevant and safe.",
            ),
            commitment(
                "Support innovation with open data: challenges, incubators and "
                "partnerships with universities and small businesses.",
            ),
            commitment("Measure who uses open data and act on gaps."),
        ],
        "how_to": [
            example(
                "Gender-disaggregated procurement data",
                "Mexico City",
                "Supplier data now records whether a company is led by women, which made "
                "it possible to measure, and then raise, the share of contracts going to "
                "women-led businesses.",
            ),
        ],
    },
}

# slug -> title, intro, principles, body
GUIDELINES = {
    "charter-in-your-action-plan": {
        "title": "Putting the Charter into your action plan",
        "intro": (
            "A step-by-step guide for points of contact and civil-society partners who "
            "draft the open data commitments of a national or local action plan."
        ),
        "principles": list(PRINCIPLES),
        "body": [
            section(
                "1. Start from a problem, not a dataset",
                "<p>Strong commitments start from a public problem that data can help "
                "solve: late payments to suppliers, missing medicines in clinics, "
                "unsafe roads. Ask civil society which problems they would tackle if the "
                "data existed.</p>",
            ),
            section(
                "2. Map the problem to the Charter principles",
                "<p>Most commitments touch two or three principles. A procurement "
                "commitment is usually about timeliness (publish as contracts happen), "
                "interoperability (use OCDS) and accountability (a monitoring role for "
                "civil society).</p>",
            ),
            checklist(
                "A commitment is ready when it states",
                [
                    "The problem it addresses and for whom.",
                    "The data to publish, in which standard, how often.",
                    "The agency responsible and its partners.",
                    "Milestones with dates and a way to verify each one.",
                    "How civil society takes part in monitoring.",
                ],
                "Use the peer-review space to ask other members for feedback before you "
                "submit your plan.",
            ),
            callout(
                "tip",
                "Ask a peer before you publish",
                "<p>Members who have done it before spot vague milestones in minutes. "
                "Request a commitment review from the working group.</p>",
            ),
            example(
                "From “open contracting” to a measurable commitment",
                "Colombia",
                "An early draft promised to “advance open contracting”. After review it "
                "committed to publish all national procurement in OCDS within two days of "
                "each stage, with a quarterly public dashboard and a civil-society "
                "monitoring group.",
            ),
        ],
    },
    "smart-open-data-commitments": {
        "title": "Writing SMART open data commitments",
        "intro": (
            "Specific, measurable, assigned, realistic and time-bound: how to turn an "
            "intention into a commitment that can be assessed at the end of the plan."
        ),
        "principles": ["timely-and-comprehensive", "accessible-and-usable"],
        "body": [
            section(
                "Specific and measurable",
                "<p>Replace “publish key datasets” with the datasets themselves, and "
                "“improve quality” with the indicator that will show it, such as the share "
                "of datasets updated on schedule.</p>",
            ),
            section(
                "Assigned, realistic and time-bound",
                "<p>Name one lead agency. Check the budget and the legal basis before you "
                "promise. Give each milestone a date inside the plan's two-year "
                "cycle.</p>",
            ),
            checklist(
                "Words that should make you pause",
                ["“promote”", "“advance”", "“explore”", "“where possible”", "“key datasets”"],
            ),
        ],
    },
    "co-creating-with-civil-society": {
        "title": "Co-creating commitments with civil society",
        "intro": (
            "How to run the consultation that shapes open data commitments, so that "
            "civil society owns them as much as government does."
        ),
        "principles": ["improved-governance-and-citizen-engagement"],
        "body": [
            section(
                "Invite early, and widely",
                "<p>Consult before the drafting starts. Reach beyond the usual capital-city "
                "organisations: subnational groups, journalists, business associations "
                "and groups representing women and people with disabilities.</p>",
            ),
            callout(
                "warning",
                "A consultation after the drafting is a notification",
                "<p>People notice. Leave enough time for proposals to change the plan.</p>",
            ),
            checklist(
                "Publish after the consultation",
                [
                    "Who took part.",
                    "The proposals received.",
                    "What was taken up, and why the rest was not.",
                ],
            ),
        ],
    },
}

# slug -> spec. "file": a generated PDF; "url": a link shown, never fetched;
# "translation_of": the slug of the original resource.
RESOURCES = {
    "charter-implementation-guide": {
        "title": "Open Data Charter implementation guide",
        "type": "guide",
        "language": "en",
        "principles": list(PRINCIPLES),
        "countries": [],
        "publisher": "Open data working group",
        "year": 2025,
        "file": True,
        "url": "https://opendatacharter.org/",
        "description": (
            "The working group's guide to adopting the International Open Data Charter: "
            "what adoption means, who signs, and how the six principles translate into "
            "policies, teams and action-plan commitments. Written for points of contact "
            "in national and local governments."
        ),
    },
    "guia-implementacion-carta": {
        "title": "Guía de implementación de la Carta de Datos Abiertos",
        "type": "guide",
        "language": "es",
        "principles": list(PRINCIPLES),
        "countries": [],
        "publisher": "Grupo de trabajo de datos abiertos",
        "year": 2025,
        "file": True,
        "translation_of": "charter-implementation-guide",
        "description": (
            "La guía del grupo de trabajo para adoptar la Carta Internacional de Datos "
            "Abiertos: qué significa adherirse, quién firma y cómo los seis principios se "
            "convierten en políticas, equipos y compromisos de planes de acción."
        ),
    },
    "guide-mise-en-oeuvre-charte": {
        "title": "Guide de mise en œuvre de la Charte des données ouvertes",
        "type": "guide",
        "language": "fr",
        "principles": list(PRINCIPLES),
        "countries": [],
        "publisher": "Groupe de travail sur les données ouvertes",
        "year": 2025,
        "file": True,
        "translation_of": "charter-implementation-guide",
        "description": (
            "Le guide du groupe de travail pour adopter la Charte internationale des "
            "données ouvertes : ce que signifie l'adhésion, qui signe, et comment les six "
            "principes deviennent des politiques, des équipes et des engagements."
        ),
    },
    "open-by-default-policy-toolkit": {
        "title": "Open by default policy toolkit",
        "type": "toolkit",
        "language": "en",
        "principles": ["open-by-default"],
        "countries": ["UY", "MX"],
        "publisher": "Open data working group",
        "year": 2024,
        "file": True,
        "description": (
            "Model clauses for an open-by-default decree, a template register of withheld "
            "datasets, and a one-page briefing for ministers. Drawn from the decrees of "
            "five member governments."
        ),
    },
    "kit-politica-abierto-por-defecto": {
        "title": "Kit de políticas de apertura por defecto",
        "type": "toolkit",
        "language": "es",
        "principles": ["open-by-default"],
        "countries": ["UY", "MX"],
        "publisher": "Grupo de trabajo de datos abiertos",
        "year": 2024,
        "file": True,
        "translation_of": "open-by-default-policy-toolkit",
        "description": (
            "Cláusulas modelo para un decreto de apertura por defecto, una plantilla de "
            "registro de datos no publicados y una nota de una página para ministros."
        ),
    },
    "privacy-impact-assessment-open-data": {
        "title": "Privacy impact assessment for open data releases",
        "type": "guide",
        "language": "en",
        "principles": ["open-by-default"],
        "countries": ["GB"],
        "publisher": "Data protection network",
        "year": 2023,
        "file": True,
        "description": (
            "A short method for checking a dataset for personal data before release: "
            "direct and indirect identifiers, re-identification risk, and when to "
            "aggregate instead of publishing rows."
        ),
    },
    "ocds-implementation-case-paraguay": {
        "title": "Publishing procurement data in real time: Paraguay",
        "type": "case_study",
        "language": "en",
        "principles": ["timely-and-comprehensive", "comparable-and-interoperable"],
        "countries": ["PY"],
        "publisher": "Open contracting network",
        "year": 2024,
        "file": True,
        "description": (
            "How the national procurement directorate moved from monthly spreadsheets to "
            "an automatic OCDS feed published within 48 hours, what it cost, and who uses "
            "the data today."
        ),
    },
    "caso-contrataciones-paraguay": {
        "title": "Datos de contrataciones en tiempo real: Paraguay",
        "type": "case_study",
        "language": "es",
        "principles": ["timely-and-comprehensive", "comparable-and-interoperable"],
        "countries": ["PY"],
        "publisher": "Red de contrataciones abiertas",
        "year": 2024,
        "file": True,
        "translation_of": "ocds-implementation-case-paraguay",
        "description": (
            "Cómo la dirección nacional de contrataciones pasó de planillas mensuales a "
            "una publicación automática en OCDS en 48 horas, cuánto costó y quién usa "
            "los datos."
        ),
    },
    "national-budget-dataset-2026": {
        "title": "National budget 2026, line by line",
        "type": "dataset",
        "language": "en",
        "principles": ["timely-and-comprehensive", "improved-governance-and-citizen-engagement"],
        "countries": ["KE"],
        "publisher": "National Treasury (demo)",
        "year": 2026,
        "url": "https://data.example.org/budget-2026",
        "description": (
            "The approved budget at programme and economic-classification level, with "
            "the functional classification of the IMF's government finance statistics. "
            "CSV and JSON, updated with each supplementary budget."
        ),
    },
    "metadata-standard-dcat-profile": {
        "title": "A national metadata profile based on DCAT",
        "type": "policy",
        "language": "en",
        "principles": ["accessible-and-usable", "comparable-and-interoperable"],
        "countries": ["FR", "UY"],
        "publisher": "Open data working group",
        "year": 2023,
        "file": True,
        "description": (
            "The fields every dataset on a national portal should carry (licence, "
            "publisher, update frequency, contact point, spatial and temporal coverage) "
            "and how they map to DCAT so that regional portals can harvest them."
        ),
    },
    "open-licence-decision-tree": {
        "title": "Choosing an open licence: a decision tree",
        "type": "toolkit",
        "language": "en",
        "principles": ["accessible-and-usable"],
        "countries": [],
        "publisher": "Open data working group",
        "year": 2022,
        "file": True,
        "description": (
            "One page that walks a data owner from “can we publish this?” to a licence: "
            "public domain dedication, CC BY 4.0 or a national licence compatible with it."
        ),
    },
    "arbre-decision-licence": {
        "title": "Choisir une licence ouverte : arbre de décision",
        "type": "toolkit",
        "language": "fr",
        "principles": ["accessible-and-usable"],
        "countries": [],
        "publisher": "Groupe de travail sur les données ouvertes",
        "year": 2022,
        "file": True,
        "translation_of": "open-licence-decision-tree",
        "description": (
            "Une page qui guide le producteur de données de « pouvons-nous publier ? » "
            "jusqu'au choix d'une licence compatible avec CC BY 4.0."
        ),
    },
    "data-literacy-course-officials": {
        "title": "Data literacy for public officials: a four-week course",
        "type": "training",
        "language": "en",
        "principles": ["accessible-and-usable", "improved-governance-and-citizen-engagement"],
        "countries": ["GH", "KE", "NG"],
        "publisher": "School of Data (demo)",
        "year": 2025,
        "file": True,
        "description": (
            "Slides, exercises and facilitator notes for a blended course: finding data, "
            "cleaning it in a spreadsheet, reading it critically and answering requests "
            "from the public. Tested with 200 officials in three countries."
        ),
    },
    "curso-alfabetizacion-datos": {
        "title": "Alfabetización de datos para funcionarios públicos",
        "type": "training",
        "language": "es",
        "principles": ["accessible-and-usable", "improved-governance-and-citizen-engagement"],
        "countries": ["CO", "PE"],
        "publisher": "Escuela de Datos (demo)",
        "year": 2025,
        "file": True,
        "translation_of": "data-literacy-course-officials",
        "description": (
            "Diapositivas, ejercicios y notas para un curso de cuatro semanas: encontrar "
            "datos, limpiarlos en una hoja de cálculo y responder a solicitudes del público."
        ),
    },
    "company-identifiers-guidance": {
        "title": "Using company identifiers across government data",
        "type": "guide",
        "language": "en",
        "principles": ["comparable-and-interoperable"],
        "countries": ["UA", "GB"],
        "publisher": "Beneficial ownership network",
        "year": 2024,
        "url": "https://standard.openownership.org/",
        "description": (
            "Why procurement, company and beneficial-ownership registers should share one "
            "identifier, how to add it to existing systems, and how to publish it so that "
            "others can join the data."
        ),
    },
    "participatory-budgeting-case-porto-alegre": {
        "title": "Open budget data in participatory budgeting",
        "type": "case_study",
        "language": "pt",
        "principles": ["improved-governance-and-citizen-engagement"],
        "countries": ["BR"],
        "publisher": "Rede de orçamento aberto (demo)",
        "year": 2023,
        "file": True,
        "description": (
            "Como dados orçamentários abertos ajudaram assembleias de bairro a "
            "acompanhar as obras aprovadas no orçamento participativo."
        ),
    },
    "feedback-loops-open-data-portals": {
        "title": "Feedback loops on open data portals",
        "type": "guide",
        "language": "en",
        "principles": ["improved-governance-and-citizen-engagement", "accessible-and-usable"],
        "countries": [],
        "publisher": "Open data working group",
        "year": 2026,
        "file": True,
        "description": (
            "Patterns for dataset requests, error reports and user showcases on a portal, "
            "with the response times governments committed to and the staff it takes."
        ),
    },
    "gender-disaggregated-data-policy": {
        "title": "Policy note: gender-disaggregated open data",
        "type": "policy",
        "language": "en",
        "principles": ["inclusive-development-and-innovation"],
        "countries": ["MX", "AR"],
        "publisher": "Open data working group",
        "year": 2025,
        "file": True,
        "description": (
            "Which administrative datasets to disaggregate first, how to do it without "
            "exposing individuals, and commitments governments have made on it."
        ),
    },
    "nota-datos-desagregados-genero": {
        "title": "Nota de política: datos abiertos desagregados por género",
        "type": "policy",
        "language": "es",
        "principles": ["inclusive-development-and-innovation"],
        "countries": ["MX", "AR"],
        "publisher": "Grupo de trabajo de datos abiertos",
        "year": 2025,
        "file": True,
        "translation_of": "gender-disaggregated-data-policy",
        "description": (
            "Qué datos administrativos desagregar primero, cómo hacerlo sin exponer a las "
            "personas y qué compromisos han asumido los gobiernos."
        ),
    },
    "open-data-innovation-challenges": {
        "title": "Des concours d'innovation ouverts qui durent",
        "type": "guide",
        "language": "fr",
        "principles": ["inclusive-development-and-innovation"],
        "countries": ["SN", "CI"],
        "publisher": "Réseau francophone des données ouvertes (démo)",
        "year": 2024,
        "file": True,
        "description": (
            "Leçons de douze concours d'innovation : choisir un problème, accompagner les "
            "équipes après le concours et mesurer ce qui reste un an plus tard."
        ),
    },
}

# Where members discuss these resources (a public network of the demo).
DISCUSSED_IN = {
    "open-contracting-data": [
        "ocds-implementation-case-paraguay",
        "company-identifiers-guidance",
        "charter-implementation-guide",
    ],
}
