-- The move benchmark's rooms and bookings, loaded by bench/run after the
-- read pages are measured (their rooms would show in the day grid), on
-- generate.sql's bench_slots.  Set @tz.
SET @user0 := (SELECT MIN(id) - 1 FROM users WHERE login LIKE 'user%');
SET @admin := (SELECT id FROM users WHERE login = 'admin');
SET @now := UTC_TIMESTAMP();
-- 15,000 confirmed bookings of one person (user0001) in ten rooms, in
-- 15-minute slots on weekdays from next week, each to be moved to the same
-- time in one of ten more rooms kept empty for it (and so waiting for a
-- decision again).
INSERT INTO rooms (name, location, capacity, description)
SELECT CONCAT('Move room ', LPAD(seq, 2, '0')), 'Floor 8', 20,
       IF(seq <= 10, 'Bookings to be moved by the benchmark.',
          'Kept empty: the move benchmark moves bookings here.')
FROM seq_1_to_20;
SET @move0 := (SELECT MIN(id) - 1 FROM rooms WHERE name LIKE 'Move room %');
INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at,
                      status, decided_by, decided_at, created_at, updated_at)
SELECT @move0 + 1 + k % 10, @user0 + 1, CONCAT('To move #', k), 2,
       CONVERT_TZ(local_start, @tz, '+00:00'),
       CONVERT_TZ(local_start + INTERVAL 15 MINUTE, @tz, '+00:00'),
       'confirmed', @admin, @now - INTERVAL 1 DAY, @now - INTERVAL 1 DAY,
       @now - INTERVAL 1 DAY
FROM bench_slots WHERE k < 15000;

INSERT INTO booking_events (booking_id, kind, actor_id, at)
SELECT b.id, 'requested', b.user_id, b.created_at FROM bookings b
JOIN rooms r ON r.id = b.room_id WHERE r.name LIKE 'Move room %';
INSERT INTO booking_events (booking_id, kind, actor_id, at)
SELECT b.id, 'confirmed', @admin, b.decided_at FROM bookings b
JOIN rooms r ON r.id = b.room_id WHERE r.name LIKE 'Move room %';
