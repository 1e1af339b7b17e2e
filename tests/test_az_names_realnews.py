"""Azerbaijani span rules found on random real-news articles (branch az6): quoted outlets and groups whole,
places that open an event's name, full names repeated with a case ending, brackets run into a name, and
quoted clubs named after places. Each test fails without its rule."""
from __future__ import annotations

import pytest

from newsmon.model import Mention
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.linking import link_mentions


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase(())  # rules only: no entity is known


def at(text: str, surface: str, label: str, after: int = 0) -> Mention:
    start = text.index(surface, after)
    return Mention(surface, label, start, start + len(surface), "az")


def found(out: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in out if m.label != "DATE"]


def test_a_quoted_outlet_company_or_group_before_its_noun_is_one_organisation(kb):
    """NER finds a word of the quoted name, or none; the noun after the quotes says what the whole is, and
    an English article opening it stays (“The Guardian”)."""
    text = ("Bu barədə “The Guardian” qəzeti, “Evropeiskaya pravda” nəşri və “Kivu news 24” xəbər portalı yazıb. "
            "“Yolumuz Qarabağa” portalından icazə alınır. “Ənsar Allah” üsyançı hərəkatı, “365 Art” şirkəti. "
            "“Böyük Qayıdış” proqramı, “yeni dövr” şirkəti.")
    out = link_mentions([at(text, "Guardian", "ORG"), at(text, "Qarabağa", "LOC")], text, "az", kb)
    assert found(out) == [("The Guardian", "ORG"), ("Evropeiskaya pravda", "ORG"), ("Kivu news 24", "ORG"),
                          ("Yolumuz Qarabağa", "ORG"), ("Ənsar Allah", "ORG"), ("365 Art", "ORG")]


def test_a_name_crossing_the_quotes_or_a_quoted_title_around_the_name_is_left_alone(kb):
    """A name that starts before the quotes stays as NER found it; in a document's quoted title, the quoted
    company is the name, not the title up to its closing quote."""
    text = ("Prezident “Azərbaycan Hava Yolları” QSC-nin rəhbəri ilə görüşüb. “Azərbaycan Respublikasının Energetika "
            "Nazirliyi ilə “Masdar” şirkəti arasında Anlaşma Memorandumu” imzalanıb.")
    out = link_mentions([at(text, "Prezident “Azərbaycan", "ORG"),
                         at(text, "Azərbaycan Respublikasının Energetika Nazirliyi", "ORG")], text, "az", kb)
    assert ("Azərbaycan Hava Yolları", "ORG") not in found(out)
    assert found(out)[-2:] == [("Azərbaycan Respublikasının Energetika Nazirliyi", "ORG"), ("Masdar", "ORG")]


def test_a_place_that_opens_an_events_name_is_no_mention(kb):
    """Nothing inside an event's name is annotated ("Münhen Təhlükəsizlik Konfransı", "İngiltərə Kuboku"); a place
    in a case of its own ("Davosda"), a person before the event, and a place with another name between
    ("Azərbaycan Avropa Oyunlarına": the country hosts) stay."""
    text = ("Rubio Münhen Təhlükəsizlik Konfransında çıxış edib. “Mançester Yunayted” İngiltərə Kubokunu qazanıb. "
            "Davosda Dünya İqtisadi Forumunda danışıb. Azərbaycan Avropa Oyunlarına ev sahibliyi edib.")
    out = link_mentions([at(text, "Rubio", "PERSON"), at(text, "Münhen", "LOC"), at(text, "İngiltərə", "LOC"),
                         at(text, "Davosda", "LOC"), at(text, "Azərbaycan", "LOC"), at(text, "Avropa", "LOC")],
                        text, "az", kb)
    assert found(out) == [("Rubio", "PERSON"), ("Davosda", "LOC"), ("Azərbaycan", "LOC")]


