/* Check-in: camera scanning where the browser has BarcodeDetector, and an offline list kept in localStorage.
   Without this script the page still works: staff type the code and submit the form. */
(function () {
  "use strict";
  var form = document.getElementById("checkin-form");
  if (!form || !window.localStorage || !window.fetch) return;
  var tools = document.querySelector(".checkin-tools");
  var live = document.getElementById("checkin-live");
  var pendingNote = document.getElementById("checkin-pending");
  var input = form.querySelector("[name=code]");
  var d = form.dataset;
  var listKey = "kurultai-checkin-list-" + d.forum;
  var pendingKey = "kurultai-checkin-pending-" + d.forum;
  tools.hidden = false;

  function load(key, fallback) {
    try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch (e) { return fallback; }
  }
  function save(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function say(text, bad) {
    live.hidden = false;
    live.textContent = text;
    live.className = "checkin-result" + (bad ? " checkin-bad" : "");
  }
  function csrf() { return form.querySelector("[name=csrfmiddlewaretoken]").value; }
  function showPending() {
    var n = load(pendingKey, []).length;
    pendingNote.textContent = n ? d.msgOk + " " + n : "";
  }

  function sync() {
    var pending = load(pendingKey, []);
    if (!pending.length || !navigator.onLine) return;
    postCodes(pending).then(function (data) {
      var left = load(pendingKey, []).filter(function (c) { return !(c in data.results); });
      save(pendingKey, left);
      say(d.msgSynced + " " + (pending.length - left.length));
      showPending();
    }).catch(function () { /* still offline: try again later */ });
  }

  function offlineCheckIn(code) {
    var list = load(listKey, null);
    if (!list) return false;
    var person = null;
    list.people.forEach(function (p) { if (p.code === code) person = p; });
    if (!person) { say(d.msgUnknown + " " + code, true); return true; }
    if (person.in) { say(d.msgAlready + " " + person.name); return true; }
    person.in = true;
    save(listKey, list);
    var pending = load(pendingKey, []);
    if (pending.indexOf(code) < 0) pending.push(code);
    save(pendingKey, pending);
    say(d.msgOk + " " + person.name);
    showPending();
    return true;
  }

  function postCodes(codes) {
    return fetch(d.syncUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify({ codes: codes })
    }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  form.addEventListener("submit", function (event) {
    var code = (input.value || "").trim().toUpperCase();
    if (!code || !load(listKey, null)) return; /* no list kept: the normal form submission */
    event.preventDefault();
    input.value = "";
    input.focus();
    /* With a list kept, a dropped connection never loses a check-in: try the server, else record it here. */
    postCodes([code]).then(function (data) {
      var result = data.results[code];
      var name = code;
      load(listKey, { people: [] }).people.forEach(function (p) { if (p.code === code) name = p.name; });
      if (result === "checked_in") say("✓ " + name);
      else if (result === "already") say(d.msgAlready + " " + name);
      else say(result || d.msgUnknown + " " + code, true);
    }).catch(function () { offlineCheckIn(code); });
  });

  document.getElementById("checkin-download").addEventListener("click", function () {
    fetch(d.listUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
      save(listKey, data);
      say(d.msgSaved + " " + data.people.length);
    }).catch(function () { say(d.msgUnknown, true); });
  });

  var scan = document.getElementById("checkin-scan");
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices) {
    scan.hidden = true;
  } else {
    scan.addEventListener("click", function () {
      var video = document.getElementById("checkin-video");
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        function stop() { stream.getTracks().forEach(function (t) { t.stop(); }); video.hidden = true; }
        function tick() {
          detector.detect(video).then(function (codes) {
            if (codes.length) {
              stop();
              input.value = codes[0].rawValue.trim().toUpperCase();
              if (form.requestSubmit) form.requestSubmit(); else form.submit();
            } else {
              window.setTimeout(tick, 250);
            }
          }).catch(function () { window.setTimeout(tick, 500); });
        }
        tick();
      }).catch(function () { scan.hidden = true; input.focus(); });
    });
  }

  window.addEventListener("online", sync);
  showPending();
  sync();
})();
