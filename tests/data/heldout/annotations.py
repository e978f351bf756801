"""Hand annotation of the held-out corpus (tests/data/heldout/sources/).

This is the readable source of gold/*.jsonl: build_gold.py finds each quote in its file, computes
line/start/end and validates everything.  Edit this file, then run

    python tests/data/heldout/build_gold.py

Each claim is written with ``c(id, source, quote, value_text, subject, attribute, low, high, ...)``.
``quote`` is the exact text of the sentence (or of a pipe-table row from its first "|" through the
value cell's closing "|"); pass ``occurrence=N`` (0-based) only when the same text occurs more than
once in the file.  Bounds are seconds (unit "s") or fractions 0..1 (unit "ratio"); ``None`` is open.
Conventions for debatable readings are listed in README.md next to this file.
"""

# --- units (DESIGN.md: month = 30.44 days, year = 365.25 days) ---------------------------------
MIN = 60
H = 3600
D = 86400
W = 7 * D
MO = 2629800
Y = 31557600

NBSP = "\u00a0"


def about(x):
    """'about X' reads as X +/- 15 %."""
    if isinstance(x, float) and x <= 1:
        return (round(x * 0.85, 4), round(x * 1.15, 4))
    return (round(x * 0.85), round(x * 1.15))


# --- canonical subjects ---------------------------------------------------------------------------
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
NB = "nerve block"
DRY = "dry needling"

# --- conditions -------------------------------------------------------------------------------------
CRPS = "complex regional pain syndrome"
PTSD = "post-traumatic stress disorder"

S = {
    "h01": "h01_northgate_facet_leaflet.txt",
    "h02": "h02_summit_spine_rfa.txt",
    "h03": "h03_lakeside_esi_faq.txt",
    "h04": "h04_crestline_policy_summary.txt",
    "h05": "h05_backpain_diaries_blog.txt",
    "h06": "h06_stellate_ganglion_block.md",
    "h07": "h07_sympathetic_blocks.html",
    "h08": "h08_knee_genicular.txt",
    "h09": "h09_occipital_nerve_block.txt",
    "h10": "h10_si_and_facet_injections.txt",
    "h11": "h11_trigger_point_injections.txt",
    "h12": "h12_scs_trial_guide.txt",
}

CLAIMS = []


def c(id, quote, value_text, subject, attribute, low, high, *, hedged=False, condition=None,
      unit="s", occurrence=None):
    CLAIMS.append(dict(id=id, source=S[id.split("-")[0]], quote=quote, value_text=value_text,
                       subject=subject, attribute=attribute, condition=condition, low=low,
                       high=high, unit=unit, hedged=hedged, occurrence=occurrence))


def r(id, quote, value_text, subject, attribute, low, high, **kw):
    """A ratio claim."""
    c(id, quote, value_text, subject, attribute, low, high, unit="ratio", **kw)


# =================================================================================================
# h01: university hospital leaflet, lumbar and cervical medial branch blocks and RFA (UK spelling)
# Not claims: phone 0161 496 0732, L4/L5, C5/C6, 0.5 mL of 0.5% bupivacaine, pain score 0-10,
# 80°C for 90 seconds (lesion parameter), 212 patients, 2019-2021, reference years, review date.
q = ("We usually consider a medial branch block for adults whose neck or back pain has been present "
     "for at least three months and has not settled with physiotherapy, exercise and painkillers.")
c("h01-1", q, "at least three months", MBB, "indication_duration", 3 * MO, None)
c("h01-2", "Relief from a medial branch block usually lasts between 4 and 8 hours, after which your "
  "usual pain returns.", "between 4 and 8 hours", MBB, "relief_duration", 4 * H, 8 * H)
q = (f"The injections themselves take about 10{NBSP}minutes, but please plan to be in the department "
     f"for around 90{NBSP}minutes including admission and recovery.")
c("h01-3", q, f"about 10{NBSP}minutes", MBB, "procedure_time", *about(10 * MIN))
c("h01-4", q, f"around 90{NBSP}minutes", MBB, "other", *about(90 * MIN))  # whole visit, not the injection
c("h01-5", f"Radiofrequency denervation takes longer than the test block, typically 45 to 90{NBSP}minutes "
  "depending on how many levels are treated.", f"45 to 90{NBSP}minutes", RFA, "procedure_time",
  45 * MIN, 90 * MIN)
r("h01-6", "In our own audit of 212 patients treated between 2019 and 2021, about 6 in 10 people reported "
  "at least half of their pain gone six months after lumbar treatment.", "about 6 in 10", RFA,
  "success_rate", *about(0.6))
c("h01-7", "For those who benefit, relief typically lasts 9 to 12 months.", "9 to 12 months", RFA,
  "relief_duration", 9 * MO, 12 * MO)
c("h01-8", "Some people find the benefit lasts up to 2 years.", "up to 2 years", RFA, "relief_duration",
  0, 2 * Y, hedged=True)
