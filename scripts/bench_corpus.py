"""Deterministic synthetic corpus for the arsrapport benchmark (Python 3 standard library only).

`generate(content_dir, pages, seed, hugo_dir=None)` writes a corpus in arsrapport's content format
(docs/content-format.md) with `pages` report + section pages, and optionally the same pages as a
theme-less Hugo site. Everything comes from `random.Random(seed)`: no clock, no environment, no
iteration over sets or hash order, so the same seed gives byte-identical files on any machine.

Files are written one report at a time; only a small plan (report ids, section lists, headings)
is kept in memory, so 50,000 pages take a few megabytes of Python memory.
"""

import json
import re
import math
import os
import random
import unicodedata

# ---------------------------------------------------------------------------------------------
# Fixed vocabulary

SECTIONS = [
    ("sammanfattning", "Sammanfattning"),
    ("vasentliga-handelser", "Väsentliga händelser"),
    ("mal-och-resultat", "Mål och resultat"),
    ("ekonomi", "Ekonomi"),
    ("personal", "Personal"),
    ("kvalitet-och-internkontroll", "Kvalitet och intern kontroll"),
    ("verksamhetsstatistik", "Verksamhetsstatistik"),
    ("ansvarsomrade", "Ansvarsområde"),
    ("framtid", "Framtid"),
    ("ovrigt", "Övrigt"),
]
SECTION_TITLE = dict(SECTIONS)
REQUIRED = [s for s, _ in SECTIONS[:7]]
OPTIONAL = [s for s, _ in SECTIONS[7:]]
SECTION_PHRASE = {
    "sammanfattning": "sammanfattningen", "vasentliga-handelser": "de väsentliga händelserna",
    "mal-och-resultat": "målen och resultaten", "ekonomi": "ekonomiavsnittet",
    "personal": "personalavsnittet", "kvalitet-och-internkontroll": "den interna kontrollen",
    "verksamhetsstatistik": "verksamhetsstatistiken", "ansvarsomrade": "nämndens ansvarsområde",
    "framtid": "framtidsavsnittet", "ovrigt": "övriga uppgifter",
}

HEADINGS = {
    "sammanfattning": ["Året i korthet", "Viktiga resultat", "Ekonomiskt läge", "Utmaningar framåt",
                       "Verksamhetens utveckling", "Brukarnas perspektiv", "Samverkan under året", "Slutsatser"],
    "vasentliga-handelser": ["Förändrad organisation", "Nya lagkrav", "Pandemins efterverkningar",
                             "Ökad efterfrågan på stöd", "Rekrytering och bemanning", "Digitala tjänster",
                             "Samverkan med regionen", "Lokalfrågor"],
    "mal-och-resultat": ["Hur målen bedöms", "Trygg uppväxt", "Egen försörjning", "Stöd vid missbruk",
                         "Skydd mot våld", "Delaktighet och inflytande", "Indikatorer utan utfall",
                         "Sammanvägd bedömning"],
    "ekonomi": ["Resultat för året", "Driftredovisning per verksamhet", "Kostnader för placeringar",
                "Intäkter och statsbidrag", "Investeringar", "Åtgärder för budget i balans",
                "Ekonomiskt bistånd", "Prognosens säkerhet"],
    "personal": ["Bemanning och rekrytering", "Sjukfrånvaro och hälsa", "Personalomsättning",
                 "Kompetensutveckling", "Arbetsmiljö", "Medarbetarenkäten", "Chefsförsörjning", "Lönebildning"],
    "kvalitet-och-internkontroll": ["Internkontrollplanen", "Granskade rutiner", "Avvikelser och klagomål",
                                    "Lex Sarah", "Egenkontroll", "Brukarundersökning", "Tillsyn från IVO",
                                    "Förbättringsarbete"],
    "verksamhetsstatistik": ["Barn och unga", "Vuxna med beroende", "Ekonomiskt bistånd i siffror",
                             "Placeringar", "Våld i nära relationer", "Handläggningstider",
                             "Volymer jämfört med föregående år", "Kommentarer till statistiken"],
    "ansvarsomrade": ["Nämndens uppdrag", "Organisation", "Lagstiftning",
                      "Ansvarsfördelning mellan nämnderna", "Verksamhetsområden", "Politisk ledning"],
    "framtid": ["Demografins påverkan", "Den nya socialtjänstlagen", "Kompetensförsörjning på sikt",
                "Ekonomiska förutsättningar", "Digitalisering", "Förebyggande arbete",
                "Prioriteringar nästa år"],
    "ovrigt": ["Källor", "Ordlista", "Förkortningar", "Bilagor", "Rättelser", "Kontaktuppgifter"],
}

# (id, title, description)
THEMES = [
    ("ekonomi", "Ekonomi", "Budget, utfall, prognos och budgetavvikelse."),
    ("sjukfranvaro", "Sjukfrånvaro", "Medarbetarnas hälsa och frånvaro."),
    ("kompetensforsorjning", "Kompetensförsörjning", "Rekrytering, bemanning och kompetensutveckling."),
    ("placeringar-barn-unga", "Placeringar av barn och unga", "Familjehem, HVB och stödboende för barn och unga."),
    ("ekonomiskt-bistand", "Ekonomiskt bistånd", "Försörjningsstöd och vägen till egen försörjning."),
    ("vald-i-nara-relationer", "Våld i nära relationer", "Skydd och stöd för våldsutsatta och insatser för våldsutövare."),
    ("missbruk-och-beroende", "Missbruk och beroende", "Stöd och behandling för vuxna med beroendeproblem."),
    ("psykisk-ohalsa", "Psykisk ohälsa", "Socialpsykiatri och stöd i vardagen."),
    ("hemloshet", "Hemlöshet", "Boende och bostadssociala insatser."),
    ("digitalisering", "Digitalisering", "E-tjänster, automatisering och digitala möten."),
    ("kvalitet-och-delaktighet", "Kvalitet och delaktighet", "Brukarnas inflytande och verksamhetens kvalitet."),
    ("trygghet", "Trygghet", "Förebyggande arbete och trygghet i kommunen."),
]
THEME_IDS = [t[0] for t in THEMES]
SECTION_THEMES = {
    "sammanfattning": ["ekonomi", "placeringar-barn-unga", "ekonomiskt-bistand", "trygghet"],
    "vasentliga-handelser": ["digitalisering", "kompetensforsorjning", "vald-i-nara-relationer", "hemloshet"],
    "mal-och-resultat": ["trygghet", "ekonomiskt-bistand", "missbruk-och-beroende", "kvalitet-och-delaktighet"],
    "ekonomi": ["ekonomi", "placeringar-barn-unga"],
    "personal": ["sjukfranvaro", "kompetensforsorjning"],
    "kvalitet-och-internkontroll": ["kvalitet-och-delaktighet", "digitalisering"],
    "verksamhetsstatistik": ["placeringar-barn-unga", "ekonomiskt-bistand", "vald-i-nara-relationer", "missbruk-och-beroende"],
    "ansvarsomrade": ["psykisk-ohalsa", "hemloshet"],
    "framtid": ["kompetensforsorjning", "digitalisering", "ekonomi"],
    "ovrigt": ["kvalitet-och-delaktighet"],
}

