"""Hand annotation of the dev corpus (source of truth; build_gold.py turns it into gold/*.jsonl).

Each claim: C(id, quote, subject, attribute, value, low, high, **options)
  quote   the exact sentence, clause or table row (through the value's cell) as it reads
          (a space here also matches a non-breaking space in the file)
  value   the value expression as written, found inside the quote
  low/high seconds (unit "s"), fraction (unit "ratio") or counts (unit "count"); None = open
options: cond= condition (lower case) | hedged=True | unit="ratio"/"count" | period= seconds
         (for counts per period) | occ= which occurrence of a repeated quote (0-based) |
         note= the reason for a debatable reading (kept here only, not in the jsonl) |
         hedge_checked=True silences build_gold.py's hedge-word lint after a human look
Conventions for vague words: see README.md.
"""

MIN = 60
H = 3600
D = 86400
W = 7 * D
MO = 2629800          # 30.44 days
Y = 31557600          # 365.25 days


def about(x, y=None):
    """'about X' (or 'about X to Y') is X-15% .. (Y or X)+15%."""
    y = x if y is None else y
    if isinstance(x, float) or isinstance(y, float):
        return round(x * 0.85, 4), round(y * 1.15, 4)
    return round(x * 0.85), round(y * 1.15)


def C(id, quote, subject, attribute, value, low, high, *, unit="s", cond=None, hedged=False,
      occ=None, vocc=None, period=None, note=None, hedge_checked=False):
    return dict(id=id, quote=quote, subject=subject, attribute=attribute, value=value, low=low,
                high=high, unit=unit, cond=cond, hedged=hedged, occ=occ, vocc=vocc,
                period=period, note=note, hedge_checked=hedge_checked)


def X(a, b, why, kind=None):
    d = {"claims": [a, b], "why": why}
    if kind:
        d["kind"] = kind
    return d


K = X

MBB = "medial branch block"
RFA = "radiofrequency ablation"
ESI = "epidural steroid injection"
FJI = "facet joint injection"
SIJ = "sacroiliac joint injection"
SGB = "stellate ganglion block"
ONB = "occipital nerve block"
GNB = "genicular nerve block"
GNA = "genicular nerve ablation"
LSB = "lumbar sympathetic block"
GIB = "ganglion impar block"
TPI = "trigger point injection"
SCS = "spinal cord stimulator trial"
SCSI = "spinal cord stimulator implant"
NB = "nerve block"
SI_ = "spinal injection"

CRPS = "complex regional pain syndrome"
PTSD = "post-traumatic stress disorder"

DOCS = {
    "d01": "d01_mbb_hospital.txt",
    "d02": "d02_rfa_clinic.txt",
    "d03": "d03_esi_encyclopedia.txt",
    "d04": "d04_esi_clinic_faq.txt",
    "d05": "d05_facet_blog.md",
    "d06": "d06_si_joint.html",
    "d07": "d07_si_joint_pt_blog.txt",
    "d08": "d08_spinal_injections_overview.txt",
    "d09": "d09_stellate_ganglion_hospital.txt",
    "d10": "d10_sgb_ptsd_blog.md",
    "d11": "d11_occipital_nerve_block.txt",
    "d12": "d12_genicular_clinic.html",
    "d13": "d13_genicular_blog.txt",
    "d14": "d14_lumbar_sympathetic.txt",
    "d15": "d15_ganglion_impar.txt",
    "d16": "d16_trigger_point_clinic.txt",
    "d17": "d17_nerve_block_faq.txt",
    "d18": "d18_scs_trial.txt",
    "d19": "d19_pain_clinic_services.txt",
}

