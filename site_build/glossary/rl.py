TERMS = {
    "rollout": "One complete attempt by the model at a task, from the first token to the last.",
    "reward hacking": "A model finding a way to score well on the reward without doing what the "
                      "reward was meant to measure.",
    "PPO": "Proximal policy optimisation: a reinforcement learning method that takes a few "
           "update steps on each batch of attempts, and whose clip stops rewarding a change in "
           "any token's probability beyond a set ratio in one round. "
           "That removes the push to go further; it does not stop overshoot, so implementations "
           "also stop early when the model drifts too far.",
    "reinforcement learning": "Learning from scored attempts rather than from examples: the "
                              "model tries, a reward says how well it went, and training makes "
                              "better-than-expected attempts more likely.",
    "reasoning model": "A model trained, mostly with reinforcement learning, to write out a long "
                       "stretch of working before its final answer.",
    "policy": "In reinforcement learning, whatever chooses the actions. For a language model, "
              "the model itself: it chooses each next token.",
    "reward": "The score an attempt earns in reinforcement learning, from a program, a person or "
              "a reward model.",
    "baseline": "The score an attempt was expected to earn, subtracted from the score it got, so "
                "that training learns from better or worse than expected rather than from raw "
                "scores.",
    "advantage": "How much better (positive) or worse (negative) an attempt scored than the "
                 "baseline. Training makes high-advantage attempts more likely.",
    "critic": "A second model, trained alongside the policy in PPO, that guesses the score an "
              "attempt will get; its guess is the baseline. GRPO does without it.",
    "GRPO": "Group relative policy optimisation: a PPO variant that uses the average score of a "
            "group of attempts at the same prompt as its baseline, instead of a trained critic.",
    "KL penalty": "The leash in reinforcement learning: a cost for drifting away from the starting "
                  "model, measured by the KL divergence between the two.",
    "verifiable reward": "A reward a program can check with certainty, such as a correct final "
                         "answer or passing tests.",
}
