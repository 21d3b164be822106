#!/usr/bin/env python3
"""Seeds a running suite with a sample training company, through the public API of the gateway.

Run by `deploy/suite seed` (which passes the gateway URL and how to get tokens). Everything goes through the
same endpoints a client uses, so every event flows to the other services, the reports and the mail.

Idempotent: each object is looked up by its natural key (a person's id, an account's or plan's name, a pass
type's code, a trigger's abbreviation) before it is made, so a second run changes nothing and says so.

The company, "Northwind Safety Academy", trains the staff of six customer organisations:
- 6 accounts, each with a contact, and 240 learners spread over them, in 5 groups;
- 12 programs of each kind (courses and events with sessions, learning paths, activities), online, classroom
  and blended, with credits and categories; 2 catalogs;
- 2 pass types with options and prices in two regions and currencies (EU in EUR, US in USD) plus training
  tokens, including part of the catalog; passes issued to every contact and to 60 learners; an order;
- 3 learning plans, one per registration type (ENFORCED with auto-registration, NON_ENFORCED, DISABLED),
  with milestones of sessions and credits, offered in a catalog and assigned to groups with a due date;
- templates and communication triggers (pass issued, 30 days before a pass expires, plan assigned, plan
  deadline with overdue repeats), made before the passes and assignments so that their mail is sent;
- a few completions and an Access Now booking, so progress and reports have something to show.
"""
import argparse
import datetime as dt
import json
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

