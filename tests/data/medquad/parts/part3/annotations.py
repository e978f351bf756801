"""Gold annotations for MedQuAD part 3 (topics in ../topics_3.txt), written by reading the pages.

Conventions follow tests/data/ANNOTATING.md. Debatable choices made here (see README.md):
- HPO frequency rows on GARD pages ("Ectopia lentis 7.5%") are `risk` claims on the page's
  condition, with the feature (lower case, as written) as `condition`; the page calls the
  percentages "a rough estimate", so they are read as about(x) (±15 %), capped at 1.
- For other sign/complication frequencies the outcome is the `condition`; when a claim names a
  feature that is the same as an HPO row, the HPO wording is used so that the pair is comparable.
- Relative risks ("twice the risk", "tenfold", "four times more likely") are `risk` with unit
  `count` (a multiplier), never mixed with probabilities.
- Diagnostic and treatment thresholds (mg/dL, mm, repeats, joints) are `other` with unit `count`;
  the measured unit is put in the condition when it is not obvious.
"""
from goldlib import *

DOCS = {
    "hbcnhlbi": "NHLBI_High-Blood-Cholesterol_0000070.md",
    "hbcsh": "SeniorHealth_High-Blood-Cholesterol_0000035.md",
    "ewcg": "CancerGov_Ewing-Sarcoma_0000009_1.md",
    "ewgard": "GARD_Ewing-sarcoma_0002180.md",
    "ewghr": "GHR_Ewing-sarcoma_0000332.md",
    "alagard": "GARD_Alagille-syndrome_0000210.md",
    "alaghr": "GHR_Alagille-syndrome_0000030.md",
    "alaniddk": "NIDDK_Alagille-Syndrome_0000181.md",
    "margard": "GARD_Marfan-syndrome_0003801.md",
    "marghr": "GHR_Marfan-syndrome_0000627.md",
    "marmp": "MPlus_Marfan-Syndrome_0000582.md",
    "marnhlbi": "NHLBI_Marfan-Syndrome_0000089.md",
    "acrogard": "GARD_Acromegaly_0000088.md",
    "acroniddk": "NIDDK_Acromegaly_0000001.md",
    "pcdghr": "GHR_primary-ciliary-dyskinesia_0000820.md",
    "pcdnhlbi": "NHLBI_Primary-Ciliary-Dyskinesia_0000107.md",
    "kdghr": "GHR_Kawasaki-disease_0000555.md",
    "kdmp": "MPlus_Kawasaki-Disease_0000535.md",
    "kdnhlbi": "NHLBI_Kawasaki-Disease_0000083.md",
    "jsgard": "GARD_Joubert-syndrome_0003308.md",
    "jsghr": "GHR_Joubert-syndrome_0000543.md",
    "jsninds": "NINDS_Joubert-Syndrome_0000167.md",
    "fxgard": "GARD_Fragile-X-syndrome_0002417.md",
    "fxghr": "GHR_fragile-X-syndrome_0000381.md",
    "fxmp": "MPlus_Fragile-X-Syndrome_0000381.md",  # no quantitative claim on this page
    "ssgard": "GARD_Systemic-scleroderma_0005998.md",
    "ssghr": "GHR_systemic-scleroderma_0000967.md",
    "prgard": "GARD_Proteus-syndrome_0005115.md",
    "prghr": "GHR_Proteus-syndrome_0000839.md",
    "crdgard": "GARD_Cone-rod-dystrophy_0001461.md",
    "crdghr": "GHR_cone-rod-dystrophy_0000212.md",
    "csgard": "GARD_Costello-syndrome_0001613.md",
    "csghr": "GHR_Costello-syndrome_0000245.md",
    "jiagard": "GARD_Juvenile-idiopathic-arthritis_0003322.md",
    "jiaghr": "GHR_juvenile-idiopathic-arthritis_0000547.md",
    "fdgard": "GARD_Farber-s-disease_0002312.md",
    "fdninds": "NINDS_Farber-s-Disease_0000065.md",
}

def pabout(x, y=None):
    """about() for a share (X-15% .. Y+15%), capped at 1, without goldlib's rounding to 6
    decimals (which would erase rates such as 3 per million)."""
    y = x if y is None else y
    return float(f"{x * 0.85:.6g}"), min(float(f"{y * 1.15:.6g}"), 1.0)


HALF = (0.425, 0.575)      # "about half", "about 50 percent"
MOST = (0.5, 1.0)          # "most", "the majority"
ALMOST_ALL = (0.9, 1.0)    # "almost all", "nearly all", "almost always"
SMALL = (0.0, 0.1)         # "a small number", "a small percentage", "a small portion"
INFANCY = (0, 1 * Y)
EARLY_CHILDHOOD = (1 * Y, 5 * Y)
INFANCY_OR_EARLY_CHILDHOOD = (0, 5 * Y)
CHILDHOOD = (1 * Y, 12 * Y)
MIDDLE_AGE = (40 * Y, 65 * Y)
YOUNG_ADULT_MAX = 39 * Y   # "young adults" read as up to 39 (the oncology AYA range)
NORMAL_LIFESPAN = (70 * Y, None)
MANY_YEARS = (2 * Y, None)

