-- 009: the read model names who decided by id too (the API's confirmUserId).
ALTER TABLE booking_status ADD COLUMN IF NOT EXISTS decided_by INT UNSIGNED NULL;
UPDATE booking_status s JOIN bookings b ON b.id = s.booking_id
  SET s.decided_by = b.decided_by
  WHERE NOT s.decided_by <=> b.decided_by;
