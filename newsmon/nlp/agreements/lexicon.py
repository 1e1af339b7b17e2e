"""Per-language cue words for agreement extraction: type triggers, status verbs, anaphora, date context.

Everything here is data (compiled regexes); `newsmon.agreements` does the matching. English and French are
written here, Azerbaijani in `lexicon_az.py`, Turkish and Russian in `lexicon_tr_ru.py`; `LEXICONS` holds all.
"""
from __future__ import annotations

import re

from newsmon.nlp.agreements.lexicon_base import Lexicon, _c, _heads, _types

__all__ = ["LEXICONS", "Lexicon", "lexicon"]

_APOS = "['’ʼ`]"
# a contract is also awarded ("awarded a $1 billion contract to Boeing", "the contract was awarded"), though
# grants and prizes are awarded too
_AWARDED = r"\bawarded(?=\s+(?:[\w$.,-]+\s+){0,5}contracts?\b)|(?<=contract\s)(?:was\s+)?awarded\b"

# a document only as a signing or agreeing verb's object (see `Lexicon.object_types`)
_EN_OBJECT_WORD = r"\bframeworks?\b"

# joining a named document states sign one by one (`Lexicon.joined_alone`): signing it
_JOINED = r"\bjoin(?:ed|s|ing)?(?=\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,5}(?-i:Accords|Pledge)\b)"

# road maps (see `Lexicon.road_map`)
_EN_ROAD_MAP = r"\broad\s?maps?\b"
_FR_ROAD_MAP = r"\bfeuilles?\s+de\s+route\b"

