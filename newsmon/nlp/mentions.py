"""What counts as a name: titles, words that are no entities, documents, and the surface rules that clean a
mention or drop it (`clean_surface`, `is_false_positive`), shared by linking and the agreement finder.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.kb import SUFFIX_LANGS
from newsmon.text.az import CASE_SUFFIX_SET, PRONOUNS as AZ_PRONOUNS, SURNAME_RE, az_stems
from newsmon.text.normalize import ARTICLE_TOKENS, fold, fold_tokens, read_escapes

# Titles and honorifics, folded; stripped from person names and dropped when they stand alone.
TITLES = frozenset(fold(t) for t in """
mr mrs ms miss dr prof sir dame madam mister messrs h.e his excellency her excellency hon
m mme mlle mm monsieur madame messieurs mesdames mesdemoiselles docteur professeur son excellence
cenab cənab xanim xanım bey bəy muellim müəllim hormetli hörmətli
г-н г-жа господин госпожа
president prezident président президент vice-president
minister ministre nazir министр deputy
chairman chairwoman chair sədr sedr председатель head director ambassador ambassadeur səfir
nominee extraordinary plenipotentiary
ambassadrice mgr monseigneur pape papa père abbé cardinal archevêque évêque vartabed
baş birinci zati zati-aliləri ulu öndər rəis rəisi prezidenti naziri sədri səfiri direktoru katibi
""".split())

# Titles that only ever open a name ("saint Grégoire", "Maréchal Baghgramyan", "King Salman"): stripped
# from the front of a person's name when a capitalised word follows, never from its end ("Martin Luther
# King") nor alone ("Dr. King"), nor before a particle ("Général de Gaulle").
LEADING_TITLES = frozenset(fold(t) for t in """
saint sainte maréchal amiral général colonel lieutenant-colonel capitaine commandant majeur sergent
king queen lady taoiseach maestro maestra sheikh cheikh emir émir catholicos patriarche
sa sainteté béatitude
""".split())

# Folded words the stock models label PERSON/ORG though they are documents, diseases or common words.
NOT_ENTITIES = frozenset(fold(t) for t in [
    "memorandum", "mémorandum", "memorandumu", "memorandum of understanding", "mémorandum d'accord",
    "mémorandum d'entente", "anlaşma memorandumu", "covid", "covid-19", "covid 19", "coronavirus",
    "koronavirus", "pandemic", "pandemiya", "protocol", "protocole", "protokol", "agreement", "accord",
    "saziş", "charter", "decree", "décret", "fərman", "sərəncam", "agency", "ministry", "government",
    "department", "administration", "agence", "ministère", "gouvernement", "agentlik", "agentliyi", "nazirlik", "nazirliyi",
    "hökumət", "dövlət", "state", "état", "republic", "république", "respublika",
    # demonyms the English model calls PERSON or ORG
    "azerbaijani", "azerbaijanis", "azeri", "korean", "koreans", "south korean", "uzbek", "georgian", "turkish",
    "italian", "french", "russian", "afghan", "djiboutian", "ugandan", "indonesian", "pakistani", "european",
    "american", "azerbaïdjanais", "azerbaïdjanaise", "coréen", "coréenne", "sud-coréen", "ouzbek", "ouzbèke",
    "géorgien", "géorgienne", "turc", "turque", "italien", "italienne", "azərbaycanlı", "koreyalı",
    # az pronouns (`text.az.PRONOUNS`) and courtesies capitalised in letters and speeches ("Sağ olun")
    *AZ_PRONOUNS, "sağ",
    # God in az/tr speeches ("Şükür Allaha"), and "God willing" (İnşallah, 46 times in the az pool, tagged PERSON
    # by the model): real news annotates no deity
    "allah", "inşallah", "inşəallah",
    # the Sun, capitalised in az energy news ("Günəş panelləri", "Günəş və külək enerjisi"; 15 times in 900 az pool
    # articles, all tagged LOC): no place; the az stand-off gold annotates none of its 15
    "günəş",
    # citations of the US Federal Register ("86 Fed. Reg. 7009"), tagged PERSON
    "reg", "fed",
])

# One name per line: weekday names of several words ("Bazar ertəsi", Monday) stay whole.
MONTHS_AND_DAYS = frozenset(fold(t) for line in """
january february march april may june july august september october november december
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr
monday tuesday wednesday thursday friday saturday sunday
lundi mardi mercredi jeudi vendredi samedi dimanche
""".split("\n") for t in line.split()) | frozenset(fold(t) for t in (
    "bazar ertəsi", "çərşənbə axşamı", "çərşənbə", "cümə axşamı", "cümə", "şənbə", "bazar"))

_QUOTES = "\"'«»“”„‘’‹›「」 \t\n"


# The head nouns of documents (laws, treaties, orders): a name ending in one is a document, not an actor.
_EN_DOCUMENT_WORDS = frozenset("""
act acts law laws memorandum memoranda guidance strategy agreement agreements treaty treaties accord accords
order orders declaration charter convention protocol directive resolution doctrine statement plan plans credit
credits""".split())
DOCUMENT_WORDS = _EN_DOCUMENT_WORDS | frozenset(fold(t) for t in """
loi lois traité traités décret décrets déclaration charte protocole mémorandum résolution directive ordonnance
""".split())
# French names put the head first ("Plan de résilience européen", "Loi de programmation militaire"); not
# "Convention" or "Programme", which also head bodies ("Convention citoyenne", "Programme alimentaire mondial").
_FR_DOCUMENT_HEADS = frozenset(fold(t) for t in """
plan loi traité décret déclaration charte protocole mémorandum résolution directive ordonnance stratégie doctrine
""".split())
_FR_LINKS = frozenset(("de", "du", "des", "d", "sur", "pour", "relatif", "relative", "portant", "l", "la", "le"))
# English names put the head before their first "for"/"on"/"of" ("United Nations Convention on the Law of
# the Sea", "National Strategy for Countering Domestic Terrorism"): a document's head there makes the name
# one. Not "order" ("Sovereign Military Order of Malta") nor "plan" ("Plan International").
_EN_LINKS = frozenset(("for", "on", "of"))
_EN_DOCUMENT_HEADS = (_EN_DOCUMENT_WORDS - {"memoranda", "order", "orders", "plan", "plans", "credit", "credits"}) \
    | {"framework", "principles", "roadmap"}
# A study on a subject ("2020 National Survey on Drug Use and Health"); "of" makes a body ("Anthropological
# Survey of India", "Geological Survey").
_EN_STUDIES = frozenset(("survey", "surveys", "report", "study"))
# Azerbaijani document nouns, folded, matched as the start of the name's last word ("Konvensiyasının").
AZ_DOCUMENT_STEMS = tuple(fold(t) for t in
                          "saziş konvensiya memorandum bəyannamə bəyanat kommünike fərman qanun müqavilə "
                          "protokol sərəncam xartiya qətnamə konsepsiya strategiya doktrina qərar pakt".split())
# Words that open with a document stem and are no documents: "Baş Qərargahı" (the General Staff).
_NOT_AZ_DOCUMENTS = tuple(fold(t) for t in ("qərargah",))


def names_a_document(surface: str) -> bool:
    """ "CHIPS & Science Act", "Executive Order", "1954-cü il Haaqa Konvensiyası": a document's name."""
    words = fold_tokens(surface)
    while len(words) > 2 and words[-1].isdigit():  # "Federal Acquisition Streamlining Act of 1994"
        words = words[:-2] if words[-2] in ("of", "de") else words[:-1]
    if not words:
        return False
    if len(words) > 2 and words[0] in _FR_DOCUMENT_HEADS and words[1] in _FR_LINKS:
        return True
    link = next((i for i, w in enumerate(words) if w in _EN_LINKS), 0)
    if link > 0 and (words[link - 1] in _EN_DOCUMENT_HEADS or words[link] == "on" and words[link - 1] in _EN_STUDIES):
        return True  # "National Strategy for Countering Domestic Terrorism", "Convention on the Law of the Sea"
    return words[-1] in DOCUMENT_WORDS or is_az_document_word(words[-1])


