"""Parties a sentence does not name one by one: leaders who sign for their states, joint statements of
the states a story is about, and plural documents one side signed with each of several partners."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements
from tests.test_agreements import _countries, make_article, names


def test_a_statement_the_leaders_sign_binds_their_states_not_the_nearest_organisation():
    text = ("Vaşinqtonda görüş\nAzərbaycan və Ermənistan prezidentləri Vaşinqtonda görüşüblər. Görüşdə Xarici İşlər "
            "Nazirliyinin nümayəndələri də iştirak edib. Ermənistan tərəfi sülhə hazır olduğunu bildirib. "
            "Görüşün nəticəsində liderlər tərəfindən Birgə Bəyanat imzalandı.")
    art = make_article(text, "az", [("Vaşinqtonda", "LOC", "Washington"), ("Azərbaycan", "LOC", "Azerbaijan"),
                                    ("Ermənistan", "LOC", "Armenia"), ("Vaşinqtonda", "LOC", "Washington"),
                                    ("Xarici İşlər Nazirliyinin", "ORG", "Ministry of Foreign Affairs"),
                                    ("Ermənistan", "LOC", "Armenia")])
    [statement] = find_agreements(art, _countries("Azerbaijan", "Armenia"))
    assert statement.type == "other" and names(statement) == {"Azerbaijan", "Armenia"}


def test_leaders_doing_something_else_leave_the_parties_the_sentence_names():
    text = ("Joint statement\nThe leaders welcomed the memorandum of understanding signed by NASA and the "
            "Mohammed bin Rashid Space Centre.")
    art = make_article(text, "en", [("NASA", "ORG", "NASA"), ("Mohammed bin Rashid Space Centre", "ORG",
                                                             "Mohammed bin Rashid Space Centre")])
    [memo] = find_agreements(art, None)
    assert names(memo) == {"NASA", "Mohammed bin Rashid Space Centre"}


def test_a_joint_statement_with_no_party_named_is_the_states_not_an_office_the_story_names():
    text = ("Prezident Pekində\nPrezident İlham Əliyev Pekində Çin Dövlət Şurasının Baş naziri ilə görüşüb. "
            "Azərbaycan ilə Çin arasında əməkdaşlıq müzakirə olunub. Çin Dövlət Şurasının nümayəndələri də iştirak edib. "
            "Bu gün imzalanmış strateji tərəfdaşlıq haqqında Birgə Bəyanatın əhəmiyyəti qeyd olunub.")
    art = make_article(text, "az", [("Pekində", "LOC", "Beijing"), ("İlham Əliyev", "PERSON", "Ilham Aliyev"),
                                    ("Pekində", "LOC", "Beijing"),
                                    ("Çin Dövlət Şurasının", "ORG", "State Council of China"),
                                    ("Azərbaycan", "LOC", "Azerbaijan"), ("Çin", "LOC", "China"),
                                    ("Çin Dövlət Şurasının", "ORG", "State Council of China")])
    [statement] = find_agreements(art, _countries("Azerbaijan", "China"))
    assert statement.type == "other" and names(statement) == {"Azerbaijan", "China"}


def test_plural_agreements_of_one_side_with_a_listed_apposition_are_one_per_partner():
    text = ("Universitetlər\nLayihə üçün Bakı Universiteti ilə Fransanın üç ali məktəbi - Lion Universiteti, "
            "Nant Universiteti və Tuluza Universiteti arasında 2023-cü ildə əməkdaşlıq sazişləri imzalanıb. "
            "Sonra Bakı Universiteti, Lion Universiteti və Nant Universiteti arasında Memorandum imzalanıb.")
    art = make_article(text, "az", [(n, "ORG", n) for n in ("Bakı Universiteti", "Lion Universiteti",
                                                             "Nant Universiteti", "Tuluza Universiteti",
                                                             "Bakı Universiteti", "Lion Universiteti",
                                                             "Nant Universiteti")],
                       dates=[("2023-cü ildə", "2023", "year")])
    records = find_agreements(art, None)
    assert [(r.type, names(r)) for r in records] == [
        ("agreement", {"Bakı Universiteti", "Lion Universiteti"}),
        ("agreement", {"Bakı Universiteti", "Nant Universiteti"}),
        ("agreement", {"Bakı Universiteti", "Tuluza Universiteti"}),
        ("memorandum", {"Bakı Universiteti", "Lion Universiteti", "Nant Universiteti"})]


def _capitals():
    """A knowledge base with two countries and their capitals (ids as `make_article` derives them)."""
    from newsmon.nlp.kb import KnowledgeBase
    from newsmon.nlp.kb_file import KBEntity
    states = [KBEntity(id=n.lower(), name=n, label="LOC", names={"en": (n,)}, kind="country")
              for n in ("Armenia", "Azerbaijan")]
    capitals = [KBEntity(id=c.lower(), name=c, label="LOC", names={"en": (c,)}, kind="capital", parent=s.lower())
                for c, s in (("Yerevan", "Armenia"), ("Baku", "Azerbaijan"))]
    return KnowledgeBase(states + capitals)


def test_capitals_that_sign_are_their_states():
    text = ("Paix\nLe ministre a salué l’accord de paix paraphé entre Erevan et Bakou le 8 août. "
            "L'Azerbaïdjan et l'Arménie doivent encore le signer.")
    art = make_article(text, "fr", [("Erevan", "LOC", "Yerevan"), ("Bakou", "LOC", "Baku"),
                                    ("Azerbaïdjan", "LOC", "Azerbaijan"), ("Arménie", "LOC", "Armenia")],
                       dates=[("8 août", "2025-08-08", "day")])
    [accord] = find_agreements(art, _capitals())
    assert names(accord) == {"Armenia", "Azerbaijan"}
    assert [p.text for p in accord.parties] == ["Erevan", "Bakou"]  # the article's words are kept


def test_twinned_capitals_stay_cities():
    text = ("Qardaşlaşma\nBakı və İrəvan şəhərləri arasında qardaşlaşma haqqında saziş imzalanıb.")
    art = make_article(text, "az", [("Bakı", "LOC", "Baku"), ("İrəvan", "LOC", "Yerevan")])
    [twinning] = find_agreements(art, _capitals())
    assert names(twinning) == {"Baku", "Yerevan"}


def test_where_a_firm_is_based_is_no_party():
    text = ("Partnership\nIn September, U.S. firm 24M Technologies, Inc. announced the signing of a license and "
            "services agreement with Chennai-based Lucas TVS Ltd. to build a factory in India.")
    art = make_article(text, "en", [("U.S.", "LOC", "United States"),
                                    ("24M Technologies, Inc.", "ORG", "24M Technologies"),
                                    ("Chennai", "ORG", "Chennai"), ("Lucas TVS Ltd.", "ORG", "Lucas TVS"),
                                    ("India", "LOC", "India")])
    [licence] = find_agreements(art, None)
    assert names(licence) == {"24M Technologies", "Lucas TVS"}


def test_an_exhibition_or_week_named_in_quotes_is_no_party():
    text = ("Sərgi\n“Caspian Oil and Gas” sərgisi memorandumların imzalandığı məkana çevrilib. "
            "Ötən il “Bakı Enerji Həftəsi” çərçivəsində SOCAR ilə “bp” şirkəti arasında müqavilə imzalanıb.")
    art = make_article(text, "az", [("Caspian Oil and Gas", "ORG", "Caspian Oil and Gas"),
                                    ("Bakı Enerji Həftəsi", "ORG", "Baku Energy Week"),
                                    ("SOCAR", "ORG", "SOCAR"), ("bp", "ORG", "BP")])
    parties = {p.name.upper() for r in find_agreements(art, None) for p in r.parties}
    assert parties == {"SOCAR", "BP"}


def test_leaders_listed_after_their_states_sign_for_all_of_them_and_the_city_is_the_place():
    text = ("Birgə Bəyannamə imzalanıb\n"
            "Avqustun 8-də Azərbaycan Respublikasının Prezidenti İlham Əliyev, Amerika Birləşmiş Ştatlarının "
            "Prezidenti Donald Tramp və Ermənistan Respublikasının Baş naziri Nikol Paşinyan Vaşinqton şəhərində "
            "Birgə Bəyannaməni imzaladılar.")
    art = make_article(text, "az", [
        ("Azərbaycan Respublikasının", "LOC", "Azerbaijan"), ("İlham Əliyev", "PERSON", "Ilham Aliyev"),
        ("Amerika Birləşmiş Ştatlarının", "LOC", "United States"), ("Donald Tramp", "PERSON", "Donald Trump"),
        ("Ermənistan Respublikasının", "LOC", "Armenia"), ("Nikol Paşinyan", "PERSON", "Nikol Pashinyan"),
        ("Vaşinqton", "LOC", "Washington")])
    [statement] = find_agreements(art, None)
    assert names(statement) == {"Azerbaijan", "United States", "Armenia"}


def test_a_city_named_with_the_word_city_in_the_locative_is_no_party():
    text = ("Azərbaycan və Türkiyə liderləri görüşüb\nPrezident İlham Əliyev və Prezident Rəcəb Tayyib Ərdoğan "
            "Ankara şəhərində Birgə Bəyannamə imzalayıblar.")
    art = make_article(text, "az", [("Azərbaycan", "LOC", "Azerbaijan"), ("Türkiyə", "LOC", "Türkiye"),
                                    ("İlham Əliyev", "PERSON", "Ilham Aliyev"),
                                    ("Rəcəb Tayyib Ərdoğan", "PERSON", "Recep Tayyip Erdoğan"),
                                    ("Ankara", "LOC", "Ankara")])
    [statement] = find_agreements(art, _countries("Azerbaijan", "Türkiye"))
    assert names(statement) == {"Azerbaijan", "Türkiye"}


def test_the_subject_before_a_partner_in_the_comitative_signs_with_it():
    # "Rusiya Ukrayna ilə ... müqaviləsi bağlamağa": Russia and Ukraine, not the state of the leader quoted
    text = ("Sülh\nAmerika liderinin fikrincə, Rusiya Ukrayna ilə sülh müqaviləsi bağlamağa çalışmalıdır.")
    art = make_article(text, "az", [("Amerika", "LOC", "United States"), ("Rusiya", "LOC", "Russia"),
                                    ("Ukrayna", "LOC", "Ukraine")])
    [record] = find_agreements(art, None)
    assert names(record) == {"Russia", "Ukraine"}


def test_the_subject_of_the_signing_verb_signs_with_its_partner_however_long_the_title():
    # the document's own words between the partner and it: the clause's subject still signs
    text = ("Saziş\nBöyük Britaniya Ukrayna ilə Kiyevin hərbi satınalmalar, o cümlədən raketlər üçün 2 milyard "
            "dollar alacağı yeni iqtisadi saziş imzalayıb.")
    art = make_article(text, "az", [("Böyük Britaniya", "LOC", "United Kingdom"), ("Ukrayna", "LOC", "Ukraine"),
                                    ("Kiyevin", "LOC", "Kyiv")])
    [record] = find_agreements(art, None)
    assert names(record) == {"United Kingdom", "Ukraine"}
    # (a head noun may follow the partner: "HƏMAS hərəkatı ilə")
    text = ("Atəşkəs\nİsrail hökuməti Fələstinin HƏMAS hərəkatı ilə Qəzza zolağında atəşkəs və girovların azad "
            "edilməsi barədə sazişi təsdiqləyib.")
    art = make_article(text, "az", [("İsrail", "LOC", "Israel"), ("Fələstinin", "LOC", "Palestine"),
                                    ("HƏMAS", "ORG", "Hamas"), ("Qəzza", "LOC", "Gaza Strip")])
    [record] = find_agreements(art, None)
    assert names(record) == {"Israel", "Hamas"}


def test_a_partner_of_a_clause_that_does_not_close_on_the_signing_has_no_subject_read_so():
    # the verb after the document is no finite signing: the subject is not read from the clause
    text = ("Saziş\nBöyük Britaniya Ukrayna ilə Kiyevin hərbi satınalmalar, o cümlədən raketlər üçün 2 milyard "
            "dollar alacağı yeni iqtisadi sazişi müzakirə edib.")
    art = make_article(text, "az", [("Böyük Britaniya", "LOC", "United Kingdom"), ("Ukrayna", "LOC", "Ukraine"),
                                    ("Kiyevin", "LOC", "Kyiv")])
    assert all(names(r) != {"United Kingdom", "Ukraine"} for r in find_agreements(art, None))


def test_a_list_of_partners_in_the_comitative_has_no_subject_among_them():
    text = ("Müttəfiqlik\nTürkiyə, Özbəkistan və Rusiya ilə müttəfiqlik bəyannaməsi imzalamışıq.")
    art = make_article(text, "az", [("Türkiyə", "LOC", "Turkey"), ("Özbəkistan", "LOC", "Uzbekistan"),
                                    ("Rusiya", "LOC", "Russia")])
    [record] = find_agreements(art, None)
    assert names(record) == {"Turkey", "Uzbekistan", "Russia"}


def test_an_unresolved_subject_in_the_genitive_is_left_to_the_other_readings():
    # the party would be named "Kitonun": the sentence's other names are read as before
    text = ("Ticarət\nEkvador rəsmiləri Kitonun ABŞ-la azad ticarət sazişi bağlamağı planladırdığını bildiriblər.")
    art = make_article(text, "az", [("Ekvador", "LOC", "Ecuador"), ("Kitonun", "LOC", "Kitonun"),
                                    ("ABŞ-la", "LOC", "United States")])
    [record] = find_agreements(art, None)
    assert "Kitonun" not in names(record)


def test_a_plan_whose_owner_the_sentence_names_gets_no_second_party_guessed():
    text = ("Climate\nThe Biden-Harris Administration met health leaders at the White House Office. "
            "The VA has made substantial progress implementing its 2021 Climate Action Plan, including new rules.")
    art = make_article(text, "en", [("Biden-Harris Administration", "ORG", "Biden-Harris Administration"),
                                    ("White House Office", "ORG", "White House Office"),
                                    ("VA", "ORG", "United States Department of Veterans Affairs")],
                       dates=[("2021", "2021", "year")])
    [plan] = find_agreements(art, None)
    assert plan.type == "programme" and names(plan) == {"United States Department of Veterans Affairs"}


def test_capitals_are_their_states_before_mentions_are_merged():
    # the draft "between Baku and Yerevan" is the peace agreement told of the two states, not a second one
    text = ("Sülh\nErmənistan və Azərbaycan arasında sülh sazişinin imzalanması gözlənilir. Daha əvvəl Bakı ilə "
            "İrəvan arasında dövlətlərarası münasibətlər haqqında Saziş layihəsinin mətni üzrə danışıqlar başa çatıb.")
    art = make_article(text, "az", [("Ermənistan", "LOC", "Armenia"), ("Azərbaycan", "LOC", "Azerbaijan"),
                                    ("Bakı", "LOC", "Baku"), ("İrəvan", "LOC", "Yerevan")])
    [peace] = find_agreements(art, _capitals())
    assert (peace.status, names(peace)) == ("planned", {"Armenia", "Azerbaijan"})