c("h01-9", "Results in the neck are similar: after cervical radiofrequency denervation, relief lasts on "
  "average 8 to 14 months.", "on average 8 to 14 months", RFA, "relief_duration", 8 * MO, 14 * MO,
  condition="neck pain")
c("h01-10", "The treatment can be repeated if this happens, but not sooner than 6 months after the "
  "previous procedure.", "not sooner than 6 months", RFA, "repeat_interval", 6 * MO, None, hedged=True)
c("h01-11", "It can take 2 to 4 weeks before you notice the full benefit, and your pain may feel a little "
  "worse at first.", "2 to 4 weeks", RFA, "onset_time", 2 * W, 4 * W, hedged=True)
c("h01-12", "A sunburn-like soreness over the treated area is common and can last two to three weeks.",
  "two to three weeks", RFA, "side_effect_duration", 2 * W, 3 * W, hedged=True)
q = "You must not drive for 24 hours after either procedure, so please arrange for an adult to take you home."
c("h01-13", q, "24 hours", MBB, "activity_restriction", D, D)
c("h01-14", q, "24 hours", RFA, "activity_restriction", D, D)

# =================================================================================================
# h02: private practice marketing page (RFA, diagnostic MBB, genicular RFA) with testimonials
# Not claims: phone, 5,000 procedures, 2011, rating 4.9 / 1,200+, "about a minute and a half"
# (lesion time per nerve), three or four nerves, 9/10 -> 1/10, age 67, January 2022, $1,850, 12/31/2025.
c("h02-1", f"Our RFA procedure takes about 20{NBSP}minutes, and you’ll be on your way home shortly after.",
  f"about 20{NBSP}minutes", RFA, "procedure_time", *about(20 * MIN))
c("h02-2", "Results typically last two to three years, and many of our patients never need a second "
  "treatment.", "two to three years", RFA, "relief_duration", 2 * Y, 3 * Y)
c("h02-3", "Many of our patients enjoy relief for several weeks after their medial branch block, and some "
  "don’t even need to move on to RFA!", "several weeks", MBB, "relief_duration", 2 * W, 7 * W,
  hedged=True)
c("h02-4", "Most people drive themselves home straight after a diagnostic block.", "straight after", MBB,
  "activity_restriction", 0, H, hedged=True)
c("h02-5", "Most patients feel significant relief within 1 to 3 weeks.", "within 1 to 3 weeks", RFA,
  "onset_time", W, 3 * W, hedged=True)
q = "Knee patients typically enjoy 18 to 24 months of relief, and over 85% report improvement."
c("h02-6", q, "18 to 24 months", GNA, "relief_duration", 18 * MO, 24 * MO)
r("h02-7", q, "over 85%", GNA, "success_rate", 0.85, None)
c("h02-8", "After years of pain, I was playing golf again within a week.", "within a week", RFA,
  "recovery_time", 0, W, hedged=True)  # one patient's testimonial
c("h02-9", "Results typically last two to three years, he told me, and so far he’s right!",
  "two to three years", RFA, "relief_duration", 2 * Y, 3 * Y)
c("h02-10", "The procedure usually lasts 45 to 90 minutes, depending on how many levels we treat.",
  "45 to 90 minutes", RFA, "procedure_time", 45 * MIN, 90 * MIN)
c("h02-11", "Most patients return to normal activities within 24 to 72 hours.", "within 24 to 72 hours",
  RFA, "recovery_time", D, 3 * D, hedged=True)
c("h02-12", "We recommend no heavy lifting for 48 hours.", "48 hours", RFA, "activity_restriction",
  2 * D, 2 * D)
c("h02-13", "If your pain comes back, RFA can be safely repeated, usually once a year.", "once a year", RFA,
  "repeat_interval", Y, Y, hedged=True)

# =================================================================================================
# h03: clinic FAQ on epidural steroid injections (plus one facet joint answer)
# Not claims: 14 February 2024, 80 mg / 10 mg, 101°F, phone, opening hours, street address.
c("h03-1", "Relief from the steroid typically lasts three to six months.", "three to six months", ESI,
  "relief_duration", 3 * MO, 6 * MO)
c("h03-2", "The injection itself takes 5 to 10 minutes.", "5 to 10 minutes", ESI, "procedure_time",
  5 * MIN, 10 * MIN)
c("h03-3", "Including check-in and a short observation period, expect to spend about an hour at the center.",
  "about an hour", ESI, "other", *about(H))  # whole visit
c("h03-4", "The local anesthetic may give you a few hours of relief.", "a few hours", ESI,
  "relief_duration", 2 * H, 4 * H, hedged=True)  # anesthetic phase
q = "The steroid starts to work after 2 to 3 days, although for some people it takes a week or more."
c("h03-5", q, "after 2 to 3 days", ESI, "onset_time", 2 * D, 3 * D)
c("h03-6", q, "a week or more", ESI, "onset_time", W, None, hedged=True)
r("h03-7", "| Herniated disc with leg pain | 65–75% |", "65–75%", ESI, "success_rate", 0.65, 0.75,
  condition="herniated disc")
