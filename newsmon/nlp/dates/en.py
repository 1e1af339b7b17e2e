"""English date rules: "3 March 2025", "March 1st", "mid-July", "late 2024", "from 13 to 15 July"."""
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
    ORDINAL_WORDS,
    YEAR,
    YEAR_WORDS,
    YEAR_WITH_MONTH,
    Language,
    build,
    month_table,
)

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Month names are matched case-sensitively ((?-i:...)): "may", "march" and "august" are ordinary
# words in lower case, and "Jan"/"Mar" must not start "Janet" or "Marc".
MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)
WEEKDAY = (
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+(?:the\s+)?"
)
PARTS = {
    "D": r"(?<![\d.,])" + DAY + r"(?:st|nd|rd|th)?(?!\w)",
    "M": MONTH,
    "Y": r"(?<![\d.,])" + YEAR + r"(?![\d%]|[.,]\d|'?s\b)",  # not the "1990" of "1990s"
    "YM": r"(?<![\d.,])" + YEAR_WITH_MONTH + r"(?![\d%]|[.,]\d|'?s\b)",  # not the "1990" of "1990s"
    "WD": WEEKDAY,
    "DD": r"(?<![\d.,])(?:" + DAY + r"(?:st|nd|rd|th)?|" + ORDINAL_WORDS + r")(?!\w)",  # 28th / fifteenth
    "YW": r"(?:(?<![\d.,])" + YEAR_WITH_MONTH + r"(?!\d)|" + YEAR_WORDS + r"(?![\w-]))",  # 2025 / two thousand ...
    "ORDW": ORDINAL_WORDS,
    # Words that make a following 4-digit number (or bare month) a date, not a count.
    "PREP": r"\b(?:in|since|by|during|until|till|through|throughout|before|after|from|last|next|this(?:\s+past)?|as\s+of"
    r"|beyond|no\s+later\s+than|(?:through|until)\s+at\s+least|between\s+now\s+and"
    r"|compared\s+(?:with|to)|the\s+year|year|fiscal\s+year|(?:end|beginning|start|middle|half|quarter|week"
    r"|weekend|month|year|spring|summer|autumn|fall|winter)\s+of)",
    # Nouns that make "the 2016 <noun>" a year: events and documents news dates by their year.
    "EVENT": r"(?:elections?|presidential|parliamentary|municipal|midterms?|referendum|vote|census|campaign"
    r"|games|olympics|world\s+cup|championships?|season|budget|fiscal|annual|report|study|survey|summit"
    r"|agreement|deal|accord|treaty|memorandum|protocol|decree|law|act|plan|strateg(?:y|ie)|programme|program"
    r"|roadmap|agenda|compact|edition|earthquake|eruption|attack|uprising|war|crisis|revolution|convention|declaration"
    r"|communiqu[eé]|resolution|ruling|award|targets?|goals?|deadline|pledge|conference|forum|visit|trip|meeting"
    r"|recess|session|announcement|letter|presidenc(?:y|ie)|order|hurricane|storm|flood|wildfire|launch"
    r"|appropriations|decorations)s?\b",  # plurals too: "the 2023 ministerial meetings", "2050 Long Term Strategies"
    "MOD": r"(?:early|mid|late)(?:-|\s+)",
    # Words that end a noun phrase: "the 2000 people at the summit" counts people; "the 2020 hurricane
    # season", "a 2030 greenhouse gas target" name a year.
    "STOP": r"(?:the|a|an|of|at|in|on|to|for|from|by|with|and|or|but|who|which|that|this|these|those|were|was"
    r"|are|is|be|been|have|has|had|will|would|can|could|people|persons|men|women|children|students|workers"
    r"|jobs|members|participants|delegates|officials|troops|soldiers|refugees|migrants|families|households)",
    # Words that number things rather than name them: "Section 1983", "Route 2020", "H.R. 2022".
    "NUMBERED": r"(?:sections?|sec|articles?|titles?|chapters?|rules?|parts?|paragraphs?|clauses?|annex|appendix"
    r"|schedule|forms?|numbers?|no|nos|route|highway|interstate|room|suite|unit|flight|model|version|level|grade"
    r"|class|category|phase|step|page|volume|issue|bill|order|resolution|hr|h\.r|s|pl|p\.l|item|box|lot|code)",
    # Capitalised words that make the number after them a count: "About 2000 Venezuelans".
    "ABOUT": r"(?:about|around|some|nearly|almost|over|under|approximately|roughly|more|less|fewer|at|up|only|just"
    r"|all|another|the|these|those|its|their|our|his|her|and|or|with|by|of|for|to|from|in|on|since|until|after|before)",
    "TO": r"(?:\s*<DASH>\s*|\s+(?:to|until|till|through)\s+)",
    # Units after "in 2016" that show it is a quantity ("in 2016 tonnes").
    "UNIT": r"(?!\s*(?:%|percent|per\s+cent|people|persons|tons?|tonnes?|km|kg|units|AZN|USD|manat|dollars?|euros?)\b)",
}