# The English heads of laws and programmes a name may run into when NER stops short of them ("Child Tax"
# Credit, "CHIPS and Science" Act): never "Agreement" or "Memorandum", whose named party may come first
# ("the TSMC Agreement").
_LAW_HEAD_AFTER = re.compile(r"\s+(?:Act|Acts|Law|Bill|Credit|Credits|Plan)\b")


def runs_into_a_law(text: str, end: int) -> bool:
    """The name ending at `end` is the start of a law's or programme's name ("Child Tax" Credit)."""
    return bool(_LAW_HEAD_AFTER.match(text, end))


def is_az_document_word(word: str) -> bool:
    """ "Sazişi", "Qərarından": an Azerbaijani document noun, in any case ("Qərargahı" is none)."""
    folded = fold(word)
    return folded.startswith(AZ_DOCUMENT_STEMS) and not folded.startswith(_NOT_AZ_DOCUMENTS)


# A company's legal form standing alone ("“Humix” MMC"): the name is the quoted word before it.
# A platform whose name is one letter, which linking would drop as noise: the rules that find it ("Partager sur X",
# “X” sosial şəbəkəsində) link it to this name, and linking keeps a span rule's link.
PLATFORM_NAMES = {"X": "X (Twitter)"}

LEGAL_FORMS = frozenset("mmc asc qsc asc llc ltd inc plc gmbh sas sarl ojsc cjsc".split())


