"""Agreement rules found missing on the tuning half of the real-news gold
(benchmarks/realnews_agreements_gold.jsonl, its tune2 half too); the texts are our own."""
from __future__ import annotations

import pytest

from newsmon.nlp.agreements.find import find_agreements
from tests.test_agreements import make_article, names

DOE = ("Jane Doe", "PERSON", "Jane Doe")


def test_a_memorandum_the_president_signs_is_an_order_he_issues():
    text = ("Fact Sheet: Open books\n"
            "This week, President Jane Doe recently signed a memorandum directing agencies to publish every grant.")
    art = make_article(text, "en", [DOE])
    [order] = find_agreements(art, None)
    assert (order.type, order.status, names(order)) == ("decree", "signed", {"Jane Doe"})


def test_a_memorandum_two_presidents_sign_stays_a_memorandum():
    text = ("Summit\n"
            "President Jane Doe and President Ann Roe signed a memorandum of understanding on trade.")
    art = make_article(text, "en", [DOE, ("Ann Roe", "PERSON", "Ann Roe")])
    [memo] = find_agreements(art, None)
    assert memo.type == "memorandum" and names(memo) == {"Jane Doe", "Ann Roe"}


def test_a_signing_the_sentence_dates_by_itself_takes_no_other_events_date():
    # "On his first day in office" dates the order; the day named earlier is another signing's
    text = ("Fact Sheet: Equity\n"
            "On May 3, 2024, the President signed the Clean Water Act into law. "
            "On her first day in office, President Jane Doe signed an Executive Order establishing a task force.")
    art = make_article(text, "en", [DOE], dates=[("May 3, 2024", "2024-05-03", "day")])
    [order] = find_agreements(art, None)
    assert order.type == "decree" and order.date_signed is None


def test_an_order_issued_today_and_one_to_be_signed_are_two_orders():
    text = ("Fact Sheet: Relief\n"
            "Today, President Jane Doe is issuing an Executive Order on food aid for working families. "
            "Next month, President Jane Doe will sign an executive order protecting federal workers.")
    art = make_article(text, "en", [DOE, DOE], published="2025-01-22")
    records = find_agreements(art, None)
    assert [(r.type, r.status, (r.date_signed or {}).get("value")) for r in records] == [
        ("decree", "signed", "2025-01-22"), ("decree", "planned", None)]


def test_a_plan_a_person_announces_is_theirs_and_adopted():
    text = ("Fact Sheet: Clean water\n"
            "The Administration has also unveiled new offices and action plans. "
            "Vice President Jane Doe announced an EV Charging Action Plan to build chargers.")
    art = make_article(text, "en", [DOE])
    plans = [r for r in find_agreements(art, None) if names(r) == {"Jane Doe"}]
    assert [(r.type, r.status) for r in plans] == [("programme", "signed")]


def test_a_plan_whose_name_ner_tags_as_an_organisation_is_still_a_plan():
    text = ("Fact Sheet: Pipes\n"
            "Vice President Jane Doe announced a Lead Pipe and Paint Action Plan to replace lead pipes.")
    art = make_article(text, "en", [DOE, ("Lead Pipe and Paint Action Plan", "ORG", "Lead Pipe and Paint Action Plan")])
    [plan] = find_agreements(art, None)
    assert (plan.type, plan.status, names(plan)) == ("programme", "signed", {"Jane Doe"})


def test_a_consent_decree_is_a_court_settlement_not_an_order():
    text = ("Fact Sheet: Policing\n"
            "President Jane Doe welcomed the step. "
            "The Department of Justice rescinded guidance issued in 2019 that curtailed the use of consent decrees.")
    art = make_article(text, "en", [DOE, ("Department of Justice", "ORG", "Department of Justice")],
                       dates=[("2019", "2019", "year")])
    assert find_agreements(art, None) == []