CLAIMS = [
    # ---------------------------------------------------------------- d01 hospital MBB sheet
    C("d01-1", "You have had neck or back pain for at least 3 months", MBB,
      "indication_duration", "at least 3 months", 3 * MO, None),
    C("d01-2", "The MBB injections take 15-30 minutes.", MBB, "procedure_time", "15-30 minutes",
      15 * MIN, 30 * MIN),
    C("d01-3", "With check-in, preparation and the recovery room, plan to be with us for about an "
      "hour and a half in total.", MBB, "other", "about an hour and a half", *about(90 * MIN),
      note="length of the whole visit, not the procedure"),
    C("d01-4", "The numbing medicine used for a diagnostic MBB lasts 4 to 6 hours, so pain relief "
      "in that window is what we are looking for.", MBB, "relief_duration", "4 to 6 hours",
      4 * H, 6 * H, note="diagnostic (anesthetic-only) phase, short by design"),
    C("d01-5", "Most doctors look for 80% or more pain relief during the numbing period before "
      "recommending the next step.", MBB, "other", "80% or more", 0.8, 1.0, unit="ratio",
      hedged=True, note="a positive-block threshold, not a success rate"),
    C("d01-6", "Because a single block can give a false positive result, you will usually have "
      "two MBBs on separate days, at least 1 week apart.", MBB, "repeat_interval",
      "at least 1 week", W, None, note="'can' hedges the false positive, not the interval", hedge_checked=True),
    C("d01-7", "When a steroid is included, some patients get several weeks of relief from the MBB "
      "itself, but that is a bonus rather than the goal.", MBB, "relief_duration",
      "several weeks", 2 * W, 7 * W, hedged=True, note="steroid phase"),
    C("d01-8", "You can usually go back to your normal activities the next day.", MBB,
      "recovery_time", "the next day", D, 2 * D, hedged=True),
    C("d01-9", "Avoid driving for the rest of the day of the procedure.", MBB,
      "activity_restriction", "the rest of the day", 0, D, cond="driving"),
    C("d01-10", "Mild soreness where the needles went in is common and usually goes away in 1 to "
      "2 days.", MBB, "side_effect_duration", "1 to 2 days", D, 2 * D),
    C("d01-11", "Relief from RFA usually lasts six to twelve months, and the procedure can be "
      "repeated if the pain returns.", RFA, "relief_duration", "six to twelve months", 6 * MO,
      12 * MO, note="'can' belongs to the repeat clause", hedge_checked=True),

    # ---------------------------------------------------------------- d02 RFA clinic marketing
    C("d02-1", "Most of our patients enjoy relief lasting 6 to 12 months from a single RFA "
      "treatment.", RFA, "relief_duration", "6 to 12 months", 6 * MO, 12 * MO, hedged=True,
      occ=0),
    C("d02-2", "If an MBB gives strong relief, RFA can last 6–12 months because the nerve itself "
      "is treated, not just numbed.", RFA, "relief_duration", "6–12 months", 6 * MO, 12 * MO,
      hedged=True, note="the MBB is the condition for doing RFA; the value is RFA's"),
    C("d02-3", "The procedure takes between 45 and 90 minutes, depending on how many levels are "
      "treated.", RFA, "procedure_time", "between 45 and 90 minutes", 45 * MIN, 90 * MIN, hedge_checked=True),
    C("d02-4", "Our team will monitor you for about 30 minutes afterward before you go home with "
      "your driver.", RFA, "other", "about 30 minutes", *about(30 * MIN),
      note="observation after the procedure"),
    C("d02-5", "Most patients are back at work within 1-2 days.", RFA, "recovery_time",
      "within 1-2 days", D, 2 * D, hedged=True),
    C("d02-6", "Some people notice a sunburn-like soreness over the treated area that can last 1 "
      "to 2 weeks.", RFA, "side_effect_duration", "1 to 2 weeks", W, 2 * W, hedged=True),
    C("d02-7", "It may take 2 to 3 weeks to feel the full benefit of the treatment", RFA,
      "onset_time", "2 to 3 weeks", 2 * W, 3 * W, hedged=True),
    C("d02-8", "In published studies, 70-80% of properly selected patients get meaningful relief "
      "from RFA.", RFA, "success_rate", "70-80%", 0.7, 0.8, unit="ratio"),
    C("d02-9", "Most of our patients enjoy relief lasting 6 to 12 months from a single RFA "
      "treatment.", RFA, "relief_duration", "6 to 12 months", 6 * MO, 12 * MO, hedged=True,
      occ=1, note="marketing paragraph repeated"),
    C("d02-10", "RFA typically provides relief for 2 to 3 years.", RFA, "relief_duration",
      "2 to 3 years", 2 * Y, 3 * Y),

    # ---------------------------------------------------------------- d03 ESI encyclopedia
    C("d03-1", "| Interlaminar | 15–20 minutes |", ESI, "procedure_time", "15–20 minutes",
      15 * MIN, 20 * MIN, cond="interlaminar", note="condition carries the approach"),
    C("d03-2", "| Transforaminal | 20–30 minutes |", ESI, "procedure_time", "20–30 minutes",
      20 * MIN, 30 * MIN, cond="transforaminal"),
    C("d03-3", "| Caudal | 10–15 minutes |", ESI, "procedure_time", "10–15 minutes", 10 * MIN,
      15 * MIN, cond="caudal"),
    C("d03-4", "Doctors usually consider an ESI when leg or arm pain from a pinched nerve has "
      "lasted more than 6 weeks despite rest, medicines and physical therapy.", ESI,
      "indication_duration", "more than 6 weeks", 6 * W, None),
    C("d03-5", "| Herniated disc with sciatica | 65-75% |", ESI, "success_rate", "65-75%", 0.65,
      0.75, unit="ratio", cond="herniated disc"),
    C("d03-6", "| Lumbar spinal stenosis | 50-60% |", ESI, "success_rate", "50-60%", 0.5, 0.6,
      unit="ratio", cond="spinal stenosis"),
    C("d03-7", "The procedure itself takes 15-30 minutes.", ESI, "procedure_time",
      "15-30 minutes", 15 * MIN, 30 * MIN, note="NBSP before 'minutes' in the file"),
    C("d03-8", "The local anesthetic wears off in a few hours", ESI, "relief_duration",
      "a few hours", 2 * H, 4 * H, note="anesthetic phase"),
    C("d03-9", "The steroid usually needs 3 to 7 days to start working.", ESI, "onset_time",
      "3 to 7 days", 3 * D, 7 * D, note="NBSPs around 'to'"),
    C("d03-10", "When it works, relief from an epidural steroid injection lasts weeks to months.",
      ESI, "relief_duration", "weeks to months", W, Y),
    C("d03-11", "facial flushing, which can last a day or two", ESI, "side_effect_duration",
      "a day or two", D, 2 * D, hedged=True),
    C("d03-12", "higher blood sugar for 2 to 3 days in people with diabetes", ESI,
      "side_effect_duration", "2 to 3 days", 2 * D, 3 * D, cond="diabetes"),
    C("d03-13", "Because steroids affect the whole body, most doctors allow no more than 3-4 "
      "injections per year in the same region.", ESI, "repeat_interval",
      "no more than 3-4 injections per year", 0, 4, unit="count", period=Y, hedged=True),
    C("d03-14", "A headache from a small leak of spinal fluid happens in about 1 in 100 injections "
      "and usually resolves with rest, fluids and caffeine.", ESI, "other", "about 1 in 100",
      *about(0.01), unit="ratio", note="complication rate"),

    # ---------------------------------------------------------------- d04 ESI clinic FAQ
    C("d04-1", "The injection takes a few minutes", ESI, "procedure_time", "a few minutes",
      2 * MIN, 4 * MIN),
    C("d04-2", "plan to be at the clinic for an hour so there is time for check-in, preparation "
      "and a short rest afterward", ESI, "other", "an hour", H, H, note="whole visit"),
    C("d04-3", "Many patients feel relief within 24 hours.", ESI, "onset_time", "within 24 hours",
      0, 24 * H, hedged=True),
    C("d04-4", "Relief usually lasts a few days.", ESI, "relief_duration", "a few days", 2 * D,
      4 * D),
    C("d04-5", "You should not drive for the rest of the day.", ESI, "activity_restriction",
      "the rest of the day", 0, D, cond="driving"),
    C("d04-6", "Most patients return to work the next day.", ESI, "recovery_time",
      "the next day", D, 2 * D, hedged=True),
    C("d04-7", "avoid baths, hot tubs and swimming pools for 48 hours", ESI,
      "activity_restriction", "48 hours", 48 * H, 48 * H, cond="bathing"),
    C("d04-8", "If the first injection helps, it can be repeated every 3 months if needed.", ESI,
      "repeat_interval", "every 3 months", 3 * MO, 3 * MO, hedged=True),
    C("d04-9", "We give no more than 4 injections per year.", ESI, "repeat_interval",
      "no more than 4 injections per year", 0, 4, unit="count", period=Y),
    C("d04-10", "the steroid can raise your blood sugar for a day or two", ESI,
      "side_effect_duration", "a day or two", D, 2 * D, cond="diabetes", hedged=True),
    C("d04-11", "You may shower the same evening", ESI, "activity_restriction", "the same evening",
      0, D, cond="showering", hedged=True, note="permission 'may'; hedged by the word rule"),

    # ---------------------------------------------------------------- d05 facet blog (markdown)
    C("d05-1", "| Facet joint injection | Steroid + anesthetic **into** the joint | 15–20 minutes |",
      FJI, "procedure_time", "15–20 minutes", 15 * MIN, 20 * MIN),
    C("d05-2", "| Facet joint injection | Steroid + anesthetic **into** the joint | 15–20 minutes | "
      "1 to 3 months |", FJI, "relief_duration", "1 to 3 months", MO, 3 * MO),
    C("d05-3", "| Medial branch block | Anesthetic **next to** the nerves | about 15 minutes |", MBB,
      "procedure_time", "about 15 minutes", *about(15 * MIN)),
    C("d05-4", "| Medial branch block | Anesthetic **next to** the nerves | about 15 minutes | "
      "several hours |", MBB, "relief_duration", "several hours", 2 * H, 7 * H),
    C("d05-5", "| Radiofrequency ablation | Heat lesion of the same nerves | 30–60 minutes |", RFA,
      "procedure_time", "30–60 minutes", 30 * MIN, 60 * MIN),
    C("d05-6", "| Radiofrequency ablation | Heat lesion of the same nerves | 30–60 minutes | 6 to 12 "
      "months |", RFA, "relief_duration", "6 to 12 months", 6 * MO, 12 * MO),
    C("d05-7", "If it helps, a facet joint injection may give relief for 1 to 3 months, "
      "occasionally longer.", FJI, "relief_duration", "1 to 3 months", MO, 3 * MO, hedged=True),
    C("d05-8", "In my practice I won't repeat it more often than every 3 months, and I stop if the "
      "second one doesn't help.", FJI, "repeat_interval", "more often than every 3 months",
      3 * MO, None, note="'won't repeat more often than every 3 months' = at least 3 months", hedge_checked=True),
    C("d05-9", "We numb the nerves with anesthetic only, and the relief lasts several hours; "
      "that's the whole point.", MBB, "relief_duration", "several hours", 2 * H, 7 * H),
    C("d05-10", "Typical relief is 6 to 12 months, and because nerves grow back, it can be "
      "repeated.", RFA, "relief_duration", "6 to 12 months", 6 * MO, 12 * MO,
      note="subject from the '## Radiofrequency ablation' heading; 'can' is about repeating", hedge_checked=True),
    C("d05-11", "Expect the procedure to take 30–60 minutes, a little longer if we're treating "
      "both sides.", RFA, "procedure_time", "30–60 minutes", 30 * MIN, 60 * MIN),
    C("d05-12", "Others start with a facet joint injection because it can give a few months of "
      "relief on its own.", FJI, "relief_duration", "a few months", 2 * MO, 4 * MO, hedged=True),

    # ---------------------------------------------------------------- d06 SI joint (HTML)
    C("d06-1", "The injection takes 10&ndash;15 minutes.", SIJ, "procedure_time",
      "10&ndash;15 minutes", 10 * MIN, 15 * MIN, note="raw HTML: entities not decoded"),
    C("d06-2", "You will rest in the recovery area for 20 to 30 minutes before going home.", SIJ,
      "other", "20 to 30 minutes", 20 * MIN, 30 * MIN, note="observation after the injection"),
    C("d06-3", "The numbing medicine wears off in 4&ndash;6 hours.", SIJ, "relief_duration",
      "4&ndash;6 hours", 4 * H, 6 * H, note="anesthetic phase"),
    C("d06-4", "The steroid may take 3&ndash;5 days to work", SIJ, "onset_time",
      "3&ndash;5 days", 3 * D, 5 * D, hedged=True),
    C("d06-5", "relief may last months", SIJ, "relief_duration", "months", MO, Y, hedged=True,
      note="steroid phase; bare plural unit = 1 month .. 1 year"),
    C("d06-6", "SI joint injections can provide relief for up to a year.", SIJ, "relief_duration",
      "up to a year", 0, Y, hedged=True),
    C("d06-7", "In our center&rsquo;s experience, more than half of patients report at least a 50% "
      "reduction in pain after an SI joint injection.", SIJ, "success_rate", "more than half",
      0.5, 1.0, unit="ratio", note="'at least a 50% reduction' defines success; not a claim"),
    C("d06-8", "<td>Driving</td><td>The next day</td>", SIJ, "activity_restriction",
      "The next day", D, 2 * D, cond="driving"),
    C("d06-9", "<td>Showering</td><td>The same day</td>", SIJ, "activity_restriction",
      "The same day", 0, D, cond="showering"),
    C("d06-10", "<td>Strenuous exercise</td><td>After 24 hours</td>", SIJ,
      "activity_restriction", "After 24 hours", 24 * H, 24 * H, cond="strenuous exercise"),
    C("d06-11", "If the first injection helps, it can be repeated when the pain returns, but "
      "generally no more than 3 times in 12 months.", SIJ, "repeat_interval",
      "no more than 3 times in 12 months", 0, 3, unit="count", period=12 * MO, hedged=True),
    C("d06-12", "They include temporary numbness in the leg, infection, bleeding and an increase "
      "in pain for a day or two.", SIJ, "side_effect_duration", "a day or two", D, 2 * D),

    # ---------------------------------------------------------------- d07 PT blog on SI joint
    C("d07-1", "We usually suggest 6 to 8 weeks of targeted physical therapy before anyone talks "
      "about injections.", SIJ, "indication_duration", "6 to 8 weeks", 6 * W, 8 * W,
      note="conservative care that must come first = how long pain lasts before an injection"),
    C("d07-2", "In our experience, relief from an SI joint injection usually lasts only a few "
      "days.", SIJ, "relief_duration", "a few days", 2 * D, 4 * D),
    C("d07-3", "From what our patients tell us, the shot itself takes about 10 minutes.", SIJ,
      "procedure_time", "about 10 minutes", *about(10 * MIN)),
    C("d07-4", "Most people can get back to their PT exercises within 2 to 3 days.", SIJ,
      "recovery_time", "within 2 to 3 days", 2 * D, 3 * D, hedged=True),
    C("d07-5", "For SI joint pain, radiofrequency ablation may give relief for 9 to 12 months, "
      "although the evidence is still developing.", RFA, "relief_duration", "9 to 12 months",
      9 * MO, 12 * MO, cond="sacroiliac joint pain", hedged=True),

    # ---------------------------------------------------------------- d08 spinal injections overview
    C("d08-1", "Some nerve blocks last a few hours", NB, "relief_duration", "a few hours", 2 * H,
      4 * H, hedged=True, occ=0),
    C("d08-2", "others for months", NB, "relief_duration", "months", MO, Y, hedged=True, occ=0, hedge_checked=True),
    C("d08-3", "| Epidural steroid injection | Pinched nerve, sciatica | 15–30 minutes |", ESI,
      "procedure_time", "15–30 minutes", 15 * MIN, 30 * MIN),
    C("d08-4", "| Epidural steroid injection | Pinched nerve, sciatica | 15–30 minutes | 3–6 "
      "months |", ESI, "relief_duration", "3–6 months", 3 * MO, 6 * MO),
    C("d08-5", "| Facet joint injection | Arthritis of the facet joints | 15–30 minutes |", FJI,
      "procedure_time", "15–30 minutes", 15 * MIN, 30 * MIN),
    C("d08-6", "| Facet joint injection | Arthritis of the facet joints | 15–30 minutes | 2–3 "
      "months |", FJI, "relief_duration", "2–3 months", 2 * MO, 3 * MO),
    C("d08-7", "| Sacroiliac joint injection | SI joint pain | 10–20 minutes |", SIJ,
      "procedure_time", "10–20 minutes", 10 * MIN, 20 * MIN),
    C("d08-8", "| Sacroiliac joint injection | SI joint pain | 10–20 minutes | 3 to 6 months |",
      SIJ, "relief_duration", "3 to 6 months", 3 * MO, 6 * MO),
    C("d08-9", "| Medial branch block | Diagnosing facet pain | 15–30 minutes |", MBB,
      "procedure_time", "15–30 minutes", 15 * MIN, 30 * MIN),
    C("d08-10", "| Medial branch block | Diagnosing facet pain | 15–30 minutes | 6–8 hours "
      "(diagnostic) |", MBB, "relief_duration", "6–8 hours", 6 * H, 8 * H),
    C("d08-11", "Most spinal injections take 15 to 45 minutes.", SI_, "procedure_time",
      "15 to 45 minutes", 15 * MIN, 45 * MIN, hedged=True, note="NBSPs around 'to'"),
    C("d08-12", "Some numbness or weakness is possible for a few hours while the anesthetic wears "
      "off.", SI_, "side_effect_duration", "a few hours", 2 * H, 4 * H, hedged=True),
    C("d08-13", "Soreness at the injection site can last 2 to 3 days.", SI_,
      "side_effect_duration", "2 to 3 days", 2 * D, 3 * D, hedged=True),
    C("d08-14", "Most people return to their regular activities within 24 hours.", SI_,
      "recovery_time", "within 24 hours", 0, 24 * H, hedged=True),
    C("d08-15", "Epidural steroid injections should not be repeated more often than every 3 "
      "months", ESI, "repeat_interval", "more often than every 3 months", 3 * MO, None,
      note="minimum interval: at least 3 months", hedge_checked=True),
    C("d08-16", "most patients receive no more than three or four a year", ESI,
      "repeat_interval", "no more than three or four a year", 0, 4, unit="count", period=Y,
      hedged=True),
    C("d08-17", "If two medial branch blocks confirm that the facet joints are the source of pain, "
      "radiofrequency ablation can provide longer relief, often 9 months to 2 years.", RFA,
      "relief_duration", "9 months to 2 years", 9 * MO, 2 * Y, hedged=True),
    C("d08-18", "Some nerve blocks last a few hours", NB, "relief_duration", "a few hours", 2 * H,
      4 * H, hedged=True, occ=1, note="paragraph repeated at the end of the page"),
    C("d08-19", "others for months", NB, "relief_duration", "months", MO, Y, hedged=True, occ=1, hedge_checked=True),

    # ---------------------------------------------------------------- d09 SGB hospital
    C("d09-1", "The block itself takes about 10 minutes.", SGB, "procedure_time",
      "about 10 minutes", *about(10 * MIN)),
    C("d09-2", "Within 10 to 20 minutes your hand on the treated side should feel warm.", SGB,
      "onset_time", "Within 10 to 20 minutes", 10 * MIN, 20 * MIN,
      note="onset of the block's effect (warmth)"),
    C("d09-3", "These effects usually wear off within a few hours, as the local anesthetic does.",
      SGB, "side_effect_duration", "within a few hours", 0, 4 * H),
    C("d09-4", "For CRPS, relief from the first block may last only a few hours to a few days",
      SGB, "relief_duration", "a few hours to a few days", 2 * H, 4 * D, cond=CRPS,
      hedged=True),
    C("d09-5", "Most patients receive a series of 2 to 6 blocks", SGB, "other", "2 to 6 blocks",
      2, 6, unit="count", cond=CRPS, hedged=True, note="size of a series, not a frequency"),
    C("d09-6", "given about one week apart", SGB, "repeat_interval", "about one week",
      *about(W), cond=CRPS, hedged=True, note="sentence starts with 'Most patients'", hedge_checked=True),
    C("d09-7", "For PTSD, improvement from a single block usually lasts a few weeks.", SGB,
      "relief_duration", "a few weeks", 2 * W, 4 * W, cond=PTSD),
    C("d09-8", "Do not eat or drink for 1 hour after the block, because swallowing can be "
      "affected.", SGB, "activity_restriction", "1 hour", H, H, cond="eating or drinking", hedge_checked=True),
    C("d09-9", "You can return to normal activities the next day.", SGB, "recovery_time",
      "the next day", D, 2 * D, hedged=True,
      note="subject from the heading 'Stellate Ganglion Block: Recovery'"),
    C("d09-10", "The droopy eyelid and hoarseness usually last 2 to 3 days.", SGB,
      "side_effect_duration", "2 to 3 days", 2 * D, 3 * D),

    # ---------------------------------------------------------------- d10 SGB PTSD blog (markdown)
    C("d10-1", "The whole procedure takes less than 20 minutes.", SGB, "procedure_time",
      "less than 20 minutes", 0, 20 * MIN),
    C("d10-2", "Many people notice a change within 30 minutes: a sense of calm, better sleep the "
      "first night, less jumpiness.", SGB, "onset_time", "within 30 minutes", 0, 30 * MIN,
      cond=PTSD, hedged=True),
    C("d10-3", "Most people feel the benefits for 3 to 6 months or longer", SGB,
      "relief_duration", "3 to 6 months or longer", 3 * MO, None, cond=PTSD, hedged=True),
    C("d10-4", "In one randomized trial, about 1 in 3 participants had no meaningful benefit at "
      "all, so it isn't a miracle cure.", SGB, "other", "about 1 in 3", *about(1 / 3),
      unit="ratio", cond=PTSD, note="non-response rate, so 'other' rather than success_rate"),
    C("d10-5", "Droopy eyelid, red eye, hoarse voice: typical, gone in a few hours", SGB,
      "side_effect_duration", "a few hours", 2 * H, 4 * H),
    C("d10-6", "Trouble swallowing for an hour or so", SGB, "side_effect_duration",
      "an hour or so", *about(H)),
    C("d10-7", "A sore neck for a day or two", SGB, "side_effect_duration", "a day or two", D,
      2 * D),
    C("d10-8", "If you've tried the standard treatments for at least 12 weeks without enough "
      "improvement, it's worth asking about.", SGB, "indication_duration", "at least 12 weeks",
      12 * W, None, cond=PTSD),

    # ---------------------------------------------------------------- d11 occipital nerve block
    C("d11-1", "The injection takes only a few minutes and is done in an exam room while you sit "
      "up.", ONB, "procedure_time", "a few minutes", 2 * MIN, 4 * MIN),
    C("d11-2", "Most patients feel the area go numb immediately", ONB, "onset_time",
      "immediately", 0, H, hedged=True),
    C("d11-3", "the headache often eases within 15 minutes", ONB, "onset_time",
      "within 15 minutes", 0, 15 * MIN, hedged=True),
    C("d11-4", "Because no sedation is used, you can go back to work or school the same day.",
      ONB, "recovery_time", "the same day", 0, D, hedged=True),
    C("d11-5", "The scalp may stay numb for between 4 and 6 hours.", ONB,
      "side_effect_duration", "between 4 and 6 hours", 4 * H, 6 * H, hedged=True),
    C("d11-6", "If you respond well, occipital nerve blocks can be repeated every 2 to 3 months.",
      ONB, "repeat_interval", "every 2 to 3 months", 2 * MO, 3 * MO, hedged=True),
    C("d11-7", "| Occipital neuralgia | 3-6 months |", ONB, "relief_duration", "3-6 months",
      3 * MO, 6 * MO, cond="occipital neuralgia"),
    C("d11-8", "| Chronic migraine | 4 to 8 weeks |", ONB, "relief_duration", "4 to 8 weeks",
      4 * W, 8 * W, cond="chronic migraine"),
    C("d11-9", "| Cluster headache | 2–4 weeks |", ONB, "relief_duration", "2–4 weeks", 2 * W,
      4 * W, cond="cluster headache"),
    C("d11-10", "For many patients, the steroid component provides relief lasting from several "
      "weeks to several months.", ONB, "relief_duration", "several weeks to several months",
      2 * W, 7 * MO, hedged=True),
    C("d11-11", "Avoid washing your hair or swimming for 24 hours.", ONB, "activity_restriction",
      "24 hours", 24 * H, 24 * H, cond="hair washing or swimming"),
    C("d11-12", "To limit steroid exposure, we do not repeat the block more often than every 6 "
      "months.", ONB, "repeat_interval", "more often than every 6 months", 6 * MO, None, hedge_checked=True),

    # ---------------------------------------------------------------- d12 genicular clinic (HTML)
    C("d12-1", "The GNB takes about 15&nbsp;minutes.", GNB, "procedure_time",
      "about 15&nbsp;minutes", *about(15 * MIN)),
    C("d12-2", "Relief from the GNB typically lasts a few hours, just as long as the numbing "
      "medicine.", GNB, "relief_duration", "a few hours", 2 * H, 4 * H),
    C("d12-3", "If your knee pain drops by at least half during that time, you are a good "
      "candidate for step 2.", GNB, "other", "at least half", 0.5, 1.0, unit="ratio",
      note="positive-block threshold"),
    C("d12-4", "Relief after genicular nerve ablation lasts 6 to 12 months for most patients.",
      GNA, "relief_duration", "6 to 12 months", 6 * MO, 12 * MO, hedged=True),
    C("d12-5", "Up to 80 percent of patients who had a successful GNB report meaningful "
      "improvement after ablation.", GNA, "success_rate", "Up to 80 percent", 0, 0.8,
      unit="ratio", hedged=True),
    C("d12-6", "The ablation takes 45&ndash;60 minutes.", GNA, "procedure_time",
      "45&ndash;60 minutes", 45 * MIN, 60 * MIN),
    C("d12-7", "Most people walk out on their own and are back to light activity within 24 to 72 "
      "hours.", GNA, "recovery_time", "within 24 to 72 hours", 24 * H, 72 * H, hedged=True),
    C("d12-8", "<td>Genicular nerve block</td><td>15&nbsp;min</td>", GNB, "procedure_time",
      "15&nbsp;min", 15 * MIN, 15 * MIN),
    C("d12-9", "<td>Genicular nerve block</td><td>15&nbsp;min</td><td>A few hours</td>", GNB,
      "relief_duration", "A few hours", 2 * H, 4 * H),
    C("d12-10", "<td>Genicular nerve ablation</td><td>45&ndash;60&nbsp;min</td>", GNA,
      "procedure_time", "45&ndash;60&nbsp;min", 45 * MIN, 60 * MIN),
    C("d12-11", "<td>Genicular nerve ablation</td><td>45&ndash;60&nbsp;min</td><td>6&ndash;12 "
      "months</td>", GNA, "relief_duration", "6&ndash;12 months", 6 * MO, 12 * MO),
    C("d12-12", "Knee pain for more than 3 months", GNB, "indication_duration",
      "more than 3 months", 3 * MO, None),

    # ---------------------------------------------------------------- d13 genicular blog
    C("d13-1", "According to her, a steroid-free genicular nerve block typically keeps knee pain "
      "down for 3 to 6 months, because calming the nerve seems to break the pain cycle.", GNB,
      "relief_duration", "3 to 6 months", 3 * MO, 6 * MO),
    C("d13-2", "Seven out of ten patients in the studies my doctor showed me had at least 50% less "
      "pain at six months.", GNA, "success_rate", "Seven out of ten", 0.7, 0.7, unit="ratio",
      note="'at least 50%' and 'six months' define the outcome; not separate claims"),
    C("d13-3", "Some people get relief for up to 2 years before the nerves grow back.", GNA,
      "relief_duration", "up to 2 years", 0, 2 * Y, hedged=True,
      note="subject from the heading '3. Ablation lasts even longer'"),
    C("d13-4", "My block took less than 20 minutes from the first needle to the bandage.", GNB,
      "procedure_time", "less than 20 minutes", 0, 20 * MIN),
    C("d13-5", "The ablation was longer, about an hour", GNA, "procedure_time", "about an hour",
      *about(H)),
    C("d13-6", "each nerve is heated for 90 seconds", GNA, "other", "90 seconds", 90, 90,
      note="a step inside the procedure"),
    C("d13-7", "After the block I walked out the same day with no restrictions.", GNB,
      "recovery_time", "the same day", 0, D),
    C("d13-8", "After the ablation I had a sore knee for about a week and took it easy.", GNA,
      "side_effect_duration", "about a week", *about(W)),

    # ---------------------------------------------------------------- d14 lumbar sympathetic block
    C("d14-1", "The LSB itself takes 20-30 minutes.", LSB, "procedure_time", "20-30 minutes",
      20 * MIN, 30 * MIN),
    C("d14-2", "Your foot on the injected side should begin to feel warm within 10 to 15 minutes.",
      LSB, "onset_time", "within 10 to 15 minutes", 10 * MIN, 15 * MIN),
    C("d14-3", "Your leg may feel numb or weak for 4 to 8 hours.", LSB, "side_effect_duration",
      "4 to 8 hours", 4 * H, 8 * H, hedged=True, note="NBSPs around 'to'"),
    C("d14-4", "Do not drive for 24 hours after the block.", LSB, "activity_restriction",
      "24 hours", 24 * H, 24 * H, cond="driving"),
    C("d14-5", "If the block helps, pain relief often outlasts the anesthetic: each block may "
      "provide relief for days to weeks.", LSB, "relief_duration", "days to weeks", D, MO,
      hedged=True),
    C("d14-6", "For CRPS, we usually recommend a series of 3 blocks", LSB, "other", "3 blocks", 3,
      3, unit="count", cond=CRPS),
    C("d14-7", "given 1 to 2 weeks apart", LSB, "repeat_interval", "1 to 2 weeks", W, 2 * W,
      cond=CRPS),
    C("d14-8", "In patients with CRPS, about 6 in 10 get meaningful short-term relief from a "
      "lumbar sympathetic block.", LSB, "success_rate", "about 6 in 10", *about(0.6),
      unit="ratio", cond=CRPS),
    C("d14-9", "Side effects are usually minor: soreness in the back for 1-2 days, a drop in blood "
      "pressure, or temporary leg weakness.", LSB, "side_effect_duration", "1-2 days", D, 2 * D),

    # ---------------------------------------------------------------- d15 ganglion impar clinic
    C("d15-1", "Tailbone pain lasting longer than 2 months that hasn't responded to conservative "
      "care", GIB, "indication_duration", "longer than 2 months", 2 * MO, None,
      cond="coccydynia"),
    C("d15-2", "The whole block takes about 10 minutes", GIB, "procedure_time",
      "about 10 minutes", *about(10 * MIN)),
    C("d15-3", "Many patients feel relief almost immediately.", GIB, "onset_time",
      "almost immediately", 0, H, hedged=True),
    C("d15-4", "Relief lasts from a few weeks to several months.", GIB, "relief_duration",
      "a few weeks to several months", 2 * W, 7 * MO),
    C("d15-5", "In published case series, 70-80% of patients with coccydynia report significant "
      "improvement after a ganglion impar block.", GIB, "success_rate", "70-80%", 0.7, 0.8,
      unit="ratio", cond="coccydynia"),
    C("d15-6", "Most people resume normal activities the next day.", GIB, "recovery_time",
      "the next day", D, 2 * D, hedged=True,
      note="subject from the heading 'Ganglion Impar Block: Recovery'"),
    C("d15-7", "Mild soreness at the injection site may last 2-3 days.", GIB,
      "side_effect_duration", "2-3 days", 2 * D, 3 * D, hedged=True),
    C("d15-8", "Some numbness around the tailbone may last overnight.", GIB,
      "side_effect_duration", "overnight", 8 * H, 24 * H, hedged=True),
    C("d15-9", "Please avoid hot tubs and baths for 24 hours.", GIB, "activity_restriction",
      "24 hours", 24 * H, 24 * H, cond="bathing"),
    C("d15-10", "The procedure itself lasts 30 to 45 minutes", GIB, "procedure_time",
      "30 to 45 minutes", 30 * MIN, 45 * MIN),
    C("d15-11", "so plan on being in our office for about two hours", GIB, "other",
      "about two hours", *about(2 * H), note="whole visit"),
    C("d15-12", "Others benefit from 2 or 3 blocks", GIB, "other", "2 or 3 blocks", 2, 3,
      unit="count", hedged=True, note="size of a series", hedge_checked=True),
    C("d15-13", "spaced several weeks apart", GIB, "repeat_interval", "several weeks", 2 * W,
      7 * W, hedged=True, note="sentence starts 'Others benefit' (some patients)", hedge_checked=True),

    # ---------------------------------------------------------------- d16 trigger point clinic
    C("d16-1", "The procedure takes a few minutes", TPI, "procedure_time", "a few minutes",
      2 * MIN, 4 * MIN),
    C("d16-2", "Many patients feel the muscle loosen immediately.", TPI, "onset_time",
      "immediately", 0, H, hedged=True),
    C("d16-3", "The numbing medicine wears off after about an hour", TPI, "relief_duration",
      "about an hour", *about(H), note="anesthetic phase"),
    C("d16-4", "the full benefit usually develops over the next few days", TPI, "onset_time",
      "the next few days", 2 * D, 4 * D),
    C("d16-5", "Relief can last from a few days to several months.", TPI, "relief_duration",
      "a few days to several months", 2 * D, 7 * MO, hedged=True),
    C("d16-6", "More than half of our patients report lasting improvement after a series of "
      "injections combined with stretching.", TPI, "success_rate", "More than half", 0.5, 1.0,
      unit="ratio"),
    C("d16-7", "Avoid strenuous activity for 2 to 3 days.", TPI, "activity_restriction",
      "2 to 3 days", 2 * D, 3 * D, cond="strenuous activity"),
    C("d16-8", "Soreness at the injection site usually settles in a day or two.", TPI,
      "side_effect_duration", "a day or two", D, 2 * D),
    C("d16-9", "We space treatments 2 weeks or more apart", TPI, "repeat_interval",
      "2 weeks or more", 2 * W, None),
    C("d16-10", "usually stop after 3 or 4 sessions if the knots keep coming back", TPI, "other",
      "3 or 4 sessions", 3, 4, unit="count", note="maximum number of sessions in a course"),

    # ---------------------------------------------------------------- d17 hospital nerve block FAQ
    C("d17-1", "Blocks done with a local anesthetic alone usually wear off within hours.", NB,
      "relief_duration", "within hours", 0, 24 * H),
    C("d17-2", "When a steroid is added, relief can last weeks or months.", NB, "relief_duration",
      "weeks or months", W, Y, hedged=True),
    C("d17-3", "You should not drive for 24 hours after any nerve block.", NB,
      "activity_restriction", "24 hours", 24 * H, 24 * H, cond="driving"),
    C("d17-4", "Most people go back to work the next day.", NB, "recovery_time", "the next day",
      D, 2 * D, hedged=True),
    C("d17-5", "If you have diabetes and receive a steroid, your blood sugar can rise for 1 to 3 "
      "days.", NB, "side_effect_duration", "1 to 3 days", D, 3 * D, cond="diabetes",
      hedged=True),
    C("d17-6", "The procedure usually takes 30 to 60 minutes.", TPI, "procedure_time",
      "30 to 60 minutes", 30 * MIN, 60 * MIN,
      note="subject from the FAQ question 'How long does a trigger point injection take?'"),
    C("d17-7", "The block itself takes about 10 to 15 minutes.", SGB, "procedure_time",
      "about 10 to 15 minutes", *about(10 * MIN, 15 * MIN), note="subject from the question"),
    C("d17-8", "The anesthetic can work within minutes", FJI, "onset_time", "within minutes", 0,
      H, hedged=True),
    C("d17-9", "the steroid usually takes 2 to 3 days", FJI, "onset_time", "2 to 3 days", 2 * D,
      3 * D),
    C("d17-10", "The trial usually lasts 5 to 7 days, after which the temporary leads are removed "
      "in the office.", SCS, "other", "5 to 7 days", 5 * D, 7 * D, note="length of the trial"),

    # ---------------------------------------------------------------- d18 SCS trial
    C("d18-1", "you have had chronic back or leg pain for at least 6 months", SCS,
      "indication_duration", "at least 6 months", 6 * MO, None),
    C("d18-2", "Placing the leads takes 30 to 60 minutes", SCS, "procedure_time",
      "30 to 60 minutes", 30 * MIN, 60 * MIN),
    C("d18-3", "The trial period lasts 3 to 10 days, depending on your insurance and your doctor.",
      SCS, "other", "3 to 10 days", 3 * D, 10 * D, note="length of the trial"),
    C("d18-4", "Most patients notice a change in their pain within a day of turning the "
      "stimulator on.", SCS, "onset_time", "within a day", 0, D, hedged=True),
    C("d18-5", "A trial is considered successful if you get 50% or more pain relief and can do "
      "more of your daily activities.", SCS, "other", "50% or more", 0.5, 1.0, unit="ratio",
      note="success threshold, not a success rate; 'can' is not a hedge here", hedge_checked=True),
    C("d18-6", "Across published studies, roughly 70% of people who try SCS have a successful "
      "trial.", SCS, "success_rate", "roughly 70%", *about(0.7), unit="ratio"),
    C("d18-7", "The leads are removed in the office in a few minutes, without sedation.", SCS,
      "other", "a few minutes", 2 * MIN, 4 * MIN, note="lead removal, not the placement"),
    C("d18-8", "Soreness where the leads came out can last hours to days.", SCS,
      "side_effect_duration", "hours to days", H, 7 * D, hedged=True),
    C("d18-9", "If the trial succeeds, the permanent implant is usually scheduled 2 to 4 weeks "
      "later, to let the skin heal.", SCS, "other", "2 to 4 weeks", 2 * W, 4 * W,
      note="gap between trial and implant"),
    C("d18-10", "The permanent implant surgery takes 1 to 2 hours.", SCSI, "procedure_time",
      "1 to 2 hours", H, 2 * H),

    # ---------------------------------------------------------------- d19 clinic services page
    C("d19-1", "most of which take less than 30 minutes", SI_, "procedure_time",
      "less than 30 minutes", 0, 30 * MIN, hedged=True, occ=0),
    C("d19-2", "let you get back to your life the same day", SI_, "recovery_time",
      "the same day", 0, D, hedged=True, occ=0, note="governed by 'most of which'", hedge_checked=True),
    C("d19-3", "Many patients feel better in 3 to 5 days", ESI, "onset_time", "3 to 5 days",
      3 * D, 5 * D, hedged=True),
    C("d19-4", "relief commonly lasts 4 to 6 months", ESI, "relief_duration", "4 to 6 months",
      4 * MO, 6 * MO, hedged=True),
    C("d19-5", "For stubborn cases we may recommend a series of three epidural injections", ESI,
      "other", "three epidural injections", 3, 3, unit="count", hedged=True),
    C("d19-6", "spaced two weeks apart", ESI, "repeat_interval", "two weeks", 2 * W, 2 * W,
      hedged=True, note="same sentence as 'we may recommend'", hedge_checked=True),
    C("d19-7", "A facet joint injection calms that inflammation, and our patients typically enjoy "
      "relief for a year or more.", FJI, "relief_duration", "a year or more", Y, None),
    C("d19-8", "Medial branch blocks provide relief for 6 to 12 months for most patients and help "
      "us decide whether you are a candidate for radiofrequency ablation.", MBB,
      "relief_duration", "6 to 12 months", 6 * MO, 12 * MO, hedged=True),
    C("d19-9", "One treatment can last 9 to 18 months.", RFA, "relief_duration",
      "9 to 18 months", 9 * MO, 18 * MO, hedged=True),
    C("d19-10", "The block itself takes about an hour.", LSB, "procedure_time", "about an hour",
      *about(H)),
    C("d19-11", "most of which take less than 30 minutes", SI_, "procedure_time",
      "less than 30 minutes", 0, 30 * MIN, hedged=True, occ=1),
    C("d19-12", "let you get back to your life the same day", SI_, "recovery_time",
      "the same day", 0, D, hedged=True, occ=1, hedge_checked=True),
]

