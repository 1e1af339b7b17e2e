"""Server-side charts with matplotlib (Figure objects rendered by Agg/SVG: no display, no JavaScript).

SVG for the web UI (inline, scales with the page, text stays text) and PNG for e-mail (mail clients
show PNG attachments referenced by cid: but strip inline SVG). Every chart is drawn from plain data
(`days` and named `series`), the same data `?format=json` returns beside it.
"""
from __future__ import annotations

import io
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import matplotlib
import matplotlib.dates as mdates
from matplotlib.figure import Figure  # used without pyplot: no backend, no display, no global state

# a colour-blind-safe qualitative palette (Okabe-Ito), in order of use
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "newsmon",  # text as text; stable ids
                            "font.size": 9, "axes.spines.top": False, "axes.spines.right": False})


def short(name: str, width: int = 38) -> str:
    """A legend or axis label cut to `width` characters (long agency names would squeeze the plot)."""
    return name if len(name) <= width else name[: width - 1] + "…"


def _figure(width: float = 7.5, height: float = 2.8) -> Figure:
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _encode(fig: Figure, fmt: str) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, metadata={"Date": None} if fmt == "svg" else {"Software": None})
    data = buf.getvalue()
    if fmt == "png":  # a palette PNG: a third of the bytes for the same picture (e-mail weight)
        from PIL import Image
        out = io.BytesIO()
        Image.open(io.BytesIO(data)).convert("RGB").quantize(colors=64).save(out, format="PNG", optimize=True)
        data = out.getvalue()
    if fmt == "svg":  # drop the XML prolog and DOCTYPE: the SVG goes inline into an HTML page
        data = re.sub(rb"^.*?(<svg)", rb"\1", data, count=1, flags=re.S)
    return data


_LOCK = threading.Lock()  # matplotlib is not thread-safe; the web server renders from several threads
_CACHE: OrderedDict[str, bytes] = OrderedDict()  # the same data draws the same picture: a page reloaded,
CACHE_SIZE = 64                                  # or asked for by several readers, is drawn once


def time_series(days: Sequence[str], series: Sequence[dict[str, Any]], title: str, fmt: str = "svg",
                ylabel: str = "mentions", width: float = 7.5, stacked: bool = False) -> bytes:
    """Lines (or stacked bars) of counts per day, one per series ({"name", "counts"})."""
    key = json.dumps([list(days), [[s["name"], list(s["counts"])] for s in series], title, fmt, ylabel,
                      width, stacked])
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
        data = _time_series(days, series, title, fmt, ylabel, width, stacked)
        _CACHE[key] = data
        if len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
        return data


def _time_series(days: Sequence[str], series: Sequence[dict[str, Any]], title: str, fmt: str,
                 ylabel: str, width: float, stacked: bool) -> bytes:
    from datetime import date
    fig = _figure(width, 2.6 + 0.22 * ((len(series) + 2) // 3))
    ax = fig.add_subplot()
    x = [date.fromisoformat(d) for d in days]
    # a bar is as wide as its bucket (a day, week or month), less a gap: 0.8 of a day vanishes by the month
    step = min(((b - a).days for a, b in zip(x, x[1:])), default=1)
    bottom = [0] * len(days)
    for i, s in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        if stacked:
            ax.bar(x, s["counts"], bottom=bottom, label=short(s["name"], 30), color=colour, width=0.8 * step)
            bottom = [b + c for b, c in zip(bottom, s["counts"])]
        else:
            # labels cut to 30 characters: three legend columns of long agency names fit the figure
            ax.plot(x, s["counts"], marker="o", markersize=3, linewidth=1.6, label=short(s["name"], 30),
                    color=colour)
    ax.set_title(title, loc="left", fontsize=10)
    ax.set_ylabel(ylabel)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(bottom=0)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if series:  # below the plot, so a narrow (phone) rendering keeps the plot wide
        fig.legend(loc="outside lower center", ncols=min(3, len(series)), frameon=False, fontsize=8)
    return _encode(fig, fmt)
