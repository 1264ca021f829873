-- The bookings a room's closure cancelled, or ended early, so that the
-- room's page can list them after the administrator's form has sent the
-- browser there (a reload then repeats nothing).
CREATE TABLE IF NOT EXISTS room_closure_bookings (
  room_event_id BIGINT UNSIGNED NOT NULL,
  booking_id    BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (room_event_id, booking_id),
  CONSTRAINT room_closure_bookings_event FOREIGN KEY (room_event_id)
    REFERENCES room_events (id) ON DELETE CASCADE,
  CONSTRAINT room_closure_bookings_booking FOREIGN KEY (booking_id)
    REFERENCES bookings (id) ON DELETE CASCADE
) ENGINE=InnoDB;
