"""French date rules: "le 1er janvier", "lundi 3 mars 2025", "mi-juillet", "du 13 au 15 juillet 2025"."""
from __future__ import annotations

import re

from newsmon.nlp.dates.tense import Tense
from newsmon.nlp.dates.common import (
    BRACKET_RULES,
    COPYRIGHT_RULES,
    SLASH_SEASON_RULES,
    DASH,
    DAY,
    DAY_FIRST_RULES,
    ISO_RULES,
    SPLIT_YEAR,
    YEAR,
    YEAR_WITH_MONTH,
    Language,
    build,
    month_table,
)
from newsmon.nlp.dates import en as dates_en

MONTHS = {
    "janv": 1, "fév": 2, "fev": 2, "mars": 3, "avr": 4, "mai": 5, "juin": 6, "juil": 7,
    "août": 8, "aout": 8, "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12,
}  # fmt: skip

# "les élections de 2016", "la loi de 2016": events and documents news names by their year.
_EVENT = (
    r"(?:élections?|présidentielle|législatives|municipales|scrutin|référendum|recensement|loi"
    r"|budget|rapport|étude|enquête|sommet|accord|traité|protocole|mémorandum|décret|plan|stratégie"
    r"|programme|feuille\s+de\s+route|édition|saison|campagne|jeux|coupe\s+du\s+monde|mondial"
    r"|championnats?|crise|séisme|attentats?|révolution|guerre)"
)

# Words before "de 2000" that make it a quantity ("plus de 2000", "un montant de 2020"): one fixed-width
# lookbehind each, so that the rule's matches start at "de" (re skips to it; see text/regex_start.py).
_QUANTITY_WORDS = ("plus", "moins", "près", "environ", "quelque", "quelques", "autour", "hauteur", "montant",
                   "somme", "total", "nombre", "chiffre", "score", "altitude", "prix", "coût", "valeur",
                   "capacité", "numéro", "n°", "tirage", "effectif", "record")
_NOT_AFTER_QUANTITY = "".join(f"(?<!\\b{word} )" for word in _QUANTITY_WORDS)