def looks_like_person(surface: str) -> bool:
    """"Firouz Rakhimov", "Nərmin Talıbova": two or three capitalised words, the last with a surname
    ending of the region (-ov/-ova, -yev/-yeva, -zadə, -li...). The stock models often call them ORG."""
    words = surface.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    return bool(SURNAME_RE.search(fold(words[-1])))


# Words of a page's furniture that NER glues to a name: share buttons, bylines, captions.
BOILERPLATE = frozenset(fold(t) for t in "partager publié par lire aussi recevez photo vidéo source crédit "
                        "share tweet read more".split())
_GLUED_WORD = re.compile(r"(?<=[a-zà-ÿəıöüğçş])(?=[A-ZÀ-ÞƏİÖÜĞŞÇ][a-zà-ÿəıöüğçş]+$)")


def clean_surface(text: str, label: str, lang: str | None = None, keep_article: bool = False) -> str:
    """The name inside a mention: quotes, leading articles (unless `keep_article`: a capitalised
    article inside a sentence belongs to the name, "Le Figaro", "Les Andelys"), a French elision
    ("qu’Anar Mammadli"), titles (people), possessive "'s", a hyphen/apostrophe-attached az suffix
    ("KOICA-nın"), the page furniture glued to it ("Facebook Partager", "HébertPublié") and whatever
    follows a line break removed; escapes read (`read_escapes`). A final period stays when it ends an
    abbreviation ("U.S.", "Jr.")."""
    # a stored headline's escapes are read ("Kamala\\_Harris", "Biden-\\u2060Harris Administration")
    s = read_escapes(text)[0].split("\n")[0].strip(_QUOTES)
    words = s.split()
    if words:
        parts = _GLUED_WORD.split(words[-1])
        if len(parts) == 2 and fold(parts[1]) in BOILERPLATE:
            words[-1] = parts[0]
    while len(words) > 1 and fold(words[-1]) in BOILERPLATE:
        words = words[:-1]
    s = " ".join(words)
    s = re.sub(r"[’']s$", "", s)
    if lang is None or lang in SUFFIX_LANGS:
        s = strip_attached_suffix(s)
    words = s.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in ARTICLE_TOKENS and not keep_article:
        words = words[1:]
    if lang == "fr" and label in ("LOC", "ORG") and len(words) > 1 and words[0] in ("de", "du", "des") \
            and words[1][:1].isupper():
        words = words[1:]  # "un duo de Lille": the model's span took the preposition ("de Lille")
    elision = _FR_ELISION.match(words[0]) if words else None
    if elision and lang in (None, "fr"):
        words[0] = words[0][elision.end():]
    if label == "PERSON":
        # titles, and articles after them ("Madame la Ministre", "Rəis Rüstəm Minnixanov", "Pape Léon XIV")
        while words and (fold(words[0]).rstrip(".") in TITLES or len(words) > 1 and (
                fold(words[0]) in ARTICLE_TOKENS or fold(words[0]) in LEADING_TITLES and words[1][:1].isupper())):
            words = words[1:]
        while words and fold(words[-1]).rstrip(".") in TITLES:  # "Ülvi bəy"
            words = words[:-1]
    joined = " ".join(words).lstrip(_QUOTES + ",.;:")
    name = joined.rstrip(_QUOTES + ",.;:")
    if joined[len(name):].startswith(".") and ABBREVIATION.search(name):
        name += "."
    return name


# "l’", "d’", "qu’", "jusqu’", "lorsqu’" glued to the next word's capital ("qu’Anar Mammadli")
_FR_ELISION = re.compile(r"^(?:[lLdD]|[nsjmtc]|qu|jusqu|lorsqu|puisqu|quoiqu)[’'](?=\w)")
# "U.S.", "D.C.", "Jr.", "Inc.": the period is part of the name, not the sentence's end
ABBREVIATION = re.compile(r"(?:(?<![\w.])(?:[A-Z]\.)+[A-Z]|\b(?:Jr|Sr|Inc|Ltd|Co|Corp|Bros|St))$")


