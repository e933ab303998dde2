TERMS = {
    "self-supervised": "Learning from answers that come free with the data, such as the next "
                       "word of a text, instead of labels written by people.",
    "cross-entropy loss": "The training score for next-token prediction: minus the logarithm of "
                          "the probability the model gave the true next token. Lower is better.",
    "nats": "The unit of a loss computed with natural logarithms (like bits, which use base 2).",
    "gradient descent": "Improving a model by repeatedly nudging each of its numbers a little in "
                        "the direction that lowers the loss.",
    "batch": "A group of inputs processed together in one go. In training, the text behind one "
             "adjustment of the model (millions of tokens in large runs); in serving, the "
             "requests answered side by side.",
    "learning rate": "How big each gradient-descent step is.",
    "backpropagation": "The algorithm that works out, for every number in a network at once, "
                       "which way and how strongly it affects the loss.",
    "base model": "A model straight out of pre-training: it continues text well but has not been "
                  "taught to follow instructions or hold a conversation.",
    "Common Crawl": "A public archive of billions of web pages, the usual raw material for "
                    "pre-training data.",
    "FLOPs": "Floating-point operations: the count of arithmetic steps, used to measure how much "
             "computation a training run takes.",
    "continued pre-training": "Taking a finished base model and playing the same next-token game "
                              "on new text, to extend or specialise what it knows.",
    "catastrophic forgetting": "A network losing old skills when trained hard on new material.",
    "knowledge cutoff": "The date after which a model's training text, and so its knowledge, "
                        "stops.",
    "robots.txt": "A file on a website that tells automatic crawlers which pages to leave alone. "
                  "Obeying it is voluntary.",
    "fair use": "A rule of United States copyright law that allows some uses of a work without "
                "permission; courts weigh each case.",
    "model collapse": "The loss of rare and varied patterns when models are trained on text "
                      "written by other models.",
}
