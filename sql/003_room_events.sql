-- 003: the history of each room: created, edited, taken out of use (with
-- how many bookings that cancelled), available again.
CREATE TABLE IF NOT EXISTS room_events (
  id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  room_id    INT UNSIGNED NOT NULL,
  kind       VARCHAR(32) NOT NULL,
  actor_id   INT UNSIGNED NULL,
  reason     VARCHAR(500) NULL,
  cancelled  INT UNSIGNED NOT NULL DEFAULT 0,
  at         DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY room_events_room (room_id, id),
  CONSTRAINT room_events_room FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
  CONSTRAINT room_events_actor FOREIGN KEY (actor_id) REFERENCES users (id)
) ENGINE=InnoDB;
