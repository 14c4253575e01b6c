/* Lessons: time beacon, "download for offline", answers kept on the device while offline and sent when the
   connection returns. Progressive enhancement: every page works without it. */
(function () {
  "use strict";
  var QUEUE = "kurultai-learning-queue";
  var CACHE = "kurultai-learning";
  var box = document.getElementById("learning-sync");
  var texts = box && box.querySelector("[data-sync-messages]");
  var status = box && box.querySelector("[data-sync-status]");

  function say(key, extra) {
    if (status && texts) status.textContent = texts.getAttribute("data-" + key) + (extra ? " " + extra : "");
  }
  function csrf() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || "[]"); } catch (e) { return []; }
  }
  function store(queue) {
    try { localStorage.setItem(QUEUE, JSON.stringify(queue)); } catch (e) { /* storage full or blocked */ }
    show();
  }
  function show() {
    var queue = load();
    if (!box) return;
    if (queue.length || !navigator.onLine) box.hidden = false;
    if (queue.length) say("waiting", String(queue.length));
    else if (!navigator.onLine) say("offline");
  }
  function key() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return String(Date.now()) + String(Math.random()).slice(2);
  }

  function flush() {
    var queue = load();
    if (!queue.length || !navigator.onLine) { show(); return; }
    var item = queue[0];
    var body = new URLSearchParams();
    item.body.forEach(function (pair) { body.append(pair[0], pair[1]); });
    body.set("csrfmiddlewaretoken", csrf() || body.get("csrfmiddlewaretoken") || "");
    fetch(item.url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": body.get("csrfmiddlewaretoken") }
    }).then(function (response) {
      if (response.ok || response.status === 409 || response.status === 400 || response.status === 404) {
        var rest = load();
        rest.shift();
        store(rest);
        if (rest.length) flush(); else say("sent");
      } else { show(); }
    }, show);
  }

  document.querySelectorAll("form[data-offline-quiz]").forEach(function (form) {
    var opened = Date.now();
    form.addEventListener("submit", function (event) {
      var seconds = String(Math.round((Date.now() - opened) / 1000));
      if (navigator.onLine) {
        var field = document.createElement("input");
        field.type = "hidden"; field.name = "seconds"; field.value = seconds;
        form.appendChild(field);
        return;
      }
      event.preventDefault();
      var body = [];
      new FormData(form).forEach(function (value, name) { if (name !== "key") body.push([name, String(value)]); });
      body.push(["key", key()], ["offline", "1"], ["seconds", seconds]);
      var queue = load();
      queue.push({ url: form.action, body: body });
      store(queue);
      form.reset();
      say("saved");
    });
  });

  var lesson = document.getElementById("lesson");
  if (lesson) {
    var start = Date.now(), total = 0;
    var spent = function () { return Math.round((total + (document.hidden ? 0 : Date.now() - start)) / 1000); };
    var beacon = function () {
      if (!navigator.onLine || !navigator.sendBeacon) return;
      var data = new FormData();
      data.append("seconds", String(spent()));
      data.append("csrfmiddlewaretoken", csrf());
      navigator.sendBeacon(lesson.getAttribute("data-time-url"), data);
    };
    document.addEventListener("visibilitychange", function () {
      if (document.hidden) { total += Date.now() - start; beacon(); } else { start = Date.now(); }
    });
    window.addEventListener("pagehide", beacon);
  }

  document.querySelectorAll("[data-offline-download]").forEach(function (button) {
    if (!("caches" in window) || !("serviceWorker" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var only = button.getAttribute("data-offline-lesson");
      button.disabled = true;
      fetch(button.getAttribute("data-offline-download"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (manifest) {
          var urls = only ? manifest.lessons[only].concat(manifest.shared) : manifest.urls.concat(manifest.shared);
          return caches.open(CACHE).then(function (cache) { return cache.addAll(urls); });
        })
        .then(function () { say("stored"); if (box) box.hidden = false; },
              function () { say("failed"); if (box) box.hidden = false; })
        .then(function () { button.disabled = false; });
    });
  });

  if (box) {
    var now = box.querySelector("[data-sync-now]");
    if (now) now.addEventListener("click", flush);
    if ("serviceWorker" in navigator && box.getAttribute("data-sw")) {
      var worker = box.getAttribute("data-sw");
      navigator.serviceWorker.register(worker, { scope: worker.replace(/sw\.js$/, "") }).catch(function () {});
    }
  }
  window.addEventListener("online", flush);
  window.addEventListener("offline", show);
  flush();
})();
