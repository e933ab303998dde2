"""Token IDs, splits and counts quoted in the Tokens chapter, computed with the real tiktoken.
The texts and the tokenizers live in site_build.data.tokenize (shared with the figures)."""
from __future__ import annotations

from site_build.data.tokenize import (ENCODINGS, LANGUAGES, STEMS, UNHELPFULNESS, WORDS,  # noqa: F401
                                      count, encoding, ids, piece_label, ratio, split,
                                      vocabulary_size)


def facts() -> dict[str, str]:
    out: dict[str, str] = {}
    for enc in ENCODINGS:
        (sid,) = ids(" strawberry", enc)
        out[f"tokenize.strawberry.{enc}"] = str(sid)
        if enc != "gpt2":      # gpt2 uses every ID, so its n_vocab is its vocabulary size
            out[f"tokenize.n_vocab.{enc}"] = f"{encoding(enc).n_vocab:,}"
        out[f"tokenize.vocab.{enc}"] = f"{vocabulary_size(enc):,}"
        for key, text in WORDS.items():
            out[f"tokenize.split.{key}.{enc}"] = split(text, enc)
        for code, (_, sentence) in LANGUAGES.items():
            out[f"tokenize.lang.{code}.{enc}"] = str(count(sentence, enc))
        out[f"tokenize.lang.ratio.hi.{enc}"] = f"{ratio('hi', enc):.1f}×"
    for code, (name, sentence) in LANGUAGES.items():
        out[f"tokenize.lang.text.{code}"] = sentence
    out["tokenize.strawberry_nospace.count.cl100k_base"] = str(count("strawberry",
                                                                     "cl100k_base"))
    for key, text in STEMS.items():
        out[f"tokenize.stem.{key}.cl100k_base"] = split(text, "cl100k_base")
    for enc in ("cl100k_base", "o200k_base"):
        out[f"tokenize.unhelpfulness.{enc}"] = split(UNHELPFULNESS, enc)
    return out
