-- POST /api/bookings as a script does (Bearer RB_TOKEN), each request a
-- quarter hour of its own: 15-minute slots in the rooms of RB_ROOMS, on
-- weekdays from 3 days ahead (from the RB_FIRST_WEEKDAY-th of them, so
-- that the days the pages show stay as they were), 44 a day, so every
-- request is a whole booking (a refusal would measure less).
dofile("bench/threads.lua")
local rooms = rooms_from_env()

function init(args)
  counter = 0
  nthreads = 2
end

local days = weekdays_ahead("%Y%m%d")
local first = tonumber(os.getenv("RB_FIRST_WEEKDAY") or "0")

-- Each run its own slots (RB_SLOT_OFFSET): a run after another would
-- otherwise ask for the same ones.
local offset = tonumber(os.getenv("RB_SLOT_OFFSET") or "0")

function request()
  local slot = offset + counter * nthreads + tid
  counter = counter + 1
  local room = rooms[slot % #rooms + 1]
  local q = math.floor(slot / #rooms)
  local day = days[first + math.floor(q / 44) % (60 - first)]
  local m = 8 * 60 + (q % 44) * 15
  local body = string.format(
    '{"roomId":%s,"useStartDtm":"%s%02d%02d","useEndDtm":"%s%02d%02d",' ..
    '"title":"Bench","attendees":2}', room, day, math.floor(m / 60), m % 60,
    day, math.floor((m + 15) / 60), (m + 15) % 60)
  return wrk.format("POST", "/api/bookings", {
    ["Authorization"] = "Bearer " .. (os.getenv("RB_TOKEN") or ""),
    ["Content-Type"] = "application/json" }, body)
end
