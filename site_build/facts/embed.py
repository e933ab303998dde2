"""Numbers quoted in the Embeddings chapter, computed from the figures' and widget's own data."""
from site_build.data.embed import VECTORS, angle_degrees, cosine
from widgets import embedding_map as w


def facts() -> dict[str, str]:
    v = w.view({})
    return {
        "embed.cos.cat_kitten": f"{cosine(VECTORS['cat'], VECTORS['kitten']):.2f}",
        "embed.cos.cat_invoice": f"{cosine(VECTORS['cat'], VECTORS['invoice']):.2f}",
        "embed.angle.cat_kitten": f"{angle_degrees(VECTORS['cat'], VECTORS['kitten']):.0f}°",
        "embed.angle.cat_invoice": f"{angle_degrees(VECTORS['cat'], VECTORS['invoice']):.0f}°",
        "embed.analogy.default.result": v["result"],
        "embed.analogy.default.runner_up": v["runner_up"],
        "embed.map.n_words": str(len(w.WORDS)),
    }
