-- 004: one row per nightly refresh of the read model: when it ran and what
-- it found.  The usage pages say "as of" the last one.
CREATE TABLE IF NOT EXISTS refresh_runs (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started_at   DATETIME NOT NULL,
  finished_at  DATETIME NOT NULL,
  row_count    INT UNSIGNED NOT NULL,
  drift        INT UNSIGNED NOT NULL,
  expired      INT UNSIGNED NOT NULL,
  usage_days   INT UNSIGNED NOT NULL
) ENGINE=InnoDB;
