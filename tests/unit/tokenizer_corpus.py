"""A large, varied, deterministic corpus for checking the tokenizer against tiktoken.

`corpus(seed)` returns the same list of strings on every run and every machine (only
`random.Random(seed)` and literals below are used). It aims at the places a pre-tokenizer or a
merge loop can go wrong: scripts and case classes, combining marks, emoji sequences, digit runs,
contractions in odd cases, whitespace runs and newlines, control characters, code, URLs,
special-token strings, very long pieces, and random code points from every plane.
"""
from __future__ import annotations

import random

PROSE = [
    # English
    "How many r's are in strawberry? The quick brown fox jumps over the lazy dog.",
    "It's a truth universally acknowledged that a single man in possession of a good fortune "
    "must be in want of a wife. I'm sure you'll agree; we'd've known, wouldn't we?",
    "Tokenizers don't see letters: they see chunks, like \"straw\" + \"berry\". HELLO WORLD!!!",
    # French, German, Spanish, Portuguese, Italian, Polish, Turkish, Icelandic
    "L'été dernier, nous sommes allés à la plage ; c'était magnifique — n'est-ce pas ? «Oui»",
    "Größenwahnsinnige Straßenbahnfahrer überqueren die Brücke. Äpfel, Öl, Übermut, ẞ.",
    "¿Dónde está la biblioteca? ¡Mañana será otro día! El niño comió paella en Añorbe.",
    "Não há ninguém que não saiba: a ação é coração. Olá, São Paulo!",
    "Perché l'università è così cara? Però c'è un caffè lì.",
    "Zażółć gęślą jaźń. Łódź, Kraków, Gdańsk; źdźbło.",
    "Işık ılık süt iç; İstanbul'da ığdır. I ı İ i",
    "Þórður og Ægir fóru á ströndina; ð, þ, æ.",
    # Russian, Ukrainian, Greek
    "Съешь же ещё этих мягких французских булок, да выпей чаю. ПРИВЕТ, Мир!",
    "Ґанок, їжак, є, і — українська мова. Київ.",
    "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. ΑΘΗΝΑ, Ελλάδα; ς σ Σ ΐ ΰ",
    # Chinese, Japanese, Korean
    "我能吞下玻璃而不伤身体。人工智能正在改变世界，对吗？“引号”与《书名》。",
    "いろはにほへと ちりぬるを。東京都は日本の首都です。カタカナ、ｶﾀｶﾅ、ひらがな！",
    "다람쥐 헌 쳇바퀴에 타고파. 한국어는 재미있어요! 서울특별시",
    # Arabic, Hebrew, Persian, Urdu
    "نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر ومغلف بجلد أزرق. ٠١٢٣٤٥٦٧٨٩",
    "דג סקרן שט בים מאוכזב ולפתע מצא חברה. שָׁלוֹם עֲלֵיכֶם",
    "این یک متن فارسی است؛ ۱۲۳۴۵ تومان. اردو: یہ ایک جملہ ہے۔",
    # Hindi/Devanagari, Bengali, Tamil, Thai, Lao, Burmese, Georgian, Armenian, Amharic
    "ऋषियों को सताने वाले दुष्ट राक्षसों के राजा रावण का सर्वनाश करने वाले विष्णुवतार भगवान श्रीराम। १२३४",
    "আমি কাঁচ খেতে পারি, তাতে আমার কোনো ক্ষতি হয় না। তামিল: யாமறிந்த மொழிகளிலே தமிழ்மொழி",
    "เป็นมนุษย์สุดประเสริฐเลิศคุณค่า กว่าบรรดาฝูงสัตว์เดรัจฉาน ๑๒๓ ລາວ ພາສາ",
    "မြန်မာဘာသာ ქართული ენა ᲥᲐᲠᲗᲣᲚᲘ Հայերեն լեզու ኢትዮጵያ አማርኛ",
    # Vietnamese (precomposed and with combining marks)
    "Tiếng Việt có dấu: Trăm năm trong cõi người ta, chữ tài chữ mệnh khéo là ghét nhau.",
    "Tie\u0302\u0301ng Vie\u0323\u0302t vo\u031b\u0301i da\u0302\u0301u ro\u031b\u0300i: "
    "e\u0301 a\u0300 o\u0303 u\u0309 i\u0323",
    # Mixed scripts, case classes (o200k splits on case), titlecase and modifier letters
    "iPhone McDonald's HTTPServer XMLHttpRequest camelCaseWord ALLCAPS Titlecase ǅungla ǈ ǋ ǲ",
    "ʰello ʷorld ˢuper ᵃᵇᶜ ꜰᴀᴋᴇ ᴄᴀᴘs ǅ ǈ ǋ DŽ Dž dž ǰ ΐ ß ﬁ ﬂ Ⅻ ⅻ ½ ² ³ ① ⑩",
    "Cherokee: ᏣᎳᎩ ꮳꮃꭹ Glagolitic: ⰀⰁⰂ ⰰⰱⰲ Deseret: 𐐀𐐁 𐐨𐐩 Adlam: 𞤀𞤁 𞤢𞤣",
    "Math: 𝐀𝐁𝐂 𝑎𝑏𝑐 𝔸𝔹ℂ ∀x∈ℝ: x²≥0; ∑ᵢ aᵢ = ∫₀¹ f(x) dx ≈ π ≠ ∞",
]

