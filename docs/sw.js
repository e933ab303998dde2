// Token by Token's service worker: a plain file at the site root, registered by
// assets/tbt/offline.js (only over HTTPS or on 127.0.0.1/localhost; never for file://).
//
// - Every file the book serves is kept, as it is used, in one cache per build: "tbt-<build hash>".
//   The hash comes from generated/offline.js (written after the build by site_build.offline),
//   so a rebuilt site installs a new worker with a new, empty cache, and the old cache is deleted
//   whole once the new worker takes over: a page never mixes with another build's assets.
// - "Make this book available offline" (assets/tbt/offline.js) asks this worker to save every
//   file listed in generated/offline.js, reporting progress; "Remove offline copy" deletes the
//   cache.
// - Offline and not saved: a page answers with a short note, any other file fails at once (the
//   runtime shows a plain message with a retry); nothing hangs.
importScripts("generated/offline.js");

const LIST = self.TBT_OFFLINE;
const CACHE = "tbt-" + LIST.version;
const SAVED = "__tbt_offline_copy__";          // marker entry: the reader saved the whole book
const root = self.registration.scope;          // the site root
const urlOf = (path) => new URL(path, root).href;

self.addEventListener("install", () => {
  // Nothing is downloaded here: files are cached as they are used, or all at once on request.
  // A new build waits until the book's open pages are gone, or until a page asks (see "swap").
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    let wasSaved = false;
    for (const name of await caches.keys()) {
      if (!name.startsWith("tbt-") || name === CACHE) continue;
      const old = await caches.open(name);
      if (await old.match(urlOf(SAVED))) wasSaved = true;
      await caches.delete(name);
    }
    await self.clients.claim();
    if (wasSaved) saveAll().catch(() => {});   // the reader wanted an offline copy: renew it
  })());
});

// Python's memory snapshot travels gzip-compressed (4.5 MB) but is kept here decompressed (12 MB;
// the build leaves out the memory's all-zero pages), so that a repeat visit restores it without
// spending a quarter second unpacking it first.
const SNAPSHOT = urlOf("generated/py/python-snapshot.gz");
function storable(url, response) {
  if (url !== SNAPSHOT || typeof DecompressionStream !== "function") return response;
  if (/gzip/.test(response.headers.get("Content-Encoding") || "")) return response;  // host unpacked it
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip")),
    { headers: { "Content-Type": "application/octet-stream" } });
}

// ---- Serving ----------------------------------------------------------------------------------
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(root) || request.headers.has("range")) return;
  const url = new URL(request.url);
  if (url.pathname.endsWith("/sw.js") || url.pathname.endsWith("/generated/offline.js")) return;
  event.respondWith(serve(request, event));
});

async function serve(request, event) {
  const cache = await caches.open(CACHE);
  const page = request.mode === "navigate";
  const hit = await cache.match(request, { ignoreSearch: page });   // ?temperature=… is the same page
  if (hit) return hit;
  let response;
  try {
    response = await fetch(request);
  } catch (err) {
    if (page) return offlinePage();
    return Response.error();                    // fails at once: the page shows a retry
  }
  if (response.ok && response.type === "basic") {
    const key = page ? new URL(request.url).origin + new URL(request.url).pathname : request;
    event.waitUntil(cache.put(key, storable(request.url, response.clone())).catch(() => {}));
  }
  return response;
}

function offlinePage() {
  const html = "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
    "<title>Not saved for offline reading</title><main style='font:1.1rem/1.5 system-ui,sans-serif;" +
    "max-width:34rem;margin:3rem auto;padding:0 1rem'><h1>You are offline</h1><p>This page of " +
    "Token by Token has not been saved on this device yet. Connect to the network and reload, or " +
    "use “Make this book available offline” at the bottom of any page while online.</p>" +
    "<p><a href='" + root + "'>Go to the start page</a></p></main>";
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// ---- The offline copy -----------------------------------------------------------------------
let saving = null;

async function broadcast(message) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
}

async function status() {
  const marker = await caches.match(urlOf(SAVED), { cacheName: CACHE });   // opens no cache
  return { type: "status", version: LIST.version, bytes: LIST.bytes, files: LIST.files.length,
    saved: !!marker, saving: !!saving };
}

function saveAll() {
  if (saving) return saving;
  saving = (async () => {
    const cache = await caches.open(CACHE);
    let done = 0;
    let last = 0;
    const queue = LIST.files.slice();
    const report = (force) => {
      const now = Date.now();
      if (force || now - last > 150) {
        last = now;
        broadcast({ type: "progress", done, bytes: LIST.bytes });
      }
    };
    const worker = async () => {
      while (queue.length) {
        const [path, size] = queue.shift();
        const url = urlOf(path);
        if (!(await cache.match(url))) {
          const response = await fetch(url, { cache: "no-cache" });
          if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
          await cache.put(url, storable(url, response));
        }
        done += size;
        report(false);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    await cache.put(urlOf(SAVED), new Response(JSON.stringify({ version: LIST.version, bytes: LIST.bytes })));
    report(true);
  })();
  saving.then(
    () => broadcast({ type: "saved", version: LIST.version, bytes: LIST.bytes }),
    (err) => broadcast({ type: "failed", error: String((err && err.message) || err) }),
  ).finally(() => {
    saving = null;
  });
  return saving;
}

self.addEventListener("message", (event) => {
  const msg = event.data || {};
  const reply = (data) => (event.ports[0] ? event.ports[0].postMessage(data) : null);
  if (msg.type === "status") {
    event.waitUntil(status().then(reply));
  } else if (msg.type === "save") {
    const job = saveAll();
    event.waitUntil(job.catch(() => {}));
    reply({ type: "started" });
  } else if (msg.type === "remove") {
    event.waitUntil(caches.delete(CACHE).then(status).then((s) => {
      reply(s);
      broadcast(s);
    }));
  } else if (msg.type === "swap") {
    self.skipWaiting();                          // a page of the old build is leaving: take over
  }
});