FIRST = ["Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca",
         "Maya", "Nils", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tara"]
LAST = ["Andersen", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen",
        "Kowalski"]

ACCOUNTS = [  # name, CRM reference, region
    ("Acme Logistics", "CRM-1001", "EU"), ("Borealis Health", "CRM-1002", "EU"),
    ("Cobalt Energy", "CRM-1003", "US"), ("Delta Retail", "CRM-1004", "US"),
    ("Evergreen Foods", "CRM-1005", "EU"), ("Fjord Shipping", "CRM-1006", "EU"),
]
GROUPS = [  # name, description, which learners (index range)
    ("Warehouse staff", "Forklift drivers and pickers of the logistics customers", range(0, 60)),
    ("Nurses", "Ward nurses of Borealis Health", range(60, 100)),
    ("Field engineers", "Engineers working on customer sites", range(100, 160)),
    ("Store managers", "Managers of retail stores", range(160, 200)),
    ("New starters", "Everyone in their first three months", range(200, 240)),
]
LEARNERS = 240

# title, type, delivery, category, credits, sessions (days from today; 0 = none), capacity
PROGRAMS = [
    ("Fire Safety Basics", "ACTIVITY", "ONLINE", "Health and safety", 1, [], None),
    ("Manual Handling", "ACTIVITY", "ONLINE", "Health and safety", 1, [], None),
    ("Forklift Operation", "COURSE", "CLASSROOM", "Health and safety", 3, [14, 42], 12),
    ("First Aid at Work", "COURSE", "BLENDED", "Health and safety", 2, [21, 49], 16),
    ("Working at Height", "COURSE", "CLASSROOM", "Health and safety", 2, [28], 10),
    ("Safety Leadership Summit", "EVENT", "CLASSROOM", "Leadership", 2, [35], 80),
    ("Leading Your First Team", "COURSE", "BLENDED", "Leadership", 3, [10, 38], 20),
    ("Feedback Conversations", "ACTIVITY", "ONLINE", "Leadership", 1, [], None),
    ("New Manager Path", "LEARNING_PATH", "BLENDED", "Leadership", 4, [], None),
    ("Data Protection Essentials", "ACTIVITY", "ONLINE", "Compliance", 1, [], None),
    ("Anti-Bribery Awareness", "ACTIVITY", "ONLINE", "Compliance", 1, [], None),
    ("Compliance Webinar 2027", "EVENT", "ONLINE", "Compliance", 1, [45], 500),
]


class ApiError(Exception):
    pass


class Api:
    """JSON over HTTP to the gateway; waits out 429s (Retry-After) and retries 503s a few times."""

    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.token = token
        self.calls = 0

    def call(self, method, path, body=None, accept=(200, 201)):
        data = None if body is None else json.dumps(body).encode()
        for attempt in range(30):
            req = urllib.request.Request(self.base + path, data=data, method=method, headers={
                "Authorization": "Bearer " + self.token, "Content-Type": "application/json",
                "Accept": "application/json"})
            try:
                self.calls += 1
                with urllib.request.urlopen(req, timeout=60) as r:
                    text = r.read().decode()
                    return r.status, json.loads(text) if text else None
            except urllib.error.HTTPError as e:
                text = e.read().decode(errors="replace")
                if e.code == 429:
                    retry_after = e.headers.get("Retry-After", "1")
                    time.sleep(float(retry_after) if retry_after.isdigit() else 1.0)
                    continue
                if e.code == 503 and attempt < 10:
                    time.sleep(1)
                    continue
                if e.code in accept:
                    return e.code, json.loads(text) if text else None
                raise ApiError(f"{method} {path} -> {e.code} {text[:500]}") from None
            except (urllib.error.URLError, socket.timeout, ConnectionError) as e:
                raise ApiError(f"{method} {path}: no answer from the gateway ({e}); is the stack up?") from None
        raise ApiError(f"{method} {path}: still limited after 30 tries")

    def get(self, path, **query):
        q = {k: v for k, v in query.items() if v is not None}
        return self.call("GET", path + ("?" + urllib.parse.urlencode(q) if q else ""))[1]

    def post(self, path, body=None, accept=(200, 201)):
        return self.call("POST", path, body, accept)[1]

    def all(self, path, **query):
        """Every item of a paged list."""
        page, items = 0, []
        while True:
            result = self.get(path, page=page, size=200, **query)
            items += result["items"]
            if page + 1 >= result.get("totalPages", 1):
                return items
            page += 1


def eventually(what, fn, seconds=60):
    """Events travel between services: try fn until it returns something truthy (or raises no ApiError)."""
    deadline = time.time() + seconds
    while True:
        try:
            result = fn()
            if result:
                return result
        except ApiError:
            if time.time() > deadline:
                raise
        if time.time() > deadline:
            raise ApiError(f"timed out waiting for {what}")
        time.sleep(1)


class Seed:
    def __init__(self, api, token_for):
        self.api = api
        self.token_for = token_for
        self.made = {}
        self.today = dt.date.today()

    def count(self, kind, made):
        self.made.setdefault(kind, [0, 0])[0 if made else 1] += 1

    # ---- directory -----------------------------------------------------------------------------------
    def accounts(self):
        ids = {}
        existing = {a["name"]: a["id"] for a in self.api.all("/directory/accounts")}
        for name, ref, _ in ACCOUNTS:
            if name not in existing:
                existing[name] = self.api.post("/directory/accounts", {"name": name, "externalRef": ref})["id"]
                self.count("accounts", True)
            else:
                self.count("accounts", False)
            ids[name] = existing[name]
        return ids

    def person(self, pid, name, email, account):
        status, _ = self.api.call("GET", f"/directory/people/{pid}", accept=(200, 404))
        if status == 404:
            self.api.post("/directory/people", {"id": pid, "name": name, "email": email, "accountId": account})
            self.count("people", True)
        else:
            self.count("people", False)

    def people(self, accounts):
        contacts, learners = {}, []
        for i, (name, _, region) in enumerate(ACCOUNTS):
            slug = name.split()[0].lower()
            pid = f"contact-{slug}"
            self.person(pid, f"{FIRST[i * 3 % len(FIRST)]} {LAST[i % len(LAST)]}", f"{pid}@example.org",
                        accounts[name])
            contacts[name] = pid
        for n in range(LEARNERS):
            pid = f"learner-{n + 1:03d}"
            first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
            account = ACCOUNTS[n % len(ACCOUNTS)][0]
            self.person(pid, f"{first} {last}", f"{first.lower()}.{last.lower()}.{n + 1:03d}@example.org",
                        accounts[account])
            learners.append(pid)
        return contacts, learners

    def groups(self, learners):
        ids = {}
        existing = {g["name"]: g["id"] for g in self.api.all("/directory/groups")}
        for name, description, members in GROUPS:
            if name not in existing:
                existing[name] = self.api.post("/directory/groups", {"name": name, "description": description})["id"]
                self.count("groups", True)
            else:
                self.count("groups", False)
            ids[name] = existing[name]
            self.api.post(f"/directory/groups/{ids[name]}/members", {"personIds": [learners[i] for i in members]})
        return ids

    # ---- catalog -------------------------------------------------------------------------------------
    def programs(self):
        ids = {}
        existing = {p["title"]: p for p in self.api.all("/catalog/programs")}
        for title, kind, delivery, category, credits, sessions, capacity in PROGRAMS:
            program = existing.get(title)
            if program is None:
                program = self.api.post("/catalog/programs", {
                    "type": kind, "delivery": delivery, "title": title, "category": category, "credits": credits,
                    "description": f"{title}: a {delivery.lower()} {kind.lower().replace('_', ' ')} on "
                                   f"{category.lower()}.", "accessDays": 365 if delivery == "ONLINE" else None})
                self.sessions(program["id"], delivery, credits, sessions, capacity)
                self.api.post(f"/catalog/programs/{program['id']}/publish")
                self.count("programs", True)
            elif program["status"] == "DRAFT":
                # left by a run that stopped half way: its sessions may be missing, and it is not published
                detail = self.api.get(f"/catalog/programs/{program['id']}")
                if not detail.get("sessions"):
                    self.sessions(program["id"], delivery, credits, sessions, capacity)
                self.api.post(f"/catalog/programs/{program['id']}/publish")
                self.count("programs", True)
            else:
                self.count("programs", False)
            ids[title] = program["id"]
        return ids

    def sessions(self, program_id, delivery, credits, days_from_today, capacity):
        for days in days_from_today:
            start = dt.datetime.combine(self.today + dt.timedelta(days=days), dt.time(9, 0))
            self.api.post(f"/catalog/programs/{program_id}/sessions", {
                "startsAt": start.isoformat() + "Z", "endsAt": (start + dt.timedelta(hours=7)).isoformat() + "Z",
                "timeZone": "Europe/Berlin", "capacity": capacity, "credits": credits,
                "location": None if delivery == "ONLINE" else "Training centre, Hamburg",
                "lmsLink": "https://lms.example.org/live" if delivery != "CLASSROOM" else None})

    def catalogs(self, programs):
        existing = {c["name"]: c["id"] for c in self.api.all("/catalog/catalogs")}
        ids = {}
        for name, audience, titles in [
                ("Customer catalog", "Learners of our customer accounts", list(programs)),
                ("Safety catalog", "Warehouse and site staff", [p[0] for p in PROGRAMS if p[3] == "Health and safety"])]:
            if name not in existing:
                existing[name] = self.api.post("/catalog/catalogs", {"name": name, "audience": audience})["id"]
                self.count("catalogs", True)
            else:
                self.count("catalogs", False)
            ids[name] = existing[name]
            self.api.post(f"/catalog/catalogs/{ids[name]}/items",
                          {"kind": "PROGRAM", "itemIds": [programs[t] for t in titles]})
        return ids

    # ---- training passes -----------------------------------------------------------------------------
    def pass_types(self, programs):
        kinds = {p[0]: p[1] for p in PROGRAMS}
        item_type = {"COURSE": "COURSE", "ACTIVITY": "COURSE", "EVENT": "EVENT", "LEARNING_PATH": "LEARNING_PATH"}
        specs = [
            ("ALLACCESS", "All Access", "Every program of the customer catalog for a period",
             [("Annual", 12, "MONTHS", [("EU", "CURRENCY", "EUR", 990), ("US", "CURRENCY", "USD", 1090),
                                        ("EU", "TRAINING_TOKENS", None, 40)]),
              ("Quarterly", 3, "MONTHS", [("EU", "CURRENCY", "EUR", 290), ("US", "CURRENCY", "USD", 320)])],
             list(programs)),
            ("SAFETY", "Safety Essentials", "The health and safety programs",
             [("Six months", 6, "MONTHS", [("EU", "CURRENCY", "EUR", 390), ("US", "CURRENCY", "USD", 420),
                                           ("US", "TRAINING_TOKENS", None, 15)])],
             [p[0] for p in PROGRAMS if p[3] == "Health and safety"]),
        ]
        existing = {t["code"]: t for t in self.api.all("/training-passes/pass-types")}
        result = {}
        for code, name, description, options, titles in specs:
            t = existing.get(code)
            if t is None or t["status"] == "DRAFT":
                # new, or left as a draft by a run that stopped half way (then only what is missing is added)
                made = t is None
                if made:
                    t = self.api.post("/training-passes/pass-types",
                                      {"code": code, "name": name, "description": description})
                have = {o["name"] for o in t.get("options") or []}
                for oname, value, unit, prices in options:
                    if oname in have:
                        continue
                    option = self.api.post(f"/training-passes/pass-types/{t['id']}/options",
                                           {"name": oname, "periodValue": value, "periodUnit": unit})
                    for region, method, currency, amount in prices:
                        self.api.post(f"/training-passes/pass-types/{t['id']}/options/{option['optionId']}/prices",
                                      {"region": region, "method": method, "currency": currency, "amount": amount})
                    self.api.post(f"/training-passes/pass-types/{t['id']}/options/{option['optionId']}/publish")
                self.api.post(f"/training-passes/pass-types/{t['id']}/items", {"items": [
                    {"itemId": programs[title], "itemType": item_type[kinds[title]], "title": title}
                    for title in titles]})
                self.api.post(f"/training-passes/pass-types/{t['id']}/publish")
                t = self.api.get(f"/training-passes/pass-types/{t['id']}")
                self.count("pass types", made)
            else:
                self.count("pass types", False)
            result[code] = t
        return result

    def passes(self, types, accounts, contacts, learners):
        account_of = {p: ACCOUNTS[n % len(ACCOUNTS)][0] for n, p in enumerate(learners)}
        holders = [(contacts[name], name, "ALLACCESS", 0) for name, _, _ in ACCOUNTS]
        holders += [(learners[n], account_of[learners[n]], "ALLACCESS", 0) for n in range(0, 30)]
        holders += [(learners[n], account_of[learners[n]], "SAFETY", 0) for n in range(100, 130)]
        # two passes that expire within 30 days, so the expiry reminder and the report's "days left" show
        holders += [(learners[n], account_of[learners[n]], "SAFETY", 20) for n in (130, 131)]
        for person, account, code, expires_in in holders:
            t = types[code]
            option = t["options"][0]["optionId"]
            mine = self.api.get("/training-passes/passes", contactId=person, passTypeId=t["id"], status="ACTIVE")
            if mine["totalItems"]:
                self.count("passes", False)
                continue
            body = {"passTypeId": t["id"], "optionId": option, "accountId": accounts[account], "contactId": person}
            if expires_in:
                body["expiresOn"] = (self.today + dt.timedelta(days=expires_in)).isoformat()
            # the person reaches training passes through the directory's events
            eventually(f"issuing a pass to {person}", lambda: self.api.post("/training-passes/passes", body))
            self.count("passes", True)

    def order(self, types, accounts):
        account = accounts["Delta Retail"]
        if self.api.get("/training-passes/orders", accountId=account)["totalItems"]:
            self.count("orders", False)
            return
        t = types["ALLACCESS"]
        option = t["options"][0]
        price = next(p for p in option["prices"] if p["region"] == "US" and p["method"] == "CURRENCY")
        self.api.post("/training-passes/orders", {
            "accountId": account, "passTypeId": t["id"], "optionId": option["optionId"], "priceId": price["priceId"],
            "quantity": 5, "taxLevel": "STANDARD", "opportunityRef": "OPP-2027-014", "interestRef": "INT-88"})
        self.count("orders", True)

    # ---- notifications -------------------------------------------------------------------------------
    def notifications(self, types):
        templates = {t["name"]: t["id"] for t in self.api.all("/notifications/templates")}
        specs = {
            "Pass issued": ("Your {{pass.type}} is ready",
                            "Dear {{person.name}},\n\nyour {{pass.type}} pass is active until {{pass.expiresOn}}. "
                            "Open the catalog to book what it includes.\n\nNorthwind Safety Academy"),
            "Pass expiring": ("Your {{pass.type}} expires on {{pass.expiresOn}}",
                              "Dear {{person.name}},\n\nyour pass expires on {{pass.expiresOn}}. Ask your account "
                              "contact to renew it.\n\nNorthwind Safety Academy"),
            "Plan assigned": ("New learning plan: {{plan.name}}",
                              "Dear {{person.name}},\n\nyou have been assigned {{plan.name}}, due {{plan.dueDate}}."
                              "\n\nNorthwind Safety Academy"),
            "Plan deadline": ("Reminder: {{plan.name}} is due {{plan.dueDate}}",
                              "Dear {{person.name}},\n\n{{plan.name}} is due on {{plan.dueDate}}.\n\n"
                              "Northwind Safety Academy"),
        }
        for name, (subject, body) in specs.items():
            if name not in templates:
                templates[name] = self.api.post("/notifications/templates",
                                                {"name": name, "subject": subject, "body": body})["id"]
                self.count("templates", True)
            else:
                self.count("templates", False)
        triggers = {t["abbreviation"] for t in self.api.all("/notifications/triggers")}
        pass_types = [t["id"] for t in types.values()]
        for abbreviation, name, template, target, event, extra in [
                ("PASS-ISSUED", "Welcome to your pass", "Pass issued", "TRAINING_PASS", "ISSUED",
                 {"passTypeIds": pass_types, "audienceAccountContacts": True}),
                ("PASS-EXP-30", "Pass expires in 30 days", "Pass expiring", "TRAINING_PASS", "EXPIRED",
                 {"passTypeIds": pass_types, "offsetsDays": [-30, -7]}),
                ("PLAN-ASSIGNED", "Plan assigned", "Plan assigned", "LEARNING_PLAN", "ASSIGNED", {}),
                ("PLAN-DEADLINE", "Plan deadline and overdue", "Plan deadline", "LEARNING_PLAN", "DEADLINE",
                 {"offsetsDays": [-7, 0], "repeatEveryDays": 7, "repeatMax": 3})]:
            if abbreviation in triggers:
                self.count("triggers", False)
                continue
            body = {"name": name, "abbreviation": abbreviation, "templateId": templates[template],
                    "fromAddress": "training@northwind.example.org", "target": target, "event": event,
                    "audienceLearner": True, "automated": True, "enabled": True}
            body.update(extra)
            self.api.post("/notifications/triggers", body)
            self.count("triggers", True)

    # ---- learning plans ------------------------------------------------------------------------------
    def plans(self, programs, catalogs, groups):
        """Returns the plans' ids by name."""
        existing = {p["name"]: p["id"] for p in self.api.all("/learning-plans/plans")}
        due = (self.today + dt.timedelta(days=60)).isoformat()
        specs = [
            ("Warehouse Safety Certification", "ENFORCED", True, "Warehouse staff",
             "Everything a warehouse worker must hold before driving a forklift.",
             [("Online basics", "SESSIONS", 2, ["Fire Safety Basics", "Manual Handling"]),
              ("Forklift licence", "CREDITS", 3, ["Forklift Operation"])]),
            ("New Manager Programme", "NON_ENFORCED", False, "Store managers",
             "The first six months of a new manager: leading a team, giving feedback.",
             [("Foundations", "SESSIONS", 2, ["Feedback Conversations", "Data Protection Essentials"]),
              ("Leading people", "SESSIONS", 1, ["Leading Your First Team", "Safety Leadership Summit"])]),
            ("Annual Compliance Refresher", "DISABLED", False, "New starters",
             "The compliance modules every employee repeats each year; assigned, not open for registration.",
             [("Compliance modules", "SESSIONS", 2, ["Data Protection Essentials", "Anti-Bribery Awareness"])]),
        ]
        for name, registration, auto, group, description, milestones in specs:
            plan_id = existing.get(name)
            if plan_id is None:
                plan_id = self.api.post("/learning-plans/plans", {
                    "name": name, "description": description, "registrationType": registration,
                    "autoRegister": auto, "addToMyLearning": registration == "NON_ENFORCED", "dueDate": due,
                    "catalogIds": [catalogs["Customer catalog"]]})["id"]
                self.count("learning plans", True)
            else:
                self.count("learning plans", False)
            plan = self.api.get(f"/learning-plans/plans/{plan_id}")
            if plan["status"] == "DRAFT":  # made now, or by a run that stopped half way: finish it
                have = {m["name"]: m for m in plan["milestones"]}
                for mname, metric, units, titles in milestones:
                    spec = {"name": mname, "metric": metric, "unitsRequired": units}
                    milestone = have.get(mname)
                    if milestone is None:
                        milestone = self.api.post(f"/learning-plans/plans/{plan_id}/milestones", spec)
                    elif milestone["metric"] != metric or float(milestone["unitsRequired"] or 0) != units:
                        self.api.call("PUT", f"/learning-plans/plans/{plan_id}/milestones/{milestone['milestoneId']}",
                                      spec)
                    missing = [programs[t] for t in titles if programs[t] not in milestone.get("programIds", [])]
                    if missing:
                        # programs reach learning plans through the catalog's events
                        eventually(f"linking programs to {mname}", lambda: self.api.post(
                            f"/learning-plans/plans/{plan_id}/milestones/{milestone['milestoneId']}/programs",
                            {"programIds": missing}))
                self.api.post(f"/learning-plans/plans/{plan_id}/publish")
                self.api.post(f"/catalog/catalogs/{catalogs['Customer catalog']}/items",
                              {"kind": "LEARNING_PLAN", "itemIds": [plan_id]})
            if self.api.get(f"/learning-plans/plans/{plan_id}/assignments", size=1)["totalItems"]:
                self.count("group assignments", False)
            else:
                # the group's members reach learning plans through the directory's events
                eventually(f"assigning {name} to {group}", lambda: self.api.post(
                    f"/learning-plans/plans/{plan_id}/assignments", {"groupId": groups[group], "dueDate": due}))
                self.count("group assignments", True)
            existing[name] = plan_id
        return existing

    # ---- activity ------------------------------------------------------------------------------------
    def activity(self, programs, plans, learners):
        # ten warehouse workers open their assigned, auto-registering plan and complete the registration: the
        # plan enrolls them through the catalog; the online basics are then completed (half of them both)
        plan = plans["Warehouse Safety Certification"]
        for n in range(0, 10):
            person = learners[n]
            learner = Api(self.api.base, self.token_for(person, "LEARNER"))
            registration = eventually(f"the registration of {person}", lambda: learner.get(
                f"/learning-plans/me/learning-plans/{plan}/registration"))
            if registration["status"] == "REGISTERED":
                self.count("plan registrations", False)
            else:
                # a milestone that needs a choice: the learner takes a session (alternating between the two)
                for m in registration["milestones"]:
                    if not m["ready"] and not m["waived"]:
                        option = m["options"][0]
                        choice = {"programId": option["programId"]}
                        if option["sessions"]:
                            choice["sessionId"] = option["sessions"][n % len(option["sessions"])]["sessionId"]
                        learner.call("PUT", f"/learning-plans/me/learning-plans/{plan}/registration/milestones/"
                                            f"{m['milestoneId']}", {"choices": [choice]})
                learner.post(f"/learning-plans/me/learning-plans/{plan}/registration/complete")
                self.count("plan registrations", True)
            enrolled = learner.get("/catalog/me/enrollments", size=200)["items"]
            for title in ("Fire Safety Basics", "Manual Handling") if n < 5 else ("Fire Safety Basics",):
                mine = [e for e in enrolled if e["programId"] == programs[title]]
                if any(e["status"] == "COMPLETED" for e in mine):
                    self.count("completions", False)
                    continue
                self.api.post("/catalog/completions", {"personId": person, "programId": programs[title]})
                self.count("completions", True)
        # a pass holder books an included program with Access Now, as a learner does in the catalog
        learner = Api(self.api.base, self.token_for(learners[0], "LEARNER"))
        mine = learner.get("/catalog/me/enrollments")
        if any(e["programId"] == programs["Data Protection Essentials"] for e in mine["items"]):
            self.count("Access Now bookings", False)
        else:
            eventually("the pass badge in the learner's catalog", lambda: learner.post(
                "/catalog/me/enrollments/access-now", {"programId": programs["Data Protection Essentials"]}))
            self.count("Access Now bookings", True)

    def run(self):
        steps = time.time()
        accounts = self.accounts()
        contacts, learners = self.people(accounts)
        groups = self.groups(learners)
        programs = self.programs()
        catalogs = self.catalogs(programs)
        types = self.pass_types(programs)
        self.notifications(types)
        self.passes(types, accounts, contacts, learners)
        self.order(types, accounts)
        plans = self.plans(programs, catalogs, groups)
        self.activity(programs, plans, learners)
        width = max(len(k) for k in self.made)
        print(f"{'':{width}}  made  already there")
        for kind, (made, kept) in self.made.items():
            print(f"{kind:{width}}  {made:4d}  {kept:4d}")
        print(f"{self.api.calls} requests in {time.time() - steps:.0f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", default="http://localhost:8080")
    parser.add_argument("--token-command", required=True,
                        help="a command printing a token for '--subject S --role R' appended, e.g. 'deploy/suite token'")
    args = parser.parse_args()

    def token_for(subject, role):
        return subprocess.run(shlex.split(args.token_command) + ["--subject", subject, "--role", role], check=True,
                              capture_output=True, text=True).stdout.strip()

    try:
        Seed(Api(args.gateway + "/api", token_for("seed-admin", "ADMIN")), token_for).run()
    except ApiError as e:
        print(f"seed failed: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
