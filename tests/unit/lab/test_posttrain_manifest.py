"""The committed post-training weights and records still belong to the committed base weights and
hyperparameters, and post-training reproduces: the first SFT steps, the first GRPO step and the
first flawed-reward step of a fresh run give the recorded numbers.

These gate on behaviour, not on source bytes: the manifest records the code's hashes as
information, so a comment or a docstring can change without a rerun."""
import json

import numpy as np
import pytest

from site_build.lab import checkpoint, grpo, posttrain as pt, sft, tasks
from site_build.lab.common import WEIGHTS, sha256
from widgets import _lm


@pytest.fixture(scope="module")
def manifest():
    return json.loads((WEIGHTS / "post-manifest.json").read_text())


@pytest.fixture(scope="module")
def setup():
    B, hdr = checkpoint.load("base")
    return B, hdr["config"], sft.Chat(checkpoint.tokenizer(hdr))


def test_manifest_matches_hyperparameters_and_weights(manifest):
    assert manifest["hparams"] == json.loads(json.dumps(pt.HP)), "hyperparameters changed: retrain"
    assert manifest["base_sha256"] == sha256((WEIGHTS / "base.bin").read_bytes()), \
        "base weights changed: run make posttrain"
    for name, digest in manifest["files"].items():
        assert sha256((WEIGHTS / name).read_bytes()) == digest, name
    on_disk = {p.name for p in WEIGHTS.glob("*.bin")} - {"base.bin"}
    on_disk = {n for n in on_disk if not n.startswith("ckpt-")}
    assert on_disk == set(manifest["files"]) == {"sft.bin"}     # the RL runs' weights: build/


def test_first_sft_steps_replay_the_recorded_losses(manifest, setup):
    B, cfg, chat = setup
    _, losses = sft.sft(B, cfg, chat, pt.HP["sft"], steps=3)
    assert losses == pytest.approx(manifest["first_sft_losses"], abs=2e-4)


def _first_row(setup, run: pt.Run) -> dict:
    """Step 0 of a run replayed from the committed SFT weights: its evaluation, its sampled batch
    and its update."""
    _, cfg, chat = setup
    S, _ = checkpoint.load("sft")
    h = {**run.h, "steps": 1, "eval_every": 10 ** 9, "save_every": 10 ** 9}
    return grpo.grpo(S, cfg, chat, h, run.reward)[1][0]


def _same_row(row: dict, recorded: dict) -> None:
    assert row.keys() == recorded.keys()
    for k, v in recorded.items():
        assert row[k] == pytest.approx(v, abs=2e-3), k


def test_first_grpo_step_replays_the_recorded_row(manifest, setup):
    """The first step's sampled answers (reward, length), evaluation and, through "clipped"
    (measured after the first inner update), the first update itself."""
    row = _first_row(setup, pt.runs()[0])
    assert row["loss"] == pytest.approx(manifest["first_rl_loss"], abs=2e-4)
    _same_row(row, json.loads((WEIGHTS / "rl-history.json").read_text())["rows"][0])


def test_first_flawed_reward_step_replays_the_recorded_row(setup):
    """The same for the loosest flawed-reward run (beta 0): its reward is the flawed grader's,
    its accuracy the true checker's, and its first evaluation also scores the flawed grader."""
    run = min(pt.runs()[1:], key=lambda r: r.h["beta"])
    assert run.reward is tasks.flawed_reward
    runs = json.loads((WEIGHTS / "rl-flawed.json").read_text())["runs"]
    _same_row(_first_row(setup, run), next(r for r in runs if r["name"] == run.name)["rows"][0])


def test_the_page_model_answers_like_the_numpy_model(setup):
    """_lm (the page's plain-Python model) and the build's numpy generation give the same greedy
    answers from the committed SFT file."""
    _, cfg, chat = setup
    S, _ = checkpoint.load("sft")
    qs = ["What is the capital of Norland?", "What is 7 plus 5?"]
    m = _lm.load("sft")
    page = []
    for q in qs:
        toks = m.generate_tokens(_lm.chat(q), temperature=0, max_new_tokens=16)
        ids = [t["id"] for t in toks]
        if chat.end in ids:
            ids = ids[:ids.index(chat.end)]
        page.append(m.decode(ids).strip())
    assert page == sft.answers(S, cfg, chat, qs, max_new=16)


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
    flawed = json.loads((WEIGHTS / "rl-flawed.json").read_text())
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


def test_records_the_views_read_are_whole():
    for name in ("sft.bin", "rl-history.json", "rl-flawed.json", "advantage-real.json",
                 "sft-history.json"):
        data = (WEIGHTS / name).read_bytes()
        if name.endswith(".bin"):
            checkpoint.loads(data)
            assert len(data) <= 1.5e6
        else:
            json.loads(data)
    adv = json.loads((WEIGHTS / "advantage-real.json").read_text())
    r = np.array([x["reward"] for x in adv["samples"]])
    assert [x["advantage"] for x in adv["samples"]] == pytest.approx(grpo.advantages(r), abs=1e-3)
