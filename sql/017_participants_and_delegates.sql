-- 017: a booking changed in place keeps its id and history; named
-- participants; people who book for someone else.

-- Who made the request for the booking's owner, when someone else did
-- (a delegate or an administrator); NULL: the owner themselves.
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS booked_by INT UNSIGNED NULL,
  ADD CONSTRAINT bookings_booked_by FOREIGN KEY IF NOT EXISTS (booked_by)
    REFERENCES users (id);

-- What a change changed, from what to what (JSON), on its 'changed' event.
ALTER TABLE booking_events ADD COLUMN IF NOT EXISTS changes TEXT NULL;

-- Who a booking names: a person of the organisation, or a guest by e-mail
-- address, never both.  The attendee count covers them.
CREATE TABLE IF NOT EXISTS booking_participants (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  booking_id  BIGINT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NULL,
  email       VARCHAR(254) NULL,
  UNIQUE KEY booking_participants_person (booking_id, user_id),
  UNIQUE KEY booking_participants_guest (booking_id, email),
  -- "the bookings I am invited to"
  KEY booking_participants_invited (user_id, booking_id),
  CONSTRAINT booking_participants_booking FOREIGN KEY (booking_id)
    REFERENCES bookings (id) ON DELETE CASCADE,
  CONSTRAINT booking_participants_user FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT booking_participants_one CHECK ((user_id IS NULL) <> (email IS NULL))
) ENGINE=InnoDB;

-- A person's delegates: who may book, change and cancel for them.
CREATE TABLE IF NOT EXISTS delegates (
  user_id      INT UNSIGNED NOT NULL,	-- the person booked for
  delegate_id  INT UNSIGNED NOT NULL,	-- who may act for them
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (user_id, delegate_id),
  KEY delegates_for (delegate_id, user_id),
  CONSTRAINT delegates_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE,
  CONSTRAINT delegates_delegate FOREIGN KEY (delegate_id) REFERENCES users (id)
    ON DELETE CASCADE,
  CONSTRAINT delegates_not_oneself CHECK (user_id <> delegate_id)
) ENGINE=InnoDB;