# id: (title, unit, higher_is_better or None, themes, definition, value range (lo, hi), decimals)
METRICS = {
    "nettokostnad": ("Nettokostnad", "mnkr", False, ["ekonomi"],
                     "Verksamhetens kostnader minus intäkter för nämndens hela verksamhet, som ett positivt tal.",
                     (150, 1500), 1),
    "budgetavvikelse": ("Budgetavvikelse", "mnkr", True, ["ekonomi"],
                        "Budget minus utfall (eller prognos) för nämndens nettokostnad; positivt tal betyder överskott.",
                        (-30, 30), 1),
    "verksamhetens-kostnader": ("Verksamhetens kostnader", "mnkr", False, ["ekonomi"],
                                "Nämndens bruttokostnader under perioden.", (200, 1800), 1),
    "verksamhetens-intakter": ("Verksamhetens intäkter", "mnkr", True, ["ekonomi"],
                               "Nämndens intäkter, till exempel statsbidrag och avgifter.", (10, 250), 1),
    "sjukfranvaro": ("Sjukfrånvaro", "%", False, ["sjukfranvaro"],
                     "Sjukfrånvaro i procent av ordinarie arbetstid för nämndens medarbetare.", (3, 12), 1),
    "personalomsattning": ("Personalomsättning", "%", False, ["kompetensforsorjning"],
                           "Andel tillsvidareanställda som slutat under året.", (4, 25), 1),
    "arsarbetare": ("Årsarbetare", "antal", None, ["kompetensforsorjning"],
                    "Antal årsarbetare i förvaltningen.", (80, 900), 0),
    "orosanmalningar": ("Orosanmälningar", "antal", None, ["placeringar-barn-unga"],
                        "Antal orosanmälningar som gäller barn och unga.", (400, 9000), 0),
    "hushall-ekonomiskt-bistand": ("Hushåll med ekonomiskt bistånd", "hushåll", False, ["ekonomiskt-bistand"],
                                   "Antal hushåll som fått ekonomiskt bistånd under året.", (150, 4000), 0),
    "arsplaceringar-barn-unga": ("Årsplaceringar barn och unga", "årsplaceringar", False, ["placeringar-barn-unga"],
                                 "Placeringsdygn för barn och unga omräknade till helår.", (5, 120), 1),
    "utredningstid-barn-unga": ("Utredningstid barn och unga", "dagar", False, ["placeringar-barn-unga"],
                                "Genomsnittlig utredningstid för barn och unga, i dagar.", (60, 180), 0),
    "medarbetarengagemang-hme": ("Medarbetarengagemang (HME)", "index", True, ["kompetensforsorjning"],
                                 "Hållbart medarbetarengagemang enligt medarbetarenkäten.", (65, 90), 0),
}
METRIC_IDS = list(METRICS)
SECTION_METRICS = {
    "sammanfattning": ["verksamhetens-kostnader", "hushall-ekonomiskt-bistand", "orosanmalningar", "sjukfranvaro"],
    "vasentliga-handelser": ["orosanmalningar", "arsplaceringar-barn-unga", "personalomsattning"],
    "mal-och-resultat": ["utredningstid-barn-unga", "hushall-ekonomiskt-bistand", "medarbetarengagemang-hme"],
    "personal": ["sjukfranvaro", "personalomsattning", "arsarbetare", "medarbetarengagemang-hme"],
    "kvalitet-och-internkontroll": ["utredningstid-barn-unga", "orosanmalningar"],
    "verksamhetsstatistik": ["orosanmalningar", "hushall-ekonomiskt-bistand", "arsplaceringar-barn-unga",
                             "utredningstid-barn-unga"],
    "ansvarsomrade": ["arsarbetare", "verksamhetens-kostnader"],
    "framtid": ["verksamhetens-kostnader", "verksamhetens-intakter", "arsarbetare"],
    "ovrigt": ["arsplaceringar-barn-unga", "medarbetarengagemang-hme"],
}
BREAKDOWNS = ["kvinnor", "män", "barn och unga", "vuxna", "socialpsykiatri", "öppenvård", "myndighetsutövning"]

VERDICT_SCALES = [
    [("uppfyllt", "uppfyllt"), ("delvis uppfyllt", "delvis-uppfyllt"), ("ej uppfyllt", "ej-uppfyllt")],
    [("mycket god", "uppfyllt"), ("god", "uppfyllt"), ("godtagbar", "delvis-uppfyllt"), ("otillräcklig", "ej-uppfyllt")],
    [("grön", "uppfyllt"), ("gul", "delvis-uppfyllt"), ("röd", "ej-uppfyllt")],
    [("målet nås", "uppfyllt"), ("målet nås delvis", "delvis-uppfyllt"), ("målet nås inte", "ej-uppfyllt")],
]

# Municipality names: prefix and suffix, (ascii id part, display part).
NAME_PREFIXES = [("al", "Al"), ("ber", "Ber"), ("bor", "Bor"), ("dal", "Dal"), ("ek", "Ek"), ("fal", "Fal"),
                 ("gran", "Gran"), ("hag", "Hag"), ("hol", "Hol"), ("kal", "Kal"), ("lind", "Lind"),
                 ("malm", "Malm"), ("norr", "Norr"), ("os", "Os"), ("sand", "Sand"), ("sko", "Sko"),
                 ("sten", "Sten"), ("tor", "Tor"), ("ulv", "Ulv"), ("vik", "Vik"), ("ang", "Äng"),
                 ("ar", "År"), ("ost", "Öst"), ("hog", "Hög"), ("bjor", "Björ"), ("lov", "Löv"),
                 ("rod", "Röd"), ("sal", "Sal"), ("hem", "Hem"), ("fors", "Fors"), ("mark", "Mark"),
                 ("ljung", "Ljung")]
NAME_SUFFIXES = [("by", "by"), ("berg", "berg"), ("holm", "holm"), ("sund", "sund"), ("vik", "vik"),
                 ("torp", "torp"), ("stad", "stad"), ("hamn", "hamn"), ("dal", "dal"), ("ryd", "ryd"),
                 ("koping", "köping"), ("fors", "fors"), ("as", "ås"), ("lund", "lund"), ("tuna", "tuna"),
                 ("arp", "arp"), ("ange", "ånge"), ("sjo", "sjö"), ("hult", "hult"), ("ed", "ed")]
MUNICIPALITY_COUNT = 290
YEAR_LAST = 2024

UNITS_FOR_ROWS = ["Barn och unga", "Vuxna med beroende", "Socialpsykiatri", "Ekonomiskt bistånd",
                  "Våld i nära relationer", "Flyktingmottagande", "Nämnd och förvaltning", "Familjehemsvård",
                  "Öppenvård", "Mottagning", "Boendeenheten", "Arbetsmarknad"]

# Sentence material
SUBJECTS = ["Nämnden", "Förvaltningen", "Socialtjänsten", "Individ- och familjeomsorgen",
            "Enheten för barn och unga", "Vuxenenheten", "Mottagningsgruppen", "Socialpsykiatrin",
            "Försörjningsstödsenheten", "Familjecentralen"]
PARTICIPLES = ["förstärkt", "utvecklat", "följt upp", "sett över", "effektiviserat", "infört", "prioriterat",
               "utvärderat", "samordnat", "kartlagt"]
OBJECTS = ["arbetet med tidiga insatser", "handläggningen av orosanmälningar", "samverkan med skolan",
           "uppföljningen av placerade barn", "rutinerna för ekonomiskt bistånd", "stödet till våldsutsatta",
           "insatserna för unga vuxna", "kompetensutvecklingen för socialsekreterare",
           "den digitala ansökan om bistånd", "öppenvården för vuxna med beroende", "familjehemsvården",
           "arbetet mot hemlöshet", "kontrollen av externa utförare", "introduktionen av nya medarbetare"]
TIMES = ["året", "första halvåret", "andra halvåret", "våren", "hösten", "perioden", "årets sista kvartal"]
EFFECTS = ["har gett kortare väntetider", "har minskat behovet av externa placeringar",
           "har ökat tryggheten för de berörda", "ännu inte har gett mätbara resultat",
           "har bidragit till en lägre kostnadsnivå", "behöver följas upp under kommande år",
           "har mottagits väl av brukarna"]
MEASURES = ["antalet orosanmälningar", "kostnaden för externa placeringar", "antalet hushåll med försörjningsstöd",
            "sjukfrånvaron", "personalomsättningen", "antalet pågående utredningar",
            "andelen utredningar inom lagstadgad tid", "antalet vårddygn på HVB"]
CHANGES = ["ökade", "minskade"]
ASSESSMENTS = ["fungerar väl", "behöver utvecklas vidare", "har förbättrats under året", "är fortsatt en utmaning",
               "följer den plan som nämnden beslutat"]
PEOPLE = ["barn och unga", "vuxna", "hushåll", "familjer", "ungdomar", "personer"]
# what each group in PEOPLE can sensibly be said to have done or received
ACTIONS = {
    "barn och unga": ["placerades i familjehem", "fick en kontaktperson", "fick stöd i öppenvård"],
    "vuxna": ["fick stöd i öppenvård", "skrevs in i arbetsmarknadsinsatser", "fick plats i stödboende"],
    "hushåll": ["beviljades ekonomiskt bistånd", "fick budget- och skuldrådgivning", "fick ett andrahandskontrakt"],
    "familjer": ["deltog i föräldrastödsprogram", "fick familjebehandling", "fick stöd av familjecentralen"],
    "ungdomar": ["fick feriepraktik", "fick en kontaktperson", "deltog i förebyggande gruppverksamhet"],
    "personer": ["fick stöd i öppenvård", "beviljades ekonomiskt bistånd", "skrevs in i arbetsmarknadsinsatser"],
}
REASONS = ["den ökade efterfrågan på stöd", "svårigheten att rekrytera erfarna socialsekreterare",
           "högre priser för köpta platser", "ett förändrat arbetssätt i mottagningen",
           "nya statsbidrag som delvis finansierat verksamheten", "en ny lagstiftning som trädde i kraft under året"]
