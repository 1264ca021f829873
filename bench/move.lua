-- PATCH /api/bookings/{id}: each request moves the next of alice's
-- generated bookings to the same time in a room kept empty for it, from
-- the file RB_MOVES ("id room" a line, split between threads), as a
-- script does: its API token (RB_TOKEN), If-Match with the version read.
local token = os.getenv("RB_TOKEN") or ""
local moves = {}
for line in io.lines(os.getenv("RB_MOVES")) do
  local id, room = line:match("^(%d+)%s+(%d+)$")
  if id then moves[#moves + 1] = { id, room } end
end

dofile("bench/threads.lua")

function request()
  local m = next_of(moves)
  return wrk.format("PATCH", "/api/bookings/" .. m[1], {
    ["Authorization"] = "Bearer " .. token,
    ["If-Match"] = '"1"',
    ["Content-Type"] = "application/json" }, '{"roomId":' .. m[2] .. '}')
end