PARTS = {
    "D": r"(?<![\d.,])(?:1er|1ᵉʳ|premier|" + DAY + r")(?!\w)",
    "M": r"(?:janvier|janv\.|f[ée]vrier|f[ée]vr?\.|mars|avril|avr\.|mai|juin|juillet|juil\.|ao[uû]t"
    r"|septembre|sept\.|octobre|oct\.|novembre|nov\.|d[ée]cembre|d[ée]c\."
    # Short forms without their dot ("3 déc 2024 (AFP)"; "sept" is also the number seven): a month only
    # between a day and a year
    r"|(?<=\d\s)(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)(?=\s+(?:19|20)\d\d\b))(?!\w)",
    "Y": r"(?<![\d.,])" + YEAR + r"(?![\d%]|[.,]\d)",
    "YM": r"(?<![\d.,])" + YEAR_WITH_MONTH + r"(?![\d%]|[.,]\d)",
    "WD": r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+",
    # Words that make a following year (or bare month) a date, not a count.
    "PREP": r"(?<!\w)(?:en|depuis|dès|jusqu'en|jusqu’en|d'ici|d’ici|avant|après|courant|[àa]\s+partir\s+de|horizon|vers"
    r"|par\s+rapport\s+à"
    r"|au\s+cours\s+de|l'année|l’année|l'an|l’an|année|exercice|(?:au\s+)?mois\s+d[e'’]\s*"
    r"|(?:fin|début|milieu)\s+d[e'’]|(?:premier|second|deuxième|troisième|quatrième)\s+(?:semestre|trimestre)"
    r"(?:\s+d[e'’])?)",
    "MOD": r"(?:début|fin|mi-|courant|milieu)\s*",
    # An ordinal century: XXIe, IVe, Ier, 19e, 5ème
    "CENTURY": r"(?:(?-i:[XVI]+)(?:e|ème|è|ᵉ)|(?-i:I)(?:er|ᵉʳ)|(?:1\d|2[01]|[1-9])(?:e|ème|è|ᵉ)|1(?:er|ᵉʳ))(?!\w)",
    "UNIT": r"(?!\s*(?:%|pour\s+cent|personnes|habitants|tonnes|km|kg|euros?|dollars?|manats?|millions?"
    r"|milliards?|ans|mètres|exemplaires)\b|\s*(?:av\.?\s*J|avant\s+(?:J|notre\s+ère)))",
    "EVENT": _EVENT,
    # Past events and made things that "de 1915" dates ("le génocide de 1915", "le tremblement de terre de
    # 1988", "la République d'Arménie de 1918", "un article de 2022"), counted on real news: a year after
    # "de" follows these far more often than a count does.
    "DATED": rf"(?:{_EVENT}|génocide|massacres?|pogroms?|tremblement|déportations?|rafle|exode|conflit|offensive"
    r"|invasion|agression|insurrection|soulèvement|émeutes?|manifestations?|grèves?|catastrophe|inondations?"
    r"|incendie|indépendance|république|constitution|convention|décrets?|lois|accords|traités|exercices?"
    r"|réformes?|salon|exposition|festival|concours|conférence|forum|colloque|congrès|cérémonie|commémoration"
    r"|bataille|occupation|libération|armistice|visite|voyage|tournée|article|livre|film|album|palmarès"
    r"|crimes?|nettoyage|épuration|toile|œuvre|tableau|photo(?:graphie)?|millénaire|centenaire|procès|verdict"
    r"|dat(?:e|ent|ant|ait|é|ée))",  # "date de 1923", "datant de 1916": dates from
    # After a year, a plural noun shows a count ("un festival de 2000 spectateurs"); a date goes on with a
    # verb, a preposition or punctuation ("le génocide de 1915 perpétré", "de 1915 dans les").
    "COUNTED": r"(?!\s+(?!(?:dans|sous|vers|puis|alors|depuis|mais|lors|après|très|plus|moins|jamais|toujours"
    r"|aussi|tous|les|des|ses|ces|mes|nos|vos|leurs|nous|vous|ils|elles)\b)[a-zàâçéèêëîïôûùüÿœæ]+[sx]\b)",
}

