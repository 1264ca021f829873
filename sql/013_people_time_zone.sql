-- 013: the time zone a person reads and enters times in (NULL: the site's).
ALTER TABLE users ADD COLUMN IF NOT EXISTS time_zone VARCHAR(64) NULL;
