"""Numbers quoted in the Post-training chapter, computed from the chat-template widget's data."""
from widgets import chat_template as w


def facts() -> dict[str, str]:
    view = w.view({"chat_example": "capital"})
    return {
        "post-train.chat.total": str(view["total"]),
        "post-train.chat.content": str(view["counts"]["content"]),
        "post-train.chat.overhead": str(view["overhead"]),
        "post-train.chat.im_start_id": str(w.IM_START[1]),
        "post-train.chat.im_end_id": str(w.IM_END[1]),
    }
