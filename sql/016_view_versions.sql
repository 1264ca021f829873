-- 016: what the status pages keep between requests (a day's rendered
-- grid) is keyed by these counters.  Every write that changes what a page
-- shows raises one in its own transaction, so a kept page is never stale:
-- a booking's write raises its room and day's (lib/readmodel.c); a room's
-- write, the nightly rebuild and the demo load raise the epoch.
CREATE TABLE IF NOT EXISTS room_day_versions (
  day      DATE NOT NULL,		-- the site's local day
  room_id  INT UNSIGNED NOT NULL,
  version  BIGINT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (day, room_id)
) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS view_epoch (
  id     TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  epoch  BIGINT UNSIGNED NOT NULL,
  CONSTRAINT view_epoch_one_row CHECK (id = 1)
) ENGINE=InnoDB;
INSERT IGNORE INTO view_epoch VALUES (1, 1);
