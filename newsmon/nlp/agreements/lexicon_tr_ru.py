"""Turkish and Russian cue words for agreement extraction (the Lexicon of `lexicon.py`, whose `LEXICONS`
holds them): data only, as there."""
from __future__ import annotations

from newsmon.nlp.agreements.lexicon_base import TURKIC_FUTURE, Lexicon, _c, _heads, _types

TR = Lexicon(
    code="tr",
    types=_types(
        ("memorandum", r"\bmutabakat\s+(?:zapt|muhtıra|metn)\w*|\bmemorandum\w*"),
        ("other", r"\bniyet\s+(?:mektub|beyan)\w*|\bortak\s+bildiri\w*"),
        ("protocol", r"\b(?:niyet\s+)?protokol\w*"),
        ("decree", r"\bkararname\w*|\bgenelge\w*"),
        ("programme", r"\b(?:ortak|eylem|iş\s*birliği)\s+(?:çalışma\s+)?(?:program|plan)\w*|\byol\s+harita\w*"),
        ("charter", r"\btüzü[kğ]\w*"),
        ("agreement", r"\banlaşma\w*|\bsözleşme\w*"),
    ),
    status=(
        ("planned", _c(r"\bplanlan\w*|\bhazırlan\w*|\btaslak\w*" + "|" + TURKIC_FUTURE)),
        ("ratified", _c(r"\bonaylan\w*|\bratifik\w*")),
        ("implemented", _c(r"\buygula\w*|\bhayata\s+geçiril\w*|\byürütülen\b")),
        ("signed", _c(r"\bimzala(?:ndı|nan|dı|dılar|mış|nmış|ndığı|dığı|yan)\w*|\bimza\s+atıl\w*")),
    ),
    anaphor=_c(r"\b(?:taraflar\w*|her\s+iki\s+(?:taraf|kurum|ülke|ajans)\w*|iki\s+(?:taraf|kurum|ülke|ajans)\w*)"),
    between=_c(r"\barasında\b"),
    postposition=True,
    connector=_c(r"^['’]?\w{0,3}\s*(?:,|ile|ve)\s*$"),
    today=_c(r"\bbugün\w*"),
    yesterday=_c(r"\bdün\b"),
    place_before=_c(r"(?!)"),
    not_signing_date=_c(r"(?!)"),
    not_signing_after=_c(r"^[\w-]*\s+(?:\w+\s+)?(?:kadar|için|boyunca|dönem\w*|süre\w*|beri|itibaren)\b"
                         r"|^['’]?[\w]*?(?:dan|den|tan|ten)\s+(?:beri|itibaren)"),
    heads=_heads(r"\b{}\w*|\b(?:Devlet\s+)?{}\w*",
                 agency=("ajans", "Ajans"), ministry=("bakanlı", "Bakanlı"),
                 university=("üniversite", "Üniversite")),
    president=_c(r"\bCumhurbaşkan\w*"),
    event=_c(r"\b(?:görüşmenin|ziyaretin|toplantının)\s+sonunda\b"),
    intergov=_c(r"\bhükümetlerarası\b"),
    possessive=_c(r"(?!)"),
    recall=_c(r"\bhatırlat\w*|\bdaha\s+önce\b|\bönceki\b"),
    definite=_c(r"\b(?:bu|söz\s+konusu)\s+$"),
)

RU = Lexicon(
    code="ru",
    types=_types(
        ("memorandum", r"\bмеморандум\w*"),
        ("other", r"\bсовместн\w+\s+(?:декларац|заявлени)\w*|\bписьм\w+\s+о\s+намерениях"),
        ("protocol", r"\bпротокол\w*"),
        ("decree", r"\bуказ\w*|\bраспоряжени\w*"),
        ("programme", r"\bпрограмм\w*\s+(?:сотрудничества|совместных|действий)|\b(?:совместн|рабоч)\w*\s+"
                      r"(?:программ|план)\w*|\bплан\w*\s+(?:действий|мероприятий|сотрудничества)"
                      r"|\bдорожн\w*\s+карт\w*"),
        ("charter", r"\bхарти\w*|\bустав\w*"),
        ("agreement", r"\bсоглашени\w*|\bдоговор\w*"),
    ),
    status=(
        ("planned", _c(r"\bподпиш\w*|\bбудет\s+подписан\w*|\bпланир\w*|\bнамере\w*|\bожида\w*|\bпроект\w*")),
        ("ratified", _c(r"\bратифи\w*")),
        ("implemented", _c(r"\bреализ\w*|\bвыполн\w*|\bв\s+рамках\b")),
        ("signed", _c(r"\bподписа\w*|\bзаключ\w*|\bутвержд\w*|\bутверди\w*")),
    ),
    anaphor=_c(r"\b(?:(?:обе|две)\s+)?стороны\b|\bоба\s+(?:агентства|ведомства)\b"),
    between=_c(r"\bмежду\b"),
    postposition=False,
    connector=_c(r"^\s*(?:,\s*(?:и\s+)?|(?:и|с)\s+)$"),
    today=_c(r"\bсегодня\b"),
    yesterday=_c(r"\bвчера\b"),
    place_before=_c(r"\b(?:в|во|из|на)\s+$"),
    not_signing_date=_c(r"\b(?:до|на|с|по|к|с\s+начала|начиная\s+с)\s+$"),
    not_signing_after=_c(r"(?!)"),
    heads=_heads(r"\b(?:Гос)?{}\w*|\b{}\w*",
                 agency=("агентств", "Агентств"), ministry=("министерств", "Министерств")),
    president=_c(r"\bПрезидент\w*"),
    event=_c(r"\bпо\s+итогам\b|\bв\s+ходе\s+(?:визита|встречи|семинара)\b"),
    intergov=_c(r"\bмежправительствен\w*"),
    possessive=_c(r"\b(?:его|её|их)\s+(?:\w+\s+)?$"),
    recall=_c(r"\bнапомн\w*|\bранее\b|\bуже\b"),
    definite=_c(r"\b(?:этот|эта|это|данн\w+)\s+$"),
)
