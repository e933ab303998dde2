"""Numbers on the Start here page: the strawberry question as real tokens (tiktoken)."""
QUESTION = "How many r's are in strawberry?"
ENCODING = "cl100k_base"


def facts() -> dict[str, str]:
    from site_build.data.tokenize import count, split

    return {
        "start.question.split.cl100k_base": split(QUESTION, ENCODING),
        "start.question.count.cl100k_base": str(count(QUESTION, ENCODING)),
    }