c("h03-8", "| Herniated disc with leg pain | 65–75% | 3–6 months |", "3–6 months", ESI, "relief_duration",
  3 * MO, 6 * MO, condition="herniated disc")
r("h03-9", "| Lumbar spinal stenosis | 50–60% |", "50–60%", ESI, "success_rate", 0.5, 0.6,
  condition="spinal stenosis")
c("h03-10", "| Lumbar spinal stenosis | 50–60% | 1–3 months |", "1–3 months", ESI, "relief_duration",
  MO, 3 * MO, condition="spinal stenosis")
r("h03-11", "| Back pain without leg pain | about 30% |", "about 30%", ESI, "success_rate", *about(0.3),
  condition="axial back pain")
c("h03-12", "| Back pain without leg pain | about 30% | a few weeks |", "a few weeks", ESI,
  "relief_duration", 2 * W, 4 * W, condition="axial back pain")
c("h03-13", "Your leg may feel heavy or numb for a few hours.", "a few hours", ESI, "side_effect_duration",
  2 * H, 4 * H, hedged=True)
c("h03-14", "Some people have a flushed face, trouble sleeping or raised blood sugar for 1 to 3 days, "
  "especially people with diabetes.", "1 to 3 days", ESI, "side_effect_duration", D, 3 * D, hedged=True)
c("h03-15", "Most people go back to work the next day.", "the next day", ESI, "recovery_time", D, 2 * D,
  hedged=True)
q = "Please do not drive for the rest of the day, and avoid hot tubs and baths for 24 hours."
c("h03-16", q, "for the rest of the day", ESI, "activity_restriction", 0, D)
c("h03-17", q, "24 hours", ESI, "activity_restriction", D, D)
c("h03-18", "We space injections at least three months apart to keep steroid exposure low.",
  "at least three months apart", ESI, "repeat_interval", 3 * MO, None)
c("h03-19", "Many patients notice the steroid’s effect for one to three weeks; if your pain returns "
  "quickly, your doctor may recommend a different treatment.", "one to three weeks", ESI,
  "relief_duration", W, 3 * W, hedged=True)
c("h03-20", "How long they last varies: anywhere from a few days to a couple of weeks.",
  "anywhere from a few days to a couple of weeks", FJI, "relief_duration", 2 * D, 2 * W)

# =================================================================================================
# h04: insurer medical policy summary (criteria and limits)
# Not claims: policy number, effective/review dates, CPT codes, "Two separate blocks", phone.
c("h04-1", "Radicular pain (pain radiating into an arm or leg) has been present for at least 4 weeks.",
  "at least 4 weeks", ESI, "indication_duration", 4 * W, None)
q = ("Repeat injections: a repeat ESI in the same region is covered only if the previous injection gave "
     "at least 50% relief lasting at least 6 weeks.")
r("h04-2", q, "at least 50%", ESI, "other", 0.5, None)  # relief threshold of a coverage criterion
c("h04-3", q, "at least 6 weeks", ESI, "relief_duration", 6 * W, None)  # coverage criterion
c("h04-4", "No more than 4 injections per 12 months per spinal region are covered.",
  "No more than 4 injections per 12 months", ESI, "repeat_interval", 3 * MO, None)
c("h04-5", "Diagnostic medial branch blocks: covered for axial neck or back pain present for at least "
  "3 months despite conservative care.", "at least 3 months", MBB, "indication_duration", 3 * MO, None)
r("h04-6", "Two separate blocks are required before radiofrequency ablation, and each must produce at "
  "least 80% relief for the expected duration of the anesthetic used.", "at least 80%", MBB, "other",
  0.8, None)
q = ("Radiofrequency ablation (RFA): a repeat RFA at the same level is covered no more than twice in a "
     "rolling 12-month period, and only if the prior RFA gave at least 50% relief for at least 6 months.")
c("h04-7", q, "no more than twice in a rolling 12-month period", RFA, "repeat_interval", 6 * MO, None)
r("h04-8", q, "at least 50%", RFA, "other", 0.5, None)
c("h04-9", q, "at least 6 months", RFA, "relief_duration", 6 * MO, None)  # coverage criterion
q = "A repeat therapeutic SI joint injection is covered only after at least 50% relief lasting at least 6 weeks."
r("h04-10", q, "at least 50%", SIJ, "other", 0.5, None)
c("h04-11", q, "at least 6 weeks", SIJ, "relief_duration", 6 * W, None)  # coverage criterion
c("h04-12", "Up to 4 sessions of trigger point injections per 12 months are covered.",
  "Up to 4 sessions of trigger point injections per 12 months", TPI, "repeat_interval", 3 * MO, None,
  hedged=True)
c("h04-13", "Chronic neuropathic pain for at least 6 months that has not responded to conservative "
  "treatment.", "at least 6 months", SCS, "indication_duration", 6 * MO, None)
