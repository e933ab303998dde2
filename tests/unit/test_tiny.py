"""widgets/_tiny.py, the tiny model the reader trains in the page: its maths against finite
differences and against the lab's numpy model, its optimizer against the lab's AdamW, and a run's
behaviour (learning, memorising, diverging, odd texts, determinism, the built-in texts)."""
import collections
import math
import random
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from site_build import tiny_texts
from site_build.lab import model as M
from widgets import _data, _tiny as T

ROOT = Path(__file__).resolve().parents[2]
# Small enough to check every gradient by finite differences; two layers, three heads, and a
# head size that is not a power of two, so the head slicing is exercised.
CFG = dict(vocab=7, context=6, d_model=9, d_mlp=14, layers=2, heads=3)


def weights(cfg, seed, std=0.3):
    """The tiny model's starting weights, shaken (std 0.3) so that attention is far from uniform
    and no gradient is zero by symmetry."""
    rng = random.Random(seed)
    P = T.init(cfg, rng)
    return {k: [x + rng.gauss(0.0, std) for x in v] for k, v in P.items()}


def as_numpy(P, cfg):
    shapes = M.param_shapes(cfg)
    return {k: np.array(P[k], dtype=np.float64).reshape(shapes[k]) for k in shapes}


def loss_of(P, cfg, seqs, targets):
    return T.cross_entropy(T.forward(P, cfg, seqs), [t for ts in targets for t in ts])[0]


def test_parameter_names_and_shapes_are_the_lab_models():
    assert T.param_shapes(CFG) == M.param_shapes(CFG)
    P = T.init(CFG, random.Random(0))
    assert list(P) == list(M.param_shapes(CFG))
    assert {k: len(v) for k, v in P.items()} == {k: math.prod(s)
                                                 for k, s in M.param_shapes(CFG).items()}
    # GPT-2 style: gains 1, biases 0, matrices small, the residual outputs smaller still
    assert set(P["h0.ln1_g"]) == {1.0} and set(P["h1.b2"]) == {0.0}
    assert 0.015 < np.std(P["wte"]) < 0.025
    assert 0.015 / 2 < np.std(P["h0.w2"] + P["h1.wo"]) < 0.025 / 2


def test_every_gradient_matches_central_finite_differences():
    P = weights(CFG, 1)
    rng = random.Random(2)
    seqs = [[rng.randrange(7) for _ in range(6)], [rng.randrange(7) for _ in range(4)]]
    targets = [[rng.randrange(7) for _ in s] for s in seqs]
    logits, cache = T.forward(P, CFG, seqs, keep=True)
    grads = T.backward(P, CFG, cache, T.cross_entropy(logits, [t for ts in targets for t in ts])[1])
    h = 1e-5
    for name, values in P.items():
        for i in rng.sample(range(len(values)), min(4, len(values))):
            keep = values[i]
            values[i] = keep + h
            up = loss_of(P, CFG, seqs, targets)
            values[i] = keep - h
            down = loss_of(P, CFG, seqs, targets)
            values[i] = keep
            numeric = (up - down) / (2 * h)
            assert abs(grads[name][i] - numeric) <= 1e-7 + 1e-5 * abs(numeric), (name, i)
    # a parameter the batch cannot reach has no gradient: position 5 is only in the first window
    assert any(grads["wpe"][5 * 9:6 * 9])


@pytest.mark.parametrize("cfg", [CFG, dict(vocab=30, context=16, d_model=12, d_mlp=24, layers=1,
                                           heads=2)])
def test_forward_loss_and_every_gradient_equal_numpy(cfg):
    P = weights(cfg, 3)
    rng = random.Random(4)
    C, V = cfg["context"], cfg["vocab"]
    ids = [[rng.randrange(V) for _ in range(C)] for _ in range(3)]
    targets = [[rng.randrange(V) for _ in range(C)] for _ in range(3)]
    logits, cache = T.forward(P, cfg, ids, keep=True)
    loss, dlogits = T.cross_entropy(logits, [t for ts in targets for t in ts])
    grads = T.backward(P, cfg, cache, dlogits)

    NP = as_numpy(P, cfg)
    want_logits, want_cache = M.forward(NP, cfg, np.array(ids), keep=True)
    want_loss, want_dlogits = M.cross_entropy(want_logits, np.array(targets))
    want = M.backward(NP, cfg, want_cache, want_dlogits)
    assert np.abs(np.array(logits) - want_logits.reshape(-1, V)).max() < 1e-9
    assert abs(loss - want_loss) < 1e-12
    assert np.abs(np.array(dlogits) - want_dlogits.reshape(-1, V)).max() < 1e-12
    shapes = M.param_shapes(cfg)
    for name in shapes:
        got = np.array(grads[name]).reshape(shapes[name])
        assert np.abs(got - want[name]).max() < 1e-9 * max(1.0, np.abs(want[name]).max()), name


