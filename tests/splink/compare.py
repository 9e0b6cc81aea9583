#!/usr/bin/env python3
"""Splink and ledgerlink side by side on one `ledgerlink synth` directory.

Splink is set up as a competent user would for company lists: legal forms stripped into a name
column, umlauts and accents folded, digits-only national phone numbers, VAT ids without country
prefix, one company domain from website or e-mail (free-mail ignored), term-frequency adjustment
on the name and the domain, blocking rules on name, VAT, phone, domain and postcode, EM training
without labels, and Splink's one-to-one step (`cluster_using_single_best_links`).

Both tools are scored the same way against the truth files (see README.md). Usage:

    python3 compare.py SYNTH_DIR [--ledgerlink PATH] [--threshold 0.5]
"""

from __future__ import annotations

import argparse
import logging
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import pandas as pd

LEGAL_FORMS = [
    # Longest first, so that "GmbH & Co. KG" goes before "GmbH" and "KG".
    "gesellschaft mit beschrankter haftung", "gesellschaft burgerlichen rechts",
    "gmbh & co. kg", "gmbh & co kg", "gmbh u. co. kg", "gmbh + co. kg", "ges.m.b.h. & co kg",
    "ug (haftungsbeschrankt)", "ug (haftungsbeschraenkt)", "gesellschaft m.b.h.", "gesellschaft mbh",
    "aktiengesellschaft", "kommanditgesellschaft", "offene handelsgesellschaft", "offene gesellschaft",
    "eingetragener kaufmann", "ges.m.b.h.", "g.m.b.h.", "gmbh", "mbh", "ohg", "gbr", "e.k.", "e. k.",
    "ek", "e.u.", "e. u.", "ug", "ag", "kg", "og",
    "societe a responsabilite limitee", "societe par actions simplifiee", "societe anonyme",
    "s.a.r.l.", "s.a.s.u.", "s.a.s.", "s.a.r.l", "s.a r.l.", "s.a.r.l", "sarl", "sasu", "sas",
    "e.u.r.l.", "eurl", "s.n.c.", "snc", "s.a.", "sa",
    "public limited company", "limited liability partnership", "limited liability company",
    "limited", "ltd.", "ltd", "plc", "llp", "l.l.c.", "llc", "incorporated", "inc.", "inc",
    "corporation", "corp.", "corp", "company", "co.",
    "besloten vennootschap", "naamloze vennootschap", "b.v.", "b.v", "bv", "n.v.", "nv", "v.o.f.", "vof",
    "sociedad de responsabilidad limitada", "sociedad limitada unipersonal", "sociedad limitada",
    "sociedad anonima", "s.l.u.", "slu", "s.l.", "s.l", "sl",
    "societa a responsabilita limitata", "societa per azioni", "societa in nome collettivo",
    "societa in accomandita semplice", "societa anonima", "societa a garanzia limitata",
    "s.r.l.", "srl", "s.p.a.", "spa", "s.n.c.", "s.a.s.", "sagl",
    "spolka z ograniczona odpowiedzialnoscia", "spolka z o.o.", "sp. z o.o.", "sp. z o. o.",
    "sp.z o.o.", "spolka akcyjna", "spolka komandytowa", "spolka cywilna", "sp.k.", "s.c.",
    "co., ltd.", "co. ltd", "company limited", "kabushiki kaisha", "k.k.",
]
CJK_FORMS = ["株式会社", "股份有限公司", "有限公司"]
CALLING_CODES = ["49", "43", "41", "33", "44", "31", "34", "39", "48", "81", "86", "1"]
COUNTRY_CODES = {
    "germany": "DE", "deutschland": "DE", "federal republic of germany": "DE",
    "austria": "AT", "osterreich": "AT", "oesterreich": "AT",
    "switzerland": "CH", "schweiz": "CH", "suisse": "CH",
    "france": "FR", "frankreich": "FR",
    "united kingdom": "GB", "uk": "GB", "great britain": "GB", "england": "GB",
    "vereinigtes konigreich": "GB",
    "united states": "US", "usa": "US", "united states of america": "US", "u.s.a.": "US",
    "netherlands": "NL", "nederland": "NL", "the netherlands": "NL", "holland": "NL",
    "niederlande": "NL",
    "spain": "ES", "espana": "ES", "spanien": "ES",
    "italy": "IT", "italia": "IT", "italien": "IT",
    "poland": "PL", "polska": "PL", "polen": "PL",
    "japan": "JP", "日本": "JP", "japan (nippon)": "JP",
    "china": "CN", "中国": "CN", "people's republic of china": "CN", "pr china": "CN",
}
FALLBACK_FREE_MAIL = {
    "gmail.com", "web.de", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "t-online.de", "outlook.de",
    "outlook.com", "hotmail.com", "yahoo.com", "aol.com", "orange.fr", "wanadoo.fr", "free.fr",
}