EMOJI = [
    "👍", "👍🏻", "👍🏽", "👍🏿", "👩‍💻", "👨‍👩‍👧‍👦", "🧑🏾‍🚀", "🏳️‍🌈", "🏴‍☠️", "❤️", "❤️‍🔥",
    "🇫🇷", "🇯🇵", "🇺🇸🇬🇧", "🇦", "1️⃣", "#️⃣", "©️", "™", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "👁️‍🗨️", "🤷‍♀️",
    "😀😃😄", "🙂\u200d", "\u200d", "\ufe0f", "🫠", "🪿", "🫨", "🐈‍⬛", "🧔🏻‍♂️",
]

CODE = [
    "def encode(text: str) -> list[int]:\n    return [ord(c) for c in text]\n",
    "for (let i = 0; i < n; i++) {\n\tconsole.log(`item ${i}`);\n}\n",
    "#include <stdio.h>\nint main(void) {\n    printf(\"%d\\n\", 42);\n    return 0;\n}\n",
    "<script>alert(1)</script>\n<div class=\"x\" data-id='7'>&amp; &lt;</div>",
    "{\"key\": [1, 2.5e-3, true, null], \"nested\": {\"a\": \"b\"}}\n",
    "SELECT name, COUNT(*) FROM users WHERE age >= 18 GROUP BY name;\r\n",
    "    if x:\n        y = x ** 2  # square\n    else:\n\t\tpass\n\n\n",
    "$ ls -la /usr/local/bin | grep -E '^d' && echo \"done\" || exit 1\n",
    "fn main() { let v: Vec<u8> = vec![0x00, 0xFF]; println!(\"{:?}\", v); }",
    "x=1;y=2;;z=x+y//2%3**4<<5>>6&7|8^9~10",
    "a = b'\\x00\\xff' + r'\\d+' + f'{x!r:>10}'",
    "// comment\n/* block\n   comment */\n-- sql\n# hash\n<!-- html -->",
]

URLS = [
    "https://example.com/path/to/page?query=1&other=two#frag",
    "http://user:pass@localhost:8080/a/b/c.html",
    "mailto:someone@example.org",
    "ftp://ftp.example.net/pub/file.tar.gz",
    "https://de.wikipedia.org/wiki/Stra%C3%9Fe",
    "https://例え.jp/パス?q=東京",
    "www.example.co.uk/~user/index.php?id=42",
    "C:\\Users\\Name\\Documents\\file.txt",
    "/usr/lib/python3.11/site-packages/",
    "git@github.com:owner/repo.git",
]

SPECIAL = [
    "<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|endofprompt|>",
    "<|endoftext", "endoftext|>", "<|", "|>", "<||>", "<|endoftext|><|endoftext|>",
    "text<|endoftext|>more", " <|endoftext|> ", "<|startoftext|>", "<|im_start|>user",
]

CONTRACTION_STEMS = ["I", "you", "YOU", "we", "they", "He", "it", "that", "John", "JOHN",
                     "don", "DON", "can", "o", "rock", "x", "", " ", "1", "é", "Ж", "東"]
CONTRACTION_TAILS = ["s", "S", "t", "T", "re", "RE", "Re", "rE", "ve", "VE", "vE", "m", "M",
                     "ll", "LL", "Ll", "lL", "d", "D", "ſ", "st", "sx", "", "z", "K"]
APOSTROPHES = ["'", "’", "‘", "`", "´", "ʼ", "''"]