def test_a_french_implementation_programme_signed_between_two_ministries():
    text = ("Visite officielle\n"
            "Le programme de mise en œuvre 2024-2026 sur la coopération agricole a été signé entre le "
            "ministère de l’Économie de l’Arménie et le ministère de l’Agriculture de l’Égypte.")
    art = make_article(text, "fr", [("ministère de l’Économie de l’Arménie", "ORG", "Ministry of Economy of Armenia"),
                                    ("ministère de l’Agriculture de l’Égypte", "ORG", "Ministry of Agriculture of Egypt")])
    [programme] = find_agreements(art, None)
    assert (programme.type, programme.status) == ("programme", "signed")
    assert names(programme) == {"Ministry of Economy of Armenia", "Ministry of Agriculture of Egypt"}


def test_a_french_support_plan_a_region_adopts_is_the_regions():
    text = ("Dîner annuel\n"
            "Le 20 octobre 2022, la Région Rhône-Alpes adoptait un plan de soutien à l’Arménie.")
    art = make_article(text, "fr", [("Région Rhône-Alpes", "ORG", "Rhône-Alpes Region"), ("Arménie", "LOC", "Armenia")],
                       dates=[("20 octobre 2022", "2022-10-20", "day")])
    [plan] = find_agreements(art, None)
    assert (plan.type, plan.status, names(plan), plan.date_signed["value"]) == (
        "programme", "signed", {"Rhône-Alpes Region"}, "2022-10-20")


def test_an_azerbaijani_document_to_be_signed_is_a_planned_agreement():
    text = ("Görüş\n"
            "Görüşdə “Alfa” ASC ilə “Beta” şirkəti arasında elektrik enerjisinin ixracı ilə bağlı imzalanacaq "
            "sənədin əhəmiyyəti qeyd edildi.")
    art = make_article(text, "az", [("Alfa", "ORG", "Alfa"), ("Beta", "ORG", "Beta")])
    [doc] = find_agreements(art, None)
    assert (doc.type, doc.status, names(doc)) == ("agreement", "planned", {"Alfa", "Beta"})


def test_a_numbered_list_of_orders_is_one_order_each_owned_by_the_name_before_it():
    text = ("Fact Sheet: Federal workers\n"
            "President Jane Doe will sign an executive order that restores bargaining power by revoking "
            "Ann Roe Executive Orders 13836, 13837, and 13839.")
    art = make_article(text, "en", [DOE, ("Ann Roe", "PERSON", "Ann Roe")])
    records = find_agreements(art, None)
    assert sorted((r.title, tuple(names(r))) for r in records if names(r) == {"Ann Roe"}) == [
        ("13837", ("Ann Roe",)), ("13839", ("Ann Roe",)), ("Executive Orders 13836", ("Ann Roe",))]
    assert [(r.status, names(r)) for r in records if names(r) == {"Jane Doe"}] == [("planned", {"Jane Doe"})]


def test_a_named_plan_announced_after_a_generic_mention_of_plans_is_a_record_of_its_own():
    text = ("Fact Sheet: 100 days\n"
            "The Administration has also unveiled new offices and action plans that will be implemented well. "
            "- Vice President Jane Doe announced an EV Charging Action Plan to build 500,000 chargers.")
    art = make_article(text, "en", [DOE, ("EV Charging Action Plan", "MISC", "EV Charging Action Plan")])
    [plan] = find_agreements(art, None)
    assert (plan.type, plan.status, names(plan)) == ("programme", "signed", {"Jane Doe"})


def test_a_task_force_that_releases_a_plan_owns_it_and_the_plan_is_no_party_of_itself():
    text = ("Fact Sheet: Housing\n"
            "In March 2022, the Interagency Task Force on Appraisal Equity (PAVE) released the PAVE Action Plan, "
            "a set of reforms.")
    art = make_article(text, "en", [("Interagency Task Force on Appraisal Equity", "ORG", "Task Force on Appraisal Equity"),
                                    ("PAVE Action Plan", "ORG", "PAVE Action Plan")],
                       dates=[("March 2022", "2022-03", "month")])
    [plan] = find_agreements(art, None)
    assert (plan.type, names(plan)) == ("programme", {"Task Force on Appraisal Equity"})