def fold(text: str) -> str:
    """Lower case, German umlauts written out, other accents dropped."""
    text = str(text).lower().replace("ß", "ss").replace("ł", "l")
    for umlaut, written in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, written)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def fold_plain(text: str) -> str:
    """Lower case with every accent dropped (for legal form matching)."""
    text = unicodedata.normalize("NFKD", str(text).lower().replace("ß", "ss").replace("ł", "l"))
    return "".join(c for c in text if not unicodedata.combining(c))


LEGAL_RE = re.compile(
    r"(^|[\s,])(" + "|".join(re.escape(form) for form in LEGAL_FORMS) + r")(?=$|[\s,])"
)


def clean_name(raw: str) -> str | None:
    text = fold_plain(raw)
    for form in CJK_FORMS:
        text = text.replace(form, " ")
    previous = None
    while previous != text:  # strip forms at either end, one at a time
        previous = text
        text = LEGAL_RE.sub(" ", text, count=1) if LEGAL_RE.search(text) else text
    text = fold(text)
    text = re.sub(r"[&+]|\b(und|and|et|en|y|e|i|u)\b", " ", text)
    text = re.sub(r"[^0-9a-z\u3040-\u9fff]+", " ", text)
    text = " ".join(text.split())
    return text or None


def national_phone(raw: str) -> str | None:
    raw = re.sub(r"-0$", "", str(raw).split(" x")[0].strip())  # switchboard extension
    digits = re.sub(r"\D", "", raw.replace("(0)", ""))
    if not digits:
        return None
    stripped = raw.strip()
    if stripped.startswith("+") or digits.startswith("00"):
        digits = digits[2:] if digits.startswith("00") else digits
        for code in CALLING_CODES:
            if digits.startswith(code):
                digits = digits[len(code):]
                break
    if digits.startswith("0") and not digits.startswith("00"):
        digits = digits[1:] if len(digits) >= 8 else digits
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits.lstrip("0") or None


def clean_vat(raw: str) -> str | None:
    text = re.sub(r"[^0-9A-Z]", "", str(raw).upper())
    text = re.sub(r"(MWST|TVA|IVA)$", "", text)
    text = re.sub(r"^[A-Z]+", "", text)
    return text or None


def domain_of_site(raw: str) -> str | None:
    text = str(raw).strip().lower()
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^www\.", "", text).split("/")[0]
    return text or None


def domain_of_email(raw: str, free_mail: set[str]) -> str | None:
    text = str(raw).strip().lower()
    if "@" not in text:
        return None
    domain = text.split("@", 1)[1]
    return None if domain in free_mail else domain


def clean_postcode(raw: str) -> str | None:
    text = str(raw).upper()
    text = re.sub(r"^(D|A|CH|F|NL|I|PL|E)-", "", text)
    text = re.sub(r"[^0-9A-Z]", "", text)
    return text or None


def load_free_mail() -> set[str]:
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data" / "reference" / "free_email_domains.txt"
        if candidate.exists():
            return {line.strip().lower() for line in candidate.read_text().splitlines() if line.strip()}
    return FALLBACK_FREE_MAIL


