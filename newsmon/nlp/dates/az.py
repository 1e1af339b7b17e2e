"""Azerbaijani date rules: "27 yanvar 2020-ci il", "2025-ci ilin 10 sentyabr tarixində", "Yanvarın 27-də",
"iyulun 13-dən 15-dək", "2017–2019-cu illərdə", "2025-ci ilin əvvəlində".

Matching is case-sensitive on purpose: under re.IGNORECASE Python lets "ı" match "I" and "i", so the
genitive "martın" would match the name "Martin". Month stems alone are case-insensitive ((?i:...)).
"""
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
    YEAR,
    YEAR_WITH_MONTH,
    Language,
    build,
    month_table,
)

# Month stem -> (number, vowel class). The class picks the case suffixes vowel harmony allows
# (yanvar-ın, aprel-in, iyul-un), which keeps "Martin" or "Mayami" from reading as months.
STEMS = {
    "yanvar": (1, "a"), "fevral": (2, "a"), "mart": (3, "a"), "aprel": (4, "e"),
    "may": (5, "a"), "iyun": (6, "u"), "iyul": (7, "u"), "avqust": (8, "u"),
    "sentyabr": (9, "a"), "oktyabr": (10, "a"), "noyabr": (11, "a"), "dekabr": (12, "a"),
}  # fmt: skip
# Genitive, dative, locative, ablative, terminative, "-dakı" adjective, genitive + case, and the accusative
# a day takes as an object ("hamı 20 yanvarı gözləyir", "15 dekabrı ... Günü elan edib").
SUFFIXES = {
    "a": "ınadək|ından|ında|ına|adək|dakı|dan|dək|ın|da|a|ı",
    "e": "inədək|indən|ində|inə|ədək|dəki|dən|dək|in|də|ə|i",
    "u": "unadək|undan|unda|una|adək|dakı|dan|dək|un|da|a|u",
}
# Locative/ablative/terminative only, also after the possessive ("bu ilin sentyabrında"): these alone
# make a bare month a date ("fevralda").
PLACE_SUFFIXES = {"a": "ınadək|ından|ında|adək|dakı|dan|dək|da", "e": "inədək|indən|ində|ədək|dəki|dən|dək|də",
                  "u": "unadək|undan|unda|adək|dakı|dan|dək|da"}


def _month(suffixes: dict[str, str], required: bool) -> str:
    q = "" if required else "?"
    alts = [f"(?i:{stem})(?:{suffixes[cls]}){q}" for stem, (_, cls) in STEMS.items()]
    return "(?:" + "|".join(alts) + r")(?!\w)"


L = "[a-zəıöüğçş]"  # a lower-case Azerbaijani letter, for suffixes
PARTS = {
    "D": r"(?<![\d.,])" + DAY + rf"(?:-{L}{{1,6}})?(?!\w)",  # 27, 27-də, 5-i
    "DS": r"(?<![\d.,])" + DAY + rf"-{L}{{1,6}}(?!\w)",  # a day that must carry a suffix
    "M": _month(SUFFIXES, required=False),
    "MP": _month(PLACE_SUFFIXES, required=True),
    "MN": r"(?:1[0-2]|0?[1-9])(?!\d)",  # a month in digits: 31.03.2025-ci il
    "MS": "(?:" + "|".join(f"(?i:{s})" for s in STEMS) + ")",  # the stem alone
    "Y": r"(?<![\d.,])" + YEAR + r"(?![\d%]|[.,]\d)",
    "YM": r"(?<![\d.,])" + YEAR_WITH_MONTH + r"(?![\d%]|[.,]\d)",
    # Ordinal suffix and the word "il" (year) with its case endings: 2020-ci il, 2023-cü ildə, -cu illərdə.
    "IL": rf"-?c[iıuü](?:\s+il{L}*)?(?!\w)",
    # The end of a "from ... to" range: "15-dək", "15-nə qədər", "9-na kimi", and the night between two days
    # ("oktyabrın 16-dan 17-nə keçən gecə": the span ends at the day, as "qədər" after a year is left out
    # of it; 10 in the az pool, where only the first day was found)
    "UNTIL": rf"(?:{L}*dək|{L}*\s+(?:qədər|kimi)|{L}+(?=\s+keçən\s+gecə))(?!\w)",
    "AY": r"\s+ay(?:ı|ları)(?:ndakı|nadək|nda|nın|ndan|na|n)?(?!\w)",  # ayında, ayının, aylarında
    "TARIX": rf"\s+tarix{L}*",  # tarixində, tarixlərində
    # Parts of a period: əvvəlində (at the start of), ortalarında, sonunda, son aylarında, birinci yarısında,
    # always with their possessive: bare "sonra" (after), "əvvəl" (before) and "orta" (average) are other
    # words ("20 Yanvardan sonra", "2025-2026-cı illərdə orta illik artım"; 13 in the az pool, 0 periods).
    "PART": rf"\s+(?:(?:(?:birinci|ikinci)\s+yarı|(?:birinci|ikinci|üçüncü|dördüncü|I|II|III|IV)\s+rüb){L}*"
    rf"|(?:əvvəl[il]|orta[sl]|son[uül]){L}*|son\s+ay{L}*"
    # ... and seasons: 2024-cü ilin yazında (not "yazıçının", "yazdığı", "yazılmış")
    r"|(?:yaz|yay|payız|qış)(?:ı|ın|ını|ına|ında|ından|ınadək)?(?!\w)(?:\s+ay(?:ı|ları)\w*)?)",
}

