-- POST /api/bookings as a script does (Bearer RB_TOKEN), each request a
-- quarter hour of its own: 15-minute slots in the rooms of RB_ROOMS, on
-- weekdays from 3 days ahead, 44 a day, so every request is a whole
-- booking (a refusal would measure less).
local rooms = {}
for id in string.gmatch(os.getenv("RB_ROOMS") or "", "%d+") do
  rooms[#rooms + 1] = id
end

dofile("bench/threads.lua")

function init(args)
  counter = 0
  nthreads = 2
end

local base = os.time({ year = os.date("*t").year, month = os.date("*t").month,
                       day = os.date("*t").day, hour = 12 })

-- The n-th weekday from 3 days ahead, as YYYYMMDD.
local function weekday(n)
  local t, found = base + 3 * 86400, 0
  while true do
    local w = os.date("*t", t).wday
    if w ~= 1 and w ~= 7 then
      if found == n then return os.date("%Y%m%d", t) end
      found = found + 1
    end
    t = t + 86400
  end
end

local days = {}
for i = 0, 59 do days[i] = weekday(i) end

function request()
  local slot = counter * nthreads + tid
  counter = counter + 1
  local room = rooms[slot % #rooms + 1]
  local q = math.floor(slot / #rooms)
  local day = days[math.floor(q / 44) % 60]
  local m = 8 * 60 + (q % 44) * 15
  local body = string.format(
    '{"roomId":%s,"useStartDtm":"%s%02d%02d","useEndDtm":"%s%02d%02d",' ..
    '"title":"Bench","attendees":2}', room, day, math.floor(m / 60), m % 60,
    day, math.floor((m + 15) / 60), (m + 15) % 60)
  return wrk.format("POST", "/api/bookings", {
    ["Authorization"] = "Bearer " .. (os.getenv("RB_TOKEN") or ""),
    ["Content-Type"] = "application/json" }, body)
end
