"""Azerbaijani names in quotes: a company's, an outlet's or a group's quoted name before its noun (“ExxonMobil”
şirkəti), a known place quoted as a team, a firm or an outlet ("Sumqayıt"la), and a product's or a model's
quoted name, which is none of them (“Bayraktar-TB2” pilotsuz uçuş aparatı). `linking.link_mentions` applies them
to Azerbaijani text; the quoted platform X is `az_latin_orgs`', a quoted venue `az_venues`'."""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.az_names import is_org_head
from newsmon.nlp.span_edit import replace_inside
from newsmon.text.az import AZ_CAPITAL
from newsmon.text.normalize import OPEN_QUOTES, fold, in_quotes


# a sport before a club's noun ("Sabah" basketbol klubunun, "Şuşa" idman klubunun)
_SPORTS = r"futbol|basketbol|voleybol|həndbol|futzal|hokkey|idman"

# A quoted name before a company's, an outlet's or a group's noun: “ExxonMobil” şirkəti, “Humix” MMC,
# “Report” agentliyi, “The Guardian” qəzeti, “Politico” nəşri, “Truth Social” sosial şəbəkəsi, “Əş-Şəbab”
# qruplaşması, “Şimal” əməliyyat qrupu. Up to two of the lower-case words that say which kind may come
# between ("xəbər portalı", "teleqram kanalı", "üsyançı hərəkatı"); real news annotates each such name whole,
# as an ORG.
_KIND_WORDS = (r"(?:(?:xəbər|informasiya|sosial|teleqram|televiziya|yutub|onlayn|internet|media|milli|dövlət|"
               r"beynəlxalq|üsyançı|radikal|terror|silahlı|əməliyyat|investisiya|tikinti|neft|enerji|"
               + _SPORTS + r")\s+){0,2}")
_QUOTED = r"[“\"«]([^“”\"«»\n]{2,60}?)[”\"»]"
_AZ_QUOTED_ORG = re.compile(_QUOTED + r"\s+" + _KIND_WORDS
                            + r"(?:şirkət|klub|komanda|kollektiv|partiya|holdinq|korporasiya|konsern|konqlomerat|MMC\b|ASC\b|QSC\b"
                            r"|Məhdud\s+Məsuliyyətli|Açıq\s+Səhmdar|Qapalı\s+Səhmdar|qəzet|telekanal|kanal|portal"
                            r"|sayt|nəşr|jurnal|radio|agentliy|şəbəkə|hərəkat|qruplaşma|qrup)(?P<plural>l[əa]r)?")
# the quoted names listed before the last one, when the noun is plural: “Selta” və “Barselona” klublarını, “Report.az”,
# “Oxu.az”, “Baku.ws” saytlarının
_LISTED_BEFORE = re.compile(_QUOTED + r"(?:\s*,\s*|\s*,?\s+və\s+)$")
# A quoted name before a capitalised body of its own (“Yaşıllar” Partiyasının, “IDEA” İctimai Birliyinin, “Ulduz”
# Futbol Akademiyası): the quoted name, as the stand-off gold writes them. Not before a centre or a complex, which
# the gold writes as a place where it is visited (“Xankəndi” Biznes Mərkəzi, “Laçın” İstirahət Kompleksi) and as a
# body where it acts (“Kür” Olimpiya Tədris-İdman Mərkəzi).
_AZ_QUOTED_BODY = re.compile(_QUOTED + r"\s+((?:" + AZ_CAPITAL + r"[\w’'-]*\s+){0,3}" + AZ_CAPITAL + r"[\w’'-]*)")
_VENUE_HEADS = (fold("mərkəz"), fold("kompleks"))


