"""The one entry point the page's Python worker calls: view models as JSON strings in and out.

Strings cross the JavaScript/Python boundary without creating proxies, so nothing leaks however
often a slider moves."""
import importlib
import json

import widgets
from widgets import _data
from widgets._params import clean


def _module_and_state(name: str, state_json: str):
    if name not in widgets.names():
        raise ValueError(f"no widget named {name!r}")
    module = importlib.import_module(f"widgets.{widgets.module_name(name)}")
    try:
        state = json.loads(state_json)
    except ValueError:
        state = {}
    return module, state if isinstance(state, dict) else {}


def files(name: str, state_json: str) -> str:
    """The data files (paths under generated/data/) a call of this widget with this state reads,
    as a JSON list: the worker fetches them before `call`."""
    module, state = _module_and_state(name, state_json)
    return json.dumps(_data.needed(module, clean(module.PARAMS, state)))


def call(name: str, state_json: str) -> str:
    module, state = _module_and_state(name, state_json)
    return json.dumps(module.view(state), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))
