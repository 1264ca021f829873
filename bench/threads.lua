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
