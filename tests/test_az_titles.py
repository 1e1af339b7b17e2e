"""Names inside an Azerbaijani document's title are no entities (real-dev's convention), while the agreement
stage still reads a title's parties."""
from __future__ import annotations

from newsmon.model import Document, Mention
from newsmon.nlp.az_titles import in_a_document_title, without_title_words


def at(text: str, surface: str, label: str = "LOC", after: int = 0) -> Mention:
    start = text.index(surface, after)
    return Mention(surface, label, start, start + len(surface), "az")


def kept(text: str, mentions: list[Mention]) -> list[str]:
    return [m.text for m in without_title_words(mentions, text)]


def test_nothing_inside_a_quoted_decree_title_but_what_stands_outside_it():
    text = ("Prezident İlham Əliyev “Bakı şəhərində Zəfər muzeyinin yaradılması haqqında” Sərəncam imzalayıb. "
            "Muzey Bakıda açılacaq.")
    assert kept(text, [at(text, "Bakı"), at(text, "Zəfər muzeyinin", "ORG"), at(text, "Bakıda")]) == ["Bakıda"]


def test_a_quoted_title_that_names_its_parties_and_quotes_a_project():
    # AZƏRTAC's titles quote the project inside the title, whose own closing quote is then lost
    text = ("Mərasimdə “Azərbaycan Respublikası və İslam İnkişaf Bankı arasında “Qız Qalası su anbarının tikintisi” "
            "layihəsi üzrə Agentlik müqaviləsi imzalanıb. İslam İnkişaf Bankı layihəni maliyyələşdirir.")
    found = [at(text, "Azərbaycan Respublikası"), at(text, "İslam İnkişaf Bankı", "ORG"), at(text, "Qız Qalası"),
             at(text, "İslam İnkişaf Bankı", "ORG", after=text.index("imzalanıb"))]
    assert kept(text, found) == ["İslam İnkişaf Bankı"]


def test_quoted_speech_and_a_quoted_name_before_a_noun_in_a_case_stay():
    # speech is sentences, its document word lower-case; “TikTok” qanunun: the company, then "of the law"
    text = ("O deyib: “Azərbaycan və Ermənistan arasında sülh sazişi imzalanmalıdır. Biz buna hazırıq”. "
            "Şirkət \"TikTok\" qanunun ifadə azadlığını təhdid etdiyini bildirib. "
            "“Tatarıstan Respublikası Rəisinin Fərmanı ilə Tatarıstan Respublikası ilə Azərbaycan Respublikası "
            "arasında əməkdaşlığa töhfəsinə görə “Dostluq” ordeni ilə təltif olunur”.")
    found = [at(text, "Azərbaycan"), at(text, "Ermənistan"), at(text, "TikTok", "ORG"),
             at(text, "Tatarıstan Respublikası", after=text.index("ilə"))]
    assert kept(text, found) == ["Azərbaycan", "Ermənistan", "TikTok", "Tatarıstan Respublikası"]


def test_a_place_that_opens_a_treaty_name_but_not_an_owner_in_the_genitive():
    text = ("Paris Sazişinin 6-cı maddəsi razılaşdırılıb. Şuşa Bəyannaməsi imzalanıb. Xankəndi Kommunikesi qəbul "
            "olunub. Azərbaycan Prezidentinin Fərmanı ilə təltif edilib. AZƏRTAC Bəyannaməni təqdim edir.")
    found = [at(text, "Paris"), at(text, "Şuşa"), at(text, "Xankəndi"), at(text, "Azərbaycan"),
             at(text, "AZƏRTAC", "ORG")]
    assert kept(text, found) == ["Azərbaycan", "AZƏRTAC"]


def test_an_unquoted_title_about_a_subject():
    text = ("Mülki və Siyasi Hüquqlar haqqında Beynəlxalq Pakt pozulub. Xəzər dənizinin hüquqi statusu haqqında "
            "Konvensiya imzalanıb. Universitetin Bakıda kampusunun yaradılması haqqında Sərəncam verilib. "
            "Gürcüstan Hökuməti arasında hava nəqliyyatı haqqında Saziş imzalanıb.")
    found = [at(text, "Mülki və Siyasi Hüquqlar", "ORG"), at(text, "Xəzər dənizinin"), at(text, "Bakıda"),
             at(text, "Gürcüstan Hökuməti", "ORG")]
    assert kept(text, found) == ["Bakıda", "Gürcüstan Hökuməti"]


def test_other_languages_and_people_are_left_alone():
    text = "“Azərbaycan Respublikası haqqında” Qanun qəbul edilib."
    person = Mention("Azərbaycan", "PERSON", 1, 11, "az")
    english = Mention("Azərbaycan", "LOC", 1, 11, "en")
    assert not in_a_document_title(person, text) and not in_a_document_title(english, text)


def test_the_pipeline_reads_a_titles_parties_before_its_words_leave_the_mentions():
    from newsmon.nlp.kb import KnowledgeBase
    from newsmon.pipeline import Pipeline

    class NoNer:  # the knowledge base finds the parties: no model needed
        models: dict = {}

        def annotate(self, text, segments):
            return []

    text = ("Azərbaycan və İran arasında saziş imzalanıb\n"
            "Bakıda “Azərbaycan Respublikası Hökuməti ilə İran İslam Respublikası Hökuməti arasında tranzit "
            "haqqında Saziş” imzalanıb. Sazişi Azərbaycan tərəfindən nazir imzalayıb.")
    doc = Document(url="https://example.test/a", source="t", title=text.split("\n")[0], text=text, lang_hint="az",
                   published="2025-01-10")
    article = Pipeline(ner=NoNer(), kb=KnowledgeBase.load(), relevance=False).process(doc)
    assert article.agreements and len(article.agreements[0].parties) == 2
    inside = (text.index("“"), text.index("”"))
    assert not [m for m in article.mentions if inside[0] < m.start < inside[1] and m.label in ("LOC", "ORG")]
    assert any(m.start > inside[1] and m.label == "LOC" for m in article.mentions)  # "Azərbaycan tərəfindən"


def test_a_brand_before_its_concept_is_the_brand():
    # a concept or strategy named after a body is the body's, not a treaty's name (the sample gold's “ASAN xidmət”)
    text = "O xatırladıb ki, “ASAN xidmət” konsepsiyası Romada təqdim olunub. Paris Sazişi imzalanıb."
    assert kept(text, [at(text, "ASAN xidmət", "ORG"), at(text, "Paris")]) == ["ASAN xidmət"]