@pytest.mark.parametrize("gain", [1.0, 0.01])       # gradients clipped (norm > 1), and not
def test_adamw_steps_equal_the_lab_optimizer(gain):
    P = weights(CFG, 5)
    rng = random.Random(6)
    NP = as_numpy(P, CFG)
    ours = T.AdamW(P, 3e-3, shapes=T.param_shapes(CFG))
    theirs = M.AdamW(NP, 3e-3)
    norms = []
    for _ in range(3):
        G = {k: [gain * rng.gauss(0.0, 0.2) for _ in v] for k, v in P.items()}
        norms.append(ours.step(P, G))
        assert norms[-1] == pytest.approx(theirs.step(NP, as_numpy(G, CFG)), rel=1e-12)
    assert (min(norms) > 1.0) == (gain == 1.0)
    for name, want in NP.items():
        got = np.array(P[name]).reshape(want.shape)
        assert np.abs(got - want).max() < 1e-12, name


def test_writing_one_character_at_a_time_equals_the_whole_forward_pass():
    P = weights(CFG, 7)
    rng = random.Random(8)
    ids = [rng.randrange(7) for _ in range(CFG["context"])]
    writer = T.Writer(P, CFG)
    for t, c in enumerate(ids):
        got = writer.feed(c)
        want = T.forward(P, CFG, [ids[:t + 1]])[-1]
        assert max(abs(a - b) for a, b in zip(got, want)) < 1e-12
    with pytest.raises(ValueError):
        writer.feed(0)                       # the context is full


# --- a run ------------------------------------------------------------------------------------

def test_sizes_grow_and_parameter_counts_agree_with_numpy():
    assert list(T.SIZES)[1] == T.DEFAULT_SIZE == "small" and 2 <= len(T.SIZES) <= 3
    counts = [T.n_params(size) for size in T.SIZES]
    assert counts == sorted(counts) and len(set(counts)) == len(counts)
    vocab = len(set(T.corpus("names")))
    for size in T.SIZES:
        assert T.n_params(size) == M.n_params(T.config(size, vocab))
    run = T.Run(T.corpus("names"))
    assert run.params_count == T.n_params(T.DEFAULT_SIZE)
    assert run.chars_per_step == T.SIZES["small"]["context"] * T.SIZES["small"]["batch"]


def test_held_out_part_is_never_trained_on_and_the_losses_measure_it():
    text = T.corpus("sums")[:700]
    run = T.Run(text, size="tiny")
    split = len(text) - 70
    assert run.split == split
    C = run.context
    for _ in range(2000):                     # every training window ends inside the training part
        assert run._window() + C + 1 <= split
    # the held-out windows: every held-out character after the first is a target exactly once
    targets = [t for _, ts in run._heldout_windows for t in ts]
    assert targets == run.ids[split + 1:]
    # the held-out loss, measured with numpy window by window
    NP = as_numpy(run.params, run.cfg)
    total = 0.0
    for inputs, ts in run._heldout_windows:
        loss, _ = M.cross_entropy(M.forward(NP, run.cfg, np.array([inputs])), np.array([ts]))
        total += loss * len(ts)
    assert run.heldout_loss() == pytest.approx(total / len(targets), abs=1e-12)
    # the bigram: add-one smoothed pair counts from the training part, on the same characters
    pairs = collections.Counter(zip(text[:split], text[1:split + 1]))
    firsts = collections.Counter(a for a, _ in zip(text[:split], text[1:split + 1]))
    V = len(set(text))
    want = [-math.log((pairs[a, b] + 1) / (firsts[a] + V))
            for a, b in zip(text[split:], text[split + 1:])]
    assert run.bigram_loss() == pytest.approx(sum(want) / len(want), abs=1e-12)


