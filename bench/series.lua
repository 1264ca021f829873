-- POST /api/bookings with a recurrence: a weekly series of 52 dates in
-- one request, as a script books a year of team meetings.  Each request
-- takes a weekday and quarter hour of its own in the rooms kept empty for
-- it (RB_ROOMS), from this week on, so every date is free; the token is
-- RB_TOKEN's.
local token = os.getenv("RB_TOKEN") or ""
dofile("bench/threads.lua")
local rooms = rooms_from_env()

function init(args)
  counter = 0
end

-- The first of each weekday (Monday 0 .. Friday 4) from tomorrow on, as
-- yyyyMMdd: 51 weeks later is still inside the series' horizon.
local base = os.time({ year = os.date("*t").year, month = os.date("*t").month,
                       day = os.date("*t").day, hour = 12 })
local firsts = {}
for k = 1, 7 do
  local t = base + k * 86400
  local w = os.date("*t", t).wday - 2  -- Monday 0
  if w >= 0 and w <= 4 then firsts[w] = os.date("%Y%m%d", t) end
end

function request()
  local slot = counter * 2 + tid
  counter = counter + 1
  local room = rooms[slot % #rooms + 1]
  local q = math.floor(slot / #rooms)
  local day = firsts[math.floor(q / 52) % 5]
  local m = 7 * 60 + (q % 52) * 15
  local body = string.format('{"roomId":%s,"useStartDtm":"%s%02d%02d",' ..
    '"useEndDtm":"%s%02d%02d","title":"Bench series","attendees":2,' ..
    '"recurrence":"FREQ=WEEKLY;COUNT=52"}', room, day, math.floor(m / 60), m % 60,
    day, math.floor((m + 15) / 60), (m + 15) % 60)
  return wrk.format("POST", "/api/bookings", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json" }, body)
end
