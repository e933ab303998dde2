"""The Pre-training chapter's published numbers: training-set sizes and the stock of text."""

from widgets.chinchilla import MODELS as _CHIN

# Training-set sizes in tokens, as reported by each model's paper.
DATASETS = [
    ("GPT-3", 2020, 300e9),          # Brown et al. 2020
    ("Gopher", 2021, _CHIN["gopher"]["tokens"]),          # Rae et al. 2021
    ("Chinchilla", 2022, _CHIN["chinchilla"]["tokens"]),  # Hoffmann et al. 2022
    ("Llama 2", 2023, 2e12),         # Touvron et al. 2023
    ("Llama 3", 2024, 15e12),        # Llama Team 2024
]
# Villalobos et al. (2024 revision): effective stock of quality-adjusted public human text,
# median ~300 trillion tokens, 90% interval ~100T to ~1000T.
STOCK_MEDIAN, STOCK_LOW, STOCK_HIGH = 300e12, 100e12, 1000e12