c("h04-14", "The trial should last 3 to 10 days.", "3 to 10 days", SCS, "other", 3 * D, 10 * D)  # trial length
r("h04-15", "A trial is considered successful when the member reports at least 50% pain relief.",
  "at least 50%", SCS, "other", 0.5, None)  # success criterion, not a success rate
c("h04-16", "| Epidural steroid injection | 4 weeks |", "4 weeks", ESI, "indication_duration", 4 * W, None)
c("h04-17", "| Epidural steroid injection | 4 weeks | 4 per 12 months |", "4 per 12 months", ESI,
  "repeat_interval", 3 * MO, None)
c("h04-18", "| Facet joint injection | 3 months |", "3 months", FJI, "indication_duration", 3 * MO, None)
c("h04-19", "| Facet joint injection | 3 months | 2 per 12 months |", "2 per 12 months", FJI,
  "repeat_interval", 6 * MO, None)
c("h04-20", "| SI joint injection | 3 months |", "3 months", SIJ, "indication_duration", 3 * MO, None)
c("h04-21", "| SI joint injection | 3 months | 4 per 12 months |", "4 per 12 months", SIJ,
  "repeat_interval", 3 * MO, None)

# =================================================================================================
# h05: patient blog (anecdotes are claims, hedged: they are one person's experience)
# Not claims: March 3, 2024, 14 min read, 37 comments, mom of three, age 44, L5-S1, 2019, 8/10,
# "Two rounds of test blocks", L3/L4/L5, $40, "About 60% less leg pain" (personal outcome), May,
# 0-10 scale three times a day (pain diary).
c("h05-1", "The actual needle part took maybe ten minutes, and then they wheeled me to recovery for juice "
  "and crackers.", "maybe ten minutes", ESI, "procedure_time", *about(10 * MIN), hedged=True)
c("h05-2", "My doctor said it can take up to two weeks for the steroid to kick in, so I tried not to panic.",
  "up to two weeks", ESI, "onset_time", 0, 2 * W, hedged=True)
c("h05-3", "The first one gave me about five weeks before the leg pain crept back.", "about five weeks",
  ESI, "relief_duration", *about(5 * W), hedged=True)
c("h05-4", "When I asked about doing it again, the PA told me I could have one every four weeks if I "
  "needed it.", "every four weeks", ESI, "repeat_interval", 4 * W, 4 * W, hedged=True)
c("h05-5", "The sunburn feeling over my lower back after the RFA lasted about ten days for me.",
  "about ten days", RFA, "side_effect_duration", *about(10 * D), hedged=True)
c("h05-6", "My first RFA lasted about 11 months, which felt like a miracle.", "about 11 months", RFA,
  "relief_duration", *about(11 * MO), hedged=True)
r("h05-7", "The rep from the device company told me 9 out of 10 trials are successful, which I’ll admit "
  "made me feel better going in.", "9 out of 10", SCS, "success_rate", 0.9, 0.9)
c("h05-8", "My trial lasted seven days.", "seven days", SCS, "other", 7 * D, 7 * D, hedged=True)
c("h05-9", "My epidural lasted almost four months, so everyone really is different!", "almost four months",
  ESI, "relief_duration", about(4 * MO)[0], 4 * MO, hedged=True)
c("h05-10", "My stim trial was only five days though.", "five days", SCS, "other", 5 * D, 5 * D,
  hedged=True)

# =================================================================================================
# h06: Markdown page on stellate ganglion block (CRPS versus PTSD)
# Not claims: front-matter date, reading time 6 minutes, C6, 5 mL of 0.25% bupivacaine,
# "one or two injections", 11 years, 2023, phone, 2008.
c("h06-1", "The block takes 10 to 15 minutes from start to finish.", "10 to 15 minutes", SGB,
  "procedure_time", 10 * MIN, 15 * MIN)
c("h06-2", "You will be watched in our recovery area for 30 minutes afterward.", "30 minutes", SGB,
  "other", 30 * MIN, 30 * MIN)  # observation period
c("h06-3", "Within a few minutes, most people notice warmth in the hand and a droopy eyelid, a small pupil "
  "and a stuffy nose on the same side.", "Within a few minutes", SGB, "onset_time", 0, 4 * MIN,
  hedged=True)
c("h06-4", "It is a sign the block is working, and it usually wears off within 4 to 6 hours.",
  "within 4 to 6 hours", SGB, "side_effect_duration", 4 * H, 6 * H)
c("h06-5", "Do not eat or drink for one hour after the block**, because your throat may be partly numb.",
  "one hour", SGB, "activity_restriction", H, H)
c("h06-6", "For CRPS, pain relief from a single block usually lasts from several hours to a few days.",
  "from several hours to a few days", SGB, "relief_duration", 2 * H, 4 * D, condition=CRPS)