def test_azerbaijani_documents_in_the_plural_with_no_partner_are_a_kind():
    text = ("Sərgi açılıb\n"
            "“Alfa” şirkəti sərgidə iştirak edib. Ötən il sərgi çərçivəsində müqavilələr imzalandı. "
            "İmzalanmış müqavilələrə əsasən istehsal artacaq.")
    art = make_article(text, "az", [("Alfa", "ORG", "Alfa")])
    assert find_agreements(art, None) == []


def test_azerbaijani_documents_in_the_plural_between_named_partners_stay_records():
    text = ("Görüş\n"
            "“Alfa” ASC ilə “Beta” şirkəti arasında əməkdaşlıq sazişləri imzalanıb.")
    art = make_article(text, "az", [("Alfa", "ORG", "Alfa"), ("Beta", "ORG", "Beta")])
    [record] = find_agreements(art, None)
    assert names(record) == {"Alfa", "Beta"}


def test_an_order_signed_on_the_first_day_is_not_the_one_to_be_signed_today():
    text = ("Fact Sheet: Initiative\n"
            "Today, President Jane Doe will sign an Executive Order establishing a new initiative. "
            "On her first day in office, President Jane Doe signed a historic Executive Order on equity.")
    art = make_article(text, "en", [DOE, DOE], published="2025-05-28")
    assert [(r.status, r.date_signed) for r in find_agreements(art, None)] == [("planned", None), ("signed", None)]


def test_a_contract_whose_conclusion_a_country_looks_forward_to_is_planned():
    text = ("Fact Sheet: Energy\n"
            "The United States looks forward to working with India to support the conclusion of a contract "
            "to build six Westinghouse Electric Company reactors in India.")
    art = make_article(text, "en", [("United States", "LOC", "United States"), ("India", "LOC", "India"),
                                    ("Westinghouse Electric Company", "ORG", "Westinghouse Electric Company"),
                                    ("India", "LOC", "India")])
    [contract] = find_agreements(art, None)
    assert (contract.type, contract.status) == ("agreement", "planned")


def test_by_signing_this_memorandum_the_president_issues_the_order_told_before():
    text = ("Fact Sheet: Open books\n"
            "Today, President Jane Doe signed a memorandum requiring transparency in spending. "
            "By signing this memorandum, President Doe recognizes that the Treasury Department wasted funds.")
    art = make_article(text, "en", [DOE, ("Doe", "PERSON", "Jane Doe"),
                                    ("Treasury Department", "ORG", "Treasury Department")], published="2025-02-18")
    [order] = find_agreements(art, None)
    assert (order.type, names(order), order.date_signed["value"]) == ("decree", {"Jane Doe"}, "2025-02-18")


def test_french_parties_between_two_ministries_ner_misses_are_the_full_noun_phrases():
    # NER tags neither lower-case ministry as an organisation, only a fragment of the second one
    text = ("Visite officielle\n"
            "Un mémorandum d’accord sur la pêche a été signé entre le ministère de la Mer du Portugal et le "
            "ministère tunisien de la Pêche côtière.")
    art = make_article(text, "fr", [("Portugal", "LOC", "Portugal"), ("Pêche côtière", "ORG", "Pêche côtière")])
    [memo] = find_agreements(art, None)
    assert names(memo) == {"ministère de la Mer du Portugal", "ministère tunisien de la Pêche côtière"}


def test_french_parties_between_a_named_school_and_an_academy_keep_both():
    text = ("Coopération militaire\n"
            "La visite a permis la signature d’un accord de coopération entre Polytechnique et l’académie navale "
            "chilienne.")
    art = make_article(text, "fr", [("Polytechnique", "ORG", "Polytechnique")])
    [accord] = find_agreements(art, None)
    assert names(accord) == {"Polytechnique", "académie navale chilienne"}


