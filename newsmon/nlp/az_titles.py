"""Names inside an Azerbaijani document's title: nothing inside a quoted document title is annotated, nor a place
that is a word of a treaty's name (corpus/README.md, real-dev's annotation notes: "… Haqqında Saziş", "Haaqa
Konvensiyası"). A name in a title is the document's subject, not an actor of the sentence; the agreement stage
reads the parties of a title itself ("X və Y arasında … Saziş"), before these mentions leave the entity list
(`without_title_words`)."""
from __future__ import annotations

import re

from newsmon.model import Mention
from newsmon.nlp.event_names import name_run_after
from newsmon.nlp.kb import SUFFIX_LANGS
from newsmon.nlp.mentions import AZ_DOCUMENT_STEMS, is_az_document_word
from newsmon.text.az import AZ_CAPITAL, split_case
from newsmon.text.normalize import CLOSE_QUOTES, OPEN_QUOTES, fold

# "about": the last word of a title that names its subject ("“Dövlət Bayrağı meydanının yaradılması haqqında”
# sərəncam", "Mülki və Siyasi Hüquqlar haqqında Beynəlxalq Pakt")
_ABOUT = frozenset(fold(w) for w in ("haqqında", "dair"))
# An unquoted title about a subject: up to two words without punctuation after the name, "about", then capitalised
# words ending in a document's head ("Xəzər dənizinin hüquqi statusu haqqında Konvensiya")
_ABOUT_A_DOCUMENT = re.compile(r"((?:\s+[^\s,;:.!?“”«»\"()]+){0,2}?)\s+(?:haqqında|dair)((?:\s+" + AZ_CAPITAL
                               + r"[\w’'-]*){1,4})")
# Words that make the run after a name a phrase of the sentence, not a title's: its parties ("Gürcüstan Hökuməti
# arasında hava nəqliyyatı haqqında Saziş" names the parties, which the agreement gold keeps)
_NOT_A_TITLE_WORDS = frozenset(fold(w) for w in ("arasında", "ilə", "tərəfindən"))
# The clause after a closing quote, up to punctuation or the next quote, and how many of its words may come
# before a document's head ("” layihəsi üzrə Çərçivə Sazişi imzalanıb")
_CLAUSE = re.compile(r"[^,;:.!?\n“”«»\"]{0,120}")
_CLAUSE_WORDS = 6
_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")
_BETWEEN = fold("arasında")
_WHERE_CASES = ("locative", "locative_ki", "ablative", "instrumental")
# A title opens at most this far before a name inside it (AZƏRTAC's longest decree titles run to ~300 characters)
_TITLE_REACH = 400


def in_a_document_title(m: Mention, text: str) -> bool:
    """An az place or organisation that is a word of a document's title: inside a quoted title (see
    `_in_a_quoted_title`), before "haqqında" and a capitalised document head ("... haqqında Konvensiya"), or the
    first word of a treaty's name ("Haaqa Konvensiyasının", "Paris Sazişi"; not an owner in the genitive:
    "Azərbaycan Respublikasının Konstitusiyası", "Azərbaycan Prezidentinin Fərmanı")."""
    if m.lang not in SUFFIX_LANGS or m.label not in ("LOC", "ORG"):
        return False
    return _in_a_quoted_title(m, text) or _before_about_a_document(m, text) or _opens_a_document_name(m, text)


def _opens_a_document_name(m: Mention, text: str) -> bool:
    run = name_run_after(m, text)
    words = run.group().split()[:4] if run else []  # a treaty's name holds at most four words before its head
    head = next((i for i, w in enumerate(words) if _a_named_document(w.strip(".,;:!?”\"»"))), None)
    # every word before the head in no case: a genitive is the document's owner ("Prezidentinin Fərmanı")
    return head is not None and all(split_case(w)[1] is None for w in words[:head])


# The document heads a name before them is a word of (a treaty's, a decree's, a law's); a concept, a strategy or a
# doctrine named after a body or a brand is the body's (“ASAN xidmət” konsepsiyası: the service's model)
_NAMED_HEADS = tuple(s for s in AZ_DOCUMENT_STEMS if s not in {fold(w) for w in ("konsepsiya", "strategiya", "doktrina")})


