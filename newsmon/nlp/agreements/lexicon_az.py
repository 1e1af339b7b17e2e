"""Azerbaijani cue words for agreement extraction (the Lexicon of `lexicon.py`, whose `LEXICONS` holds them):
data only, as there. Patterns end in `\\w*` so inflected forms ("memorandumu", "sazişin", "Fərmanı") match."""
from __future__ import annotations

from newsmon.nlp.agreements.lexicon_base import TURKIC_FUTURE, Lexicon, _c, _heads, _types

# a document adopted by its signers, the active verb with the document as its object ("nizamnamə qəbul
# etdilər", "birgə bəyannamə qəbul etdiyini"); not the infinitive or the negative ("qəbul etməyə", "etməyib")
_ADOPTED = (r"\b(?:saziş|müqavilə|memorandum|protokol|bəyannamə|bəyanat|nizamnamə|xartiya|kommünike|proqram|plan)"
            r"\w*\s+qəbul\s+et(?!mə)\w*")

# an agreement reached ("atəşkəs razılaşması əldə olunub", "razılaşmalar əldə edildi"): "razılaşma" is a document
# only when concluded, and reaching it is concluding it (not the verbal noun, "əldə olunmasındakı roluna", nor the
# future)
_REACHED = r"\brazılaşma\w*\s+(?:\w+\s+)?əldə\s+(?:edil|olun)(?!ma|mə|acaq|əcək|acağ|əcəy)\w*"

# road maps (see `Lexicon.road_map`)
_ROAD_MAP = r"\byol\s+xəritə\w*"

