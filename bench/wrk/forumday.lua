-- A forum day: signed-in participants read the programme, open recommendations and follow them; the
-- secretariat posts progress updates. Environment: BENCH_FORUM, BENCH_RECS (space-separated ids),
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
function request()
  n = n + 1
  local who = people[(n % #people) + 1]
  local rec = recs[(n * 7 % #recs) + 1]
  local roll = n % 100
  local headers = {["Cookie"] = who}
  if roll < 30 then
    return wrk.format("GET", "/en/forums/" .. forum .. "/", headers)
  elseif roll < 45 then
    return wrk.format("GET", "/en/forums/" .. forum .. "/sessions/" .. ((n % 4) + 1) .. "/", headers)
  elseif roll < 75 then
    return wrk.format("GET", "/en/recommendations/" .. rec .. "/", headers)
  elseif roll < 90 then
    return wrk.format("GET", "/en/recommendations/?page=" .. ((n % 3) + 1), headers)
  elseif roll < 98 then
    -- follow / stop following a recommendation (a toggle)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    headers["X-CSRFToken"] = csrf_of(who)
    headers["Referer"] = "http://" .. wrk.host .. ":" .. wrk.port .. "/en/recommendations/" .. rec .. "/"
    return wrk.format("POST", "/en/follow/", headers, "kind=recommendation&key=" .. rec)
  else
    headers = {["Cookie"] = editor, ["Content-Type"] = "application/x-www-form-urlencoded",
               ["X-CSRFToken"] = editor_csrf,
               ["Referer"] = "http://" .. wrk.host .. ":" .. wrk.port .. "/en/recommendations/" .. rec .. "/"}
    return wrk.format("POST", "/en/recommendations/" .. rec .. "/update/", headers,
      "status=in_progress&reporter=secretariat&reported_on=" .. os.date("%Y-%m-%d") .. "&text=Bench+progress+" .. n)
  end
end

done = report.done
