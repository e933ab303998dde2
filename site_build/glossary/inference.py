TERMS = {
    "sampler": "The small piece of code outside the model that turns the model's scores into "
               "probabilities and picks the next token.",
    "greedy decoding": "Always taking the single most likely next token: what temperature 0 does.",
}
