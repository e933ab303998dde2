"""The committed post-training weights still belong to the committed code, base weights and
hyperparameters, and post-training reproduces: the first SFT steps and the first GRPO step of a
fresh run give the recorded losses."""
import json

import numpy as np
import pytest

from site_build.lab import checkpoint, posttrain as pt
from widgets import _bpe, _lm


@pytest.fixture(scope="module")
def manifest():
    return json.loads((pt.WEIGHTS / "post-manifest.json").read_text())


@pytest.fixture(scope="module")
def setup():
    B, hdr = pt.load("base")
    tok = _bpe.Tokenizer([tuple(m) for m in hdr["tokenizer"]["merges"]], hdr["tokenizer"]["specials"])
    return B, hdr["config"], pt.Chat(tok)


def test_manifest_matches_code_hyperparameters_and_weights(manifest):
    assert manifest["hparams"] == json.loads(json.dumps(pt.HP)), "hyperparameters changed: retrain"
    assert manifest["code_sha256"] == pt.code_hashes(), "post-training code changed: retrain"
    assert manifest["base_sha256"] == pt.sha256((pt.WEIGHTS / "base.bin").read_bytes()), \
        "base weights changed: run python -m site_build.lab.posttrain"
    for name, digest in manifest["files"].items():
        assert pt.sha256((pt.WEIGHTS / name).read_bytes()) == digest, name
    on_disk = {p.name for p in pt.WEIGHTS.glob("*.bin")} - {"base.bin"}
    on_disk = {n for n in on_disk if not n.startswith("ckpt-")}
    assert on_disk == set(manifest["files"])


def test_first_sft_steps_replay_the_recorded_losses(manifest, setup):
    B, cfg, chat = setup
    _, losses = pt.sft(B, cfg, chat, steps=3)
    assert losses == pytest.approx(manifest["first_sft_losses"], abs=2e-4)


def test_first_grpo_step_replays_the_recorded_row(manifest, setup):
    """The first step's sampled answers (reward, length), evaluation and, through "clipped"
    (measured after the first inner update), the first update itself."""
    _, cfg, chat = setup
    S, _ = pt.load("sft")
    _, rows, _ = pt.grpo(S, cfg, chat, steps=1, eval_every=10 ** 9, save_every=10 ** 9)
    recorded = json.loads((pt.WEIGHTS / "rl-history.json").read_text())["rows"][0]
    assert rows[0]["loss"] == pytest.approx(manifest["first_rl_loss"], abs=2e-4)
    assert rows[0].keys() == recorded.keys()
    for k, v in recorded.items():
        assert rows[0][k] == pytest.approx(v, abs=2e-3), k


def test_the_page_model_answers_like_the_numpy_model(setup):
    """_lm (the page's plain-Python model) and the build's numpy generation give the same greedy
    answers from the committed SFT file."""
    _, cfg, chat = setup
    S, _ = pt.load("sft")
    qs = ["What is the capital of Norland?", "What is 7 plus 5?"]
    m = _lm.load("sft")
    page = []
    for q in qs:
        toks = m.generate_tokens(_lm.chat(q), temperature=0, max_new_tokens=16)
        ids = [t["id"] for t in toks]
        if chat.end in ids:
            ids = ids[:ids.index(chat.end)]
        page.append(m.decode(ids).strip())
    assert page == pt.answers(S, cfg, chat, qs, max_new=16)


def test_recorded_runs_tell_the_story(manifest):
    s = manifest["summary"]
    assert s["sft"]["facts"]["correct"] > s["base"]["facts"]["correct"] + 30
    part = f"sampled_{s['rl_task']}"           # RL makes a sampled answer right more often
    assert s["heldout"]["rl"][part] > s["heldout"]["sft"][part]
    loose = min(s["flawed"], key=lambda r: r["beta"])
    tight = max(s["flawed"], key=lambda r: r["beta"])
    assert loose["heldout_flawed"] > loose["heldout"]      # the grader is fooled ...
    assert loose["kl"] > tight["kl"]                       # ... most where the leash is loosest
    assert loose["heldout"] < tight["heldout"]


def test_rl_reaches_the_issue_targets(manifest):
    """Held-out greedy accuracy on the RL task gains at least 15 points; against the flawed
    grader with no leash, the score it trains on rises while true accuracy falls."""
    s = manifest["summary"]
    part = f"heldout_{s['rl_task']}"
    assert s["heldout"]["rl"][part] - s["heldout"]["sft"][part] >= 0.15
    flawed = json.loads((pt.WEIGHTS / "rl-flawed.json").read_text())
    loose = min(flawed["runs"], key=lambda r: r["beta"])
    rows = [r for r in loose["rows"] if "reward" in r]
    mean = lambda rs, k: sum(r[k] for r in rs) / len(rs)  # noqa: E731
    assert mean(rows[-10:], "reward") > mean(rows[:10], "reward") + 0.1       # paid more
    assert mean(rows[-10:], "accuracy") < mean(rows[:10], "accuracy") - 0.1   # right less
    start = loose["rows"][0]
    assert loose["final"]["heldout_flawed"] > start["heldout_flawed"]
    assert loose["final"]["heldout"] < start["heldout"] - 0.2
    tight = max(flawed["runs"], key=lambda r: r["beta"])   # the leash keeps it honest: better
    assert tight["final"]["heldout"] > start["heldout"]
    total = manifest["times"]["total"]["cpu_seconds"]
    assert total <= 15 * 60


def test_build_data_holds_every_file_the_views_read():
    out = pt.build_data()
    for name in ("lab/sft.bin", "lab/rl.bin", "lab/rl-history.json", "lab/rl-flawed.json",
                 "lab/advantage-real.json", "lab/sft-history.json"):
        assert name in out and out[name]
    for name, data in out.items():
        if name.endswith(".bin"):
            checkpoint.loads(data)
            assert len(data) <= 1.5e6
        else:
            json.loads(data)
    adv = json.loads(out["lab/advantage-real.json"])
    r = np.array([x["reward"] for x in adv["samples"]])
    assert [x["advantage"] for x in adv["samples"]] == pytest.approx(pt.advantages(r), abs=1e-3)
