-- POST /admin/approvals/{id}/approve, each request the next pending
-- booking from the file RB_PENDING (one id a line), split between threads.
local cookie = os.getenv("RB_COOKIE") or ""
local body = "csrf=" .. (os.getenv("RB_CSRF") or "")
local ids = {}
for line in io.lines(os.getenv("RB_PENDING")) do ids[#ids + 1] = line end

dofile("bench/threads.lua")

function request()
  local id = next_of(ids)
  return wrk.format("POST", "/admin/approvals/" .. id .. "/approve", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
