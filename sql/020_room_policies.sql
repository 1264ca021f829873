-- 020: each room's policy: confirmed at once or decided by its approvers,
-- who may book it, a buffer around each booking, limits per person; and
-- the groups of people those policies name.

CREATE TABLE IF NOT EXISTS user_groups (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(100) NOT NULL,
  description  VARCHAR(500) NOT NULL DEFAULT '',
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY user_groups_name (name)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS group_members (
  group_id  INT UNSIGNED NOT NULL,
  user_id   INT UNSIGNED NOT NULL,
  PRIMARY KEY (group_id, user_id),
  -- "the groups I am in"
  KEY group_members_of (user_id, group_id),
  CONSTRAINT group_members_group FOREIGN KEY (group_id)
    REFERENCES user_groups (id) ON DELETE CASCADE,
  CONSTRAINT group_members_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE
) ENGINE=InnoDB;

-- approval 'instant': a request that keeps every rule is confirmed at
-- once.  The limits count one person's bookings of the room; NULL takes
-- the site's [rules] value, 0 is no limit.
ALTER TABLE rooms
  ADD COLUMN IF NOT EXISTS approval ENUM('required','instant') NOT NULL
    DEFAULT 'required',
  ADD COLUMN IF NOT EXISTS buffer_minutes SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS max_per_day SMALLINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS max_per_week SMALLINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS max_hours_per_week SMALLINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS max_future SMALLINT UNSIGNED NULL,
  ADD CONSTRAINT IF NOT EXISTS rooms_buffer CHECK (buffer_minutes <= 240);

-- Who decides a room's requests besides the administrators: people and
-- groups.  A group in use cannot be deleted (no cascade).
CREATE TABLE IF NOT EXISTS room_approvers (
  id        INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  room_id   INT UNSIGNED NOT NULL,
  user_id   INT UNSIGNED NULL,
  group_id  INT UNSIGNED NULL,
  UNIQUE KEY room_approvers_person (room_id, user_id),
  UNIQUE KEY room_approvers_group (room_id, group_id),
  -- "the rooms I decide"
  KEY room_approvers_by_person (user_id, room_id),
  KEY room_approvers_by_group (group_id, room_id),
  CONSTRAINT room_approvers_room FOREIGN KEY (room_id) REFERENCES rooms (id)
    ON DELETE CASCADE,
  CONSTRAINT room_approvers_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE,
  CONSTRAINT room_approvers_group FOREIGN KEY (group_id)
    REFERENCES user_groups (id),
  CONSTRAINT room_approvers_one CHECK ((user_id IS NULL) <> (group_id IS NULL))
) ENGINE=InnoDB;

-- The groups whose members may book a room; none: everyone may.
CREATE TABLE IF NOT EXISTS room_bookable_by (
  room_id   INT UNSIGNED NOT NULL,
  group_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (room_id, group_id),
  KEY room_bookable_by_group (group_id),
  CONSTRAINT room_bookable_by_room FOREIGN KEY (room_id) REFERENCES rooms (id)
    ON DELETE CASCADE,
  CONSTRAINT room_bookable_by_group FOREIGN KEY (group_id)
    REFERENCES user_groups (id)
) ENGINE=InnoDB;

-- When a request waiting past rules.escalate_hours was also put before
-- the administrators (once).
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS escalated_at DATETIME NULL;
