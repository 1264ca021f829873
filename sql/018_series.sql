-- 018: series: a booking that repeats is a series, kept as its rule
-- (RFC 5545 RRULE) and its local wall-clock times; each date is a booking
-- of its own (its own state, check-in and history) linked to the series
-- and to the date the rule gave it, so a date changed or cancelled on its
-- own is known as such when the series is changed later.
CREATE TABLE IF NOT EXISTS booking_series (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rrule         VARCHAR(300) NOT NULL,
  first_date    DATE NOT NULL,		-- the site's local date
  start_minute  SMALLINT UNSIGNED NOT NULL,	-- local wall clock, from 00:00
  end_minute    SMALLINT UNSIGNED NOT NULL,
  time_zone     VARCHAR(64) NOT NULL,	-- the site's zone when it was made
  room_id       INT UNSIGNED NOT NULL,
  user_id       INT UNSIGNED NOT NULL,
  title         VARCHAR(200) NOT NULL,
  attendees     INT UNSIGNED NOT NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY booking_series_user (user_id),
  CONSTRAINT booking_series_room FOREIGN KEY (room_id) REFERENCES rooms (id),
  CONSTRAINT booking_series_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT booking_series_times CHECK (start_minute < end_minute
    AND end_minute <= 1440)
) ENGINE=InnoDB;

-- Each date's booking: its series and the date the rule gave it (which
-- stays when that date alone is moved).
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS series_id BIGINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS original_date DATE NULL,
  ADD KEY IF NOT EXISTS bookings_series (series_id, original_date),
  ADD CONSTRAINT bookings_series FOREIGN KEY IF NOT EXISTS (series_id)
    REFERENCES booking_series (id);
