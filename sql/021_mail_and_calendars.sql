-- 021: mail and calendars.  A message is written to the outbox in the
-- transaction of the change that causes it and sent later by `roomctl
-- mail-send`; a calendar object's SEQUENCE rises with every change people
-- see; people choose which mail they receive; calendar feeds are opened by
-- tokens kept only as their hashes.

-- What each person receives (all but the approvers' daily summary at first).
ALTER TABLE users ADD COLUMN IF NOT EXISTS mail_wants
  SET('requests','decisions','changes','reminders','summary') NOT NULL
  DEFAULT 'requests,decisions,changes,reminders';

-- The iCalendar SEQUENCE of a booking outside a series, and of a series
-- (its dates are one calendar object); a reminder is sent once.
ALTER TABLE bookings
  ADD COLUMN IF NOT EXISTS ical_sequence INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS reminded_at DATETIME NULL;
ALTER TABLE booking_series
  ADD COLUMN IF NOT EXISTS ical_sequence INT UNSIGNED NOT NULL DEFAULT 0;

-- One row per message and recipient: a person (their address, language
-- and zone when it is composed) or a guest's address.  The facts are the
-- change's (JSON, lib/words); the message is composed on the first
-- attempt and the same bytes are sent on every retry.
CREATE TABLE IF NOT EXISTS mail_outbox (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind             VARCHAR(32) NOT NULL,
  user_id          INT UNSIGNED NULL,
  address          VARCHAR(254) NULL,
  booking_id       BIGINT UNSIGNED NULL,
  series_id        BIGINT UNSIGNED NULL,
  sequence         INT UNSIGNED NOT NULL DEFAULT 0,
  facts            TEXT NULL,
  created_at       DATETIME NOT NULL,
  next_attempt_at  DATETIME NOT NULL,
  attempts         INT UNSIGNED NOT NULL DEFAULT 0,
  sent_at          DATETIME NULL,
  failed_at        DATETIME NULL,	-- given up: refused for good
  last_error       VARCHAR(500) NULL,
  message_id       VARCHAR(200) NULL,
  message          MEDIUMBLOB NULL,
  -- "what is due": unsent rows by when they are next tried
  KEY mail_outbox_due (sent_at, failed_at, next_attempt_at),
  KEY mail_outbox_booking (booking_id),
  CONSTRAINT mail_outbox_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE,
  CONSTRAINT mail_outbox_one CHECK ((user_id IS NULL) <> (address IS NULL))
) ENGINE=InnoDB;

-- When each approver was last sent the queue's daily summary.
ALTER TABLE users ADD COLUMN IF NOT EXISTS summary_sent_on DATE NULL;

-- A subscription to one person's bookings (room_id NULL) or one room's.
CREATE TABLE IF NOT EXISTS calendar_feeds (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash  BINARY(32) NOT NULL,
  user_id     INT UNSIGNED NOT NULL,	-- who made it, whose bookings
  room_id     INT UNSIGNED NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  revoked_at  DATETIME NULL,
  UNIQUE KEY calendar_feeds_token (token_hash),
  KEY calendar_feeds_user (user_id),
  CONSTRAINT calendar_feeds_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE,
  CONSTRAINT calendar_feeds_room FOREIGN KEY (room_id) REFERENCES rooms (id)
    ON DELETE CASCADE
) ENGINE=InnoDB;
