"""Static figure for Attention in the lab model: every layer's and head's attention map for the
default text, each titled with its measured one-line summary. Computed at build from the model."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import lab_attention as w

CAPTION = ("Every attention head of the lab model reading the text shown, one small map per head "
           "(rows: layers; columns: heads). In each map a row is a token looking back and a "
           "column is a token it looks at; darker means more attention; the upper right is the "
           "masked future. Each title is that head's habit, measured on this text. Computed from "
           "the trained model when the book was built, not illustrative.")


def figure() -> str:
    import matplotlib.colors as mcolors
    import matplotlib.pyplot as plt

    v = w.view({})
    from widgets import _labview as lab
    m = lab.model()
    _, _, att = w.maps(m, v["state"]["lab_attn_text"])
    layers, heads = v["layers"], v["heads"]
    cmap = mcolors.LinearSegmentedColormap.from_list("attn", ["#ffffff00", PALETTE["blue"]])
    plt.close("all")
    fig, axes = plt.subplots(layers, heads, figsize=(1.75 * heads, 1.95 * layers), squeeze=False)
    n = len(v["tokens"])
    for a in range(layers):
        for b in range(heads):
            ax = axes[a][b]
            rows = att[a][b]
            grid = [[rows[i][j] if j <= i else float("nan") for j in range(n)] for i in range(n)]
            ax.imshow(grid, cmap=cmap, vmin=0, vmax=1, aspect="equal", interpolation="nearest")
            ax.set_xticks([])
            ax.set_yticks([])
            for spine in ax.spines.values():
                spine.set_visible(True)
                spine.set_linewidth(0.5)
            summary = v["summaries"][a][b]["text"]
            summary = summary.split(" (")[0]
            ax.set_title(f"L{a + 1} H{b + 1}: {summary}", fontsize=6.5, wrap=True)
    fig.suptitle(f"“{v['state']['lab_attn_text']}” ({n} tokens)", fontsize=9)
    fig.tight_layout()
    habits = "; ".join(f"layer {s['layer']} head {s['head']}: {s['text']}"
                       for layer in v["summaries"] for s in layer)
    return to_svg(fig, f"Attention maps of all {layers * heads} heads. {habits}",
                  "fig-lab-attention")
