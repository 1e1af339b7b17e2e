"""Agreement rules found missing on the fourth tuning half of the real-news gold (tune4). az: outlets that
cite another outlet, a peace treaty's states named elsewhere in the story, planned records undated, "bu saziş"
joining the record just told of. en: a past signing dated after the page reporting it, an agency's own order,
a date before the document word, "will also sign", a weekday opening a reported signing, plural orders named
by purpose ("orders to A, and to B" are two; "two orders directing ..." one bundle). The texts are our
own, in the shape of the real ones."""
from __future__ import annotations

from dataclasses import replace

from newsmon.nlp.agreements.find import find_agreements
from newsmon.nlp.agreements.lexicon import lexicon
from newsmon.nlp.agreements.nonparties import is_source
from newsmon.nlp.agreements.parties import Sentence
from newsmon.nlp.agreements.records import Candidate, merge
from newsmon.model import Party
from tests.test_agreements import make_article, names

DOE = ("Jane Doe", "PERSON", "Jane Doe")


def _rows(records):
    return [(r.type, r.status, sorted(names(r)), (r.date_signed or {}).get("value")) for r in records]


def test_an_outlet_citing_another_and_the_outlet_it_cites_are_sources():
    text = ("Ruritaniya saziş imzalayacaq\n\"Xəbər\"in \"Mehr\" agentliyinə istinadən verdiyi məlumata görə, bunu "
            "nazir deyib. “Xəbər”“Reuters”ə istinadən xəbər verir ki, nazir danışıb. Bunu Nəqliyyat Nazirliyinin "
            "mətbuat xidmətinə istinadən bildirib.")
    art = make_article(text, "az", [("Xəbər", "ORG", "Xəbər"), ("Mehr", "ORG", "Mehr"), ("Reuters", "ORG", "Reuters"),
                                    ("Nəqliyyat Nazirliyi", "ORG", "Ministry of Transport")])
    lex = lexicon("az")
    sources = [m.text for m in art.mentions if is_source(m, text, lex)]
    # (a ministry whose press service is cited is quoted, not an outlet: it may sign elsewhere)
    assert sources == ["Xəbər", "Mehr", "Reuters"]


def test_the_outlet_citing_another_is_never_guessed_a_party():
    text = ("Ruritaniya ilə saziş imzalanacaq\n\"Xəbər\"in \"Mehr\" agentliyinə istinadən verdiyi məlumata görə, "
            "Ruritaniya ilə Zembla saziş imzalamaq üzərində işləyir. \"Xəbər\"in məlumatına görə, Ruritaniya "
            "daha əvvəl sənədi imzalamaqdan imtina edib.")
    art = make_article(text, "az", [("Ruritaniya", "LOC", "Ruritania"), ("Xəbər", "ORG", "Xəbər"),
                                    ("Mehr", "ORG", "Mehr"), ("Ruritaniya", "LOC", "Ruritania"),
                                    ("Zembla", "LOC", "Zembla"), ("Xəbər", "ORG", "Xəbər"),
                                    ("Ruritaniya", "LOC", "Ruritania")])
    assert all("Xəbər" not in names(r) and "Mehr" not in names(r) for r in find_agreements(art, None))


HUNGARY = ("Macarıstan", "LOC", "Hungary")


def test_a_peace_treaty_named_without_states_is_the_one_the_article_names_them_for():
    text = ("Macarıstan və Azərbaycan liderləri bəyanatla çıxış ediblər\nMacarıstan Baş naziri Azərbaycan Prezidentini "
            "salamlayıb. Mən təbrik edirəm ki, Ermənistanla Azərbaycan arasında sülh müqaviləsinin mətni üzərində razılıq "
            "əldə olunub. Ümid edirəm ki, sülh müqaviləsinin imzalanması tezliklə baş tutacaq. Macarıstan bunu alqışlayır.")
    art = make_article(text, "az", [HUNGARY, ("Azərbaycan", "LOC", "Azerbaijan"), HUNGARY,
                                    ("Azərbaycan", "LOC", "Azerbaijan"), ("Ermənistanla", "LOC", "Armenia"),
                                    ("Azərbaycan", "LOC", "Azerbaijan"), HUNGARY])
    assert _rows(find_agreements(art, None)) == [("agreement", "planned", ["Armenia", "Azerbaijan"], None)]


