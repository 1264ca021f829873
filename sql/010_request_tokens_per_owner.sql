-- 010: a request token is unique per person, not across the site: another
-- person's token must be just unknown, never found (or burnt) by a guess.
ALTER TABLE bookings
  ADD UNIQUE KEY IF NOT EXISTS bookings_owner_request_token (user_id, request_token),
  DROP INDEX IF EXISTS bookings_request_token;
