TERMS = {
    "tokenizer": "The fixed program that cuts text into tokens and gives each one its number. It "
                 "is built before the model is trained, and its vocabulary stays fixed after, "
                 "apart from a few special marker tokens (such as chat markers) that may be "
                 "added for fine-tuning.",
    "token": "The unit a language model reads and writes: a whole word, a piece of a word, a "
             "punctuation mark or a single byte, each with its own number.",
    "vocabulary": "The complete list of tokens a tokenizer can produce, each with its number: "
                  "about 100,000 for GPT-4's tokenizer.",
    "token ID": "The whole number a tokenizer gives a token, such as 73700. It is a name tag, an "
                "index into a table; it says nothing about meaning.",
    "subword": "A piece of a word, such as “ization”: the unit most tokenizers use, between "
               "single letters and whole words.",
    "byte-pair encoding": "A way to build a tokenizer's vocabulary: start from single bytes, "
                          "then repeatedly glue the most frequent neighbouring pair into a new "
                          "token.",
    "BPE": "Byte-pair encoding: start from single bytes, then repeatedly glue the most frequent "
           "neighbouring pair into a new token.",
    "context window": "The most tokens a model can take in at once. Anything outside it does not "
                      "exist for the model.",
    "UTF-8": "The standard way to write any character as one to four bytes. Byte-level "
             "tokenizers start from these bytes, so no text is unrepresentable.",
}
