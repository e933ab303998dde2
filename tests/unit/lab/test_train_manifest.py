"""The committed lab weights still belong to the committed corpus and hyperparameters, and training
reproduces: the first steps of a fresh run give the recorded losses.

These gate on behaviour, not on source bytes: the manifest records the code's hashes as
information, so a comment or a docstring can change without a retrain."""
import json

import pytest

from site_build.lab import build, checkpoint, train
from site_build.lab.common import WEIGHTS, sha256


@pytest.fixture(scope="module")
def manifest():
    return json.loads((WEIGHTS / "manifest.json").read_text())


def test_manifest_matches_hyperparameters_and_weights(manifest):
    assert manifest["hparams"] == json.loads(json.dumps(train.HP)), "hyperparameters changed: run make model"
    files = {p.name: sha256(p.read_bytes()) for p in WEIGHTS.glob("*.bin")
             if p.name == "base.bin" or p.name.startswith("ckpt-")}     # post-training's are its own
    assert files == manifest["files"], "weight files differ from the manifest"


def test_corpus_is_the_one_the_weights_were_trained_on(manifest):
    text, held = train.texts()
    assert sha256(text) == manifest["corpus_sha256"]
    assert sha256(held) == manifest["heldout_sha256"]


def test_first_training_steps_replay_the_recorded_losses(manifest):
    _, losses, _, _ = train.train(steps=3)
    assert losses == pytest.approx(manifest["first_losses"], abs=2e-4)


def test_weights_file_holds_the_trained_tokenizer():
    tok, _, _ = train.tokenizer()
    _, header = checkpoint.load("base")
    assert [tuple(m) for m in header["tokenizer"]["merges"]] == tok.merges
    assert header["config"] == train.HP["config"]


def test_quality_targets(manifest):
    r = build.report()
    assert r["perplexity"]["model"] <= 0.5 * r["perplexity"]["unigram"]
    assert r["facts"]["correct"] >= 0.9 * r["facts"]["total"]
    assert r["world_words"]["share"] >= 0.95
