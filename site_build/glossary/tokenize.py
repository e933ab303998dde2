TERMS = {
    "tokenizer": "The fixed program that cuts text into tokens and gives each one its number; it "
                 "is built once, before the model is trained, and never changes after.",
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