def test_a_convention_the_addressee_of_a_speech_signed_takes_no_guessed_organisation():
    # "vous" is the person the speaker's association addresses: the association is no party
    text = ("Le gala de l’ACFB 2024\n"
            "La soirée annuelle de l’ACFB a réuni 300 invités. L’ACFB remercie ses membres. "
            "Le président de l’ACFB a salué votre engagement. "
            "Vous aviez signé une convention de coopération avec la province de Lori, le 2 mai 2023.")
    art = make_article(text, "fr", [("ACFB", "ORG", "ACFB"), ("ACFB", "ORG", "ACFB"), ("ACFB", "ORG", "ACFB"),
                                    ("ACFB", "ORG", "ACFB"), ("Lori", "LOC", "Lori")],
                       dates=[("2 mai 2023", "2023-05-02", "day")])
    [convention] = find_agreements(art, None)
    assert names(convention) == {"Lori"}


def test_a_convention_a_named_region_signed_with_one_partner_still_takes_the_articles_actor():
    text = ("Coopération décentralisée\n"
            "La Région Bretagne soutient l’Arménie. "
            "Une convention de coopération a été signée avec la province de Lori, le 2 mai 2023.")
    art = make_article(text, "fr", [("Région Bretagne", "ORG", "Brittany Region"), ("Arménie", "LOC", "Armenia"),
                                    ("Lori", "LOC", "Lori")],
                       dates=[("2 mai 2023", "2023-05-02", "day")])
    [convention] = find_agreements(art, None)
    assert names(convention) == {"Lori", "Brittany Region"}


def test_a_french_signing_named_as_a_noun_takes_no_date_from_earlier_in_the_story():
    # a speech recalls a partnership "embodied by the signing of" an accord: no event of the day dates it
    text = ("Discours du ministre\n"
            "Le 4 avril 2024, nos troupes ont défilé à Lyon. "
            "Un partenariat qui s’incarne par la signature d’un accord de coopération entre Polytechnique et "
            "l’académie navale chilienne.")
    art = make_article(text, "fr", [("Lyon", "LOC", "Lyon"), ("Polytechnique", "ORG", "Polytechnique")],
                       dates=[("4 avril 2024", "2024-04-04", "day")])
    [accord] = find_agreements(art, None)
    assert accord.date_signed is None


def test_a_french_signing_reported_with_a_finite_verb_takes_the_days_event_date():
    text = ("Visite officielle\n"
            "Le 4 avril 2024, le ministre est arrivé à Lisbonne. "
            "Un accord de coopération a été signé entre Polytechnique et l’académie navale portugaise.")
    art = make_article(text, "fr", [("Lisbonne", "LOC", "Lisbon"), ("Polytechnique", "ORG", "Polytechnique")],
                       dates=[("4 avril 2024", "2024-04-04", "day")])
    [accord] = find_agreements(art, None)
    assert accord.date_signed == {"value": "2024-04-04", "precision": "day"}


def test_a_french_accord_cited_as_the_basis_with_a_curly_apostrophe_is_no_record():
    text = ("Partenariat stratégique\n"
            "Le Chili soutient le dialogue entre le Pérou et la Bolivie, sur la base de l’accord de 1994.")
    art = make_article(text, "fr", [("Chili", "LOC", "Chile"), ("Pérou", "LOC", "Peru"), ("Bolivie", "LOC", "Bolivia")],
                       dates=[("1994", "1994", "year")])
    assert find_agreements(art, None) == []


def test_a_french_court_ordonnance_is_a_judgement_not_a_decree():
    text = ("Justice internationale\n"
            "Le président Jean Martin a salué la décision. "
            "Dans une ordonnance du 2 mars 2022, le Tribunal du droit de la mer a appelé les parties au calme.")
    # NER tags the person of the sentence before, not the court
    art = make_article(text, "fr", [("Jean Martin", "PERSON", "Jean Martin")],
                       dates=[("2 mars 2022", "2022-03-02", "day")])
    assert find_agreements(art, None) == []