def read_lists(synth_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    crm = pd.read_csv(synth_dir / "crm_accounts.csv", dtype=str, keep_default_na=False,
                      encoding="utf-8-sig")
    if (synth_dir / "erp_customers.xlsx").exists():
        erp = pd.read_excel(synth_dir / "erp_customers.xlsx", dtype=str).fillna("")
        erp_path = synth_dir / "erp_customers.xlsx"
    else:
        erp = pd.read_csv(synth_dir / "erp_customers.csv", dtype=str, keep_default_na=False, sep=";")
        erp_path = synth_dir / "erp_customers.csv"
    return crm, erp, erp_path


def prepare(crm: pd.DataFrame, erp: pd.DataFrame, free_mail: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    def frame(ids, names, streets, postcodes, cities, countries, phones, sites, emails, vats):
        out = pd.DataFrame({"unique_id": ids})
        out["name_clean"] = [clean_name(n) for n in names]
        out["name_first"] = [n.split()[0] if n else None for n in out["name_clean"]]
        out["street_clean"] = [fold(s).replace("\n", " ") or None for s in streets]
        out["postcode_clean"] = [clean_postcode(p) for p in postcodes]
        out["city_clean"] = [fold(c) or None for c in cities]
        out["country_code"] = countries
        out["phone_nsn"] = [national_phone(p) for p in phones]
        site_domains = [domain_of_site(s) for s in sites]
        mail_domains = [domain_of_email(e, free_mail) for e in emails]
        out["domain"] = [s or m for s, m in zip(site_domains, mail_domains)]
        out["vat_clean"] = [clean_vat(v) for v in vats]
        return out

    crm_country = [COUNTRY_CODES.get(fold_plain(c), c.upper() or None) for c in crm["BillingCountry"]]
    left = frame(crm["Id"], crm["Name"], crm["BillingStreet"], crm["BillingPostalCode"],
                 crm["BillingCity"], crm_country, crm["Phone"], crm["Website"], crm["Email__c"],
                 crm["VAT_Number__c"])
    erp_names = (erp["Name"] + " " + erp["Name 2"]).str.strip()
    erp_country = [{"UK": "GB", "": "DE"}.get(c, c) for c in erp["Country/Region Code"]]
    right = frame(erp["Customer No."], erp_names, erp["Address"], erp["Post Code"],
                  [re.sub(r",\s*[A-Z]{2}$", "", c) for c in erp["City"]], erp_country,
                  erp["Phone No."], [""] * len(erp), erp["E-Mail"], erp["VAT Registration No."])
    return left, right


def run_splink(left: pd.DataFrame, right: pd.DataFrame, threshold: float) -> set[tuple[str, str]]:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    logging.getLogger("splink").setLevel(logging.WARNING)
    db_api = DuckDBAPI()
    crm_table = db_api.register(left, dataset_display_name="crm")
    erp_table = db_api.register(right, dataset_display_name="erp")
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("name_clean", [0.95, 0.88, 0.8]).configure(
                term_frequency_adjustments=True),
            cl.ExactMatch("vat_clean"),
            cl.ExactMatch("phone_nsn"),
            cl.ExactMatch("domain").configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds("street_clean", [0.9, 0.8]),
            cl.ExactMatch("postcode_clean"),
            cl.JaroWinklerAtThresholds("city_clean", [0.9]),
            cl.ExactMatch("country_code"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("name_first"),
            block_on("vat_clean"),
            block_on("phone_nsn"),
            block_on("domain"),
            block_on("postcode_clean"),
            block_on("substr(name_clean, 1, 4)", "city_clean"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker([crm_table, erp_table], settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("vat_clean"), block_on("phone_nsn", "name_first")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    # EM on blocks where most pairs are matches: same cleaned name (trains everything but the
    # name), then same phone number (trains the name). Looser blocks (postcode, first word of
    # the name) hold mostly non-matches and let EM converge on "same town" instead of "same firm".
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name_clean"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("phone_nsn"))
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    clusters = linker.clustering.cluster_using_single_best_links(
        predictions, duplicate_free_datasets=["crm", "erp"], threshold_match_probability=threshold)
    frame = clusters.as_pandas_dataframe()
    crm_ids = set(left["unique_id"])
    pairs = set()
    for _, members in frame.groupby("cluster_id"):
        ids = list(members["unique_id"])
        crm_side = [i for i in ids if i in crm_ids]
        erp_side = [i for i in ids if i not in crm_ids]
        if len(crm_side) == 1 and len(erp_side) == 1:
            pairs.add((crm_side[0], erp_side[0]))
    return pairs


def read_pairs(path: Path) -> set[tuple[str, str]]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return set(zip(frame.iloc[:, 0], frame.iloc[:, 1]))


def scores(pairs: set, one_to_one: set, all_links: set) -> dict[str, float]:
    """Strict: against the n-th-with-n-th truth. Fair: a pair is right if both records belong to
    the same firm; recall is out of the largest possible one-to-one assignment."""
    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0
    strict_hits = len(pairs & one_to_one)
    strict_p = strict_hits / len(pairs) if pairs else 0.0
    strict_r = strict_hits / len(one_to_one) if one_to_one else 0.0
    fair_hits = len(pairs & all_links)
    fair_p = fair_hits / len(pairs) if pairs else 0.0
    fair_r = min(fair_hits / len(one_to_one), 1.0) if one_to_one else 0.0
    return {"pairs": len(pairs), "precision": fair_p, "recall": fair_r, "f1": f1(fair_p, fair_r),
            "strict_f1": f1(strict_p, strict_r)}


def run_ledgerlink(binary: Path, synth_dir: Path, erp_path: Path, workdir: Path):
    crm_map = ["id=Id", "name=Name", "account_type=Type", "street=BillingStreet",
               "postcode=BillingPostalCode", "city=BillingCity", "region=BillingState",
               "country=BillingCountry", "phone=Phone", "website=Website", "email=Email__c",
               "tax_id=VAT_Number__c", "xref=ERP_Customer_No__c"]
    erp_map = ["id=Customer No.", "name=Name", "street=Address", "address2=Address 2",
               "postcode=Post Code", "city=City", "country=Country/Region Code", "phone=Phone No.",
               "email=E-Mail", "tax_id=VAT Registration No."]
    pairs_csv = workdir / "ledgerlink_pairs.csv"
    command = [str(binary), "match", "--crm", str(synth_dir / "crm_accounts.csv"), "--erp", str(erp_path),
               "--out", str(pairs_csv)]
    for mapping in crm_map:
        command += ["--crm-map", mapping]
    for mapping in erp_map:
        command += ["--erp-map", mapping]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        return None, seconds, (result.stderr.strip().splitlines() or ["no output"])[-1]
    evaluated = subprocess.run([str(binary), "eval", "--truth", str(synth_dir / "truth_links_one_to_one.csv"),
                                "--pairs", str(pairs_csv)], capture_output=True, text=True)
    eval_line = (evaluated.stdout.strip().splitlines() or ["eval printed nothing"])[-1]
    return read_pairs(pairs_csv), seconds, eval_line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("synth_dir", type=Path)
    parser.add_argument("--ledgerlink", type=Path,
                        default=Path(__file__).resolve().parents[2] / "target" / "release" / "ledgerlink")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--dump", type=Path, help="write splink_pairs.csv here for a closer look")
    args = parser.parse_args()

    crm, erp, erp_path = read_lists(args.synth_dir)
    one_to_one = read_pairs(args.synth_dir / "truth_links_one_to_one.csv")
    all_links = read_pairs(args.synth_dir / "truth_links.csv")
    print(f"{args.synth_dir}: {len(crm)} CRM accounts, {len(erp)} ERP customers, "
          f"{len(one_to_one)} one-to-one links ({len(all_links)} pairs of the same firm)")

    started = time.perf_counter()
    left, right = prepare(crm, erp, load_free_mail())
    prepared = time.perf_counter()
    splink_pairs = run_splink(left, right, args.threshold)
    finished = time.perf_counter()
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        pd.DataFrame(sorted(splink_pairs), columns=["crm_id", "erp_id"]).to_csv(
            args.dump / "splink_pairs.csv", index=False)
    rows = [("splink", scores(splink_pairs, one_to_one, all_links),
             f"{finished - started:.1f} s ({prepared - started:.1f} s cleaning, "
             f"{finished - prepared:.1f} s training + prediction + one-to-one)")]

    note = ""
    if args.ledgerlink.exists():
        with tempfile.TemporaryDirectory() as workdir:
            pairs, seconds, eval_line = run_ledgerlink(args.ledgerlink, args.synth_dir, erp_path, Path(workdir))
            if pairs is None and "unrecognized subcommand" not in eval_line:
                # An early `match` may read only plain comma CSV: retry on such copies of the lists.
                first_error = eval_line
                plain = Path(workdir) / "plain"
                plain.mkdir()
                crm.to_csv(plain / "crm_accounts.csv", index=False)
                erp.to_csv(plain / "erp_customers.csv", index=False)
                for truth in ("truth_links_one_to_one.csv", "truth_links.csv"):
                    (plain / truth).write_bytes((args.synth_dir / truth).read_bytes())
                pairs, seconds, eval_line = run_ledgerlink(
                    args.ledgerlink, plain, plain / "erp_customers.csv", Path(workdir))
                if pairs is not None:
                    eval_line += f" (on plain comma-CSV copies; on the exports themselves: {first_error})"
        if pairs is None:
            note = f"ledgerlink match failed or does not exist yet: {eval_line}"
        else:
            rows.append(("ledgerlink", scores(pairs, one_to_one, all_links), f"{seconds:.2f} s"))
            note = f"ledgerlink eval (strict, one-to-one truth): {eval_line}"
    else:
        note = f"no ledgerlink binary at {args.ledgerlink}: build it with cargo build --release"

    print(f"{'tool':<11} {'pairs':>6} {'precision':>9} {'recall':>7} {'f1':>7} {'strict_f1':>9}  time")
    for tool, score, timing in rows:
        print(f"{tool:<11} {score['pairs']:>6} {score['precision']:>9.4f} {score['recall']:>7.4f} "
              f"{score['f1']:>7.4f} {score['strict_f1']:>9.4f}  {timing}")
    print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