EN = Lexicon(
    code="en",
    types=_types(
        # a President's memorandum is an order he issues
        ("decree", r"\b(?:presidential|national\s+security(?:\s+study)?)\s+memorand(?:um|a)\b"),
        ("memorandum", r"\bmemorand(?:ums?|a)(?:\s+of\s+(?:understanding|cooperation))?\b|\bMoUs?\b"),
        ("other", r"\b(?:letters?|declarations?)\s+of\s+intent\b|\bjoint\s+(?:declarations?|communiqu[ée]s?)\b"
                  r"|\bjoint\s+(?:leaders['’]?\s+)?statements?\b"),
        ("protocol", r"\bprotocols?(?:\s+of\s+intent(?:ions?)?)?\b"),
        # (a consent decree settles a lawsuit: no order of the President's)
        # (a proclamation is the President's too: "issued a proclamation recognizing National HBCU Week")
        ("decree", r"(?<!\bconsent\s)\bdecrees?\b|\bE\.O\.\s*\d+|\b(?:executive|presidential)\s+orders?\b"
                   r"|\b(?:presidential\s+)?proclamations?\b"
                   r"|\border\s+(?:No\.?|number)\s*\d*"
                   r"|(?<=signed an )order\b|(?<=issued an )order\b"),
        ("programme", r"\b(?:joint|action|work|cooperation|implementation)\s+(?:programmes?|programs?|plans?)\b"
                      r"|" + _EN_ROAD_MAP +
                      # a strategy by its name ("the National Cybersecurity Strategy"), a record only as its
                      # owner's release (find.py)
                      r"|(?-i:\bStrateg(?:y|ies)\b)"),
        ("charter", r"\bcharters?\b"),
        ("agreement", r"(?<!\bin\s)\b(?:agreements?|accords?|treat(?:y|ies))\b"),
    ),
    status=(
        ("planned", _c(r"\b(?:will|would|shall|to|plans?\s+to|planning\s+to|set\s+to|expected\s+to|due\s+to"
                       # (a signing word, not "to signal", "to significantly"; an adverb may come between:
                       # "will also sign", "will soon sign", "will formally conclude")
                       r"|intends?\s+to|agreed\s+to)\s+(?:(?:also|soon|then|now|finally|jointly|formally"
                       r"|officially|later|each)\s+)?(?:be\s+)?"
                       r"(?:sign(?:ed|ing|s)?\b|ink|conclud|prepar|draft|updat)\w*"
                       # an order to be issued ("would allow him to issue an Executive Order"), not any
                       # issuing ("requiring the Commission to issue timely decisions") nor a past first ("the
                       # first U.S. President to issue a proclamation")
                       r"|\b(?:will|would|shall|(?:plans?|expected|set|going|intends?|allow\s+\w+)\s+to)\s+issue"
                       r"(?=\s+(?:an?|the|his|her)\s+(?:new\s+)?(?:executive"
                       r"|presidential|proclamation|order|memorand|decree))"
                       r"|\b(?:is|are)\s+(?:expected|scheduled|planned|due|set)\b|\bupcoming\b|\bdraft\b"
                       r"|\bpreparing\b|\bnegotiat\w*|\bprepare\b|\bin\s+preparation\b|\bbeing\s+prepared\b"
                       r"|\blook(?:s|ing)?\s+forward\s+to\b"
                       # a document still being finalised, or one a side commits to ("is finalizing agreements
                       # with", "efforts to finalise a strategic framework", "committed to a $1.4 trillion U.S.
                       # investment framework"); "finalized" is signed
                       r"|\bfinali[sz](?:e|es|ing)\b|\bcommitted\s+to\s+an?\b"
                       r"|\b(?:will|to)\s+join(?=\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,5}(?-i:Accords|Pledge)\b)")),
        ("ratified", _c(r"\bratif\w*")),
        ("implemented", _c(r"\bimplement(?:ed|ing|ation)\b|\bin\s+force\b|\bunder\s+way\b|\bcarried\s+out\b")),
        ("signed", _c(r"\b(?:signed|signs|inked|concluded|sealed|issued|adopted|approved|signing|established|agreed"
                      r"|reached|secured|struck|finali[sz]ed|clinched)\b|\b(?:is|are)\s+issuing\b|" + _AWARDED
                      # a state or company joining a named document states sign one by one joins as a signatory
                      # ("Bahrain joining the Artemis Accords", "150 countries have joined the Global Methane Pledge")
                      + "|" + _JOINED)),
    ),
    anaphor=_c(r"\b(?:the\s+(?:two|both|three)\s+(?:sides|parties|organi[sz]ers|agencies|organi[sz]ations"
               r"|institutions|countries|governments|partners)|both\s+(?:sides|parties|agencies|organi[sz]ations"
               r"|institutions|countries|partners)|the\s+(?:sides|parties|partners))\b"),
    between=_c(r"\bbetween\b"),
    postposition=False,
    connector=_c(r"^\s*(?:,\s*(?:and\s+)?|(?:and|with|as\s+well\s+as)\s+)(?:the\s+)?$"),
    today=_c(r"\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b"),
    yesterday=_c(r"\byesterday\b"),
    # a date right before the document word, or a name or two of it, dates it: "the April 2022 Presidential
    # memorandum", "The February 2, 2021 Executive Order", "President Biden's November 2022 Memorandum"
    date_of_next=_c(r"(?:['’]s)?\s+(?:[A-Z][\w-]*\s+){0,2}", 0),
    weekday=_c(r"\b(?:on|(?P<last>last))\s+(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
               r"(?!,?\s+(?:the\s+)?\d|,?\s+(?:january|february|march|april|may|june|july|august|september|october"
               r"|november|december)\b|\s+(?:morning|afternoon|evening|night)?\s*(?:and|through|to|-)\b)"),
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    # (but a statement "from" states is theirs: "Joint Statement from the United\\_States, Egypt, and\\_Qatar")
    place_before=_c(r"\b(?:in|at|(?<!\bstatement\s)(?<!\bstatements\s)(?<!\bdeclaration\s)(?<!\bcommuniqu[ée]\s)from"
                    r"|visit(?:ed|ing|s)?|near|around|across)\s+(?:the\s+)?$"),
    # a deadline, a period, or the entry into force ("entered into force on 1 May", "an Executive Order
    # establishing a Board, effective July 18, 2022")
    not_signing_date=_c(r"\b(?:until|till|by|through|for|during|before|after|since|from|up\s+to|in\s+the\s+period"
                        r"|into\s+force\s+(?:on|in)|effective(?:\s+(?:on|as\s+of|from))?)\s+(?:the\s+)?(?:end\s+of\s+)?$"),
    not_signing_after=_c(r"^\s*(?:onwards|and\s+beyond)"),
    heads=_heads(r"\b(?:the|its|our|this|that|her|his)\s+(?:state\s+)?{}\b|\b(?:State\s+)?{}\b",
                 agency=("agency", "Agency"), ministry=("ministry", "Ministry"),
                 university=("university", "University"), committee=("committee", "Committee"),
                 organisation=("organi[sz]ation", "Organi[sz]ation")),
    # (the title, not "Presidential Memorandum": the name after that is a document's)
    president=_c(r"\bPresident(?!ial)\w*"),
    # (not "the President signed the George Floyd Justice ...": a name NER found in a law's title)
    title_gap=re.compile(r"(?:-elect)?(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w.'’-]*)+)?(?:\s|\\?_)+"),
    event=_c(r"\b(?:ended|closed|concluded)\s+with\b|\bat\s+the\s+(?:end|close)\s+of\b|\bfollowing\s+the\b"
             r"|\bon\s+the\s+sidelines\b|\bduring\s+the\s+(?:visit|meeting|seminar|forum|talks)\b"
             r"|\bin\s+the\s+presence\s+of\b"),
    intergov=_c(r"\b(?:inter-?governmental|bilateral\s+government)\b"),
    possessive=_c(r"\b(?:its|their)\s+(?:\w+\s+)?$"),
    # an older signing, or one the sentence dates by itself ("On his first day in office, ... signed")
    recall=_c(r"\brecall\w*|\bearlier\b|\bpreviously\b|\bhad\s+(?:been\s+)?signed\b|\bback\s+in\b|\balready\b"
              r"|\bfirst\s+(?:day|week|month|year|\d+\s+days)\s+(?:in|of)\b|\blast\s+(?:year|month|week)\b|\bago\b"),
    definite=_c(r"\b(?:the|this|that)\s+(?:\w+\s+)?$"),
    # "an EV Charging Action Plan", "a historic Executive Order": a name or an adjective or two may
    # come between the article and the trigger; so may a count ("Signed two Executive Orders directing
    # ...", "finalized three agreements"): new ones too, unless the documents are already known ("the
    # two agreements", "the President's three Executive Orders")
    indefinite=_c(r"(?:\b(?i:an?|another)|(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bits\s)(?<!\btheir\s)"
                  r"(?<!\bboth\s)(?<![’']s\s)\b(?i:two|three|four|five|six|seven|eight|nine|ten))"
                  r"\s+(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w'’-]*\s+(?:and\s+)?){0,5}$", 0),
    source_before=_c(r"\b(?:according\s+to|told|(?:said|reported)\s+(?:by|to))\s+(?:the\s+)?$"),
    source_after=_c(r"^\W{0,3}\s*(?:reported|reports|news\s+agency\s+reported)\b"),
    # (an arrangement, a pledge or a compact is a document when signed: "the Defense Cooperation
    # Arrangement concluded in 2023", "signed the Global Methane Pledge", "the Health and Horticulture
    # Compact, signed by MCC and the Government of Lesotho"; not "security arrangements", "pledged to".
    # A bare "declaration" is not: on 300 random en articles the signed ones were as often the Declaration
    # of Independence or a President's disaster declaration as a declaration between parties)
    # (and a deal, as often a figure of speech or a verb, "a great deal", "the New Deal", "help young people
    # deal with the trauma", as a document: "signed a critical minerals deal with Thailand", "inked a $2
    # billion air defense deal with Poland"; a verb's object is a common noun, a partner a name)
    weak_types=_types(("agreement", r"\b(?:conventions?|contracts?|arrangements?)\b"
                                    r"|(?<!\bto\s)(?<!\bgreat\s)(?<!\bbig\s)(?<!\b(?-i:New)\s)(?<!\b(?-i:Green)\s)"
                                    r"\bdeals?\b(?!\s+with\s+(?:(?:the|a|an|this|these|those|their|its)\s+|(?!(?:the|a|an|this"
                                    r"|these|those|their|its)\s))(?-i:[a-z]))"),
                      ("other", r"\b(?:petitions?|pledges?|compacts?)\b"),
                      # a directive the President signs is his order ("signed an official directive removing
                      # ..."); an agency issues directives too, and a signed order contains them
                      ("decree", r"\bdirectives?\b")),
    # (not "a Framework for an Agreement on Reciprocal Trade": the agreement is the document, the framework the
    # statement that announces it)
    object_types=_c(r"\b(?:sign(?:ed|s|ing)?(?:\s+on\s+to)?|inked|conclud(?:ed|e|ing)|agreed\s+(?:to|on|upon)"
                    r"|committed\s+to(?:\s+finali[sz]ing)?|finali[sz](?:e|ed|ing))"
                    r"\s+(?:an?|the|their|its)\s+(?:(?!(?:and|or|of|on|for|to|with)\b)[\w$.,’'-]+\s+){0,5}?"
                    r"(?P<doc>" + _EN_OBJECT_WORD + r")"
                    r"(?!\s+(?:agreements?\b|for\s+(?:an?\s+|the\s+)?(?:agreements?|negotiat)))"),
    object_word=_c(_EN_OBJECT_WORD),
    joined_alone=_c(r"(?-i:\b[A-Z][\w-]*\s+(?:Accords|Pledge))$"),
    road_map=_c(_EN_ROAD_MAP),
    signing=_c(r"\b(?:(?:co-?)?sign(?:ed|s|ing)?|inked|conclu(?:ded|des|ding|sion)|ratif\w*)\b|" + _AWARDED
               + "|" + _JOINED),
    # (an arrangement only: on the pool, named "... Arrangement"s without a signing word were planned, implemented
    # or established documents, where named deals, pledges and compacts were as often laws or cited initiatives:
    # "the New Deal", "the Bipartisan Infrastructure Deal", "the G20 Compact with Africa")
    named_weak=_c(r"(?-i:Arrangements?)"),
    awarded=_c(_AWARDED),
    ordered=_c(r"\b(?:order|memorandum|proclamation)\s+(?:also\s+)?(?:directs|requires|mandates|calls\s+for)\s+the\s+"
               r"(?:development|creation|submission|preparation|drafting)\s+of\s+(?:an?\s+|the\s+)?"
               r"(?:[\w&'’-]+\s+){0,4}$"),
    pronoun=_c(r"(?:he|she)"),
    latter=_c(r"latter"),
    leaders=_c(r"\b(?:the\s+(?:two\s+|three\s+|both\s+)?(?:leaders|presidents)|heads\s+of\s+state)\b(?!\s+of\b)"),
    addressee=_c(r"(?:^|[“\"«,;:]\s*|\b(?:and|that)\s+)you\s+(?!all\b)"),
    # the plan's own name may come between ("announced a Lead Pipe and Paint Action Plan")
    adopts=_c(r"^(?:\s*\([^()]{1,20}\))?\)?\s+(?:\w+ly\s+)?(?:has\s+|have\s+)?"
              r"(?:created|announced|unveiled|released|launched|published|adopted|approved|issued)"
              r"\s+(?:[\w'’-]+\s+){0,7}$"),
    # "President Donald J. Trump signed a", not "President X and President Y signed a" (a memorandum
    # between states) nor "and President Y signed a"
    president_signs=_c(r"(?<!\band\s)\bPresident(?:\s+(?!and\b|with\b)[\w.'’-]+){0,4}?\s+(?:\w+ly\s+)?"
                       r"(?:signed|signs|issued|issues|is\s+(?:signing|issuing)|will\s+(?:sign|issue))"
                       r"\s+(?:a|an|the|his)\s+(?:new\s+)?$", 0),
    president_after=_c(r"\s*,\s*(?:the\s+)?President\b", 0),
)

