-- 023: door displays.  A tablet by a room's door shows its day, takes
-- walk-ins and checks people in.  It is paired with one room by a
-- one-time link and then holds a long-lived credential of its own; only
-- hashes of either are stored.
--
-- Each display acts as an account of its own (role 'display'), so the
-- bookings and check-ins it makes carry its name in their history.  That
-- account is disabled: nobody logs in as it, names it in a policy or a
-- group, or makes it a token.

ALTER TABLE users MODIFY role ENUM('user','admin','display') NOT NULL
  DEFAULT 'user';

CREATE TABLE IF NOT EXISTS displays (
  id                  INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  room_id             INT UNSIGNED NOT NULL,
  user_id             INT UNSIGNED NOT NULL,
  name                VARCHAR(100) NOT NULL,
  language            VARCHAR(16) NOT NULL DEFAULT '',
  -- Until paired: the link's token, for a day.
  pairing_hash        BINARY(32) NULL,
  pairing_expires_at  DATETIME NULL,
  -- Once paired: the screen's credential (a cookie under /display/).
  credential_hash     BINARY(32) NULL,
  created_by          INT UNSIGNED NULL,
  created_at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  paired_at           DATETIME NULL,
  last_seen_at        DATETIME NULL,
  revoked_at          DATETIME NULL,
  UNIQUE KEY displays_pairing (pairing_hash),
  UNIQUE KEY displays_credential (credential_hash),
  UNIQUE KEY displays_account (user_id),
  UNIQUE KEY displays_name (room_id, name),
  KEY displays_room (room_id),
  CONSTRAINT displays_room FOREIGN KEY (room_id) REFERENCES rooms (id)
    ON DELETE CASCADE,
  CONSTRAINT displays_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT displays_creator FOREIGN KEY (created_by) REFERENCES users (id)
    ON DELETE SET NULL
) ENGINE=InnoDB;

-- A person's check-in PIN for the door displays, hashed like a password.
ALTER TABLE users ADD COLUMN IF NOT EXISTS pin_hash VARCHAR(255) NOT NULL
  DEFAULT '';
-- Wrong PINs in a row, and since when: a display stops asking for a while.
ALTER TABLE users ADD COLUMN IF NOT EXISTS pin_failures SMALLINT UNSIGNED
  NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN IF NOT EXISTS pin_failed_at DATETIME NULL;