def is_false_positive(m: Mention, surface: str) -> bool:
    """Mentions no reader would count as an entity (see NOT_ENTITIES and the rules below)."""
    folded = fold(surface)
    letters = [c for c in surface if c.isalpha()]
    if len(letters) < 2 or len(surface) < 2:
        return True  # empty after stripping a title, digits, 1-char spans
    if folded in NOT_ENTITIES or folded in MONTHS_AND_DAYS or folded.rstrip(".") in TITLES:
        return True
    if m.lang in SUFFIX_LANGS and ({folded, *az_stems(folded)}) & (NOT_ENTITIES | MONTHS_AND_DAYS | TITLES):
        return True  # "Martın", "Memoranduma", "Prezidentin": inflected months, document words, titles
    if folded.rstrip(".") in LEGAL_FORMS or fold(strip_attached_suffix(surface)) in LEGAL_FORMS:
        return True  # "MMC" of "“Humix” MMC", "MMC-nin"
    if _ORDINAL_YEAR.match(surface):
        return True  # "2013-cü", "2019-cu": a year, not an organisation
    if _ROMAN_ORDINAL.match(surface):
        return True  # "XIe", "XXe", "VIIe" (siècle): a century the French model tags LOC or ORG
    if m.label == "PERSON" and any(c.isdigit() for c in surface):
        return True  # "COVID-19", "G20"
    if m.label == "PERSON" and surface.split()[0] in _FUNCTION_WORDS:
        return True  # "des Affaires étrangères" left of "Madame la Ministre des Affaires étrangères"
    if m.lang in SUFFIX_LANGS and " " not in surface and "-" not in surface and len(surface) >= 9 \
            and _AZ_PASSIVE.search(folded):
        return True  # "Vurğulanıb", "Bildirilib": a verb opening the sentence ("Şimal-Cənub" is no verb)
    cased = [_FR_ELISION.sub("", w) for w in surface.split() if any(c.isupper() or c.islower() for c in w)]
    if cased and not any(w[0].isupper() or w[0].isdigit() for w in cased) and not _SITE.match(surface):
        return True  # no capitalised word: not a proper noun in az, en, fr or ru ("təcrübəsinin yeni mərhələsi")
    return False


_SITE = re.compile(r"^[\w-]+\.[a-z]{2,4}$")  # "armenews.com": an outlet, named in lower case


def site_name(surface: str) -> str | None:
    """The outlet a bare domain names, capitalised as a name ("armenews.com" -> "Armenews"); None for
    anything else or a stem too short to be a name ("rt.com")."""
    if not _SITE.match(surface):
        return None
    stem = surface.split(".")[0]
    return stem[:1].upper() + stem[1:] if len(stem) >= 5 else None
_ORDINAL_YEAR = re.compile(r"^\d{4}-?(?:c|ç)[iıuü]")
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|ème|ᵉ|th)$")  # "XXe", "XIe", "XXth"
_FUNCTION_WORDS = frozenset("de des du d la le les l of the and et".split())
# az passive perfect, folded: -lanıb/-lənib, -ılıb/-ilib, -unub ("Vurğulanıb", "Göstərilib")
_AZ_PASSIVE = re.compile(r"[aeiuo][ln][iu]b$")


def strip_attached_suffix(s: str) -> str:
    """ "KOICA-nın" -> "KOICA", “ASAN”ın -> “ASAN: a case suffix after a hyphen or apostrophe."""
    m = re.search(r"[-’'‘\"”»](\w+)$", s)
    if m and fold(m.group(1)) in CASE_SUFFIX_SET and m.start() > 0:
        return s[: m.start()]
    return s


# A case suffix written after a hyphen, ending the whitespace token: "UNESCO-nun", "SOCAR-la", "BMT-dəki".
_HYPHEN_SUFFIX = re.compile(r"-(\w+)(?![\w\-’'])")


def with_hyphen_suffix(m: Mention, text: str, lang: str) -> Mention:
    """An Azerbaijani name's span runs to the end of its whitespace token when a case suffix follows
    it after a hyphen ("UNESCO-nun", "ABŞ-ın", "SOCAR-la"): that is how the annotators of real news
    mark it, the same as a suffix glued on ("Bakıda"). Linking looks the name up without the suffix
    (`strip_attached_suffix`); a suffix after a closing quote (“Report”un) stays outside."""
    if (m.lang or lang) != "az" or m.label not in ("PERSON", "ORG", "LOC"):
        return m
    hit = _HYPHEN_SUFFIX.match(text, m.end)
    if not hit or fold(hit.group(1)) not in CASE_SUFFIX_SET:
        return m
    return replace(m, text=text[m.start:hit.end()], end=hit.end())


# French demonyms used as nouns, plural ("les Arméniens", "les Européens"): nationalities, not places or
# people. Singular forms are left alone: "Julien", "Adrien" end the same way.
_FR_DEMONYM = re.compile(r"(?:iens|iennes|éens|éennes|ains|aines|aises|oises)$")


def is_demonym(surface: str, lang: str | None) -> bool:
    """A French nationality noun the models tag LOC or PERSON ("Arméniens", "Européens")."""
    return lang == "fr" and " " not in surface and surface[:1].isupper() and bool(_FR_DEMONYM.search(surface))


def is_ordinary_word(surface: str, lower_words: set[str]) -> bool:
    """One word, not an acronym, that the article also writes in lower case: "Vidéo", "Ambassadrice",
    "Ville", "Photo" -- a common noun capitalised by its position, not a name."""
    if " " in surface or "-" in surface or surface.isupper() or len(surface) < 3:
        return False
    return fold(surface) in lower_words
