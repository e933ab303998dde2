"""One home for each number: shared data and the arithmetic on it.

Both the facts quoted in the text (`site_build/facts/`) and the chapter figures
(`site_build/chapter_figures/`) read from here, never from each other, so a corrected number
changes in one place. Widget maths stays in `widgets/` (it also runs in the browser); facts and
figures read that directly.

- `tokenize`: the real tokenizers (tiktoken, built offline) and the texts the chapter splits.
- `embed`: the illustrative 2-D vectors of the similarity figure.
- `pretrain`: published training-set sizes and the estimated stock of public text.
- `models`: published model shapes (Llama 2), model cards, hardware, and the memory and
  timing arithmetic on them.
"""
