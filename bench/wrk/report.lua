-- Shared by every scenario: print one JSON line with throughput, latency percentiles (ms) and errors.
local report = {}

function report.done(summary, latency, _requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local bad = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format(
    'BENCH {"requests": %d, "rps": %.1f, "p50": %.1f, "p95": %.1f, "p99": %.1f, "max": %.1f, "errors": %d, ' ..
    '"status_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad, e.status, e.timeout))
end

return report
