"""Decrees bound by the owner the Azerbaijani genitive names (an office, an assembly), decisions written as
documents ("… tarixli Qərarı"), and headlines that keep a Markdown-escaped space."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements, split_sentences
from tests.test_agreements import _countries, make_article, names


def test_an_office_in_the_genitive_issues_the_decree_the_sentence_titles_first():
    text = ("Görüş\nPrezidentin ali dövlət mükafatı ilə təltif olunması haqqında Fərman oxundu: “Tatarıstan "
            "Respublikası Rəisinin Fərmanı ilə Prezident İlham Əliyev “Dostluq” ordeni ilə təltif olunur”.")
    art = make_article(text, "az", [("Tatarıstan Respublikası", "LOC", "Tatarstan"),
                                    ("İlham Əliyev", "PERSON", "Ilham Aliyev")])
    [decree] = find_agreements(art, None)
    assert decree.type == "decree" and names(decree) == {"Tatarıstan Respublikası Rəisi"}
    assert [p.text for p in decree.parties] == ["Tatarıstan Respublikası Rəisinin"]


def test_a_bare_decree_title_takes_no_owner_from_a_genitive_before_it():
    # "Prezidentinin" belongs to "təltif olunması" (his awarding), not to the unpossessed "Fərman"
    text = ("Görüş\nAzərbaycan Prezidentinin ali mükafatla təltif olunması haqqında Fərman oxundu. "
            "Prezident İlham Əliyev çıxış edib.")
    art = make_article(text, "az", [("Azərbaycan", "LOC", "Azerbaijan"), ("İlham Əliyev", "PERSON", "Ilham Aliyev")])
    [decree] = find_agreements(art, None)
    assert names(decree) == {"Ilham Aliyev"}


def test_an_assemblys_dated_decision_is_a_decree_of_its_own_after_a_list_of_orders():
    text = ("Stend\nSalonda Prezident İlham Əliyevin imzaladığı “Dövlət Bayrağı meydanının yaradılması haqqında” "
            "2007-ci il 17 noyabr tarixli və “Dövlət Bayrağı Gününün təsis edilməsi haqqında” 2009-cu il 17 noyabr "
            "tarixli sərəncamlar, Naxçıvan Muxtar Respublikası Ali Məclisinin 1990-cı il 17 noyabr tarixli "
            "Qərarından ibarət stend yerləşdirilib.")
    art = make_article(text, "az", [("İlham Əliyevin", "PERSON", "Ilham Aliyev"),
                                    ("Naxçıvan Muxtar Respublikası Ali Məclisinin", "ORG",
                                     "Supreme Assembly of the Nakhchivan Autonomous Republic")],
                       dates=[("2007-ci il 17 noyabr", "2007-11-17", "day"),
                              ("2009-cu il 17 noyabr", "2009-11-17", "day"),
                              ("1990-cı il 17 noyabr", "1990-11-17", "day")])
    records = find_agreements(art, None)
    assert [(r.type, r.date_signed["value"], names(r)) for r in records] == [
        ("decree", "2007-11-17", {"Ilham Aliyev"}), ("decree", "2009-11-17", {"Ilham Aliyev"}),
        ("decree", "1990-11-17", {"Supreme Assembly of the Nakhchivan Autonomous Republic"})]


def test_a_decision_is_a_decree_only_as_a_possessed_document_name():
    text = ("Məhkəmə\n1998-ci il iyulun 14-də Milli Məclisin Qərarı ilə yeddi hakim təyin olundu. "
            "Qərarın elan edilməsindən sonra səfir çıxış edib. Komitə bu barədə qərar qəbul edib.")
    art = make_article(text, "az", [("Milli Məclisin", "ORG", "Milli Majlis")],
                       dates=[("1998-ci il iyulun 14-də", "1998-07-14", "day")])
    [decree] = find_agreements(art, None)
    assert (decree.type, names(decree), decree.date_signed["value"]) == ("decree", {"Milli Majlis"}, "1998-07-14")


def test_a_markdown_escaped_space_in_a_headline_reads_as_a_space():
    text = ("Joint Leaders Statement on\\_AUKUS\n"
            "As leaders of Australia, the United Kingdom, and the United States, we resolve to deepen cooperation.")
    [title, _] = split_sentences(text)
    assert title.text == "Joint Leaders Statement on  AUKUS" and len(title.text) == text.index("\n")
    art = make_article(text, "en", [("Australia", "LOC", "Australia"), ("United Kingdom", "LOC", "United Kingdom"),
                                    ("United States", "LOC", "United States")], published="2021-09-15")
    [statement] = find_agreements(art, _countries("Australia", "United Kingdom", "United States"))
    assert statement.type == "other" and statement.date_signed["value"] == "2021-09-15"
    assert names(statement) <= {"Australia", "United Kingdom", "United States"} and names(statement)


def test_french_documents_named_by_their_kind_are_told_apart():
    # "l'accord sur les obusiers signé en juin" is not the peace agreement being negotiated
    text = ("Visite\nLe ministre a soutenu les efforts de l’Arménie pour négocier un accord de paix avec "
            "l’Azerbaïdjan. L’Azerbaïdjan a condamné l’accord sur les obusiers signé en juin par la France.")
    art = make_article(text, "fr", [("Arménie", "LOC", "Armenia"), ("Azerbaïdjan", "LOC", "Azerbaijan"),
                                    ("Azerbaïdjan", "LOC", "Azerbaijan"), ("France", "LOC", "France")],
                       dates=[("juin", "2024-06", "month")])
    records = find_agreements(art, None)
    assert [(r.title, r.status) for r in records] == [("accord de paix", "planned"),
                                                      ("accord sur les obusiers", "signed")]
    assert records[1].date_signed["value"] == "2024-06"


def test_two_documents_of_one_sentence_stay_two_records():
    text = ("Ambassade\nL’ambassade de la République d’Arménie a négocié l’achat. Selon l’accord conclu entre "
            "les parties, au moment de la signature de l’accord sur l’intention de vendre, la partie arménienne "
            "doit verser un acompte.")
    art = make_article(text, "fr", [("ambassade de la République d’Arménie", "ORG", "Embassy of Armenia")])
    assert [r.title for r in find_agreements(art, None)] == ["accord", "accord sur l’intention de vendre"]


def test_the_subject_of_an_azerbaijani_title_is_no_party():
    text = ("Forum\nBaş nazir bildirib ki, Azərbaycan 2018-ci ildə Aktauda imzalanmış Xəzər dənizinin hüquqi "
            "statusu haqqında Konvensiyanı ratifikasiya edib.")
    art = make_article(text, "az", [("Azərbaycan", "LOC", "Azerbaijan"), ("Aktauda", "LOC", "Aktau"),
                                    ("Xəzər dənizinin", "LOC", "Caspian Sea")],
                       dates=[("2018-ci ildə", "2018", "year")])
    [convention] = find_agreements(art, None)
    assert names(convention) == {"Azerbaijan"}


def test_a_signed_razilasma_is_an_agreement_not_agreements_in_general():
    text = ("Qaz\nNazir bildirib ki, Yeni Kaledoniya və Fransa arasında iyulun 12-də imzalanmış yeni razılaşma vacibdir. "
            "Komissiya qəbul edilmiş qərar və razılaşmaların icrasını müzakirə edib. Tərəflər razılaşmaq istəyir.")
    art = make_article(text, "az", [("Yeni Kaledoniya", "LOC", "New Caledonia"), ("Fransa", "LOC", "France")],
                       dates=[("iyulun 12-də", "2025-07-12", "day")])
    [agreement] = find_agreements(art, None)
    assert agreement.type == "agreement" and agreement.status == "signed"
    assert [p.text for p in agreement.parties] == ["Yeni Kaledoniya", "Fransa"]
    assert agreement.date_signed["value"] == "2025-07-12"


def test_a_relation_the_document_serves_after_it_names_no_party():
    # "between Europe and Central Asia" is the trade the peace agreement will serve, not who signs it
    text = ("Məktub\nPrezident bildirib: “Sülh sazişi Azərbaycanın suverenliyini təmin edəcək, Avropa və Mərkəzi "
            "Asiya arasında daha çox ticarətə xidmət göstərəcək”. Ermənistan ilə Gürcüstan arasında isə tranzit "
            "sazişi imzalanacaq.")
    art = make_article(text, "az", [("Azərbaycanın", "LOC", "Azerbaijan"), ("Avropa", "LOC", "Europe"),
                                    ("Mərkəzi Asiya", "LOC", "Central Asia"), ("Ermənistan", "LOC", "Armenia"),
                                    ("Gürcüstan", "LOC", "Georgia")])
    peace, transit = find_agreements(art, None)
    assert names(peace) == {"Azerbaijan"} and names(transit) == {"Armenia", "Georgia"}


def test_parties_guessed_from_the_article_do_not_split_one_document():
    # "the two countries" borrows the article's actors, the quote names a state of its own: one agreement
    text = ("Məktub\nErmənistan və Azərbaycan sülh danışıqları aparır. İki ölkə arasında sülh sazişi "
            "imzalanacaq. Prezident qeyd edib: “Sülh sazişi Türkiyə ilə ticarəti artıracaq”.")
    art = make_article(text, "az", [("Ermənistan", "LOC", "Armenia"), ("Azərbaycan", "LOC", "Azerbaijan"),
                                    ("Türkiyə", "LOC", "Türkiye")])
    [peace] = find_agreements(art, _countries("Armenia", "Azerbaijan", "Türkiye"))
    assert names(peace) == {"Armenia", "Azerbaijan"}



def test_an_azerbaijani_deadline_whose_ending_the_date_keeps_dates_no_signing():
    # the date span keeps its case ending ("martın 1-dək", "2030-cu ilədək"): until then, not the signing day
    text = ("Sərəncam\nPrezident İlham Əliyev tədbirlər planının 2026-cı il martın 1-dək hazırlanması haqqında "
            "Sərəncam imzalayıb.")
    art = make_article(text, "az", [("İlham Əliyev", "PERSON", "Ilham Aliyev")],
                       dates=[("2026-cı il martın 1-dək", "2026-03-01", "day")], published="2025-10-01")
    [decree] = find_agreements(art, None)
    assert decree.type == "decree" and decree.date_signed is None


def test_the_genitive_subject_of_a_signing_participle_issued_the_decree():
    # "X-in <date> imzaladığı Fərmana": the subject of an az relative clause takes the genitive; the decree
    # is Xavər Rzayev's, not the President the article names elsewhere
    text = ("Bayram\nPrezident İlham Əliyev təbrik edib. Qeyd edək ki, keçmiş sədr Xavər Rzayevin 1997-ci il "
            "fevralın 2-də imzaladığı Fərmana əsasən bu gün bayram elan olunub.")
    art = make_article(text, "az", [("İlham Əliyev", "PERSON", "Ilham Aliyev"),
                                    ("Xavər Rzayevin", "PERSON", "Xaver Rzayev")],
                       dates=[("1997-ci il fevralın 2-də", "1997-02-02", "day")])
    [decree] = find_agreements(art, None)
    assert (decree.type, names(decree), decree.date_signed["value"]) == ("decree", {"Xaver Rzayev"}, "1997-02-02")


def test_a_name_before_the_participle_that_is_not_in_the_genitive_issues_nothing():
    # "Bakıda" (locative) and a nominative subject are no owners: the President named as such issues it
    text = ("Bayram\nPrezident İlham Əliyev Bakıda imzaladığı Sərəncamla bayramı təsis edib.")
    art = make_article(text, "az", [("İlham Əliyev", "PERSON", "Ilham Aliyev"), ("Bakıda", "LOC", "Baku")])
    [decree] = find_agreements(art, None)
    assert names(decree) == {"Ilham Aliyev"}


def test_a_vice_president_issues_no_order():
    # "Vice President Harris" is titled near "President" but is not the President: the order is the
    # President's the article names as such
    text = ("Fact Sheet\nPresident Biden met workers in Ohio. Vice President Harris said in Florida that the "
            "President signed an Executive Order today.")
    art = make_article(text, "en", [("Biden", "PERSON", "Joe Biden"), ("Harris", "PERSON", "Kamala Harris")])
    [order] = find_agreements(art, None)
    assert order.type == "decree" and names(order) == {"Joe Biden"}


def test_a_presidential_document_after_the_title_is_no_issuers_name():
    # "Presidential Message" is no "President Message": with no President named, no issuer is made up
    text = ("Presidential Message on Cancer Month\nLast September, I signed an Executive Order to advance cures.")
    art = make_article(text, "en", [])
    assert find_agreements(art, None) == []


def test_an_unnamed_presidents_order_is_the_one_the_headline_names_not_the_foreign_president_named_last():
    # "the President" of a joint fact sheet on President Trump's meeting is Trump, not President Lee whom
    # the body named last; a headline's junk PERSON (unknown to the knowledge base) is no issuer
    from newsmon.nlp.kb import KnowledgeBase
    from newsmon.nlp.kb_file import KBEntity
    text = ("Joint Fact Sheet on President Donald J. Trump’s Meeting with President Lee Jae-myung\n"
            "The leaders met in Gyeongju. President Lee Jae-myung welcomed the investments. "
            "The United States will remove tariffs imposed pursuant to Executive Order 14257 by the President.")
    art = make_article(text, "en", [("Donald J. Trump", "PERSON", "Donald Trump"),
                                    ("Lee Jae-myung", "PERSON", "Lee Jae-myung"),
                                    ("Lee Jae-myung", "PERSON", "Lee Jae-myung")])
    kb = KnowledgeBase([KBEntity(id=n.lower().replace(" ", "-"), name=n, label="PERSON", names={"en": (n,)})
                        for n in ("Donald Trump", "Lee Jae-myung")])
    [order] = find_agreements(art, kb)
    assert order.type == "decree" and names(order) == {"Donald Trump"}


def test_a_name_after_words_following_the_title_is_not_the_president():
    # "the President urged Congress to pass the George Floyd Justice in Policing Act": NER's PERSON in the
    # law's title is no President; the one titled right before his name is
    text = ("Fact Sheet\nPresident Biden met police chiefs. The President urged Congress to pass the George Floyd "
            "Justice in Policing Act. In May 2022, the President issued an Executive Order on policing.")
    art = make_article(text, "en", [("Biden", "PERSON", "Joe Biden"),
                                    ("George Floyd Justice", "PERSON", "George Floyd Justice")])
    [order] = find_agreements(art, None)
    assert order.type == "decree" and names(order) == {"Joe Biden"}


def test_an_unnamed_us_presidents_order_is_the_one_in_office_on_its_date():
    # a Presidential Message names no President: "I" on a page about America is the President in office when
    # the order was signed, else when the page was published; a page on no US matter makes none up (above)
    text = ("Presidential Message on Rivers Month\nAmerica's rivers feed our farms. In March, I signed an "
            "Executive Order to clean up rivers. Later, I signed another Executive Order on dams.")
    art = make_article(text, "en", [], dates=[("March", "2025-03", "month")], published="2025-07-01")
    first, second = find_agreements(art, None)
    assert (first.type, names(first), first.date_signed["value"]) == ("decree", {"Donald Trump"}, "2025-03")
    assert (second.type, names(second), second.date_signed) == ("decree", {"Donald Trump"}, None)
    text = ("Readout of a Meeting\nWhite House officials met teachers. The President did not wait, which is why "
            "he signed an executive order on schools.")
    [order] = find_agreements(make_article(text, "en", [], published="2023-07-19"), None)
    assert names(order) == {"Joe Biden"}


def test_an_unnamed_us_president_issues_only_the_order_he_is_said_to_sign():
    # "I" continuing an emergency declared in an old order signs none of it (the order is only cited)
    text = ("Notice on the Continuation of an Emergency\nOn May 2, 1979, by Executive Order 12001, the President "
            "declared an emergency. I am continuing for one year the emergency declared in Executive Order 12001.")
    art = make_article(text, "en", [], dates=[("May 2, 1979", "1979-05-02", "day")], published="2022-05-01")
    assert all(not r.parties or names(r) != {"Joe Biden"} for r in find_agreements(art, None))