def test_a_treaty_still_planned_takes_no_signing_date_from_a_mention_merged_into_it():
    text = ("Liderlər bəyanatla çıxış ediblər\nErmənistanla Azərbaycan arasında sülh müqaviləsinin imzalanması "
            "tezliklə baş tutacaq. Sülh müqaviləsinin mətni bu gün Ermənistan tərəfindən qəbul edilib.")
    art = make_article(text, "az", [("Ermənistanla", "LOC", "Armenia"), ("Azərbaycan", "LOC", "Azerbaijan"),
                                    ("Ermənistan", "LOC", "Armenia")], published="2025-05-20")
    assert _rows(find_agreements(art, None)) == [("agreement", "planned", ["Armenia", "Azerbaijan"], None)]


def test_this_agreement_told_of_again_with_other_names_is_the_one_just_told_of():
    # (the record as the pipeline builds it for "Böyük Britaniya Ukrayna ilə Kiyevin ... alacağı yeni iqtisadi saziş
    # imzalayıb. ... bu saziş həmçinin Böyük Britaniyanın müdafiə sektorunda iş yerlərinin yaradılmasına da yol
    # açacaq": the second mention names the United Kingdom, the record only Ukraine)
    first = Sentence(0, 60, "Böyük Britaniya Ukrayna ilə yeni iqtisadi saziş imzalayıb.", "az")
    text2 = "Bu saziş həmçinin Böyük Britaniyanın müdafiə sektorunda iş yerləri açacaq."
    second = Sentence(61, 61 + len(text2), text2, "az")
    record = Candidate("agreement", "saziş", 42, 47, first, "signed", [Party("Ukrayna", "Ukraine")], 1, None,
                       None, False, False)
    mention = Candidate("agreement", "saziş", 64, 69, second, "planned", [Party("Böyük Britaniyanın", "United Kingdom")],
                        1, None, None, False, True)
    assert merge([record, mention]) == [record] and record.merged == [mention]
    dated = Candidate("agreement", "saziş", 64, 69, second, "signed", [Party("Böyük Britaniyanın", "United Kingdom")],
                      1, {"value": "2020-05-01", "precision": "day"}, None, False, True)
    assert len(merge([record, dated])) == 2  # a day of its own: another agreement


def _inferred(article):
    """The article's dates as the date finder gives a month or day without a year: `inferred`."""
    article.dates = [replace(d, inferred=True) for d in article.dates]
    return article


def test_a_month_without_a_year_that_falls_after_the_page_dates_a_past_signing_last_year():
    text = ("Fact Sheet: Equity\n- In January, President Jane Doe signed an Executive Order on an Equitable "
            "Pandemic Response, creating a task force.")
    art = _inferred(make_article(text, "en", [DOE], dates=[("January", "2022-01", "month")], published="2021-12-17"))
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], "2021-01")]


def test_a_month_the_text_gives_with_its_year_or_a_planned_signing_keeps_its_date():
    text = ("Fact Sheet: Trade\nIn January 2022, President Jane Doe signed an Executive Order on trade. "
            "The ministers will sign a memorandum in February.")
    art = make_article(text, "en", [DOE], dates=[("January 2022", "2022-01", "month")], published="2021-12-17")
    assert _rows(find_agreements(art, None))[0] == ("decree", "signed", ["Jane Doe"], "2022-01")


def test_the_body_day_after_the_page_is_no_event_of_a_signing():
    text = ("Fact Sheet: President Jane Doe Delivers for Families\n- Extended benefits to students starting on "
            "November 1, 2024.\n- Signed an Executive Order establishing an advisory board on colleges.")
    art = make_article(text, "en", [DOE], dates=[("November 1, 2024", "2024-11-01", "day")], published="2024-09-19")
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], None)]


def test_an_order_an_agency_issues_is_the_agencys():
    text = ("Fact Sheet: President Jane Doe Advances Equity\nIn June, the Department of Transit (DOT) issued an "
            "Order requiring its offices to review grantees’ proposed activities.")
    art = make_article(text, "en", [DOE, ("Department of Transit", "ORG", "Department of Transit")],
                       dates=[("June", "2021-06", "month")], published="2021-12-17")
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Department of Transit"], "2021-06")]


def test_the_president_who_signs_an_order_about_an_agency_stays_its_issuer():
    text = ("Fact Sheet: Equity\nPresident Jane Doe signed an Executive Order directing the Office of Personnel "
            "Management to review barriers.")
    art = make_article(text, "en", [DOE, ("Office of Personnel Management", "ORG", "Office of Personnel Management")])
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], None)]


def test_a_date_right_before_the_document_word_is_its_own_even_after_by():
    text = ("Fact Sheet: President Jane Doe Acts on Health\nA new office will coordinate the response, as "
            "directed by the April 2022 Presidential memorandum on Long COVID.")
    art = make_article(text, "en", [DOE], dates=[("April 2022", "2022-04", "month")], published="2023-07-25")
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], "2022-04")]