c("h06-7", "That is why we usually recommend a series of blocks, typically given one to two weeks apart, "
  "alongside physical therapy.", "one to two weeks apart", SGB, "repeat_interval", W, 2 * W,
  condition=CRPS)
c("h06-8", "Some patients notice changes within 30 minutes.", "within 30 minutes", SGB, "onset_time",
  0, 30 * MIN, hedged=True, condition=PTSD)
c("h06-9", "Many patients report that the benefits last three to six months or longer after one or two "
  "injections.", "three to six months or longer", SGB, "relief_duration", 3 * MO, None, hedged=True,
  condition=PTSD)

# =================================================================================================
# h07: HTML page on sympathetic blocks (quotes and offsets are in the raw HTML, entities included)
# Not claims: css version 20230611, analytics id, phone, L2/L3, "three to five blocks",
# warfarin 5 days / clopidogrel 7 days (medication holds), ZIP code, 2023.
c("h07-1", "As with most nerve blocks, relief from the local anesthetic itself fades within several hours, "
  "but the effect on the sympathetic nerves can outlast it.", "within several hours", NB,
  "relief_duration", 0, 7 * H, hedged=True)
c("h07-2", "The injection takes about 10 minutes and is done with ultrasound guidance.", "about 10 minutes",
  SGB, "procedure_time", *about(10 * MIN))
c("h07-3", "For CRPS of the arm, relief after each stellate ganglion block typically lasts 2&ndash;4 weeks, "
  "and many patients need a series of three to five blocks.", "2&ndash;4 weeks", SGB, "relief_duration",
  2 * W, 4 * W, condition=CRPS)
c("h07-4", "The procedure takes 20 to 30&nbsp;minutes.", "20 to 30&nbsp;minutes", LSB, "procedure_time",
  20 * MIN, 30 * MIN)
c("h07-5", "Your leg will feel warm and may be numb or weak for 4 to 6 hours, so you will need someone to "
  "drive you home.", "4 to 6 hours", LSB, "side_effect_duration", 4 * H, 6 * H, hedged=True)
c("h07-6", "If the block works, relief may last for days to weeks after the anesthetic has worn off.",
  "days to weeks", LSB, "relief_duration", D, MO, hedged=True)
c("h07-7", "Blocks are often repeated every 1 to 2 weeks as part of a series.", "every 1 to 2 weeks", LSB,
  "repeat_interval", W, 2 * W, hedged=True)
c("h07-8", "Most people resume normal activities the next day.", "the next day", LSB, "recovery_time",
  D, 2 * D, hedged=True)
q = ("The ganglion impar block itself takes only about 5 minutes, but with check-in and recovery your "
     "appointment will last about an hour.")
c("h07-9", q, "about 5 minutes", GIB, "procedure_time", *about(5 * MIN))
c("h07-10", q, "about an hour", GIB, "other", *about(H))  # whole appointment
c("h07-11", "For tailbone pain, many patients get relief lasting several weeks to several months, and the "
  "block can be repeated or followed by radiofrequency ablation.", "several weeks to several months", GIB,
  "relief_duration", 2 * W, 7 * MO, hedged=True, condition="coccyx pain")

# =================================================================================================
# h08: orthopaedic practice page, genicular nerve block (test) and genicular nerve ablation
# Not claims: August 2024, 30 million adults, three or four nerves, Kellgren-Lawrence grade 3 or 4,
# "at least 50% less knee pain six months after" (inside the success-rate claim), age 80, phone,
# reference years.
c("h08-1", "It takes about 15 minutes.", "about 15 minutes", GNB, "procedure_time", *about(15 * MIN))
c("h08-2", "When only local anesthetic is used, relief lasts a few hours.", "a few hours", GNB,
  "relief_duration", 2 * H, 4 * H)
c("h08-3", "When a steroid is added, some patients get 2 to 3 months of relief from the block alone.",
  "2 to 3 months", GNB, "relief_duration", 2 * MO, 3 * MO, hedged=True)
c("h08-4", "The procedure takes 45 minutes to an hour, and you go home the same day.",
  "45 minutes to an hour", GNA, "procedure_time", 45 * MIN, H)
c("h08-5", "Most patients notice improvement within 2 to 3 weeks as the treated nerves stop firing.",
  "within 2 to 3 weeks", GNA, "onset_time", 2 * W, 3 * W, hedged=True)
c("h08-6", "Relief from genicular nerve ablation typically lasts 6 to 12 months.", "6 to 12 months", GNA,
  "relief_duration", 6 * MO, 12 * MO)
r("h08-7", "In published studies, around two-thirds of patients reported at least 50% less knee pain six "
  "months after genicular ablation.", "around two-thirds", GNA, "success_rate", *about(2 / 3))
c("h08-8", "Genicular ablation is usually offered to patients whose knee pain has lasted at least six "
  "months despite other treatment, with X-rays showing moderate to severe arthritis (Kellgren–Lawrence "
  "grade 3 or 4).", "at least six months", GNA, "indication_duration", 6 * MO, None)
