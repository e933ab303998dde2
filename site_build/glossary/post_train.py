TERMS = {
    "SFT": "Supervised fine-tuning: more training of a base model on example conversations it "
           "learns to imitate. People wrote them at first; since 2024 most replies are written by "
           "models and then filtered.",
    "chat template": "The fixed layout, with special marker tokens, that turns a conversation "
                     "into the single stream of tokens a chat model reads.",
    "reward model": "A second model trained on human (or AI) comparisons to give any answer a "
                    "score for how much a judge would like it.",
    "RLHF": "Reinforcement learning from human feedback: people compare answers, a reward model "
            "learns their taste, and reinforcement learning pushes the chat model toward "
            "high-scoring answers.",
    "DPO": "Direct preference optimisation: learning from pairs of better and worse answers with "
           "a simple classification-style loss, trained over many steps like ordinary "
           "fine-tuning, without a separate reward model or a reinforcement learning loop.",
    "fine-tuning": "Further training of an already trained model on a smaller, chosen set of "
                   "examples, to change its behaviour or specialise it.",
    "special token": "A token reserved for a marker, such as the start of a message or the end "
                     "of a reply, that never comes from ordinary text.",
    "alignment": "Making a model's behaviour match what its makers and users intend: helpful, "
                 "honest, and refusing what it should refuse. Also the research field that "
                 "studies how to do that reliably.",
    "RLAIF": "Reinforcement learning from AI feedback: like RLHF, but a model, not a person, "
             "judges which answer is better.",
    "Constitutional AI": "Anthropic's method of having a model critique and revise answers "
                         "against a written list of principles, then learn from the result.",
    "distillation": "Training a small student model to copy the outputs of a large teacher "
                    "model.",
}
