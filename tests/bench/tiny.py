"""The tiny trainable model under CPython: `python -m tests.bench.tiny [--steps N] [--limit S]`.
Prints numbers; never passes or fails.

Per size, on the default text at the default learning rate: the parameter count; one training
step's time (N single steps after a short warm-up: median with min and max), steps and characters
per second; one held-out measurement and writing 200 characters (what the view asks for between
slices); and the training time until the held-out loss first falls below the bigram line
(measured every 25 steps; the measurements themselves are not counted), given up after S seconds.

The page runs the same code in Pyodide, roughly 1.5 to 3 times slower, in slices of about 50 ms:
a step has to fit well inside one. The machine's load average is printed, since on a shared
2-core machine another process can double every time.
"""
from __future__ import annotations

import argparse
import time

from tests.bench.__main__ import load, spread
from widgets import _tiny as T


def step_times(run: T.Run, n: int) -> list[float]:
    run.train(5)                                 # warm up (and leave the first steps' shapes)
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        run.train(1)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def time_to_beat(size: str, limit: float) -> tuple[float | None, int]:
    """Training seconds (and steps) until the held-out loss first falls below the bigram line."""
    run = T.Run(T.corpus(T.corpora()[0]), size=size)
    bigram, spent = run.bigram_loss(), 0.0
    while spent < limit:
        t0 = time.perf_counter()
        run.train(25)
        spent += time.perf_counter() - t0
        if run.heldout_loss() < bigram:
            return spent, run.step
    return None, run.step


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=50, help="steps timed per size (default 50)")
    parser.add_argument("--limit", type=float, default=60.0,
                        help="seconds of training before giving up on the bigram line (default 60)")
    args = parser.parse_args()
    text = T.corpus(T.corpora()[0])
    print(f"tiny model, default text {T.corpora()[0]!r} ({len(text):,} characters), "
          f"learning rate {T.DEFAULT_LR}; {load()}")
    for size, cfg in T.SIZES.items():
        run = T.Run(text, size=size)
        times = step_times(run, args.steps)
        per_second = 1000 / sorted(times)[len(times) // 2]
        t0 = time.perf_counter()
        run.train(1)
        run.heldout_loss()
        held = (time.perf_counter() - t0) * 1000 - times[len(times) // 2]
        t0 = time.perf_counter()
        run.sample(200)
        writing = (time.perf_counter() - t0) * 1000
        beat, steps = time_to_beat(size, args.limit)
        beaten = (f"{beat:.1f} s ({steps} steps)" if beat is not None
                  else f"not within {args.limit:.0f} s ({steps} steps)")
        mark = " (default)" if size == T.DEFAULT_SIZE else ""
        print(f"{size}{mark}: {cfg}, {run.params_count:,} parameters\n"
              f"  one step: {spread(times, digits=1)}   [target: well under 25 ms]\n"
              f"  {per_second:.0f} steps/s, {per_second * run.chars_per_step:,.0f} characters/s; "
              f"a held-out measurement about {held:.0f} ms, "
              f"writing 200 characters {writing:.0f} ms\n"
              f"  below the bigram line after {beaten}   [target for the default: within 20 s]")
    print(f"finished; {load()}")


if __name__ == "__main__":
    main()
