-- 002: logins compare exactly: no case folding, no accent folding, no
-- padding ('Admin', 'ádmin' and 'admin ' are not 'admin'), so a look-alike
-- name from single sign-on can never match someone else's account.
ALTER TABLE users MODIFY login VARCHAR(64)
  CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;
