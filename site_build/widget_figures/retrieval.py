"""Static figure for the retrieval widget: the BM25 ranking for the default question, with the
passages that fit the default token budget marked."""
from site_build.svg import PALETTE, figure as new_figure, to_svg
from widgets import retrieval as w

Q = w.PARAMS["ret_q"].default
BUDGET = w.PARAMS["ret_budget"].default


def _view():
    return w.view({"ret_q": Q, "ret_budget": BUDGET})


CAPTION = (f"BM25 ranking of the {len(w.PASSAGES)} passages of a made-up town handbook for the "
           f"question “{Q}”. Green passages fit into a {BUDGET}-token prompt and are pasted in; "
           f"grey ones are left out. Real ranking and real cl100k_base token counts; the "
           f"handbook is fictional.")


def figure() -> str:
    view = _view()
    rows = view["rows"]
    fig, ax = new_figure(6.6, 3.4)
    colours = [PALETTE["green"] if r["pasted"] else PALETTE["grey"] for r in rows]
    ax.barh(range(len(rows)), [r["score"] for r in rows], color=colours)
    for i, r in enumerate(rows):
        ax.text(r["score"] + 0.08, i, f"{r['tokens']} tokens" + (", pasted" if r["pasted"] else
                                                                 ", left out"),
                va="center", fontsize=9)
    ax.set_yticks(range(len(rows)), [f"{r['rank']}. {r['title']}" for r in rows], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, max(r["score"] for r in rows) * 1.45)
    ax.set_xlabel(f"BM25 score (prompt: {view['prompt_tokens']} of {BUDGET} tokens)")
    return to_svg(fig, "Bar chart: BM25 scores of the best-matching handbook passages, the top "
                       "ones pasted into the prompt", "fig-retrieval")