TEMPLATES = [
    # singles
    r"(?:<WD>)?<D1>(?:\s+of)?\s+<M1>(?:,?\s+<Y1>)?",  # Monday, 3 March 2025 / 3rd of March
    r"(?:<WD>)?<M1>\s+(?:the\s+)?<D1>(?:,?\s+<Y1>)?",  # March 3, 2025 / March 1st
    r"(?:<MOD>)?<M1>(?:\s+of)?,?\s+<Y1>",  # September 2025 / mid-July 2025
    r"<PREP>\s+(?P<x><M1>)",  # in September (year inferred)
    r"\b(?P<x><MOD><M1>)",  # mid-July, early September
    r"<PREP>\s+(?P<x><Y1>)<UNIT>",  # in 2016, since 2012
    r"\b(?:in|since)\s+(?P<x><YM1>)<UNIT>(?=\s*[,.;:)]|\s+(?:and|when|to|until)\b)",  # in 1869, when
    r"\b(?-i:Act|Treaty|Convention|Accords?|Agreement|Protocol|Charter|Declaration|Code)\s+of\s+(?P<x><YM1>)<UNIT>",
    r"\b(?P<x><MOD><Y1>)<UNIT>",  # late 2024, mid-2025
    r"\b(?P<x>(?:spring|summer|autumn|fall|winter)\s+<Y1>)<UNIT>",  # autumn 2016 (year precision)
    r"\bfor\s+(?P<x><Y1>)(?=\s*(?:[.,;:!?)]|$))",  # the plan for 2017. ("for 2000 products" is a count)
    r"(?P<x><Y1>)(?=\s+and\s+beyond\b)",  # the challenges of 2026 and beyond
    # budgets and emissions measured against a year: "below 2005 levels", "over the 2023 enacted level"
    r"(?P<x><Y1>)\s+(?:enacted\s+|funding\s+|baseline\s+|spending\s+)?levels?\b",
    # the 2016 election, the 2014 Wales Summit, Obama's 2008 and 2012 campaigns (the second year: _listed_years)
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|['’]s)\s+(?P<x><Y1>)(?:\s+and\s+(?:19|20)\d\d)?\s+"
    r"(?=(?:(?-i:[A-Z])[\w.'’-]*\s+|(?!<STOP>\b)[a-z][\w’-]*\s+){0,3}<EVENT>)",
    # "the 2016 arbitral tribunal", "its 2022 enactment", "a 1998 graduate", "their 2026 taxes": between a
    # determiner and a lower-case word a year names when; English writes a count of a thousand or more
    # with its comma ("the 2,000 Marines"), and "the 2000 people" stops at a counted noun (57 firings in
    # the en pool, 45 read: all years)
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|['’]s)\s+(?P<x><Y1>)<UNIT>(?=\s+(?!<STOP>\b)(?-i:[a-z]))",
    # "the 1982 UNCLOS", "the 2016 South China Sea Arbitral Award", "our 2030 NDCs", "his 2022 State of the
    # Union", "the Forum's 2050 Strategy": between a determiner and a name, a year is the name's ("the 2,000
    # Marines" writes a count with its comma; 32 such years after "our", "its", "his", a possessive... in
    # the en pool, all dates)
    r"(?:\b(?:the|our|its|their|his|her|this|that|these|those)|[a-z]['’]s)\s+(?P<x><Y1>)\s+(?=(?-i:[A-Z]))",
    # A year a few words before an event or document noun, whatever comes before it: "increased 2030
    # targets", "2050 net zero emission goals", "submit 2050 Long Term Strategies", "the G7 2030 Nature
    # Compact" (42 in the en pool the rules above missed, all dates); not after a quantity word ("about
    # 2000 votes")
    r"(?<![$£€])(?<!\babout )(?<!\baround )(?<!\bsome )(?<!\bnearly )(?<!\balmost )(?<!\bover )(?<!\bunder )"
    r"(?<!\bthan )(?<!\bleast )(?<!\broughly )\b(?P<x><Y1>)<UNIT>\s+(?=(?:(?!<STOP>\b)[\w’'-]+\s+){0,3}?<EVENT>)",
    # "climate finance to 2025", "through to 2025", "the mandate into 2022", "post-2020 framework": a year
    # as the end or the start of a time (18 "to"/"into" years in the en pool the rules missed, all dates;
    # "up to 2000", "rose to 2024 million", "to 2000 troops" are counts)
    r"(?<!\bup )(?<!\brose )(?<!\brisen )(?<!\bfell )(?<!\bgrew )(?<!\bincreased )(?<!\bdecreased )"
    r"\b(?:in)?to\s+(?P<x><Y1>)<UNIT>(?!\s*(?:<DASH>|to\b|and\b)\s*\d)"
    r"(?!\s+(?:million|billion|trillion|thousand|hundred)\b|\s+[a-z]+s\b)",
    r"\b(?:post|pre)-(?P<x><Y1>)(?![\d%]|[.,]\d|-)",
    # A name and its year: "the Pacific Islands Summit 2023", "Vision 2030", "Fiscal Year (FY) 2026", "the
    # Master Plan on ASEAN Connectivity (MPAC) 2025"; not a numbered thing ("Section 1983", "H.R. 2022")
    # nor a count after a capitalised adverb ("About 2000 Venezuelans"), nor a quarter ("Q3 2024")
    # (the lookahead for the year first: most capitalised words have none after them)
    r"(?<![\w.])(?=(?-i:[A-Z])(?:[^\W\d_]|[’'-])*(?:\s+\(\w+\))?\s+(?:19|20)\d\d)(?!<NUMBERED>\b|<ABOUT>\b)"
    r"(?-i:[A-Z])(?:[^\W\d_]|[’'-])*(?:\s+\((?-i:[A-Z]{2,8})\))?\s+(?P<x><Y1>)<UNIT>"
    r"(?!\s*(?:<DASH>|to\b|and\b)\s*\d)(?![\w-])",
    # the December U.S.-Africa Leaders Summit, the May elections, the President's June trip, our July letter
    r"(?:\b(?:the|its|his|her|their|our)|['’]s)\s+(?P<x><M1>)\s+(?=(?:(?-i:[A-Z])[\w.'’-]*\s+){0,3}<EVENT>)",
    # Proclamations and treaties: "this fifteenth day of July, in the year of our Lord two thousand
    # twenty-two", "this 28th day of October, two thousand and twenty-five".
    r"\b<DD1>\s+day\s+of\s+<M1>,?\s+(?:in\s+the\s+year\s+of\s+our\s+Lord\s+)?<YW1>",
    # ranges
    # the twenty-first century, the mid-twentieth century: 2001/2100 (not "21st-century", an adjective)
    # ("21st Century Cures Act" is a name)
    # (a century is a time only after a determiner: "new forms of 21st century cooperation" qualifies a noun)
    r"\b(?:the|this|that|our|its|their|each|every|last|next|same)\s+"
    # (pages keep their markup: "the 21<sup>st</sup> century", 27 times in the en pool)
    r"(?P<x>(?:<MOD>)?(?P<century>(?:1\d|2[01])(?:<sup>)?(?:st|nd|rd|th)(?:</sup>)?|<ORDW>)\s+century)\b"
    r"(?!\s+(?-i:[A-Z]\w))(?!\s*(?:BC|B\.C|BCE|B\.C\.E)\b)",
    # 13-15 July 2025 / from 13 to 15 July / from Monday 3 to Friday 7 March
    r"(?:\bfrom\s+)?(?:<WD>)?<D1><TO>(?:<WD>)?<D2>\s+<M2>(?:,?\s+<Y2>)?",
    r"\bbetween\s+(?:the\s+)?<D1>\s+and\s+(?:the\s+)?<D2>\s+<M2>(?:,?\s+<Y2>)?",
    r"(?:\bfrom\s+)?<M1>\s+<D1><TO><D2>(?:,?\s+<Y2>)?",  # July 13-15, 2025
    r"\bbetween\s+<M1>\s+<D1>\s+and\s+<D2>(?:,?\s+<Y2>)?",
    r"(?:\bfrom\s+)?<M1><TO><M2>(?:,?\s+<Y2>)?",  # March-May 2024 / from March to May 2024
    r"\bbetween\s+<M1>\s+and\s+<M2>(?:,?\s+<Y2>)?",  # between March and May 2024
    r"\b(?P<x>(?:<MOD>)?(?P<y1>(?:19|20)\d0)'?s)(?P<decade>)\b",  # the 1990s, early 2000s
    r"<M1>\s+<D1>\s+and\s+<D2>(?:,?\s+<Y2>)?(?P<pair>)",  # December 25 and 26, 2017
    # 25 and 26 December, Thursday 6 and Friday 7 March
    r"(?:<WD>)?<D1>\s+and\s+(?:<WD>)?<D2>\s+<M2>(?:,?\s+<Y2>)?(?P<pair>)",
    r"<M1>\s+and\s+<M2>,?\s+<Y2>(?P<pair>)",  # February and March 2017
    r"<M1>(?P<series>(?:,\s+<M>)+),?\s+and\s+<M2>,?\s+<Y2>",  # September, October and November 2020
    r"(?:\bfrom\s+)?<Y1><TO><Y2>",  # 2017-2019 / from 2017 to 2019
    SPLIT_YEAR,  # academic year 2025-26
    r"\bbetween\s+<Y1>\s+and\s+<Y2>",
]

# Slashed numbers are read month-first only when that is the only valid reading or the publication
# date settles it (see dates.py); dotted ones are day-first, as written by non-US outlets.
NUMERIC = r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)<Y1>(?![\d/])"

# The verbs of a sentence (tense.py): "will", "would", "is expected to" against "signed", "was", "visited";
# "said", "told" date the report, not the event.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

TENSE = Tense(
    future=re.compile(r"(?<!political )(?<!the )(?<!good)(?<!free )(?<!own )\bwill\b|\b(?:shall|won['’]t|would"
                      r"|(?:is|are)\s+(?:expected|scheduled|set|due|slated|planned|going)\s+to|plans?\s+to"
                      r"|intends?\s+to|look(?:s|ing)?\s+forward|ahead\s+of|upcoming|forthcoming)\b|['’]ll\b", re.I),
    # (a participle after "be" is a passive of any time: "will be signed", "would be delivered")
    past=re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\b(?:was|were|had|did|signed|visited|met|held|hosted"
                    r"|attended|launched|issued|established|adopted|created|passed|approved|enacted|completed|began|started|ended|joined|traveled"
                    r"|travelled|spoke|convened|welcomed|concluded|opened|designated|declared|endorsed|agreed"
                    r"|reached|took|gave|sent|won|lost|killed|died|arrived|elected|appointed|became|announced"
                    r"|released|requested|delivered|broke|reviewed|expanded|unveiled|introduced|provided|committed"
                    r"|pledged|published|imposed|deployed|invested|finalized|led|brought|marked|celebrated|called"
                    r"|ago|earlier|previously)\b", re.I),
    reporting=re.compile(r"\b(?:said|says|told|added|noted|stated|according\s+to)\b", re.I),
)

LANGUAGE = Language(
    code="en",
    rules=ISO_RULES
    + BRACKET_RULES
    + COPYRIGHT_RULES
    + SLASH_SEASON_RULES
    + build(TEMPLATES, PARTS, re.IGNORECASE)
    + DAY_FIRST_RULES[:1]  # dotted: 10.09.2025
    + build([NUMERIC], PARTS, kind="numeric_us"),
    month_number=month_table(MONTHS),
    range_joins=[
        # "from Monday, March 3, to Friday, March 7": a comma may close the first date
        (re.compile(r"\bfrom\s+$", re.I), re.compile(rf",?\s*{DASH}\s*|,?\s+(?:to|until|till|through)\s+", re.I)),
        (re.compile(r"\bbetween\s+$", re.I), re.compile(r"\s+and\s+", re.I)),
        (None, re.compile(rf"\s*{DASH}\s*|\s+(?:to|until|till|through)\s+", re.I)),
    ],
    hints=[
        (re.compile(r"\blast\s+$", re.I), None, "past"),
        (re.compile(r"\b(?:since|back\s+in|earlier\s+in)\s+$", re.I), None, "past"),  # since September
        (re.compile(r"\bnext\s+$", re.I), None, "future"),
        (re.compile(r"\bthis\s+$", re.I), None, "0"),
        (None, re.compile(r",?\s+of\s+(?:that|the\s+same)\s+year\b", re.I), "same"),  # in September of that year
        (None, re.compile(r",?\s+(?:of\s+)?this\s+year\b", re.I), "0"),  # in February of this year
        (None, re.compile(r",?\s+(?:of\s+)?last\s+year\b", re.I), "-1"),
        (None, re.compile(r",?\s+(?:of\s+)?next\s+year\b", re.I), "+1"),
    ],
    list_words=r"and|or",
    tense=TENSE,
    weekdays={d: i for i, d in enumerate(WEEKDAYS)},
    time_year=re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y)\s+(?:(?:early|late|mid-?)\s*)?\d{4}$"),
)