CLAIMS = [
    # ------------------------------------------------------------------ high blood cholesterol
    # NHLBI
    C("hbcnhlbi-1", "This condition begins at birth, and it may cause a heart attack at an early age.",
      "familial hypercholesterolemia", "age_at_onset", "at birth", 0, 0),
    C("hbcnhlbi-2", "Starting at puberty, men often have lower levels of HDL cholesterol than women.",
      "hdl cholesterol", "other", "Starting at puberty", 10 * Y, 18 * Y, cond="men",
      note="age from which a sex difference holds; puberty read as 10-18 y"),
    C("hbcnhlbi-3", "Before age 55, women usually have lower LDL cholesterol levels than men.",
      "ldl cholesterol", "other", "Before age 55", 0, 55 * Y, cond="women",
      note="age range of a sex difference in LDL"),
    C("hbcnhlbi-4", "However, afterage 55, women can have higher LDL levels than men.",
      "ldl cholesterol", "other", "afterage 55", 55 * Y, None, cond="women", hedged=True),
    C("hbcnhlbi-5", "If you're 20 years old or older, have your cholesterol levels checked at least once every 5 years.",
      "cholesterol test", "repeat_interval", "at least once every 5 years", 0, 5 * Y,
      cond="people aged 20 and older"),
    C("hbcnhlbi-6", "Before the test, youll need to fast (not eat or drink anything but water) for 9 to 12 hours.",
      "lipoprotein panel", "activity_restriction", "9 to 12 hours", 9 * H, 12 * H,
      note="fasting before the test = how long to avoid eating"),
    C("hbcnhlbi-7", "If your total cholesterol is 200 mg/dL or more, or if your HDL cholesterol is less than 40 mg/dL",
      "total cholesterol", "other", "200 mg/dL or more", 200, None, unit="count", cond="high",
      note="threshold in mg/dL that calls for a lipoprotein panel"),
    C("hbcnhlbi-8", "If your total cholesterol is 200 mg/dL or more, or if your HDL cholesterol is less than 40 mg/dL",
      "hdl cholesterol", "other", "less than 40 mg/dL", 0, 40, unit="count", cond="low"),
    C("hbcnhlbi-9", "If your triglyceride level is borderline high (150199 mg/dL) or high (200 mg/dL or higher), you may need treatment.",
      "triglycerides", "other", "150199 mg/dL", 150, 199, unit="count", cond="borderline high",
      note="'150199' is 150-199 with the dash lost in the source"),
    C("hbcnhlbi-10", "If your triglyceride level is borderline high (150199 mg/dL) or high (200 mg/dL or higher), you may need treatment.",
      "triglycerides", "other", "200 mg/dL or higher", 200, None, unit="count", cond="high"),
    C("hbcnhlbi-11", "High blood pressure (140/90 mmHg or higher), or youre on medicine to treat high blood pressure",
      "high blood pressure", "other", "140/90 mmHg or higher", 140, None, unit="count",
      cond="risk factor", note="bounds are the systolic figure"),
    C("hbcnhlbi-12", "Low high-density lipoprotein (HDL) cholesterol (less than 40 mg/dL)",
      "hdl cholesterol", "other", "less than 40 mg/dL", 0, 40, unit="count", cond="low"),
    C("hbcnhlbi-13", "heart disease in father or brother before age 55",
      "early heart disease", "age_at_onset", "before age 55", 0, 55 * Y, cond="men",
      note="definition of early heart disease in a family history"),
    C("hbcnhlbi-14", "heart disease in mother or sister before age 65",
      "early heart disease", "age_at_onset", "before age 65", 0, 65 * Y, cond="women"),
    C("hbcnhlbi-15", "Age (men 45 years or older; women 55 years or older)",
      "heart disease", "other", "45 years or older", 45 * Y, None, cond="men",
      note="age as a heart-disease risk factor"),
    C("hbcnhlbi-16", "Age (men 45 years or older; women 55 years or older)",
      "heart disease", "other", "55 years or older", 55 * Y, None, cond="women"),
    C("hbcnhlbi-17", "If youre at very high risk, your doctor may set your LDL goal even lower, to less than 70 mg/dL.",
      "ldl cholesterol", "other", "less than 70 mg/dL", 0, 70, unit="count",
      cond="goal, very high risk", hedged=True),
    C("hbcnhlbi-18", "Category I, high risk, your LDL goal is less than 100 mg/dL.",
      "ldl cholesterol", "other", "less than 100 mg/dL", 0, 100, unit="count",
      cond="goal, category i high risk"),
    C("hbcnhlbi-19", "Your LDL goal may be set even lower, to less than 70 mg/dL, if youre at very high risk or if you have heart disease.",
      "ldl cholesterol", "other", "less than 70 mg/dL", 0, 70, unit="count",
      cond="goal, very high risk", hedged=True),
    C("hbcnhlbi-20", "If you have this lower goal and your LDL is 70 mg/dL or higher, youll need to begin the TLC diet and take medicines as prescribed.",
      "ldl cholesterol", "other", "70 mg/dL or higher", 70, None, unit="count",
      cond="treatment threshold, very high risk"),
    C("hbcnhlbi-21", "Category II, moderately high risk, your LDL goal is less than 130 mg/dL",
      "ldl cholesterol", "other", "less than 130 mg/dL", 0, 130, unit="count",
      cond="goal, category ii moderately high risk"),
    C("hbcnhlbi-22", "Category III, moderate risk, your LDL goal is less than 130 mg/dL.",
      "ldl cholesterol", "other", "less than 130 mg/dL", 0, 130, unit="count",
      cond="goal, category iii moderate risk"),
    C("hbcnhlbi-23", "Category IV, low to moderate risk, your LDL goal is less than 160 mg/dL.",
      "ldl cholesterol", "other", "less than 160 mg/dL", 0, 160, unit="count",
      cond="goal, category iv low to moderate risk"),
    C("hbcnhlbi-24", "With the TLC diet, less than 7 percent of your daily calories should come from saturated fat.",
      "tlc diet", "other", "less than 7 percent", 0, 0.07, unit="ratio", cond="saturated fat"),
    C("hbcnhlbi-25", "No more than 25 to 35 percent of your daily calories should come from all fats",
      "tlc diet", "other", "No more than 25 to 35 percent", 0.25, 0.35, unit="ratio", cond="all fats",
      note="the ceiling itself is given as a range"),
    C("hbcnhlbi-26", "You also should have less than 200 mg a day of cholesterol.",
      "tlc diet", "other", "less than 200 mg a day", 0, 200, unit="count",
      cond="dietary cholesterol (mg per day)"),
    C("hbcnhlbi-27", "Try to have about two fish meals every week.",
      "tlc diet", "other", "about two fish meals every week", *about(2.0), unit="count",
      cond="fish meals per week"),
    C("hbcnhlbi-28", "Men should have no more than two drinks containing alcohol a day.",
      "alcohol", "other", "no more than two drinks", 0, 2, unit="count", cond="men"),
    C("hbcnhlbi-29", "Women should have no more than one drink containing alcohol a day.",
      "alcohol", "other", "no more than one drink", 0, 1, unit="count", cond="women"),
    C("hbcnhlbi-30", "Metabolic syndrome is diagnosed if you have at least three of these metabolic risk factors.",
      "metabolic syndrome", "other", "at least three", 3, None, unit="count",
      cond="diagnostic criteria"),
    C("hbcnhlbi-31", "People gain health benefits from as little as 60 minutes of moderate-intensity aerobic activity per week.",
      "physical activity", "other", "as little as 60 minutes", 60 * MIN, None, cond="per week"),
    C("hbcnhlbi-32", "These medicines are safe for most people.",
      "statin", "other", "most people", *MOST, unit="ratio", cond="safe",
      note="share of people for whom statins are safe"),
    # NIHSeniorHealth (several statements occur twice: a list and its flattened copy)
    C("hbcsh-1", "Everyone age 20 and older should have their cholesterol levels checked at least once every 5 years.",
      "cholesterol test", "repeat_interval", "at least once every 5 years", 0, 5 * Y,
      cond="people aged 20 and older"),
    C("hbcsh-2", "You should not eat or drink anything except water or black coffee for 9 to 12 hours before taking the test.",
      "lipoprotein panel", "activity_restriction", "9 to 12 hours", 9 * H, 12 * H,
      note="the page calls it a fasting lipoprotein profile"),
    C("hbcsh-3", "If this test shows that your total cholesterol is 200 mg/dL or higher, or that your HDL (good) cholesterol is less than 40 mg/dL, you will need to have a lipoprotein profile done.",
      "total cholesterol", "other", "200 mg/dL or higher", 200, None, unit="count", cond="high", occ=0),
    C("hbcsh-4", "If this test shows that your total cholesterol is 200 mg/dL or higher, or that your HDL (good) cholesterol is less than 40 mg/dL, you will need to have a lipoprotein profile done.",
      "hdl cholesterol", "other", "less than 40 mg/dL", 0, 40, unit="count", cond="low", occ=0),
    C("hbcsh-5", "Normal levels of triglycerides are less than 150 mg/dl.",
      "triglycerides", "other", "less than 150 mg/dl", 0, 150, unit="count", cond="desirable"),
    C("hbcsh-6", "If your triglyceride levels are borderline high (150-199 mg/dL) or high (200 mg/dL or more), you may need treatment.",
      "triglycerides", "other", "150-199 mg/dL", 150, 199, unit="count", cond="borderline high"),
    C("hbcsh-7", "If your triglyceride levels are borderline high (150-199 mg/dL) or high (200 mg/dL or more), you may need treatment.",
      "triglycerides", "other", "200 mg/dL or more", 200, None, unit="count", cond="high"),
    C("hbcsh-8", "You should not eat or drink anything except water and black coffee for 9 to 12 hours before taking the test.",
      "lipoprotein panel", "activity_restriction", "9 to 12 hours", 9 * H, 12 * H),
    C("hbcsh-9", "If this test shows that your total cholesterol is 200 mg/dL or higher, or that your HDL (good) cholesterol is less than 40 mg/dL, you will need to have a lipoprotein profile done.",
      "total cholesterol", "other", "200 mg/dL or higher", 200, None, unit="count", cond="high", occ=1),
    C("hbcsh-10", "If this test shows that your total cholesterol is 200 mg/dL or higher, or that your HDL (good) cholesterol is less than 40 mg/dL, you will need to have a lipoprotein profile done.",
      "hdl cholesterol", "other", "less than 40 mg/dL", 0, 40, unit="count", cond="low", occ=1),
    C("hbcsh-11", "A desirable level for total cholesterol is less than 200 mg/dL.",
      "total cholesterol", "other", "less than 200 mg/dL", 0, 200, unit="count", cond="desirable"),
    C("hbcsh-12", "A desirable level for LDL (bad) cholesterol is under 100 mg/dL.",
      "ldl cholesterol", "other", "under 100 mg/dL", 0, 100, unit="count", cond="desirable"),
    C("hbcsh-13", "An HDL (good) cholesterol level more than 60 mg/dL is desirable for most people.",
      "hdl cholesterol", "other", "more than 60 mg/dL", 60, None, unit="count", cond="desirable"),
    C("hbcsh-14", "A desirable level is less than 150mg/dL.",
      "triglycerides", "other", "less than 150mg/dL", 0, 150, unit="count", cond="desirable"),
    C("hbcsh-15", "If the triglycerides in your blood are borderline high (150-199 mg/dL), or high (200 mg/dL or more), you may need treatment.",
      "triglycerides", "other", "150-199 mg/dL", 150, 199, unit="count", cond="borderline high"),
    C("hbcsh-16", "If the triglycerides in your blood are borderline high (150-199 mg/dL), or high (200 mg/dL or more), you may need treatment.",
      "triglycerides", "other", "200 mg/dL or more", 200, None, unit="count", cond="high"),
    C("hbcsh-17", "high blood pressure (140/90 mmHg or higher)", "high blood pressure", "other",
      "140/90 mmHg or higher", 140, None, unit="count", cond="risk factor", occ=0),
    C("hbcsh-18", "high blood pressure (140/90 mmHg or higher)", "high blood pressure", "other",
      "140/90 mmHg or higher", 140, None, unit="count", cond="risk factor", occ=1),
    C("hbcsh-19", "low HDL cholesterol (less than 40 mg/dL)", "hdl cholesterol", "other",
      "less than 40 mg/dL", 0, 40, unit="count", cond="low", occ=0),
    C("hbcsh-20", "low HDL cholesterol (less than 40 mg/dL)", "hdl cholesterol", "other",
      "less than 40 mg/dL", 0, 40, unit="count", cond="low", occ=1),
    C("hbcsh-21", "heart disease in father or brother before age 55", "early heart disease", "age_at_onset",
      "before age 55", 0, 55 * Y, cond="men", occ=0),
    C("hbcsh-22", "heart disease in father or brother before age 55", "early heart disease", "age_at_onset",
      "before age 55", 0, 55 * Y, cond="men", occ=1),
    C("hbcsh-23", "heart disease in mother or sister before age 65", "early heart disease", "age_at_onset",
      "before age 65", 0, 65 * Y, cond="women", occ=0),
    C("hbcsh-24", "heart disease in mother or sister before age 65", "early heart disease", "age_at_onset",
      "before age 65", 0, 65 * Y, cond="women", occ=1),
    C("hbcsh-25", "age (men 45 years or older; women 55 years or older)", "heart disease", "other",
      "45 years or older", 45 * Y, None, cond="men", occ=0),
    C("hbcsh-26", "age (men 45 years or older; women 55 years or older)", "heart disease", "other",
      "55 years or older", 55 * Y, None, cond="women", occ=0),
    C("hbcsh-27", "age (men 45 years or older; women 55 years or older)", "heart disease", "other",
      "45 years or older", 45 * Y, None, cond="men", occ=1),
    C("hbcsh-28", "age (men 45 years or older; women 55 years or older)", "heart disease", "other",
      "55 years or older", 55 * Y, None, cond="women", occ=1),
    C("hbcsh-29", "Too large a waist is defined as a waist measurement of 40 inches or more for men and 35 inches or more for women.",
      "abdominal obesity", "other", "40 inches or more", 40, None, unit="count", cond="men"),
    C("hbcsh-30", "Too large a waist is defined as a waist measurement of 40 inches or more for men and 35 inches or more for women.",
      "abdominal obesity", "other", "35 inches or more", 35, None, unit="count", cond="women"),
    C("hbcsh-31", "are safe for most people", "statin", "other", "most people", *MOST, unit="ratio",
      cond="safe", occ=0),
    C("hbcsh-32", "are safe for most people", "statin", "other", "most people", *MOST, unit="ratio",
      cond="safe", occ=1),

    # ------------------------------------------------------------------ ewing sarcoma
    C("ewcg-1", "Ewing sarcoma is most common in adolescents and young adults.",
      "ewing sarcoma", "age_at_onset", "adolescents and young adults", 12 * Y, YOUNG_ADULT_MAX),
    C("ewcg-2", "Whether the child is younger than 15 years.",
      "ewing sarcoma", "other", "younger than 15 years", 0, 15 * Y, cond="prognostic factor",
      note="age threshold listed among prognostic factors"),
    C("ewcg-3", "Whether the cancer came back more than two years after the initial treatment.",
      "ewing sarcoma", "other", "more than two years", 2 * Y, None, cond="recurrence, prognostic factor"),
    C("ewcg-4", "Side effects from cancer treatment that begin after treatment and continue for months or years are called late effects.",
      "cancer treatment", "side_effect_duration", "months or years", 1 * MO, None, cond="late effects"),
    C("ewcg-5", "It is often the first treatment given and lasts for about 6 to 12 months.",
      "chemotherapy", "treatment_duration", "about 6 to 12 months", *about(6 * MO, 12 * MO)),
    C("ewgard-1", "It can occur any time during childhood and young adulthood, but usually develops during puberty, when bones are growing rapidly.",
      "ewing sarcoma", "age_at_onset", "childhood and young adulthood", 1 * Y, YOUNG_ADULT_MAX, hedged=True),
    C("ewgard-2", "It can occur any time during childhood and young adulthood, but usually develops during puberty, when bones are growing rapidly.",
      "ewing sarcoma", "age_at_onset", "during puberty", 10 * Y, 18 * Y, note="puberty read as 10-18 y"),
    C("ewgard-3", "Most cases are thought to occur randomly", "ewing sarcoma", "other", "Most", *MOST,
      unit="ratio", cond="sporadic"),
    C("ewgard-4", "The most common mutation, occurring in approximately 85% of Ewing sarcoma tumors, involves two genes",
      "ewing sarcoma", "other", "approximately 85%", *pabout(0.85), unit="ratio", cond="ewsr1/fli1 fusion"),
    C("ewgard-5", "Most cases are considered to be sporadic.", "ewing sarcoma", "other", "Most", *MOST,
      unit="ratio", cond="sporadic"),
    C("ewghr-1", "Approximately 87 percent of Ewing sarcomas are Ewing sarcoma of bone",
      "ewing sarcoma", "other", "Approximately 87 percent", *pabout(0.87), unit="ratio",
      cond="ewing sarcoma of bone"),
    C("ewghr-2", "Ewing sarcomas most often occur in children and young adults.",
      "ewing sarcoma", "age_at_onset", "children and young adults", 1 * Y, YOUNG_ADULT_MAX),
    C("ewghr-3", "Approximately 3 per 1 million children each year are diagnosed with a Ewing sarcoma.",
      "ewing sarcoma", "prevalence", "Approximately 3 per 1 million children", *pabout(3e-6), unit="ratio",
      cond="children", period="year"),
    C("ewghr-4", "It is estimated that, in the United States, 250 children are diagnosed with one of these types of tumor each year.",
      "ewing sarcoma", "prevalence", "250 children", 250, 250, unit="count",
      cond="children in the united states", period="year"),
    C("ewghr-5", "Ewing sarcoma accounts for about 1.5 percent of all childhood cancers",
      "ewing sarcoma", "prevalence", "about 1.5 percent", *pabout(0.015), unit="ratio",
      cond="share of childhood cancers"),
    C("ewghr-6", "The EWSR1/FLI1 fusion gene occurs in approximately 85 percent of Ewing sarcomas.",
      "ewing sarcoma", "other", "approximately 85 percent", *pabout(0.85), unit="ratio",
      cond="ewsr1/fli1 fusion"),

    # ------------------------------------------------------------------ alagille syndrome
    C("alagard-1", "Symptoms, including jaundice, pale, loose stools, and poor growth, typically develop in the first 2 years of life.",
      "alagille syndrome", "age_at_onset", "in the first 2 years of life", 0, 2 * Y),
    C("alagard-2", "Symptoms typically present in infancy or early childhood.",
      "alagille syndrome", "age_at_onset", "in infancy or early childhood", *INFANCY_OR_EARLY_CHILDHOOD),
    C("alagard-3", "Infantile onset", "alagille syndrome", "age_at_onset", "Infantile onset", *INFANCY,
      note="an HPO row without a frequency that states the onset"),
    C("alaghr-1", "Problems associated with Alagille syndrome generally become evident in infancy or early childhood.",
      "alagille syndrome", "age_at_onset", "in infancy or early childhood", *INFANCY_OR_EARLY_CHILDHOOD),
    C("alaghr-2", "The estimated prevalence of Alagille syndrome is 1 in 70,000 newborns.",
      "alagille syndrome", "prevalence", "1 in 70,000", 1 / 70000, 1 / 70000, unit="ratio", cond="newborns",
      note="the next sentence says it may be an underestimate"),
    C("alaghr-3", "In more than 90 percent of cases, mutations in the JAG1 gene cause Alagille syndrome.",
      "alagille syndrome", "other", "more than 90 percent", 0.9, 1.0, unit="ratio", cond="jag1 mutations"),
    C("alaghr-4", "Another 7 percent of individuals with Alagille syndrome have small deletions of genetic material on chromosome 20 that include the JAG1 gene.",
      "alagille syndrome", "other", "7 percent", 0.07, 0.07, unit="ratio", cond="jag1 deletions"),
    C("alaghr-5", "A few people with Alagille syndrome have mutations in a different gene, called NOTCH2.",
      "alagille syndrome", "other", "A few people", 2, 4, unit="count", cond="notch2 mutations",
      note="'a few' read literally as a count, 2-4"),
    C("alaghr-6", "In approximately 30 to 50 percent of cases, an affected person inherits the mutation or deletion from one affected parent.",
      "alagille syndrome", "other", "approximately 30 to 50 percent", *pabout(0.3, 0.5), unit="ratio",
      cond="inherited from a parent"),
    C("alaniddk-1", "Approximately 30 to 50 percent of people with Alagille syndrome have an inherited gene mutation, meaning it has been passed on by a parent.",
      "alagille syndrome", "other", "Approximately 30 to 50 percent", *pabout(0.3, 0.5), unit="ratio",
      cond="inherited from a parent", occ=0),
    C("alaniddk-2", "Approximately 30 to 50 percent of people with Alagille syndrome have an inherited gene mutation, meaning it has been passed on by a parent.",
      "alagille syndrome", "other", "Approximately 30 to 50 percent", *pabout(0.3, 0.5), unit="ratio",
      cond="inherited from a parent", occ=1),
    C("alaniddk-3", "Most cases of Alagille syndrome are caused by a mutation in the JAGGED1 (JAG1) gene.",
      "alagille syndrome", "other", "Most", *MOST, unit="ratio", cond="jag1 mutations"),
    C("alaniddk-4", "In less than 1 percent of cases, a mutation in the NOTCH2 gene is the cause.",
      "alagille syndrome", "other", "less than 1 percent", 0, 0.01, unit="ratio", cond="notch2 mutations"),
    C("alaniddk-5", "Alagille syndrome occurs in about one of every 30,000 live births.",
      "alagille syndrome", "prevalence", "about one of every 30,000", *pabout(1 / 30000), unit="ratio",
      cond="newborns", occ=0),
    C("alaniddk-6", "Alagille syndrome occurs in about one of every 30,000 live births.",
      "alagille syndrome", "prevalence", "about one of every 30,000", *pabout(1 / 30000), unit="ratio",
      cond="newborns", occ=1),
    C("alaniddk-7", "Each child of a parent with an autosomal dominant mutation has a 50 percent chance of inheriting the mutated gene.",
      "alagille syndrome", "risk", "50 percent", 0.5, 0.5, unit="ratio", cond="children of an affected parent"),
    C("alaniddk-8", "These signs and symptoms can occur in children and adults with Alagille syndrome, and in infants as early as the first 3 months of life.",
      "alagille syndrome", "age_at_onset", "as early as the first 3 months of life", 0, 3 * MO,
      cond="liver problems", hedged=True),
    C("alaniddk-9", "Many healthy newborns have mild jaundice during the first 1 to 2 weeks of life due to an immature liver.",
      "newborn jaundice", "illness_duration", "the first 1 to 2 weeks of life", 1 * W, 2 * W),
    C("alaniddk-10", "This normal type of jaundice disappears by the second or third week of life",
      "newborn jaundice", "illness_duration", "by the second or third week of life", 1 * W, 3 * W),
    C("alaniddk-11", "Newborns with jaundice after 2 weeks of life should be seen by a health care provider to check for a possible liver problem.",
      "newborn jaundice", "indication_duration", "after 2 weeks of life", 2 * W, None),
    C("alaniddk-12", "Gray or white bowel movements after 2 weeks of age are a reliable sign of a liver problem",
      "liver disease", "other", "after 2 weeks of age", 2 * W, None, cond="newborns: gray or white stools",
      note="age from which pale stools are a warning sign"),
    C("alaniddk-13", "Pruritus usually starts after 3 months of age and can be severe.",
      "alagille syndrome", "age_at_onset", "after 3 months of age", 3 * MO, None, cond="pruritus"),
    C("alaniddk-14", "These features are not usually recognized until after infancy.",
      "alagille syndrome", "age_at_onset", "after infancy", 1 * Y, None, cond="facial features"),
    C("alaniddk-15", "Most people with Alagille syndrome have a narrowing of the blood vessels that carry blood from the heart to the lungs.",
      "alagille syndrome", "risk", "Most", *MOST, unit="ratio", cond="abnormality of the pulmonary artery",
      note="narrowing of the pulmonary arteries; condition worded as the GARD HPO row"),
    C("alaniddk-16", "A small number of people with Alagille syndrome have serious problems with the walls or valves of the heart.",
      "alagille syndrome", "risk", "A small number", *SMALL, unit="ratio", cond="serious heart wall or valve problems"),
    C("alaniddk-17", "This condition progresses over months, years, or even decades.",
      "alagille syndrome", "illness_duration", "months, years, or even decades", 1 * MO, None,
      cond="chronic liver failure", note="time over which liver failure develops"),
    C("alaniddk-18", "Ten to 30 percent of people with Alagille syndrome will eventually need a liver transplant",
      "alagille syndrome", "risk", "Ten to 30 percent", 0.1, 0.3, unit="ratio", cond="liver transplant", occ=0),
    C("alaniddk-19", "Ten to 30 percent of people with Alagille syndrome will eventually need a liver transplant",
      "alagille syndrome", "risk", "Ten to 30 percent", 0.1, 0.3, unit="ratio", cond="liver transplant", occ=1),
    C("alaniddk-20", "For a diagnosis of Alagille syndrome, three of the following symptoms typically should be present:",
      "alagille syndrome", "other", "three", 3, 3, unit="count", cond="diagnostic criteria"),
    C("alaniddk-21", "The gene mutation can be identified in 94 percent of people with a diagnosis of Alagille syndrome.",
      "genetic testing", "success_rate", "94 percent", 0.94, 0.94, unit="ratio", cond="alagille syndrome",
      note="detection rate of the JAG1 test"),
    C("alaniddk-22", "The patient may be asked to fast for 8 hours before the procedure.",
      "liver biopsy", "activity_restriction", "8 hours", 8 * H, 8 * H, hedged=True),
    C("alaniddk-23", "the patient should lie on the right side for up to 2 hours",
      "liver biopsy", "activity_restriction", "up to 2 hours", 0, 2 * H, hedged=True,
      note="must stay lying on the right side"),
    C("alaniddk-24", "is monitored an additional 2 to 4 hours before being sent home",
      "liver biopsy", "recovery_time", "2 to 4 hours", 2 * H, 4 * H,
      note="observation before discharge; a different phase from lying on the side"),
    C("alaniddk-25", "The results may not be available for several months because of the complexity of the testing.",
      "genetic testing", "other", "several months", 2 * MO, 7 * MO, hedged=True, cond="time to results"),
    C("alaniddk-26", "these fatty deposits typically worsen over the first few years of life and then improve over time",
      "alagille syndrome", "other", "the first few years of life", 0, 4 * Y, cond="xanthomas",
      note="ages over which xanthomas worsen; 'a few' = 2-4"),

    # ------------------------------------------------------------------ marfan syndrome
    C("margard-1", "At least 25% of cases are due to a new mutation.",
      "marfan syndrome", "other", "At least 25%", 0.25, 1.0, unit="ratio", cond="new mutation"),
    C("margard-2", "About half of people with Marfan syndrome have a dislocated lens (ectopia lentis) in one or both eyes",
      "marfan syndrome", "risk", "About half", *HALF, unit="ratio", cond="ectopia lentis"),
    C("margard-3", "most have some degree of nearsightedness (myopia)",
      "marfan syndrome", "risk", "most", *MOST, unit="ratio", cond="myopia"),
    C("margard-4", "Clouding of the lens (cataract) may occur in mid adulthood",
      "marfan syndrome", "age_at_onset", "mid adulthood", *MIDDLE_AGE, cond="cataract", hedged=True),
    C("margard-5", "Most people with Marfan syndrome have abnormalities of the heart and the aorta.",
      "marfan syndrome", "risk", "Most", *MOST, unit="ratio", cond="heart and aorta abnormalities"),
    C("margard-6", "Each child of an individual with Marfan syndrome has a 50% chance of inheriting the mutation and the disorder.",
      "marfan syndrome", "risk", "50%", 0.5, 0.5, unit="ratio", cond="children of an affected parent"),
    C("marghr-1", "Most individuals with Marfan syndrome have some degree of nearsightedness (myopia).",
      "marfan syndrome", "risk", "Most", *MOST, unit="ratio", cond="myopia"),
    C("marghr-2", "Clouding of the lens (cataract) may occur in mid-adulthood",
      "marfan syndrome", "age_at_onset", "mid-adulthood", *MIDDLE_AGE, cond="cataract", hedged=True),
    C("marghr-3", "The features of Marfan syndrome can become apparent anytime between infancy and adulthood.",
      "marfan syndrome", "age_at_onset", "between infancy and adulthood", 0, None, hedged=True),
    C("marghr-4", "Marfan can be fatal early in life",
      "marfan syndrome", "life_expectancy", "early in life", 0, 12 * Y, hedged=True,
      note="'early in life' read as up to the end of childhood"),
    C("marghr-5", "the majority of affected individuals survive into mid- to late adulthood",
      "marfan syndrome", "life_expectancy", "mid- to late adulthood", 40 * Y, None),
    C("marghr-6", "The incidence of Marfan syndrome is approximately 1 in 5,000 worldwide.",
      "marfan syndrome", "prevalence", "approximately 1 in 5,000", *pabout(1 / 5000), unit="ratio",
      cond="worldwide"),
    C("marghr-7", "At least 25 percent of Marfan syndrome cases result from a new mutation in the FBN1 gene.",
      "marfan syndrome", "other", "At least 25 percent", 0.25, 1.0, unit="ratio", cond="new mutation"),
    C("marmp-1", "Most people with Marfan syndrome have heart and blood vessel problems, such as a weakness in the aorta or heart valves that leak.",
      "marfan syndrome", "risk", "Most", *MOST, unit="ratio", cond="heart and blood vessel problems"),
    C("marnhlbi-1", "Most people who have Marfan syndrome inherit it from their parents.",
      "marfan syndrome", "other", "Most", *MOST, unit="ratio", cond="inherited from a parent", occ=0),
    C("marnhlbi-2", "Most people who have Marfan syndrome inherit it from their parents.",
      "marfan syndrome", "other", "Most", *MOST, unit="ratio", cond="inherited from a parent", occ=1),
    C("marnhlbi-3", "If you have Marfan syndrome, you have a 50 percent chance of passing the altered gene to each of your children.",
      "marfan syndrome", "risk", "50 percent", 0.5, 0.5, unit="ratio", cond="children of an affected parent", occ=0),
    C("marnhlbi-4", "If you have Marfan syndrome, you have a 50 percent chance of passing the altered gene to each of your children.",
      "marfan syndrome", "risk", "50 percent", 0.5, 0.5, unit="ratio", cond="children of an affected parent", occ=1),
    C("marnhlbi-5", "If you have the condition, you have a 50 percent chance of passing the altered gene to each of your children.",
      "marfan syndrome", "risk", "50 percent", 0.5, 0.5, unit="ratio", cond="children of an affected parent"),
    C("marnhlbi-6", "In about 1 in 4 cases, the mutation that causes Marfan syndrome is not inherited.",
      "marfan syndrome", "other", "about 1 in 4", *pabout(0.25), unit="ratio", cond="new mutation"),
    C("marnhlbi-7", "About 1 out of every 5,000 people in the United States has Marfan syndrome.",
      "marfan syndrome", "prevalence", "About 1 out of every 5,000", *pabout(1 / 5000), unit="ratio",
      cond="united states"),
    C("marnhlbi-8", "Marfan syndrome affects about 1 out of every 5,000 people in the United States.",
      "marfan syndrome", "prevalence", "about 1 out of every 5,000", *pabout(1 / 5000), unit="ratio",
      cond="united states"),
    C("marnhlbi-9", "Many people who have Marfan syndrome and are properly diagnosed and treated may live an average lifespan.",
      "marfan syndrome", "life_expectancy", "an average lifespan", *NORMAL_LIFESPAN, hedged=True,
      cond="diagnosed and treated", note="'average lifespan' read as 70 y or more"),
    C("marnhlbi-10", "Breathing pauses can last from a few seconds to minutes.",
      "sleep apnea", "illness_duration", "from a few seconds to minutes", 2 * S, 1 * H, hedged=True,
      cond="breathing pauses"),
    C("marnhlbi-11", "They often occur 5 to 30 times or more an hour.",
      "sleep apnea", "other", "5 to 30 times or more", 5, None, unit="count", cond="pauses per hour"),

    # ------------------------------------------------------------------ acromegaly
    C("acrogard-1", "It is most often diagnosed in middle-aged adults, although symptoms can appear at any age.",
      "acromegaly", "age_at_onset", "middle-aged adults", *MIDDLE_AGE),
    C("acrogard-2", "When GH-producing tumors occur in childhood, the disease that results is called gigantism rather than acromegaly.",
      "gigantism", "age_at_onset", "in childhood", *CHILDHOOD,
      note="definitional: GH excess before the growth plates fuse"),
    C("acroniddk-1", "Acromegaly is most often diagnosed in middle-aged adults, although symptoms can appear at any age.",
      "acromegaly", "age_at_onset", "middle-aged adults", *MIDDLE_AGE),
    C("acroniddk-2", "Acromegaly is treatable in most patients",
      "acromegaly", "success_rate", "most patients", *MOST, unit="ratio"),
    C("acroniddk-3", "When GH-producing tumors occur in childhood, the disease that results is called gigantism rather than acromegaly.",
      "gigantism", "age_at_onset", "in childhood", *CHILDHOOD),
    C("acroniddk-4", "In more than 95 percent of people with acromegaly, a benign tumor of the pituitary gland, called an adenoma, produces excess GH.",
      "acromegaly", "other", "more than 95 percent", 0.95, 1.0, unit="ratio", cond="pituitary adenoma"),
    C("acroniddk-5", "Most GH-secreting tumors are macro-adenomas, meaning they are larger than 1 centimeter.",
      "pituitary adenoma", "other", "Most", *MOST, unit="ratio", cond="macro-adenoma"),
    C("acroniddk-6", "Most GH-secreting tumors are macro-adenomas, meaning they are larger than 1 centimeter.",
      "pituitary adenoma", "other", "larger than 1 centimeter", 10, None, unit="count",
      cond="macro-adenoma size (mm)"),
    C("acroniddk-7", "Some adenomas grow slowly and symptoms of GH excess are often not noticed for many years.",
      "acromegaly", "other", "many years", *MANY_YEARS, hedged=True, cond="delay before symptoms are noticed"),
    C("acroniddk-8", "Small pituitary adenomas are common, affecting about 17 percent of the population.",
      "pituitary adenoma", "prevalence", "about 17 percent", *pabout(0.17), unit="ratio", cond="small adenomas"),
    C("acroniddk-9", "However, research suggests most of these tumors do not cause symptoms and rarely produce excess GH.",
      "pituitary adenoma", "other", "most", *MOST, unit="ratio", cond="small adenomas without symptoms"),
    C("acroniddk-10", "Scientists estimate that three to four out of every million people develop acromegaly each year",
      "acromegaly", "prevalence", "three to four out of every million", 3e-6, 4e-6, unit="ratio", period="year",
      note="annual incidence"),
    C("acroniddk-11", "about 60 out of every million people suffer from the disease at any time",
      "acromegaly", "prevalence", "about 60 out of every million", *pabout(6e-5), unit="ratio",
      note="point prevalence; a different statistic from the incidence"),
    C("acroniddk-12", "whereas a GH level in a healthy person may even be five times higher",
      "growth hormone test", "other", "five times higher", 5, 5, unit="count", hedged=True,
      cond="healthy person vs acromegaly"),
    C("acroniddk-13", "drinking 75 to 100 grams of glucose solution lowers blood GH levels to less than 1 nanogram per milliliter (ng/ml) in healthy people",
      "oral glucose tolerance test", "other", "75 to 100 grams", 75, 100, unit="count", cond="glucose dose (g)"),
    C("acroniddk-14", "drinking 75 to 100 grams of glucose solution lowers blood GH levels to less than 1 nanogram per milliliter (ng/ml) in healthy people",
      "oral glucose tolerance test", "other", "less than 1 nanogram per milliliter", 0, 1, unit="count",
      cond="gh level in healthy people (ng/ml)"),
    C("acroniddk-15", "Elevated IGF-I levels almost always indicate acromegaly.",
      "igf-i test", "success_rate", "almost always", *ALMOST_ALL, unit="ratio"),
    C("acroniddk-16", "However, a pregnant womans IGF-I levels are two to three times higher than normal.",
      "igf-i test", "other", "two to three times higher", 2, 3, unit="count", cond="pregnant women"),
    # the treatment section appears twice on the page (occ=0 and occ=1)
    C("acroniddk-17", "If the surgery is successful, facial appearance and soft tissue swelling improve within a few days.",
      "transsphenoidal surgery", "onset_time", "within a few days", 0, 4 * D, occ=0),
    C("acroniddk-18", "If the surgery is successful, facial appearance and soft tissue swelling improve within a few days.",
      "transsphenoidal surgery", "onset_time", "within a few days", 0, 4 * D, occ=1),
    C("acroniddk-19", "Surgery is most successful in patients with blood GH levels below 45 ng/ml before the operation",
      "transsphenoidal surgery", "other", "below 45 ng/ml", 0, 45, unit="count",
      cond="gh level before surgery (ng/ml)", occ=0),
    C("acroniddk-20", "Surgery is most successful in patients with blood GH levels below 45 ng/ml before the operation",
      "transsphenoidal surgery", "other", "below 45 ng/ml", 0, 45, unit="count",
      cond="gh level before surgery (ng/ml)", occ=1),
    C("acroniddk-21", "with pituitary tumors no larger than 10 millimeters (mm) in diameter",
      "transsphenoidal surgery", "other", "no larger than 10 millimeters", 0, 10, unit="count",
      cond="tumor size (mm)", occ=0),
    C("acroniddk-22", "with pituitary tumors no larger than 10 millimeters (mm) in diameter",
      "transsphenoidal surgery", "other", "no larger than 10 millimeters", 0, 10, unit="count",
      cond="tumor size (mm)", occ=1),
    C("acroniddk-23", "The overall rate of remission-control of the disease-after surgery ranges from 55 to 80 percent.",
      "transsphenoidal surgery", "success_rate", "55 to 80 percent", 0.55, 0.8, unit="ratio", occ=0),
    C("acroniddk-24", "The overall rate of remission-control of the disease-after surgery ranges from 55 to 80 percent.",
      "transsphenoidal surgery", "success_rate", "55 to 80 percent", 0.55, 0.8, unit="ratio", occ=1),
    C("acroniddk-25", "people with acromegaly must be carefully monitored for years for possible recurrence of the disease",
      "transsphenoidal surgery", "other", "for years", 1 * Y, 10 * Y, cond="follow-up for recurrence", occ=0),
    C("acroniddk-26", "people with acromegaly must be carefully monitored for years for possible recurrence of the disease",
      "transsphenoidal surgery", "other", "for years", 1 * Y, 10 * Y, cond="follow-up for recurrence", occ=1),
    C("acroniddk-27", "are effective in lowering GH and IGF-I levels in 50 to 70 percent of patients",
      "somatostatin analog", "success_rate", "50 to 70 percent", 0.5, 0.7, unit="ratio",
      cond="gh and igf-i lowering", occ=0),
    C("acroniddk-28", "are effective in lowering GH and IGF-I levels in 50 to 70 percent of patients",
      "somatostatin analog", "success_rate", "50 to 70 percent", 0.5, 0.7, unit="ratio",
      cond="gh and igf-i lowering", occ=1),
    C("acroniddk-29", "SSAs also reduce tumor size in around 0 to 50 percent of patients but only to a modest degree.",
      "somatostatin analog", "success_rate", "around 0 to 50 percent", *pabout(0.0, 0.5), unit="ratio",
      cond="tumor shrinkage", occ=0),
    C("acroniddk-30", "SSAs also reduce tumor size in around 0 to 50 percent of patients but only to a modest degree.",
      "somatostatin analog", "success_rate", "around 0 to 50 percent", *pabout(0.0, 0.5), unit="ratio",
      cond="tumor shrinkage", occ=1),
    C("acroniddk-31", "Long-acting SSAs are given by intramuscular injection once a month.",
      "somatostatin analog", "repeat_interval", "once a month", 1 * MO, 1 * MO, cond="long-acting", occ=0),
    C("acroniddk-32", "Long-acting SSAs are given by intramuscular injection once a month.",
      "somatostatin analog", "repeat_interval", "once a month", 1 * MO, 1 * MO, cond="long-acting", occ=1),
    C("acroniddk-33", "are a side effect in about half of people taking SSAs",
      "somatostatin analog", "risk", "about half", *HALF, unit="ratio", cond="digestive problems", occ=0),
    C("acroniddk-34", "are a side effect in about half of people taking SSAs",
      "somatostatin analog", "risk", "about half", *HALF, unit="ratio", cond="digestive problems", occ=1),
    C("acroniddk-35", "About 10 to 20 percent of patients develop gallstones",
      "somatostatin analog", "risk", "About 10 to 20 percent", *pabout(0.1, 0.2), unit="ratio",
      cond="gallstones", occ=0),
    C("acroniddk-36", "About 10 to 20 percent of patients develop gallstones",
      "somatostatin analog", "risk", "About 10 to 20 percent", *pabout(0.1, 0.2), unit="ratio",
      cond="gallstones", occ=1),
    C("acroniddk-37", "They normalize IGF-I levels in more than 90 percent of patients.",
      "gh receptor antagonist", "success_rate", "more than 90 percent", 0.9, 1.0, unit="ratio",
      cond="igf-i normalization", occ=0),
    C("acroniddk-38", "They normalize IGF-I levels in more than 90 percent of patients.",
      "gh receptor antagonist", "success_rate", "more than 90 percent", 0.9, 1.0, unit="ratio",
      cond="igf-i normalization", occ=1),
    C("acroniddk-39", "Given once a day through injection, GHRAs are usually well-tolerated by patients.",
      "gh receptor antagonist", "repeat_interval", "once a day", 1 * D, 1 * D, occ=0),
    C("acroniddk-40", "Given once a day through injection, GHRAs are usually well-tolerated by patients.",
      "gh receptor antagonist", "repeat_interval", "once a day", 1 * D, 1 * D, occ=1),
    C("acroniddk-41", "they normalize IGF-I levels in only a minority of patients",
      "dopamine agonist", "success_rate", "only a minority", 0, 0.5, unit="ratio",
      cond="igf-i normalization", occ=0),
    C("acroniddk-42", "they normalize IGF-I levels in only a minority of patients",
      "dopamine agonist", "success_rate", "only a minority", 0, 0.5, unit="ratio",
      cond="igf-i normalization", occ=1),
    C("acroniddk-43", "The full effect of this therapy may not occur for many years.",
      "radiation therapy", "onset_time", "many years", *MANY_YEARS, hedged=True, occ=0),
    C("acroniddk-44", "The full effect of this therapy may not occur for many years.",
      "radiation therapy", "onset_time", "many years", *MANY_YEARS, hedged=True, occ=1),
    C("acroniddk-45", "The treatment delivers small doses of radiation multiple times over 4 to 6 weeks",
      "conventional radiation therapy", "treatment_duration", "4 to 6 weeks", 4 * W, 6 * W, occ=0),
    C("acroniddk-46", "The treatment delivers small doses of radiation multiple times over 4 to 6 weeks",
      "conventional radiation therapy", "treatment_duration", "4 to 6 weeks", 4 * W, 6 * W, occ=1),
    C("acroniddk-47", "With stereotactic delivery, the tumor must be at least 5 mm from the optic chiasm to prevent radiation damage.",
      "stereotactic radiation therapy", "other", "at least 5 mm", 5, None, unit="count",
      cond="distance from optic chiasm (mm)", occ=0),
    C("acroniddk-48", "With stereotactic delivery, the tumor must be at least 5 mm from the optic chiasm to prevent radiation damage.",
      "stereotactic radiation therapy", "other", "at least 5 mm", 5, None, unit="count",
      cond="distance from optic chiasm (mm)", occ=1),
    C("acroniddk-49", "This treatment can sometimes be done in a single session",
      "stereotactic radiation therapy", "other", "a single session", 1, 1, unit="count",
      cond="number of sessions", hedged=True, occ=0),
    C("acroniddk-50", "This treatment can sometimes be done in a single session",
      "stereotactic radiation therapy", "other", "a single session", 1, 1, unit="count",
      cond="number of sessions", hedged=True, occ=1),
    C("acroniddk-51", "resulting in the need for hormone replacement in most patients",
      "radiation therapy", "risk", "most patients", *MOST, unit="ratio", cond="hormone replacement", occ=0),
    C("acroniddk-52", "resulting in the need for hormone replacement in most patients",
      "radiation therapy", "risk", "most patients", *MOST, unit="ratio", cond="hormone replacement", occ=1),
    C("acroniddk-53", "Rarely, secondary tumors can develop many years later in areas that were in the path of the radiation beam.",
      "radiation therapy", "onset_time", "many years later", *MANY_YEARS, hedged=True,
      cond="secondary tumors", occ=0),
    C("acroniddk-54", "Rarely, secondary tumors can develop many years later in areas that were in the path of the radiation beam.",
      "radiation therapy", "onset_time", "many years later", *MANY_YEARS, hedged=True,
      cond="secondary tumors", occ=1),
    C("acroniddk-55", "This determination can take up to 8 weeks because IGF-I lasts a long time in the body's circulation.",
      "transsphenoidal surgery", "other", "up to 8 weeks", 0, 8 * W, hedged=True,
      cond="time to determine a cure"),
    C("acroniddk-56", "In most people with acromegaly, a benign tumor of the pituitary gland produces excess GH.",
      "acromegaly", "other", "most", *MOST, unit="ratio", cond="pituitary adenoma"),
    C("acroniddk-57", "Most pituitary tumors develop spontaneously and are not genetically inherited.",
      "pituitary adenoma", "other", "Most", *MOST, unit="ratio", cond="sporadic"),

    # ------------------------------------------------------------------ primary ciliary dyskinesia
    C("pcdghr-1", "Most babies with primary ciliary dyskinesia experience breathing problems at birth",
      "primary ciliary dyskinesia", "risk", "Most", *MOST, unit="ratio", cond="breathing problems at birth"),
    C("pcdghr-2", "Most babies with primary ciliary dyskinesia experience breathing problems at birth",
      "primary ciliary dyskinesia", "age_at_onset", "at birth", 0, 0, cond="breathing problems"),
    C("pcdghr-3", "Beginning in early childhood, affected individuals develop frequent respiratory tract infections.",
      "primary ciliary dyskinesia", "age_at_onset", "early childhood", *EARLY_CHILDHOOD,
      cond="respiratory tract infections"),
    C("pcdghr-4", "About 50 percent of people with primary ciliary dyskinesia have a mirror-image reversal of their internal organs (situs inversus totalis).",
      "primary ciliary dyskinesia", "risk", "About 50 percent", *pabout(0.5), unit="ratio", cond="situs inversus"),
    C("pcdghr-5", "Approximately 12 percent of people with primary ciliary dyskinesia have a condition known as heterotaxy syndrome or situs ambiguus",
      "primary ciliary dyskinesia", "risk", "Approximately 12 percent", *pabout(0.12), unit="ratio",
      cond="heterotaxy syndrome"),
    C("pcdghr-6", "Primary ciliary dyskinesia occurs in approximately 1 in 16,000 individuals.",
      "primary ciliary dyskinesia", "prevalence", "approximately 1 in 16,000", *pabout(1 / 16000), unit="ratio"),
    C("pcdghr-7", "Mutations in the DNAI1 and DNAH5 genes account for up to 30 percent of all cases of primary ciliary dyskinesia.",
      "primary ciliary dyskinesia", "other", "up to 30 percent", 0, 0.3, unit="ratio", hedged=True,
      cond="dnai1 and dnah5 mutations"),
    C("pcdghr-8", "Mutations in the other genes associated with this condition are found in only a small percentage of cases.",
      "primary ciliary dyskinesia", "other", "only a small percentage", *SMALL, unit="ratio",
      cond="other gene mutations"),
    C("pcdnhlbi-1", "Some people who have PCD have breathing problems from the moment of birth.",
      "primary ciliary dyskinesia", "age_at_onset", "from the moment of birth", 0, 0, hedged=True,
      cond="breathing problems", occ=0),
    C("pcdnhlbi-2", "Some people who have PCD have breathing problems from the moment of birth.",
      "primary ciliary dyskinesia", "age_at_onset", "from the moment of birth", 0, 0, hedged=True,
      cond="breathing problems", occ=1),
    C("pcdnhlbi-3", "If the disease is mild, it may not show up until the teen or adult years.",
      "primary ciliary dyskinesia", "age_at_onset", "the teen or adult years", 13 * Y, None, hedged=True,
      cond="mild", occ=0),
    C("pcdnhlbi-4", "If the disease is mild, it may not show up until the teen or adult years.",
      "primary ciliary dyskinesia", "age_at_onset", "the teen or adult years", 13 * Y, None, hedged=True,
      cond="mild", occ=1),
    C("pcdnhlbi-5", "Many people who have PCD have normal lifespans.",
      "primary ciliary dyskinesia", "life_expectancy", "normal lifespans", *NORMAL_LIFESPAN, hedged=True,
      note="stated for 'many people', i.e. some"),
    C("pcdnhlbi-6", "However, about 25 percent of people who have the disease may develop respiratory failure, a life-threatening condition.",
      "primary ciliary dyskinesia", "risk", "about 25 percent", *pabout(0.25), unit="ratio", hedged=True,
      cond="respiratory failure"),
    C("pcdnhlbi-7", "A small number of people who have PCD need lung transplants.",
      "primary ciliary dyskinesia", "risk", "A small number", *SMALL, unit="ratio", cond="lung transplant"),
    C("pcdnhlbi-8", "About half of all people who have PCD have Kartagener's syndrome.",
      "primary ciliary dyskinesia", "risk", "About half", *HALF, unit="ratio", cond="kartagener syndrome",
      note="Kartagener syndrome = PCD with situs inversus"),
    C("pcdnhlbi-9", "In fact, only 25 percent of people who have the condition also have PCD.",
      "situs inversus", "risk", "only 25 percent", 0.25, 0.25, unit="ratio", cond="primary ciliary dyskinesia",
      note="share of people with situs inversus who have PCD (the reverse direction)"),
    C("pcdnhlbi-10", "Some people who have PCD have breathing problems when they're born and need extra oxygen for several days.",
      "oxygen therapy", "treatment_duration", "several days", 2 * D, 7 * D, hedged=True,
      cond="newborns with primary ciliary dyskinesia"),
    C("pcdnhlbi-11", "Most people who have PCD have lung problems at some point in their lives.",
      "primary ciliary dyskinesia", "risk", "Most", *MOST, unit="ratio", cond="lung problems"),
    C("pcdnhlbi-12", "Respiratory distress (breathing problems) in newborns",
      "primary ciliary dyskinesia", "age_at_onset", "in newborns", 0, 1 * MO, cond="breathing problems", occ=0,
      note="sign list: the newborn period read as the first month"),
    C("pcdnhlbi-13", "Respiratory distress (breathing problems) in newborns",
      "primary ciliary dyskinesia", "age_at_onset", "in newborns", 0, 1 * MO, cond="breathing problems", occ=1),
    C("pcdnhlbi-14", "Respiratory distress (breathing problems) at birth",
      "primary ciliary dyskinesia", "age_at_onset", "at birth", 0, 0, cond="breathing problems"),
    C("pcdnhlbi-15", "a neonatologist may suspect PCD or another lung disorder if a newborn has breathing problems at birth",
      "primary ciliary dyskinesia", "age_at_onset", "at birth", 0, 0, cond="breathing problems", hedged=True),

    # ------------------------------------------------------------------ kawasaki disease
    C("kdghr-1", "Kawasaki disease is a sudden and time-limited (acute) illness that affects infants and young children.",
      "kawasaki disease", "age_at_onset", "infants and young children", 0, 5 * Y),
    C("kdghr-2", "Affected children develop a prolonged fever lasting several days",
      "kawasaki disease", "illness_duration", "several days", 2 * D, 7 * D, cond="fever"),
    C("kdghr-3", "Without treatment, 15 to 25 percent of individuals with Kawasaki disease develop bulging and thinning of the walls of the arteries",
      "kawasaki disease", "risk", "15 to 25 percent", 0.15, 0.25, unit="ratio",
      cond="coronary artery aneurysms, untreated"),
    C("kdghr-4", "In the United States and other Western countries, Kawasaki disease occurs in approximately 1 in 10,000 children under 5 each year.",
      "kawasaki disease", "prevalence", "approximately 1 in 10,000", *pabout(1e-4), unit="ratio",
      cond="children under 5 in western countries", period="year"),
    C("kdghr-5", "The condition is 10 to 20 times more common in East Asia, including Japan, Korea, and Taiwan.",
      "kawasaki disease", "risk", "10 to 20 times", 10, 20, unit="count",
      cond="east asia vs western countries (relative risk)"),
    C("kdghr-6", "Children of parents who have had Kawasaki disease have twice the risk of developing the disorder compared to the general population.",
      "kawasaki disease", "risk", "twice", 2, 2, unit="count", cond="children of affected parents (relative risk)"),
    C("kdghr-7", "Children with affected siblings have a tenfold higher risk.",
      "kawasaki disease", "risk", "tenfold", 10, 10, unit="count", cond="siblings of affected children (relative risk)"),
    C("kdmp-1", "Kawasaki disease is a rare childhood disease.",
      "kawasaki disease", "age_at_onset", "childhood", *CHILDHOOD, note="'childhood disease' read as onset in childhood"),
    C("kdmp-2", "High fever that lasts longer than 5 days",
      "kawasaki disease", "illness_duration", "longer than 5 days", 5 * D, None, cond="fever"),
    C("kdmp-3", "most children who develop the disease fully recover - usually within weeks of getting signs and symptoms",
      "kawasaki disease", "recovery_time", "within weeks", 0, 1 * MO),
    C("kdmp-4", "most children who develop the disease fully recover - usually within weeks of getting signs and symptoms",
      "kawasaki disease", "other", "most", *MOST, unit="ratio", cond="full recovery"),
    C("kdnhlbi-1", "Kawasaki (KAH-wah-SAH-ke) disease is a rare childhood disease.",
      "kawasaki disease", "age_at_onset", "childhood", *CHILDHOOD),
    C("kdnhlbi-2", "Most cases occur in children younger than 5years old.",
      "kawasaki disease", "age_at_onset", "younger than 5years old", 0, 5 * Y),
    C("kdnhlbi-3", "One of the main symptoms of Kawasaki disease is a fever that lasts longer than5days.",
      "kawasaki disease", "illness_duration", "longer than5days", 5 * D, None, cond="fever"),
    C("kdnhlbi-4", "However, most children who have the disease usually recover within weeks of getting symptoms.",
      "kawasaki disease", "recovery_time", "within weeks", 0, 1 * MO),
    C("kdnhlbi-5", "However, most children who have the disease usually recover within weeks of getting symptoms.",
      "kawasaki disease", "other", "most", *MOST, unit="ratio", cond="full recovery"),
    C("kdnhlbi-6", "Most cases occur in children younger than 5 years old.",
      "kawasaki disease", "age_at_onset", "younger than 5 years old", 0, 5 * Y),
    C("kdnhlbi-7", "Kawasaki disease is rare in children older than 8.",
      "kawasaki disease", "other", "older than 8", 8 * Y, None, cond="ages at which it is rare",
      note="not an onset range; kept as other so that it is not read as 'onset after 8'"),
    C("kdnhlbi-8", "The fever lasts longer than 5 days.",
      "kawasaki disease", "illness_duration", "longer than 5 days", 5 * D, None, cond="fever"),
    C("kdnhlbi-9", "Within 2 to 3 weeks of the start of symptoms, the skin on your child's fingers and toes may peel, sometimes in large sheets.",
      "kawasaki disease", "other", "Within 2 to 3 weeks", 2 * W, 3 * W, hedged=True, cond="skin peeling",
      note="time from symptom onset to peeling"),
    C("kdnhlbi-10", "Generally, your child will be diagnosed with Kawasaki disease if he or she has a fever that lasts longer than 5 days plus four other classic signs or symptoms of the disease.",
      "kawasaki disease", "illness_duration", "longer than 5 days", 5 * D, None, cond="fever"),
    C("kdnhlbi-11", "Generally, your child will be diagnosed with Kawasaki disease if he or she has a fever that lasts longer than 5 days plus four other classic signs or symptoms of the disease.",
      "kawasaki disease", "other", "four other classic signs", 4, 4, unit="count", cond="diagnostic criteria"),
    C("kdnhlbi-12", "Often, the disease's effects on the coronary arteries don't show up until the second or third week after the first symptoms appear.",
      "kawasaki disease", "other", "the second or third week", 1 * W, 3 * W, cond="coronary artery effects",
      note="time from first symptoms until coronary changes show"),
    C("kdnhlbi-13", "Doctors may not diagnose these children until 2 to 3 weeks after the onset of the disease.",
      "kawasaki disease", "other", "2 to 3 weeks", 2 * W, 3 * W, hedged=True, cond="delayed diagnosis, atypical cases"),
    C("kdnhlbi-14", "Most children who receive these treatments improve greatly within 24 hours.",
      "immune globulin", "onset_time", "within 24 hours", 0, 24 * H,
      note="aspirin plus immune globulin; the named injected treatment is the subject"),
    C("kdnhlbi-15", "Most children who receive these treatments improve greatly within 24 hours.",
      "immune globulin", "success_rate", "Most", *MOST, unit="ratio"),
    C("kdnhlbi-16", "For a small number of children, fever remains.",
      "immune globulin", "risk", "a small number", *SMALL, unit="ratio", cond="persistent fever"),
    C("kdnhlbi-17", "Most children treated for Kawasaki disease fully recover from the acute phase and don't need any further treatment.",
      "kawasaki disease", "other", "Most", *MOST, unit="ratio", cond="full recovery"),
    C("kdnhlbi-18", "Children who have had immune globulin should wait 11 months before having the measles and chicken pox vaccines.",
      "immune globulin", "activity_restriction", "11 months", 11 * MO, 11 * MO, cond="measles and chickenpox vaccines"),
    C("kdnhlbi-19", "Healing may occur about 18 months after the acute phase of the disease.",
      "kawasaki disease", "recovery_time", "about 18 months", *about(18 * MO), hedged=True,
      cond="coronary artery healing"),
    C("kdnhlbi-20", "In a small number of children, the coronary arteries don't heal.",
      "kawasaki disease", "risk", "a small number", *SMALL, unit="ratio", cond="coronary arteries do not heal"),
    C("kdnhlbi-21", "However, most children who have the disease recoverusually within weeks of getting signs and symptoms.",
      "kawasaki disease", "recovery_time", "within weeks", 0, 1 * MO),
    C("kdnhlbi-22", "However, most children who have the disease recoverusually within weeks of getting signs and symptoms.",
      "kawasaki disease", "other", "most", *MOST, unit="ratio", cond="full recovery"),

    # ------------------------------------------------------------------ joubert syndrome
    C("jsgard-1", "25% (1 in 4) chance to be affected",
      "joubert syndrome", "risk", "25% (1 in 4)", 0.25, 0.25, unit="ratio", cond="children of two carriers: affected"),
    C("jsgard-2", "50% (1 in 2) chance to be an unaffected carrier like each parent",
      "joubert syndrome", "risk", "50% (1 in 2)", 0.5, 0.5, unit="ratio", cond="children of two carriers: carrier"),
    C("jsgard-3", "25% chance to be unaffected and not be a carrier",
      "joubert syndrome", "risk", "25%", 0.25, 0.25, unit="ratio",
      cond="children of two carriers: unaffected non-carrier"),
    C("jsgard-4", "Each male child has a 50% chance to be unaffected, and a 50% chance to be affected",
      "joubert syndrome", "risk", "50%", 0.5, 0.5, unit="ratio", vocc=0,
      cond="x-linked, sons of a carrier mother: unaffected"),
    C("jsgard-5", "Each male child has a 50% chance to be unaffected, and a 50% chance to be affected",
      "joubert syndrome", "risk", "50%", 0.5, 0.5, unit="ratio", vocc=1,
      cond="x-linked, sons of a carrier mother: affected"),
    C("jsgard-6", "Each daughter has a 50% chance to be unaffected, and a 50% chance to be an unaffected carrier",
      "joubert syndrome", "risk", "50%", 0.5, 0.5, unit="ratio", vocc=0,
      cond="x-linked, daughters of a carrier mother: unaffected"),
    C("jsgard-7", "Each daughter has a 50% chance to be unaffected, and a 50% chance to be an unaffected carrier",
      "joubert syndrome", "risk", "50%", 0.5, 0.5, unit="ratio", vocc=1,
      cond="x-linked, daughters of a carrier mother: carrier"),
    C("jsgard-8", "all sons will be unaffected", "joubert syndrome", "risk", "all", 1.0, 1.0, unit="ratio",
      cond="x-linked, sons of an affected father: unaffected"),
    C("jsgard-9", "all daughters will be unaffected carriers", "joubert syndrome", "risk", "all", 1.0, 1.0,
      unit="ratio", cond="x-linked, daughters of an affected father: carrier"),
    C("jsghr-1", "Most infants with Joubert syndrome have weak muscle tone (hypotonia) in infancy, which evolves into difficulty coordinating movements (ataxia) in early childhood.",
      "joubert syndrome", "risk", "Most", *MOST, unit="ratio", cond="muscular hypotonia"),
    C("jsghr-2", "Most infants with Joubert syndrome have weak muscle tone (hypotonia) in infancy, which evolves into difficulty coordinating movements (ataxia) in early childhood.",
      "joubert syndrome", "age_at_onset", "in infancy", *INFANCY, cond="muscular hypotonia"),
    C("jsghr-3", "Most infants with Joubert syndrome have weak muscle tone (hypotonia) in infancy, which evolves into difficulty coordinating movements (ataxia) in early childhood.",
      "joubert syndrome", "age_at_onset", "in early childhood", *EARLY_CHILDHOOD, cond="ataxia"),
    C("jsghr-4", "Other characteristic features of the condition include episodes of unusually fast or slow breathing in infancy and abnormal eye movements.",
      "joubert syndrome", "age_at_onset", "in infancy", *INFANCY, cond="abnormal breathing"),
    C("jsghr-5", "Most affected individuals have delayed development and intellectual disability, which range from mild to severe.",
      "joubert syndrome", "risk", "Most", *MOST, unit="ratio", cond="intellectual disability"),
    C("jsghr-6", "Joubert syndrome is estimated to affect between 1 in 80,000 and 1 in 100,000 newborns.",
      "joubert syndrome", "prevalence", "between 1 in 80,000 and 1 in 100,000", 1e-5, 1.25e-5, unit="ratio",
      cond="newborns"),
    C("jsghr-7", "Mutations in the 10 genes known to be associated with Joubert syndrome and related disorders only account for about half of all cases of these conditions.",
      "joubert syndrome", "other", "about half", *HALF, unit="ratio", cond="known gene mutations"),
    C("jsninds-1", "The most common features of Joubert syndrome in infants include abnormally rapid breathing (hyperpnea)",
      "joubert syndrome", "age_at_onset", "in infants", *INFANCY, cond="characteristic features"),
    C("jsninds-2", "In most other cases, Joubert syndrome is inherited in an autosomal recessive manner",
      "joubert syndrome", "other", "most other cases", *MOST, unit="ratio",
      cond="autosomal recessive (of non-sporadic cases)"),

    # ------------------------------------------------------------------ fragile x syndrome
    C("fxgard-1", "Most males and some females with fragile X syndrome have characteristic physical features that become more apparent with age.",
      "fragile x syndrome", "risk", "Most", *MOST, unit="ratio", cond="characteristic physical features, males"),
    C("fxgard-2", "and in males, enlarged testicles (macroorchidism) after puberty",
      "fragile x syndrome", "age_at_onset", "after puberty", 12 * Y, None, cond="macroorchidism",
      note="'after puberty' read as from 12 y on"),
    C("fxgard-3", "The FMR1 gene contains a section of DNA called a CGG triplet repeat, which normally repeats from 5 to around 40 times.",
      "fmr1 gene", "other", "from 5 to around 40 times", 5, 46, unit="count", cond="normal cgg repeats",
      note="repeat-count thresholds that define carrier and full mutation; kept as other"),
    C("fxgard-4", "In most cases of FXS, this section of DNA is repeated more than 200 times",
      "fragile x syndrome", "other", "most", *MOST, unit="ratio", cond="cgg repeat expansion"),
    C("fxgard-5", "In most cases of FXS, this section of DNA is repeated more than 200 times",
      "fmr1 gene", "other", "more than 200 times", 201, None, unit="count", cond="full mutation cgg repeats"),
    C("fxgard-6", "In a small portion of cases, other types of changes in the FMR1 gene cause FXS.",
      "fragile x syndrome", "other", "a small portion", *SMALL, unit="ratio", cond="other fmr1 changes"),
    C("fxgard-7", "People with 55 to 200 repeats of the CGG segment are said to have an FMR1 premutation.",
      "fmr1 gene", "other", "55 to 200 repeats", 55, 200, unit="count", cond="premutation cgg repeats"),
    C("fxgard-8", "Most people with a premutation are intellectually normal.",
      "fmr1 premutation", "other", "Most", *MOST, unit="ratio", cond="intellectually normal", occ=None),
    C("fxgard-9", "About 20% of women with a premutation have premature ovarian failure",
      "fmr1 premutation", "risk", "About 20%", *pabout(0.2), unit="ratio", cond="premature ovarian failure, women"),
    C("fxgard-10", "In women who carry an FMR1 gene premutation (approximately 55 to 200 CGG repeats)",
      "fmr1 gene", "other", "approximately 55 to 200 CGG repeats", *about(55, 200), unit="count",
      cond="premutation cgg repeats"),
    C("fxgard-11", "men with a premutation will pass the premutation on to all of their daughters and none of their sons",
      "fmr1 premutation", "risk", "all of their daughters", 1.0, 1.0, unit="ratio",
      cond="daughters of a man with a premutation"),
    C("fxgard-12", "men with a premutation will pass the premutation on to all of their daughters and none of their sons",
      "fmr1 premutation", "risk", "none of their sons", 0.0, 0.0, unit="ratio",
      cond="sons of a man with a premutation"),
    C("fxghr-1", "Affected individuals usually have delayed development of speech and language by age 2.",
      "fragile x syndrome", "age_at_onset", "by age 2", 0, 2 * Y, cond="speech and language delay"),
    C("fxghr-2", "Most males with fragile X syndrome have mild to moderate intellectual disability",
      "fragile x syndrome", "risk", "Most", *MOST, unit="ratio", cond="intellectual disability, males"),
    C("fxghr-3", "about one-third of affected females are intellectually disabled",
      "fragile x syndrome", "risk", "about one-third", *pabout(1 / 3), unit="ratio",
      cond="intellectual disability, females"),
    C("fxghr-4", "About one-third of individuals with fragile X syndrome have features of autism spectrum disorders that affect communication and social interaction.",
      "fragile x syndrome", "risk", "About one-third", *pabout(1 / 3), unit="ratio", cond="autism spectrum features"),
    C("fxghr-5", "Seizures occur in about 15 percent of males",
      "fragile x syndrome", "risk", "about 15 percent", *pabout(0.15), unit="ratio", cond="seizures, males"),
    C("fxghr-6", "about 5 percent of females with fragile X syndrome",
      "fragile x syndrome", "risk", "about 5 percent", *pabout(0.05), unit="ratio", cond="seizures, females"),
    C("fxghr-7", "Most males and about half of females with fragile X syndrome have characteristic physical features",
      "fragile x syndrome", "risk", "Most", *MOST, unit="ratio", cond="characteristic physical features, males"),
    C("fxghr-8", "Most males and about half of females with fragile X syndrome have characteristic physical features",
      "fragile x syndrome", "risk", "about half", *HALF, unit="ratio", cond="characteristic physical features, females"),
    C("fxghr-9", "and in males, enlarged testicles (macroorchidism) after puberty",
      "fragile x syndrome", "age_at_onset", "after puberty", 12 * Y, None, cond="macroorchidism"),
    C("fxghr-10", "Fragile X syndrome occurs in approximately 1 in 4,000 males and 1 in 8,000 females.",
      "fragile x syndrome", "prevalence", "approximately 1 in 4,000", *pabout(1 / 4000), unit="ratio", cond="males"),
    C("fxghr-11", "Fragile X syndrome occurs in approximately 1 in 4,000 males and 1 in 8,000 females.",
      "fragile x syndrome", "prevalence", "1 in 8,000", *pabout(1 / 8000), unit="ratio", cond="females",
      note="'approximately' carries over to the second figure"),
    C("fxghr-12", "Nearly all cases of fragile X syndrome are caused by a mutation in which a DNA segment, known as the CGG triplet repeat, is expanded within the FMR1 gene.",
      "fragile x syndrome", "other", "Nearly all", *ALMOST_ALL, unit="ratio", cond="cgg repeat expansion"),
    C("fxghr-13", "Normally, this DNA segment is repeated from 5 to about 40 times.",
      "fmr1 gene", "other", "from 5 to about 40 times", 5, 46, unit="count", cond="normal cgg repeats"),
    C("fxghr-14", "In people with fragile X syndrome, however, the CGG segment is repeated more than 200 times.",
      "fmr1 gene", "other", "more than 200 times", 201, None, unit="count", cond="full mutation cgg repeats"),
    C("fxghr-15", "Males and females with 55 to 200 repeats of the CGG segment are said to have an FMR1 gene premutation.",
      "fmr1 gene", "other", "55 to 200 repeats", 55, 200, unit="count", cond="premutation cgg repeats"),
    C("fxghr-16", "Most people with a premutation are intellectually normal.",
      "fmr1 premutation", "other", "Most", *MOST, unit="ratio", cond="intellectually normal"),

    # ------------------------------------------------------------------ systemic scleroderma
    C("ssgard-1", "The signs and symptoms of systemic scleroderma usually begin with episodes of Raynaud's phenomenon, which can occur weeks to years before fibrosis.",
      "systemic scleroderma", "other", "weeks to years", 1 * W, 10 * Y, hedged=True,
      cond="raynaud phenomenon before fibrosis", note="lead time of the first sign; 'years' up to a decade"),
    C("ssgard-2", "Most cases of systemic scleroderma are sporadic and are not inherited.",
      "systemic scleroderma", "other", "Most", *MOST, unit="ratio", cond="sporadic"),
    C("ssgard-3", "a few cases of the condition have been reported to run in families",
      "systemic scleroderma", "other", "a few cases", 2, 4, unit="count", cond="familial"),
    C("ssghr-1", "The signs and symptoms of systemic scleroderma usually begin with episodes of Raynaud phenomenon, which can occur weeks to years before fibrosis.",
      "systemic scleroderma", "other", "weeks to years", 1 * W, 10 * Y, hedged=True,
      cond="raynaud phenomenon before fibrosis"),
    C("ssghr-2", "Approximately 15 percent to 25 percent of people with features of systemic scleroderma also have signs and symptoms of another condition that affects connective tissue",
      "systemic scleroderma", "risk", "Approximately 15 percent to 25 percent", *pabout(0.15, 0.25), unit="ratio",
      cond="scleroderma overlap syndrome"),
    C("ssghr-3", "The prevalence of systemic scleroderma is estimated to range from 50 to 300 cases per 1 million people.",
      "systemic scleroderma", "prevalence", "50 to 300 cases per 1 million people", 5e-5, 3e-4, unit="ratio"),
    C("ssghr-4", "For reasons that are unknown, women are four times more likely to develop the condition than men.",
      "systemic scleroderma", "risk", "four times", 4, 4, unit="count", cond="women vs men (relative risk)"),
    C("ssghr-5", "Most cases of systemic scleroderma are sporadic, which means they occur in people with no history of the condition in their family.",
      "systemic scleroderma", "other", "Most", *MOST, unit="ratio", cond="sporadic"),
    C("ssghr-6", "A small percentage of all cases of systemic scleroderma have been reported to run in families",
      "systemic scleroderma", "other", "A small percentage", *SMALL, unit="ratio", cond="familial"),

    # ------------------------------------------------------------------ proteus syndrome
    C("prghr-1", "Overgrowth becomes apparent between the ages of 6 and 18 months and gets more severe with age.",
      "proteus syndrome", "age_at_onset", "between the ages of 6 and 18 months", 6 * MO, 18 * MO, cond="overgrowth"),
    C("prghr-2", "Proteus syndrome is a rare condition with an incidence of less than 1 in 1 million people worldwide.",
      "proteus syndrome", "prevalence", "less than 1 in 1 million", 0, 1e-6, unit="ratio", cond="worldwide"),
    C("prghr-3", "Only a few hundred affected individuals have been reported in the medical literature.",
      "proteus syndrome", "other", "a few hundred", 200, 400, unit="count", cond="reported cases"),

    # ------------------------------------------------------------------ cone-rod dystrophy
    C("crdgard-1", "Most cases occur due to mutations in any one of several genes",
      "cone-rod dystrophy", "other", "Most", *MOST, unit="ratio", cond="known gene mutations"),
    C("crdghr-1", "The first signs and symptoms of cone-rod dystrophy, which often occur in childhood, are usually decreased sharpness of vision",
      "cone-rod dystrophy", "age_at_onset", "in childhood", *CHILDHOOD),
    C("crdghr-2", "most affected individuals are legally blind by mid-adulthood",
      "cone-rod dystrophy", "risk", "most", *MOST, unit="ratio", cond="visual impairment",
      note="legal blindness; condition worded as the GARD HPO row 'Visual impairment'"),
    C("crdghr-3", "most affected individuals are legally blind by mid-adulthood",
      "cone-rod dystrophy", "age_at_onset", "by mid-adulthood", 0, 65 * Y, cond="legal blindness"),
    C("crdghr-4", "Cone-rod dystrophy is estimated to affect 1 in 30,000 to 40,000 individuals.",
      "cone-rod dystrophy", "prevalence", "1 in 30,000 to 40,000", 1 / 40000, 1 / 30000, unit="ratio"),
    C("crdghr-5", "Mutations in the ABCA4 gene are the most common cause of autosomal recessive cone-rod dystrophy, accounting for 30 to 60 percent of cases.",
      "cone-rod dystrophy", "other", "30 to 60 percent", 0.3, 0.6, unit="ratio",
      cond="abca4 mutations, autosomal recessive"),
    C("crdghr-6", "Mutations in the GUCY2D and CRX genes account for about half of these cases.",
      "cone-rod dystrophy", "other", "about half", *HALF, unit="ratio", cond="gucy2d and crx mutations, autosomal dominant"),
    C("crdghr-7", "In most of these cases, an affected person has one parent with the condition.",
      "cone-rod dystrophy", "other", "most", *MOST, unit="ratio", cond="affected parent, autosomal dominant"),

    # ------------------------------------------------------------------ costello syndrome
    C("csgard-1", "Beginning in early childhood, people with Costello syndrome are at an increased risk of developing certain cancerous and noncancerous tumors.",
      "costello syndrome", "age_at_onset", "early childhood", *EARLY_CHILDHOOD, cond="tumors"),
    C("csgard-2", "almost all reported cases are the result of de novo gene mutations",
      "costello syndrome", "other", "almost all", *ALMOST_ALL, unit="ratio", cond="new mutation"),
    C("csghr-1", "Infants with Costello syndrome may be larger than average at birth, but most have difficulty feeding and grow more slowly than other children.",
      "costello syndrome", "risk", "most", *MOST, unit="ratio", cond="feeding difficulties in infancy"),
    C("csghr-2", "Beginning in early childhood, people with Costello syndrome are at an increased risk of developing certain cancerous and noncancerous tumors.",
      "costello syndrome", "age_at_onset", "early childhood", *EARLY_CHILDHOOD, cond="tumors"),
    C("csghr-3", "Neuroblastoma, a tumor that arises in developing nerve cells, also has been reported in children and adolescents with this syndrome.",
      "costello syndrome", "age_at_onset", "children and adolescents", 0, 18 * Y, hedged=True, cond="neuroblastoma"),
    C("csghr-4", "some teenagers with Costello syndrome have developed transitional cell carcinoma",
      "costello syndrome", "age_at_onset", "teenagers", 13 * Y, 19 * Y, hedged=True, cond="transitional cell carcinoma"),
    C("csghr-5", "a form of bladder cancer that is usually seen in older adults",
      "transitional cell carcinoma", "age_at_onset", "older adults", 65 * Y, None),
    C("csghr-6", "The most common cancerous tumor associated with Costello syndrome is a childhood cancer called rhabdomyosarcoma, which begins in muscle tissue.",
      "rhabdomyosarcoma", "age_at_onset", "childhood", *CHILDHOOD),
    C("csghr-7", "This condition is very rare; it probably affects 200 to 300 people worldwide.",
      "costello syndrome", "prevalence", "200 to 300 people", 200, 300, unit="count", cond="worldwide"),
    C("csghr-8", "Reported estimates of Costello syndrome prevalence range from 1 in 300,000 to 1 in 1.25 million people.",
      "costello syndrome", "prevalence", "1 in 300,000 to 1 in 1.25 million", 8e-7, 1 / 300000, unit="ratio"),
    C("csghr-9", "Almost all reported cases have resulted from new gene mutations",
      "costello syndrome", "other", "Almost all", *ALMOST_ALL, unit="ratio", cond="new mutation"),

    # ------------------------------------------------------------------ juvenile idiopathic arthritis
    C("jiaghr-1", "Juvenile idiopathic arthritis refers to a group of conditions involving joint inflammation (arthritis) that first appears before the age of 16.",
      "juvenile idiopathic arthritis", "age_at_onset", "before the age of 16", 0, 16 * Y),
    C("jiaghr-2", "Systemic juvenile idiopathic arthritis causes inflammation in one or more joints.",
      "juvenile idiopathic arthritis", "other", "one or more joints", 1, None, unit="count",
      cond="systemic: joints affected"),
    C("jiaghr-3", "A high daily fever that lasts at least 2 weeks either precedes or accompanies the arthritis.",
      "juvenile idiopathic arthritis", "illness_duration", "at least 2 weeks", 2 * W, None, cond="systemic: fever"),
    C("jiaghr-4", "Oligoarthritis is marked by the occurrence of arthritis in four or fewer joints in the first 6 months of the disease.",
      "juvenile idiopathic arthritis", "other", "four or fewer joints", 1, 4, unit="count",
      cond="oligoarticular: joints affected"),
    C("jiaghr-5", "Oligoarthritis is marked by the occurrence of arthritis in four or fewer joints in the first 6 months of the disease.",
      "juvenile idiopathic arthritis", "other", "the first 6 months", 0, 6 * MO, cond="classification window"),
    C("jiaghr-6", "If the arthritis is confined to four or fewer joints after 6 months, then the condition is classified as persistent oligoarthritis.",
      "juvenile idiopathic arthritis", "other", "four or fewer joints", 1, 4, unit="count",
      cond="persistent oligoarthritis: joints affected"),
    C("jiaghr-7", "If more than four joints are affected after 6 months, this condition is classified as extended oligoarthritis.",
      "juvenile idiopathic arthritis", "other", "more than four joints", 5, None, unit="count",
      cond="extended oligoarthritis: joints affected"),
    C("jiaghr-8", "causes inflammation in five or more joints within the first 6 months of the disease",
      "juvenile idiopathic arthritis", "other", "five or more joints", 5, None, unit="count",
      cond="rheumatoid factor positive polyarticular: joints affected"),
    C("jiaghr-9", "causes inflammation in five or more joints within the first 6 months of the disease",
      "juvenile idiopathic arthritis", "other", "the first 6 months", 0, 6 * MO, cond="classification window"),
    C("jiaghr-10", "is also characterized by arthritis in five or more joints within the first 6 months of the disease",
      "juvenile idiopathic arthritis", "other", "five or more joints", 5, None, unit="count",
      cond="rheumatoid factor negative polyarticular: joints affected"),
    C("jiaghr-11", "is also characterized by arthritis in five or more joints within the first 6 months of the disease",
      "juvenile idiopathic arthritis", "other", "the first 6 months", 0, 6 * MO, cond="classification window"),
    C("jiaghr-12", "The incidence of juvenile idiopathic arthritis in North America and Europe is estimated to be 4 to 16 in 10,000 children.",
      "juvenile idiopathic arthritis", "prevalence", "4 to 16 in 10,000", 4e-4, 1.6e-3, unit="ratio",
      cond="children in north america and europe", note="incidence"),
    C("jiaghr-13", "One in 1,000, or approximately 294,000, children in the United States are affected.",
      "juvenile idiopathic arthritis", "prevalence", "One in 1,000", 0.001, 0.001, unit="ratio",
      cond="children in the united states"),
    C("jiaghr-14", "One in 1,000, or approximately 294,000, children in the United States are affected.",
      "juvenile idiopathic arthritis", "prevalence", "approximately 294,000", *about(294000), unit="count",
      cond="children in the united states"),
    C("jiaghr-15", "which accounts for about half of all cases",
      "juvenile idiopathic arthritis", "other", "about half", *HALF, unit="ratio", cond="oligoarticular"),
    C("jiaghr-16", "Most cases of juvenile idiopathic arthritis are sporadic",
      "juvenile idiopathic arthritis", "other", "Most", *MOST, unit="ratio", cond="sporadic"),
    C("jiaghr-17", "A small percentage of cases of juvenile idiopathic arthritis have been reported to run in families",
      "juvenile idiopathic arthritis", "other", "A small percentage", *SMALL, unit="ratio", cond="familial"),
    C("jiaghr-18", "A sibling of a person with juvenile idiopathic arthritis has an estimated risk of developing the condition that is about 12 times that of the general population.",
      "juvenile idiopathic arthritis", "risk", "about 12 times", *about(12.0), unit="count",
      cond="siblings (relative risk)"),

    # ------------------------------------------------------------------ farber disease
    C("fdninds-1", "Disease onset is typically seen in early infancy but may occur later in life.",
      "farber disease", "age_at_onset", "early infancy", 0, 6 * MO),
    C("fdninds-2", "Children born to these parents have a 25 percent chance of inheriting the disorder and a 50 percent chance of carrying the faulty gene.",
      "farber disease", "risk", "25 percent", 0.25, 0.25, unit="ratio", cond="children of two carriers: affected"),
    C("fdninds-3", "Children born to these parents have a 25 percent chance of inheriting the disorder and a 50 percent chance of carrying the faulty gene.",
      "farber disease", "risk", "50 percent", 0.5, 0.5, unit="ratio", cond="children of two carriers: carrier"),
    C("fdninds-4", "Most children with the classic form of Farbers disease die by age 2, usually from lung disease.",
      "farber disease", "life_expectancy", "by age 2", 0, 2 * Y, cond="classic form"),
    C("fdninds-5", "Children born with the most severe form of the disease usually die within 6 months",
      "farber disease", "life_expectancy", "within 6 months", 0, 6 * MO, cond="most severe form"),
    C("fdninds-6", "individuals having a milder form of the disease may live into their teenage years or young adulthood",
      "farber disease", "life_expectancy", "their teenage years or young adulthood", 13 * Y, YOUNG_ADULT_MAX,
      hedged=True, cond="milder form"),
]

