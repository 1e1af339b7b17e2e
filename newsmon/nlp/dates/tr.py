"""Turkish date rules, for the Turkish pages we recognise: "21 Mayıs 2025", "20-21 Mayıs",
"2019 yılında", "Mayıs 2025", "2017-2019 yılları arasında". Case endings follow the number with an
apostrophe ("21 Mayıs'ta") or fuse with the month ("Mayısta")."""
from __future__ import annotations

from newsmon.nlp.dates.common import DASH, DAY, DAY_FIRST_RULES, ISO_RULES, YEAR, YEAR_WITH_MONTH, Language, build, month_table

MONTHS = {
    "ocak": 1, "şubat": 2, "subat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "mayis": 5, "haziran": 6,
    "temmuz": 7, "ağustos": 8, "agustos": 8, "eylül": 9, "eylul": 9, "ekim": 10, "kasım": 11, "kasim": 11,
    "aralık": 12, "aralik": 12,
}  # fmt: skip
L = "[a-zçğıöşü]"
MONTH = "(?:" + "|".join(
    f"(?i:{m[0]}){m[1:]}" for m in ("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz",
                                    "ağustos", "eylül", "ekim", "kasım", "aralık")) + r")(?:['’]?" + L + r"*)?(?!\w)"
PARTS = {
    "D": r"(?<![\d.,])" + DAY + r"(?!\w)",
    "M": MONTH,
    "Y": r"(?<![\d.,])" + YEAR + r"(?![\d%]|[.,]\d)",
    "YM": r"(?<![\d.,])" + YEAR_WITH_MONTH + r"(?!\d)(?:['’]?" + L + r"*)?",
    "YIL": r"\s+yıl" + L + r"*",  # yılında, yılı, yılları (outside the mention, as annotators mark it)
}
TEMPLATES = [
    r"<D1>\s+<M1>(?:\s+<Y1>)?",  # 21 Mayıs 2025, 21 Mayıs'ta
    r"<M1>\s+<Y1>",  # Mayıs 2025
    r"(?P<x><Y1>)(?:['’]?" + L + r"*)?<YIL>",  # 2019 yılında, 2019'da yılı: the year alone is the date
    r"<D1>\s*<DASH>\s*<D2>\s+<M2>(?:\s+<Y2>)?",  # 20-21 Mayıs (2025)
    r"(?P<x><Y1>\s*<DASH>\s*<Y2>)<YIL>",  # 2017-2019 yılları
]
LANGUAGE = Language(code="tr", rules=ISO_RULES + DAY_FIRST_RULES + build(TEMPLATES, PARTS),
                    month_number=month_table(MONTHS))