def test_a_place_that_opens_a_contests_or_a_days_name_is_no_mention(kb):
    """A contest ("Gəncə Beynəlxalq Rəsm Müsabiqəsinə") and an observance ("Şuşa Şəhəri Günü") are events named
    after a place; the owner in the genitive stays ("Azərbaycanın Konstitusiya Günü"), and so do a place before
    "Günəş", which opens a station's name, not a day's ("Füzuli Günəş Elektrik Stansiyası"), and a place whose
    official is named before the day ("Türkiyə Prezidenti Zəfər Günü münasibətilə")."""
    text = ("Rəssamlar Gəncə Beynəlxalq Rəsm Müsabiqəsinə qatılıb. Şuşa Şəhəri Günü qeyd olunub. "
            "Azərbaycanın Konstitusiya Günü təbrik edilib. Füzuli Günəş Elektrik Stansiyası tikilir. "
            "Türkiyə Prezidenti Zəfər Günü münasibətilə təbrik göndərib.")
    out = link_mentions([at(text, "Gəncə", "LOC"), at(text, "Şuşa", "LOC"), at(text, "Azərbaycanın", "LOC"),
                         at(text, "Füzuli", "LOC"), at(text, "Türkiyə", "LOC")], text, "az", kb)
    assert found(out) == [("Azərbaycanın", "LOC"), ("Füzuli", "LOC"), ("Türkiyə", "LOC")]


def test_an_organisation_that_opens_an_events_name_is_no_mention(kb):
    """As a place: "XVI BRICS Sammitinin", "III MDB Oyunlarına", "UEFA Superkubokunu" are events named after a body;
    the body in the genitive is their organiser ("ŞƏT-in Zirvə toplantısı"), a league is no event ("UEFA Konfrans
    Liqasında"), and the body on its own stays, also before a surname that opens with a head ("Bayramovun")."""
    text = ("Kazanda XVI BRICS Sammitinin iclası olub. Bakı III MDB Oyunlarına ev sahibliyi edəcək. Klub UEFA "
            "Superkubokunu qazanıb. Astanada ŞƏT-in Zirvə toplantısı keçirilib. “Qarabağ” UEFA Konfrans Liqasında "
            "oynayır. BRICS 2006-cı ildə yaradılıb. Sonra AZƏRTAC Bayramovun fikrini yayıb.")
    out = link_mentions([at(text, "Kazanda", "LOC"), at(text, "BRICS", "ORG"), at(text, "Bakı", "LOC"),
                         at(text, "MDB", "ORG"), at(text, "UEFA", "ORG"), at(text, "Astanada", "LOC"),
                         at(text, "ŞƏT-in", "ORG"), at(text, "Qarabağ", "ORG"),
                         at(text, "UEFA Konfrans Liqasında", "ORG"), at(text, "BRICS", "ORG", 200),
                         at(text, "AZƏRTAC", "ORG")], text, "az", kb)
    assert found(out) == [("Kazanda", "LOC"), ("Bakı", "LOC"), ("Astanada", "LOC"), ("ŞƏT-in", "ORG"),
                          ("Qarabağ", "ORG"), ("UEFA Konfrans Liqasında", "ORG"), ("BRICS", "ORG"), ("AZƏRTAC", "ORG")]


def test_a_full_name_repeated_with_a_case_ending_is_that_person(kb):
    """NER found "Lorenso Kuinn" once and missed "Lorenso Kuinnin" later; a name that is not the rest of
    the person's name before the surname is still left out ("Pietro Parolinə"), and so is the name of a body
    or an order named after the person ("... adına Sənət Mərkəzi", “... ordeni”)."""
    text = ("Heykəltaraş Lorenso Kuinn əsərini təqdim edib. Sonra Lorenso Kuinnin sərgisi açılıb. Mario Kuinnə. "
            "Lorenso Kuinn adına Sənət Mərkəzi, “Lorenso Kuinn” ordeni. Sonra Lorenso Kuinn Bakıya gəlib.")
    out = link_mentions([at(text, "Lorenso Kuinn", "PERSON")], text, "az", kb)
    assert found(out) == [("Lorenso Kuinn", "PERSON"), ("Lorenso Kuinnin", "PERSON"), ("Lorenso Kuinn", "PERSON")]


