"""The shape of a language's agreement cues (`Lexicon`) and the helpers that compile them; the cues
themselves are in `lexicon.py` (en, fr, az) and `lexicon_tr_ru.py`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsmon.text.regex_start import compile_fast_start


@dataclass(frozen=True)
class Lexicon:
    """Compiled cues of one language. `types` is ordered: earlier patterns win on overlap."""

    code: str
    types: tuple[tuple[str, re.Pattern[str]], ...]
    status: tuple[tuple[str, re.Pattern[str]], ...]
    anaphor: re.Pattern[str]  # "the two sides": the parties are named elsewhere
    between: re.Pattern[str]  # "between X and Y" ("X ilə Y arasında" when `postposition`)
    postposition: bool
    connector: re.Pattern[str]  # what may separate two parties of one list ("and", "ilə", ",")
    today: re.Pattern[str]  # the signing date is the publication date
    yesterday: re.Pattern[str]
    place_before: re.Pattern[str]  # words right before a LOC that make it the place, not a party
    not_signing_date: re.Pattern[str]  # words before a date that make it a deadline or period
    not_signing_after: re.Pattern[str]  # the same, after the date (az/tr postpositions)
    # Capitalised generic heads ("the Agency", "Agentlik") and the English word to look for in
    # canonical names, which are English in every language.
    heads: tuple[tuple[re.Pattern[str], str], ...]
    president: re.Pattern[str]  # the issuer's title, for decrees
    event: re.Pattern[str]  # "the seminar ended with the signing": the date is the event's date
    intergov: re.Pattern[str]  # "intergovernmental agreement": the parties are states
    possessive: re.Pattern[str]  # "its charter": the parties are those of the previous agreement
    recall: re.Pattern[str]  # "recalled", "had signed": an older agreement, not today's event
    definite: re.Pattern[str]  # "the decree", "ce décret" right before a trigger: one named before
    # A news source, not an actor: the words right before ("selon l'", "told") or after ("xəbər verir")
    # a mention that reports the news ("AZƏRTAC xəbər verir ki", "a déclaré à l'AFP").
    indefinite: re.Pattern[str] = re.compile(r"(?!)")  # "an", "un" right before a trigger: a new one
    # words right before a year that make it the year of the noun before them, not a signing's ("sur la
    # base de la déclaration de 1991", "la guerre de 2020"); a year right after the document word is the
    # document's own ("l'accord de 2008")
    year_of_another: re.Pattern[str] = re.compile(r"(?!)")
    # the country whose press writes in the language, for a speaker's "we" ("imzalamışıq"): the KB id
    home: str | None = None
    # right before the document word: a kind of document only states conclude ("sülh sazişi", the peace
    # treaty), whose parties are states as an intergovernmental agreement's are (`intergov`)
    between_states: re.Pattern[str] = re.compile(r"(?!)")
    # the same kind named right after the document word, matched at its end ("accord de paix", "traité de paix")
    states_after: re.Pattern[str] = re.compile(r"(?!)")
    # right after a date: the date modifies the noun after it (az "tarixli": "2011-ci il 19 dekabr tarixli
    # Fərmanı"), so it dates that document only, however near another one stands
    date_of_next: re.Pattern[str] = re.compile(r"(?!)")
    # a weekday naming the day of a signing the page reports ("On Friday, President Trump signed"), with no
    # date after it: its group "day" is the weekday (Monday first, in `weekdays`), its group "last" set when
    # the week before is meant ("Last Thursday")
    weekday: re.Pattern[str] = re.compile(r"(?!)")
    weekdays: tuple[str, ...] = ()
    # A signing named only by its verbal noun ("sülh sazişinin imzalanması", `signing_noun`) is planned when
    # the sentence frames it as a prospect (`prospect`: hoped for, proposed, called for, soon, "nothing
    # prevents"), not as a fact ("imzalanması ilə bağlı təbrik edib" congratulates on a signing done).
    signing_noun: re.Pattern[str] = re.compile(r"(?!)")
    prospect: re.Pattern[str] = re.compile(r"(?!)")
    # the signing reported as an event (a finite verb), which may take the story's date
    reported_signing: re.Pattern[str] = re.compile(r"")
    # Right after a document word written in lower case: the words of its name, then the day it is dated by
    # ("l'accord de cessez-le-feu du 9 novembre 2020", "la déclaration du président ... et du président de la
    # Fédération de Russie du 9 novembre 2020"): the day it was signed, so it is a signed document even where
    # no verb says so, as the story names it by that signing (a capitalised title is a named text the reader
    # knows, cited: "la Convention ... du 4 janvier 1969")
    dated_day: re.Pattern[str] = re.compile(r"(?!)")
    # the forms of it that tell the signing as the story's own event, which alone take the event's date when
    # the sentence gives none (None: every reported signing). az: the reporter's passive ("sənədlər
    # imzalanıb/imzalandı") and third person plural ("dövlət başçıları ... imzalayıblar"), not a speaker's
    # perfect ("Azərbaycan ... bəyannamə imzalayıb", "imzalanmışdır"), which recalls an earlier signing
    event_signing: re.Pattern[str] | None = None
    source_before: re.Pattern[str] = re.compile(r"(?!)")
    source_after: re.Pattern[str] = re.compile(r"(?!)")
    # after an outlet's name: the interview it was given ("“Fox News” telekanalına müsahibə verib"); the
    # outlet that asks the questions signs nothing the interview tells of
    interviewer_after: re.Pattern[str] = re.compile(r"(?!)")
    # Document words that name an agreement only as the object of a signing verb ("signed a contract",
    # "la signature de la convention", "bəyannamə imzalayıb"), never when cited ("contrary to the Geneva
    # conventions", "Konvensiyasının Tərəflər Konfransı", "bəyannamələri doldurmayın": tax returns).
    weak_types: tuple[tuple[str, re.Pattern[str]], ...] = ()
    signing: re.Pattern[str] = re.compile(r"(?!)")  # the verbs (and nouns) of signing a weak trigger needs
    # Document words that name one only as the direct object of a signing or agreeing verb, the word in group
    # "doc" (en "agreed to a Framework", "committed to a $1.4 trillion U.S. investment framework"), where the
    # same word is any structure elsewhere ("regulatory frameworks", "within the framework of"): type agreement
    object_types: re.Pattern[str] = re.compile(r"(?!)")
    # that word alone: a name ending with it ("Bilateral Framework", "Critical Minerals Framework") is the
    # document NER took for an organisation, no party; and a document of that word is never one of another
    # word ("the Implementation Arrangement" told after "a strategic framework" is another document)
    object_word: re.Pattern[str] = re.compile(r"(?!)")
    # Ending at the document word: a named document states or companies sign one by one (en "the Artemis Accords",
    # "the Global Methane Pledge"): the one side the sentence names signs it alone, no other side is guessed
    joined_alone: re.Pattern[str] = re.compile(r"(?!)")
    # The road-map words of the programme type: a road map is found and merged as a programme (an owner's plan),
    # and reported as "other", as real-dev's README types road maps
    road_map: re.Pattern[str] = re.compile(r"(?!)")
    # a weak trigger that needs no signing word when a proper name comes before it (en "a Security of Supply
    # Arrangement", "the Administrative Arrangement": a named document, where "security arrangements" is a kind)
    named_weak: re.Pattern[str] = re.compile(r"(?!)")
    # A document one side grants alone: "Customs and Border Protection awarded the first border wall
    # construction contract" binds the awarding body; the winner, when unnamed, is not guessed.
    awarded: re.Pattern[str] = re.compile(r"(?!)")
    # Right before a plan: an order that has it made ("The order directs the development of an AI Action
    # Plan", "The Order directs the creation of a Maritime Action Plan"): the plan is planned, and its party
    # the order's issuer.
    ordered: re.Pattern[str] = re.compile(r"(?!)")
    # Documents a body adopts by vote rather than signs ("le conseil municipal a adopté une résolution",
    # "la motion était adoptée", "Senat qətnamə qəbul etdi"): a record only as the nearest trigger of an
    # adopting word (`voting`); a resolution only introduced or cited is none (a bill, like a law).
    voted_types: tuple[tuple[str, re.Pattern[str]], ...] = ()
    voting: re.Pattern[str] = re.compile(r"(?!)")
    # From the sentence's start to such a document: a phrase put before the clause it belongs to ("Dans une
    # résolution adoptée par 76 voix pour, l'APCE fait part de ..."), whose subject, after the comma, is the body
    fronted_vote: re.Pattern[str] = re.compile(r"(?!)")
    # Right before a status cue: a negation, so the stage is not reached ("n'est pas présenté à la ratification",
    # "n'a jamais signé"); the cue does not count
    negated_cue: re.Pattern[str] = re.compile(r"(?!)")
    # Right before such a document: another one of the kind the story told of ("La deuxième résolution a
    # également été adoptée"), adopted by the same body
    another_vote: re.Pattern[str] = re.compile(r"(?!)")
    # A signer named by a pointer the parse gives as the subject: a personal pronoun stands for the last
    # person named ("Il a signé la pétition"), "the latter" / "ce dernier" for the last person or
    # organisation ("le président de SNA. Ce dernier a signé").
    pronoun: re.Pattern[str] = re.compile(r"(?!)")
    latter: re.Pattern[str] = re.compile(r"(?!)")
    # Leaders who sign for their states ("liderlər tərəfindən Birgə Bəyanat imzalandı"): a weaker "the two
    # sides", used only when the sentence names no party at all (leaders do many things besides signing).
    leaders: re.Pattern[str] = re.compile(r"(?!)")
    # A second-person subject before the document ("Vous aviez signé une convention avec X", "you signed"):
    # the addressee of a speech or letter, whom the article's most named organisation (the speaker's, as
    # a rule) is not; the partner the sentence names stands alone.
    addressee: re.Pattern[str] = re.compile(r"(?!)")
    # A decree word a court also issues ("ordonnance"), and the court: in a sentence naming a court it is
    # a judgement ("Dans une ordonnance du 17 mars, la Cour a ..."), no decree of an executive.
    court_order: re.Pattern[str] = re.compile(r"(?!)")
    court: re.Pattern[str] = re.compile(r"(?!)")
    # Right before a bare memorandum: the President signs it ("President Trump recently signed a
    # memorandum"), so it is an order he issues, as a "presidential memorandum" is.
    president_signs: re.Pattern[str] = re.compile(r"(?!)")
    president_after: re.Pattern[str] = re.compile(r"(?!)")  # "By signing this memorandum, President Trump"
    # What an owner does to adopt a plan or programme of its own, between the owner's name and the
    # document ("President Trump created an Maritime Action Plan", "la Région adoptait un plan"):
    # the owner is its party and the plan is adopted.
    adopts: re.Pattern[str] = re.compile(r"(?!)")
    # Common nouns that head an institution's name written in lower case ("le ministère égyptien de
    # l'Environnement", "l'académie militaire arménienne"): a party of "entre X et Y" NER does not tag.
    institution: re.Pattern[str] = re.compile(r"(?!)")
    # What may stand between the issuer's title and his name ("President Joe Biden", "President of the
    # United States Joe Biden", "President-elect Trump"); any gap when None (French puts adjectives there:
    # "le président français Emmanuel Macron").
    title_gap: re.Pattern[str] | None = None


def _c(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    # Triggers and cues run over every sentence and are rare in it: a match-start lookahead (same
    # matches) lets the scan skip the positions where none can begin.
    return compile_fast_start(pattern, flags)


def _heads(template: str, **words: tuple[str, str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Generic-head patterns: `template` has two slots, the lower-case head after a determiner ("the
    agency", "l'agence") and the capitalised head on its own ("the Agency", "Agentlik")."""
    return tuple((compile_fast_start(template.format(low, cap)), head) for head, (low, cap) in words.items())


def _types(*pairs: tuple[str, str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((t, _c(p)) for t, p in pairs)


# az/tr future tense (-acaq/-əcək, -acak/-ecek and their inflections): a planned action. Not "gələcək" /
# "gelecek" (the future) as a noun ("gələcəkdə", "gələcəyə") or as the adjective of another word than the
# document ("gələcək əməkdaşlığa dair saziş", "saziş gələcək nəsillər üçün"): of 1,724 az real-news articles,
# 20 write it near a document, signed ones among them. Still a future: the verb "will come", which ends
# its clause ("Dohaya gələcək”", "gələcək və ..."), and the future document itself ("gələcək sülh müqaviləsi").
_FUTURE_NOUN = (r"(?:gələcək|gelecek)\s+(?!(?:və|ve|ki)\b)(?!(?:\S+\s+)?(?:saziş|müqavilə|memorandum|protokol|sənəd"
                r"|anlaşma|antlaşma|sözleşme|mutabakat))[^\W\d_]|gələcəkd|gələcəy|geleceğ|gelecekt|gelecekd")
TURKIC_FUTURE = r"\b(?!" + _FUTURE_NOUN + r")\w+(?:acaq|əcək|acağ|əcəy|acak|ecek|acağ|eceğ)\w*"
