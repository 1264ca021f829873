-- 007: actual use.  A room may require check-in (since when: bookings that
-- started before it was switched on are never released); the read model
-- carries the actual start and end; usage counts used time and no-shows.
ALTER TABLE rooms
  ADD COLUMN IF NOT EXISTS checkin_required_since DATETIME NULL;
ALTER TABLE booking_status
  ADD COLUMN IF NOT EXISTS actual_start DATETIME NULL,
  ADD COLUMN IF NOT EXISTS actual_end DATETIME NULL;
ALTER TABLE room_day_usage
  ADD COLUMN IF NOT EXISTS used_minutes INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS no_shows INT UNSIGNED NOT NULL DEFAULT 0;