# ---------------------------------------------------------------------------------------------
# HPO frequency rows on GARD pages, copied as they read ("Feature NN%"). Each row is a `risk`
# claim on the page's condition with the feature as condition; "a rough estimate" -> about(x).
HPO_SUBJECT = {
    "alagard": "alagille syndrome", "margard": "marfan syndrome", "acrogard": "acromegaly",
    "jsgard": "joubert syndrome", "fxgard": "fragile x syndrome", "ssgard": "systemic scleroderma",
    "prgard": "proteus syndrome", "crdgard": "cone-rod dystrophy", "csgard": "costello syndrome",
    "jiagard": "juvenile idiopathic arthritis", "fdgard": "farber disease",
}
HPO_ROWS = {
    "alagard": """
Biliary tract abnormality 90%
Corneal dystrophy 90%
Hepatomegaly 90%
Ventricular septal defect 90%
Abnormal form of the vertebral bodies 50%
Abnormal nasal morphology 50%
Abnormality of the pinna 50%
Coarse facial features 50%
Frontal bossing 50%
Intrauterine growth retardation 50%
Pointed chin 50%
Round face 50%
Spina bifida occulta 50%
Telangiectasia of the skin 50%
Vertebral segmentation defect 50%
Abnormality of chromosome segregation 7.5%
Abnormality of the pulmonary artery 7.5%
Abnormality of the pupil 7.5%
Abnormality of the ribs 7.5%
Abnormality of the ulna 7.5%
Abnormality of the ureter 7.5%
Atria septal defect 7.5%
Clinodactyly of the 5th finger 7.5%
Cognitive impairment 7.5%
Cryptorchidism 7.5%
Decreased corneal thickness 7.5%
Deeply set eye 7.5%
Delayed skeletal maturation 7.5%
Hypertelorism 7.5%
Hypertension 7.5%
Intellectual disability, mild 7.5%
Malar flattening 7.5%
Nephrotic syndrome 7.5%
Renal hypoplasia/aplasia 7.5%
Short distal phalanx of finger 7.5%
Short philtrum 7.5%
Strabismus 7.5%
""",
    "margard": """
Arachnodactyly 90%
Dilatation of the ascending aorta 90%
Disproportionate tall stature 90%
Muscular hypotonia 90%
Pes planus 90%
Skeletal muscle atrophy 90%
Striae distensae 90%
Aneurysm 50%
Arthralgia 50%
Decreased body weight 50%
Dental malocclusion 50%
Dural ectasia 50%
Hypoplasia of the zygomatic bone 50%
Joint hypermobility 50%
Myopia 50%
Narrow face 50%
Pectus excavatum 50%
Protrusio acetabuli 50%
Scoliosis 50%
Sleep disturbance 50%
Visual impairment 50%
Abnormality of the aortic valve 7.5%
Abnormality of the endocardium 7.5%
Aortic dissection 7.5%
Arterial dissection 7.5%
Attention deficit hyperactivity disorder 7.5%
Chest pain 7.5%
Cleft palate 7.5%
Congestive heart failure 7.5%
Dolichocephaly 7.5%
Ectopia lentis 7.5%
Flat cornea 7.5%
Glaucoma 7.5%
Hernia of the abdominal wall 7.5%
Kyphosis 7.5%
Limitation of joint mobility 7.5%
Meningocele 7.5%
Myalgia 7.5%
Reduced bone mineral density 7.5%
Retinal detachment 7.5%
Emphysema 5%
Esotropia 5%
Exotropia 5%
""",
    "acrogard": """
Abnormality of the nose 90%
Abnormality of the tongue 90%
Anterior hypopituitarism 90%
Arthralgia 90%
Broad foot 90%
Broad forehead 90%
Coarse facial features 90%
Deep palmar crease 90%
Deep plantar creases 90%
Full cheeks 90%
Hyperhidrosis 90%
Joint swelling 90%
Macrodactyly of finger 90%
Mandibular prognathia 90%
Osteoarthritis 90%
Tall stature 90%
Thick lower lip vermilion 90%
Abnormality of the fingernails 50%
Abnormality of the menstrual cycle 50%
Abnormality of the teeth 50%
Abnormality of the toenails 50%
Abnormality of the voice 50%
Apnea 50%
Behavioral abnormality 50%
Cerebral palsy 50%
Diabetes mellitus 50%
Frontal bossing 50%
Hypertension 50%
Kyphosis 50%
Migraine 50%
Neoplasm of the endocrine system 50%
Palpebral edema 50%
Paresthesia 50%
Spinal canal stenosis 50%
Synophrys 50%
Abnormal renal physiology 7.5%
Abnormality of reproductive system physiology 7.5%
Abnormality of the mitral valve 7.5%
Acanthosis nigricans 7.5%
Acne 7.5%
Erectile abnormalities 7.5%
Galactorrhea 7.5%
Generalized hyperpigmentation 7.5%
Hypertrophic cardiomyopathy 7.5%
Reduced consciousness/confusion 7.5%
""",
    "jsgard": """
Aplasia/Hypoplasia of the cerebellum 90%
Apnea 90%
Cognitive impairment 90%
Incoordination 90%
Muscular hypotonia 90%
Oculomotor apraxia 90%
Gait disturbance 50%
Long face 50%
Narrow forehead 50%
Nystagmus 50%
Abnormality of neuronal migration 7.5%
Abnormality of the hypothalamus-pituitary axis 7.5%
Aganglionic megacolon 7.5%
Anteverted nares 7.5%
Aplasia/Hypoplasia of the corpus callosum 7.5%
Encephalocele 7.5%
Foot polydactyly 7.5%
Hand polydactyly 7.5%
Highly arched eyebrow 7.5%
Hydrocephalus 7.5%
Iris coloboma 7.5%
Low-set, posteriorly rotated ears 7.5%
Oral cleft 7.5%
Prominent nasal bridge 7.5%
Ptosis 7.5%
Scoliosis 7.5%
Seizures 7.5%
Situs inversus totalis 7.5%
Strabismus 7.5%
Tremor 7.5%
Occipital myelomeningocele 5%
Renal cyst 5%
Retinal dysplasia 5%
""",
    "fxgard": """
Cognitive impairment 90%
Joint hypermobility 90%
Macroorchidism 90%
Neurological speech impairment 90%
Otitis media 90%
Pes planus 90%
Abnormality of the pinna 50%
Attention deficit hyperactivity disorder 50%
Frontal bossing 50%
Intellectual disability, moderate 50%
Long face 50%
Macrocephaly 50%
Mandibular prognathia 50%
Muscular hypotonia 50%
Narrow face 50%
Sinusitis 50%
Abnormality of the mitral valve 7.5%
Autism 7.5%
Cerebral cortical atrophy 7.5%
Dilatation of the ascending aorta 7.5%
Seizures 7.5%
Self-injurious behavior 7.5%
Strabismus 7.5%
""",
    "ssgard": """
Abnormality of the gastric mucosa 90%
Acrocyanosis 90%
Arthralgia 90%
Arthritis 90%
Atypical scarring of skin 90%
Autoimmunity 90%
Chest pain 90%
Chondrocalcinosis 90%
Edema 90%
Hyperkeratosis 90%
Lack of skin elasticity 90%
Myalgia 90%
Nausea and vomiting 90%
Skeletal muscle atrophy 90%
Weight loss 90%
Abnormality of the myocardium 50%
Abnormality of the pericardium 50%
Carious teeth 50%
Feeding difficulties in infancy 50%
Gangrene 50%
Malabsorption 50%
Mucosal telangiectasiae 50%
Myositis 50%
Pulmonary fibrosis 50%
Pulmonary infiltrates 50%
Respiratory insufficiency 50%
Skin ulcer 50%
Telangiectasia of the skin 50%
Trismus 50%
Xerostomia 50%
Abnormal renal physiology 7.5%
Abnormal tendon morphology 7.5%
Arrhythmia 7.5%
Bowel incontinence 7.5%
Coronary artery disease 7.5%
Erectile abnormalities 7.5%
Hypertensive crisis 7.5%
Irregular hyperpigmentation 7.5%
Migraine 7.5%
Narrow mouth 7.5%
Osteolysis 7.5%
Osteomyelitis 7.5%
Peripheral neuropathy 7.5%
Pulmonary hypertension 7.5%
Seizures 7.5%
""",
    "prgard": """
Abnormal form of the vertebral bodies 90%
Arteriovenous malformation 90%
Asymmetry of the thorax 90%
Decreased body weight 90%
Irregular hyperpigmentation 90%
Kyphosis 90%
Lower limb asymmetry 90%
Lymphangioma 90%
Macrodactyly of finger 90%
Melanocytic nevus 90%
Multiple lipomas 90%
Scoliosis 90%
Skeletal dysplasia 90%
Skeletal muscle atrophy 90%
Tall stature 90%
Bronchogenic cyst 50%
Cafe-au-lait spot 50%
Dolichocephaly 50%
Finger syndactyly 50%
Hyperkeratosis 50%
Hypertelorism 50%
Lymphedema 50%
Macrocephaly 50%
Pulmonary embolism 50%
Visceral angiomatosis 50%
Abnormality of dental enamel 7.5%
Abnormality of immune system physiology 7.5%
Abnormality of retinal pigmentation 7.5%
Abnormality of the hip bone 7.5%
Abnormality of the nail 7.5%
Abnormality of the neck 7.5%
Abnormality of the wrist 7.5%
Anteverted nares 7.5%
Arterial thrombosis 7.5%
Atresia of the external auditory canal 7.5%
Buphthalmos 7.5%
Carious teeth 7.5%
Cataract 7.5%
Chorioretinal coloboma 7.5%
Clinodactyly of the 5th finger 7.5%
Cognitive impairment 7.5%
Conjunctival hamartoma 7.5%
Craniosynostosis 7.5%
Depressed nasal bridge 7.5%
Exostoses 7.5%
Generalized hyperpigmentation 7.5%
Hallux valgus 7.5%
Heterochromia iridis 7.5%
Hypertrichosis 7.5%
Limitation of joint mobility 7.5%
Long face 7.5%
Long penis 7.5%
Low-set, posteriorly rotated ears 7.5%
Macroorchidism 7.5%
Meningioma 7.5%
Myopathy 7.5%
Myopia 7.5%
Neoplasm of the lung 7.5%
Neoplasm of the thymus 7.5%
Ovarian neoplasm 7.5%
Polycystic ovaries 7.5%
Proptosis 7.5%
Ptosis 7.5%
Reduced number of teeth 7.5%
Renal cyst 7.5%
Retinal detachment 7.5%
Retinal hamartoma 7.5%
Seizures 7.5%
Sirenomelia 7.5%
Splenomegaly 7.5%
Strabismus 7.5%
Sudden cardiac death 7.5%
Talipes 7.5%
Testicular neoplasm 7.5%
Thymus hyperplasia 7.5%
""",
    "crdgard": """
Abnormality of retinal pigmentation 90%
Nyctalopia 90%
Photophobia 90%
Abnormality of color vision 50%
Visual impairment 7.5%
""",
    "csgard": """
Abnormality of dental enamel 90%
Abnormality of the fingernails 90%
Abnormality of the palate 90%
Abnormality of the pulmonary valve 90%
Acanthosis nigricans 90%
Cutis laxa 90%
Delayed skeletal maturation 90%
Depressed nasal bridge 90%
Hyperkeratosis 90%
Lack of skin elasticity 90%
Macrocephaly 90%
Short neck 90%
Short stature 90%
Ventricular septal defect 90%
Woolly hair 90%
Abnormal dermatoglyphics 50%
Abnormal tendon morphology 50%
Abnormality of the mitral valve 50%
Abnormality of the tongue 50%
Cerebral cortical atrophy 50%
Cognitive impairment 50%
Cryptorchidism 50%
Decreased corneal thickness 50%
Epicanthus 50%
Full cheeks 50%
Hypertrophic cardiomyopathy 50%
Hypoplastic toenails 50%
Joint hypermobility 50%
Polyhydramnios 50%
Strabismus 50%
Thick lower lip vermilion 50%
Thickened nuchal skin fold 50%
Ulnar deviation of finger 50%
Verrucae 50%
Coarse facial features 7.5%
Feeding difficulties in infancy 7.5%
Generalized hyperpigmentation 7.5%
Large earlobe 7.5%
Large face 7.5%
Low-set, posteriorly rotated ears 7.5%
Renal insufficiency 5%
""",
    "jiagard": """
Abnormality of temperature regulation 90%
Arthralgia 90%
Arthritis 90%
Autoimmunity 90%
Joint swelling 90%
Skin rash 90%
Mediastinal lymphadenopathy 50%
Abdominal pain 7.5%
Abnormality of the pericardium 7.5%
Abnormality of the pleura 7.5%
Hepatomegaly 7.5%
Splenomegaly 7.5%
""",
    "fdgard": """
Arthralgia 90%
Hepatomegaly 90%
Joint swelling 90%
Laryngomalacia 90%
Limitation of joint mobility 90%
Short stature 90%
Abnormality of the skin 50%
Abnormality of the voice 50%
Kyphosis 50%
Nystagmus 50%
Recurrent respiratory infections 50%
Reduced bone mineral density 50%
Respiratory insufficiency 50%
Skeletal muscle atrophy 50%
Abnormality of the macula 7.5%
Cognitive impairment 7.5%
Opacification of the corneal stroma 7.5%
Pulmonary fibrosis 7.5%
Splenomegaly 7.5%
""",
}