# What follows a quoted known place that names a team, a firm or an outlet: a case suffix on the quote
# ("Sumqayıt"la, “Anadolu”ya), a team's or an outlet's noun, a country in brackets (“Milan” (İtaliya), as
# results tables write), a dash before the other team ("Sumqayıt" - "Sabah").
_TEAM_AFTER = re.compile(r"[”\"»](?:[a-zəıöüğçş]{1,5}\b|\s+(?:(?:" + _SPORTS + r")\s+)?(?:klub|komanda|futbolçu|"
                         r"oyunçu|agentliy|telekanal|qəzet|nəşr|saytı|şirkət|MMC\b|ASC\b|QSC\b)|\s+\(" + AZ_CAPITAL
                         + r"|\s*[-–]\s*[“\"«])")
_TEAM_BEFORE = re.compile(r"[”\"»]\s*[-–]\s*[“\"«]$")


def az_quoted_places(linked: list[tuple[Mention, str]], text: str) -> list[tuple[Mention, str]]:
    """A known place's name in quotes, followed as a team's, a firm's or an outlet's is (see _TEAM_AFTER),
    is that team, firm or outlet: an ORG without the place's entity ("Sumqayıt"la oyunda, “Anadolu”ya
    istinadən, “Milan” (İtaliya)). So is a quoted place the same article names in quotes as an organisation
    elsewhere ("... yüksəldən “Qarabağ” turnir cədvəlinin" after “Qarabağ”ı qəbul edib): a writer who quotes a
    club's name means the club each time. A quoted place before a facility's noun stays a place, as real
    news is annotated (“Laçın” İstirahət Kompleksi, “Azərbaycan” pavilyonu); so does a quoted name NER found
    that the knowledge base does not know ("Old Trafford"da)."""
    out = []
    for m, surface in linked:
        at = m.text.find(surface) if m.label == "LOC" and m.canonical_id and surface else -1
        s, e = m.start + at, m.start + at + len(surface)
        if at >= 0 and s > 0 and text[s - 1] in OPEN_QUOTES and (
                _TEAM_AFTER.match(text, e) or _TEAM_BEFORE.search(text, max(0, s - 8), s)):
            m = replace(m, label="ORG", canonical_id=None, canonical_name=None)
        out.append((m, surface))
    teams = {surface for m, surface in out if m.label == "ORG" and _quoted(m, surface, text)}
    return [(replace(m, label="ORG", canonical_id=None, canonical_name=None)
             if m.label == "LOC" and surface in teams and _quoted(m, surface, text) else m, surface)
            for m, surface in out]


def _quoted(m: Mention, surface: str, text: str) -> bool:
    """The mention's name fills a pair of quotes (“Qarabağ”, “Qarabağ”ı)."""
    s = m.start + max(m.text.find(surface), 0)
    e = s + len(surface)
    return in_quotes(text, s, e)


def _quoted_names(text: str) -> list[tuple[int, int]]:
    """The spans of quoted names that a kind's noun (see `_AZ_QUOTED_ORG`; with the names listed before a plural
    one) or a capitalised body of their own (`_AZ_QUOTED_BODY`) follows."""
    spans = []
    for hit in _AZ_QUOTED_ORG.finditer(text):
        spans.append(hit.span(1))
        at = hit.start()
        while hit.group("plural") and (before := _LISTED_BEFORE.search(text, max(0, at - 80), at)):
            spans.append(before.span(1))
            at = before.start()
    for hit in _AZ_QUOTED_BODY.finditer(text):
        head = next((w for w in hit.group(2).split() if is_org_head(w)), None)
        if head and not fold(head).startswith(_VENUE_HEADS):
            spans.append(hit.span(1))
    return sorted(set(spans))


