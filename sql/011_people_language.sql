-- 011: the language a person chose for pages and messages (NULL: none
-- chosen; their browser's, else the site's, applies).
ALTER TABLE users ADD COLUMN IF NOT EXISTS language VARCHAR(16) NULL;
