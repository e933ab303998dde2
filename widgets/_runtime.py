"""The one entry point the page's Python worker calls: view models as JSON strings in and out.

Strings cross the JavaScript/Python boundary without creating proxies, so nothing leaks however
often a slider moves."""
import importlib
import json

import widgets


def call(name: str, state_json: str) -> str:
    if name not in widgets.names():
        raise ValueError(f"no widget named {name!r}")
    module = importlib.import_module(f"widgets.{widgets.module_name(name)}")
    try:
        state = json.loads(state_json)
    except ValueError:
        state = {}
    return json.dumps(module.view(state), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))