c("h08-9", "You can walk right away.", "right away", GNA, "recovery_time", 0, H, hedged=True)
c("h08-10", "Please avoid running, jumping and heavy exercise for one week.", "one week", GNA,
  "activity_restriction", W, W)
c("h08-11", "Some bruising or tenderness around the knee can last 1 to 2 weeks.", "1 to 2 weeks", GNA,
  "side_effect_duration", W, 2 * W, hedged=True)

# =================================================================================================
# h09: headache clinic page on occipital nerve blocks (text versus "At a glance" table)
# Not claims: phone/fax, "appointments available within 3 weeks" (waiting time), C2,
# "15 or more headache days a month" (definition of chronic migraine), 2 mL of 2% lidocaine,
# 40 mg methylprednisolone, ZIP code, 2024.
c("h09-1", "The injection takes only a few minutes, and you can drive yourself home.", "only a few minutes",
  ONB, "procedure_time", 2 * MIN, 4 * MIN)
c("h09-2", "Many patients feel the back of the head go numb and their headache ease within 15 minutes.",
  "within 15 minutes", ONB, "onset_time", 0, 15 * MIN, hedged=True)
c("h09-3", "The steroid part of the injection usually starts working in 3 to 5 days.", "in 3 to 5 days",
  ONB, "onset_time", 3 * D, 5 * D)
c("h09-4", "The scalp may stay numb for a few hours.", "a few hours", ONB, "side_effect_duration",
  2 * H, 4 * H, hedged=True)
c("h09-5", "Relief from an occipital nerve block usually lasts 4 to 12 weeks.", "4 to 12 weeks", ONB,
  "relief_duration", 4 * W, 12 * W)
c("h09-6", "For cluster headache, a block with steroid can break a cluster bout, with benefit often lasting "
  "a few weeks.", "a few weeks", ONB, "relief_duration", 2 * W, 4 * W, hedged=True,
  condition="cluster headache")
c("h09-7", "Nerve blocks in general can give relief anywhere from a few hours to several months, depending "
  "on the medicine used and the cause of the pain.", "anywhere from a few hours to several months", NB,
  "relief_duration", 2 * H, 7 * MO, hedged=True)
c("h09-8", "Because of the steroid, we do not repeat blocks more often than every 3 months.",
  "more often than every 3 months", ONB, "repeat_interval", 3 * MO, None)
c("h09-9", "| How long does it take? | 2–5 minutes |", "2–5 minutes", ONB, "procedure_time",
  2 * MIN, 5 * MIN)
c("h09-10", "| When does it start working? | Minutes to a few days |", "Minutes to a few days", ONB,
  "onset_time", MIN, 4 * D)
c("h09-11", "| How long does relief last? | 6–9 months |", "6–9 months", ONB, "relief_duration",
  6 * MO, 9 * MO)
c("h09-12", "| How often can it be repeated? | Every 3 months |", "Every 3 months", ONB,
  "repeat_interval", 3 * MO, 3 * MO, hedged=True)

# =================================================================================================
# h10: hospital system page, facet joint and SI joint injections
# Not claims: L4-L5, L5-S1, phone, street address, 2nd Floor, 11/2023, reference number.
# A sentence that applies to both injections gives one claim per procedure.
c("h10-1", "A facet joint injection at one or two levels takes about 15 minutes.", "about 15 minutes", FJI,
  "procedure_time", *about(15 * MIN))
c("h10-2", "An SI joint injection takes 10 to 20 minutes.", "10 to 20 minutes", SIJ, "procedure_time",
  10 * MIN, 20 * MIN)
c("h10-3", "For SI joint injections, the steroid usually begins to work in 2 to 7 days.", "in 2 to 7 days",
  SIJ, "onset_time", 2 * D, 7 * D)
q = ("Relief from SI joint injections tends to last 2 to 3 months, while facet joint injections usually "
     "help for 1 to 3 months.")
c("h10-4", q, "2 to 3 months", SIJ, "relief_duration", 2 * MO, 3 * MO)
c("h10-5", q, "1 to 3 months", FJI, "relief_duration", MO, 3 * MO)
q = "Soreness at the injection site may last 1 to 2 days."
c("h10-6", q, "1 to 2 days", FJI, "side_effect_duration", D, 2 * D, hedged=True)
c("h10-7", q, "1 to 2 days", SIJ, "side_effect_duration", D, 2 * D, hedged=True)
c("h10-8", "If you have diabetes, your blood sugar may be higher than usual for up to 48 hours after an SI "
  "joint injection, so check it more often.", "up to 48 hours", SIJ, "side_effect_duration", 0, 2 * D,
  hedged=True, condition="diabetes")
q = "Have someone drive you home and rest for the remainder of the day."
c("h10-9", q, "for the remainder of the day", FJI, "activity_restriction", 0, D)
c("h10-10", q, "for the remainder of the day", SIJ, "activity_restriction", 0, D)