def test_a_deadline_before_the_document_word_still_dates_nothing():
    text = ("Fact Sheet: President Jane Doe Acts on Trade\nPresident Jane Doe signed an Executive Order that "
            "agencies must carry out by April 2026 with new rules.")
    art = make_article(text, "en", [DOE, DOE], dates=[("April 2026", "2026-04", "month")], published="2025-07-25")
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], None)]


def test_an_adverb_between_will_and_sign_still_plans_the_signing():
    text = ("Fact Sheet: Health\nThe Ruritanian Health Institute will also sign an agreement with the Borduria "
            "Research Council to further research on diabetes.")
    art = make_article(text, "en", [("Ruritanian Health Institute", "ORG", "Ruritanian Health Institute"),
                                    ("Borduria Research Council", "ORG", "Borduria Research Council")])
    assert [(r.type, r.status) for r in find_agreements(art, None)] == [("agreement", "planned")]


def test_a_planned_agreement_with_other_parties_is_not_the_one_told_before():
    text = ("Fact Sheet: Visit\n- Aviation: Air Ruritania’s historic agreement with Boeing to buy 200 aircraft, "
            "announced in February 2023, will support jobs. - Health: The Ruritanian Health Institute will also "
            "sign an agreement with the Borduria Research Council on diabetes.")
    art = make_article(text, "en", [("Air Ruritania", "ORG", "Air Ruritania"), ("Boeing", "ORG", "Boeing"),
                                    ("Ruritanian Health Institute", "ORG", "Ruritanian Health Institute"),
                                    ("Borduria Research Council", "ORG", "Borduria Research Council")],
                       dates=[("February 2023", "2023-02", "month")], published="2023-06-22")
    rows = _rows(find_agreements(art, None))
    assert ("agreement", "planned", ["Borduria Research Council", "Ruritanian Health Institute"], None) in rows
    assert len(rows) == 2


def test_a_weekday_names_the_day_of_the_signing_the_page_reports():
    text = ("Fact Sheet: President Jane Doe Acts on Rebuilding\nREBUILDING: On Friday, President Jane Doe signed an "
            "Executive Order to speed up reconstruction.")
    art = make_article(text, "en", [DOE, DOE], published="2026-01-27")  # a Tuesday
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], "2026-01-23")]
    same_day = make_article(text, "en", [DOE, DOE], published="2025-02-07")  # a Friday
    assert _rows(find_agreements(same_day, None)) == [("decree", "signed", ["Jane Doe"], "2025-02-07")]


def test_a_weekday_with_its_date_or_of_a_planned_signing_gives_no_day_of_its_own():
    text = ("Fact Sheet: President Jane Doe Plans\nOn Friday, President Jane Doe will sign an Executive Order on "
            "roads.")
    art = make_article(text, "en", [DOE, DOE], published="2026-01-27")
    assert _rows(find_agreements(art, None)) == [("decree", "planned", ["Jane Doe"], None)]


def test_plural_orders_each_named_by_its_purpose_are_one_record_each():
    text = ("Fact Sheet: President Jane Doe Acts on Equity\nPresident Jane Doe issued Executive Orders to implement a "
            "comprehensive approach to racial equity, and to establish the Council on Schools.")
    art = make_article(text, "en", [DOE])
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], None)] * 2


def test_plural_orders_with_one_purpose_or_none_named_are_one_bundle():
    for text in ("Fact Sheet: Equity\nPresident Jane Doe signed two Executive Orders directing agencies to review "
                 "barriers and expand access to schools.",
                 "Fact Sheet: Trade\nPresident Jane Doe signed Proclamations to close loopholes and exemptions and "
                 "elevate the tariff on steel to 50%."):
        assert _rows(find_agreements(make_article(text, "en", [DOE]), None)) == [("decree", "signed", ["Jane Doe"], None)]


def test_plural_orders_named_by_purpose_are_not_an_order_told_before():
    text = ("Fact Sheet: Families\nOn Day One, President Jane Doe signed an Executive Order on schools. Earlier this "
            "week, President Jane Doe signed Executive Orders to protect children from harm and to prohibit funding "
            "of fraud.")
    art = make_article(text, "en", [DOE, DOE])
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], None)] * 3