def test_held_out_loss_is_measured_once_per_step(monkeypatch):
    run = T.Run(T.corpus("names"), size="tiny")
    calls = []
    real = T.forward
    monkeypatch.setattr(T, "forward", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = run.heldout_loss()
    assert run.heldout_loss() == first and len(calls) == 1
    run.train(1)
    assert run.heldout_loss() != first and len(calls) == 3          # a step, then a measurement
    assert [s for s, _ in run.heldout] == [0, 1]


def test_the_default_model_beats_counting_pairs_on_names():
    """The default size at the default learning rate, seed 0, on the default text. Measured every
    25 steps for seeds 0-4, the held-out loss first fell below the bigram line at steps 475-600
    and was last above it at 525 (seed 0) to 775 (seed 4); 800 steps leave a margin for seed 0,
    and take under 10 s on a 2-core machine."""
    run = T.Run(T.corpus(T.corpora()[0]))
    start = run.heldout_loss()
    run.train(800)
    assert run.step == 800 and len(run.losses) == 800 and run.diverged is None
    assert [s for s, _ in run.losses] == list(range(1, 801))
    first = sum(l for _, l in run.losses[:50]) / 50
    last = sum(l for _, l in run.losses[-50:]) / 50
    assert last < first - 0.8
    assert run.heldout_loss() < run.bigram_loss() < start


def test_a_short_text_trained_long_is_memorised():
    """The first 520 characters of the lab world's stories (just above the minimum), the default
    size, 1,000 steps: the training loss keeps falling while the held-out loss bottoms out early
    and climbs. Measured every 50 steps for seeds 0-2, the held-out minimum came at steps 200-350;
    at step 1,000 the held-out loss was 0.53-0.67 above it, and the training loss (mean of 100
    steps) had fallen in every block of 100 steps, ending 0.40-0.85 below its mean around the
    held-out minimum."""
    run = T.Run(tiny_texts.stories()[:520])
    held = []
    while run.step < 1000:
        run.train(50)
        held.append(run.heldout_loss())
    best = min(range(len(held)), key=held.__getitem__)           # held[i] is at step 50 (i + 1)
    assert 50 * (best + 1) <= 500                                  # the best came early
    assert held[-1] > held[best] + 0.3                             # and the last is clearly worse
    train = [l for _, l in run.losses]
    blocks = [sum(train[i:i + 100]) / 100 for i in range(0, 1000, 100)]
    assert all(a > b for a, b in zip(blocks, blocks[1:]))          # training kept improving
    assert blocks[-1] < blocks[(50 * (best + 1) - 1) // 100] - 0.3


@pytest.mark.parametrize("lr", [10.0, 100.0])
def test_too_high_a_learning_rate_stops_with_a_sentence(lr):
    run = T.Run(T.corpus("names"), lr=lr)
    run.train(20)
    assert isinstance(run.diverged, str) and "learning rate" in run.diverged
    assert run.diverged.endswith(".")
    step, losses = run.step, list(run.losses)
    assert step < 20 and all(math.isfinite(l) for _, l in losses)
    run.train(10)                                          # nothing more happens
    assert run.step == step and run.losses == losses
    held = run.heldout_loss()
    assert held is None or math.isfinite(held)
    assert isinstance(run.sample(10), str)


def test_a_good_learning_rate_does_not_diverge():
    run = T.Run(T.corpus("names"), size="tiny")
    run.train(60)
    assert run.diverged is None and run.step == 60


@pytest.mark.parametrize("text", ["", "short", "x" * (T.MIN_CHARS - 1)])
def test_too_short_a_text_says_the_minimum(text):
    with pytest.raises(ValueError) as err:
        T.Run(text)
    assert f"{T.MIN_CHARS:,}" in str(err.value) and f"has {len(text)}." in str(err.value)
    assert str(err.value) == (f"Paste at least {T.MIN_CHARS:,} characters: "
                              f"this text has {len(text)}.")


def test_a_huge_text_is_cut_with_a_note():
    text = ("the cat sat on the mat. " * 3000)[:T.MAX_CHARS + 5000]
    run = T.Run(text)
    assert run.note == f"Using the first {T.MAX_CHARS:,} characters of your text."
    assert run.text == text[:T.MAX_CHARS]
    run.train(2)
    assert run.step == 2
    assert T.Run(text[:T.MAX_CHARS]).note is None


def test_odd_characters_train_and_write():
    rng = random.Random(9)
    pieces = ["\x00", "\x07", "\t", "\r\n", "\u200d", "😀", "🏳️‍🌈", "中文", "Жж", "שלום", "é",
              "e\u0301", "\ufffd", " ", "abc", "\n"]
    text = "".join(pieces[int(rng.random() * len(pieces))] for _ in range(900))
    run = T.Run(text, size="tiny")
    assert "\r" not in run.vocab and "\x00" in run.vocab and "😀" in run.vocab
    assert run.note is None and run.vocab == sorted(run.vocab)
    run.train(3)
    assert all(math.isfinite(l) for _, l in run.losses)
    assert math.isfinite(run.heldout_loss()) and math.isfinite(run.bigram_loss())
    written = run.sample(40)
    assert len(written) == 40 and set(written) <= set(run.vocab)


def test_many_different_characters_share_a_stand_in():
    text = "".join(chr(0x4E00 + i % 300) for i in range(3000))     # 300 different characters
    run = T.Run(text, size="tiny")
    assert len(run.vocab) == T.MAX_VOCAB and T.STAND_IN in run.vocab
    assert run.note == (f"Your text has 300 different characters: the model tells the "
                        f"{T.MAX_VOCAB - 1} commonest apart and shows the other "
                        f"{300 - T.MAX_VOCAB + 1} as {T.STAND_IN}.")
    run.train(1)
    assert run.step == 1


def test_one_character_repeated_is_a_text_too():
    run = T.Run("a" * 600, size="tiny")
    run.train(2)
    assert run.losses[-1][1] == 0.0 and run.bigram_loss() == 0.0 and run.sample(5) == "aaaaa"


def test_unknown_size_is_refused():
    with pytest.raises(ValueError):
        T.Run(T.corpus("names"), size="huge")


def test_sampling_is_seeded_and_starts_naturally():
    before = random.getstate()
    run = T.Run(T.corpus("names"), size="tiny")
    run.train(30)
    a, b, c = run.sample(200, seed=1), run.sample(200, seed=1), run.sample(200, seed=2)
    assert a == b != c and len(a) == 200 and set(a) <= set(run.vocab)
    assert run.sample(50, temperature=0, seed=1) == run.sample(50, temperature=0, seed=2)
    assert run.start == "\n"                                # names: after a line break
    assert T.Run("Once upon a time " * 40).start == "O"     # no line breaks: its first character
    assert random.getstate() == before                       # the global random is untouched


SCRIPT = """
import hashlib, json
from widgets import _tiny as T
run = T.Run(T.corpus("names"), size="tiny", seed=3)
run.train(15)
print(json.dumps([run.losses, run.heldout_loss(), run.sample(60, seed=4)]))
"""


def run_elsewhere(hash_seed: str) -> str:
    return subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
                          check=True, env={"PYTHONHASHSEED": hash_seed, "PATH": ""}).stdout


def test_same_arguments_same_run_here_and_in_other_processes():
    import json
    here = T.Run(T.corpus("names"), size="tiny", seed=3)
    here.train(15)
    mine = json.loads(json.dumps([here.losses, here.heldout_loss(), here.sample(60, seed=4)]))
    assert json.loads(run_elsewhere("1")) == json.loads(run_elsewhere("2")) == mine
    other = T.Run(T.corpus("names"), size="tiny", seed=4)
    other.train(15)
    assert other.losses != here.losses


# --- the built-in texts ------------------------------------------------------------------------

def test_corpora_names_and_unknown_names():
    assert T.corpora() == ["names", "sums", "stories", "tokens-chapter"]
    with pytest.raises(ValueError):
        T.corpus("nope")
    assert T.files_for("names") == T.files_for("sums") == []
    assert T.files_for("stories") == ["tiny/stories.txt"]
    assert T.files_for("tokens-chapter") == ["tiny/tokens-chapter.txt"]


def test_names_are_invented_one_per_line_and_always_the_same():
    text = T._names()
    assert text == T._names() == T.corpus("names")
    names = text.splitlines()
    assert len(names) == len(set(names)) == 3000 and text.endswith("\n")
    assert all(re.fullmatch(r"[a-z]{4,12}", n) for n in names)
    assert T.MIN_CHARS < len(text) < T.MAX_CHARS


def test_sums_are_right():
    text = T._sums()
    assert text == T._sums()
    lines = text.splitlines()
    assert len(lines) == 3000
    for line in lines:
        a, op, b, eq, c = line.split(" ")
        assert eq == "=" and int(c) == (int(a) + int(b) if op == "+" else int(a) - int(b)) >= 0


def test_texts_from_the_build_are_read_from_their_data_files(tmp_path, monkeypatch):
    """No build in a fresh checkout: write the two files as the build would (data_files.sources),
    point the data reader at them, and read them back through corpus()."""
    from site_build.data_files import sources
    made = sources()
    for name in ("stories", "tokens-chapter"):
        path = T.files_for(name)[0]
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(made[path]())
    monkeypatch.setattr(_data, "SEARCH", [str(tmp_path)])
    T.corpus.cache_clear()
    try:
        assert T.corpus("stories") == tiny_texts.stories()
        assert T.corpus("tokens-chapter") == tiny_texts.tokens_chapter()
    finally:
        T.corpus.cache_clear()


def test_stories_are_the_lab_worlds_documents():
    from site_build.lab import world
    text = tiny_texts.stories()
    assert text == tiny_texts.stories()
    assert text.splitlines() == world.documents(tiny_texts.STORIES_SEED, tiny_texts.STORIES_COUNT)
    assert 30_000 < len(text.encode()) < 60_000 and len(text) < T.MAX_CHARS


def test_the_tokens_chapter_is_its_running_prose():
    from site_build import readability
    text = tiny_texts.tokens_chapter()
    assert text == readability.prose(tiny_texts.CHAPTER.read_text(encoding="utf-8")) + "\n"
    for mark in ("{", "}", "[^", "](", "--8<--", "```", "!!!", "???", "|", "**", "`", "<"):
        assert mark not in text, mark
    assert "Philip Gage" not in text                          # footnote definitions dropped
    assert "byte-pair encoding (BPE)" in text                  # bold marks gone, words kept
    assert T.MIN_CHARS < len(text) < T.MAX_CHARS