PARTNERS = ["regionen", "polisen", "skolan", "frivilligorganisationerna", "Arbetsförmedlingen",
            "kommunens bostadsbolag", "den psykiatriska öppenvården"]
GOAL_TITLES = {
    "sammanfattning": "Verksamheten ska hålla god kvalitet",
    "vasentliga-handelser": "Invånarna ska få snabb och rättssäker handläggning",
    "mal-och-resultat": "Alla barn och unga ska ha en trygg uppväxt",
    "ekonomi": "Ekonomin ska vara i balans",
    "personal": "Kommunen ska vara en attraktiv arbetsgivare",
    "kvalitet-och-internkontroll": "Den interna kontrollen ska vara tillräcklig",
    "verksamhetsstatistik": "Fler ska nå egen försörjning",
    "ansvarsomrade": "Stödet ska ges nära invånarna",
    "framtid": "Verksamheten ska vara hållbar på lång sikt",
    "ovrigt": "Invånarna ska ha insyn i verksamheten",
}
INDICATORS = ["Andel utredningar inom 120 dagar", "Andel nöjda brukare", "Andel som avslutat insats med förbättring",
              "Andel medarbetare som rekommenderar arbetsplatsen", "Andel hushåll som gått till egen försörjning",
              "Andel ärenden med genomförandeplan"]

# Ids the templates put on a section page; a heading must never produce one of these.
RESERVED_IDS = {"innehall", "innehall-rubrik", "jamfor-med", "fakta-nyckeltal", "fakta-nyckeltal-rubrik",
                "fakta-tabeller", "fakta-motsagelser", "fakta-mal", "lankar-hit"}
RESERVED_PREFIXES = ("figur-", "tabell-", "mal-")


# ---------------------------------------------------------------------------------------------
# Small helpers

def slug(text):
    """Swift's `Slug.make`: lower-case, fold å/ä/ö, runs of other characters become one '-'."""
    out = []
    pending = False
    for ch in unicodedata.normalize("NFD", text.lower()):
        o = ord(ch)
        if ("a" <= ch <= "z") or ("0" <= ch <= "9"):
            if pending and out:
                out.append("-")
            pending = False
            out.append(ch)
        elif 0x300 <= o <= 0x36F:
            continue
        else:
            pending = True
    return "".join(out) or "avsnitt"


for _kind, _texts in HEADINGS.items():
    for _t in _texts:
        _s = slug(_t)
        assert _s not in RESERVED_IDS and not _s.startswith(RESERVED_PREFIXES), _t


def q(text):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def num(scaled, decimals):
    """Plain YAML number from an integer scaled by 10**decimals: (-362, 1) → -36.2."""
    sign = "-" if scaled < 0 else ""
    a = abs(scaled)
    if decimals == 0:
        return f"{sign}{a}"
    p = 10 ** decimals
    return f"{sign}{a // p}.{a % p:0{decimals}d}"


def sv(scaled, decimals):
    """The same number as a Swedish report prints it: 1 054,4."""
    sign = "-" if scaled < 0 else ""
    a = abs(scaled)
    p = 10 ** decimals
    whole = f"{a // p:,}".replace(",", " ")
    return f"{sign}{whole},{a % p:0{decimals}d}" if decimals else f"{sign}{whole}"


def cap(text):
    return text[:1].upper() + text[1:]


def low(text):
    return text[:1].lower() + text[1:] if not text.startswith(("IVO", "Lex", "HVB")) else text


class Writer:
    """Writes files below a root, creating folders on demand; counts files and bytes."""

    def __init__(self, root):
        self.root = root
        self.files = 0
        self.bytes = 0
        self._made = set()

    def write(self, rel, text):
        path = os.path.join(self.root, rel)
        folder = os.path.dirname(path)
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)


def doc(front, body):
    return "---\n" + front.rstrip("\n") + "\n---\n" + body.rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# Plan: which reports exist and what each contains (small, kept in memory)

