TERMS = {
    "self-attention": "The step in which every token looks at the other tokens of the text and "
                      "blends in information from the ones most relevant to it.",
    "causal attention": "Self-attention in which each token may look only at itself and earlier "
                        "tokens, never later ones, so a model cannot peek at the words it is "
                        "about to predict.",
    "causal mask": "The rule that sets attention to every later token to exactly zero.",
    "attention head": "One of several parallel attention units in a layer, each with its own "
                      "learned way of deciding which tokens matter.",
    "recurrent neural network": "An older design that reads text one token at a time, carrying a "
                                "single running memory from each step to the next.",
    "LSTM": "Long short-term memory: a recurrent network with gates that decide what to keep and "
            "what to forget, the leading design for language before the Transformer.",
    "GPU": "Graphics processing unit: a chip with thousands of small arithmetic units that do the "
           "same operation on many numbers at once, the workhorse of AI training.",
    "matrix multiplication": "Multiplying grids of numbers by other grids; nearly all of a "
                             "Transformer's work, and exactly what GPUs are built to do fast.",
    "FlashAttention": "A way of computing exactly the same attention with far less data shuffled "
                      "between a GPU's slow and fast memory, and so faster.",
    "sliding-window": "Attention limited to a fixed number of recent tokens, cheaper on long "
                      "texts. What lies further back reaches a token only if earlier layers "
                      "relayed it forward, step by step.",
    "Transformer": "The design behind today's language models (2017): a stack of identical "
                   "layers, each an attention step followed by a feed-forward block.",
    "parameter": "One of the adjustable numbers inside a model, set by training. A 7B model has "
                 "about seven billion of them.",
    "feed-forward block": "The second half of each Transformer layer: a calculation applied to "
                          "each token on its own. It holds about two thirds of a layer's "
                          "parameters.",
    "residual stream": "The running list of numbers for each token that passes up through the "
                       "layers; each attention step and feed-forward block adds its result to "
                       "it rather than replacing it.",
}
