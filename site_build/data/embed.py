"""The Embeddings chapter's data: illustrative 2-D word directions, and angles between them."""
import math

from widgets.embedding_map import cosine as _cos

# Illustrative 2-D directions for three words (not from a model).
VECTORS = {"cat": (3.0, 2.2), "kitten": (2.6, 2.9), "invoice": (2.4, -2.9)}


def cosine(u, v) -> float:
    return _cos(u, v)


def angle_degrees(u, v) -> float:
    return math.degrees(math.acos(max(-1.0, min(1.0, cosine(u, v)))))