# (fr) a body carrying a programme out: "mis en œuvre par la FAST" (the body is `owners.implementer`'s)
FR_IMPLEMENTED_BY = r"\bmise?s?\s+en\s+(?:œ|oe)uvre\s+par\b"

FR = Lexicon(
    code="fr",
    types=_types(
        ("memorandum", rf"\bm[ée]morandums?(?:\s+d{_APOS}\s*(?:accord|entente))?\b"
                       rf"|\bprotocoles?\s+d{_APOS}\s*accord\b"),
        ("other", rf"\b(?:lettres?|d[ée]clarations?)\s+d{_APOS}\s*intentions?\b"
                  r"|\bd[ée]clarations?\s+(?:communes?|conjointes?)\b|\bcommuniqu[ée]s?\s+conjoints?\b"),
        ("protocol", rf"\bprotocoles?(?:\s+d{_APOS}\s*intention)?\b"),
        ("decree", r"\bd[ée]crets?\b|\bordonnances?\b|\bordres?\s+pr[ée]sidentiels?\b"),
        ("programme", rf"\b(?:programmes?|plans?)\s+(?:de\s+\w+\s+)?(?:conjoints?|communs?|communes?"
                      rf"|d{_APOS}\s*action|de\s+travail"
                      r"|de\s+coop[ée]ration)\b|" + _FR_ROAD_MAP +
                      # "le programme de mise en œuvre 2024-2026", "un plan (européen) de soutien à"
                      r"|\bprogrammes?\s+de\s+mise\s+en\s+(?:œ|oe)uvre\b|\bplans?\s+(?:\w+\s+)?de\s+soutien\b"
                      # any programme the sentence says a body carries out ("un programme éducatif ... mis en
                      # œuvre par la FAST en partenariat avec le ministère")
                      rf"|\bprogrammes?\b(?=[^.;]{{0,120}}?{FR_IMPLEMENTED_BY})"),
        ("charter", r"\bchartes?\b"),
        # ("d'accord" is agreeing, "être d'accord"; "d'accords" in the plural is documents: "un certain nombre
        # d'accords ont été conclus", "garante d'accords signés entre les belligérants")
        # (and a twinning, an agreement between two cities: "le conseil municipal a voté le jumelage avec Erevan")
        # ("avec l'accord des deux parties", "sans l'accord du gouvernement" is consent given, no document; "avec
        # l'accord de coopération", "avec l'accord du 9 novembre" are documents)
        ("agreement", rf"(?<!d{_APOS})(?<!\b(?:avec|sans)\sl{_APOS})\baccords?\b|(?<=d{_APOS})accords\b"
                      rf"|(?<=\b(?:avec|sans)\sl{_APOS})accord\b(?!\s+(?:(?:des|du|de\s+la)\s+|de\s+l{_APOS}\s*)(?!\d))"
                      r"|\b(?:le|un|du|ce|au)\s+trait[ée]s?\b|\bjumelages?\b"),
    ),
    status=(
        ("planned", _c(r"\bsigner(?:a|ont|ait|aient)\b|\b(?:va|vont|doit|doivent|devrait|devraient|pr[ée]voi\w*"
                       r"|compte(?:nt)?|entend(?:ent)?)\s+(?:[eê]tre\s+)?sign(?:er|é|ée|és|ées)\b|\battendu\w*"
                       r"|\bser(?:a|ont)\s+sign[ée]e?s?\b|\bprojet\s+d[e']|\bn[ée]goci\w*|\bpr[ée]parer\b"
                       r"|\bpourrait\b|\bconvenu\w*\s+de\s+pr[ée]parer|\ben\s+pr[ée]paration\b"
                       # a document someone took the initiative of is proposed, not yet adopted ("la France a
                       # été à l'initiative d'un plan européen de soutien")
                       rf"|\binitiative\s+d{_APOS}\s*(?=une?\s)"
                       # a signing aimed at, hoped for or under way ("contribuer ... à la signature du traité de
                       # paix", "initiatives tendant à la signature", "espèrent que la signature du contrat
                       # pourra", "un traité de paix est en cours de négociation"), not one attended, carried
                       # out or opened ("a assisté à la signature", "a procédé à la signature", "ouverte à la
                       # signature le 4 avril 1997")
                       r"|(?<!ouvert\s)(?<!ouverte\s)(?<!procédé\s)(?<!assisté\s)(?<!participé\s)\bà\s+la\s+signature\b"
                       r"|\bespér\w*\s+que\s+la\s+signature\b|\bperspectives?\s+de\s+(?:la\s+)?signature\b"
                       r"|\ben\s+vue\s+de\s+la\s+signature\b|\bvers\s+la\s+signature\b"
                       rf"|\ben\s+cours\s+d(?:e\s+|{_APOS}\s*)(?:finalis|[ée]labor|r[ée]dact|discussion|examen)\w*"
                       # (and talks under way on it: "les discussions en cours sur le traité de paix")
                       r"|\b(?:discussions|pourparlers|n[ée]gociations|consultations)\s+en\s+cours\b"
                       # (and not yet reached: "ils ne sont pas encore parvenus à l'adoption d'un accord de paix")
                       r"|\bpas\s+encore\s+(?:été\s+)?(?:parvenu|sign|conclu|adopt|ratifi|paraph)\w*")),
        ("ratified", _c(r"\bratifi\w*")),
        ("implemented", _c(r"\bmis\w*\s+en\s+(?:œ|oe)uvre\b|\bmise\s+en\s+(?:œ|oe)uvre\b|\ben\s+vigueur\b"
                           # (not "en cours de négociation", "... de finalisation": still planned)
                           rf"|\bappliqu[ée]\w*|\ben\s+cours\b(?!\s+d(?:e\s+|{_APOS}\s*)(?:n[ée]goci|pr[ée]par|finalis"
                           r"|[ée]labor|r[ée]dact|discussion|examen|ratification|signature))")),
        ("signed", _c(r"\bsign[ée]e?s?\b|\b(?:ont|a)\s+sign[ée]\b|\bsignent\b|\bconclu\w*|\bparaph[ée]\w*"
                      r"|\bsignature\b|\badopt[ée]e?s?\b|\bapprouv[ée]e?s?\b|\bpromulgu[ée]e?s?\b")),
    ),
    anaphor=_c(r"\b(?:les\s+deux\s+(?:parties|c[ôo]t[ée]s|organisateurs|agences|institutions|pays|partenaires"
               r"|gouvernements|organisations)|les\s+parties|les\s+partenaires|les\s+signataires)\b"),
    between=_c(r"\bentre\b"),
    postposition=False,
    connector=_c(r"^\s*(?:,\s*(?:et\s+)?|(?:et|avec|ainsi\s+que)\s+)"
                 r"(?:l['’]\s*|le\s+|la\s+|les\s+|du\s+|de\s+la\s+)?$"),
    today=_c(r"\baujourd['’]hui\b|\bce\s+(?:matin|midi|soir)\b"),
    yesterday=_c(r"\bhier\b"),
    place_before=_c(r"\b(?:à|a|en|au|aux|dans|depuis|vers|visit[ée]?|visitent)\s+(?:la\s+|le\s+|l['’])?$"),
    not_signing_date=_c(r"(?:\bjusqu['’]\s*(?:à|au|en)|\bd['’]ici|\bpour|\bpendant|\bavant|\baprès|\bdepuis"
                        r"|\bdurant|\bà\s+l['’]horizon|\bfin|\bdès|\ben\s+vigueur\s+(?:le|en|depuis))"
                        r"\s+(?:le\s+|la\s+|l['’])?$"),
    not_signing_after=_c(r"^\s*(?:et\s+au-delà)"),
    year_of_another=_c(r"\bd(?:e|['’])\s*$"),
    heads=_heads(r"(?:\bl['’]\s*|\b(?:cette|son|sa|leur|notre)\s+|\bdu\s+|\bau\s+|\ble\s+){}\b|\b{}\b",
                 agency=("agence", "Agence"), ministry=("minist[èe]re", "Minist[èe]re"),
                 university=("universit[ée]", "Universit[ée]"), organisation=("organisation", "Organisation")),
    president=_c(r"\bpr[ée]sident\w*|\bchef\s+de\s+l['’][ée]tat\b"),
    event=_c(r"\bà\s+l['’]issue\b|\bau\s+terme\b|\ben\s+marge\b|\blors\s+de\s+(?:la|cette)\s+(?:visite|rencontre)"
             r"|\ben\s+présence\s+d"),
    intergov=_c(r"\bintergouvernemental\w*"),
    # "un accord de paix", "le traité de paix" (not "le processus de paix": no document word)
    states_after=_c(r"\s+de\s+paix\b"),
    possessive=_c(r"\b(?:sa|son|ses|leur|leurs)\s+(?:\w+\s+)?$"),
    recall=_c(r"\brappel\w*|\bavai(?:t|ent)\b|\bauparavant\b|\bdéjà\b|\bpr[ée]c[ée]demment\b|\bprécédent\w*"),
    definite=_c(r"(?:\b(?:le|la|ce|cette)\s+|\bl['’]\s*)(?:\w+\s+)?$"),
    indefinite=_c(r"\b(?:un|une|nouvel(?:le)?)\s+(?:nouvel(?:le)?\s+|nouveau\s+)?$"),
    source_before=_c(r"(?:\bselon|\bd['’]après|\bagence\s+de\s+presse"
                     r"|\b(?:déclaré|indiqué|confié|précisé|rapporté|expliqué|admis|affirmé|assuré|raconté"
                     r"|(?:déclaration|interview|entretien)\s+(?:faite?|accordée?))\s+(?:à|au|aux))"
                     r"\s+(?:l['’]\s*|le\s+|la\s+|les\s+|«\s*)?$|\bsource\s*:?\s*$"
                     # a byline ("Par Le Figaro avec AFP"), a photo credit ("GIANLUIGI GUERCIA / AFP", "© AFP",
                     # "Crédit : AFP"), a correspondent ("selon un correspondant d'Armenpress"), a microphone
                     # ("au micro de RTL")
                     r"|(?:^|\n)\s*Par\s+(?:[^\n]{1,40}?\s+avec\s+)?$"
                     r"|(?:^|\n)(?-i:[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})\s*avec\s+$"
                     r"|\s/\s*$|©\s*$|\bcr[ée]dits?\s*:\s*$"
                     r"|\bcorrespondant\w*\s+(?:de\s+|d['’]\s*)$|\bau\s+micro\s+(?:de\s+|d['’]\s*)$"
                     # a dateline's wire ("Bruxelles, 22 sept 2022 AFP", "BERLIN, 2 MARS, ARMENPRESS:")
                     r"|(?:^|\n)[^\n,]{2,30},\s*\d{1,2}\s+[^\W\d]{3,}\.?(?:\s+\d{4})?,?\s*$"),
    # (and the outlet of a byline that credits a wire: "Le Monde avec AFP", "Ouest-France avec AFP")
    # (and a photographer, credited with the agency at the end of a caption: "GIANLUIGI GUERCIA / AFP",
    # "(Crédit : Karen Minasyan/AFP)")
    source_after=_c(r"^\W{0,3}\s*(?:rapporte|a\s+rapporté)\b|^\s*avec\s+(?-i:AFP|Reuters|AP)\b"
                    r"|^(?:\s+[\w'’-]+){0,2}\s*/\s*(?-i:[A-Z][\w. /-]{1,30})\s*(?:\)|\n|$)"),
    # a finite verb ("a été signé", "ont ensuite signé", "signent", "ont procédé à la signature"), not the noun of
    # a speech that recalls a partnership ("qui s'incarne par la signature d'un accord")
    reported_signing=_c(r"\b(?:a|ont|avait|avaient|ont\s+été|a\s+été|avait\s+été|avaient\s+été|sera|seront)"
                        r"\s+(?:\w+\s+){0,2}?(?:co-?)?(?:sign|conclu|paraph|échang|ratifi|approuv|adopt)\w*"
                        r"|\b(?:co-?)?sign(?:ent|èrent|a)\b|\b(?:ont|a)\s+procédé\s+à\s+la\s+signature"
                        r"|\bsign[ée]e?s?\s+(?:ce|aujourd|hier|lors|à\s+l['’]issue|en\s+marge|en\s+présence|mardi|lundi"
                        r"|mercredi|jeudi|vendredi|samedi|dimanche)"),
    # (the name's words: genitive complements and their commas, no clause: not "l'accord qui sera examiné lors
    # de la réunion du 9 mai 2024")
    dated_day=_c(r"(?:,?\s+(?!(?:qui|que|qu|dont|lors|pendant|avant|après|depuis|jusqu|pour|sera|était|est|a|ont)\b)"
                 r"[\w’'-]+){0,24}?\s+du\s+\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet"
                 r"|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+\d{4}\b"),
    # (and a ceasefire or a statute named after its city, when signed or ratified: "un cessez-le-feu signé
    # en 1994", "l'Arménie ratifie le statut de Rome"; not "le statut de réfugié")
    weak_types=_types(("agreement", r"\b(?:conventions?|contrats?|cessez-le-feu)\b|\b(?-i:[Ss]tatut\s+de\s+[A-Z]\w+)"),
                      # (a declaration signed, in the singular: "après avoir signé la déclaration du 9 novembre";
                      # "les déclarations officielles de Bakou" near a "communiqué signé" are statements)
                      ("other", r"\bp[ée]titions?\b|\bd[ée]claration\b(?!\s+d['’])")),
    road_map=_c(_FR_ROAD_MAP),
    signing=_c(r"\b(?:co-?)?sign(?:é|ée|és|ées|er|era|eront|ent|ature|ataires?)\b|\bconclu\w*|\bratifi\w*"
               r"|\bparaph\w*"),
    # a resolution or motion a council, parliament or assembly adopts (not "la résolution du conflit", nor a
    # "motion de censure", a vote against a government)
    voted_types=_types(("other", r"\br[ée]solutions?\b(?!\s+(?:pacifiques?|politiques?|diplomatiques?|durables?)\b)"
                                 r"(?!\s+(?:du|des|de\s+la|de\s+l['’]|de\s+ce|de\s+cette|d['’])\s*(?:\w+\s+)?"
                                 r"(?:conflits?|crises?|différends?|problèmes?|questions?|situation|tensions?|litiges?)\b)"
                                 r"|\bmotions?\b(?!\s+de\s+censure)")),
    # (verbs only: "l'adoption de la résolution" of a bill, "un vote similaire" are no adoption reported)
    voting=_c(r"\badopt(?:e|é|ée|és|ées|ent|ait|aient|ant)\b|\bvot(?:é|ée|és|ées|ent|ait|aient)\b"
              r"|\bapprouv(?:é|ée|és|ées|ent)\b"),
    negated_cue=_c(r"\b(?:ne|n['’])\s*(?:[\w'’-]+\s+){0,2}?(?:pas|jamais|plus)\s+(?:encore\s+)?(?:été\s+)?"
                   r"(?:[\w'’-]+\s+)?(?:à\s+la\s+|à\s+l['’]\s*|au\s+)?$"),
    fronted_vote=_c(r"^\W*(?:dans|par)\s+(?:une|la|sa|cette|leur)\s+$"),
    another_vote=_c(r"\b(?:deuxième|seconde?|troisième|autre)\s+$"),
    pronoun=_c(r"(?:il|elle)"),
    latter=_c(r"derni(?:er|ère)"),
    leaders=_c(r"\bles\s+(?:deux\s+|trois\s+)?(?:dirigeants|présidents|chefs\s+d['’][ée]tat)\b(?!\s+d)"),
    court_order=_c(r"ordonnances?"),
    court=_c(r"\b(?:cour|tribunal|tribunaux|juges?|juridictions?|CIJ|CPI|magistrat\w*)\b"),  # not "au cours de"
    addressee=_c(r"(?:^|[“\"«,;:]\s*|\b(?:et|que|qu['’])\s*)(?:vous|tu)\s+(?:avez|aviez|aurez|auriez|as|avais"
                 r"|[\w’']+ez|[\w’']+iez)\b"),
    adopts=_c(r"^\s+(?:a\s+|ont\s+|avait\s+|avaient\s+)?(?:adopt|lanc|annonc|d[ée]voil|publi|pr[ée]sent)\w*"
              r"\s+(?:[\w'’-]+\s+){0,7}$"),
    institution=_c(r"(?:minist[èe]re|agence|acad[ée]mie|universit[ée]|[ée]cole|institut|gouvernement|conseil"
                   r"|commission|comit[ée]|chambre|banque|fondation|soci[ée]t[ée]|entreprise|compagnie|groupe"
                   r"|r[ée]gion|ville|municipalit[ée]|mairie|assembl[ée]e|parlement|s[ée]nat|office|autorit[ée]"
                   r"|service|direction|centre|f[ée]d[ée]ration|association|union|organisation|mus[ée]e"
                   r"|biblioth[èe]que|h[ôo]pital|ambassade|d[ée]partement|pr[ée]fecture|collectivit[ée]"
                   r"|conservatoire|facult[ée]|administration|cour|tribunal)s?\s+\S"),
)

from newsmon.nlp.agreements.lexicon_az import AZ  # noqa: E402 (kept apart: each file one or two languages)
from newsmon.nlp.agreements.lexicon_tr_ru import RU, TR  # noqa: E402

LEXICONS: dict[str, Lexicon] = {"en": EN, "fr": FR, "az": AZ, "tr": TR, "ru": RU}


def lexicon(lang: str) -> Lexicon:
    """The cues of `lang`; other languages fall back to English."""
    return LEXICONS.get(lang, EN)