def plan_sizes(pages, rng):
    """Number of reports and the number of optional sections (0–3) each gets, so that
    reports + sections == pages exactly (a report is its index page plus its sections)."""
    if pages < 1:
        raise ValueError("pages must be at least 1")
    if pages < 8:
        return [pages - 1 - 7]  # negative: fewer than the seven usual sections
    n = max(math.ceil(pages / 11), min(pages // 8, round(pages / 9.5)))
    extra = pages - 8 * n
    slots = [i for i in range(n) for _ in range(3)]
    counts = [0] * n
    for i in rng.sample(slots, extra):
        counts[i] += 1
    return counts


def municipalities(rng):
    pairs = [(p, s) for p in NAME_PREFIXES for s in NAME_SUFFIXES if p[0] != s[0]]
    rng.shuffle(pairs)
    result = []
    seen = set()
    for (pid, pname), (sid, sname) in pairs:
        mid = pid + sid
        if mid in seen:
            continue
        seen.add(mid)
        result.append((mid, pname + sname))
        if len(result) == MUNICIPALITY_COUNT:
            break
    result.sort()
    return result


def make_plan(pages, rng, shape=None):
    """Which reports exist. `shape` (reports, municipalities, years, sections), when given,
    replaces the page count: exactly `reports` reports, spread over the first `municipalities`
    municipalities and the last `years` years, each with exactly the listed sections. It makes
    many reports per municipality and year in few pages, for tests of how pages grow with the
    number of reports; without it the corpus is the benchmark's, unchanged."""
    if shape:
        muns = municipalities(rng)[:shape["municipalities"]]
        n = shape["reports"]
        years = list(range(YEAR_LAST - shape["years"] + 1, YEAR_LAST + 1))
        if n > len(muns) * len(years):
            raise ValueError(f"{n} reports do not fit in {len(muns)} municipalities × {len(years)} years")
        extras = [None] * n
    else:
        extras = plan_sizes(pages, rng)
        muns = municipalities(rng)
        n = len(extras)
        years_needed = max(25, math.ceil(n / len(muns) * 1.25))
        years = list(range(YEAR_LAST - years_needed + 1, YEAR_LAST + 1))
    pairs = [(m, y) for m, _ in muns for y in years]
    chosen = sorted(rng.sample(pairs, n))
    reports = []
    for (mid, year), extra in zip(chosen, extras):
        if extra is None:
            kinds = [k for k, _ in SECTIONS if k in shape["sections"]]
        elif extra < 0:
            kinds = REQUIRED[:7 + extra]
        else:
            kinds = REQUIRED + sorted(rng.sample(OPTIONAL, extra), key=lambda k: OPTIONAL.index(k))
        headings = {}
        for kind in kinds:
            k = rng.randint(3, 5)
            headings[kind] = rng.sample(HEADINGS[kind], k)
        delar = rng.random() < 0.2
        reports.append({
            "id": f"{mid}-{year}", "mun": mid, "year": year, "kinds": kinds, "headings": headings,
            "delar": delar, "end_month": rng.choice([4, 8, 8, 8]) if delar else 12,
        })
    return muns, reports


# ---------------------------------------------------------------------------------------------
# Text

class Text:
    def __init__(self, rng):
        self.r = rng

    def pct(self):
        return sv(self.r.randint(5, 250), 1)

    def sentence(self):
        r = self.r
        t = r.randrange(7)
        if t == 0:
            return f"{r.choice(SUBJECTS)} har {r.choice(PARTICIPLES)} {r.choice(OBJECTS)} under {r.choice(TIMES)}."
        if t == 1:
            return (f"Under {r.choice(TIMES)} har {low(r.choice(SUBJECTS))} {r.choice(PARTICIPLES)} "
                    f"{r.choice(OBJECTS)}, vilket {r.choice(EFFECTS)}.")
        if t == 2:
            return f"Jämfört med föregående år {r.choice(CHANGES)} {r.choice(MEASURES)} med {self.pct()} procent."
        if t == 3:
            return f"Förvaltningen bedömer att {r.choice(OBJECTS)} {r.choice(ASSESSMENTS)}."
        if t == 4:
            a = r.randint(12, 900)
            b = max(1, a + r.randint(-60, 60))
            who = r.choice(PEOPLE)
            return f"{a} {who} {r.choice(ACTIONS[who])} under {r.choice(TIMES)}, jämfört med {b} året innan."
        if t == 5:
            return f"Ett viktigt skäl är {r.choice(REASONS)}."
        return f"Arbetet sker i nära samverkan med {r.choice(PARTNERS)} och följs upp varje månad."

    def paragraph(self, n, link=None):
        sentences = [self.sentence() for _ in range(n)]
        if link:
            sentences.insert(self.r.randint(1, len(sentences)), link)
        return " ".join(sentences)

    def bullets(self, n):
        r = self.r
        items = []
        for _ in range(n):
            t = r.randrange(3)
            if t == 0:
                items.append(f"- {cap(r.choice(OBJECTS))} {r.choice(ASSESSMENTS)}.")
            elif t == 1:
                items.append(f"- {cap(r.choice(MEASURES))} {r.choice(CHANGES)} med {self.pct()} procent.")
            else:
                who = r.choice(PEOPLE)
                items.append(f"- {r.randint(3, 400)} {who} {r.choice(ACTIONS[who])}.")
        return "\n".join(items)


def words(text):
    return len(text.split())


# ---------------------------------------------------------------------------------------------
# Shared files

def shared_files(rng, muns):
    text = Text(rng)
    files = []
    files.append(("index.md", doc(
        f"title: {q('Socialnämnder i jämförelse')}\n"
        f"description: {q('Syntetiska årsredovisningar och delårsrapporter för prestandamätning.')}",
        "Den här webbplatsen jämför socialnämndernas årsredovisningar och delårsrapporter. Alla "
        "rapporter här är påhittade och skapade för att mäta hur snabbt webbplatsen byggs.\n\n"
        "Läs om den [gemensamma bedömningsskalan](bedomningsskala.md) eller jämför "
        "[nettokostnaden](jamfor/nettokostnad.md) och [sjukfrånvaron](jamfor/sjukfranvaro.md).\n")))
    files.append(("bedomningsskala.md", doc(
        "title: Gemensam bedömningsskala\n"
        f"description: {q('Hur nämndernas egna bedömningar av måluppfyllelse översätts till en gemensam skala.')}\n"
        "levels:\n"
        "  - id: uppfyllt\n    label: Uppfyllt\n    description: Nämnden bedömer att målet är uppnått.\n"
        "  - id: delvis-uppfyllt\n    label: Delvis uppfyllt\n    description: Nämnden bedömer att målet delvis är uppnått.\n"
        "  - id: ej-uppfyllt\n    label: Ej uppfyllt\n    description: Nämnden bedömer att målet inte är uppnått.\n"
        "  - id: ej-bedomt\n    label: Ej bedömt\n    description: Rapporten anger ingen bedömning av målet.",
        "Kommunerna bedömer sina mål med olika ord. Varje kommuns ord översätts en gång, på "
        "kommunens sida, till en av fyra nivåer.\n")))
    for tid, title, description in THEMES:
        files.append((f"teman/{tid}.md", doc(
            f"title: {q(title)}\ndescription: {q(description)}",
            text.paragraph(3) + "\n")))
    mun_ids = [m for m, _ in muns]
    for mid in METRIC_IDS:
        title, unit, hib, themes, definition, _, _ = METRICS[mid]
        front = f"title: {q(title)}\nunit: {q(unit)}\ndefinition: {q(definition)}\n"
        # What the metric measures (issue #12): the corpus's figures are whole-year outcomes.
        front += "kind: share\nsign: non-negative\nbase: ordinarie-arbetstid\narea: personal\n" if unit == "%" \
            else "kind: flow\nsign: signed\npositive_means: överskott\narea: hela-namnden\n" if "avvikelse" in mid \
            else "kind: flow\nsign: non-negative\narea: hela-namnden\n"
        if hib is not None:
            front += f"higher_is_better: {'true' if hib else 'false'}\n"
        front += f"themes: [{', '.join(themes)}]\n"
        diffs = sorted(rng.sample(mun_ids, 3))
        front += "differences:\n" + "".join(
            f"  {d}: {q('Rapporten anger inte hur värdet är avgränsat; ' + text.sentence())}\n" for d in diffs)
        files.append((f"jamfor/{mid}.md", doc(front, text.paragraph(3) + "\n")))
    for mid, name in muns:
        scale = rng.choice(VERDICT_SCALES)
        front = (f"name: {q(name + ' kommun')}\nshort_name: {q(name)}\n"
                 f"committee_scope: {q('Socialnämnden i ' + name + ' ansvarar för individ- och familjeomsorgen, socialpsykiatri och ekonomiskt bistånd.')}\n"
                 "scope: [barn-och-unga, vuxna-missbruk, ekonomiskt-bistand]\n"
                 "verdict_scale:\n" + "".join(f"  - term: {q(t)}\n    level: {lvl}\n" for t, lvl in scale))
        body = (f"I {name} bedrivs socialnämndens verksamhet av socialförvaltningen. " + text.paragraph(2)
                + f" Nämndens bedömningsord översätts till den [gemensamma skalan](../bedomningsskala.md).\n")
        files.append((f"kommuner/{mid}.md", doc(front, body)))
    return files


# ---------------------------------------------------------------------------------------------
# Reports

def period_yaml(p):
    if isinstance(p, int):
        return str(p)
    start, end, label = p
    s = f"{{start: {start}, end: {end}"
    if label:
        s += f", label: {q(label)}"
    return s + "}"


MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"]
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def report_period(rep):
    y, m = rep["year"], rep["end_month"]
    if m == 12:
        return (f"{y}-01-01", f"{y}-12-31", None)
    return (f"{y}-01-01", f"{y}-{m:02d}-{MONTH_DAYS[m - 1]:02d}", f"januari–{MONTHS[m - 1]}")


class ReportWriter:
    def __init__(self, rng, rep, scale_terms, existing):
        self.r = rng
        self.rep = rep
        self.terms = scale_terms
        self.existing = existing  # report id → kinds, for links to last year's report
        self.text = Text(rng)
        self.used_keys = set()
        self.used_ids = set()
        self.year = rep["year"]
        self.period = report_period(rep)

    # -- values

    def value(self, metric):
        _, _, _, _, _, (lo, hi), dec = METRICS[metric]
        p = 10 ** dec
        return self.r.randint(lo * p, hi * p), dec

    def fig_period(self, basis):
        if self.rep["delar"] and basis == "utfall":
            return self.period
        if self.r.random() < 0.2:
            return (f"{self.year}-01-01", f"{self.year}-12-31", "helår")
        return self.year

    def fig_id(self, base):
        fid = base
        n = 2
        while fid in self.used_ids:
            fid = f"{base}-{n}"
            n += 1
        self.used_ids.add(fid)
        return fid

    def key(self, metric, basis, period, breakdown):
        p = period if isinstance(period, tuple) else (f"{period}-01-01", f"{period}-12-31", None)
        return (metric, basis, p[0], p[1], breakdown or "")

    def figure(self, metric, basis, scaled, dec, period, unit=None, breakdown=None, sign=None, fid=None):
        k = self.key(metric, basis, period, breakdown)
        assert k not in self.used_keys, k
        self.used_keys.add(k)
        unit = unit or METRICS[metric][1]
        shown = -scaled if sign == "inverted" else scaled
        lines = [f"  - id: {fid or self.fig_id(slug(f'{metric}-{basis}'))}",
                 f"    metric: {metric}", f"    basis: {basis}", f"    value: {num(shown, dec)}",
                 f"    unit: {q(unit)}", f"    period: {period_yaml(period)}"]
        if sign:
            lines.append(f"    sign: {sign}")
        if unit == "%":
            lines.append("    base: ordinarie-arbetstid")
        if breakdown:
            lines.append(f"    breakdown: {q(breakdown)}")
        u = "procent" if unit == "%" else unit
        lines.append(f"    source: {{line: {self.r.randint(20, 900)}, quote: {q(sv(shown, dec) + ' ' + u)}}}")
        return "\n".join(lines)

    def free_figure(self, metric):
        """A figure of `metric` whose (basis, period, breakdown) is not used yet in this report."""
        basis = self.r.choice(["utfall", "utfall", "utfall", "budget", "prognos", "mål"])
        period = self.fig_period(basis)
        breakdown = None
        options = BREAKDOWNS[:]
        self.r.shuffle(options)
        while self.key(metric, basis, period, breakdown) in self.used_keys:
            if not options:
                return None
            breakdown = options.pop()
        scaled, dec = self.value(metric)
        return self.figure(metric, basis, scaled, dec, period, breakdown=breakdown)

    def ekonomi_figures(self):
        """Net cost, budget and deviation that agree: budgetavvikelse = budget − utfall/prognos."""
        r = self.r
        y = self.year
        budget = r.randint(1500, 15000)
        out = []
        inverted = r.random() < 0.3
        out.append(self.figure("nettokostnad", "budget", budget, 1, y, sign="inverted" if inverted else None,
                               fid=self.fig_id("nettokostnad-budget")))
        other = budget + r.randint(-300, 300)
        basis = "prognos" if self.rep["delar"] else "utfall"
        out.append(self.figure("nettokostnad", basis, other, 1, y, fid=self.fig_id(f"nettokostnad-{basis}")))
        out.append(self.figure("budgetavvikelse", basis, budget - other, 1, y,
                               fid=self.fig_id(f"budgetavvikelse-{basis}")))
        if self.rep["delar"]:
            part = other * self.rep["end_month"] // 12
            out.append(self.figure("nettokostnad", "utfall", part, 1, self.period,
                                   fid=self.fig_id("nettokostnad-utfall")))
        return out

    # -- tables

    def table(self, kind):
        r = self.r
        y = self.year
        labels = r.sample(UNITS_FOR_ROWS, r.randint(4, 7))
        shape = {"ekonomi": "drift", "personal": "personal", "verksamhetsstatistik": "volym"}.get(
            kind, r.choice(["drift", "personal", "volym"]))
        if shape == "drift":
            tid = "driftredovisning" if kind == "ekonomi" else f"kostnader-{kind}"
            caption = "Driftredovisning per verksamhet, mnkr" if kind == "ekonomi" else "Kostnader per verksamhet, mnkr"
            if self.rep["delar"]:
                cols = [("budget-helar", "Budget helår"), ("prognos-helar", "Prognos helår"),
                        ("avvikelse-prognos", "Avvikelse budget − prognos")]
            else:
                cols = [("budget", "Budget"), ("utfall", "Utfall"), ("avvikelse", "Avvikelse budget − utfall")]
            rows = []
            for label in labels:
                b = -r.randint(20, 3000)
                o = b + r.randint(-150, 150)
                rows.append([label, b, o, b - o])
            dec = 1
            unit = "mnkr"
            checks = [f"      - sum: [{', '.join(c for c, _ in cols)}]\n        total: \"Summa\"",
                      f"      - difference: {cols[2][0]}\n        minuend: {cols[0][0]}\n        subtrahend: {cols[1][0]}"]
            total_label = "Summa"
        elif shape == "personal":
            tid = "anstallda" if kind == "personal" else f"anstallda-{kind}"
            caption = f"Anställda per verksamhet den 31 december {y}"
            cols = [("kvinnor", "Kvinnor"), ("man", "Män"), ("totalt", "Totalt")]
            rows = []
            for label in labels:
                k, m = r.randint(3, 120), r.randint(0, 40)
                rows.append([label, k, m, k + m])
            dec = 0
            unit = "personer"
            checks = ["      - sum: [kvinnor, man, totalt]\n        total: \"Totalt\"",
                      "      - difference: kvinnor\n        minuend: totalt\n        subtrahend: man"]
            total_label = "Totalt"
        else:
            tid = "arenden" if kind == "verksamhetsstatistik" else f"arenden-{kind}"
            caption = f"Antal ärenden {y - 1} och {y}"
            cols = [(f"ar-{y - 1}", str(y - 1)), (f"ar-{y}", str(y)), ("forandring", "Förändring")]
            rows = []
            for label in labels:
                a = r.randint(10, 2500)
                b = max(0, a + r.randint(-200, 200))
                rows.append([label, a, b, b - a])
            dec = 0
            unit = "antal"
            checks = [f"      - sum: [{cols[0][0]}, {cols[1][0]}, forandring]\n        total: \"Totalt\"",
                      f"      - difference: forandring\n        minuend: {cols[1][0]}\n        subtrahend: {cols[0][0]}"]
            total_label = "Totalt"
        # Now and then the report leaves a cell empty: a difference of zero in the last column
        # (so that the column's sum and the total row's difference still hold).
        missing = None
        if r.random() < 0.15:
            missing = r.randrange(len(rows))
            row = rows[missing]
            if shape == "drift":
                row[2], row[3] = row[1], 0
            elif shape == "volym":
                row[2], row[3] = row[1], 0
            else:
                missing = None
        totals = [sum(row[i] for row in rows) for i in (1, 2, 3)]
        body_rows = []
        for i, row in enumerate(rows):
            cells = [q(row[0])] + [num(v, dec) for v in row[1:]]
            if i == missing:
                cells[3] = "null"
            body_rows.append(cells)
        body_rows.append([q(total_label)] + [num(v, dec) for v in totals])
        lines = [f"  - id: {tid}", f"    caption: {q(caption)}", f"    unit: {q(unit)}",
                 f"    period: {period_yaml(self.period if self.rep['delar'] else y)}",
                 f"    source: {{lines: [{(a := r.randint(100, 700))}, {a + r.randint(10, 40)}]}}",
                 "    columns:", "      - {id: verksamhet, label: Verksamhet}"]
        lines += [f"      - {{id: {c}, label: {q(label)}}}" for c, label in cols]
        lines.append("    rows:")
        lines += [f"      - [{', '.join(cells)}]" for cells in body_rows]
        lines.append("    checks:")
        lines += checks
        return tid, "\n".join(lines)

    # -- goal

    def goal_id(self, kind):
        # Unique across the whole corpus, not only within the report: the theme pages and mal/
        # put every report's goals on one page with the anchor mal-<goal id>, so equal ids in two
        # reports give duplicate anchors (an error on the theme pages).
        return f"{self.rep['id']}-{'-'.join(slug(GOAL_TITLES[kind]).split('-')[:3])}"

    def goal(self, kind, kinds):
        r = self.r
        title = GOAL_TITLES[kind]
        gid = self.goal_id(kind)
        theme = r.choice(SECTION_THEMES[kind])
        lines = [f"  - id: {gid}"]
        parent = None
        if kind != "mal-och-resultat" and "mal-och-resultat" in kinds and r.random() < 0.5:
            parent = self.goal_id("mal-och-resultat")
        lines.append(f"    level: {'nämnd' if parent else 'kf'}")
        if parent:
            lines.append(f"    parent: {parent}")
        lines += [f"    title: {q(title)}", f"    theme: {theme}"]
        if r.random() < 0.9:
            term = r.choice(self.terms)
            lines += ["    verdict:", f"      term: {q(term)}",
                      f"      quote: {q('Målet bedöms som ' + term + '.')}", f"      line: {r.randint(20, 900)}"]
        outcome = r.randint(40, 99)
        target = min(100, outcome + r.randint(-10, 15))
        lines += ["    indicators:", f"      - name: {q(r.choice(INDICATORS))}", "        unit: \"%\"",
                  f"        period: {self.year}", f"        outcome: {outcome}", f"        target: {target}"]
        if r.random() < 0.6:
            lines.append(f"        trend: {q(r.choice(['Positiv', 'Negativ', 'Oförändrad']))}")
        lines.append(f"        source: {{line: {r.randint(20, 900)}, quote: {q(str(outcome) + ' %')}}}")
        return "\n".join(lines)

    # -- body

    def link(self, kind, kinds):
        """A sentence with a link to a sibling section, often to one of its headings or its table."""
        r = self.r
        others = [k for k in kinds if k != kind]
        t = r.random()
        if not others or t < 0.1:
            return f"Rapportens delar listas på [rapportens startsida](index.md)."
        target = r.choice(others)
        phrase = SECTION_PHRASE[target]
        if t < 0.45:
            heading = r.choice(self.rep["headings"][target])
            return f"Mer om detta finns under [{low(heading)}]({target}.md#{slug(heading)}) i {phrase}."
        if t < 0.55 and target in self.table_anchor:
            return f"Siffrorna finns i [tabellen]({target}.md#tabell-{self.table_anchor[target]}) i {phrase}."
        if t < 0.65:
            prev = f"{self.rep['mun']}-{self.year - 1}"
            if prev in self.existing and target in self.existing[prev]:
                return f"Jämför med [föregående års {phrase}](../{prev}/{target}.md)."
        return f"Se även [{phrase}]({target}.md)."

    def body(self, kind, kinds):
        r = self.r
        parts = [self.text.paragraph(r.randint(2, 3))]
        total = words(parts[0])
        headings = self.rep["headings"][kind]
        for i, heading in enumerate(headings):
            parts.append(f"## {heading}")
            para = self.text.paragraph(r.randint(3, 5), self.link(kind, kinds))
            parts.append(para)
            total += words(para) + words(heading)
            if i % 2 == 0:
                b = self.text.bullets(r.randint(3, 5))
                parts.append(b)
                total += words(b)
            if i > 0 and r.random() < 0.2:
                own = slug(headings[0])
                extra = f"Bakgrunden beskrivs under [{low(headings[0])}](#{own})."
                parts.append(extra)
                total += words(extra)
        while total < 480:
            para = self.text.paragraph(4)
            parts.append(para)
            total += words(para)
        return "\n\n".join(parts) + "\n"

    # -- files

    def files(self):
        rep = self.rep
        r = self.r
        kinds = rep["kinds"]
        out = []
        mun, year = rep["mun"], rep["year"]
        kind_word = "delårsrapport" if rep["delar"] else "årsredovisning"
        title = (f"Socialnämndens delårsrapport per {MONTHS[rep['end_month'] - 1]} {year}" if rep["delar"]
                 else f"Socialnämndens årsredovisning {year}")
        front = (f"title: {q(title)}\nmunicipality: {mun}\ncommittee: Socialnämnden\nreport_kind: {kind_word}\n"
                 f"year: {year}\nperiod: {{start: {self.period[0]}, end: {self.period[1]}}}\n")
        if r.random() < 0.5:
            front += f"dnr: {q(f'SN/{year}:{r.randint(10, 400)}')}\n"
        if r.random() < 0.5:
            front += f"decision_date: {year + 1}-0{r.randint(1, 4)}-{r.randint(10, 28)}\n"
        front += (f"source:\n  document: bench_{mun}_{year}.txt\n"
                  f"  title: {q(title.replace('Socialnämndens ', '').capitalize() + ', Socialnämnden')}")
        body = self.text.paragraph(3) + "\n\n" + "\n".join(
            f"- [{SECTION_TITLE[k]}]({k}.md)" for k in kinds) + "\n"
        prev = f"{mun}-{year - 1}"
        if prev in self.existing:
            body += f"\nFöregående års rapport finns [här](../{prev}/index.md).\n"
        out.append(("index.md", front, body))

        # Tables first, so that bodies can link to them.
        self.table_anchor = {}
        tables = {}
        for kind in kinds:
            tid, yaml = self.table(kind)
            tables[kind] = yaml
            self.table_anchor[kind] = tid
        for kind in kinds:
            lo = r.randint(20, 800)
            heads = "; ".join(self.rep["headings"][kind][:3])
            front = (f"title: {q(SECTION_TITLE[kind])}\nsummarises: {q(heads)}\n"
                     f"source: {{lines: [{lo}, {lo + r.randint(20, 200)}]}}\n"
                     f"themes: [{', '.join(sorted(r.sample(SECTION_THEMES[kind], min(2, len(SECTION_THEMES[kind])))))}]\n")
            figs = []
            if kind == "ekonomi":
                figs += self.ekonomi_figures()
            for metric in r.sample(SECTION_METRICS.get(kind, []), min(3, len(SECTION_METRICS.get(kind, [])))):
                f = self.free_figure(metric)
                if f:
                    figs.append(f)
            if figs:
                front += "figures:\n" + "\n".join(figs) + "\n"
            front += "tables:\n" + tables[kind] + "\n"
            front += "goals:\n" + self.goal(kind, kinds) + "\n"
            out.append((f"{kind}.md", front, self.body(kind, kinds)))
        return out


# ---------------------------------------------------------------------------------------------
# Hugo
#
# The Hugo site makes the same pages as arsrapport, from the same front matter and bodies, so
# that the benchmark compares the same work: a page per report and section, a page per
# municipality listing its reports and their figures, a page per metric listing every report's
# value of it and a page per theme listing every section and goal of it (Hugo taxonomy terms:
# `jamfor`, `teman` and `kommuner`, added to the Hugo copy's front matter), the lists of metrics
# and themes, the goals comparison, the search page, the 404 page, a search index, the open data
# (CSV and JSON) and a sitemap. `scripts/bench` checks that both tools wrote the same set of
# page paths.
#
# The pages arsrapport derives from the whole corpus (a metric's values in one year's reports,
# `jamfor/<metric>/<year>/`; every report's goals of a theme, `mal/tema/<theme>/`, and of a
# municipality, `mal/kommun/<municipality>/`) are Hugo content pages in a hidden `harledda`
# section, written once the reports are, with `url:` set to arsrapport's address. Their layouts
# do the listing themselves: a year page walks the metric's taxonomy term's pages and keeps the
# figures of the metric in the reports of that year; a goals page walks the theme's or the
# municipality's term pages and lists their goals.

HUGO_CONFIG = """baseURL = "http://example.org/"
languageCode = "sv-se"
title = "Socialnämnder i jämförelse"
# arsrapport writes a sitemap only for a site with a base URL.
disableKinds = ["RSS", "robotsTXT", "sitemap"]

[taxonomies]
nyckeltal = "jamfor"
tema = "teman"
kommun = "kommuner"

[outputFormats.Sokindex]
mediaType = "application/json"
baseName = "sokindex"
isPlainText = true
[outputFormats.Nyckeltal]
mediaType = "text/csv"
baseName = "nyckeltal"
isPlainText = true

[outputFormats.Nyckeltaljson]
mediaType = "application/json"
baseName = "nyckeltal"
isPlainText = true

[outputs]
home = ["HTML", "Sokindex", "Nyckeltal", "Nyckeltaljson"]

[markup.tableOfContents]
startLevel = 2
endLevel = 3
"""

HUGO_HEAD = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ with .Title }}{{ . }}{{ else }}{{ .Params.name }}{{ end }} – {{ .Site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "jamfor/" | relURL }}">Jämför nyckeltal</a> <a href="{{ "teman/" | relURL }}">Teman</a> <a href="{{ "mal/" | relURL }}">Mål</a> <a href="{{ "sok/" | relURL }}">Sök</a></nav>
{{ with .Parent }}<p><a href="{{ .RelPermalink }}">{{ with .Title }}{{ . }}{{ else }}Start{{ end }}</a></p>{{ end }}
</header>
<main>
<h1>{{ with .Title }}{{ . }}{{ else }}{{ .Params.name }}{{ end }}</h1>
"""

HUGO_FOOT = """</main>
</body>
</html>
"""

# One figure as a table row; `.` is the figure, `$page` the section it is in.
HUGO_FIGURE_ROW = """<tr id="figur-{{ .id }}"><th scope="row">{{ .metric }}{{ with .breakdown }}, {{ . }}{{ end }}</th><td>{{ .basis }}</td><td>{{ with .period }}{{ if reflect.IsMap . }}{{ with .label }}{{ . }}{{ end }} ({{ .start }} – {{ .end }}){{ else }}{{ . }}{{ end }}{{ end }}</td><td>{{ .value }} {{ .unit }}{{ with .sign }} ({{ . }}){{ end }}</td><td>{{ with .source }}rad {{ .line }}: ”{{ .quote }}”{{ end }}</td></tr>
"""

HUGO_SINGLE = HUGO_HEAD + """{{ with .Params.summarises }}<p>Sammanfattar rapportens avsnitt: {{ . }}.</p>{{ end }}
{{ .TableOfContents }}
{{ .Content }}
{{ with .Params.figures }}<h2>Nyckeltal</h2>
<table>
<thead><tr><th>Nyckeltal</th><th>Grund</th><th>Period</th><th>Värde</th><th>Källa</th></tr></thead>
<tbody>
{{ range . }}""" + HUGO_FIGURE_ROW + """{{ end }}</tbody>
</table>
{{ end }}
{{ with .Params.tables }}<h2>Tabeller</h2>
{{ range . }}<table id="tabell-{{ .id }}">
<caption>{{ .caption }}{{ with .unit }} ({{ . }}){{ end }}</caption>
<thead><tr>{{ range .columns }}<th scope="col">{{ .label }}</th>{{ end }}</tr></thead>
<tbody>
{{ range .rows }}<tr>{{ range $i, $c := . }}{{ if eq $i 0 }}<th scope="row">{{ $c }}</th>{{ else if eq $c nil }}<td>uppgift saknas</td>{{ else }}<td>{{ $c }}</td>{{ end }}{{ end }}</tr>
{{ end }}</tbody>
</table>
{{ end }}{{ end }}
{{ with .Params.goals }}<h2>Mål och bedömningar</h2>
<ul>
{{ range . }}""" + """{{ partial "goal.html" . }}{{ end }}</ul>
{{ end }}
{{ with .Params.levels }}<h2>Nivåer</h2><ul>{{ range . }}<li>{{ .label }}: {{ .description }}</li>{{ end }}</ul>{{ end }}
""" + HUGO_FOOT

HUGO_GOAL = """<li id="mal-{{ .id }}"><strong>{{ .title }}</strong> ({{ .level }}{{ with .parent }}, under {{ . }}{{ end }}): {{ with .verdict }}{{ .term }} – ”{{ .quote }}” (rad {{ .line }}){{ else }}ej bedömt{{ end }}
{{ with .indicators }}<ul>{{ range . }}<li>{{ .name }}: {{ .outcome }} {{ .unit }}, mål {{ .target }}{{ with .trend }}, trend {{ . }}{{ end }}</li>{{ end }}</ul>{{ end }}</li>
"""

# A report's start page (a branch bundle) and the home page.
HUGO_LIST = HUGO_HEAD + """{{ with .Params.municipality }}<p>Kommun: {{ . }}, {{ $.Params.report_kind }} {{ $.Params.year }}, period {{ $.Params.period.start }} – {{ $.Params.period.end }}{{ with $.Params.dnr }}, dnr {{ . }}{{ end }}.</p>{{ end }}
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ with .Title }}{{ . }}{{ else }}{{ .Params.name }}{{ end }}</a></li>
{{ end }}</ul>
""" + HUGO_FOOT

# jamfor/ and teman/: every metric or theme.
HUGO_TAXONOMY = HUGO_HEAD + """{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.definition }}: {{ . }}{{ end }} ({{ len .Pages }} sidor)</li>
{{ end }}</ul>
""" + HUGO_FOOT

# A metric, theme or municipality: its own text, then what every report says of it.
HUGO_TERM = HUGO_HEAD + """{{ with .Params.definition }}<p>{{ . }} Enhet: {{ $.Params.unit }}.</p>{{ end }}
{{ with .Params.committee_scope }}<p>{{ . }}</p>{{ end }}
{{ with .Params.verdict_scale }}<h2>Bedömningsord</h2><ul>{{ range . }}<li>{{ .term }}: {{ .level }}</li>{{ end }}</ul>{{ end }}
{{ .Content }}
{{ $term := .Data.Term }}
{{ if eq .Data.Plural "jamfor" }}<h2>Värden i rapporterna</h2>
<table>
<thead><tr><th>Rapport</th><th>Nyckeltal</th><th>Grund</th><th>Period</th><th>Värde</th><th>Källa</th></tr></thead>
<tbody>
{{ range .Pages }}{{ $page := . }}{{ range .Params.figures }}{{ if eq .metric $term }}<tr><td><a href="{{ $page.RelPermalink }}">{{ $page.Parent.Title }}</a></td>""" + HUGO_FIGURE_ROW.replace('<tr id="figur-{{ .id }}">', '').replace('</tr>\n', '') + """</tr>
{{ end }}{{ end }}{{ end }}</tbody>
</table>
{{ else if eq .Data.Plural "teman" }}<h2>Avsnitt</h2>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Parent.Title }}: {{ .Title }}</a></li>{{ end }}</ul>
<h2>Mål</h2>
<ul>{{ range .Pages }}{{ range .Params.goals }}{{ if eq .theme $term }}{{ partial "goal.html" . }}{{ end }}{{ end }}{{ end }}</ul>
{{ else }}<h2>Rapporter</h2>
<ul>{{ range .Pages }}{{ if .IsSection }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ .Params.year }})</li>{{ end }}{{ end }}</ul>
<h2>Nyckeltal över åren</h2>
<table><tbody>
{{ range .Pages }}{{ $page := . }}{{ range .Params.figures }}<tr><td>{{ $page.Parent.Title }}</td>""" + HUGO_FIGURE_ROW.replace('<tr id="figur-{{ .id }}">', '').replace('</tr>\n', '') + """</tr>
{{ end }}{{ end }}</tbody></table>
{{ end }}
""" + HUGO_FOOT

# jamfor/<metric>/<year>/: the metric's values in the reports of that year (the report's `year:`).
HUGO_METRIC_YEAR = HUGO_HEAD + """{{ $metric := .Params.metric }}{{ $year := .Params.year }}
{{ with site.GetPage (printf "/jamfor/%s" $metric) }}<p>{{ .Params.definition }} Enhet: {{ .Params.unit }}. <a href="{{ .RelPermalink }}">Alla år</a></p>{{ end }}
<h2>Värden i rapporterna {{ $year }}</h2>
<table>
<thead><tr><th>Rapport</th><th>Nyckeltal</th><th>Grund</th><th>Period</th><th>Värde</th><th>Källa</th></tr></thead>
<tbody>
{{ with index site.Taxonomies.jamfor $metric }}{{ range .Pages }}{{ $page := . }}{{ if eq $page.Parent.Params.year $year }}{{ range .Params.figures }}{{ if eq .metric $metric }}<tr><td><a href="{{ $page.RelPermalink }}">{{ $page.Parent.Title }}</a></td>""" + HUGO_FIGURE_ROW.replace('<tr id="figur-{{ .id }}">', '').replace('</tr>\n', '') + """</tr>
{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}</tbody>
</table>
""" + HUGO_FOOT

# mal/tema/<theme>/ and mal/kommun/<municipality>/: every report's goals of the theme, or every
# goal of the municipality's reports, by report.
HUGO_GOALS_OF = HUGO_HEAD + """{{ $plural := .Params.taxonomy }}{{ $term := .Params.term }}
<ul>
{{ with index site.Taxonomies $plural $term }}{{ range .Pages }}{{ $page := . }}{{ range .Params.goals }}{{ if or (eq $plural "kommuner") (eq .theme $term) }}<li><a href="{{ $page.RelPermalink }}">{{ $page.Parent.Title }}</a><ul>{{ partial "goal.html" . }}</ul></li>
{{ end }}{{ end }}{{ end }}{{ end }}</ul>
""" + HUGO_FOOT

# mal/: how many goals of each theme got each verdict, over every report.
HUGO_GOALS = HUGO_HEAD + """{{ .Content }}
{{ range $name, $pages := site.Taxonomies.teman }}<h2 id="tema-{{ $name }}">{{ $pages.Page.Title }}</h2>
{{ $counts := newScratch }}{{ range $pages.Pages }}{{ range .Params.goals }}{{ if eq .theme $name }}{{ $counts.Add (cond (isset . "verdict") .verdict.term "ej bedömt") 1 }}{{ end }}{{ end }}{{ end }}
<ul>{{ range $term, $n := $counts.Values }}<li>{{ $term }}: {{ $n }}</li>{{ end }}</ul>
{{ end }}
""" + HUGO_FOOT

HUGO_SEARCH = HUGO_HEAD + """<form role="search"><label for="q">Sök</label> <input id="q" type="search" name="q"></form>
<p><a href="{{ "sokindex.json" | relURL }}">Sökindex</a></p>
""" + HUGO_FOOT

HUGO_NOT_FOUND = HUGO_HEAD + """<p>Sidan finns inte. Gå till <a href="{{ "/" | relURL }}">startsidan</a>.</p>
""" + HUGO_FOOT

# The search index: every page's title, headings and table captions.
HUGO_SEARCH_INDEX = """[{{ range $i, $p := where site.RegularPages "Section" "!=" "harledda" }}{{ if $i }},{{ end }}{"title":{{ $p.Title | jsonify }},"url":{{ $p.RelPermalink | jsonify }},"headings":{{ $p.Fragments.Headings | jsonify }},"tables":[{{ range $j, $t := $p.Params.tables }}{{ if $j }},{{ end }}{{ $t.caption | jsonify }}{{ end }}]}{{ end }}]
"""

# The open data: every figure of every report.
HUGO_CSV = """rapport;avsnitt;nyckeltal;grund;värde;enhet
{{ range site.RegularPages }}{{ $page := . }}{{ range .Params.figures }}{{ $page.Parent.File.ContentBaseName }};{{ $page.File.ContentBaseName }};{{ .metric }};{{ .basis }};{{ .value }};{{ .unit }}
{{ end }}{{ end }}"""

HUGO_JSON = """[{{ range $i, $p := site.RegularPages }}{{ range $j, $f := .Params.figures }}{{ if or $i $j }},{{ end }}{"rapport":{{ $p.Parent.File.ContentBaseName | jsonify }},"avsnitt":{{ $p.File.ContentBaseName | jsonify }},"figur":{{ $f | jsonify }}}{{ end }}{{ end }}]
"""

HUGO_LAYOUTS = {
    "layouts/_default/single.html": HUGO_SINGLE,
    "layouts/_default/list.html": HUGO_LIST,
    "layouts/_default/taxonomy.html": HUGO_TAXONOMY,
    "layouts/_default/term.html": HUGO_TERM,
    "layouts/_default/goals.html": HUGO_GOALS,
    "layouts/_default/search.html": HUGO_SEARCH,
    "layouts/_default/metricyear.html": HUGO_METRIC_YEAR,
    "layouts/_default/goalsof.html": HUGO_GOALS_OF,
    "layouts/404.html": HUGO_NOT_FOUND,
    "layouts/partials/goal.html": HUGO_GOAL,
    "layouts/index.sokindex.json": HUGO_SEARCH_INDEX,
    "layouts/index.nyckeltal.csv": HUGO_CSV,
    "layouts/index.nyckeltaljson.json": HUGO_JSON,
}

# Pages arsrapport generates itself, as Hugo content pages with their own layout.
HUGO_GENERATED = {
    "content/mal.md": "---\ntitle: Mål och måluppfyllelse i jämförelse\nlayout: goals\n---\n",
    "content/sok.md": "---\ntitle: Sök\nlayout: search\n---\n",
    "content/jamfor/_index.md": "---\ntitle: Jämför nyckeltal\n---\n",
    "content/teman/_index.md": "---\ntitle: Teman\n---\n",
    # arsrapport has no list of municipalities: the home page links to them.
    "content/kommuner/_index.md": "---\ntitle: Kommuner\n_build:\n  render: never\n---\n",
    # The derived pages' section: only its pages are written, each at its own `url:`.
    "content/harledda/_index.md": "---\ntitle: Härledda sidor\n_build:\n  render: never\n  list: never\n---\n",
}


def derived_pages(report_files):
    """The Hugo pages of what arsrapport derives from all reports, as (path, text): a page per
    metric and year in which some report states the metric, per theme some report has goals of,
    per municipality with goals. `report_files` maps a report id to (municipality, year, the
    texts of its files)."""
    years, themes, muns = {}, set(), set()
    for mun, year, texts in report_files.values():
        for text in texts:
            front = text.partition("\n---\n")[0]
            for metric in re.findall(r"^    metric: (\S+)$", front, re.M):
                years.setdefault(metric, set()).add(year)
            goal_themes = re.findall(r"^    theme: (\S+)$", front, re.M)
            themes.update(goal_themes)
            if goal_themes:
                muns.add(mun)
    pages = []
    for metric in sorted(years):
        for year in sorted(years[metric]):
            pages.append((f"content/harledda/jamfor-{metric}-{year}.md",
                          f"---\ntitle: {q(metric)}\nlayout: metricyear\nurl: /jamfor/{metric}/{year}/\n"
                          f"metric: {metric}\nyear: {year}\n---\n"))
    for plural, prefix, terms in (("teman", "tema", themes), ("kommuner", "kommun", muns)):
        for term in sorted(terms):
            pages.append((f"content/harledda/mal-{prefix}-{term}.md",
                          f"---\ntitle: {q('Mål ' + term)}\nlayout: goalsof\nurl: /mal/{prefix}/{term}/\n"
                          f"taxonomy: {plural}\nterm: {term}\n---\n"))
    return pages

TAXONOMY_FOLDERS = ("jamfor/", "teman/", "kommuner/")


def hugo_path(rel):
    """Where a content file goes in the Hugo site: index pages become branch bundles (_index.md),
    and a metric, theme or municipality becomes its taxonomy term's page."""
    if rel == "index.md":
        return "content/_index.md"
    if rel.endswith("/index.md"):
        return "content/" + rel[:-len("index.md")] + "_index.md"
    if rel.startswith(TAXONOMY_FOLDERS):
        return "content/" + rel[:-len(".md")] + "/_index.md"
    return "content/" + rel