_HPO_IDS = {}


def _hpo_claims():
    out = []
    for prefix, block in HPO_ROWS.items():
        for n, row in enumerate(block.strip().splitlines(), start=101):
            feature, pct = row.rsplit(" ", 1)
            lo, hi = pabout(float(pct.rstrip("%")) / 100)
            cid = f"{prefix}-{n}"
            _HPO_IDS[(prefix, feature)] = cid
            out.append(C(cid, row, HPO_SUBJECT[prefix], "risk", pct, lo, hi, unit="ratio",
                         cond=feature.lower(),
                         note="HPO frequency row; 'a rough estimate of the percentage' read as about(x)"))
    return out


CLAIMS += _hpo_claims()


def hpo(prefix, feature):
    return _HPO_IDS[(prefix, feature)]


CONFLICTS = [
    X("alaghr-2", "alaniddk-5",
      "Alagille prevalence in newborns: GHR 1 in 70,000 vs NIDDK about 1 in 30,000 live births; the figures "
      "do not overlap (more than twice as common on NIDDK)"),
    X(hpo("alagard", "Abnormality of the pulmonary artery"), "alaniddk-15",
      "GARD lists pulmonary-artery abnormality in ~7.5% of Alagille patients; NIDDK says most have narrowing "
      "of the arteries from the heart to the lungs"),
    X(hpo("margard", "Ectopia lentis"), "margard-2",
      "Same GARD page: the HPO table gives ectopia lentis in ~7.5%, the text says about half have a "
      "dislocated lens"),
    X(hpo("crdgard", "Visual impairment"), "crdghr-2",
      "GARD gives visual impairment in ~7.5% of cone-rod dystrophy; GHR says most become legally blind by "
      "mid-adulthood"),
    X(hpo("csgard", "Feeding difficulties in infancy"), "csghr-1",
      "GARD gives feeding difficulties in infancy in ~7.5% of Costello syndrome; GHR says most infants have "
      "difficulty feeding"),
]