# =================================================================================================
# h11: physical medicine practice page, trigger point injections (and dry needling)
# Not claims: phone, 1% lidocaine, 27-gauge, "daily to maybe twice a month" (headache frequency,
# an outcome), age 34, $75, "up to 4 trigger points" (per session), opening hours, ZIP code.
q = ("The injections themselves take just a few minutes, though your whole visit will usually take about "
     "half an hour.")
c("h11-1", q, "just a few minutes", TPI, "procedure_time", 2 * MIN, 4 * MIN)
c("h11-2", q, "about half an hour", TPI, "other", *about(30 * MIN))  # whole visit
c("h11-3", "Many people feel relief right away as the anesthetic takes effect.", "right away", TPI,
  "onset_time", 0, H, hedged=True)
c("h11-4", "Afterwards, soreness at the injection sites is normal and usually lasts a day or two.",
  "a day or two", TPI, "side_effect_duration", D, 2 * D)
q = ("You can go back to work right away, but we recommend avoiding strenuous exercise for 2 to 3 days "
     "while the muscle recovers.")
c("h11-5", q, "right away", TPI, "recovery_time", 0, H, hedged=True)
c("h11-6", q, "2 to 3 days", TPI, "activity_restriction", 2 * D, 3 * D)
c("h11-7", "Relief from trigger point injections can last anywhere from several days to several weeks, and "
  "results often build with each treatment when combined with stretching, posture work and physical "
  "therapy.", "anywhere from several days to several weeks", TPI, "relief_duration", 2 * D, 7 * W,
  hedged=True)
c("h11-8", "Injections can be repeated, usually no more than once every 2 months in the same muscle.",
  "no more than once every 2 months", TPI, "repeat_interval", 2 * MO, None, hedged=True)
q = "Unlike trigger point injections, dry needling is usually done weekly for 4 to 6 weeks."
c("h11-9", q, "weekly", DRY, "repeat_interval", W, W)
c("h11-10", q, "4 to 6 weeks", DRY, "other", 4 * W, 6 * W)  # length of a course
c("h11-11", "My shoulder felt looser the same afternoon.", "the same afternoon", TPI, "onset_time",
  0, 12 * H, hedged=True)
c("h11-12", "Post-injection soreness can last up to a week, especially in larger muscles like the glutes.",
  "up to a week", TPI, "side_effect_duration", 0, W, hedged=True)

# =================================================================================================
# h12: university hospital handout, spinal cord stimulator trial
# Not claims: form number, rev. 10/2023, T8 to T10, 10 pounds, phone, office hours.
c("h12-1", "A trial may be considered if you have nerve-related pain in the back, legs or arms that has "
  "lasted at least six months and has not improved enough with medicines, physical therapy, injections or "
  "surgery.", "at least six months", SCS, "indication_duration", 6 * MO, None, hedged=True)
c("h12-2", "Placing the trial leads takes about 30 to 60 minutes.", "about 30 to 60 minutes", SCS,
  "procedure_time", 30 * MIN, 60 * MIN)
c("h12-3", "The trial usually lasts 5 to 7 days.", "5 to 7 days", SCS, "other", 5 * D, 7 * D)  # trial length
r("h12-4", "A trial is considered a success if you have at least a 50% reduction in pain, along with better "
  "function or less pain medicine.", "at least a 50%", SCS, "other", 0.5, None)  # success criterion
r("h12-5", "Roughly 50 to 70 percent of patients have a successful trial, according to published studies and "
  "our own records.", "Roughly 50 to 70 percent", SCS, "success_rate", 0.5, 0.7)
c("h12-6", "Removing the trial leads takes only a few minutes in the clinic and does not need any "
  "anesthetic.", "only a few minutes", SCS, "procedure_time", 2 * MIN, 4 * MIN)  # lead removal
c("h12-7", "You can shower 48 hours after the leads are removed.", "48 hours", SCS, "activity_restriction",
  2 * D, 2 * D, hedged=True)
r("h12-8", "Infection occurs in about 2 to 3 percent of trials.", "about 2 to 3 percent", SCS, "other",
  0.02, 0.03)  # complication rate


