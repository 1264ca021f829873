-- Synthetic data for the benchmarks: 50 rooms, 2,000 people and @n
-- bookings over three years (two past, one ahead) in the site's zone @tz,
-- with a realistic mix of states, their events, and rooms of their own
-- for the write benchmarks (requests and approvals; bench/moves.sql adds
-- the moves' just before they are measured).  Loaded in bulk from MariaDB's sequence tables; the
-- nightly refresh then builds the read model and usage from it.
-- Set @n, @tz and @hash (a password hash for every generated person).

SET @rooms := 50, @people := 2000;
-- Weekday half-hour slots per room over three years (780 days x 26).
SET @slots := 780 * 26;
SET @per_room := CEIL(@n / @rooms);
SET @stride := GREATEST(1, FLOOR(@slots / @per_room));
-- The Monday two years back, local date.
SET @monday := DATE(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', @tz)) - INTERVAL 730 DAY;
SET @monday := @monday - INTERVAL WEEKDAY(@monday) DAY;
SET @now := UTC_TIMESTAMP();

INSERT INTO rooms (name, location, capacity, description)
SELECT CONCAT('Room ', LPAD(seq, 2, '0')),
       CONCAT('Floor ', 1 + seq % 5, ', building ', CHAR(65 + seq % 3)),
       4 + (seq * 7) % 36, 'Generated for the benchmarks.'
FROM seq_1_to_50;
INSERT INTO rooms (name, location, capacity, description)
SELECT CONCAT('Bench room ', LPAD(seq, 2, '0')), 'Floor 9', 20,
       'Kept empty for the write benchmark.'
FROM seq_1_to_10;

INSERT INTO rooms (name, location, capacity, description)
SELECT CONCAT('Series room ', LPAD(seq, 2, '0')), 'Floor 9', 20,
       'Kept empty for the series benchmark.'
FROM seq_1_to_20;

INSERT INTO users (login, display_name, email, role, password_hash)
SELECT CONCAT('user', LPAD(seq, 4, '0')), CONCAT('Person ', seq),
       CONCAT('user', seq, '@example.org'), 'user', @hash
FROM seq_1_to_2000;

SET @room0 := (SELECT MIN(id) - 1 FROM rooms WHERE name LIKE 'Room %');
SET @user0 := (SELECT MIN(id) - 1 FROM users WHERE login LIKE 'user%');
SET @admin := (SELECT id FROM users WHERE login = 'admin');

-- Booking k (0-based): room k mod 50, slot (k div 50) * stride of that
-- room's weekday half-hours from @monday; 30 minutes long, 07:00-20:00.
INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at,
                      status, decided_by, decided_at, reason, created_at,
                      updated_at)
SELECT room_id, user_id, title, attendees, starts_at, ends_at, status,
       IF(status IN ('confirmed', 'denied'), @admin, NULL),
       IF(status IN ('confirmed', 'denied'), created_at + INTERVAL 1 HOUR, NULL),
       IF(status IN ('denied', 'cancelled'), 'Generated', NULL),
       created_at, created_at + INTERVAL 1 HOUR
FROM (
  SELECT g.*, CASE
           WHEN g.starts_at < @now THEN
             CASE WHEN g.h < 75 THEN 'confirmed' WHEN g.h < 85 THEN 'cancelled'
                  WHEN g.h < 93 THEN 'denied' ELSE 'expired' END
           ELSE
             CASE WHEN g.h < 30 THEN 'pending' WHEN g.h < 90 THEN 'confirmed'
                  ELSE 'cancelled' END
         END AS status,
         g.starts_at - INTERVAL (1 + g.k % 20) DAY AS created_at
  FROM (
    SELECT s.k, @room0 + 1 + s.k % @rooms AS room_id,
           @user0 + 1 + (s.k * 7919) % @people AS user_id,
           CONCAT(ELT(1 + s.k % 8, 'Team sync', 'Planning', 'Interview',
                      'Workshop', 'Review', 'One-to-one', 'Training',
                      'Client call'), ' #', s.k) AS title,
           1 + s.k % 3 AS attendees,
           CONVERT_TZ(s.local_start, @tz, '+00:00') AS starts_at,
           CONVERT_TZ(s.local_start + INTERVAL 30 MINUTE, @tz, '+00:00') AS ends_at,
           (s.k * 2654435761) % 100 AS h
    FROM (
      SELECT seq - 1 AS k,
             @monday + INTERVAL (((seq - 1) DIV @rooms * @stride) DIV 26 DIV 5 * 7
                                 + ((seq - 1) DIV @rooms * @stride) DIV 26 % 5) DAY
                     + INTERVAL (7 * 60 + ((seq - 1) DIV @rooms * @stride) % 26 * 30) MINUTE
               AS local_start
      FROM seq_1_to_1000000 WHERE seq <= @n
    ) s
  ) g
) b;

-- A queue for the approval benchmark: 30,000 pending requests in ten rooms
-- of their own, in 15-minute slots on weekdays from next week.
INSERT INTO rooms (name, location, capacity, description)
SELECT CONCAT('Queue room ', LPAD(seq, 2, '0')), 'Floor 9', 20,
       'Pending requests for the approval benchmark.'
FROM seq_1_to_10;
SET @queue0 := (SELECT MIN(id) - 1 FROM rooms WHERE name LIKE 'Queue room %');
SET @next := DATE(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', @tz)) + INTERVAL 7 DAY;
SET @next := @next - INTERVAL WEEKDAY(@next) DAY;
-- The k-th 15-minute slot from 07:00 on weekdays from next Monday, ten
-- rooms to a slot: k % 10 is the room, the rest the slot (bench/moves.sql
-- uses them too).
CREATE TABLE bench_slots (k INT PRIMARY KEY, local_start DATETIME)
SELECT seq - 1 AS k,
       @next + INTERVAL ((seq - 1) DIV 10 DIV 52 DIV 5 * 7
                         + (seq - 1) DIV 10 DIV 52 % 5) DAY
             + INTERVAL (7 * 60 + (seq - 1) DIV 10 % 52 * 15) MINUTE
         AS local_start
FROM seq_1_to_30000;
INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at,
                      status, created_at, updated_at)
SELECT @queue0 + 1 + k % 10, @user0 + 1 + (k * 7919) % @people,
       CONCAT('Waiting #', k), 2,
       CONVERT_TZ(local_start, @tz, '+00:00'),
       CONVERT_TZ(local_start + INTERVAL 15 MINUTE, @tz, '+00:00'),
       'pending', @now - INTERVAL 1 DAY, @now - INTERVAL 1 DAY
FROM bench_slots WHERE k < 30000;

-- A room with 1,000 confirmed bookings inside a calendar feed's window
-- (30 days back to a year ahead), eight hours apart: the feed's case.
INSERT INTO rooms (name, location, capacity, description)
VALUES ('Feed room', 'Floor 9', 12, 'Its calendar feed is measured.');
SET @feed_room := LAST_INSERT_ID();
INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at,
                      status, decided_by, decided_at, created_at, updated_at)
SELECT @feed_room, @user0 + 1 + seq % @people, CONCAT('Feed meeting #', seq),
       4, @now - INTERVAL 29 DAY + INTERVAL (seq * 8) HOUR,
       @now - INTERVAL 29 DAY + INTERVAL (seq * 8 + 1) HOUR, 'confirmed', @admin,
       @now - INTERVAL 30 DAY, @now - INTERVAL 30 DAY, @now - INTERVAL 30 DAY
FROM seq_0_to_999;

INSERT INTO booking_events (booking_id, kind, actor_id, at)
SELECT id, 'requested', user_id, created_at FROM bookings;
INSERT INTO booking_events (booking_id, kind, actor_id, reason, at)
SELECT id, status, IF(status = 'expired', NULL, IF(status = 'cancelled', user_id, @admin)),
       reason, updated_at
FROM bookings WHERE status <> 'pending';

-- Fresh statistics, as a running site has: the planner picks the indexes.
ANALYZE TABLE rooms, users, bookings, booking_events;