SPACES = [" ", "  ", "   ", "\t", "\t\t", "\n", "\n\n", "\r\n", "\r", "\r\r\n", " \n", "  \n",
          "\n ", "\n  ", " \t\n", "\u00a0", "\u3000", "\u2009", "\u200b", "\u2028", "\u2029",
          "\x0b", "\x0c", "\x85", "\x1c", "\x1d", "\x1e", "\x1f", "\u1680", "\u202f", "\u205f",
          "\ufeff", "\u180e", " \u00a0 ", "\n\u00a0\n"]

WORDS = ["hello", "world", "token", "strawberry", "Straße", "naïve", "café", "東京", "日本語",
         "привет", "ΑΒΓ", "שלום", "مرحبا", "नमस्ते", "สวัสดี", "한국어", "x", "I", "a", "ǅ",
         "e\u0301", "A\u0308", "\u0301", "\u0301\u0302\u0303", "ʰ", "123", "4567", "3.14",
         "!!!", "...", "?!", "--", "—", "/", "//", "\\", "@", "#", "$", "%", "&", "*", "(", ")",
         "[", "]", "{", "}", "<", ">", "=", "+", "_", "|", "~", "^", "'", '"', ",", ";", ":",
         "٣", "৪", "१२", "Ⅳ", "½", "²", "①", "𝟙", "🎉", "👍🏽", "🇩🇪"]

CONTROL = "".join(map(chr, [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0xAD, 0x200E, 0x200F,
                            0x202A, 0x202E, 0x2066, 0x2069, 0xFFF9, 0xFFFB, 0xE0001, 0xE007F]))

# Code-point pools for random strings (no surrogates anywhere).
POOLS = [
    (0x0000, 0x007F), (0x0080, 0x024F), (0x0250, 0x036F), (0x0370, 0x052F), (0x0530, 0x08FF),
    (0x0900, 0x0DFF), (0x0E00, 0x10FF), (0x1100, 0x1FFF), (0x2000, 0x2BFF), (0x2C00, 0x2FFF),
    (0x3000, 0x33FF), (0x3400, 0x9FFF), (0xA000, 0xABFF), (0xAC00, 0xD7FF), (0xE000, 0xF8FF),
    (0xF900, 0xFFFF), (0x10000, 0x1FFFF), (0x1F000, 0x1FAFF), (0x20000, 0x2FFFF),
    (0x30000, 0x3FFFF), (0xE0000, 0xE01EF), (0xF0000, 0x10FFFF),
]
INTERESTING = [0xFFFE, 0xFFFF, 0x10FFFF, 0xFFFD, 0x0345, 0x1E9E, 0x2126, 0x212A, 0x212B, 0x0130,
               0x0131, 0x017F, 0x03C2, 0x1FBE, 0x0390, 0x1F88, 0x1C89, 0x31350, 0x2EBF0, 0x16D40,
               0x1E5D0, 0xA7CB, 0x0870, 0x11F00, 0x1E030, 0x2FFFE, 0xD7FF, 0xE000]


def _scalar(rng: random.Random) -> str:
    lo, hi = rng.choice(POOLS)
    c = rng.randint(lo, hi)
    if 0xD800 <= c <= 0xDFFF:
        c = 0xFFFD
    return chr(c)


def _random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.6:
            out.append(_scalar(rng))
        elif r < 0.7:
            out.append(chr(rng.choice(INTERESTING)))
        elif r < 0.85:
            out.append(rng.choice(SPACES))
        else:                                   # uniform over all scalar values
            c = rng.randint(0, 0x10FFFF - 0x800)
            out.append(chr(c + 0x800 if c >= 0xD800 else c))
    return "".join(out)


def _digits(rng: random.Random) -> list[str]:
    out = []
    for n in range(1, 41):
        d = "".join(rng.choice("0123456789") for _ in range(n))
        out.append(d)
        out.append(" " + d)
        out.append("x" + d + "y")
        out.append(d + "th")
        sep = rng.choice([",", ".", " ", "_", "-", "/", ":", "'", "\u00a0", "\u202f", "٫"])
        out.append(sep.join(d[i:i + 3] for i in range(0, n, 3)))
        out.append("$" + d + ".99")
    # Non-ASCII digits and other numbers (Nd, Nl, No)
    for block in ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯", "๐๑๒๓๔๕๖๗๘๙",
                  "０１２３４５６７８９", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", "½¼¾²³¹⁰⁴",
                  "①②③④⑤⑥⑦⑧⑨⑩", "〇一二三"]:
        for n in (1, 2, 3, 4, 5, 7, 10):
            out.append("".join(rng.choice(block) for _ in range(n)))
            out.append("a" + "".join(rng.choice(block) for _ in range(n)) + "1")
    return out


