#!/usr/bin/env bash
# Rebuild models/ner-az from the repository plus ../shared (see models/ner-az/README.md).
# Deterministic on one machine: same files + same code + same seed -> same weights.
# About 30 min on one free core (8 epochs of ~3.5 min, plus scoring), 2.5 h on a busy one.
# Usage: bash models/train_ner_az.sh [OUT_DIR]     (default: models/ner-az; its README.md is kept)
#        PYTHON=/path/to/python bash models/train_ner_az.sh   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared/data
OUT=${1:-models/ner-az}
PYTHON=${PYTHON:-.venv/bin/python}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1  # one core: the machine is shared
# The stand-off file holds offsets only: its sentences are read from $SHARED/real-news at training time,
# and 15 % of its articles (seed 0, by article id) are held out and scored every epoch, never trained on.
"$PYTHON" -m newsmon train ner --lang az \
  --train "$SHARED/wikiann-az/train.iob" --train "$SHARED/wikiann-az/extra.iob" \
  --train corpus/training/az-news.iob \
  --train-standoff corpus/training/az-realnews-ner.jsonl --real-news "$SHARED/real-news" --standoff-copies 2 \
  --dev "$SHARED/wikiann-az/dev.iob" --out "$OUT" --epochs 8 --seed 0