def az_quoted_orgs(mentions: list[Mention], text: str) -> list[Mention]:
    """The quoted name of a company, outlet, team or group its noun follows (“ExxonMobil” şirkəti; each name of a
    list before a plural noun: “Selta” və “Barselona” klublarını), or a capitalised body of its own (“Yaşıllar”
    Partiyasının), as one ORG: NER misses most quoted foreign names, or finds a word of them ("Guardian" of “The
    Guardian” qəzeti, "China" of “China Energy Engineering Corporation Limited” şirkəti, "Qarabağa" of “Yolumuz
    Qarabağa” portalı, "Bakı" of "Birbaşa Bakı" komandası), and the noun says what the whole is. Names inside the
    quotes give way to it (a place NER found as the whole quoted name too: “Humix” MMC, “İmedi” telekanalı); a name
    that crosses a quote is left alone."""
    for s, e in _quoted_names(text):
        name = text[s:e]
        if not (name[:1].isupper() or name[:1].isdigit()) or name != name.strip():
            continue  # a quoted phrase, not a name: “yeni mərhələ” kimi
        crossing = [m for m in mentions if m.label != "DATE" and m.start < e and s < m.end]
        if any(m.start < s or m.end > e for m in crossing):
            continue
        if any((m.start, m.end, m.label) == (s, e, "ORG") for m in crossing):
            continue  # NER found it
        mentions = sorted([m for m in mentions if m not in crossing] + [Mention(name, "ORG", s, e, "az")],
                          key=lambda m: (m.start, -m.end))
    return quoted_again(mentions, text)


def quoted_again(mentions: list[Mention], text: str) -> list[Mention]:
    """A name the article quotes as an organisation (“Birbaşa Bakı” komandasının) is that organisation wherever it
    fills a pair of quotes again ("Birbaşa Bakı" "Zirə"yə qalib gəlib), though NER found a place inside it there:
    a writer who quotes a team's or a firm's name means it each time (as `az_quoted_places` reads known places)."""
    names = {m.text for m in mentions if m.label == "ORG" and m.lang == "az" and " " in m.text
             and in_quotes(text, m.start, m.end)}
    for name in names:
        for hit in re.finditer(re.escape(name), text):
            s, e = hit.span()
            if not in_quotes(text, s, e):
                continue
            crossing = [m for m in mentions if m.label != "DATE" and m.start < e and s < m.end]
            if any(m.start < s or m.end > e for m in crossing) or any(m.label == "ORG" for m in crossing):
                continue
            mentions = replace_inside(mentions, Mention(name, "ORG", s, e, "az"))
    return mentions


# A quoted model's or make's name before the noun of what it is: “Bayraktar-TB2” silahlı kəşfiyyat pilotsuz uçuş
# aparatı, “Rafale” təyyarəsi, “Matador” tipli (of the type), “Kia Cadenza” markalı (of the make) maşın, “İsgəndər
# M” raketini, “DANA” özüyeriyən artilleriya sistemi. Up to three lower-case words between. The az stand-off gold
# annotates none (“Mercedes” markalı, “Black Hawk” hərbi helikopteri, “Embraer 190” təyyarəsinin); the model takes
# them for organisations.
_PRODUCT_AFTER = re.compile(r"[”\"»]((?:\s+[a-zəıöüğşç][\w-]*){0,3}?)\s+(?:pilotsuz|helikopter|təyyarə|tank|raket|"
                            r"tipli|markalı|modelli|zirehli|avtomobil|qırıcı|dron|sistem)")
# ... not when a word between says whose it is: “Improtex” şirkətlərinin istehsal etdiyi pilotsuz uçuş aparatı,
# “American Airlines” aviaşirkətinə məxsus təyyarə (the company makes or owns it)
_OWNER_WORDS = re.compile(r"şirkət|məxsus|istehsal|tərəfindən|ordu|qüvv")


def az_quoted_products(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions but a place or body that fills quotes before a product's noun (see `_PRODUCT_AFTER`). A case
    suffix on the closing quote makes the name an owner (“Hizbullah”ın raket sistemləri, “Azərbaycan Hava
    Yolları”na məxsus təyyarə) and keeps it."""
    out = []
    for m in mentions:
        hit = _PRODUCT_AFTER.match(text, m.end) if m.label in ("ORG", "LOC") and in_quotes(text, m.start, m.end) \
            else None
        if hit is None or _OWNER_WORDS.search(hit.group(1)):
            out.append(m)
    return out
