"""The demo's lessons: fictional, but the kind of thing members of the group live through.

Each entry: network slug, author email, title, metadata and the written sections
(Markdown). ``network.lessons.demo`` turns them into published lessons.
"""

OCDS = "open-contracting-data"
SUBNATIONAL = "subnational-open-data"
CLIMATE = "open-data-for-climate"
POLICY = "open-data-policy-leads"
OWNERSHIP = "beneficial-ownership-transparency"

LESSONS = [
    {
        "network": OCDS,
        "author": "ana@example.org",
        "title": "From scanned tender notices to daily OCDS files",
        "country": "UY",
        "government_level": "national",
        "sector": "procurement",
        "principles": ["open-by-default", "comparable-and-interoperable"],
        "tags": ["OCDS", "e-procurement", "bulk data"],
        "ogp_commitment": "UY0123",
        "experience_date": "2023-02-01",
        "summary": (
            "We replaced scanned PDF notices with daily Open Contracting Data Standard "
            "files. Start from the data your e-procurement system already holds, not from "
            "a new portal."
        ),
        "context": (
            "Forty ministries published tender notices as scanned PDFs on their own "
            "websites. The procurement agency ran one e-tendering system, but its database "
            "was only used to print notices."
        ),
        "challenge": (
            "Journalists and auditors could not compare prices or suppliers across "
            "ministries, and every information request about a contract took weeks."
        ),
        "actions": (
            "- Mapped the e-tendering tables to OCDS with a two-person team.\n"
            "- Published a full bulk file every night and a change file every hour.\n"
            "- Ran two data clinics with newsrooms before the launch."
        ),
        "results": (
            "Within a year the files were downloaded about 3,000 times a month. The audit "
            "office now samples contracts from the data instead of asking ministries."
        ),
        "what_did_not_work": (
            "Our first API timed out on large queries; nobody missed it once the bulk "
            "files were there."
        ),
        "advice": (
            "Publish bulk files first and an API later. Ask your first users to break the "
            "data before launch day."
        ),
        "effort": "Two developers for six months, and one legal review of the licence.",
    },
    {
        "network": OCDS,
        "author": "diego@example.org",
        "title": "Red flags in procurement data that auditors actually use",
        "country": "MX",
        "government_level": "national",
        "sector": "procurement",
        "principles": ["improved-governance-and-citizen-engagement"],
        "tags": ["OCDS", "red flags", "audit"],
        "experience_date": "2023-09-01",
        "summary": (
            "Twelve simple red flags, agreed with auditors, beat a sophisticated risk "
            "score that nobody trusted."
        ),
        "context": (
            "A civil-society team built a risk score from open contracting data. The "
            "supreme audit office liked the idea but never used the score."
        ),
        "challenge": "Auditors need reasons they can write in a report, not a number.",
        "actions": (
            "We sat with three audit teams for a month and kept only indicators they could "
            "explain in one sentence: single bidder, short tender period, late amendments."
        ),
        "results": (
            "The audit office now publishes which flags triggered each of its procurement "
            "audits. Two regional offices copied the list."
        ),
        "what_did_not_work": "Our machine-learning score: accurate, unexplainable, unused.",
        "advice": "Design the indicators with the people who will act on them.",
        "effort": "One analyst part time for four months.",
    },
    {
        "network": OCDS,
        "author": "joseph@example.org",
        "title": "Publishing contract amendments, not just awards",
        "country": "KE",
        "government_level": "national",
        "sector": "procurement",
        "principles": ["timely-and-comprehensive"],
        "tags": ["OCDS", "contract implementation"],
        "experience_date": "2024-01-01",
        "summary": (
            "Most cost overruns hide in amendments. Adding them to the published data "
            "changed what journalists looked at."
        ),
        "context": "Awards were published; changes to signed contracts were not.",
        "challenge": (
            "Amendments were recorded on paper by each project engineer, with no common format."
        ),
        "actions": (
            "We added an amendment form to the contract management module and published "
            "its entries in the OCDS implementation section."
        ),
        "results": (
            "A newspaper series on road contracts that doubled in value was based entirely "
            "on the amendment data."
        ),
        "what_did_not_work": "Back-filling five years of paper amendments stalled after one.",
        "advice": "Start collecting amendments from today; do not wait for the archive.",
        "effort": "A small change to an existing system, plus training for 200 engineers.",
    },
    {
        "network": OCDS,
        "author": "maria@example.org",
        "title": "Why our contracting portal needed a plain-language guide",
        "country": "PH",
        "government_level": "national",
        "sector": "procurement",
        "principles": ["accessible-and-usable"],
        "tags": ["usability", "documentation"],
        "experience_date": "2022-06-01",
        "summary": (
            "Good data went unused until we wrote a ten-page guide in plain Filipino and "
            "English with worked examples."
        ),
        "context": "The portal offered downloads and an API, documented for developers only.",
        "challenge": "Local councillors and reporters did not know what a 'release' was.",
        "actions": (
            "We wrote a guide around five questions people actually asked us, each "
            "answered with a spreadsheet example."
        ),
        "results": "Support emails fell by half; downloads by non-developers tripled.",
        "what_did_not_work": "Video tutorials: expensive to make and out of date in months.",
        "advice": "Write for the person who asks the question, not for the schema.",
        "effort": "One writer and one data analyst for six weeks.",
    },
    {
        "network": SUBNATIONAL,
        "author": "camila@example.org",
        "title": "A shared open data catalogue for 30 small municipalities",
        "country": "CL",
        "government_level": "local",
        "sector": "budget",
        "principles": ["accessible-and-usable", "comparable-and-interoperable"],
        "tags": ["municipalities", "data catalogue", "shared services"],
        "experience_date": "2023-05-01",
        "summary": (
            "Small towns could not each run a portal. A regionally hosted catalogue with "
            "shared templates let 30 of them publish budgets in three months."
        ),
        "context": "Most municipalities had one IT person, if any.",
        "challenge": "A legal duty to publish budgets, and no means to do it.",
        "actions": (
            "The regional association of municipalities hosted one catalogue and gave each "
            "town a spreadsheet "
            "template and a monthly upload day with help on the phone."
        ),
        "results": "Thirty towns publish monthly; the region compares them on one page.",
        "what_did_not_work": "Automatic extraction from each town's accounting software.",
        "advice": "Share the infrastructure; keep the data ownership local.",
        "effort": "Two staff of the association and a hosted CKAN instance.",
    },
    {
        "network": SUBNATIONAL,
        "author": "amina@example.org",
        "title": "Participatory budgeting data that residents could read",
        "country": "SN",
        "government_level": "subnational",
        "sector": "budget",
        "principles": ["improved-governance-and-citizen-engagement"],
        "tags": ["participatory budgeting", "budget data"],
        "experience_date": "2022-11-01",
        "summary": (
            "Publishing which community projects were funded, and their progress, "
            "restored trust in the region's participatory budget."
        ),
        "context": ("Residents voted on projects every year but never heard what happened next."),
        "challenge": "Project status lived in engineers' reports, not in any dataset.",
        "actions": (
            "We created one table of voted projects with a status field updated monthly "
            "by each regional service, and printed it on posters in each commune."
        ),
        "results": "Turnout at the next budget vote rose by a third.",
        "what_did_not_work": "An SMS status service: too costly per message to sustain.",
        "advice": "Close the loop offline as well as online.",
        "effort": "A monthly hour per service and a printing budget.",
    },
    {
        "network": SUBNATIONAL,
        "author": "ines@example.org",
        "title": "Opening bus timetables in a mid-sized city",
        "country": "ES",
        "government_level": "local",
        "sector": "transport",
        "principles": ["open-by-default", "inclusive-development-and-innovation"],
        "tags": ["GTFS", "transport", "real-time"],
        "experience_date": "2021-09-01",
        "summary": (
            "Publishing GTFS timetables brought our buses into every journey planner "
            "within a month, at almost no cost."
        ),
        "context": "The operator's contract said nothing about data.",
        "challenge": "The operator considered the timetable its commercial property.",
        "actions": (
            "We added a data clause to the contract renewal and published the feed under "
            "an open licence on the city's catalogue."
        ),
        "results": "Three journey planners and a local startup use the feed.",
        "what_did_not_work": "Real-time positions: the vehicles' trackers were too old.",
        "advice": "Put data obligations in contracts; renewals are your chance.",
        "effort": "Legal drafting time and one week of a developer.",
    },
    {
        "network": SUBNATIONAL,
        "author": "ana@example.org",
        "title": "Comparing school spending across departments",
        "country": "UY",
        "government_level": "subnational",
        "sector": "education",
        "principles": ["comparable-and-interoperable"],
        "tags": ["education", "budget data", "classification"],
        "experience_date": "2024-04-01",
        "summary": (
            "Departments classified school spending differently. A shared crosswalk made "
            "the first fair comparison possible."
        ),
        "context": "Each department used its own budget classification.",
        "challenge": "Any comparison was challenged as comparing apples and oranges.",
        "actions": (
            "Finance officers from six departments agreed a crosswalk to a common "
            "functional classification in four workshops."
        ),
        "results": "The national education council now publishes the comparison yearly.",
        "what_did_not_work": "Asking departments to change their own classification.",
        "advice": "Map to a common standard; do not ask everyone to switch.",
        "effort": "Four workshops and a part-time coordinator for a year.",
    },
    {
        "network": CLIMATE,
        "author": "joseph@example.org",
        "title": "Publishing the national emissions inventory as data",
        "country": "KE",
        "government_level": "national",
        "sector": "environment",
        "principles": ["timely-and-comprehensive", "accessible-and-usable"],
        "tags": ["emissions", "climate", "inventory"],
        "experience_date": "2023-03-01",
        "summary": (
            "The emissions inventory was a 300-page PDF every two years. Publishing the "
            "underlying tables made it usable by counties and researchers."
        ),
        "context": "Inventory tables were built in spreadsheets by consultants.",
        "challenge": "Nobody owned the spreadsheets after each report was submitted.",
        "actions": (
            "The ministry took ownership of the workbook, cleaned it into long-format "
            "tables and published them with a data dictionary."
        ),
        "results": "Two counties built their own climate plans from the tables.",
        "what_did_not_work": "Publishing the consultant's original workbook as is.",
        "advice": "Own your data pipeline, even when consultants build the report.",
        "effort": "One analyst for three months.",
    },
    {
        "network": CLIMATE,
        "author": "samuel@example.org",
        "title": "Air quality sensors: what open data could and could not fix",
        "country": "GH",
        "government_level": "local",
        "sector": "environment",
        "principles": ["improved-governance-and-citizen-engagement"],
        "tags": ["air quality", "sensors", "citizen science"],
        "experience_date": "2022-08-01",
        "summary": (
            "Low-cost sensors and open readings started a public debate, but calibration "
            "problems nearly discredited the project."
        ),
        "context": "The city had two reference monitors for two million people.",
        "challenge": "People wanted readings for their own neighbourhood.",
        "actions": (
            "Schools hosted 40 low-cost sensors; readings were published every ten "
            "minutes with a map."
        ),
        "results": "The city added air quality to its development plan.",
        "what_did_not_work": (
            "We published raw readings before calibration; one alarming spike was a "
            "sensor next to a generator."
        ),
        "advice": "Publish uncertainty and calibration notes with the data.",
        "effort": "Sensors cost little; calibration took a scientist six months.",
    },
    {
        "network": CLIMATE,
        "author": "amina@example.org",
        "title": "Flood risk maps opened to insurers and residents alike",
        "country": "SN",
        "government_level": "subnational",
        "sector": "environment",
        "principles": ["open-by-default", "inclusive-development-and-innovation"],
        "tags": ["flooding", "geospatial", "risk"],
        "experience_date": "2023-10-01",
        "summary": (
            "Opening flood risk maps met resistance over property values; publishing the "
            "methodology first made the release possible."
        ),
        "context": "Flood maps existed but were shared only with emergency services.",
        "challenge": "Landowners feared falling property prices.",
        "actions": (
            "We published the method and held ward meetings before releasing the maps as "
            "open geospatial data."
        ),
        "results": "Residents used the maps to argue for drainage works that were funded.",
        "what_did_not_work": "A first release without consultation was withdrawn in a week.",
        "advice": "Explain the method before the map.",
        "effort": "A GIS officer and six ward meetings.",
    },
    {
        "network": CLIMATE,
        "author": "ines@example.org",
        "title": "Energy use of public buildings, published monthly",
        "country": "ES",
        "government_level": "local",
        "sector": "extractives",
        "principles": ["timely-and-comprehensive"],
        "tags": ["energy", "public buildings", "smart meters"],
        "experience_date": "2024-02-01",
        "summary": (
            "Publishing each school's and office's monthly energy use led to quick "
            "savings once managers could see their neighbours."
        ),
        "context": "Smart meters were installed but read only by the utility.",
        "challenge": "Building managers never saw the numbers.",
        "actions": "We exported meter readings monthly and published a ranked table.",
        "results": "Energy use in the worst quarter of buildings fell 12% in a year.",
        "what_did_not_work": "Daily data: too noisy for anyone to act on.",
        "advice": "Pick the time step people can act on.",
        "effort": "A script and an agreement with the utility.",
    },
    {
        "network": OCDS,
        "author": "ngozi@example.org",
        "title": "Linking company registers to procurement data",
        "country": "NG",
        "government_level": "national",
        "sector": "justice",
        "principles": [
            "comparable-and-interoperable",
            "improved-governance-and-citizen-engagement",
        ],
        "tags": ["company register", "identifiers", "OCDS"],
        "experience_date": "2023-07-01",
        "summary": (
            "Suppliers appeared under a dozen spellings. Requiring company register "
            "numbers in tenders made the data joinable."
        ),
        "context": "Supplier names were typed freely by procurement officers.",
        "challenge": "Nobody could tell how much one company won across agencies.",
        "actions": (
            "The tender system now validates the company number against the register at bid time."
        ),
        "results": "Aggregate supplier analysis became a one-line query.",
        "what_did_not_work": "Cleaning historic names by fuzzy matching alone.",
        "advice": "Fix identifiers at the point of entry.",
        "effort": "An API agreement between two agencies.",
    },
    {
        "network": SUBNATIONAL,
        "author": "ines@example.org",
        "title": "Open data on building permits cut waiting times",
        "country": "PT",
        "government_level": "local",
        "sector": "land",
        "principles": ["improved-governance-and-citizen-engagement", "timely-and-comprehensive"],
        "tags": ["permits", "housing", "performance data"],
        "experience_date": "2022-03-01",
        "summary": (
            "Publishing each permit's status and waiting time put pressure where the delays were."
        ),
        "context": "Applicants waited months without knowing why.",
        "challenge": "Delays were blamed on 'the system', never on a step.",
        "actions": "We published every application's steps with dates, updated nightly.",
        "results": "Median waiting time fell from 140 to 85 days.",
        "what_did_not_work": "Naming individual officers; we stopped after a week.",
        "advice": "Show the process, not the people.",
        "effort": "A nightly export from the permit system.",
    },
    {
        "network": POLICY,
        "author": "samuel@example.org",
        "title": "Writing an open-by-default policy that survived a change of government",
        "country": "GH",
        "government_level": "national",
        "sector": "other",
        "principles": ["open-by-default"],
        "tags": ["policy", "legislation"],
        "experience_date": "2021-01-01",
        "summary": (
            "An executive instruction was reversed after elections; a regulation backed by "
            "the statistics law survived."
        ),
        "context": "Open data rested on a ministerial circular.",
        "challenge": "A new government could drop it with a memo, and did.",
        "actions": (
            "We anchored the policy in the statistics act's regulations, with a duty to "
            "publish an annual inventory."
        ),
        "results": "The regulation has survived two changes of minister.",
        "what_did_not_work": "Relying on a champion minister.",
        "advice": "Put open data in the law you already have.",
        "effort": "Eighteen months of legal drafting and consultation.",
    },
    {
        "network": POLICY,
        "author": "maria@example.org",
        "title": "Data inventories: start small and publish the list",
        "country": "PH",
        "government_level": "national",
        "sector": "statistics",
        "principles": ["open-by-default", "timely-and-comprehensive"],
        "tags": ["data inventory", "policy"],
        "experience_date": "2023-06-01",
        "summary": (
            "Publishing the inventory of datasets, even those not yet open, created "
            "demand that prioritised the rest."
        ),
        "context": "Ministries were asked to list all their datasets at once.",
        "challenge": "The exercise stalled in every ministry.",
        "actions": "We asked for the top twenty datasets per ministry and published the list.",
        "results": "Requests from users set the order of opening.",
        "what_did_not_work": "A complete inventory as a precondition.",
        "advice": "Publish the list before the data.",
        "effort": "A template and two follow-up calls per ministry.",
    },
    {
        "network": POLICY,
        "author": "joseph@example.org",
        "title": "Privacy reviews that did not block publication",
        "country": "KE",
        "government_level": "national",
        "sector": "health",
        "principles": ["open-by-default"],
        "tags": ["privacy", "anonymisation", "health data"],
        "experience_date": "2024-05-01",
        "summary": (
            "A two-week privacy checklist replaced case-by-case legal opinions that took months."
        ),
        "context": "Every health dataset went to the legal department.",
        "challenge": "Nothing was published for a year.",
        "actions": (
            "We wrote a checklist with the data protection office and agreed aggregation "
            "thresholds for common tables."
        ),
        "results": "Twelve health datasets published in six months.",
        "what_did_not_work": "Anonymising record-level data: we publish aggregates only.",
        "advice": "Agree rules once, then apply them many times.",
        "effort": "Two months with the data protection office.",
    },
    {
        "network": OWNERSHIP,
        "author": "ngozi@example.org",
        "title": "Verifying beneficial ownership declarations",
        "country": "NG",
        "government_level": "national",
        "sector": "extractives",
        "principles": ["improved-governance-and-citizen-engagement"],
        "tags": ["beneficial ownership", "verification", "extractives"],
        "experience_date": "2023-11-01",
        "summary": (
            "Cross-checking declarations against other registers found errors in one in "
            "five, most of them honest mistakes."
        ),
        "context": "Declarations were accepted without checks.",
        "challenge": "Civil society doubted the register's accuracy.",
        "actions": (
            "We matched declarations against the company register, politically exposed "
            "persons lists and licence holders."
        ),
        "results": "Corrections requested from 180 companies; sanctions for three.",
        "what_did_not_work": "Asking companies to self-verify.",
        "advice": "Verification builds trust in the register more than its size does.",
        "effort": "A team of four for a year.",
    },
    {
        "network": OWNERSHIP,
        "author": "diego@example.org",
        "title": "Publishing ownership data under privacy rules",
        "country": "MX",
        "government_level": "national",
        "sector": "justice",
        "principles": ["open-by-default", "accessible-and-usable"],
        "tags": ["beneficial ownership", "privacy"],
        "experience_date": "2024-03-01",
        "summary": (
            "After a court ruling, we moved to layered access: public summary data, full "
            "records for obliged entities."
        ),
        "context": "A court limited public access to ownership records.",
        "challenge": "Keeping the register useful for journalists.",
        "actions": (
            "We published names, nationality and ownership bands; dates of birth are not public."
        ),
        "results": "Journalistic use continued; no further legal challenge.",
        "what_did_not_work": "Fully closed access, tried for two months.",
        "advice": "Plan for layered access before a court decides for you.",
        "effort": "Legal analysis and a new access tier in the register.",
    },
    {
        "network": CLIMATE,
        "author": "priya@example.org",
        "title": "Tracking climate finance from budget to project",
        "country": "IN",
        "government_level": "subnational",
        "sector": "budget",
        "principles": ["comparable-and-interoperable", "timely-and-comprehensive"],
        "tags": ["climate finance", "budget tagging"],
        "experience_date": "2023-08-01",
        "summary": (
            "Tagging budget lines as climate-relevant only became useful once the tags "
            "followed the money to projects."
        ),
        "context": "The state tagged budget lines but not spending.",
        "challenge": "Nobody knew whether tagged money was spent.",
        "actions": "We carried tags into the treasury system and published quarterly.",
        "results": "Underspending on adaptation became visible and was debated in the assembly.",
        "what_did_not_work": "Tagging by keyword search in budget descriptions.",
        "advice": "Tag once, at source, and keep the tag with the money.",
        "effort": "Changes to two finance systems over a year.",
    },
]
