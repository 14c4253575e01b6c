/* Kurultai learning: serve downloaded lessons, their files and quiz forms (no answer keys) when offline. */
"use strict";
var CACHE = "kurultai-learning";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) {
            return cache.match(request).then(function (old) { if (old) return cache.put(request, copy); });
          });
        }
        return response;
      }, function () {
        return caches.match(request, { ignoreVary: true }).then(function (found) {
          return found || caches.match(self.registration.scope + "offline/", { ignoreVary: true }) || Response.error();
        });
      })
    );
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreVary: true }).then(function (found) { return found || fetch(request); })
  );
});
