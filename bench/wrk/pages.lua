-- One page kind: GET a random path of BENCH_PATHS (space-separated), with BENCH_COOKIE when signed in.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local report = require("report")

local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "%S+") do
  paths[#paths + 1] = path
end
local cookie = os.getenv("BENCH_COOKIE") or ""
local headers = {}
if cookie ~= "" then headers["Cookie"] = cookie end
local gzip = os.getenv("BENCH_GZIP") or ""
if gzip ~= "" then headers["Accept-Encoding"] = "gzip" end

local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end

done = report.done
