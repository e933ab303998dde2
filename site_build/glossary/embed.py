TERMS = {
    "embedding": "The list of numbers a model uses for a token: a learned position in a space "
                 "where nearby points have related meanings.",
    "cosine similarity": "How closely two vectors point the same way: 1 for the same direction, "
                         "0 at right angles, −1 for opposite directions.",
    "word2vec": "A 2013 method that gave each word one fixed vector learned from its neighbours "
                "in text; the source of the famous king − man + woman ≈ queen result.",
    "RoPE": "Rotary position embedding: the way most current models track word order. Inside "
            "every attention layer it turns each token's query and key by an angle that grows "
            "with position; nothing is added to the token's own numbers.",
    "positional encoding": "Information that tells the model where in the text each token sits, "
                           "so it can tell “dog bites man” from “man bites dog”. The original "
                           "Transformer added it to each token's numbers; most current models "
                           "use RoPE instead.",
    "patches": "The small squares a picture is cut into so that a model can read it like tokens.",
    "vector": "A list of numbers, read as a point or an arrow in a space with one direction per "
              "number.",
}
