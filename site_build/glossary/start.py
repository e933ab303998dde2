TERMS = {
    "LLM": "Large language model: a program that has learned, from a huge amount of text, to "
           "predict the next piece of text, and writes by doing that over and over.",
    "inference": "Using a finished model: running it on your message to produce a reply. Its "
                 "numbers stay fixed; nothing is learned.",
}