def test_a_plural_document_after_several_between_pairs_is_one_record_per_pair():
    text = ("Forumda sənədlər imzalanıb\nForum çərçivəsində Ruritaniya Nazirliyi ilə Zembla Bankı arasında "
            "turizmin inkişafı, Ruritaniya Nazirliyi ilə Freedonia Şirkəti arasında avtobus istehsalı, Sildaviya "
            "Agentliyi və Borduriya Fondu arasında sənaye parkının yaradılmasına dair anlaşma memorandumları imzalanıb.")
    art = make_article(text, "az", [("Ruritaniya Nazirliyi", "ORG", "Ruritanian Ministry"),
                                    ("Zembla Bankı", "ORG", "Zembla Bank"),
                                    ("Ruritaniya Nazirliyi", "ORG", "Ruritanian Ministry"),
                                    ("Freedonia Şirkəti", "ORG", "Freedonia Company"),
                                    ("Sildaviya Agentliyi", "ORG", "Syldavian Agency"),
                                    ("Borduriya Fondu", "ORG", "Bordurian Fund")])
    assert sorted(_rows(find_agreements(art, None))) == [
        ("memorandum", "signed", ["Bordurian Fund", "Syldavian Agency"], None),
        ("memorandum", "signed", ["Freedonia Company", "Ruritanian Ministry"], None),
        ("memorandum", "signed", ["Ruritanian Ministry", "Zembla Bank"], None)]


def test_a_relation_between_before_a_pair_that_signed_documents_is_no_pair_of_a_list():
    text = ("Əməkdaşlıq müzakirə edilib\nÖlkələrimiz arasında enerji sahəsində böyük imkanların olduğu bildirildi, "
            "Ruritaniya qurumları ilə Zembla şirkətləri arasında çoxsaylı sənədlərin imzalandığı vurğulandı.")
    art = make_article(text, "az", [("Ruritaniya", "LOC", "Ruritania"), ("Zembla", "LOC", "Zembla")])
    assert len(find_agreements(art, None)) <= 1


def test_a_companys_charter_capital_is_no_charter():
    # "nizamnamə kapitalı" is share capital; "nizamnaməsi" alone is still a charter
    text = ("Fond\nFond və “Holding” MMC arasında “AzerFloat” QSC-nin nizamnamə kapitalına investisiya qoyuluşuna "
            "dair Müqavilə imzalanıb.")
    art = make_article(text, "az", [("Fond", "ORG", "Fond"), ("Holding", "ORG", "Holding"),
                                    ("AzerFloat", "ORG", "AzerFloat")])
    assert [r.type for r in find_agreements(art, None)] == ["agreement"]
    assert any(t == "charter" and p.search("yeni nizamnaməni qəbul ediblər") for t, p in lexicon("az").types)


def test_a_declaration_or_charter_adopted_in_the_active_is_adopted():
    text = ("Görüş\nSonuncu dəfə biz iyul ayında Ruritaniya ilə Strateji Tərəfdaşlıq Haqqında Bəyannaməni qəbul "
            "etdiyimiz tədbirdə görüşdük.")
    art = make_article(text, "az", [("Ruritaniya", "LOC", "Ruritania")])
    [record] = find_agreements(art, None)
    assert (record.type, record.status) == ("other", "signed")
    # receiving a guest ("qəbul edib") adopts nothing, nor does a declaration still to adopt
    lex = lexicon("az")
    assert not lex.signing.search("Prezident nazirləri qəbul edib, bəyannamə barədə danışıb")
    assert not lex.signing.search("bəyannaməni qəbul etməyə hazırdır")
    assert lex.signing.search("nizamnamə qəbul etdilər")


ALIYEV = ("İlham Əliyev", "PERSON", "Ilham Aliyev")


def test_another_decree_is_a_record_of_its_own():
    text = ("Prezident sərəncamlar imzalayıb\nPrezident İlham Əliyev avqustun 16-da hərbi qulluqçuların təltif "
            "edilməsi haqqında sərəncamlar imzalayıb. Sərəncama əsasən 30 nəfər təltif olunub. Dövlətimizin başçısının "
            "{}Sərəncamı ilə bir nəfərə “general-mayor” rütbəsi verilib.")
    two = find_agreements(make_article(text.format("digər "), "az", [ALIYEV]), None)
    assert [(r.type, names(r)) for r in two] == [("decree", {"Ilham Aliyev"})] * 2
    # (without "digər" the order is the one told before)
    assert len(find_agreements(make_article(text.format(""), "az", [ALIYEV]), None)) == 1
    # ("digər ölkələr": another noun's adjective, not the document's)
    assert lexicon("az").indefinite.search("Fransa və digər ölkələr o ") is None


def test_a_treaty_whose_text_is_agreed_is_still_planned():
    text = "Sülh\nDanışıqlardan sonra Ermənistanla Azərbaycan arasında sülh sazişinin yekun mətni razılaşdırılıb."
    art = make_article(text, "az", [("Ermənistanla", "LOC", "Armenia"), ("Azərbaycan", "LOC", "Azerbaijan")])
    assert _rows(find_agreements(art, None)) == [("agreement", "planned", ["Armenia", "Azerbaijan"], None)]
