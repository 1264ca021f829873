-- 014: a room is closed for a window [closed_from, closed_until) (until
-- NULL: until further notice), set when it is taken out of use; status
-- says whether the window has begun ('unavailable') and is kept by the
-- transitions and the minutely sweep.  Its events record the window.
ALTER TABLE rooms
  ADD COLUMN IF NOT EXISTS closed_from DATETIME NULL,
  ADD COLUMN IF NOT EXISTS closed_until DATETIME NULL;
UPDATE rooms SET closed_from = updated_at
  WHERE status = 'unavailable' AND closed_from IS NULL;
ALTER TABLE room_events
  ADD COLUMN IF NOT EXISTS closed_from DATETIME NULL,
  ADD COLUMN IF NOT EXISTS closed_until DATETIME NULL;
ALTER TABLE rooms ADD CONSTRAINT IF NOT EXISTS rooms_closure_window
  CHECK (closed_until IS NULL OR (closed_from IS NOT NULL AND closed_until > closed_from));