def test_a_bracket_is_no_part_of_a_name_and_a_number_in_it_makes_a_player(kb):
    """Results write a minute, a weight or a score in brackets after a sportsperson."""
    text = "Qollar: Felipe Santos (35), Yeqor Akuliniçi (6:3), Ohad Yaalomi (həm də Fransa vətəndaşı)."
    out = link_mentions([at(text, "Felipe Santos (35)", "ORG"), at(text, "Akuliniçi (6:3)", "LOC"),
                         at(text, "Ohad Yaalomi (", "PERSON")], text, "az", kb)
    assert found(out) == [("Felipe Santos", "PERSON"), ("Akuliniçi", "PERSON"), ("Ohad Yaalomi", "PERSON")]


def test_a_quoted_place_the_article_quotes_as_a_club_elsewhere_is_the_club():
    """“Qarabağ”ı qəbul edib makes the quoted place a club (a suffix on the quote); the same quoted name later,
    with no such sign, is the club too. Qarabağ out of quotes stays the region."""
    kb = KnowledgeBase.load()
    text = ("“Araz” “Qarabağ”ı qəbul edib. Bu nəticədən sonra “Qarabağ” turnir cədvəlinin ilk pilləsindədir. "
            "Qarabağ bölgəsində yağış yağıb.")
    second = text.index("“Qarabağ” turnir") + 1
    out = link_mentions([at(text, "Qarabağ", "LOC"), at(text, "Qarabağ", "LOC", second),
                         at(text, "Qarabağ bölgəsində", "LOC")], text, "az", kb)
    assert [(m.text, m.label) for m in out if m.text.startswith("Qarabağ")] == [
        ("Qarabağ", "ORG"), ("Qarabağ", "ORG"), ("Qarabağ", "LOC")]


def test_god_willing_is_no_person(kb):
    """ "İnşallah" opens or closes sentences of speeches; the model tags it PERSON."""
    text = "Sakinlər: İnşallah. İnşallah, ikitərəfli əməkdaşlıq genişlənəcək."
    out = link_mentions([at(text, "İnşallah", "PERSON"), at(text, "İnşallah", "PERSON", 15)], text, "az", kb)
    assert found(out) == []


def test_a_model_organisation_going_on_past_a_known_one_is_the_whole_name_or_the_known_ones_body():
    """The known "UEFA" and "SOCAR" won over the model's longer span and lost its words: after a nominative
    they are the rest of one name ("UEFA Çempionlar Liqasının"); after a genitive they name a body of the
    known organisation, its own ORG as real-dev annotates it ("Prezident Administrasiyasının" | "Xarici
    siyasət məsələləri şöbəsinin"). An office after the known name, or a span the model stopped inside a
    longer name (an event's: "BMT Dövlət Xidmətləri" Forumu), changes nothing."""
    from newsmon.pipeline import merge_mentions
    text = ("Qarabağ UEFA Çempionlar Liqasının əsas mərhələsində. Prezident Administrasiyasının Xarici siyasət "
            "məsələləri şöbəsinin müdiri çıxış edib. UEFA Baş katibi gəlib. BMT Dövlət Xidmətləri Forumu keçirilib.")
    model = [at(text, "UEFA Çempionlar Liqasının", "ORG"),
             at(text, "Prezident Administrasiyasının Xarici siyasət məsələləri şöbəsinin", "ORG"),
             at(text, "UEFA Baş katibi", "ORG"), at(text, "BMT Dövlət Xidmətləri", "ORG")]
    known = [at(text, "UEFA", "ORG"), at(text, "Prezident Administrasiyasının", "ORG"),
             at(text, "UEFA", "ORG", text.index("UEFA Baş")), at(text, "BMT", "ORG")]
    assert [(m.text, m.label) for m in merge_mentions(model, known, text)] == [
        ("UEFA Çempionlar Liqasının", "ORG"), ("Prezident Administrasiyasının", "ORG"),
        ("Xarici siyasət məsələləri şöbəsinin", "ORG"), ("UEFA", "ORG"), ("BMT", "ORG")]


