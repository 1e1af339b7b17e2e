#!/usr/bin/env bash
# Rebuild models/ner-az from the repository plus ../shared (see models/ner-az/README.md).
# Deterministic on one machine: same files + same seed -> same weights.
# Usage: bash models/train_ner_az.sh [OUT_DIR]     (default: models/ner-az)
#        PYTHON=/path/to/python bash models/train_ner_az.sh   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared/data/wikiann-az
OUT=${1:-models/ner-az}
PYTHON=${PYTHON:-.venv/bin/python}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1  # one core: the machine is shared
"$PYTHON" -m newsmon train ner --lang az \
  --train "$SHARED/train.iob" --train "$SHARED/extra.iob" --train corpus/training/az-news.iob \
  --dev "$SHARED/dev.iob" --out "$OUT" --epochs 20 --seed 0
