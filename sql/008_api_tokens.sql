-- 008: API tokens.  A person's scripts authenticate with a bearer token;
-- only its BLAKE2b hash is stored, and it is shown once when made.
CREATE TABLE IF NOT EXISTS api_tokens (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id       INT UNSIGNED NOT NULL,
  name          VARCHAR(100) NOT NULL,
  token_hash    BINARY(32) NOT NULL,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_used_at  DATETIME NULL,
  revoked_at    DATETIME NULL,
  UNIQUE KEY api_tokens_hash (token_hash),
  KEY api_tokens_user (user_id, id),
  CONSTRAINT api_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;
