"""Russian date rules, for the Russian pages we recognise: "12 марта 2024 года", "с 11 по 13 марта",
"в 2019 году", "в марте 2024 года", "2017-2019 годы"."""
from __future__ import annotations

import re

from newsmon.nlp.dates.common import DASH, DAY, DAY_FIRST_RULES, ISO_RULES, YEAR, YEAR_WITH_MONTH, Language, build, month_table

# Stems cover the genitive ("марта") and the prepositional ("в марте") forms.
MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
PARTS = {
    "D": r"(?<![\d.,])" + DAY + r"(?!\d)",
    "M": r"(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?!\w)",
    "Y": r"(?<![\d.,])" + YEAR + r"(?![\d%]|[.,]\d)",
    "YM": r"(?<![\d.,])" + YEAR_WITH_MONTH + r"(?!\d)",
    "GOD": r"(?:\s*г\.|\s+год(?:а|у|ом)?|\s+годы|\s+годах)",
}
TEMPLATES = [
    r"<D1>\s+<M1>(?:\s+<Y1>(?:<GOD>)?)?",  # 12 марта 2024 года
    r"<M1>\s+<Y1>(?:<GOD>)?",  # (в) марте 2024 года
    r"(?<!\w)в\s+(?P<x><Y1><GOD>)",  # в 2019 году
    r"(?:\bс\s+)?<D1>\s+(?:по|до)\s+<D2>\s+<M2>(?:\s+<Y2>(?:<GOD>)?)?",  # с 11 по 13 марта
    r"<D1>\s*<DASH>\s*<D2>\s+<M2>(?:\s+<Y2>(?:<GOD>)?)?",  # 11-13 марта
    r"<Y1>\s*<DASH>\s*<Y2><GOD>",  # 2017-2019 годы
]
LANGUAGE = Language(code="ru", rules=ISO_RULES + DAY_FIRST_RULES + build(TEMPLATES, PARTS, re.IGNORECASE),
                    month_number=month_table(MONTHS))
