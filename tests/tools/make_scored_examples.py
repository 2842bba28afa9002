"""Write the metrics lab's scored examples: a JSON list of [score, label] pairs.

    python tests/tools/make_scored_examples.py > docs/assets/javascripts/widgets/metrics-lab/scored-examples.json

The output depends only on SEED: it uses the standard library's random(), whose
sequence for a given seed is stable across Python versions, and plain arithmetic
(no libm functions such as exp), so every machine prints the same file.
tests/test_metrics_lab.py checks that the committed file is exactly this output.
"""

from __future__ import annotations

import json
import random

SEED = 20240607
# Imbalanced on purpose, as most real problems are: 20% positives.
POSITIVES = 60
NEGATIVES = 240
# Where each class's scores sit, on the logit scale, and how widely they spread.
POSITIVE_CENTRE, NEGATIVE_CENTRE, SPREAD = 1.5, -2.0, 1.5
# Wrong answers the model is sure of, so the lab's confident-error count is never zero.
CONFIDENT_MISSES = 4  # real positives scored 0.1 or lower
CONFIDENT_FALSE_ALARMS = 6  # real negatives scored 0.9 or higher


def normal(rng: random.Random) -> float:
    """Roughly standard normal: the sum of four uniform draws, centred and scaled."""
    return (sum(rng.random() for _ in range(4)) - 2) * 1.7320508075688772


def logistic(z: float) -> float:
    """1 / (1 + e^-z), through a rational approximation of tanh(z / 2)."""
    x = z / 2
    tanh = max(-1.0, min(1.0, x * (27 + x * x) / (27 + 9 * x * x)))
    return 0.5 + 0.5 * tanh


def examples(seed: int = SEED) -> list[list]:
    rng = random.Random(seed)
    pairs = []
    for i in range(POSITIVES):
        if i < CONFIDENT_MISSES:
            score = 0.1 * rng.random()
        else:
            score = logistic(POSITIVE_CENTRE + SPREAD * normal(rng))
        pairs.append([round(score, 3), 1])
    for i in range(NEGATIVES):
        if i < CONFIDENT_FALSE_ALARMS:
            score = 0.9 + 0.1 * rng.random()
        else:
            score = logistic(NEGATIVE_CENTRE + SPREAD * normal(rng))
        pairs.append([round(score, 3), 0])
    # Highest score first, positives first among equal scores: one stable order.
    pairs.sort(key=lambda pair: (-pair[0], -pair[1]))
    return pairs


def to_json(pairs: list[list]) -> str:
    """One pair per line, so a change to the data reads well in a diff."""
    return "[\n" + ",\n".join(f"  {json.dumps(pair)}" for pair in pairs) + "\n]\n"


if __name__ == "__main__":
    print(to_json(examples()), end="")
