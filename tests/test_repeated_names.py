"""A name an article names is found wherever the article repeats it (newsmon.nlp.repeated_names)."""
from newsmon.model import Mention
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.kb_file import KBEntity
from newsmon.nlp.repeated_names import repeated_names
from newsmon.text.az import stem_word


def _found(text: str, lang: str, *names: tuple[str, str], kb: KnowledgeBase | None = None,
           ordinary: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(text, label) of every mention after the rule, given the first occurrence of each (name, label)."""
    mentions = [Mention(name, label, text.index(name), text.index(name) + len(name), lang) for name, label in names]
    out = repeated_names(mentions, text, lang, kb or KnowledgeBase(), ordinary)
    return [(m.text, m.label) for m in out]


def test_an_az_name_is_found_again_in_any_case():
    text = ("Nurlan Tarvexov Bakıya gəlib. Sonra Nurlan Tarvexovun çıxışı olub. Jurnalistlər isə Nurlan Tarvexovla "
            "görüşüb.\nHieronica Limited müqavilə imzalayıb. Şirkət Hieronica Limitedin adından danışıb.")
    out = _found(text, "az", ("Nurlan Tarvexov", "PERSON"), ("Hieronica Limited", "ORG"),
                 ordinary=frozenset({stem_word("Şirkət")}))  # "Şirkət" opens its sentence: no word of the name
    assert ("Nurlan Tarvexovun", "PERSON") in out and ("Nurlan Tarvexovla", "PERSON") in out
    assert ("Hieronica Limitedin", "ORG") in out
    inflected = _found("Nurlan Tarvexovun çıxışı. Nurlan Tarvexovla görüş. Nurlan Tarvexov gedib.", "az",
                       ("Nurlan Tarvexovun", "PERSON"))
    assert [t for t, _ in inflected] == ["Nurlan Tarvexovun", "Nurlan Tarvexovla", "Nurlan Tarvexov"]


def test_an_az_suffix_after_a_hyphen_stays_in_the_span():
    text = "Norvika LTD bəyanat yayıb. Norvika LTD-nin rəhbəri danışıb."
    assert _found(text, "az", ("Norvika LTD", "ORG"))[-1] == ("Norvika LTD-nin", "ORG")


def test_an_az_word_alone_is_not_spread():
    # "Zəfər" (victory), "Venera", a surname: one az word is too often a thing's or az_surnames_of_people's
    assert len(_found("Tarvexov gəlib. Sonra Tarvexovun çıxışı olub.", "az", ("Tarvexov", "PERSON"))) == 1


def test_an_occurrence_inside_a_longer_name_or_before_a_place_noun_is_left():
    text = ("Nurlan Tarvexov gəlib. Elmar Nurlan Tarvexov danışıb. Nurlan Tarvexov Holdinq yaranıb. Nurlan Tarvexov "
            "küçəsində ev tikilib. Rəşid Behbudov adına Nurlan Tarvexov Mərkəzi açılıb.")
    assert _found(text, "az", ("Nurlan Tarvexov", "PERSON")) == [("Nurlan Tarvexov", "PERSON")]


def test_a_name_with_two_labels_an_ordinary_word_a_title_or_a_known_name_is_not_spread():
    text = "Qarvin Sol gəlib. Qarvin Solun evi. Qarvin Solu gördük."
    two = [Mention("Qarvin Sol", "PERSON", 0, 10, "az"), Mention("Qarvin Solun", "LOC", 18, 30, "az")]
    assert len(repeated_names(two, text, "az", KnowledgeBase(), frozenset())) == 2
    plain = "Günəş Panel yaranıb. Günəş Panel işləyir."
    assert len(_found(plain, "az", ("Günəş Panel", "ORG"), ordinary=frozenset({stem_word("Günəş")}))) == 2
    assert len(_found("Prezident Qarvinin səfəri. Prezident Qarvinlə görüş.", "az", ("Prezident Qarvinin", "ORG"))) == 1
    kb = KnowledgeBase([KBEntity(id="loc:zarvia", name="Zarvia", label="LOC", names={"en": ("Zarvia",)})])
    known = [Mention("Zarvia", "LOC", 0, 6, "en", "loc:zarvia", "Zarvia")]
    assert len(repeated_names(known, "Zarvia rose. Zarvia fell.", "en", kb, frozenset())) == 1


def test_quotes_must_agree():
    text = "“Qarvin Qaz” komandası qalib gəlib. Qarvin Qaz bölgəsi isə sakitdir. “Qarvin Qaz”ın oyunçuları sevinib."
    assert _found(text, "az", ("Qarvin Qaz", "ORG")) == [("Qarvin Qaz", "ORG"), ("Qarvin Qaz", "ORG")]
    # the second ORG is the quoted one; the bare words (the region) are left


def test_an_english_or_french_surname_alone_is_the_person_named_in_full():
    text = "Anna Kowalczykova met the press. Later, Kowalczykova said no. Kowalczykova's aide agreed."
    out = repeated_names([Mention("Anna Kowalczykova", "PERSON", 0, 17, "en", "person:anna", "Anna Kowalczykova")],
                         text, "en", KnowledgeBase(), frozenset())
    assert [(m.text, m.canonical_id) for m in out] == [("Anna Kowalczykova", "person:anna")] + \
        [("Kowalczykova", "person:anna")] * 2
    fr = "Élise Varnier a parlé. L’appel d’Élise Varnier. Selon Varnier, c’est fini. Johnson & Johnson."
    assert _found(fr, "fr", ("Élise Varnier", "PERSON")) == [("Élise Varnier", "PERSON")] * 2 + [("Varnier", "PERSON")]
    assert len(_found("Anna Johnson came. Johnson & Johnson paid.", "en", ("Anna Johnson", "PERSON"))) == 1


def test_english_and_french_names_other_than_people_are_not_spread():
    # "Black", "Vive", "Maire", "Cancer Moonshot": the models' other en/fr names are too often no name
    text = "Hieronica Limited signed. Later Hieronica Limited paid. The Cancer Moonshot grew; the Cancer Moonshot won."
    assert len(_found(text, "en", ("Hieronica Limited", "ORG"), ("Cancer Moonshot", "PERSON"))) == 2
