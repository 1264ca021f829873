-- 019: what a series keeps of its dates beyond the bookings themselves:
-- the dates it skipped when it was made (taken, or outside the rules),
-- so a retried request answers as the first did; and which of its
-- bookings were changed on their own, which a later change of the
-- series leaves as they are.
ALTER TABLE booking_series
  ADD COLUMN IF NOT EXISTS skipped TEXT NULL;	-- JSON: [{date, why}]

ALTER TABLE bookings
  ADD COLUMN IF NOT EXISTS series_detached TINYINT(1) NOT NULL DEFAULT 0;
