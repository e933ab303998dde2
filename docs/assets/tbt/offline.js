// Token by Token: the offline copy. The service worker (sw.js at the site root) keeps what a
// reader uses and, on request, the whole book; this file registers it and draws the "Make this
// book available offline" box at the foot of every page. Loaded after runtime.js.
(function () {
  "use strict";
  if (!window.__tbt || window.__tbt.offline) return;  // instant navigation keeps this script alive
  const base = new URL("../../", document.currentScript.src).href; // site root
  const { el } = window.__tbt;

  // The worker (sw.js at the site root) caches what is used and, on request, the whole book. Only
  // where browsers allow service workers: HTTPS, or http on 127.0.0.1/localhost; never file://.
  const offline = {
    supported: "serviceWorker" in navigator && window.isSecureContext && /^https?:$/.test(location.protocol),
    box: null,
    swapOnLeave: false,
  };
  function mb(bytes) {
    return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
  }
  function askWorker(message) {
    return navigator.serviceWorker.ready.then((reg) => new Promise((resolve, reject) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = ({ data }) => resolve(data);
      const timer = setTimeout(() => reject(new Error("no answer")), 10000);
      channel.port1.addEventListener("message", () => clearTimeout(timer));
      reg.active.postMessage(message, [channel.port2]);
    }));
  }
  function offlineBox() {
    if (offline.box) return offline.box;
    const box = el("section", "tbt-offline");
    box.setAttribute("aria-label", "Offline copy");
    const text = el("p", "tbt-offline-text", "");
    const bar = el("progress", "tbt-offline-progress");
    bar.max = 1;
    bar.value = 0;
    bar.hidden = true;
    bar.setAttribute("aria-label", "Saving the book for offline reading");
    const save = el("button", "md-button tbt-button", "Make this book available offline");
    save.type = "button";
    const remove = el("button", "md-button tbt-button", "Remove offline copy");
    remove.type = "button";
    remove.hidden = true;
    const said = el("p", "tbt-offline-said", "");
    said.setAttribute("aria-live", "polite");
    box.append(text, save, remove, bar, said);
    let total = 0;
    const show = (s) => {
      total = s.bytes || total;
      box.dataset.offline = s.saving ? "saving" : s.saved ? "saved" : "none";
      save.hidden = !!s.saved;
      save.disabled = !!s.saving;
      remove.hidden = !s.saved;
      bar.hidden = !s.saving;
      text.textContent = s.saved
        ? `This book is saved on this device for offline reading (${mb(total)}): every chapter opens and every widget works without a network.`
        : `Reading on a train or a school network? Save the whole book on this device: ${mb(total)} ` +
          `(${s.files} files: every chapter, Python for the widgets, and their data).`;
    };
    save.addEventListener("click", () => {
      said.textContent = `Saving ${mb(total)}…`;
      show({ saving: true, saved: false, bytes: total, files: 0 });
      askWorker({ type: "save" }).catch((err) => {
        said.textContent = `Could not start saving: ${err.message}.`;
      });
    });
    remove.addEventListener("click", () => {
      askWorker({ type: "remove" }).then((s) => {
        show(s);
        said.textContent = "The offline copy was removed.";
      });
    });
    navigator.serviceWorker.addEventListener("message", ({ data }) => {
      if (!data) return;
      if (data.type === "progress") {
        bar.hidden = false;
        bar.value = data.bytes ? data.done / data.bytes : 0;
        said.textContent = `Saved ${mb(data.done)} of ${mb(data.bytes)}…`;
      } else if (data.type === "saved") {
        show({ saved: true, saving: false, bytes: data.bytes });
        said.textContent = "Done: the book is available offline.";
      } else if (data.type === "failed") {
        show({ saved: false, saving: false, bytes: total });
        said.textContent = `Saving stopped (${data.error}); perhaps the network went away. Try again when you are online.`;
      } else if (data.type === "status") {
        show(data);
      }
    });
    offline.box = box;
    askWorker({ type: "status" }).then(show, () => box.remove());
    return box;
  }
  function placeOffline() {
    if (!offline.supported || !navigator.serviceWorker.controller) return;
    const article = document.querySelector(".md-content__inner");
    if (article) article.append(offlineBox());
  }
  if (offline.supported) {
    const start = () => navigator.serviceWorker
      .register(base + "sw.js", { scope: base, updateViaCache: "none" })
      .then((reg) => {
        // A newer build is installed and waiting: switch to it when the reader follows a link
        // (a full page load then, so the new page never runs with this page's older assets).
        const watch = (worker) => worker && worker.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) offline.swapOnLeave = true;
        });
        if (reg.waiting && navigator.serviceWorker.controller) offline.swapOnLeave = true;
        watch(reg.installing);
        reg.addEventListener("updatefound", () => watch(reg.installing));
      })
      .catch(() => {});                      // e.g. a build without generated/offline.js
    navigator.serviceWorker.addEventListener("controllerchange", placeOffline);
    document.addEventListener("click", (event) => {
      if (!offline.swapOnLeave || event.defaultPrevented || event.button !== 0 ||
          event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target.closest && event.target.closest("a[href]");
      if (!link || link.target || link.origin !== location.origin || !link.href.startsWith(base)) return;
      event.preventDefault();
      event.stopImmediatePropagation();       // no instant navigation into the new build
      navigator.serviceWorker.getRegistration(base).then((reg) => {
        if (reg && reg.waiting) reg.waiting.postMessage({ type: "swap" });
        setTimeout(() => { location.href = link.href; }, 100);
      });
    }, true);
    if (document.readyState === "complete") start();
    else addEventListener("load", start, { once: true });
  }


  window.__tbt.offline = offline;                  // tests read offline.swapOnLeave
  window.__tbt.onEachPage(placeOffline);
})();
