-- The room finder's benchmark: 500 rooms (the 50 generated ones and 450
-- more) on the floors of three buildings, with equipment, and a busy day:
-- the finder's rooms booked at a third of that day's hours.  Loaded by
-- bench/run after every other case is measured (its rooms would show in
-- the day grid and fill the status lists).  Set @tz and @day (local date).
SET @admin := (SELECT id FROM users WHERE login = 'admin');
SET @user0 := (SELECT MIN(id) - 1 FROM users WHERE login LIKE 'user%');
SET @now := UTC_TIMESTAMP();

INSERT INTO buildings (name, address)
SELECT CONCAT('Building ', CHAR(64 + seq)), 'Generated for the benchmarks.'
FROM seq_1_to_3;
INSERT INTO floors (building_id, level, name)
SELECT b.id, f.seq, CONCAT('Floor ', f.seq)
FROM buildings b JOIN seq_1_to_5 f WHERE b.name LIKE 'Building _';
-- (the demo's list may hold some of them already)
INSERT IGNORE INTO features (name) VALUES ('Screen'), ('Video conferencing'),
  ('Whiteboard'), ('Projector'), ('Conference phone'), ('Wheelchair access'),
  ('Standing desks'), ('Daylight');

INSERT INTO rooms (name, location, capacity, description)
SELECT CONCAT('Finder room ', LPAD(seq, 3, '0')), '', 2 + (seq * 13) % 39,
       'Generated for the finder benchmark.'
FROM seq_1_to_450;
-- Each room on one of the fifteen floors; about a third of the equipment.
UPDATE rooms r JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k
                     FROM floors) f
  ON f.k = r.id % 15
SET r.floor_id = f.id
WHERE r.name LIKE 'Finder room %' OR r.name LIKE 'Room __';
INSERT INTO room_features (room_id, feature_id)
SELECT r.id, f.id FROM rooms r JOIN features f
WHERE (r.name LIKE 'Finder room %' OR r.name LIKE 'Room __')
  AND (r.id * 31 + f.id * 17) % 3 = 0;

-- The day asked about: each finder room taken at every third hour.
INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at,
                      status, decided_by, decided_at, created_at, updated_at)
SELECT r.id, @user0 + 1 + r.id % 2000, 'Busy', 2,
       CONVERT_TZ(TIMESTAMP(@day, MAKETIME(h.seq, 0, 0)), @tz, '+00:00'),
       CONVERT_TZ(TIMESTAMP(@day, MAKETIME(h.seq + 1, 0, 0)), @tz, '+00:00'),
       'confirmed', @admin, @now, @now, @now
FROM rooms r JOIN seq_8_to_18 h
WHERE r.name LIKE 'Finder room %' AND (r.id + h.seq) % 3 = 0;
INSERT INTO booking_events (booking_id, kind, actor_id, at)
SELECT b.id, 'requested', b.user_id, b.created_at FROM bookings b
JOIN rooms r ON r.id = b.room_id WHERE r.name LIKE 'Finder room %';
INSERT INTO booking_events (booking_id, kind, actor_id, at)
SELECT b.id, 'confirmed', @admin, b.decided_at FROM bookings b
JOIN rooms r ON r.id = b.room_id WHERE r.name LIKE 'Finder room %';
ANALYZE TABLE rooms, room_features, floors, bookings;