def test_a_common_noun_with_our_is_no_name_but_a_body_or_a_place_stays(kb):
    """Speeches capitalise "our Victory", "our President"; the model tags them. A body's head ("Silahlı
    Qüvvələrimizin") and a place's name ("Qarabağımızda") with "our" are still names."""
    text = ("Bu, şanlı Zəfərimizdən sonra oldu və zəfər bizimdir. Prezidentimizə minnətdarıq, prezident də "
            "gəldi. Silahlı Qüvvələrimizin gücü artıb, silahlı dəstələr yoxdur. Doğma Qarabağımızda bayramdır.")
    out = link_mentions([at(text, "Zəfərimizdən", "ORG"), at(text, "Prezidentimizə", "LOC"),
                         at(text, "Silahlı Qüvvələrimizin", "ORG"), at(text, "Qarabağımızda", "LOC")], text, "az", kb)
    assert found(out) == [("Silahlı Qüvvələrimizin", "ORG"), ("Qarabağımızda", "LOC")]


def test_a_quoted_model_or_make_is_no_organisation_but_its_maker_or_owner_is(kb):
    """“Bayraktar-TB2” pilotsuz uçuş aparatı, “Kia Cadenza” markalı maşın: a product's name; the company that
    makes or owns one (“Improtex” şirkətlərinin istehsal etdiyi, “Hizbullah”ın raket sistemləri) stays."""
    text = ("Paradda “Bayraktar-TB2” silahlı kəşfiyyat pilotsuz uçuş aparatı və “Kia Cadenza” markalı maşın göründü. "
            "“Improtex” şirkətlərinin istehsal etdiyi pilotsuz uçuş aparatı, “Hizbullah”ın raket sistemləri vurulub.")
    out = link_mentions([at(text, "Bayraktar-TB2", "ORG"), at(text, "Kia Cadenza", "ORG"),
                         at(text, "Improtex", "ORG"), at(text, "Hizbullah", "ORG")], text, "az", kb)
    assert found(out) == [("Improtex", "ORG"), ("Hizbullah", "ORG")]


def test_quoted_names_listed_before_a_plural_noun_or_before_a_body_of_their_own_are_organisations(kb):
    """Each quoted name of a list before a plural kind's noun is an ORG, not only the last one; so is a quoted
    team before "komandası" and a quoted name before a capitalised body of its own (“Yaşıllar” Partiyasının).
    A quoted name before a centre stays as NER found it (a venue where it is visited), and a lower-case quoted
    phrase is no name."""
    text = ('Saytlar: “Report.az”, “Oxu.az” və “Baku.ws” saytlarının işi bərpa olunub. İspaniyanın “Selta” və '
            '“Barselona” klublarını çalışdırıb. "Birbaşa Bakı" komandasının məşqçisi danışıb. "Yaşıllar" '
            'Partiyasının nümayəndələri, “Kazan Expo” Beynəlxalq Sərgi Mərkəzinə gəliblər. “köhlən atlar” Liqa '
            'mərhələsində qalib gəlib.')
    out = link_mentions([at(text, "İspaniyanın", "LOC"), at(text, "Selta", "LOC"), at(text, "Bakı", "LOC"),
                         at(text, "Kazan", "LOC")], text, "az", kb)
    assert found(out) == [("Report.az", "ORG"), ("Oxu.az", "ORG"), ("Baku.ws", "ORG"), ("İspaniyanın", "LOC"),
                          ("Selta", "ORG"), ("Barselona", "ORG"), ("Birbaşa Bakı", "ORG"), ("Yaşıllar", "ORG"),
                          ("Kazan", "LOC")]


def test_a_name_quoted_as_an_organisation_is_it_again_in_quotes_and_a_team_before_kollektiv(kb):
    """ "Birbaşa Bakı" komandasının names the team; the same quoted name later ("Birbaşa Bakı" "Zirə"yə) is the team
    though NER found the city inside it; a team's quoted name before "kollektivi" is the team too."""
    text = ('Finalda "Birbaşa Bakı" komandasının məşqçisi danışıb. Qeyd edək ki, "Birbaşa Bakı" "Zirə"yə qalib gəlib. '
            '"Neft Daşları" kollektivinin üzvləri mükafatlandırılıb.')
    out = link_mentions([at(text, "Bakı", "LOC"), at(text, "Bakı", "LOC", text.index("Qeyd")),
                         at(text, "Zirə", "ORG")], text, "az", kb)
    assert found(out) == [("Birbaşa Bakı", "ORG"), ("Birbaşa Bakı", "ORG"), ("Zirə", "ORG"), ("Neft Daşları", "ORG")]