TEMPLATES = [
    # singles
    r"(?:<WD>)?<D1>\s+<M1>(?:\s+<Y1>)?",  # lundi 3 mars 2025 / (le) 1er mars
    r"(?:<MOD>)?<M1>\s+(?:de\s+)?<Y1>",  # septembre 2025 / mi-juillet 2025 / janvier de 2007
    r"<PREP>\s*(?P<x><M1>)",  # en septembre (year inferred)
    r"(?<!\w)(?P<x><MOD><M1>)",  # mi-juillet, début mars
    r"<PREP>\s+(?P<x><YM1>)<UNIT>",  # en 2017, l'année 2019, depuis 2012, en 1869
    # A year of three digits, history's ("mentionné pour la première fois en 912 dans la Chronique", "dès
    # 336 par les Perses", "en l'an 281 ?", "en 301 après J.-C."): only after "en", "dès", "l'an" and before
    # punctuation or a word that goes on a sentence, never a noun ("en 306 convois", "en 200 kHz"); 13 in the
    # fr pool outside the gold draws, 11 right, 2 wrong: years before our era that the sentence says so
    # once, before them ("IVe siècle avant J.-C. : Sidon est détruite par les perses en 351"); "en 407
    # avant J.C." itself is left out, as centuries before our era are
    r"(?<!\w)(?:en|dès|(?:en\s+)?l['’]an)\s+(?P<x>(?P<y1>[1-9]\d\d))(?![\d,.]?\d)"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:après|apr\.|par|dans|lors|sous|avec|à|au|et|le|la|les|l['’]|un|une|il|elle"
    r"|ils|elles|on|quand|lorsque|sur|contre|pour)\b)",
    r"<M1>(?=\s+(?:derni(?:er|ère)|prochaine?)\b)",  # septembre dernier (the hint joins the mention)
    # A name and its year: "l'Eurovision Junior 2022", "Paris 2024", "Agenda 2030".
    r"(?-i:\b[A-Z][\w’'-]*)\s+(?P<x><Y1>)<UNIT>(?!\s*(?:<DASH>|à|et)\s*\d)",
    r"(?<!\w)(?P<x><MOD><Y1>)<UNIT>",  # fin 2024, mi-2025
    r"(?<!\w)(?P<x>(?:printemps|été|automne|hiver)\s+(?:de\s+)?<Y1>)<UNIT>",  # (à l')automne 2016
    # les élections législatives de 2016, la révolution de velours de 2018
    # (years from 1000: "la Constitution de 1876", "une tombe datant de 1630")
    r"\b<DATED>\s+(?:(?:[\w’'-]+|d[e'’]\s*[\w’'-]+)\s+){0,2}?d[e'’]\s*(?P<x><YM1>(?:\s*<DASH>\s*<YM2>)?)<UNIT><COUNTED>",
    # Any other "de 1915" ("celui de 1915", "nos victimes de 1915", "la population juive de 1939", "les
    # protocoles arméno-turcs de 2008"): a year of this century or the last after "de" is a date unless
    # a quantity word comes before it ("plus de 1500 personnes") or a unit or counted noun after it
    # ("un village de 2000 âmes"); 48 firings in the fr pool, 40 read: 36 dates, the 4 counts stopped by
    # <UNIT>/<COUNTED>
    r"(?<=[^\W\d_] )" + _NOT_AFTER_QUANTITY + r"d[e'’]\s*(?P<x><Y1>)<UNIT><COUNTED>"
    r"(?!\s*(?:<DASH>|à|et|au)\s*\d)",
    # "prévu pour 2025", "le budget de l'État pour 2023", "vœux pour 2025" (6 in the fr pool, all dates)
    r"\bpour\s+(?P<x><Y1>)<UNIT><COUNTED>(?!\s*(?:<DASH>|à|et)\s*\d)",
    # l'édition 2025, le budget 2025, la stratégie 2030: the noun names its year directly ("traité"
    # only after a determiner: "le portail a traité 2016 demandes" is the verb)
    r"(?:\b(?:la|le|les|du|des|son|sa|ses|leur|leurs|cette|ce)\s+|\bl['’]|\bd['’]|(?<!\w)(?!traité\b))<EVENT>"
    r"\s+(?P<x><Y1>)<UNIT>(?!\s*(?:<DASH>|à|et)\s*\d)",
    # le XXIe siècle, le 19e siècle: 1801/1900 (a century is a range of years); au IVe siècle, le Ier siècle;
    # les XIIe et XIIIe siècles, (9e-11e siècles): one range (never "XVe siècle av. J.-C.", before our era)
    r"(?<!\w)(?:(?P<century0><CENTURY>|(?:1\d|2[01]|[1-9])(?=\s+et\s))(?:\s*<DASH>\s*|\s+(?:et|à|au)\s+)(?=\S+\s+siècles))?"
    r"(?P<century><CENTURY>)\s+siècles?(?!\w)(?!\s*,?\s*(?:av\b|av\.|av,|avant\s+(?:J|notre)))",
    # ranges
    # du 13 au 15 juillet 2025, du lundi 3 au vendredi 7 mars
    r"(?:\bdu\s+)?(?:<WD>)?<D1>\s+(?:au|à)\s+(?:<WD>)?<D2>\s+<M2>(?:\s+<Y2>)?",
    r"<D1>\s*<DASH>\s*<D2>\s+<M2>(?:\s+<Y2>)?",  # 13-15 juillet
    r"\bentre\s+le\s+<D1>\s+et\s+le\s+<D2>\s+<M2>(?:\s+<Y2>)?",
    r"\bentre\s+les\s+<D1>\s+et\s+<D2>\s+<M2>(?:\s+<Y2>)?",  # entre les 27 et 30 janvier 2022
    r"(?:\bde\s+|\bd['’])<M1>\s+(?:à|au)\s+<M2>(?:\s+<Y2>)?",  # de mars à mai 2024
    r"\bentre\s+<M1>\s+et\s+<M2>(?:\s+<Y2>)?",  # entre mars et mai 2024
    r"<M1>\s*<DASH>\s*<M2>\s+<Y2>",  # mars-mai 2024
    r"<PREP>\s*(?P<x><M1>\s*<DASH>\s*<M2>)(?!\s*<DASH>?\s*\d)",  # en octobre-novembre (year inferred)
    # A named event and its year: "le Concours Eurovision de la chanson 2023", "le Championnat du monde de
    # basket-ball 2027", "la Fête de la Fraternité et des cultures du monde 2025" (no count after it)
    r"(?-i:\b(?:Concours|Festival|Fête|Forum|Salon|Sommet|Championnats?|Coupe|Jeux|Biennale|Rencontres?"
    r"|Journées?|Semaine|Nuit|Prix|Trophées?|Victoires|Assises|Congrès|Exposition|Conférence)\b)"
    r"(?:\s+[^\W\d_][\w’'-]*){1,8}?\s+(?P<x><Y1>)<UNIT><COUNTED>(?!\s*(?:<DASH>|à|et)\s*\d)",
    r"(?<!\w)(?:les\s+)?années\s+(?P<y1>(?:19|20)\d0)(?!\d)(?P<decade>)",  # les années 1990
    # les années 80: the 1980s (13 in the fr pool, all of the last century; "les années 2020" are written out)
    r"(?<!\w)(?:les\s+)?années\s+(?P<y1>[2-9]0)(?!\d)(?P<decade>)(?!\s*,?\s*(?:av\b|av\.|avant\s+(?:J|notre)))",
    # les 15 et 16 avril 2010, jeudi 6 et vendredi 7 mars, le samedi 8 et le dimanche 9 mars
    r"(?:\bles\s+)?(?:<WD>)?<D1>\s+et\s+(?:le\s+)?(?:<WD>)?<D2>\s+<M2>(?:\s+<Y2>)?(?P<pair>)",
    r"<M1>\s+et\s+<M2>\s+<Y2>(?P<pair>)",  # février et mars 2017
    r"(?:\bde\s+)?<Y1>\s*(?:<DASH>|\s+à\s+)\s*<Y2>",  # 2017-2019 / de 2017 à 2019
    SPLIT_YEAR,  # la saison 2024-25
    r"\bde\s+<YM1>\s+à\s+<YM2><UNIT>",  # de 1490 à 1787
    r"\bentre\s+<YM1>\s+et\s+<YM2><UNIT>",
    r"<M1>(?P<series>(?:,\s+<M>)+),?\s+et\s+<M2>\s+<Y2>",  # septembre, octobre et novembre 2020
]

# English dates quoted in French pages, mostly embedded posts ("— Nathalie Loiseau (@NathalieLoiseau)
# March 13, 2024"): only the complete form, which no French phrase resembles.
ENGLISH_RULES = build([r"<M1>\s+<D1>,\s+<Y1>"], {"M": dates_en.MONTH, "D": dates_en.PARTS["D"],
                                                  "Y": dates_en.PARTS["Y"], "YM": dates_en.PARTS["YM"]})

# The verbs of a sentence (tense.py): futur and "prévu" against passé composé, imparfait of être/avoir
# and "dernier"; "a déclaré", "selon" date the report. ("a lieu" is the present of "avoir lieu".)
_PARTICIPLE = r"[\w’']+(?:é|ée|és|ées|i|is|ie|it|u|ue|us|ert|erte)"
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

TENSE = Tense(
    future=re.compile(r"\b(?:sera|seront|aura|auront|va|vont|ira|iront|fera|feront|pourra|pourront|devra|devront"
                      r"|devrait|devraient|faudra|viendra|tiendra|prendra|rendra|attendra|répondra|deviendra"
                      r"|interviendra|prévue?s?|prochaine?s?|à\s+venir)\b|\b\w{3,}(?:era|eront|iront|dront)\b", re.I),
    past=re.compile(rf"\b(?:a|ont|avait|avaient|est|sont|était|étaient|fut|furent|s['’]est|se\s+sont)\s+"
                    r"(?:(?:été|déjà|bien|aussi|ainsi|pas|ensuite|notamment|alors|enfin)\s+)*"
                    rf"(?!lieu\b){_PARTICIPLE}\b"
                    r"|\bderni(?:er|ère)s?\b|\b(?:était|étaient|avait|avaient)\b", re.I),
    reporting=re.compile(r"\b(?:a|ont)\s+(?:déclaré|indiqué|annoncé|précisé|souligné|affirmé|rappelé|expliqué"
                         r"|ajouté|estimé|dit|confié|assuré|noté)\b|\bselon\b", re.I),
)

LANGUAGE = Language(
    code="fr",
    rules=ISO_RULES + BRACKET_RULES + DAY_FIRST_RULES + COPYRIGHT_RULES + SLASH_SEASON_RULES + build(TEMPLATES, PARTS, re.IGNORECASE) + ENGLISH_RULES,
    month_number=month_table(MONTHS | dates_en.MONTHS),
    range_joins=[
        (re.compile(r"\bdu\s+$", re.I), re.compile(r"\s+au\s+", re.I)),
        (re.compile(r"\bde\s+$", re.I), re.compile(r"\s+à\s+", re.I)),
        (re.compile(r"\bentre\s+(?:le\s+)?$", re.I), re.compile(r"\s+et\s+(?:le\s+)?", re.I)),
        (None, re.compile(rf"\s*{DASH}\s*|\s+au\s+", re.I)),
    ],
    hints=[
        (None, re.compile(r"\s+de\s+la\s+même\s+année\b", re.I), "same"),  # en décembre de la même année
        (None, re.compile(r"\s+(?:de\s+)?cette\s+année\b", re.I), "0"),  # en février de cette année
        (None, re.compile(r"\s+de\s+l['’](?:année\s+(?:dernière|passée)|an\s+dernier)", re.I), "-1"),
        (None, re.compile(r"\s+de\s+l['’](?:année|an)\s+prochain", re.I), "+1"),
        (None, re.compile(r"\s+derni(?:er|ère)\b", re.I), "past"),  # le 22 juillet dernier
        (re.compile(r"\bdepuis\s+(?:le\s+)?$", re.I), None, "past"),  # depuis septembre
        # "au dernier défilé du 14 juillet", "lors du prochain sommet du 12 juin"
        (re.compile(r"\bderni(?:er|ère)s?\s+[\w’'-]+\s+du\s+$", re.I), None, "past"),
        (re.compile(r"\bprochaine?s?\s+[\w’'-]+\s+du\s+$", re.I), None, "future"),
        (None, re.compile(r"\s+prochain(?:e)?\b", re.I), "future"),
    ],
    # "la fête nationale du 14 juillet", "Le 14 juillet fêté à Yerevan", "journée internationale"
    # ("la fête des Sargs sera célébrée le 27 janvier" is this year's movable feast: a bare "fête" is not enough)
    # ... and a day kept "chaque année" ("commémoré chaque année le 24 avril", "le 8 mars de chaque année":
    # 6 in the fr pool, all yearly)
    observance=re.compile(r"\bcomme\s+(?:le\s+)?jour\b"  # "décrété comme jour de mémoire", "retenu comme jour de fête"
                          r"|\bfête\s+nationale\b|\bjourn[ée]e\s+(?:nationale|internationale|mondiale|européenne)\b"
                          r"|\bjour\s+férié|^\s*fêtée?s?\b|\bchaque\s+année\b|\btous\s+les\s+ans\b", re.I),
    list_words=r"et|ou",
    tense=TENSE,
    weekdays={d: i for i, d in enumerate(WEEKDAYS)},
    time_year=re.compile(r"\b(?:[Ee]n|[Dd]ès|[Dd]epuis|au\s+(?:printemps|début|cours\s+de\s+l['’]année))\s+\d{4}$"),
)
