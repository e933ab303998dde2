TERMS = {
    "hallucination": "A fluent, confident answer that is false, such as an invented citation or "
                     "a wrong date stated as fact.",
    "tool call": "Text a model writes in an agreed format to ask ordinary software to do "
                 "something (search, run code, look up the weather); the software runs it and "
                 "pastes the result back into the context.",
    "function calling": "Another name for tool calls: the model writes a structured request "
                        "naming a function and its arguments, and the app decides whether to "
                        "run it.",
    "retrieval-augmented generation": "Searching a document store for passages that match a "
                                      "question and pasting the best ones into the model's "
                                      "context, so it can answer from them.",
    "RAG": "Retrieval-augmented generation: search documents, paste the best passages into the "
           "context, answer from them.",
    "MCP": "Model Context Protocol: an open standard, published by Anthropic in November 2024, "
           "for describing tools and data sources to a model in one shared format, so a tool "
           "written once works with any app that supports it.",
    "agent": "A model that calls tools in a loop (think, act, read the result, repeat) until a "
             "task is done.",
    "prompt injection": "An attack that hides instructions inside content a model reads for "
                        "someone else, such as a web page or a document.",
    "jailbreak": "A prompt written to talk a model out of its safety rules.",
    "benchmark": "A fixed set of test questions with known answers, used to compare models.",
    "contamination": "Test questions or their answers leaking into a model's training data, so a "
                     "benchmark score partly measures memory.",
    "pass@k": "The share of problems where at least one of k attempts is right; pass@1 is the "
              "share solved on a single try.",
    "in-context learning": "A model picking up a task from examples or instructions in its "
                           "prompt, with no change to its weights.",
    "system prompt": "Instructions an app places at the start of the context, before the user's "
                     "messages, to set the assistant's role and rules.",
}