TEMPLATES = [
    # singles
    r"<D1>\s+<M1>(?:\s+<Y1>(?:<IL>)?)?(?:<TARIX>)?",  # 27 yanvar 2020-ci il / 5 mart tarixində
    r"<Y1><IL>\s+<D1>\s+<M1>(?:<TARIX>)?",  # 2025-ci ilin 10 sentyabr tarixində
    r"<Y1><IL>\s+<M1>(?:<AY>)?\s+<DS1>(?:<TARIX>)?",  # 2024-cü ilin mart ayının 5-də
    r"<M1>(?:<AY>)?\s+<DS1>(?:<TARIX>)?",  # Yanvarın 27-də / mart ayının 5-də
    r"<M1>\s+<Y1>(?:<IL>)?",  # sentyabr 2025
    r"<Y1><IL>\s+<M1>(?:<AY>)?(?:<PART>)?",  # 2025-ci ilin sentyabr ayında
    r"<M1><AY>(?:<PART>)?",  # sentyabr ayında (year inferred)
    r"<M1><PART>",  # martın əvvəlində
    r"<MP1>",  # fevralda, sentyabrdan
    rf"<Y1>-?c[iıuü]\s+illər{L}*(?P<decade>)(?:<PART>)?",  # 1990-cı illərdə (a decade)
    r"<Y1><IL>(?:<PART>)?",  # 2018-ci ildə / 2025-ci ilin əvvəlində / 2020-ci
    rf"<YM1>-?c[iıuü]\s+il{L}*(?!\w)",  # 1475-ci ildə: "il" makes an old year a year
    # 2016-da; 2012-dən bəri; 2030-a qədər; 2030-dək (a count would be "2016-dan çox")
    rf"(?P<x><Y1>-(?:d[aə]|d[aə]n(?=\s+(?:bəri|etibarən|başlayaraq|sonra))|y?[aəu](?=\s+qədər)|(?:y?[aə])?dək))(?!\w)",
    rf"(?<![\d.,/])<D1>\.<MN1>\.(?P<y1>{YEAR})<IL>",  # 31.03.2025-ci il: the suffix belongs to the date
    # A year closing a quoted name is the name's: “Ekspo 2025”, “MDB-nin Mədəniyyət Paytaxtı 2025” (a
    # capitalised word before a bare number is no sign in Azerbaijani: "Bakıda 2000 nəfər")
    r"(?<=\s)(?P<x><Y1>)(?=[”\"»])",
    # XIX əsrdə, XX əsrin əvvəllərində: a century in a case, as "2018-ci ildə" is a year; the bare
    # "XIX əsr Azərbaycan şəhərlərinin gerbləri" qualifies a noun (19th-century arms) and is left out.
    # (never "eramızdan əvvəl IV əsrdən", before our era)
    r"(?<![\w])(?<!eramızdan əvvəl )(?<!e\.ə\. )(?-i:(?P<century>[XVI]+))\s+əsr" + L + r"+(?:<PART>)?",
    # ranges
    r"<D1>\s+və\s+<D2>\s+<M2>(?:\s+<Y2>(?:<IL>)?)?(?:<TARIX>)?(?P<pair>)",  # 13 və 14 iyul tarixlərində
    r"<M1>\s+və\s+<M2>\s+<Y2>(?P<pair>)",
    # "X və Y arasında" is "between X and Y": a range whatever the gap
    r"<D1>\s+və\s+<D2>\s+<M2>(?:\s+<Y2>(?:<IL>)?)?(?:<TARIX>)?(?=\s+arasında)",
    r"<M1>\s+və\s+<M2>(?:\s+<Y2>(?:<IL>)?)?(?:<AY>)?(?=\s+arasında)",  # mart və may 2020
    r"<Y1>\s*<DASH>\s*<Y2>(?:<IL>)?",  # 2017–2019-cu illərdə
    rf"<Y1>-?c[iıuü]\s+ild[aə]n\s+<Y2><IL>(?:<PART>)?",  # 2017-ci ildən 2019-cu ilədək / 2025-ci ilin I rübü
    # 2020-ci ilin noyabrından 2023-cü ilin sentyabrına qədər
    rf"<Y1><IL>\s+<MS1>{L}*d[aə]n\s+<Y2><IL>\s+<MS2>{L}*(?:dək|\s+qədər)(?!\w)",
    rf"<Y1>-d[aə]n\s+<Y2>-(?:(?:y?[aə])?dək|y?[aəu]\s+qədər)(?!\w)",  # 2017-dən 2019-dək
    r"<D1>\s*<DASH>\s*<D2>\s+<M2>(?:\s+<Y2>(?:<IL>)?)?(?:<TARIX>)?",  # 13-15 iyul 2025-ci il
    r"<Y1><IL>\s+<D1>\s*<DASH>\s*<D2>\s+<M2>(?:<TARIX>)?",  # 2025-ci ilin 13-15 iyul tarixlərində
    # iyulun 13-dən 15-dək / 15-nə qədər / 9-na kimi, optionally after "2025-ci ilin"
    rf"(?:<Y1><IL>\s+)?<M1>(?:<AY>)?\s+(?P<d1>{DAY})-d[aə]n\s+(?P<d2>{DAY})-<UNTIL>",
    # noyabrın 20-21-də, 2023-cü il sentyabrın 19-20-də (the year would otherwise take the month alone)
    rf"(?:<Y1><IL>\s+)?<M1>(?:<AY>)?\s+(?P<d1>{DAY})\s*<DASH>\s*<DS2>(?:<TARIX>)?",
    r"(?:<Y1><IL>\s+)?<M1>(?:<AY>)?\s+<DS1>\s+və\s+<DS2>(?:<TARIX>)?(?P<pair>)",  # martın 5-də və 6-da
    # sentyabrın 28-dən oktyabrın 8-dək
    rf"(?:<Y1><IL>\s+)?<M1>(?:<AY>)?\s+(?P<d1>{DAY})-d[aə]n\s+<M2>(?:<AY>)?\s+(?P<d2>{DAY})-<UNTIL>",
    rf"<D1>\s+<MS1>d[aə]n\s+<D2>\s+<MS2><UNTIL>",  # 28 iyundan 2 iyuladək
    r"(?:<Y1><IL>\s+)?<M1>\s*<DASH>\s*<M2><AY>",  # (2025-ci ilin) sentyabr-oktyabr aylarında
]

