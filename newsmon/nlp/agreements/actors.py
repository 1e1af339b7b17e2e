"""The article's main actors: who "the two sides", "tərəflər" or a sentence naming fewer than two parties
stands for, ranked by how often and how near the story names them."""
from __future__ import annotations

from collections import Counter

from newsmon.model import Party
from newsmon.nlp.agreements.parties import PartyContext, Sentence, is_place
from newsmon.nlp.agreements.party_names import name_key, to_party
from newsmon.text.normalize import fold


def salient(ctx: PartyContext, sent: Sentence, exclude: list[Party], kind: str | None,
            needed: int) -> list[Party]:
    """The article's main actors, for "the two sides" and for sentences that name fewer than two parties.

    An actor scores one per mention (venues and places do not count), two more when the title or lead
    paragraph names it and two more when this or the previous sentence does ("Mehdiyev met officials
    of the Korean ministry. The sides agreed..."). Organisations must be named by the end of the
    sentence; states ("the two countries", intergovernmental agreements) anywhere in the article.
    """
    taken = {fold(p.name) for p in exclude}
    idx = next((i for i, s in enumerate(ctx.sentences) if s.start == sent.start), 0)
    recent_start = ctx.sentences[idx - 1].start if idx > 0 else sent.start
    own_places = {name_key(m) for m in ctx.in_sentence(sent) if m.label == "LOC"
                  and is_place(m, sent, ctx.lexicons.get(sent.start), ctx.text)} if kind == "state" else set()
    refs: list[tuple[int, Party, bool]] = []  # position, party, counts as a mention
    for m in ctx.mentions:
        if kind == "country":
            if m.label == "LOC" and name_key(m) in ctx.countries and name_key(m) not in ctx.places:
                refs.append((m.start, to_party(m), True))
        elif kind == "state":
            if m.label == "LOC" and name_key(m) not in ctx.places and name_key(m) not in own_places \
                    and name_key(m) not in ctx.regions:
                refs.append((m.start, to_party(m), True))
        elif m.label == "ORG" and m.start < sent.end:
            refs.append((m.start, to_party(m), m.start not in ctx.venues))
    if kind not in ("state", "country"):
        refs += [(m.start, to_party(m), True) for m in ctx.heads if m.start < sent.end]
    counts: Counter[str] = Counter()
    lead: set[str] = set()
    recent: set[str] = set()
    first: dict[str, tuple[int, Party]] = {}
    for pos, party, counted in sorted(refs, key=lambda r: r[0]):
        key = fold(party.name)
        # an outlet the story cites somewhere ("Par Le Figaro avec AFP") is never guessed a party where it
        # is named otherwise ("Le Monde avec AFP", "© AFP"): it reports the news, it signs nothing
        if key in taken or key in ctx.sources or (kind == "agency" and "agency" not in key.split()):
            continue
        first.setdefault(key, (pos, party))
        if not counted:  # a venue ("toured the Public Service Hall") is no actor
            continue
        counts[key] += 1
        if pos < ctx.lead_end:
            lead.add(key)
        if recent_start <= pos < sent.end:
            recent.add(key)
    score = {k: counts[k] + 2 * (k in lead) + 2 * (k in recent) for k in first}
    # ties: the first named; a place only visited is no actor at all
    ranked = sorted((k for k in first if counts[k]), key=lambda k: (-score[k], first[k][0]))
    if not ranked and not exclude and kind is None:
        # no organisation named so far: a story of states and their leaders ("Bu gün imzalanmış Birgə
        # Bəyanat" after a meeting of two presidents) is bound by its countries (never a city or a street)
        return salient(ctx, sent, exclude, "country", needed)
    return [first[k][1] for k in ranked[:needed]]