CONFLICTS = [
    X("d12-2", "d13-1", "genicular nerve block: a few hours (the anesthetic test) versus 3 to 6 "
      "months for a steroid-free block"),
    X("d12-9", "d13-1", "genicular nerve block: the at-a-glance table's few hours versus 3 to 6 "
      "months"),
    X("d06-6", "d07-2", "SI joint injection: one page promises relief for up to a year, the other "
      "says it usually lasts only a few days; the hedged maximum is two orders of magnitude above "
      "the other page's typical value, so side by side they mislead"),
    X("d06-5", "d07-2", "SI joint injection: relief that may last months versus usually only a "
      "few days"),
    X("d08-8", "d07-2", "SI joint injection: 3 to 6 months versus a few days"),
    X("d03-10", "d04-4", "epidural steroid injection: weeks to months versus a few days"),
    X("d08-4", "d04-4", "epidural steroid injection: 3-6 months versus a few days"),
    X("d19-4", "d04-4", "epidural steroid injection: 4 to 6 months versus a few days"),
    X("d04-3", "d03-9", "epidural steroid injection onset: within 24 hours versus 3 to 7 days "
      "for the steroid to start working"),
    X("d16-1", "d17-6", "trigger point injection: the procedure takes a few minutes versus 30 to "
      "60 minutes"),
    X("d02-1", "d02-10", "radiofrequency ablation on one page: 6 to 12 months near the top, 2 to "
      "3 years in the FAQ"),
    X("d05-10", "d02-10", "radiofrequency ablation: 6 to 12 months versus 2 to 3 years"),
    X("d11-6", "d11-12", "occipital nerve block on one page: can be repeated every 2 to 3 months, "
      "later never more often than every 6 months"),
    X("d15-2", "d15-10", "ganglion impar block on one page: the whole block takes about 10 "
      "minutes, later the procedure itself lasts 30 to 45 minutes"),
    X("d09-7", "d10-3", "stellate ganglion block for PTSD: a single block usually helps for a few "
      "weeks versus 3 to 6 months or longer for most people"),
    X("d09-3", "d09-10", "stellate ganglion block on one page: the droopy eyelid and hoarseness "
      "wear off within a few hours, later they usually last 2 to 3 days"),
    X("d10-5", "d09-10", "stellate ganglion block: eyelid and voice effects gone in a few hours "
      "versus 2 to 3 days"),
    X("d14-1", "d19-10", "lumbar sympathetic block: 20-30 minutes versus about an hour for the "
      "block itself"),
    X("d19-7", "d05-7", "facet joint injection: a year or more versus 1 to 3 months"),
    X("d19-8", "d05-9", "medial branch block: 6 to 12 months for most patients versus several "
      "hours by design (6 to 12 months is the RFA figure)"),
    X("d19-6", "d08-15", "epidural steroid injections: a series spaced two weeks apart versus "
      "never more often than every 3 months"),
]

