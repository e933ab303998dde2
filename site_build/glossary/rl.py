TERMS = {
    "rollout": "One complete attempt by the model at a task, from the first token to the last.",
    "reward hacking": "A model finding a way to score well on the reward without doing what the "
                      "reward was meant to measure.",
    "PPO": "Proximal policy optimisation: a reinforcement learning method that caps how far one "
           "update may move the model (its clip).",
    "GRPO": "Group relative policy optimisation: a PPO variant that uses the average score of a "
            "group of attempts at the same prompt as its baseline, instead of a trained critic.",
    "KL penalty": "The leash in reinforcement learning: a cost for drifting away from the starting "
                  "model, measured by the KL divergence between the two.",
    "verifiable reward": "A reward a program can check with certainty, such as a correct final "
                         "answer or passing tests.",
}