def test_a_french_government_ordonnance_stays_a_decree():
    text = ("Réforme\n"
            "Le Premier ministre Jean Martin a signé une ordonnance du 2 mars 2022 sur les services publics.")
    art = make_article(text, "fr", [("Jean Martin", "PERSON", "Jean Martin")],
                       dates=[("2 mars 2022", "2022-03-02", "day")])
    [decree] = find_agreements(art, None)
    assert decree.type == "decree"


def test_a_memorandum_ner_took_for_an_organisation_is_the_document_not_a_party():
    text = ("EXIM and Tanzania\n- U.S. EXIM-Tanzania Memorandum of Understanding (MOU): The Export-Import Bank of the "
            "United States (EXIM) and the Government of Tanzania will sign an MOU to expand commercial engagement.")
    art = make_article(text, "en", [
        ("Memorandum of Understanding", "ORG", "Memorandum of Understanding"),
        ("Export-Import Bank of the United States", "ORG", "Export-Import Bank of the United States"),
        ("EXIM", "ORG", "Export-Import Bank of the United States"),
        ("Government of Tanzania", "ORG", "Government of Tanzania")])
    [memo] = find_agreements(art, None)
    assert memo.type == "memorandum" and memo.status == "planned"
    assert names(memo) == {"Export-Import Bank of the United States", "Government of Tanzania"}


@pytest.mark.parametrize("text, lang, entities", [
    ("Kenya\n- Signing a Nuclear Cooperation Memorandum of Understanding with Kenya to signal that both parties "
     "seek to further our civil nuclear cooperation.", "en", [("Kenya", "LOC", "Kenya")]),
    ("Accord\nL'accord, qui devrait signaler une nouvelle étape, a été signé par l'Arménie et la France.", "fr",
     [("Arménie", "LOC", "Armenia"), ("France", "LOC", "France")]),
])
def test_to_signal_is_no_signing_to_come(text, lang, entities):
    # "to signal", "devrait signaler" are no "to sign", "devrait signer": the document is signed, not planned
    agreements = find_agreements(make_article(text, lang, entities), None)
    assert agreements and all(a.status == "signed" for a in agreements)


def test_a_name_ner_took_from_the_page_markup_is_no_party():
    # (the image ends the contract's sentence: the council after it is no party either)
    text = ("Motion\nL’élu a dénoncé le contrat paraphé par la Commission européenne avec l’Azerbaïdjan. "
            "![JPEG - 1.9 Mo](https://www.armenews.com/IMG/jpg/img9400.jpg) Le Conseil de la Métropole a voté.")
    art = make_article(text, "fr", [("Commission européenne", "ORG", "European Commission"),
                                    ("Azerbaïdjan", "LOC", "Azerbaijan"),
                                    ("Mo](https://www.armenews.com", "ORG", "Mo](https://www.armenews.com"),
                                    ("Conseil de la Métropole", "ORG", "Conseil de la Métropole")])
    [contract] = find_agreements(art, None)
    assert "European Commission" in names(contract) and "Conseil de la Métropole" not in names(contract)


def test_a_french_byline_photo_credit_or_correspondent_names_no_party():
    text = ("La Namibie demande à l'Allemagne de renégocier l'accord\nPar Le Figaro avec AFP\n"
            "Un cimetière en Namibie. GIANLUIGI GUERCIA / AFP\n"
            "Selon un correspondant d’Armenpress, la Namibie a annoncé jeudi qu'elle avait demandé à l'Allemagne de "
            "renégocier l'accord sur le génocide conclu en 2021 entre les deux gouvernements.")
    ents = [("Namibie", "LOC", "Namibia"), ("Allemagne", "LOC", "Germany"), ("Le Figaro", "ORG", "Le Figaro"),
            ("AFP", "ORG", "AFP"), ("Namibie", "LOC", "Namibia"), ("AFP", "ORG", "AFP"),
            ("Armenpress", "ORG", "Armenpress"), ("Namibie", "LOC", "Namibia"), ("Allemagne", "LOC", "Germany")]
    [agr] = find_agreements(make_article(text, "fr", ents), None)
    assert "Namibia" in names(agr) and not names(agr) & {"AFP", "Le Figaro", "Armenpress"}


