"""Post-train the lab model: `python -m site_build.lab.posttrain` (or `make posttrain`), all three
stages in one command, from the committed weights/base.bin:

  1. supervised fine-tuning (sft.py) on conversations about the world (chats.py);
  2. RL with a checkable reward (grpo.py, tasks.true_reward) on arithmetic, from the SFT model;
  3. the same RL against a flawed reward (tasks.flawed_reward) at several leash strengths beta:
     reward hacking, measured.

The RL runs are independent (each starts from the SFT weights with its own seeded sampler), so
they run side by side, one process each; `runs()` names them.

Writes to site_build/lab/weights/ (committed; the page and the facts read these):
  sft.bin               the fine-tuned weights (the chat view's assistant)
  sft-history.json      {"steps", "batch", "conversations", "loss": [SFT loss per step, nats per
                        answer token], "eval": {"base"|"sft": {"facts", "arithmetic": {"correct",
                        "total"}, "fact_rows"}}, "examples": [{"question", "base", "sft"}]}
  advantage-real.json   one held-out question's group of real SFT samples, rewards, advantages
  rl-history.json       the RL run step by step, its saved samples, the final held-out evaluation
  rl-flawed.json        the flawed-reward runs, one per beta
  post-manifest.json    hashes of the base weights and of every weight file written, the
                        hyperparameters, the first losses, the times; the code's hashes as
                        information only. tests/unit/lab/test_posttrain_manifest.py replays the
                        first SFT, GRPO and flawed-reward steps against these records.
The formats of the JSON files are documented where they are read: widgets/lab_rl.py,
widgets/kl_leash.py, widgets/advantage.py (and site_build/facts/post_lab.py).
The RL runs' own weights (rl.bin, rl-<step>.bin, rl-flawed-b<beta>.bin) go to build/lab-runs/,
which is not committed: nothing in the book reads them.

Deterministic for a given machine: fixed seeds everywhere.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

# One BLAS thread: these matrices are small, and on a shared 2-core machine a second thread spends
# most of its time waiting (measured: about 10 times the CPU per step). Only takes effect when
# numpy is not yet imported, i.e. under `python -m site_build.lab.posttrain`.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from widgets.lab_chat import EXAMPLES  # noqa: E402

from . import checkpoint, grpo, tasks  # noqa: E402
from .common import ROOT, WEIGHTS, code_hashes, sha256, write_json  # noqa: E402
from .sft import Chat, answers, arithmetic_accuracy, fact_accuracy, sft  # noqa: E402

RUNS = ROOT / "build" / "lab-runs"       # weights nothing in the book reads: not committed
CODE = ["site_build/lab/posttrain.py", "site_build/lab/sft.py", "site_build/lab/grpo.py",
        "site_build/lab/tasks.py", "site_build/lab/chats.py", "site_build/lab/model.py",
        "site_build/lab/checkpoint.py", "site_build/lab/common.py", "site_build/lab/world.py",
        "widgets/_bpe.py", "widgets/_lm.py"]

HP = {
    "sft": {"conversations": 8000, "seed": 1, "steps": 300, "batch": 32, "lr": 1e-3,
            "lr_min": 1e-4, "warmup": 20, "weight_decay": 0.0, "clip": 1.0, "data_seed": 0},
    "rl": {"task": "arithmetic", "steps": 200, "prompts": 16, "group": 8, "temperature": 1.0,
           "max_new": 12, "lr": 5e-5, "eps": 0.2, "inner": 2, "beta": 0.04, "weight_decay": 0.0,
           "clip": 1.0, "seed": 0, "eval_every": 10, "eval_samples": 4, "eval_seed": 1234,
           "save_every": 25},
    # The flawed runs learn twice as fast as the main run, so that what the flawed grader pays
    # for shows within their budget (at 5e-5 it showed only faintly in 36 steps; at 2e-4 the
    # main run itself falls apart).
    "flawed": {"task": "arithmetic", "betas": [0.0, 0.04, 0.4], "steps": 120, "lr": 1e-4,
               "prompts": 16, "eval_every": 10, "save_every": 20},
    "advantage": {"group": 8, "seed": 7},
    "sample_questions": 6,
}


@dataclass(frozen=True)
class Run:
    """One RL run from the SFT weights."""
    name: str                    # in the logs, in rl-flawed.json, and its weight file's name
    reward: Callable             # tasks.true_reward or tasks.flawed_reward
    h: dict                      # HP["rl"] with this run's changes (beta, steps, task, lr...)
    keep: tuple = field(default=())      # steps whose weights to hand back (checkpoints on the way)


def runs(hp=HP) -> list[Run]:
    """The RL run, then one flawed-reward run per beta."""
    rl, fl = hp["rl"], hp["flawed"]
    half = rl["steps"] // 2 // rl["save_every"] * rl["save_every"]    # half way, at a save step
    out = [Run("rl", tasks.true_reward, dict(rl), keep=(half,))]
    changes = {k: fl[k] for k in ("task", "steps", "lr", "prompts", "eval_every", "save_every")}
    out += [Run(f"rl-flawed-b{beta:g}", tasks.flawed_reward, {**rl, **changes, "beta": beta})
            for beta in fl["betas"]]
    return out


def _dump(P, cfg, tok, folder, name: str, meta: dict, files: dict) -> dict:
    """Write a weight file; returns the weights as the file stores them (float16, widened)."""
    data = checkpoint.dumps(P, cfg, tok.merges, tok.specials, meta)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.bin").write_bytes(data)
    files[f"{name}.bin"] = sha256(data)
    return checkpoint.loads(data)[0]


def _clock():
    return time.perf_counter(), time.process_time()


def _since(t) -> dict:
    return {"wall_seconds": round(time.perf_counter() - t[0], 1),
            "cpu_seconds": round(time.process_time() - t[1], 1)}


_SFT = None          # (SFT params, cfg, chat), set before the run processes fork


def _run(run: Run) -> dict:
    """One RL run, in a worker process."""
    S, cfg, chat = _SFT
    c = time.process_time()
    kept = {}

    def keep(step, P):
        if step in run.keep:
            kept[step] = {k: v.copy() for k, v in P.items()}

    P, rows, saved = grpo.grpo(S, cfg, chat, run.h, run.reward, HP["sample_questions"],
                               log=lambda s: print(f"[{run.name}] {s}", flush=True), on_save=keep)
    return {"P": P, "rows": rows, "saved": saved, "kept": kept,
            "cpu_seconds": round(time.process_time() - c, 1)}


def main(argv=None) -> int:
    log = lambda s: print(s, flush=True)  # noqa: E731
    t_all = _clock()
    base_bytes = (WEIGHTS / "base.bin").read_bytes()
    base, hdr = checkpoint.loads(base_bytes)
    cfg, tok = hdr["config"], checkpoint.tokenizer(hdr)
    chat = Chat(tok)
    for old in RUNS.glob("rl*.bin"):
        old.unlink()
    files, run_files, times = {}, {}, {}

    # Stage 1: SFT, and how base and SFT answer held-out questions.
    t = _clock()
    S, sft_losses = sft(base, cfg, chat, HP["sft"], log=log)
    times["sft"] = _since(t)
    S = _dump(S, cfg, tok, WEIGHTS, "sft", {"stage": "sft", "steps": HP["sft"]["steps"]}, files)
    t = _clock()
    evals = {}
    for name, P in (("base", base), ("sft", S)):
        fa, ar = fact_accuracy(P, cfg, chat), arithmetic_accuracy(P, cfg, chat)
        evals[name] = {"facts": {k: fa[k] for k in ("correct", "total")},
                       "arithmetic": {k: ar[k] for k in ("correct", "total")},
                       "fact_rows": fa["rows"]}
        log(f"{name}: facts {fa['correct']}/{fa['total']}, arithmetic {ar['correct']}/{ar['total']}")
    examples = [{"question": q, "base": b, "sft": s} for q, b, s in zip(
        EXAMPLES, answers(base, cfg, chat, EXAMPLES, 24), answers(S, cfg, chat, EXAMPLES, 24))]
    h = HP["sft"]
    write_json(WEIGHTS / "sft-history.json", {
        "steps": h["steps"], "batch": h["batch"], "conversations": h["conversations"],
        "loss": sft_losses, "eval": evals, "examples": examples})
    write_json(WEIGHTS / "advantage-real.json",
               grpo.advantage_example(S, cfg, chat, {**HP["rl"], **HP["advantage"]}))
    times["sft_eval"] = _since(t)

    # Stages 2 and 3: the RL runs, side by side.
    t = _clock()
    specs = runs()
    global _SFT
    _SFT = (S, cfg, chat)
    import multiprocessing
    with multiprocessing.get_context("fork").Pool(len(specs)) as pool:
        results = pool.map(_run, specs)
    times["rl_and_flawed"] = _since(t)
    times["rl_and_flawed"]["cpu_seconds"] = round(sum(r["cpu_seconds"] for r in results), 1)
    times["per_run_cpu_seconds"] = {s.name: r["cpu_seconds"] for s, r in zip(specs, results)}

    # The RL run: its final held-out evaluation (facts and arithmetic) against SFT's.
    t = _clock()
    rl_run, res = specs[0], results[0]
    kept = {step: _dump(P, cfg, tok, RUNS, f"rl-{step:05d}", {"stage": "rl", "step": step}, run_files)
            for step, P in sorted(res["kept"].items())}
    R = _dump(res["P"], cfg, tok, RUNS, "rl", {"stage": "rl", "steps": rl_run.h["steps"]}, run_files)
    rows = res["rows"]
    mixed = {**HP["rl"], "task": "mixed"}
    final = {"sft": grpo.heldout_eval(S, cfg, chat, mixed), "rl": grpo.heldout_eval(R, cfg, chat, mixed)}
    heldout = [q for q, _ in tasks.HELD_PROBLEMS + tasks.HELD_FACTS]
    replies = {k: answers(P, cfg, chat, heldout, HP["rl"]["max_new"]) for k, P in (("sft", S), ("rl", R))}
    write_json(WEIGHTS / "rl-history.json", {
        "hparams": HP["rl"], "rows": rows, "saved": res["saved"],
        "checkpoints": ["sft"] + [f"rl-{s:05d}" for s in sorted(kept)] + ["rl"],
        "final": final, "heldout_questions": heldout, "replies": replies})
    log(f"rl: held-out {final['sft']} -> {final['rl']}")

    # The flawed-reward runs: what the flawed grader and the true checker say at the end.
    flawed = []
    for run, r in zip(specs[1:], results[1:]):
        F = _dump(r["P"], cfg, tok, RUNS, run.name, {"stage": "rl-flawed", "beta": run.h["beta"],
                                                      "steps": run.h["steps"]}, run_files)
        fin = grpo.heldout_eval(F, cfg, chat, run.h, flawed=True)
        flawed.append({"beta": run.h["beta"], "name": run.name, "rows": r["rows"],
                       "saved": r["saved"], "final": {**fin, "kl": r["rows"][-2]["kl"]}})
        log(f"flawed b={run.h['beta']}: {fin}")
    times["final_eval"] = _since(t)
    write_json(WEIGHTS / "rl-flawed.json",
               {"hparams": {**HP["rl"], **HP["flawed"]}, "reward": "flawed", "runs": flawed})
    times["total"] = _since(t_all)
    times["total"]["cpu_seconds"] = round(times["total"]["cpu_seconds"]
                                          + times["rl_and_flawed"]["cpu_seconds"], 1)

    summary = {
        "base": {k: evals["base"][k] for k in ("facts", "arithmetic")},
        "sft": {k: evals["sft"][k] for k in ("facts", "arithmetic")},
        "heldout": final, "rl_task": HP["rl"]["task"], "rl_kl": rows[-2]["kl"],
        "flawed": [{"beta": r["beta"], **r["final"]} for r in flawed],
    }
    write_json(WEIGHTS / "post-manifest.json", {
        "hparams": HP, "code_sha256": code_hashes(CODE), "base_sha256": sha256(base_bytes),
        "files": dict(sorted(files.items())), "run_files": dict(sorted(run_files.items())),
        "first_sft_losses": sft_losses[:3], "first_rl_loss": rows[0]["loss"],
        "times": times, "summary": summary,
        "machine": "2-core CPU shared with other work, numpy (OpenBLAS), float32",
    }, indent=1)
    log(f"post-training took {times['total']['wall_seconds'] / 60:.1f} min "
        f"({times['total']['cpu_seconds'] / 60:.1f} min of CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