# The verbs of a sentence (tense.py), most at its end: future -acaq/-əcək ("keçiriləcək", "olacağını"),
# past -ıb/-mış/-dı ("imzalanıb", "keçirilmişdir", "imzalandı"); "bildirib", "xəbər verir" date the report.
TENSE = Tense(
    future=re.compile(rf"{L}(?:acaq|əcək|acağ|əcəy){L}*|\b(?:planlaşdırılır|nəzərdə\s+tutulur|gözlənilir)\b"),
    past=re.compile(rf"{L}{{2,}}(?:ıb|ib|ub|üb)(?:dır|dir|dur|dür|lar|lər)?(?!\w)|{L}(?:mış|miş|muş|müş){L}*"
                    rf"|{L}{{4,}}(?:dı|di|du|dü)(?:lar|lər)?(?!\w)|\b(?:ötən|keçən)\b"),
    reporting=re.compile(r"\b(?:bildirib|bildirilib|deyib|deyilir|qeyd\s+(?:edib|olunub)|xəbər\s+verir"
                         r"|məlumat\s+verib|açıqlayıb|vurğulayıb|söyləyib|diqqətə\s+çatdırıb|əlavə\s+edib"
                         r"|bildirdi|dedi|istinadən)(?!\w)"),
)

LANGUAGE = Language(
    code="az",
    rules=ISO_RULES + BRACKET_RULES + DAY_FIRST_RULES + COPYRIGHT_RULES + SLASH_SEASON_RULES + build(TEMPLATES, PARTS),
    month_number=month_table({stem: n for stem, (n, _) in STEMS.items()}),
    range_joins=[(None, re.compile(rf"\s*{DASH}\s*"))],
    hints=[
        (re.compile(r"\b(?:[Hh]əmin)\s+il(?:in)?\s+$"), None, "same"),  # həmin il fevralın 17-də (that year)
        (re.compile(r"\b(?:ötən|keçən)\s+il(?:in)?\s+$", re.I), None, "-1"),  # keçən ilin oktyabr ayında
        (re.compile(r"\b(?:bu|cari)\s+il(?:in)?\s+$", re.I), None, "0"),  # cari ilin iyun ayında, bu il
        (re.compile(r"\bgələn\s+il(?:in)?\s+$", re.I), None, "+1"),
        (re.compile(r"\b(?:ötən|keçən)\s+$", re.I), None, "past"),  # ötən dekabr ayında
        (re.compile(r"\bgələn\s+$", re.I), None, "future"),
    ],
    # 28 May - Müstəqillik Günü, 31 dekabr Dünya Azərbaycanlılarının Həmrəyliyi Günü: a named day of the year;
    # so is a day kept as a holiday ("23 iyun ... dövlət qulluqçularının peşə bayramı kimi qeyd edilir", "milli
    # bayram") or every year ("hər il avqustun 18-i"), as French "chaque année"; not a festival ("musiqi
    # bayramı"); 5 in the az pool, all yearly
    observance=re.compile(r"\bgünü\s+kimi\b|\w\s+Günü\b|\b(?:peşə|milli|dövlət)\s+bayram|\b[Hh]ər\s+il\b"),
    list_words=r"və",
    tense=TENSE,
    time_year=re.compile(r"\b\d{4}-(?:c[iıuü]|[iıuü]nc[iıuü])\s+ild[əa]$"),
)