CONSISTENT = [
    # the injection versus the whole visit or the observation time
    K("d01-2", "d01-3", "the injections take 15-30 minutes; about an hour and a half is the whole "
      "visit (attribute other)"),
    K("d04-1", "d04-2", "the injection takes a few minutes; an hour is the whole visit"),
    K("d15-10", "d15-11", "30 to 45 minutes is the procedure; about two hours is the visit"),
    # anesthetic phase versus steroid phase, first effect versus full effect
    K("d06-3", "d06-5", "the numbing medicine wears off in 4-6 hours; the steroid's relief may "
      "last months: two phases of one injection"),
    K("d03-8", "d03-10", "the local anesthetic wears off in a few hours; the steroid's relief "
      "lasts weeks to months"),
    K("d17-1", "d17-2", "anesthetic-only blocks wear off within hours; with a steroid relief can "
      "last weeks or months"),
    K("d16-3", "d16-5", "the numbing medicine wears off after about an hour; the relief itself "
      "lasts days to months"),
    K("d01-4", "d01-7", "a diagnostic MBB is meant to last 4 to 6 hours; several weeks only when "
      "a steroid is added"),
    K("d17-8", "d17-9", "the anesthetic works within minutes, the steroid in 2 to 3 days"),
    K("d16-2", "d16-4", "the muscle loosens immediately; the full benefit develops over a few "
      "days"),
    # different procedures
    K("d02-2", "d01-4", "different procedures: the sentence names an MBB but the 6-12 months is "
      "RFA's relief"),
    K("d12-2", "d12-4", "different procedures: the genicular nerve block (a test) versus "
      "genicular nerve ablation"),
    K("d05-4", "d05-6", "different procedures in one table: medial branch block versus "
      "radiofrequency ablation"),
    K("d18-2", "d18-10", "different procedures: trial lead placement versus the permanent implant "
      "surgery"),
    K("d18-2", "d18-7", "placing the leads versus removing them"),
    # generic versus specific
    K("d08-1", "d11-10", "a generic statement that some nerve blocks last a few hours does not "
      "contradict a specific block lasting weeks to months"),
    K("d08-2", "d12-2", "a generic statement that other nerve blocks last months does not "
      "contradict the genicular block's few hours"),
    K("d17-2", "d04-4", "generic nerve-block statement versus a specific epidural claim"),
    K("d19-1", "d19-10", "most spine injections take under 30 minutes; the lumbar sympathetic "
      "block is one specific procedure"),
    # different conditions or approaches
    K("d11-7", "d11-8", "different conditions: occipital neuralgia versus chronic migraine"),
    K("d11-8", "d11-9", "different conditions: chronic migraine versus cluster headache"),
    K("d03-5", "d03-6", "different conditions: herniated disc versus spinal stenosis"),
    K("d03-2", "d03-3", "different approaches: transforaminal versus caudal"),
    K("d06-8", "d06-10", "different activities: driving versus strenuous exercise"),
    K("d04-11", "d04-7", "different activities: a shower the same evening, baths and pools "
      "after 48 hours"),
    K("d07-5", "d05-10", "RFA for SI joint pain versus facet RFA; the values overlap anyway"),
    # different attributes
    K("d01-1", "d01-4", "how long pain must have lasted (3 months) versus how long relief lasts"),
    K("d03-9", "d03-10", "onset (3 to 7 days) versus duration (weeks to months)"),
    K("d02-7", "d02-1", "onset of full benefit versus duration of relief"),
    K("d02-6", "d02-1", "soreness versus relief"),
    K("d18-5", "d18-6", "a 50% relief threshold versus a 70% success rate"),
    # repeated statements
    K("d02-1", "d02-9", "the same marketing paragraph twice"),
    K("d05-6", "d05-10", "table and prose give the same 6 to 12 months"),
    # overlapping values, hedged maximum versus typical value
    K("d08-4", "d19-4", "3-6 months and 4 to 6 months overlap"),
    K("d06-6", "d08-8", "a hedged maximum (up to a year) does not contradict a typical 3 to 6 "
      "months within it"),
    K("d13-3", "d12-4", "some people up to 2 years versus typically 6 to 12 months: the typical "
      "range lies within the hedged maximum"),
    K("d12-5", "d13-2", "up to 80 percent and seven out of ten agree"),
    K("d09-1", "d10-1", "about 10 minutes is less than 20 minutes"),
    K("d04-8", "d04-9", "every 3 months is at most 4 a year"),
    K("d03-13", "d04-9", "no more than 3-4 a year and no more than 4 a year agree"),
]
