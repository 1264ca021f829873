-- 005: every request notifies the administrators; find them by index.
CREATE INDEX IF NOT EXISTS users_role ON users (role, disabled);
