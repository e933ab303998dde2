TERMS = {
    "embedding": "The list of numbers a model uses for a token: a learned position in a space "
                 "where nearby points have related meanings.",
    "cosine similarity": "How closely two vectors point the same way: 1 for the same direction, "
                         "0 at right angles, −1 for opposite directions.",
    "word2vec": "A 2013 method that gave each word one fixed vector learned from its neighbours "
                "in text; the source of the famous king − man + woman ≈ queen result.",
    "RoPE": "Rotary position embedding: a way to tell the model where each token sits by "
            "rotating parts of its vectors by an angle that grows with position.",
    "positional encoding": "Extra information added to each token's vector saying where in the "
                           "text it sits, so the model can tell “dog bites man” from “man bites "
                           "dog”.",
}
