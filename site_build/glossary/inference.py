TERMS = {
    "sampler": "The small piece of code outside the model that turns the model's scores into "
               "probabilities and picks the next token.",
    "greedy decoding": "Always taking the single most likely next token: what temperature 0 does.",
    "end token": "A special token that means \"the reply is finished\". When the model picks it, "
                 "the generation loop stops.",
    "top-k": "A sampler setting that keeps only the k most likely next tokens and draws from "
             "those.",
    "top-p": "A sampler setting (also called nucleus sampling) that keeps the smallest group of "
             "most likely tokens whose probabilities add up to at least p, and draws from those.",
    "KV cache": "The keys and values a model has already computed for earlier tokens, kept in "
                "memory so each new token only needs its own. It grows with every token of the "
                "conversation.",
    "prefill": "The first phase of answering: reading the whole prompt in one parallel pass, "
               "limited by how fast the chip can do arithmetic. The second phase, decode, writes "
               "the reply one token per pass and is limited by how fast memory can be read.",
    "test-time compute": "Computation spent while answering rather than while training, usually "
                         "by letting the model write out its working before the final answer.",
}
