-- POST /bookings, each request a free slot of its own: 15-minute slots in
-- the ten empty bench rooms, on weekdays from 3 days ahead; each with a
-- request token of its own from RB_TOKENS (bench/tokens.lua), as each
-- form a person sends was issued to them.
local cookie = os.getenv("RB_COOKIE") or ""
local csrf = os.getenv("RB_CSRF") or ""
dofile("bench/threads.lua")
local rooms = rooms_from_env()

local tokens = {}
function init(args)
  counter = 0
  nthreads = 2
  -- This thread's share of the tokens: every nthreads-th line.
  local n = 0
  for line in io.lines(os.getenv("RB_TOKENS")) do
    if n % nthreads == tid then tokens[#tokens + 1] = line end
    n = n + 1
  end
end

-- The next unused token; once they run out, a used one (refused).
local function token()
  return tokens[counter] or tokens[1] or ""
end

local days = weekdays_ahead("%Y-%m-%d")

function request()
  local slot = counter * nthreads + tid
  counter = counter + 1
  local room = rooms[slot % #rooms + 1]
  local q = math.floor(slot / #rooms)
  local day = days[math.floor(q / 52) % 60]
  local m = 7 * 60 + (q % 52) * 15
  local start = string.format("%sT%02d:%02d", day, math.floor(m / 60), m % 60)
  local stop = string.format("%sT%02d:%02d", day, math.floor((m + 15) / 60), (m + 15) % 60)
  local body = "csrf=" .. csrf .. "&request_token=" .. token() .. "&room_id=" .. room ..
    "&starts_at=" .. start .. "&ends_at=" .. stop .. "&title=Bench&attendees=2"
  return wrk.format("POST", "/bookings", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
