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
    "softmax": "The step that turns a list of scores into probabilities: positive shares that "
               "add up to 100%, with higher scores getting bigger shares.",
    "temperature": "A sampler setting that sharpens (below 1) or flattens (above 1) the "
                   "probabilities before a token is drawn. At 0 the top token is always taken.",
    "mixture of experts": "A design in which each layer holds many feed-forward blocks "
                          "(experts) but each token uses only a few of them, so only a fraction "
                          "of the parameters work on any one token.",
    "active parameters": "In a mixture-of-experts model, the parameters actually used for one "
                         "token, as opposed to the total stored.",
    "quantization": "Storing a model's numbers with fewer bits each (say 8 or 4 instead of 16), "
                    "so it needs less memory and runs faster, at some cost in quality.",
    "model card": "The page a model's maker publishes with it: its size, training, intended "
                  "uses, test results and known limits.",
    "open weights": "A model whose trained numbers anyone can download and run. Closed models "
                    "are reached only through their maker's service.",
    "test-time compute": "Computation spent while answering rather than while training, usually "
                         "by letting the model write out its working before the final answer.",
}
