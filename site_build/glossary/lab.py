TERMS = {
    "perplexity": "How unsure a model is about the next token, on average: a perplexity of 10 "
                  "means it is as unsure as if it picked among 10 equally likely tokens. Lower "
                  "is better.",
    "held-out": "Kept apart from training, so it can test whether a model learned general "
                "patterns instead of memorising the text it trained on.",
    "checkpoint": "A saved copy of a model's numbers at one moment of training.",
}
