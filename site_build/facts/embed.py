"""Numbers quoted in the Embeddings chapter, computed from the figures' and widget's own data."""
from site_build.data.embed import VECTORS, angle_degrees, cosine
from widgets import embedding_map as w

IMAGE_SIDE, PATCH_SIDE = 224, 16        # pixels: ViT's standard input size and patch size


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
        # Vision Transformer patches (Dosovitskiy et al. 2020): a 224 x 224 picture in 16 x 16 squares.
        "embed.patches.count": str((IMAGE_SIDE // PATCH_SIDE) ** 2),
    }
