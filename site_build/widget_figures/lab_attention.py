"""Static figure for Look inside the lab model: the widget's three pictures for the default text,
drawn at build from the real model. Top: every head's attention map, titled with its measured
habit. Middle: one head's arithmetic at the last token (query and keys as coloured cells, the
scores and the weights). Bottom: the answer forming layer by layer (the logit lens's top
candidate at each stage) and how far each half-layer moves the token's vector."""
from site_build.svg import PALETTE, to_svg
from widgets import lab_attention as w

CAPTION = ("Inside the lab model, reading the text shown. Top: every attention head, one small map "
           "per head (rows: layers; columns: heads; in a map a row is a token looking back, a "
           "column a token it looks at, darker is more attention), titled with the habit measured "
           "on this text. Middle: the first head's arithmetic at the last token: its query and "
           "each token's key as coloured cells (blue above zero, orange below), the score of each "
           "and the weights the softmax makes of them. Bottom left: what the model would predict "
           "next if it stopped after each stage (the logit lens; the last row is its real "
           "prediction). Bottom right: how far each half-layer moves the last token's vector. "
           "Computed from the trained model when the book was built, not illustrative.")


def figure() -> str:
    import matplotlib.colors as mcolors
    import matplotlib.pyplot as plt
    from matplotlib.gridspec import GridSpec

    v = w.view({})
    v["arithmetic"] = w.view({"lab_look": "arithmetic"})["arithmetic"]
    v["lens"] = w.view({"lab_look": "layers"})["lens"]
    layers, heads = v["layers"], v["heads"]
    n = len(v["tokens"])
    blues = mcolors.LinearSegmentedColormap.from_list("attn", ["#ffffff00", PALETTE["blue"]])
    diverging = mcolors.LinearSegmentedColormap.from_list(
        "div", [PALETTE["orange"], "#ffffff00", PALETTE["blue"]])
    plt.close("all")
    fig = plt.figure(figsize=(8.4, 14.5))
    gs = GridSpec(layers + 4, heads * 2, figure=fig, height_ratios=[1] * layers + [0.25, 2.4, 0.25, 1.7])

    # 1. Every head at once.
    for a in range(layers):
        for b in range(heads):
            ax = fig.add_subplot(gs[a, 2 * b:2 * b + 2])
            rows = v["maps"][a][b]
            grid = [[rows[i][j] if j <= i else float("nan") for j in range(n)] for i in range(n)]
            ax.imshow(grid, cmap=blues, vmin=0, vmax=1, aspect="equal", interpolation="nearest")
            ax.set_xticks([])
            ax.set_yticks([])
            for spine in ax.spines.values():
                spine.set_linewidth(0.5)
            summary = v["summaries"][a][b]["text"].split(" (")[0]
            ax.set_title(f"L{a + 1} H{b + 1}: {summary}", fontsize=6.5, wrap=True)

    # 2. One head's arithmetic at the last token.
    ar = v["arithmetic"]
    s = v["state"]
    i = v["selected"]
    labels = [f"{j + 1} {t['shown']}" for j, t in enumerate(v["tokens"][:i + 1])]
    ax = fig.add_subplot(gs[layers + 1, 0:4])
    scale = max(abs(x) for row in [ar["query"], *ar["keys"]] for x in row)
    ax.imshow([ar["query"], [float("nan")] * len(ar["query"]), *ar["keys"]], cmap=diverging,
              vmin=-scale, vmax=scale, aspect="auto", interpolation="nearest")
    ax.set_yticks(range(i + 3), [f"query of {v['tokens'][i]['shown']}", ""] + [f"key of {t}" for t in labels],
                  fontsize=6)
    ax.set_xticks([])
    ax.set_title(f"Layer {s['lab_layer']}, head {s['lab_head']}, at “{v['tokens'][i]['shown']}”: "
                 f"query and keys ({ar['size']} numbers each)", fontsize=7.5, loc="left")
    for col, (key, name, colour) in enumerate((("scores", "score (query · key, scaled)", "blue"),
                                               ("weights", "weight (softmax of the scores)", "green"))):
        bx = fig.add_subplot(gs[layers + 1, 4 + 2 * col:6 + 2 * col])
        values = ar[key]
        bx.barh(range(len(values)), values, color=PALETTE[colour])
        bx.set_ylim(len(values) - 0.5 + 2, -0.5)
        bx.set_yticks([])
        bx.tick_params(labelsize=6)
        bx.set_title(name, fontsize=7)
        bx.axvline(0, color="black", linewidth=0.5)

    # 3. The answer forming (the logit lens), and the size of each half-layer's step.
    lx = fig.add_subplot(gs[layers + 3, 0:5])
    lx.axis("off")
    lx.set_title(f"What it would predict after “{v['tokens'][i]['shown']}”, stage by stage",
                 fontsize=7.5, loc="left")
    for k, stage in enumerate(v["lens"]):
        y = 1 - (k + 0.5) / len(v["lens"])
        name = stage["name"] + (" (real)" if k == len(v["lens"]) - 1 else "")
        lx.text(0, y, name, fontsize=7, va="center", transform=lx.transAxes)
        cands = ", ".join(f"{c['shown']} {100 * c['p']:.0f}%" for c in stage["top"][:3])
        lx.text(0.3, y, cands, fontsize=7, va="center", transform=lx.transAxes)
    ux = fig.add_subplot(gs[layers + 3, 6:8])
    u = v["updates"]
    names, sizes, colours = [], [], []
    for k in range(layers):
        names += [f"L{k + 1} attention", f"L{k + 1} feed-fwd"]
        sizes += [u["attn"][k], u["mlp"][k]]
        colours += [PALETTE["blue"], PALETTE["green"]]
    ux.barh(range(len(sizes)), sizes, color=colours)
    ux.set_yticks(range(len(sizes)), names, fontsize=6)
    ux.invert_yaxis()
    ux.tick_params(axis="x", labelsize=6)
    ux.set_title("step sizes", fontsize=7)

    fig.suptitle(f"“{s['lab_attn_text']}” ({n} tokens)", fontsize=9)
    fig.tight_layout()
    habits = "; ".join(f"layer {sm['layer']} head {sm['head']}: {sm['text']}"
                       for layer in v["summaries"] for sm in layer)
    lens = "; ".join(f"after {st['name']}: {st['top'][0]['shown']} {100 * st['top'][0]['p']:.0f}%"
                     for st in v["lens"])
    return to_svg(fig, f"Attention maps of all {layers * heads} heads. {habits}. "
                       f"The answer forming at the last token: {lens}.", "fig-lab-attention")