def _contractions(rng: random.Random) -> list[str]:
    out = ["I'M", "you'Ll", "’s", "'S", "'s", "it's", "IT'S", "we'RE", "they'Ve", "she'D",
           "'ll", "''", "'", "' s", "'\ns", "x'", "'ſ", "'K", "Don't", "DON'T", "don’t",
           "rock'n'roll", "'tis", "y'all'd've", "O'Neil's", "L'été", "I'd've", "JOHN'S car",
           "JoHn'S", "john's", "the students' books", "'S'S'S", "'sss", "'re're", "'lll"]
    for stem in CONTRACTION_STEMS:
        for tail in CONTRACTION_TAILS:
            if rng.random() < 0.5:
                a = rng.choice(APOSTROPHES)
                nxt = rng.choice(["", " ", "x", ".", "\n", "s", "Y"])
                out.append(stem + a + tail + nxt)
    return out


def _spaces(rng: random.Random) -> list[str]:
    out = []
    for a in SPACES:
        out.append(a)
        out.append("x" + a)
        out.append(a + "x")
        out.append("x" + a + "y")
        out.append("x" + a + "!")
        out.append("." + a + "?")
        out.append("1" + a + "2")
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 8)):
            parts.append(rng.choice(SPACES) * rng.randint(1, 3))
            if rng.random() < 0.6:
                parts.append(rng.choice(WORDS))
        out.append("".join(parts))
    out += ["trailing   ", "line\n", "line \n", "line  \n  ", "\n\n\n", " \n \n ", "a\n ",
            "a\r\n\r\n b", "tabs\t\t\tend\t", "   leading", "\n\n  x", "x  \n\n", "  ", "\t",
            "a \u00a0b", "a\u00a0 b", "end.\n", "end. \n", "end.\n\n", "/\n", " /\n\n"]
    return out


def corpus(seed: int = 20240611) -> list[str]:
    """The deterministic corpus: a few thousand strings."""
    rng = random.Random(seed)
    out: list[str] = []
    out += PROSE + EMOJI + CODE + URLS + SPECIAL
    out += [s.upper() for s in PROSE] + [s.lower() for s in PROSE] + [s.title() for s in PROSE]
    out += _digits(rng) + _contractions(rng) + _spaces(rng)
    out += [CONTROL, *CONTROL, *(c + "x" for c in CONTROL), *(" " + c for c in CONTROL)]
    # Long pieces (long merges, long whitespace runs).
    out += ["a" * 300, "ab" * 200, " " * 500, "\n" * 200, "=" * 300, "!" * 129, "1" * 100,
            "東" * 100, "🎉" * 60, "x" + " " * 300 + "y", "\t" * 100 + "x", "é" * 150,
            "".join(chr(0x0300 + i % 0x70) for i in range(200)), "Ab" * 150, "aB" * 150,
            "-_" * 100, "..." * 80, "ÄÖÜ" * 60]
    # Sentences cut at random places (split multi-character sequences at odd points).
    for s in PROSE + CODE:
        for _ in range(6):
            i = rng.randint(0, len(s))
            j = rng.randint(i, len(s))
            out.append(s[i:j])
    # Random mixtures of fragments of every kind.
    fragments = (PROSE + EMOJI + CODE + URLS + SPECIAL + WORDS + SPACES
                 + ["I'M", "you'Ll", "’s", "'S", "'s ", "12345", "3.14159", "1,000,000"])
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(1, 6)):
            f = rng.choice(fragments)
            if len(f) > 40:
                i = rng.randint(0, len(f) - 20)
                f = f[i:i + rng.randint(1, 40)]
            parts.append(f)
            if rng.random() < 0.5:
                parts.append(rng.choice(SPACES))
        out.append("".join(parts))
    # Random Unicode across planes.
    for _ in range(1500):
        out.append(_random_unicode(rng, rng.randint(1, 30)))
    # Emoji runs with modifiers and joiners in odd places.
    parts = EMOJI + ["\u200d", "\ufe0f", "\U0001F3FB", "\U0001F3FF", "\u20e3", " ", "a", "1"]
    for _ in range(200):
        out.append("".join(rng.choice(parts) for _ in range(rng.randint(1, 8))))
    return out
