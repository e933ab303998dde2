"""Base model or assistant: the same question to the lab model before and after supervised
fine-tuning (SFT), side by side, live.

The base model (`_lm.load("base")`) only ever read plain text, so it gets the question as plain
text and continues it. The fine-tuned model (`_lm.load("sft")`) gets the question inside the chat
template (`_lm.chat(q)`: <|user|> question<|end|><|assistant|>) and writes an answer, which it
ends with <|end|>. Both write greedily (temperature 0: the most likely token each time), so a
shared link shows the same replies. Each reply is shown as the raw token stream the model read
and wrote, with the special tokens marked.

Typed text is always plain text here: a question that contains a marker's spelling (say
"<|end|>") is read as those characters, never as the special token, as real chat systems do
with what users type (so a reader cannot close the user's turn early).
"""
from __future__ import annotations

from widgets import _bpe, _lm
from widgets._params import Text, clean
from widgets._text import visible

TITLE = "Base model or assistant"
FILES = ["lab/base.bin", "lab/sft.bin"]
MAX_NEW = 32                  # tokens each model may write
MAX_QUESTION = 200            # characters a question (and a link) may hold
# The chat template's markers before and after the question, taken from _lm.chat itself (the one
# place the template is written): "<|user|>" and "<|end|><|assistant|>".
BEFORE, AFTER = _lm.chat("\x00").split(" \x00")
EXAMPLES = ["What is the capital of Norland?", "What does a goat eat?", "Tell me about Mira.",
            "What is 7 plus 5?", "What colour is the kite?"]

PARAMS = {
    "labchat_q": Text(EXAMPLES[0], max_len=MAX_QUESTION, label="Your question"),
}

_REPLIES: dict = {}
_REPLIES_MAX = 16


def plain(m, text: str) -> list[int]:
    """Token ids of typed text, read as the lab model reads any text (a space before a first
    word), marker spellings included as plain characters."""
    if text and not text[0].isspace():
        text = " " + text
    return m.tokenizer.encode(text, allow_special=False)


def room(m) -> int:
    """Most question tokens kept, so the template and a whole reply fit in the context."""
    return m.C - MAX_NEW - 3


def base_prompt(m, question: str) -> tuple[list[int], int]:
    """(ids the base model reads, tokens clipped from the question's start)."""
    ids = plain(m, question.strip())
    cut = max(0, len(ids) - room(m))
    return ids[cut:], cut


def chat_prompt(m, question: str) -> tuple[list[int], int]:
    """(ids of the chat template around the question, tokens clipped from the question's start):
    the same ids as m.encode(_lm.chat(question)) for any question without a marker's spelling.
    Only the template's own markers are special tokens; the question is encoded as plain text."""
    ids = plain(m, question.strip())
    cut = max(0, len(ids) - room(m))
    return m.tokenizer.encode(BEFORE) + ids[cut:] + m.tokenizer.encode(AFTER), cut


def greedy(m, ids: list[int], stops: tuple[int, ...], max_new: int = MAX_NEW) -> tuple[list[int], bool]:
    """(generated ids, stopped): the most likely token each time, until a stop token (included)
    or max_new tokens, or until the context is full. Not m.generate_tokens at temperature 0: this
    view shows the stop token the model chose as a chip, and a reply that fills the context ends
    there instead of sliding the window."""
    key = (id(m), tuple(ids), stops, max_new)
    if key in _REPLIES:
        return _REPLIES[key]
    seq = m.clip(list(ids)) or [m.eot]
    cache, hidden, _ = m.run(seq)
    out, stopped = [], False
    for _ in range(max_new):
        logits = m.unembed(hidden)
        nxt = max(range(len(logits)), key=logits.__getitem__)
        out.append(nxt)
        if nxt in stops:
            stopped = True
            break
        if cache["n"] >= m.C:
            break
        hidden = m.step(nxt, cache)
    if len(_REPLIES) >= _REPLIES_MAX:
        _REPLIES.pop(next(iter(_REPLIES)))
    _REPLIES[key] = (out, stopped)
    return out, stopped


def piece(m, i: int) -> str:
    """A token as text; a token that is only part of a character is written as its bytes."""
    raw = m.tokenizer.piece(i)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return "<" + " ".join(f"{b:02x}" for b in raw) + ">"


def chips(m, ids: list[int], kind: str) -> list[dict]:
    specials = set(m.tokenizer.special_ids.values())
    return [{"id": i, "text": visible(piece(m, i), codes=True),
             "kind": "special" if i in specials else kind} for i in ids]


def side(m, prompt: list[int], stops: tuple[int, ...], cut: int) -> dict:
    out, stopped = greedy(m, prompt, stops)
    specials = set(m.tokenizer.special_ids.values())
    words = [i for i in out if i not in specials]
    return {
        "stream": chips(m, prompt, "prompt") + chips(m, out, "reply"),
        "reply": m.decode(words).strip(),
        "prompt_tokens": len(prompt),
        "reply_tokens": len(out),
        "stopped": stopped,
        "stop": piece(m, out[-1]) if stopped else "",
        "clipped": cut,
    }


def view(state) -> dict:
    state = clean(PARAMS, state)
    q = state["labchat_q"]
    base, sft = _lm.load("base"), _lm.load("sft")
    bp, bcut = base_prompt(base, q)
    cp, ccut = chat_prompt(sft, q)
    return {
        "state": state,
        "examples": EXAMPLES,
        "max_new": MAX_NEW,
        "markers_typed": any(s in q for s in _bpe.SPECIALS),
        "base": side(base, bp, (base.eot,), bcut),
        "sft": side(sft, cp, (sft.end, sft.eot), ccut),
    }