def _a_named_document(word: str) -> bool:
    """A document's head with the possessive ending of a compound name ("Konvensiyasının", "Bəyannaməsinə",
    "Sazişi"), not a bare noun in a case ("AZƏRTAC Bəyannaməni təqdim edir": the agency presents the declaration)."""
    folded = fold(word)
    stem = next((s for s in _NAMED_HEADS if folded.startswith(s)), None)
    if stem is None or not is_az_document_word(word):
        return False
    # the possessive after a vowel is -sı/-si/-su/-sü, after a consonant -ı/-i/-u/-ü ("Sazişinin"); a consonant stem
    # with -ın/-in alone is the bare noun's genitive ("qanunun": of the law)
    return bool(re.match(r"s[iu]" if stem[-1] in "aeiou" else r"[iu](?!n$)", folded[len(stem):]))


def _before_about_a_document(m: Mention, text: str) -> bool:
    hit = _ABOUT_A_DOCUMENT.match(text, m.end)
    # a place in the locative, ablative or instrumental says where the subject is, in a description of a document
    # rather than its title ("Universitetinin Bakıda kampusunun yaradılması haqqında Sərəncam")
    if split_case(m.text.split()[-1])[1] in _WHERE_CASES:
        return False
    if not hit or any(fold(w) in _NOT_A_TITLE_WORDS for w in hit.group(1).split()):
        return False
    # the head may come before the sentence goes on with a capitalised word ("haqqında Konvensiya Xəzərdə")
    return any(is_az_document_word(w.strip(".,;:!?”\"»")) for w in hit.group(2).split())


def _in_a_quoted_title(m: Mention, text: str) -> bool:
    """Inside quotes that hold a document's title: the quoted words end with "haqqında"/"dair" or a capitalised
    document head (“… Haqqında Saziş”), a document's head follows the closing quote (“…” sərəncamı), or the quoted
    words name the parties ("arasında") of a document named after them or in the clause after the quote (“A və B
    arasında “Qız Qalası … tikintisi” layihəsi üzrə Agentlik müqaviləsi", where the title quotes a project and
    lost its own closing quote). A quoted speech has no capitalised document head ("“… arasında sülh sazişi
    imzalanmalıdır”, - deyə") and no head after its closing quote."""
    line_start = text.rfind("\n", 0, m.start) + 1
    opened = _opening_quote(text, max(line_start, m.start - _TITLE_REACH), m.start)
    close = _next_closing_quote(text, m.end) if opened is not None else None
    if close is None or text.find("\n", m.end, close) != -1:
        return False
    inside = [w.strip(".,;:!?“”«»\"") for w in text[opened + 1:close].split()]
    if not inside or _SENTENCE_BREAK.search(text, opened + 1, close):
        return False  # a title is no sentences: quoted speech is (“… Qarabağda … görüşməkdən məmnun oldum. Biz …”)
    if fold(inside[-1]) in _ABOUT or (inside[-1][:1].isupper() and is_az_document_word(inside[-1])):
        return True
    after = _CLAUSE.match(text, close + 1).group().split()
    if after and _a_named_document(after[0]):  # “…” Sərəncamı; not “TikTok” qanunun (the law's, of the company)
        return True
    between = next((i for i, w in enumerate(inside) if fold(w) == _BETWEEN), None)
    # the head after the parties: before them, it is the document the quoted text cites ("“Tatarıstan Respublikası
    # Rəisinin Fərmanı ilə Tatarıstan Respublikası ilə Azərbaycan Respublikası arasında …”", a decree read out)
    return between is not None and (any(w[:1].isupper() and is_az_document_word(w) for w in inside[between + 1:])
                                    or any(is_az_document_word(w) for w in after[:_CLAUSE_WORDS]))


def _opening_quote(text: str, lo: int, at: int) -> int | None:
    """The offset of the last quote opened and not closed between `lo` and `at`, the outermost when quotes nest."""
    depth, first = 0, None
    for i in range(at - 1, lo - 1, -1):
        c = text[i]
        if c in CLOSE_QUOTES and not _opens(text, i):
            depth += 1
        elif c in OPEN_QUOTES and _opens(text, i):
            if depth == 0:
                first = i
            else:
                depth -= 1
    return first


def _next_closing_quote(text: str, at: int) -> int | None:
    for i in range(at, min(len(text), at + _TITLE_REACH)):
        if text[i] in CLOSE_QUOTES and not _opens(text, i):
            return i
    return None


def _opens(text: str, i: int) -> bool:
    """A quote opens when it is not “”» (which never open) and stands at a word's start: a straight quote "…"
    opens after a space, a line start or an opening bracket and closes after a word."""
    c = text[i]
    if c in "“«":
        return True
    if c in "”»":
        return False
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "(“«-–—"


def without_title_words(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions that are no word of a document's title (`in_a_document_title`)."""
    return [m for m in mentions if not in_a_document_title(m, text)]
