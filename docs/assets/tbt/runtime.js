// Token by Token widget runtime: finds widget roots on each page, starts Python lazily (once per
// visit, in a Web Worker), mounts each widget's view, keeps its state in the URL, and turns any
// failure into a message with a retry while the static figure stays in place. The worker's
// message protocol is written at the top of worker.js. Two sibling scripts share its helpers
// (window.__tbt): theme.js (small mends to the theme) and offline.js (the offline copy).
//
// A widget root (written by site_build/snippets.py) looks like
//   <div class="tbt-widget" id="widget-NAME" data-widget="NAME" data-state="loading"
//        data-params="{...}"> <figure class="tbt-figure">…</figure> </div>
// and its view lives in assets/tbt/widgets/NAME.js:
//   export function mount(live, ctx) { …build controls in `live`…; return { render(view) {…} } }
(function () {
  "use strict";
  if (window.__tbt) return; // instant navigation keeps this script alive: load once
  const base = new URL("../../", document.currentScript.src).href; // site root
  const STATES = { loading: "loading", ready: "ready", error: "error" };

  // ---- Python: one worker per visit, shared by every widget and every page -----------------
  const engine = {
    worker: null,
    ready: null,
    next: 1,
    waiting: new Map(),
    start() {
      if (this.ready) return this.ready;
      this.startedAt = performance.now();        // the benchmark reports it
      this.ready = new Promise((resolve, reject) => {
        let worker;
        try {
          worker = new Worker(base + "assets/tbt/worker.js", { type: "module" });
        } catch (err) {
          reject(err);
          return;
        }
        this.worker = worker;
        worker.onmessage = ({ data }) => {
          const pending = this.waiting.get(data.id);
          if (!pending) return;
          this.waiting.delete(data.id);
          if (data.ok) pending.resolve(JSON.parse(data.json));
          else pending.reject(Object.assign(new Error(data.error), { kind: data.kind || "python" }));
        };
        worker.onerror = (event) => {
          event.preventDefault(); // reported to the reader, not thrown as uncaught
          this.fail(new Error(event.message || "the Python worker could not start"));
        };
        // A last resort if start-up neither succeeds nor reports: give up after a minute.
        const limit = setTimeout(() => this.fail(new Error("Python took too long to start")), 60000);
        this.send({ type: "ping", snapshot: snapshotAllowed() }).then(resolve, reject)
          .finally(() => clearTimeout(limit));
      });
      this.ready.then(keepSnapshot, () => this.stop());
      return this.ready;
    },
    send(msg) {
      return new Promise((resolve, reject) => {
        const id = this.next++;
        this.waiting.set(id, { resolve, reject });
        this.worker.postMessage({ ...msg, id });
      });
    },
    fail(err) {
      for (const pending of this.waiting.values()) pending.reject(err);
      this.waiting.clear();
    },
    stop() {
      if (this.worker) this.worker.terminate();
      this.fail(new Error("Python stopped"));
      this.worker = null;
      this.ready = null; // the next start() tries again from scratch
    },
    async call(widget, state) {
      await this.start();
      return this.send({ type: "call", widget, state });   // the worker fetches its data files
    },
  };

  // ---- A faster start next time: Python's memory snapshot -----------------------------------
  // worker.js restores Python from generated/py/python-snapshot.gz (made by the build) instead of
  // starting it, when that file is already on this device. A first visit starts normally and
  // then, once Python runs and the page is idle, saves the snapshot through the service worker
  // (4.5 MB; not when the reader asked to save data). "Make this book available offline" saves
  // it too. localStorage "tbt-python-start" = "normal" turns the snapshot off on this device.
  const SNAPSHOT = base + "generated/py/python-snapshot.gz";
  function snapshotAllowed() {
    try {
      return localStorage.getItem("tbt-python-start") !== "normal";
    } catch (err) {
      return true;                  // storage blocked: the snapshot itself needs no storage key
    }
  }
  let snapshotKept = false;
  function keepSnapshot() {
    const sw = navigator.serviceWorker;
    if (snapshotKept || !snapshotAllowed() || !sw || !window.caches) return;
    if (navigator.connection && navigator.connection.saveData) return;
    if (!sw.controller) {             // first visit: the service worker takes over a moment later
      sw.addEventListener("controllerchange", keepSnapshot, { once: true });
      return;
    }
    snapshotKept = true;
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 2000));
    idle(() => {
      caches.match(SNAPSHOT).then((hit) => hit || fetch(SNAPSHOT).then((r) => r.arrayBuffer()))
        .catch(() => { snapshotKept = false; });   // offline or refused: try again next start
    }, { timeout: 10000 });
  }

  // ---- The address bar names the page on screen -------------------------------------------
  // mkdocs-material's navigation.tracking writes the heading in view into the address, 250 ms
  // after scrolling stops. If the reader follows a link within those 250 ms, that late write
  // lands on the next page's address ("/#temperature" on the start page). We keep the path of the
  // page whose content is on screen, and ignore a hash written for any other page or for an id
  // this page does not have.
  let shownPath = location.pathname;
  const onPage = (hash) => {
    try {
      return !!document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch (err) {
      return false;                 // a malformed escape names nothing
    }
  };
  const replaceState = history.replaceState.bind(history);
  history.replaceState = function (data, unused, url) {
    if (url != null) {
      const next = new URL(String(url), location.href);
      if (next.hash && next.hash !== location.hash && (next.pathname !== shownPath || !onPage(next.hash))) {
        return undefined;
      }
    }
    return replaceState(data, unused, url);
  };

  // ---- Shareable state in the address bar --------------------------------------------------
  function format(value) {
    if (typeof value === "boolean") return value ? "1" : "0";
    if (typeof value === "number") return String(+value.toFixed(6));
    return String(value);
  }
  function stateFromURL(specs) {
    const query = new URLSearchParams(location.search);
    const raw = {};
    for (const key of Object.keys(specs)) if (query.has(key)) raw[key] = query.get(key);
    return raw; // raw strings: Python's clean() parses them and falls back to defaults
  }
  function urlFor(specs, state, hash) {
    const url = new URL(location.href);
    for (const [key, spec] of Object.entries(specs)) {
      if (!(key in state) || format(state[key]) === format(spec.default)) url.searchParams.delete(key);
      else url.searchParams.set(key, format(state[key]));
    }
    url.hash = hash || url.hash;
    return url;
  }

  // ---- Small DOM helpers (text only: nothing typed by a reader is ever parsed as HTML) -----
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function setStatus(root, text) {
    let status = root.querySelector(":scope > .tbt-status");
    if (!text) {
      if (status) status.remove();
      return;
    }
    if (!status) {
      status = el("p", "tbt-status");
      status.setAttribute("role", "status");
      root.prepend(status);
    }
    status.textContent = text;
  }

  function showError(root, err) {
    root.dataset.state = STATES.error;
    setStatus(root, "");
    for (const old of root.querySelectorAll(":scope > .tbt-live, :scope > .tbt-error")) old.remove();
    const box = el("div", "tbt-error");
    box.setAttribute("role", "alert");
    box.append(el("p", "", (err && err.kind === "download"
      ? "A file this figure needs could not be downloaded" + (navigator.onLine === false
        ? " (you seem to be offline)" : " (perhaps you are offline)")
      : navigator.onLine === false
        ? "The interactive version of this figure could not start: you seem to be offline, and " +
          "it has not been saved for offline use yet"
        : "The interactive version of this figure could not start in this browser") +
      ", so you are seeing its static picture, which shows the same idea."));
    const retry = el("button", "md-button", "Try again");
    retry.type = "button";
    retry.addEventListener("click", () => {
      box.remove();
      delete root.dataset.mounted;
      mount(root);
    });
    box.append(retry);
    root.prepend(box);
    if (window.console) console.warn(`[tbt] ${root.dataset.widget}:`, err && err.message);
  }

  function toolbar(root, specs, getState) {
    const bar = el("div", "tbt-toolbar");
    const copy = el("button", "tbt-tool", "Copy link to this view");
    copy.type = "button";
    const said = el("span", "tbt-said");
    said.setAttribute("aria-live", "polite");
    copy.addEventListener("click", async () => {
      const link = urlFor(specs, getState(), "#" + root.id).href;
      try {
        await navigator.clipboard.writeText(link);
        said.textContent = "Link copied.";
      } catch (err) {
        said.textContent = link; // clipboard unavailable: show the link to copy by hand
      }
      root.dataset.link = link;
    });
    const present = el("button", "tbt-tool", "Presenter view");
    present.type = "button";
    present.setAttribute("aria-pressed", "false");
    present.addEventListener("click", () => presenter(root, present));
    bar.append(copy, present, said);
    return bar;
  }

  // Presenter view: the widget fills the screen in large type for a projector; Escape leaves.
  function presenter(root, button) {
    const on = !root.classList.contains("tbt-presenting");
    root.classList.toggle("tbt-presenting", on);
    document.documentElement.classList.toggle("tbt-has-presenter", on);
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? "Leave presenter view (Esc)" : "Presenter view";
    const onKey = (event) => {
      if (event.key === "Escape" && root.classList.contains("tbt-presenting")) {
        presenter(root, button);
        button.focus();
      }
    };
    if (on) {
      root.__tbtEscape = onKey;
      document.addEventListener("keydown", onKey);
      root.setAttribute("tabindex", "-1");
      root.focus();
    } else {
      document.removeEventListener("keydown", root.__tbtEscape);
      root.removeAttribute("tabindex");
    }
  }

  // ---- Mounting --------------------------------------------------------------------------
  async function mount(root) {
    if (root.dataset.mounted) return;
    root.dataset.mounted = "1";
    const name = root.dataset.widget;
    let specs;
    try {
      specs = JSON.parse(root.dataset.params || "{}");
    } catch (err) {
      specs = {};
    }
    root.dataset.state = STATES.loading;
    const slow = setTimeout(() => setStatus(root, "Starting Python in your browser (first time only)…"), 120);
    try {
      // The widget's styles are already on the page: all widget stylesheets are bundled into
      // generated/widgets.css, which the theme links (site_build/widget_styles.py says why).
      const [view] = await Promise.all([import(base + `assets/tbt/widgets/${name}.js`), engine.start()]);
      let state = stateFromURL(specs);
      let busy = false;
      let dirty = false;
      let instance = null;
      const live = el("div", "tbt-live");
      const request = (s) => engine.call(name, s);
      // A data file that fails to download leaves Python and the live view as they were: the
      // reader's choice stays (in the controls and the address), a plain note says what failed,
      // and "Try again" asks for the same state again.
      const notice = el("div", "tbt-notice");
      notice.setAttribute("role", "alert");
      const downloadFailed = (err) => {
        notice.replaceChildren(el("p", "", "Could not download the data for this choice" +
          (navigator.onLine === false ? ": you seem to be offline." : " (perhaps you are offline).") +
          " The figure below still shows the previous result."));
        const again = el("button", "md-button tbt-button", "Try again");
        again.type = "button";
        again.addEventListener("click", () => {
          notice.replaceChildren();
          root.dataset.download = "retrying";
          refresh();
        });
        notice.append(again);
        root.dataset.download = "failed";
        if (window.console) console.warn(`[tbt] ${name}:`, err && err.message);
      };
      const refresh = async () => {
        busy = true;
        try {
          do {
            dirty = false;
            const model = await request(state);
            if (!root.isConnected) return;
            if (!dirty) state = model.state;
            instance.render(model);
            if (root.dataset.download) {
              notice.replaceChildren();
              delete root.dataset.download;
            }
            syncAddress();
          } while (dirty);
        } catch (err) {
          if (err && err.kind === "download" && root.isConnected) {
            downloadFailed(err);
            syncAddress();
          } else showError(root, err);
        } finally {
          busy = false;
        }
      };
      // The address bar follows the state, but lazily: browsers throttle rapid replaceState
      // calls, and a slider can fire sixty times a second. Replace, never push: no history spam.
      let addressTimer = 0;
      const syncAddress = () => {
        clearTimeout(addressTimer);
        addressTimer = setTimeout(() => {
          if (root.isConnected && location.pathname === shownPath) {
            history.replaceState(history.state, "", urlFor(specs, state));
          }
        }, 150);
      };
      const ctx = {
        root,
        id: (suffix) => `${root.id}-${suffix}`,
        get state() {
          return state;
        },
        set(partial) {
          state = { ...state, ...partial };
          if (busy) dirty = true;
          else refresh();
        },
        // Long work in slices (train-tiny): the view model for the current state plus `extra`
        // keys that start with "_" (never part of the state or the address), without rendering.
        // Each call is one message to the worker, so other widgets' calls run in between.
        call(extra) {
          return request({ ...state, ...extra });
        },
      };
      instance = view.mount(live, ctx);
      live.prepend(notice);
      const first = await request(state);
      state = first.state;
      instance.render(first);
      live.append(toolbar(root, specs, () => state));
      root.append(live);
      syncAddress();
      root.dataset.state = STATES.ready;
    } catch (err) {
      showError(root, err);
    } finally {
      clearTimeout(slow);
      if (root.dataset.state !== STATES.error) setStatus(root, "");
    }
  }

  // Python starts only when a widget comes near the viewport: within MARGIN pixels of the screen
  // (`top`: where the screen will start, 0 for where it is now).
  const MARGIN = 400;
  function isNear(root, top = 0) {
    const box = root.getBoundingClientRect();
    return box.top - top < innerHeight + MARGIN && box.bottom - top > -MARGIN;
  }
  const nearby = "IntersectionObserver" in window
    ? new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          nearby.unobserve(entry.target);
          mount(entry.target);
        }
      }, { rootMargin: `${MARGIN}px 0px` })
    : null;

  // Find the page's widgets and mount each when it comes near the screen (every page, including
  // after instant navigation).
  function scan() {
    shownPath = location.pathname;
    if (document.documentElement.classList.contains("tbt-has-presenter")) {
      document.documentElement.classList.remove("tbt-has-presenter"); // left by navigation
    }
    for (const root of document.querySelectorAll("[data-widget]:not([data-mounted])")) {
      if (isNear(root) || !nearby) mount(root); // already in view: don't wait a frame for the observer
      else nearby.observe(root);
    }
  }

  // Start Python now, before the theme's document$ emits (scan() mounts the widgets then), if a
  // widget is already near the screen the reader will see: the first screen, or the one the
  // address's #section opens at. The rule stays "only when a widget comes near the viewport".
  function startEarly() {
    let target = null;
    try {
      target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (err) {
      target = null;                // a malformed escape names nothing
    }
    const top = target ? target.getBoundingClientRect().top : 0;
    for (const root of document.querySelectorAll("[data-widget]")) {
      if (isNear(root, top)) {
        engine.start().catch(() => {});   // failures are shown when the widget mounts
        return;
      }
    }
  }
  startEarly();

  // Run `fn` for every page the reader sees: the theme's document$ emits on the first load and
  // after each instant navigation; without the theme's script, once the page is parsed.
  function onEachPage(fn) {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fn);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  // Shared with theme.js and offline.js (loaded after this file); offline.js adds `offline`.
  // The tests read `engine` (and call `mount`).
  window.__tbt = { engine, scan, mount, el, onEachPage };
  onEachPage(scan);
})();