def hugo_text(rel, text):
    """The Hugo copy of a report's file: its front matter gains the taxonomy keys Hugo groups by
    (the metrics of its figures, its themes and its goals' themes, its municipality)."""
    if rel.startswith(TAXONOMY_FOLDERS) or "/" not in rel:
        return text
    front, sep, body = text[len("---\n"):].partition("\n---\n")
    metrics = sorted(set(re.findall(r"^    metric: (\S+)$", front, re.M)))
    themes = set(re.findall(r"^    theme: (\S+)$", front, re.M))
    listed = re.search(r"^themes: \[(.*)\]$", front, re.M)
    if listed:
        themes.update(t.strip() for t in listed.group(1).split(",") if t.strip())
    keys = f"kommuner: [{rel.split('/')[0].rsplit('-', 1)[0]}]\n"
    if metrics:
        keys += f"jamfor: [{', '.join(metrics)}]\n"
    if themes:
        keys += f"teman: [{', '.join(sorted(themes))}]\n"
    return "---\n" + front + "\n" + keys.rstrip("\n") + sep + body


# ---------------------------------------------------------------------------------------------
# Entry point

def generate(content_dir, pages, seed, hugo_dir=None, shape=None):
    """Writes the corpus; returns a summary dict (counts, bytes). `shape`: see `make_plan`."""
    rng = random.Random(seed)
    muns, reports = make_plan(pages, rng, shape)
    ars = Writer(content_dir)
    hugo = Writer(hugo_dir) if hugo_dir else None
    if hugo:
        hugo.write("config.toml", HUGO_CONFIG)
        for rel, text in {**HUGO_LAYOUTS, **HUGO_GENERATED}.items():
            hugo.write(rel, text)

    def emit(rel, text):
        ars.write(rel, text)
        if hugo:
            hugo.write(hugo_path(rel), hugo_text(rel, text))

    shared = shared_files(rng, muns)
    for rel, text in shared:
        emit(rel, text)

    # verdict terms per municipality, as written to content/kommuner
    scales = {}
    for rel, text in shared:
        if rel.startswith("kommuner/"):
            mid = rel[len("kommuner/"):-3]
            scales[mid] = [json.loads(line.split("term: ", 1)[1]) for line in text.splitlines()
                           if line.startswith("  - term: ")]
    existing = {rep["id"]: rep["kinds"] for rep in reports}
    sections = 0
    # Only the figures' metrics and goals' themes are kept, for the Hugo site's derived pages.
    kept = {}
    for rep in reports:
        writer = ReportWriter(rng, rep, scales[rep["mun"]], existing)
        texts = []
        for name, front, body in writer.files():
            text = doc(front, body)
            emit(f"{rep['id']}/{name}", text)
            if hugo:
                texts.append("\n".join(re.findall(r"^    (?:metric|theme): \S+$", text, re.M)) + "\n---\n")
        kept[rep["id"]] = (rep["mun"], rep["year"], texts)
        sections += len(rep["kinds"])
    if hugo:
        for rel, text in derived_pages(kept):
            hugo.write(rel, text)
    return {
        "pages": len(reports) + sections, "reports": len(reports), "sections": sections,
        "municipalities": len(muns), "metrics": len(METRICS), "themes": len(THEMES),
        "files": ars.files, "bytes": ars.bytes,
        "hugo_files": hugo.files if hugo else 0, "hugo_bytes": hugo.bytes if hugo else 0,
    }
