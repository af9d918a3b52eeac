-- Heavy searches of /api/search, each one different (a NOT of a word no article holds), so that
-- no count is kept from an earlier search:
--   wrk -t2 -c32 -d10s --latency -s bench/wrk/search-varied.lua http://127.0.0.1:5099
counter = 0
request = function()
  counter = counter + 1
  local qs = {"korea", "people", "%22Workers%27%20Party%20of%20Korea%22", "Kim%20Jong%20Un", "sorghum", "nuclear%20weapons"}
  local q = qs[(counter % #qs) + 1]
  return wrk.format("GET", "/api/search?limit=10&q=" .. q .. "%20-zzq" .. tostring(math.random(1, 100000000)))
end