CONSISTENT = [
    # high blood cholesterol
    K("hbcnhlbi-5", "hbcsh-1", "same screening interval (at least every 5 years from age 20) on both pages"),
    K("hbcnhlbi-6", "hbcsh-2", "same 9-12 hour fast before the lipoprotein panel"),
    K("hbcsh-2", "hbcsh-8", "fasting statement repeated on the page"),
    K("hbcnhlbi-7", "hbcsh-3", "same total-cholesterol threshold of 200 mg/dL"),
    K("hbcsh-3", "hbcsh-9", "threshold sentence repeated on the page"),
    K("hbcnhlbi-8", "hbcnhlbi-12", "HDL below 40 mg/dL repeated (test referral and risk factor)"),
    K("hbcnhlbi-8", "hbcsh-4", "same low-HDL threshold"),
    K("hbcnhlbi-7", "hbcsh-11", "complementary thresholds: 200 or more is high, below 200 is desirable"),
    K("hbcnhlbi-9", "hbcsh-6", "same borderline-high triglyceride range"),
    K("hbcnhlbi-9", "hbcnhlbi-10", "different categories: borderline high 150-199 vs high 200 or more"),
    K("hbcsh-5", "hbcsh-14", "desirable triglycerides below 150 stated twice"),
    K("hbcsh-5", "hbcsh-6", "complementary: below 150 is normal, 150-199 borderline"),
    K("hbcnhlbi-13", "hbcnhlbi-14", "different populations: male relatives before 55, female relatives before 65"),
    K("hbcnhlbi-13", "hbcsh-21", "same family-history age on both pages"),
    K("hbcsh-21", "hbcsh-22", "list and its flattened copy on the same page"),
    K("hbcnhlbi-15", "hbcnhlbi-16", "different populations: men 45+, women 55+"),
    K("hbcnhlbi-16", "hbcnhlbi-3", "different statements about women and age 55 (risk factor vs LDL comparison)"),
    K("hbcnhlbi-21", "hbcnhlbi-22", "same LDL goal for two different risk categories"),
    K("hbcnhlbi-18", "hbcnhlbi-17", "different populations: high-risk goal below 100 vs very-high-risk goal below 70"),
    K("hbcnhlbi-18", "hbcsh-12", "high-risk LDL goal and the general desirable LDL level are both below 100"),
    K("hbcnhlbi-17", "hbcnhlbi-19", "very-high-risk goal repeated"),
    K("hbcnhlbi-19", "hbcnhlbi-20", "complementary: goal below 70, treatment at 70 or higher"),
    K("hbcnhlbi-28", "hbcnhlbi-29", "different populations: men two drinks, women one"),
    K("hbcsh-29", "hbcsh-30", "different populations: waist 40 inches for men, 35 for women"),
    K("hbcnhlbi-32", "hbcsh-31", "statins safe for most people on both pages"),
    K("hbcnhlbi-7", "hbcnhlbi-26", "same number (200) for different things: blood total cholesterol vs dietary cholesterol"),
    K("hbcnhlbi-6", "alaniddk-22", "fasting before different tests: lipoprotein panel 9-12 h vs liver biopsy 8 h"),
    # ewing sarcoma
    K("ewgard-4", "ewghr-6", "EWSR1/FLI1 fusion in about 85% on both pages"),
    K("ewcg-1", "ewgard-2", "overlapping ages: adolescents and young adults vs puberty"),
    K("ewcg-1", "ewghr-2", "overlapping ages: adolescents and young adults vs children and young adults"),
    K("ewgard-1", "ewgard-2", "hedged full range vs the usual age inside it"),
    K("ewgard-3", "ewgard-5", "sporadic cases stated twice on the page"),
    K("ewghr-3", "ewghr-4", "different statistics: rate per million children vs count of US children"),
    K("ewghr-3", "ewghr-5", "different statistics: incidence vs share of childhood cancers"),
    K("ewghr-1", "ewghr-6", "different conditions: bone tumours 87% vs fusion gene 85%"),
    K("ewcg-4", "ewcg-5", "different attributes: late effects lasting months or years vs chemotherapy lasting 6-12 months"),
    # alagille syndrome
    K("alagard-1", "alagard-2", "overlapping onset: first 2 years vs infancy or early childhood"),
    K("alagard-2", "alaghr-1", "same onset (infancy or early childhood)"),
    K("alagard-3", "alagard-1", "infantile onset lies inside the first 2 years"),
    K("alaghr-6", "alaniddk-1", "same 30-50% inherited from a parent"),
    K("alaniddk-1", "alaniddk-2", "repeated in the summary"),
    K("alaniddk-5", "alaniddk-6", "prevalence repeated in the summary"),
    K("alaghr-3", "alaniddk-3", "JAG1: more than 90% vs most"),
    K("alaghr-3", "alaniddk-21", "different attributes: share caused by JAG1 vs test detection rate (94%)"),
    K("alaghr-5", "alaniddk-4", "NOTCH2: a few people vs under 1% of cases"),
    K("alaghr-3", "alaghr-4", "different variants: JAG1 mutations vs deletions"),
    K("alaniddk-9", "alaniddk-10", "normal newborn jaundice: first 1-2 weeks, gone by the 2nd-3rd week"),
    K("alaniddk-10", "alaniddk-11", "different attributes: normal jaundice ends by 2-3 weeks; jaundice after 2 weeks needs a check"),
    K("alaniddk-8", "alaniddk-13", "different signs: liver signs from the first 3 months vs itching after 3 months"),
    K("alaniddk-18", "alaniddk-19", "liver transplant share repeated in the summary"),
    K("alaniddk-23", "alaniddk-24", "different phases after biopsy: lying on the side up to 2 h, then 2-4 h monitoring"),
    K(hpo("alagard", "Ventricular septal defect"), hpo("alagard", "Atria septal defect"),
      "different heart defects"),
    K("alaniddk-15", "alaniddk-16", "different heart findings: pulmonary narrowing in most vs serious wall or valve problems in few"),
    # marfan syndrome
    K("margard-1", "marghr-7", "new mutations in at least 25% on both pages"),
    K("margard-1", "marnhlbi-6", "at least 25% vs about 1 in 4: overlapping"),
    K("marnhlbi-1", "marnhlbi-6", "complementary: most inherited, about 1 in 4 new"),
    K("marnhlbi-1", "marnhlbi-2", "repeated on the page"),
    K("margard-3", "marghr-1", "most have myopia on both pages"),
    K("margard-3", hpo("margard", "Myopia"), "most vs ~50%: overlapping"),
    K("margard-4", "marghr-2", "cataract in mid-adulthood on both pages"),
    K("margard-6", "marnhlbi-3", "same 50% inheritance chance"),
    K("marnhlbi-3", "marnhlbi-4", "repeated on the page"),
    K("marnhlbi-3", "marnhlbi-5", "repeated on the page"),
    K("marghr-6", "marnhlbi-7", "different populations: 1 in 5,000 worldwide vs in the United States"),
    K("marnhlbi-7", "marnhlbi-8", "repeated on the page"),
    K("marghr-4", "marghr-5", "hedged early death in some vs the majority surviving to mid/late adulthood"),
    K("marghr-5", "marnhlbi-9", "survival into mid/late adulthood vs average lifespan when treated: overlapping"),
    K("margard-5", "marmp-1", "most have heart and aorta / blood-vessel problems"),
    K("margard-5", hpo("margard", "Dilatation of the ascending aorta"), "most vs ~90%: overlapping"),
    K("margard-2", hpo("margard", "Myopia"), "same value, different features (lens dislocation vs myopia)"),
    K("marghr-3", "margard-4", "different conditions: features overall vs cataract"),
    # acromegaly
    K("acrogard-1", "acroniddk-1", "same age at diagnosis (middle age)"),
    K("acrogard-2", "acroniddk-3", "same gigantism statement"),
    K("acrogard-1", "acrogard-2", "different subjects: acromegaly in middle age vs gigantism in childhood"),
    K("acroniddk-4", "acroniddk-56", "pituitary adenoma: more than 95% vs most"),
    K("acroniddk-57", "acroniddk-56", "same word 'most' for different statements: sporadic tumours vs adenoma as the cause"),
    K("acroniddk-10", "acroniddk-11", "different statistics: yearly incidence vs prevalence"),
    K("acroniddk-8", "acroniddk-11", "different subjects: small adenomas in 17% vs acromegaly in 60 per million"),
    K("acroniddk-27", "acroniddk-29", "different outcomes of SSAs: hormone lowering vs tumour shrinkage"),
    K("acroniddk-27", "acroniddk-37", "different drugs: SSAs 50-70% vs GHRAs over 90%"),
    K("acroniddk-37", "acroniddk-41", "different drugs: GHRAs over 90% vs dopamine agonists a minority"),
    K("acroniddk-23", "acroniddk-27", "different treatments: surgery 55-80% vs SSAs 50-70%"),
    K("acroniddk-31", "acroniddk-39", "different drugs: SSA monthly vs GHRA daily"),
    K("acroniddk-33", "acroniddk-35", "different side effects: digestive in about half vs gallstones in 10-20%"),
    K("acroniddk-43", "acroniddk-53", "different effects of radiation: full effect vs secondary tumours, both many years"),
    K("acroniddk-45", "acroniddk-49", "different techniques: conventional over 4-6 weeks vs stereotactic in one session"),
    K("acroniddk-17", "acroniddk-55", "different phases: swelling improves in days, cure confirmed up to 8 weeks"),
    K("acroniddk-23", "acroniddk-24", "treatment section repeated on the page"),
    K("acroniddk-12", "acroniddk-16", "different multipliers for different tests and people"),
    K("acroniddk-19", "acroniddk-21", "different thresholds: GH level vs tumour size"),
    K("acroniddk-6", "acroniddk-21", "1 cm macro-adenoma and 10 mm surgical limit: same size, different meaning"),
    # primary ciliary dyskinesia
    K("pcdghr-4", "pcdnhlbi-8", "about half have situs inversus / Kartagener syndrome"),
    K("pcdghr-4", "pcdnhlbi-9", "different direction: share of PCD with situs inversus vs share of situs inversus with PCD"),
    K("pcdnhlbi-6", "pcdnhlbi-9", "same 25% for different subjects"),
    K("pcdghr-2", "pcdnhlbi-1", "breathing problems from birth on both pages"),
    K("pcdghr-1", "pcdnhlbi-1", "most babies vs some people: the hedged statement is a subset"),
    K("pcdghr-3", "pcdnhlbi-3", "different variants: infections from early childhood vs mild disease noticed in teen/adult years"),
    K("pcdnhlbi-1", "pcdnhlbi-2", "repeated on the page"),
    K("pcdnhlbi-3", "pcdnhlbi-4", "repeated on the page"),
    K("pcdnhlbi-12", "pcdnhlbi-14", "breathing problems in newborns vs at birth: overlapping"),
    K("pcdnhlbi-12", "pcdnhlbi-13", "sign list and its flattened copy"),
    K("pcdghr-4", "pcdghr-5", "different conditions: situs inversus 50% vs heterotaxy 12%"),
    K("pcdnhlbi-7", "pcdnhlbi-11", "different outcomes: lung problems in most, transplant in few"),
    K("pcdghr-7", "pcdghr-8", "different genes: up to 30% vs a small percentage"),
    # kawasaki disease
    K("kdghr-2", "kdmp-2", "fever of several days vs more than 5 days: overlapping"),
    K("kdmp-2", "kdnhlbi-3", "same fever duration"),
    K("kdnhlbi-3", "kdnhlbi-8", "repeated on the page"),
    K("kdnhlbi-8", "kdnhlbi-10", "repeated in the diagnosis section"),
    K("kdghr-1", "kdnhlbi-2", "infants and young children vs under 5"),
    K("kdnhlbi-2", "kdnhlbi-6", "repeated on the page"),
    K("kdmp-1", "kdnhlbi-2", "childhood disease vs most cases under 5: overlapping"),
    K("kdnhlbi-2", "kdnhlbi-7", "most cases under 5, rare over 8: the same age picture"),
    K("kdmp-3", "kdnhlbi-19", "different conditions: general recovery within weeks vs coronary healing about 18 months"),
    K("kdmp-3", "kdnhlbi-4", "same recovery time"),
    K("kdnhlbi-4", "kdnhlbi-21", "repeated on the page"),
    K("kdghr-6", "kdghr-7", "different populations: children of affected parents vs siblings"),
    K("kdghr-3", "kdnhlbi-20", "different populations: untreated aneurysms 15-25% vs treated arteries not healing in a few"),
    K("kdnhlbi-9", "kdnhlbi-13", "same 2-3 weeks, different events (peeling vs late diagnosis)"),
    K("kdnhlbi-9", "kdnhlbi-12", "overlapping windows: peeling at 2-3 weeks, coronary changes in the 2nd-3rd week"),
    K("kdnhlbi-15", "kdnhlbi-16", "most improve vs a small number with persistent fever: subset"),
    K("kdnhlbi-17", "kdmp-4", "most children recover on both pages"),
    K("kdghr-4", "kdghr-5", "different populations: Western rate vs 10-20 times more in East Asia"),
    K("kdnhlbi-18", "kdnhlbi-19", "different attributes: wait 11 months for vaccines vs coronary healing at 18 months"),
    # joubert syndrome
    K("jsgard-1", "jsgard-3", "different outcomes with the same 25%"),
    K("jsgard-1", "jsgard-2", "different outcomes: affected 25% vs carrier 50%"),
    K("jsgard-4", "jsgard-5", "sons of a carrier mother: 50% unaffected, 50% affected"),
    K("jsgard-5", "jsgard-8", "different parents: carrier mother 50% vs affected father, no affected sons"),
    K("jsghr-1", hpo("jsgard", "Muscular hypotonia"), "most vs ~90% with hypotonia"),
    K("jsghr-5", hpo("jsgard", "Cognitive impairment"), "most vs ~90% with intellectual disability"),
    K("jsghr-2", "jsghr-3", "different signs: hypotonia in infancy, ataxia in early childhood"),
    K("jsghr-4", "jsninds-1", "breathing problems and main features in infancy"),
    K(hpo("jsgard", "Hand polydactyly"), hpo("jsgard", "Foot polydactyly"), "different features, same frequency"),
    K("jsgard-1", "fdninds-2", "same 25% recessive risk for different conditions"),
    # fragile x syndrome
    K("fxgard-1", "fxghr-7", "most males have the physical features on both pages"),
    K("fxghr-7", "fxghr-8", "different populations: most males vs about half of females"),
    K("fxgard-2", "fxghr-9", "macroorchidism after puberty on both pages"),
    K("fxgard-3", "fxghr-13", "normal repeat count 5 to about 40 on both pages"),
    K("fxgard-5", "fxghr-14", "full mutation over 200 repeats on both pages"),
    K("fxgard-7", "fxghr-15", "premutation 55-200 repeats on both pages"),
    K("fxgard-7", "fxgard-10", "premutation range repeated on the page"),
    K("fxgard-4", "fxghr-12", "most vs nearly all cases from the repeat expansion: overlapping"),
    K("fxgard-8", "fxghr-16", "most premutation carriers intellectually normal on both pages"),
    K("fxghr-5", "fxghr-6", "different populations: seizures 15% of males vs 5% of females"),
    K(hpo("fxgard", "Seizures"), "fxghr-5", "~7.5% overall lies between 15% of males and 5% of females"),
    K(hpo("fxgard", "Autism"), "fxghr-4",
      "specific vs generic: autism ~7.5% vs features of autism spectrum disorders in about one-third"),
    K(hpo("fxgard", "Cognitive impairment"), "fxghr-3", "different populations: all affected vs females"),
    K("fxghr-2", "fxghr-3", "different populations: most males vs one-third of females"),
    K("fxghr-10", "fxghr-11", "different populations: 1 in 4,000 males vs 1 in 8,000 females"),
    K("fxgard-11", "fxgard-12", "different populations: all daughters, no sons"),
    # systemic scleroderma
    K("ssgard-1", "ssghr-1", "same lead time of Raynaud phenomenon"),
    K("ssgard-2", "ssghr-5", "most cases sporadic on both pages"),
    K("ssgard-3", "ssghr-6", "familial cases: a few vs a small percentage"),
    K("ssghr-3", "ssghr-4", "different statistics: prevalence vs female-to-male ratio"),
    # proteus syndrome
    K("prghr-2", "prghr-3", "different statistics: incidence vs number of reported cases"),
    K(hpo("prgard", "Pulmonary embolism"), hpo("prgard", "Arterial thrombosis"), "different clot complications"),
    # cone-rod dystrophy
    K("crdghr-1", "crdghr-3", "different events: first signs in childhood vs legal blindness by mid-adulthood"),
    K("crdghr-5", "crdghr-6", "different inheritance forms and genes"),
    K(hpo("crdgard", "Photophobia"), hpo("crdgard", "Abnormality of color vision"), "different features"),
    # costello syndrome
    K("csgard-1", "csghr-2", "tumour risk from early childhood on both pages"),
    K("csgard-2", "csghr-9", "almost all new mutations on both pages"),
    K("csghr-4", "csghr-5", "different populations: teenagers with Costello vs older adults in general"),
    K("csghr-3", "csghr-4", "different tumours and ages"),
    # juvenile idiopathic arthritis
    K("jiaghr-12", "jiaghr-13", "different statistics and populations: incidence in North America/Europe vs US prevalence"),
    K("jiaghr-13", "jiaghr-14", "same statement as a rate and as a count"),
    K("jiaghr-4", "jiaghr-8", "different variants: oligoarticular 4 or fewer joints vs polyarticular 5 or more"),
    K("jiaghr-6", "jiaghr-7", "different variants: persistent vs extended oligoarthritis"),
    K("jiaghr-8", "jiaghr-10", "same joint count for rheumatoid-factor positive and negative types"),
    K("jiaghr-5", "jiaghr-9", "same 6-month classification window"),
    K("jiaghr-16", "jiaghr-17", "complementary: most sporadic, a small percentage familial"),
    K("jiaghr-15", "jiaghr-16", "different conditions: oligoarticular share vs sporadic share"),
    # farber disease
    K("fdninds-4", "fdninds-5", "different variants: classic form by age 2 vs most severe form within 6 months"),
    K("fdninds-4", "fdninds-6", "different variants: classic form vs milder form"),
    K("fdninds-2", "fdninds-3", "different outcomes: affected 25% vs carrier 50%"),
    K(hpo("fdgard", "Hepatomegaly"), hpo("fdgard", "Splenomegaly"), "different organs"),
    K("fdninds-1", "fdninds-4", "different attributes: onset in early infancy vs death by age 2"),
]