AZ = Lexicon(
    code="az",
    types=_types(
        ("memorandum", r"\b(?:anlaşma\s+|əməkdaşlıq\s+)?memorandum\w*"),
        ("other", r"\bniyyət\s+(?:məktub|bəyannamə)\w*|\b(?:birgə|üçtərəfli|ikitərəfli)\s+bəyan(?:namə|at)\w*"
                  r"|\bkommünike\w*"),
        ("protocol", r"\b(?:niyyət\s+)?protokol\w*"),
        # "Qərar" (a decision) is a decree when written as a document's name, capitalised and possessed
        # by its issuer ("Ali Məclisinin … tarixli Qərarı"), not "qərar verib" (decided)
        ("decree", r"\bfərman\w*|\bsərəncam\w*|\b(?-i:Qərar)[ıi](?:n(?:ın|a|ı|da|dan)|\b)"),
        ("programme", r"\b(?:birgə|fəaliyyət|əməkdaşlıq|iş|dövlət)\s+(?:\w+\s+)?(?:proqram|plan)(?!lar)\w*"
                      r"|" + _ROAD_MAP),
        # (not "nizamnamə kapitalı", a company's share capital: "“AzerFloat” QSC-nin nizamnamə kapitalına")
        ("charter", r"\bxartiya\w*|\bnizamnamə\w*(?!\s+kapital)"),
        ("agreement", r"\bsaziş\w*|\bmüqavilə\w*(?![-\w])"
                      # a signed "document" is an agreement: "imzalanmış sənəd", "sənəd imzalanıb", and
                      # one to be signed ("imzalanacaq sənədin əhəmiyyəti")
                      r"|(?<=imzalanmış\s)sənəd\w*|(?<=imzalanan\s)sənəd\w*|(?<=imzalanacaq\s)sənəd\w*"
                      r"|\bsənəd\w*(?=\s+imzala)"),
    ),
    status=(
        ("planned", _c(r"\bimzalanma\w*\s+(?:planlaşdırılır|gözlənilir|nəzərdə\s+tutulur)"
                       r"|\bimzalanması\s+üçün\b|\byekunlaşdırıl\w*|\bparafla\w*|\btapşırıb\b|\btapşırılıb\b"
                       r"|\bplanlaşdır\w*|\bgözlənilir\b|\bnəzərdə\s+tutulur\b|\bhazırlan\w*"
                       # "sazişin layihəsi" (the draft agreement), not "... layihəsi üzrə" (on the project)
                       r"|\b(?:saziş|müqavilə|memorandum|protokol|sənəd|bəyannamə|nizamnamə|xartiya|proqram|plan"
                       r"|fərman|sərəncam|qərar)\w*\s+layihə\w*"
                       # the infinitive of signing or concluding: wanted, tried, refused, not done ("müqavilə
                       # imzalamaq istəyirlər", "sülh müqaviləsi bağlamağa çalışmalıdır")
                       r"|\b(?:imzala|bağla)ma(?:q|ğ)\w*"
                       # its text agreed, the document still to be signed ("sülh sazişinin yekun mətni
                       # razılaşdırılıb", "müqaviləsinin mətninin razılaşdırılması", "mətni üzərində razılıq")
                       r"|\bmətni\w*\s+(?:üzərində\s+)?(?:razılaşdırıl|razılıq)\w*"
                       + "|" + TURKIC_FUTURE)),
        ("ratified", _c(r"\bratifikasiya\w*")),
        ("implemented", _c(r"\bicra\w*|\bhəyata\s+keçiril\w*|\bqüvvəyə\s+min\w*")),
        ("signed", _c(r"\bimzala(?:nıb|nmışdır|nmış|dı|dılar|yıb|yıblar|yıbdır|nan|ndı|nmasından|nması|mışdır"
                      r"|mış|yan|ndığı|dığı|dıqları)\w*|\bimza\s+at(?:ıb|dı|ıl(?!acaq)|mış)\w*"
                      # concluding, the verb of contracts ("investisiya müqavilələri bağlayıb", "müqavilə
                      # bağlandığını elan edir"): its past and participles only, as the infinitive is planned
                      r"|\bbağla(?:nıb|nılıb|ndı|ndığı|nmış|nan|yıb|dı|dılar|yıblar|mış|dığı|dıqları)\w*"
                      + "|" + _REACHED +
                      # (not the future, "qəbul ediləcək", "təsdiq olunacaq": a stage still planned)
                      r"|\b(?:qəbul|təsdiq)\s+edil(?!əcək|əcəy)\w*|\bimzalanması\b|\bimzalanma\w*"
                      r"|\brazılaşdırıl(?!ma|mə)\w*"
                      # the other light verbs of the same passive ("təsdiq olunmuş Dövlət Proqramı", "qəbul
                      # olunan Birgə Bəyannamə", "bəyannamə mübadilə edildi") and the verb of approving: its
                      # passive ("Sərəncamı ilə təsdiqlənən Proqram"), its active only with the document
                      # as object ("fərmanı təsdiqləyib"), for "sadiqliyini təsdiqləyiblər" is reaffirming
                      r"|\b(?:təsdiq|qəbul)\s+olun(?!ma|acaq|acağ)\w*"
                      r"|\bmübadilə\s+(?:edil(?!əcək|əcəy)|olun(?!acaq|acağ))\w*"
                      # (not after a that-clause: "... maraqlı olduğu təsdiqlənib" is "it was affirmed that")
                      r"|(?<!ğu\s)(?<!ğı\s)(?<!ği\s)(?<!ğü\s)(?<!yi\s)(?<!yı\s)(?<!yu\s)(?<!yü\s)"
                      r"\btəsdiqlən(?!mə|əcək|əcəy)\w*"
                      r"|\b(?:saziş|müqavilə|memorandum|protokol|bəyannamə|fərman|sərəncam|qərar|proqram|plan)\w*"
                      r"\s+təsdiqlə(?:yib|di|miş)\w*"
                      # the active of adopting, with the document as its object ("nizamnamə qəbul etdilər",
                      # "Bəyannaməni qəbul etdiyimiz"): alone, "qəbul edib" is as often receiving a guest
                      + "|" + _ADOPTED)),
    ),
    signing_noun=_c(r"imzalanma(?:sı|sına|sını|sının)$"),
    # (not "ümid yaradır", gives hope, which a signing done does; nor a bare future, "imzalanması təkan
    # verəcək": the effect of a signing done is what is to come)
    prospect=_c(r"\bümid\s+edir\w*|\barzu\s+edir\w*|\btezliklə\b|\byaxın\s+zamanda\b|\btəklif\s+edir\w*"
                r"|\bçağır(?:ıb|ır|dı)\w*|\bdəstəklə(?:yir|yəcək)\w*|\btəşviq\s+ed\w*|\bmane\s+ol\w*"
                r"|\bzəmin\s+yarad\w*|\bbaş\s+tutacaq\w*|\bməsələsi\b|\bprosesi\w*|\bbarədə\s+qərar\b"),
    anaphor=_c(r"\b(?:tərəflər\w*|hər\s+iki\s+(?:tərəf|qurum|agentlik|ölkə)\w*|iki\s+(?:tərəf|qurum|agentlik"
               r"|ölkə|təşkilatçı)\w*)"),
    between=_c(r"\barasında(?:kı)?\b"),  # "X ilə Y arasındakı saziş": the agreement between X and Y
    postposition=True,
    connector=_c(r"^\s*(?:Hökuməti\s+|Respublikası\s+)?(?:,|ilə|və)\s*$|^\s*-?(?:ilə|la|lə)\s+$"),
    today=_c(r"\bbu\s+gün\w*|\bbugün\w*"),
    # (up to three words before the document, none of them "və": "“A” … tarixli və “B” … tarixli
    # sərəncamlar" is a list, each title dated by its own date)
    date_of_next=_c(r"\s*tarixli\s+(?:(?!və\b)[\w-]+\s+){0,3}"),
    yesterday=_c(r"\bdünən\b"),
    place_before=_c(r"(?!)"),  # az marks the place with a suffix on the name itself ("Bakıda")
    not_signing_date=_c(r"(?!)"),
    # a deadline, a period, or the entry into force ("2023-cü ildə qüvvəyə minməsi")
    not_signing_after=_c(r"^[\w-]*\s+(?:\w+\s+)?(?:ədək|qədər|üçün|ərzində|dövr\w*|müddət\w*|bəri|etibarən"
                         r"|qüvvəyə)\b"
                         r"|^-?(?:[cç][iıuü])?\s*ill[əa]r\w*|^[-\w]*?(?:d[əa]k|q[əa]d[əa]r)\b"
                         r"|^[-\w]*?(?:d[əa]n|t[əa]n)\s+(?:bəri|etibarən|başlayaraq)"),
    heads=_heads(r"\b{}\w*|\b(?:Dövlət\s+)?{}\w*",
                 agency=("agentli", "Agentli"), ministry=("nazirli", "Nazirli"),
                 university=("universitet", "Universitet"), organisation=("təşkilat", "Təşkilat")),
    # (not "vitse-prezident": "Heydər Əliyev Fondunun vitse-prezidenti Leyla Əliyeva", "Birinci vitse-prezident")
    president=_c(r"(?<![-\w])Prezident\w*|\bdövlət\s+başçısı\w*"),
    event=_c(r"\b(?:görüşün|səfərin|seminarın|forumun|tədbirin)\s+(?:sonunda|yekununda)\b|\bnəticəsində\b"
             r"|\b(?:forum|görüş|səfər|tədbir|seminar)\w*\s+çərçivəsində\b|\biştirakı\s+ilə\b"),
    intergov=_c(r"\bhökumətlərarası\b"),
    home="loc:azerbaijan",
    # "sülh sazişi", "sülh müqaviləsi", "sülhə dair sənəd" (not "atəşkəs", which armed groups sign too)
    between_states=_c(r"\bsülh(?:ə\s+dair|\s+haqqında)?\s+$"),
    possessive=_c(r"(?!)"),
    # (əvvəlcə: "first", today's event); "ötən il", "keçən yay": last year's, as en "last year"
    recall=_c(r"\bxatırla\w*|\bəvvəl(?!cə)\w*|\bartıq\b|\bo\s+vaxt\w*"
              r"|\b(?:ötən|keçən)\s+(?:il|ay|həftə|yay|payız|qış|yaz|əsr)\w*"
              # (this year, lately: another time than the day's event)
              r"|\bbu\s+il\b|\bson\s+vaxtlar\w*"),
    definite=_c(r"\b(?:bu|həmin|sözügedən)\s+$"),
    # "another", "the next" right before the document: a new one, not the one told of before ("Dövlətimizin
    # başçısının digər Sərəncamı ilə ... rütbələri verilib" after the day's orders). One adjective may stand
    # between ("Digər mütərəqqi Sərəncamınızla"), not a plural noun: "digər ölkələr o kontraktlara" is other countries
    indefinite=_c(r"\b(?:digər|başqa|növbəti|daha\s+bir)\s+(?:(?![\w-]*l[əa]r\b)[\w-]+\s+)?$"),
    # after the name and its case ending, or its closing quote ("“Report” xəbər verir", "“Report”xəbər"):
    # who reports, who was told ("AZƏRTAC-a ... məlumat verilib") and where it was published ("“Armenpress”də
    # dərc olunmuş")
    source_after=_c(r"^[”\"»]?['’-]?\w{0,4}\s*(?:xəbər\s+ver|məlumat\s+ver|müxbiri|məlumatına\s+görə|yazır\b"
                    r"|bildirir\b|dərc\s+(?:olun|edil)|məlumat\s+yay)|^[”\"»]?['’-]?y?[aə]\s+(?:\w+\s+){0,3}məlumat\s+verilib"
                    # an outlet citing another ("“Report”un “Reuters”ə istinadən verdiyi məlumata") and the one cited
                    r"|^[”\"»]?['’-]?n?[uüıi]n\s+\S[^.;]{0,30}?\bistinadən\s+(?:verdiyi\s+)?məlumat"
                    r"|^[”\"»]['’-]?\w{0,4}\s*(?:(?:agentliy|telekanal|qəzet|nəşr|sayt|portal|radio)\w*\s+)?istinadən\b"
                    r"|^['’-]?\w{0,4}\s+(?:agentliy|telekanal|qəzet|nəşr|sayt|portal|radio)\w*\s+istinadən\b"),
    # (a parenthesis may spell the name out: "CGTN (China Global Television Network) telekanalına")
    interviewer_after=_c(r"^[”\"»)]?(?:\s*\([^)]{1,60}\))?\s*(?:xəbər\s+)?(?:tele)?(?:kanal|televiziya|agentli|qəzet"
                         r"|jurnal|radio|portal|nəşr)\w*\s+(?:verdiyi\s+)?(?:eksklüziv\s+|xüsusi\s+)?müsahibə"),
    reported_signing=_c(r"\bimzala(?:nıb|yıb|yıblar|nmışdır|mışdır|dılar|ndı|dı|nacaq)\b"
                        r"|\bimza\s+at(?:ıb|dı|dılar|ılıb|ıldı)\b"
                        r"|\b(?:qəbul|təsdiq)\s+(?:edil|olun)(?:ib|du|di)\b|\bmübadilə\s+(?:edil|olun)(?:ib|du|di)\b"
                        r"|\btəsdiqlə(?:yib|di|yiblər|nib|ndi)\b"),
    event_signing=_c(r"\bimzalan(?:ıb|dı)\b|\bimzala(?:yıblar|dılar)\b|\bimza\s+at(?:ılıb|ıldı|dılar)\b"
                     r"|\b(?:qəbul|təsdiq|mübadilə)\s+(?:edil|olun)(?:ib|du|di)\b|\btəsdiqlən(?:ib|di)\b"),
    # "razılaşma" is an agreement reached as often as a signed one: a document only when signed, and one
    # document ("SVOP razılaşmasının imzalandığını", "imzalanmış yeni razılaşmanı"), not a kind ("qəbul
    # edilmiş qərar və razılaşmaların həyata keçirilməsi")
    # a bare "bəyanat" is a press statement ("bəyanat yayıb", "bəyanat verib") unless signed or adopted:
    # "Ağsaqqallar Şurasının iclasında qəbul edilən bəyanat", "Çin ilə Bəyanatın imzalanması"
    weak_types=_types(("agreement", r"\bkonvensiya\w*|\brazılaşma(?!q\b|lar|lər)\w*"),
                      # (not a filing: "universal bəyannamə sistemi", "gəlir vergisi bəyannaməsi")
                      ("other", r"(?<!vergi\s)(?<!vergisi\s)(?<!gəlir\s)(?<!gömrük\s)(?<!əmlak\s)"
                                r"\bbəyannamə(?!\w*\s+sistem)\w*|\bbəyanat\w*")),
    # (not "təsdiq edilir", affirmed: "Bəyanatda ... təsdiq edilir" is what a press statement says.) Adopting
    # takes either light verb of the passive, "qəbul edildi" or "qəbul olundu" ("İslamabad Bəyannaməsi qəbul
    # olunub", "Bəyannaməsinin qəbul olunması ilə başa çatıb"): a statement adopted is a record (the real-news
    # golds count "Ağsaqqallar Şurasının iclasında qəbul edilən bəyanat") whichever verb tells it. Not "qəbul
    # olunan bəyanat", a forum's closing words as the sample gold reads them (the golds disagree on such
    # statements; that form was never a record before and occurs nowhere in the pool, where the participle
    # stands before named declarations: "qəbul olunan İslamabad Bəyannaməsinin", "qəbul olunan Birgə Bəyannamə")
    road_map=_c(_ROAD_MAP),
    signing=_c(r"\bimzala\w*|\bimza\s+at\w*|\bratifikasiya\w*|\bqəbul\s+(?:edil\w*|olun(?!an\s+bəyanat)\w*)|"
               + _ADOPTED + "|" + _REACHED +
               r"|\bmübadilə\s+(?:edil|olun)\w*|\bqoşul\w*"),
    # a resolution a parliament or the UN adopts ("Fransa Senatı ... qətnamə qəbul etdi")
    # (one resolution: "BMT-də qəbul edilən qətnamələr tövsiyə xarakteri daşıyır" speaks of a kind)
    voted_types=_types(("other", r"\bqətnamə(?!lər)\w*")),
    voting=_c(r"\bqəbul\s+(?:edil|et|olun)\w*"),  # ("BMT-də ... qətnamə qəbul olunub")
    leaders=_c(r"\b(?:liderlər|dövlət\s+başçıları|prezidentlər|iki\s+lider)\w*"),
)