@pytest.mark.parametrize("credit", ["Bruxelles, 22 sept 2022 AFP", "© AFP", "Le Monde avec AFP",
                                    "Source : AFP", "Un diplomate a déclaré à l’AFP qu'il attendait."])
def test_a_french_outlet_cited_anywhere_is_never_guessed_a_party(credit):
    # the outlet, once cited ("© AFP", a dateline), is no actor where NER tags it bare too ("le bureau de l'AFP")
    text = (f"L'UE et le Royaume-Uni\n{credit}\nLe bureau de l'AFP à Londres a été fermé. La dirigeante a "
            "défendu la loi visant à passer outre l'accord post-Brexit, conclu par l'Union européenne.")
    ents = [("AFP", "ORG", "AFP"), ("AFP", "ORG", "AFP"), ("Londres", "LOC", "London"),
            ("Union européenne", "ORG", "European Union")]
    [agr] = find_agreements(make_article(text, "fr", ents), None)
    assert "AFP" not in names(agr) and "European Union" in names(agr)


def test_a_french_photographer_credited_with_an_agency_is_no_party():
    # a caption's credit ("REMO CASILLI / REUTERS"): NER takes the photographer's surname for an organisation
    text = ("L'accord de Waterberg\nUn plateau en Namibie, le 22 juin 2017. REMO CASILLI / REUTERS\n"
            "La demande de révision de l'accord a été faite à la suite de discussions au Parlement namibien.")
    ents = [("Namibie", "LOC", "Namibia"), ("CASILLI", "ORG", "CASILLI"),
            ("Parlement namibien", "ORG", "Parlement namibien")]
    [agr] = find_agreements(make_article(text, "fr", ents), None)
    assert names(agr) == {"Parlement namibien"}


@pytest.mark.parametrize("text", [
    "Görüş\nAmerika liderinin fikrincə, Rusiya Ukrayna ilə sülh müqaviləsi bağlamağa çalışmalıdır.",
    "Görüş\n\"Ola bilsin, Rusiya və Ukrayna müqavilə imzalamaq istəyirlər\", - Tramp deyib.",
])
def test_an_azerbaijani_infinitive_of_signing_is_a_document_to_come(text):
    [agr] = find_agreements(make_article(text, "az", [("Rusiya", "LOC", "Russia"), ("Ukrayna", "LOC", "Ukraine")]),
                            None)
    assert agr.status == "planned" and names(agr) == {"Russia", "Ukraine"}


def test_an_azerbaijani_signing_of_last_year_takes_no_date_of_the_story():
    # "Ötən yay" (last summer), as "last year" in English: an older signing, not the reported event's
    text = ("Prezident müsahibə verib\nYanvarın 20-də Prezident İlham Əliyev müsahibə verib. Ötən yay mənim Çinin "
            "Sədri ilə görüşümdən sonra Azərbaycan və Çin strateji tərəfdaşlıq üzrə Bəyannamə imzalayıblar.")
    art = make_article(text, "az", [("İlham Əliyev", "PERSON", "Ilham Aliyev"), ("Çinin", "LOC", "China"),
                                    ("Azərbaycan", "LOC", "Azerbaijan"), ("Çin", "LOC", "China")],
                       dates=[("Yanvarın 20-də", "2025-01-20", "day")], published="2025-01-20")
    [statement] = find_agreements(art, None)
    assert names(statement) == {"Azerbaijan", "China"} and statement.date_signed is None
