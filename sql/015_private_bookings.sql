-- 015: a booking marked private shows others only that the room is taken
-- (and, as the site chooses, by whom), never its title; the read model
-- carries the mark.
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS private TINYINT(1) NOT NULL DEFAULT 0;
ALTER TABLE booking_status ADD COLUMN IF NOT EXISTS private TINYINT(1) NOT NULL DEFAULT 0;
