"""Chat template: a short conversation beside the exact token stream a chat model reads.

The template is ChatML-style (OpenAI's Chat Markup Language, 2023): every message is wrapped as
`<|im_start|>role\\n ... <|im_end|>\\n`. Token pieces and IDs are those of tiktoken's
`cl100k_base` encoding extended with the two ChatML special tokens (`<|im_start|>` = 100264,
`<|im_end|>` = 100265, the `cl100k_im` example in tiktoken's README). They are stored here as
constants because the page has no tokenizer; tests/unit/test_chat_template.py re-encodes every
conversation with tiktoken and checks them. Each special token counts as one token.

The conversations themselves are made up for the book.
"""
from widgets._params import Choice, Flag, clean
from widgets._text import visible

TITLE = "Chat template"
ENCODING = "cl100k_base + ChatML special tokens (cl100k_im)"
IM_START = ("<|im_start|>", 100264)
IM_END = ("<|im_end|>", 100265)
NEWLINE = ("\n", 198)

LABELS = {
    "capital": "A plain question",
    "unsure": "Saying “I don't know”",
    "two_turns": "Two turns",
}

# conversation -> [(role, role tokens, content tokens)], tokens as (piece, id).
CONVERSATIONS = {
    'capital': [
        ('system', [('system', 9125)],
         [('You', 2675), (' are', 527), (' a', 264), (' helpful', 11190), (' assistant', 18328), ('.', 13)]),
        ('user', [('user', 882)],
         [('What', 3923), (' is', 374), (' the', 279), (' capital', 6864), (' of', 315), (' France', 9822), ('?', 30)]),
        ('assistant', [('assistant', 78191)],
         [('The', 791), (' capital', 6864), (' of', 315), (' France', 9822), (' is', 374), (' Paris', 12366), ('.', 13)]),
    ],
    'unsure': [
        ('system', [('system', 9125)],
         [('You', 2675), (' are', 527), (' a', 264), (' careful', 16994), (' assistant', 18328), ('.', 13), (' If', 1442), (' you', 499), (' do', 656), (' not', 539), (' know', 1440), (',', 11), (' say', 2019), (' so', 779), ('.', 13)]),
        ('user', [('user', 882)],
         [('Who', 15546), (' won', 2834), (' the', 279), (' ', 220), ('193', 7285), ('2', 17), (' chess', 33819), (' cup', 10747), (' in', 304), (' Lower', 28636), (' W', 468), ('ibble', 83518), ('ton', 783), ('?', 30)]),
        ('assistant', [('assistant', 78191)],
         [('I', 40), (' don', 1541), ("'t", 956), (' know', 1440), ('.', 13), (' I', 358), (' can', 649), ("'t", 956), (' find', 1505), (' any', 904), (' record', 3335), (' of', 315), (' that', 430), (' event', 1567), ('.', 13)]),
    ],
    'two_turns': [
        ('user', [('user', 882)],
         [('Give', 36227), (' me', 757), (' a', 264), (' word', 3492), (' that', 430), (' rh', 22408), ('ymes', 79809), (' with', 449), (' cat', 8415), ('.', 13)]),
        ('assistant', [('assistant', 78191)],
         [('Hat', 73387), ('.', 13)]),
        ('user', [('user', 882)],
         [('Another', 14364), (' one', 832), ('?', 30)]),
        ('assistant', [('assistant', 78191)],
         [('Mat', 11836), ('.', 13)]),
    ],
}

PARAMS = {
    "chat_example": Choice("capital", tuple(CONVERSATIONS), label="Conversation"),
    "chat_raw": Flag(False, label="Show the raw text the model reads"),
}


def text_of(tokens) -> str:
    return "".join(piece for piece, _ in tokens)


def template_text(example: str) -> str:
    """The conversation as one ChatML string (what goes into the tokenizer)."""
    return "".join(f"{IM_START[0]}{role}\n{text_of(content)}{IM_END[0]}\n"
                   for role, _, content in CONVERSATIONS[example])


def stream(example: str) -> list[dict]:
    """Every token the model reads, in order, tagged with its kind and its message.

    kind: "special" (the ChatML markers), "role" (the role name), "format" (the newlines the
    template adds) or "content" (the message text). "shown" is the piece as a chip prints it,
    spaces as ␣ and the newline as ↵."""
    out = []
    for m, (role, role_tokens, content) in enumerate(CONVERSATIONS[example]):
        parts = ([(IM_START, "special")] + [(t, "role") for t in role_tokens]
                 + [(NEWLINE, "format")] + [(t, "content") for t in content]
                 + [(IM_END, "special"), (NEWLINE, "format")])
        for (piece, tid), kind in parts:
            out.append({"piece": piece, "shown": visible(piece), "id": tid, "kind": kind,
                        "message": m, "role": role})
    return out


def view(state) -> dict:
    state = clean(PARAMS, state)
    example = state["chat_example"]
    tokens = stream(example)
    messages = []
    for m, (role, _, content) in enumerate(CONVERSATIONS[example]):
        mine = [t for t in tokens if t["message"] == m]
        messages.append({"role": role, "text": text_of(content), "tokens": len(mine),
                         "content_tokens": len(content)})
    counts = {kind: sum(1 for t in tokens if t["kind"] == kind)
              for kind in ("special", "role", "format", "content")}
    return {
        "state": state,
        "labels": LABELS,
        "encoding": ENCODING,
        "messages": messages,
        "tokens": tokens,
        "total": len(tokens),
        "counts": counts,
        "overhead": len(tokens) - counts["content"],
        "raw": template_text(example),
    }
