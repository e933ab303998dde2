"""The Tokens chapter's data: which texts are split, and the real tokenizers that split them
(tiktoken, built offline from the pinned rank files by site_build.tokenizer_data)."""
from __future__ import annotations

from widgets._text import visible

ENCODINGS = ("gpt2", "cl100k_base", "o200k_base")

# key: text to split. A leading space is part of the text (it is how a word usually appears
# mid-sentence).
WORDS = {
    "strawberry": "strawberry",
    "space_strawberry": " strawberry",
    "space_tokenization": " tokenization",
    "hello": "hello",
    "space_hello": " hello",
    "Hello": "Hello",
    "12345": "12345",
    "space_2024": " 2024",
    "emoji": "\N{STRAWBERRY}",
}

# Words whose splits the chapter's prose discusses (in the newer encodings only).
STEMS = {"walked": " walked", "walking": " walking", "walker": " walker"}
UNHELPFULNESS = "unhelpfulness"

# One sentence, in the book's own translations. Counts are tokens for the whole sentence.
LANGUAGES = {
    "en": ("English", "My grandmother grows tomatoes in her garden."),
    "es": ("Spanish", "Mi abuela cultiva tomates en su jardín."),
    "fr": ("French", "Ma grand-mère cultive des tomates dans son jardin."),
    "de": ("German", "Meine Großmutter baut in ihrem Garten Tomaten an."),
    "ru": ("Russian", "Моя бабушка выращивает помидоры в своём саду."),
    "el": ("Greek", "Η γιαγιά μου καλλιεργεί ντομάτες στον κήπο της."),
    "hi": ("Hindi", "मेरी दादी अपने बगीचे में टमाटर उगाती हैं।"),
    "ar": ("Arabic", "تزرع جدتي الطماطم في حديقتها."),
    "zh": ("Chinese", "我的奶奶在她的花园里种西红柿。"),
    "ja": ("Japanese", "祖母は庭でトマトを育てています。"),
    "ko": ("Korean", "할머니는 정원에서 토마토를 키우십니다."),
}


def encoding(name: str):
    from site_build.tokenizer_data import tiktoken_encoding
    return tiktoken_encoding(name)


def ids(text: str, enc: str) -> list[int]:
    return encoding(enc).encode(text, disallowed_special=())


def piece_label(b: bytes) -> str:
    """A token's text with its spaces shown as ␣ (a tab as →, a line break as ↵); bytes that are
    not whole characters are shown in hex, in angle brackets."""
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        return "⟨" + b.hex(" ") + "⟩"
    return visible(s)


def split(text: str, enc: str) -> str:
    e = encoding(enc)
    return " · ".join(f"{piece_label(e.decode_single_token_bytes(i))} ({i})"
                      for i in ids(text, enc))


def count(text: str, enc: str) -> int:
    return len(ids(text, enc))


def ratio(code: str, enc: str) -> float:
    return count(LANGUAGES[code][1], enc) / count(LANGUAGES["en"][1], enc)


def vocabulary_size(enc: str) -> int:
    """Tokens the encoding really has: its ordinary tokens plus its special control tokens.
    (tiktoken's n_vocab is the highest ID plus one, larger when IDs are left unused.)"""
    e = encoding(enc)
    return len(e.token_byte_values()) + len(e.special_tokens_set)
