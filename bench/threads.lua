-- What the write scripts share: each of wrk's threads knows its number
-- (tid, from 0), and takes every other item of a list, in order.
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

-- The next of list's items for this thread (of 2), round and round.
function next_of(list)
  counter = (counter or 0) + 1
  local i = (counter - 1) * 2 + tid + 1
  return list[(i - 1) % #list + 1]
end

-- The room ids RB_ROOMS lists, in order.
function rooms_from_env()
  local rooms = {}
  for id in string.gmatch(os.getenv("RB_ROOMS") or "", "%d+") do
    rooms[#rooms + 1] = id
  end
  return rooms
end

-- The 60 weekdays from 3 days ahead (days[0] the first), as format
-- writes them ("%Y-%m-%d", "%Y%m%d").
function weekdays_ahead(format)
  local t = os.time({ year = os.date("*t").year, month = os.date("*t").month,
                      day = os.date("*t").day, hour = 12 }) + 3 * 86400
  local days, n = {}, 0
  while n < 60 do
    local w = os.date("*t", t).wday
    if w ~= 1 and w ~= 7 then
      days[n] = os.date(format, t)
      n = n + 1
    end
    t = t + 86400
  end
  return days
end
