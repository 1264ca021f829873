-- 012: a notification keeps its kind ("confirmed") and facts (JSON: title,
-- room, times, who, why), and is told in each reader's language when read;
-- message keeps the English text, and is what older rows have.
ALTER TABLE notifications
  ADD COLUMN IF NOT EXISTS kind VARCHAR(20) NULL,
  ADD COLUMN IF NOT EXISTS facts TEXT NULL;
