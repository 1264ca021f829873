-- 001: the tables of the design (DESIGN.md §3). Times are UTC DATETIMEs.

CREATE TABLE IF NOT EXISTS rooms (
  id                 INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name               VARCHAR(100) NOT NULL,
  location           VARCHAR(200) NOT NULL DEFAULT '',
  capacity           INT UNSIGNED NOT NULL,
  description        TEXT NOT NULL DEFAULT '',
  status             ENUM('available','unavailable') NOT NULL DEFAULT 'available',
  unavailable_reason VARCHAR(500) NULL,
  version            INT UNSIGNED NOT NULL DEFAULT 1,
  created_at         DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at         DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY rooms_name (name),
  CONSTRAINT rooms_capacity CHECK (capacity BETWEEN 1 AND 10000)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS users (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login         VARCHAR(64) NOT NULL,
  display_name  VARCHAR(200) NOT NULL,
  email         VARCHAR(254) NOT NULL DEFAULT '',
  role          ENUM('user','admin') NOT NULL DEFAULT 'user',
  password_hash VARCHAR(255) NOT NULL DEFAULT '',
  disabled      TINYINT(1) NOT NULL DEFAULT 0,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY users_login (login)
) ENGINE=InnoDB;

-- Only a hash of the session token is stored: a leaked table opens no session.
CREATE TABLE IF NOT EXISTS sessions (
  token_hash  BINARY(32) NOT NULL PRIMARY KEY,
  user_id     INT UNSIGNED NOT NULL,
  csrf_token  CHAR(43) NOT NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  expires_at  DATETIME NOT NULL,
  KEY sessions_user (user_id),
  KEY sessions_expiry (expires_at),
  CONSTRAINT sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS bookings (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  room_id       INT UNSIGNED NOT NULL,
  user_id       INT UNSIGNED NOT NULL,
  title         VARCHAR(200) NOT NULL,
  attendees     INT UNSIGNED NOT NULL DEFAULT 1,
  starts_at     DATETIME NOT NULL,
  ends_at       DATETIME NOT NULL,
  status        ENUM('pending','confirmed','denied','cancelled','expired',
                     'in_use','completed','released') NOT NULL DEFAULT 'pending',
  request_token CHAR(43) NULL,
  actual_start  DATETIME NULL,
  actual_end    DATETIME NULL,
  decided_by    INT UNSIGNED NULL,
  decided_at    DATETIME NULL,
  reason        VARCHAR(500) NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY bookings_request_token (request_token),
  -- "live bookings of a room overlapping [a, b)": room, then start.
  KEY bookings_room_time (room_id, starts_at, ends_at),
  KEY bookings_user_time (user_id, starts_at),
  KEY bookings_status_start (status, starts_at),
  CONSTRAINT bookings_room FOREIGN KEY (room_id) REFERENCES rooms (id),
  CONSTRAINT bookings_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT bookings_decider FOREIGN KEY (decided_by) REFERENCES users (id),
  CONSTRAINT bookings_times CHECK (starts_at < ends_at)
) ENGINE=InnoDB;

-- Append-only history of every transition.
CREATE TABLE IF NOT EXISTS booking_events (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  booking_id  BIGINT UNSIGNED NOT NULL,
  kind        VARCHAR(32) NOT NULL,
  actor_id    INT UNSIGNED NULL,
  reason      VARCHAR(500) NULL,
  at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY booking_events_booking (booking_id, id),
  CONSTRAINT booking_events_booking FOREIGN KEY (booking_id) REFERENCES bookings (id),
  CONSTRAINT booking_events_actor FOREIGN KEY (actor_id) REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS notifications (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     INT UNSIGNED NOT NULL,
  booking_id  BIGINT UNSIGNED NULL,
  message     VARCHAR(1000) NOT NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  read_at     DATETIME NULL,
  KEY notifications_user (user_id, read_at, id),
  CONSTRAINT notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT notifications_booking FOREIGN KEY (booking_id) REFERENCES bookings (id)
) ENGINE=InnoDB;

-- The read model: one row per booking, names copied in, rebuilt nightly.
-- Each index ends in (starts_at, booking_id) for keyset pagination.
CREATE TABLE IF NOT EXISTS booking_status (
  booking_id   BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  room_id      INT UNSIGNED NOT NULL,
  room_name    VARCHAR(100) NOT NULL,
  user_id      INT UNSIGNED NOT NULL,
  user_name    VARCHAR(200) NOT NULL,
  title        VARCHAR(200) NOT NULL,
  attendees    INT UNSIGNED NOT NULL,
  starts_at    DATETIME NOT NULL,
  ends_at      DATETIME NOT NULL,
  status       ENUM('pending','confirmed','denied','cancelled','expired',
                    'in_use','completed','released') NOT NULL,
  decided_at   DATETIME NULL,
  decided_by_name VARCHAR(200) NULL,
  reason       VARCHAR(500) NULL,
  updated_at   DATETIME NOT NULL,
  KEY booking_status_start (starts_at, booking_id),
  KEY booking_status_room (room_id, starts_at, booking_id),
  KEY booking_status_status (status, starts_at, booking_id),
  KEY booking_status_user (user_id, starts_at, booking_id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS room_day_usage (
  room_id            INT UNSIGNED NOT NULL,
  day                DATE NOT NULL,
  booked_minutes     INT UNSIGNED NOT NULL DEFAULT 0,
  confirmed_minutes  INT UNSIGNED NOT NULL DEFAULT 0,
  pending_minutes    INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (room_id, day)
) ENGINE=InnoDB;
