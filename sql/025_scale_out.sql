-- Several hosts and replicas.
--
-- How fresh a replica's data is: the primary stamps this row every
-- second (with the event scheduler on, as a site with replicas runs it), the
-- stamp replicates like any change, and a replica's age is now minus the
-- stamp it holds.  The status pages say "as of" when it is old.  On a
-- replica the event is kept disabled; `roomctl promote` enables it.
CREATE TABLE IF NOT EXISTS heartbeat (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  at DATETIME(6) NOT NULL
) ENGINE=InnoDB;

INSERT IGNORE INTO heartbeat (id, at) VALUES (1, UTC_TIMESTAMP(6));

CREATE EVENT IF NOT EXISTS heartbeat_stamp
  ON SCHEDULE EVERY 1 SECOND
  DO UPDATE heartbeat SET at = UTC_TIMESTAMP(6) WHERE id = 1;

-- The site's jobs when several hosts run them: each scheduled run's end,
-- so that another host's run at the same time finds the job done and
-- leaves it (roomctl -o); who ran it, for the operator.
CREATE TABLE IF NOT EXISTS job_runs (
  job         VARCHAR(32) NOT NULL PRIMARY KEY,
  finished_at DATETIME NOT NULL,
  host        VARCHAR(255) NOT NULL
) ENGINE=InnoDB;