# =================================================================================================
CONFLICTS = [
    dict(claims=["h01-2", "h02-3"], kind="cross-document",
         why="medial branch block relief: 4 to 8 hours (the anaesthetic test) versus several weeks"),
    dict(claims=["h01-13", "h02-4"], kind="cross-document",
         why="driving after a medial branch block: not for 24 hours versus driving home straight after"),
    dict(claims=["h01-7", "h02-2"], kind="cross-document",
         why="RFA relief typically 9 to 12 months versus typically two to three years"),
    dict(claims=["h02-1", "h02-10"], kind="same-document",
         why="the same page says the RFA procedure takes about 20 minutes and 45 to 90 minutes"),
    dict(claims=["h01-5", "h02-1"], kind="cross-document",
         why="RFA procedure time: typically 45 to 90 minutes versus about 20 minutes"),
    dict(claims=["h03-1", "h03-19"], kind="same-document",
         why="steroid relief typically three to six months versus one to three weeks in a later answer"),
    dict(claims=["h03-18", "h05-4"], kind="cross-document",
         why="epidural injections at least three months apart versus one every four weeks"),
    dict(claims=["h03-20", "h10-5"], kind="cross-document",
         why="facet joint injection relief: a few days to a couple of weeks versus 1 to 3 months"),
    dict(claims=["h06-6", "h07-3"], kind="cross-document",
         why="stellate ganglion block for CRPS: several hours to a few days versus 2 to 4 weeks per block"),
    dict(claims=["h02-6", "h08-6"], kind="cross-document",
         why="genicular nerve ablation relief: 18 to 24 months versus 6 to 12 months"),
    dict(claims=["h02-7", "h08-7"], kind="cross-document",
         why="genicular nerve ablation success: over 85% versus around two-thirds"),
    dict(claims=["h09-5", "h09-11"], kind="same-document",
         why="occipital nerve block relief: 4 to 12 weeks in the text versus 6 to 9 months in the table"),
    dict(claims=["h05-7", "h12-5"], kind="cross-document",
         why="spinal cord stimulator trial success: 9 out of 10 versus roughly 50 to 70 percent"),
]

CONSISTENT = [
    dict(claims=["h01-3", "h01-4"],
         why="the injections take about 10 minutes; around 90 minutes is the whole visit"),
    dict(claims=["h01-7", "h01-8"],
         why="typical 9 to 12 months and a hedged maximum of up to 2 years for some people"),
    dict(claims=["h01-11", "h02-5"],
         why="onset of RFA benefit: 2 to 4 weeks and within 1 to 3 weeks overlap"),
    dict(claims=["h01-12", "h05-5"],
         why="soreness 'can last two to three weeks' is a hedged possibility; one patient's ten days is "
             "shorter, not contradictory"),
    dict(claims=["h02-2", "h02-9"], why="the same statement repeated in a testimonial"),
    dict(claims=["h03-4", "h03-1"],
         why="local anaesthetic phase (a few hours) versus steroid phase (three to six months)"),
    dict(claims=["h03-5", "h03-6"],
         why="typical onset 2 to 3 days versus a week or more for some people, in the same sentence"),
    dict(claims=["h03-8", "h03-12"],
         why="different conditions: herniated disc versus back pain without leg pain"),
    dict(claims=["h03-16", "h03-17"],
         why="two different restrictions in one sentence: driving for the day, baths for 24 hours"),
    dict(claims=["h03-18", "h04-4"],
         why="at least three months apart and no more than 4 per 12 months agree"),
    dict(claims=["h03-19", "h04-3"],
         why="a coverage threshold (at least 6 weeks of relief before a repeat is paid for) is not a "
             "statement of how long relief typically lasts"),
    dict(claims=["h04-12", "h11-8"],
         why="no more than once every 2 months and up to 4 sessions per 12 months overlap"),
    dict(claims=["h12-4", "h12-5"],
         why="a success threshold of 50% pain reduction is not a success rate"),
    dict(claims=["h12-2", "h12-6"],
         why="lead placement (30 to 60 minutes) versus lead removal (a few minutes)"),
    dict(claims=["h06-6", "h06-9"], why="different conditions: CRPS versus PTSD"),
    dict(claims=["h07-1", "h06-9"],
         why="a generic statement about nerve blocks does not contradict a specific one"),
    dict(claims=["h07-5", "h07-6"],
         why="side effect versus relief: warm, numb leg for 4 to 6 hours, relief for days to weeks"),
    dict(claims=["h08-2", "h08-3"],
         why="anaesthetic only (a few hours) versus with steroid for some patients (2 to 3 months)"),
    dict(claims=["h08-3", "h08-6"],
         why="different procedures: genicular nerve block versus genicular nerve ablation"),
    dict(claims=["h08-5", "h08-6"], why="onset (2 to 3 weeks) versus duration (6 to 12 months)"),
    dict(claims=["h10-4", "h10-5"],
         why="different procedures in one sentence: SI joint versus facet joint injections"),
    dict(claims=["h11-4", "h11-12"], why="usually a day or two, and a hedged maximum of up to a week"),
    dict(claims=["h11-8", "h11-9"],
         why="different procedures in one sentence: trigger point injections versus dry needling"),
    dict(claims=["h01-14", "h02-12"],
         why="different restrictions: no driving for 24 hours versus no heavy lifting for 48 hours"),
    dict(claims=["h03-13", "h03-14"],
         why="different side effects: a numb leg for a few hours versus flushing or raised blood sugar for "
             "1 to 3 days"),
    dict(claims=["h09-2", "h09-3"],
         why="anaesthetic onset within 15 minutes versus steroid onset in 3 to 5 days"),
    dict(claims=["h11-1", "h11-2"],
         why="the injections take a few minutes; about half an hour is the whole visit"),
]
