-- A forum day: signed-in participants read the forum, its sessions and programme, open recommendations,
-- follow them and register (or cancel); the secretariat posts progress updates. Environment: BENCH_FORUM, BENCH_RECS (space-separated ids),
-- BENCH_PEOPLE (cookies separated by "|"), BENCH_EDITOR (cookie), BENCH_EDITOR_CSRF.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local report = require("report")

local forum = os.getenv("BENCH_FORUM")
local recs = {}
for id in string.gmatch(os.getenv("BENCH_RECS") or "1", "%S+") do recs[#recs + 1] = id end
local people = {}
for cookie in string.gmatch(os.getenv("BENCH_PEOPLE") or "", "[^|]+") do people[#people + 1] = cookie end
local editor = os.getenv("BENCH_EDITOR")
local editor_csrf = os.getenv("BENCH_EDITOR_CSRF")

local function csrf_of(cookie) return string.match(cookie, "csrftoken=([^;]+)") or "" end

local n = 0
local registered = {}
function request()
  n = n + 1
  local index = math.random(#people)
  local who = people[index]
  local rec = recs[math.random(#recs)]
  local roll = math.random(0, 99)
  local headers = {["Cookie"] = who}
  if roll < 25 then
    return wrk.format("GET", "/en/forums/" .. forum .. "/", headers)
  elseif roll < 37 then
    return wrk.format("GET", "/en/forums/" .. forum .. "/sessions/" .. math.random(4) .. "/", headers)
  elseif roll < 50 then
    return wrk.format("GET", "/en/forums/" .. forum .. "/programme/", headers)
  elseif roll < 75 then
    return wrk.format("GET", "/en/recommendations/" .. rec .. "/", headers)
  elseif roll < 88 then
    return wrk.format("GET", "/en/recommendations/?page=" .. math.random(3), headers)
  elseif roll < 94 then
    -- follow / stop following a recommendation (a toggle)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    headers["X-CSRFToken"] = csrf_of(who)
    headers["Referer"] = "http://" .. wrk.host .. ":" .. wrk.port .. "/en/recommendations/" .. rec .. "/"
    return wrk.format("POST", "/en/follow/", headers, "kind=recommendation&key=" .. rec)
  elseif roll < 98 then
    -- register online for the forum, or cancel again, through the participation forms
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    headers["X-CSRFToken"] = csrf_of(who)
    headers["Referer"] = "http://" .. wrk.host .. ":" .. wrk.port .. "/en/forums/" .. forum .. "/register/"
    registered[index] = not registered[index]
    if registered[index] then
      return wrk.format("POST", "/en/forums/" .. forum .. "/register/", headers,
        "format=online&name=Bench+participant+" .. index)
    end
    return wrk.format("POST", "/en/forums/" .. forum .. "/registration/cancel/", headers, "")
  else
    headers = {["Cookie"] = editor, ["Content-Type"] = "application/x-www-form-urlencoded",
               ["X-CSRFToken"] = editor_csrf,
               ["Referer"] = "http://" .. wrk.host .. ":" .. wrk.port .. "/en/recommendations/" .. rec .. "/"}
    return wrk.format("POST", "/en/recommendations/" .. rec .. "/update/", headers,
      "status=in_progress&reporter=secretariat&reported_on=" .. os.date("%Y-%m-%d") .. "&text=Bench+progress+" .. n)
  end
end

done = report.done
