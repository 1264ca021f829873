-- 022: rooms with structure, for the room finder: buildings and their
-- floors (a room is on one floor of one building), the equipment and
-- features administrators keep a list of, and a photo of each room.

CREATE TABLE IF NOT EXISTS buildings (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  address     VARCHAR(300) NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY buildings_name (name)
) ENGINE=InnoDB;

-- A floor by its level (0 the ground floor, -1 below) and how it is called.
CREATE TABLE IF NOT EXISTS floors (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  building_id  INT UNSIGNED NOT NULL,
  level        SMALLINT NOT NULL,
  name         VARCHAR(100) NOT NULL,
  UNIQUE KEY floors_level (building_id, level),
  CONSTRAINT floors_building FOREIGN KEY (building_id) REFERENCES buildings (id)
    ON DELETE RESTRICT
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS features (
  id    INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name  VARCHAR(100) NOT NULL,
  UNIQUE KEY features_name (name)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS room_features (
  room_id     INT UNSIGNED NOT NULL,
  feature_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (room_id, feature_id),
  -- "the rooms with video"
  KEY room_features_feature (feature_id, room_id),
  CONSTRAINT room_features_room FOREIGN KEY (room_id) REFERENCES rooms (id)
    ON DELETE CASCADE,
  CONSTRAINT room_features_feature FOREIGN KEY (feature_id)
    REFERENCES features (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- A room's photo: re-encoded pixels only (lib/photo), named by their
-- SHA-256, so a new photo is a new name and the gateway may keep each one
-- for a year.  Kept in the database so that every app host serves it and
-- a backup holds it.
CREATE TABLE IF NOT EXISTS room_photos (
  name        CHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  jpeg        MEDIUMBLOB NOT NULL,
  width       SMALLINT UNSIGNED NOT NULL,
  height      SMALLINT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;

ALTER TABLE rooms
  ADD COLUMN IF NOT EXISTS floor_id INT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS photo CHAR(32) CHARACTER SET ascii NULL,
  ADD KEY IF NOT EXISTS rooms_floor (floor_id, capacity),
  ADD CONSTRAINT rooms_floor FOREIGN KEY IF NOT EXISTS (floor_id)
    REFERENCES floors (id),
  ADD CONSTRAINT rooms_photo FOREIGN KEY IF NOT EXISTS (photo)
    REFERENCES room_photos (name);
