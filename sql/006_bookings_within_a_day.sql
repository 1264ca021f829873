-- 006: a booking lies inside one day's opening hours (rules.max_minutes is
-- at most a day).  Queries for what overlaps a time bound their index
-- range with it (STARTED_AFTER_DAY_BEFORE), so the schema holds it too.
ALTER TABLE bookings ADD CONSTRAINT IF NOT EXISTS bookings_within_a_day
  CHECK (ends_at <= starts_at + INTERVAL 1 DAY);
