// The schema, one step per version. Enums are stored as their to_string() text, and the
// CHECK lists below freeze those texts: they are part of the file format, so renaming an
// enum's text needs a migration (store tests round-trip every value to catch a drift).
// Money is integer cents; times are milliseconds since 1970 (0 = not yet); list order
// is kept in a `position` column.
#include "migrations.h"

namespace brigade::store {

namespace {

// v1: what a restaurant is before it takes an order, plus ids and the event log.
constexpr const char* kRestaurantSchema = R"sql(
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
  restaurant_name TEXT NOT NULL,
  currency_symbol TEXT NOT NULL,
  decimal_point TEXT NOT NULL CHECK (decimal_point <> ''),
  thousands_separator TEXT NOT NULL,  -- '' = none
  pin_key TEXT NOT NULL CHECK (length(pin_key) = 64)  -- hex key of the PIN hash
);

CREATE TABLE stations (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL,
  expo INTEGER NOT NULL CHECK (expo IN (0, 1)),
  warn_after_s INTEGER NOT NULL CHECK (warn_after_s >= 0),
  late_after_s INTEGER NOT NULL CHECK (late_after_s >= 0),
  position INTEGER NOT NULL
);

CREATE TABLE tax_classes (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL,
  rate_ppm INTEGER NOT NULL CHECK (rate_ppm BETWEEN 0 AND 1000000),
  inclusive INTEGER NOT NULL CHECK (inclusive IN (0, 1)),
  position INTEGER NOT NULL
);

CREATE TABLE categories (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE modifier_groups (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL,
  min_select INTEGER NOT NULL CHECK (min_select >= 0),
  max_select INTEGER NOT NULL CHECK (max_select >= min_select),
  position INTEGER NOT NULL
);

-- Modifier ids are unique across the menu: a line names a modifier by id alone.
CREATE TABLE modifiers (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  group_id TEXT NOT NULL REFERENCES modifier_groups (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  position INTEGER NOT NULL
);
CREATE INDEX modifiers_by_group ON modifiers (group_id, position);

CREATE TABLE menu_items (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL CHECK (name <> ''),
  category_id TEXT NOT NULL REFERENCES categories (id),
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  tax_class_id TEXT NOT NULL REFERENCES tax_classes (id),
  course TEXT NOT NULL CHECK (course IN ('drinks', 'apps', 'mains', 'dessert')),
  track_stock INTEGER NOT NULL CHECK (track_stock IN (0, 1)),
  position INTEGER NOT NULL
);

-- Routing: the stations that make an item, in order.
CREATE TABLE item_stations (
  item_id TEXT NOT NULL REFERENCES menu_items (id) ON DELETE CASCADE,
  station_id TEXT NOT NULL REFERENCES stations (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (item_id, station_id)
) WITHOUT ROWID;

-- The modifier groups an item asks, in the order they are asked.
CREATE TABLE item_modifier_groups (
  item_id TEXT NOT NULL REFERENCES menu_items (id) ON DELETE CASCADE,
  group_id TEXT NOT NULL REFERENCES modifier_groups (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (item_id, group_id)
) WITHOUT ROWID;

-- The 86 list. No row: available without limit. remaining NULL: not counted.
CREATE TABLE stock (
  item_id TEXT PRIMARY KEY REFERENCES menu_items (id) ON DELETE CASCADE,
  eighty_sixed INTEGER NOT NULL CHECK (eighty_sixed IN (0, 1)),
  remaining INTEGER CHECK (remaining IS NULL OR remaining >= 0)
);

CREATE TABLE rooms (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE floor_tables (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  room_id TEXT NOT NULL REFERENCES rooms (id),
  name TEXT NOT NULL,
  seats INTEGER NOT NULL CHECK (seats >= 1),
  x INTEGER NOT NULL,
  y INTEGER NOT NULL,
  width INTEGER NOT NULL CHECK (width >= 1),
  height INTEGER NOT NULL CHECK (height >= 1),
  shape TEXT NOT NULL CHECK (shape IN ('square', 'round', 'booth')),
  position INTEGER NOT NULL
);

-- pin_hash: keyed BLAKE2b of the PIN (see pin_hash.cpp), never the PIN. NULL: no PIN
-- yet. UNIQUE because a PIN alone says who is at the terminal.
CREATE TABLE staff (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('server', 'bartender', 'host', 'manager', 'kitchen')),
  pin_hash TEXT UNIQUE CHECK (pin_hash IS NULL OR length(pin_hash) = 64),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  position INTEGER NOT NULL
);

-- Named id sequences ("check", "line", ...): the value the next call hands out.
CREATE TABLE counters (
  name TEXT PRIMARY KEY CHECK (name <> ''),
  next_value INTEGER NOT NULL CHECK (next_value >= 1)
) WITHOUT ROWID;

-- The record of everything that happened, written in the same transaction as the state
-- it describes. Append-only, numbered 1, 2, 3, ... with no gaps: subscribers detect a
-- missed event by its number, and head office loads the log idempotently by it.
CREATE TABLE events (
  sequence INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type <> ''),
  body TEXT NOT NULL CHECK (json_valid(body)),
  at INTEGER NOT NULL
);

CREATE TRIGGER events_are_numbered_in_order
BEFORE INSERT ON events
WHEN NEW.sequence IS NOT (SELECT coalesce(max(sequence), 0) + 1 FROM events)
BEGIN
  SELECT RAISE(ABORT, 'event sequence numbers must follow the last one without a gap');
END;

CREATE TRIGGER events_are_never_changed
BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only: events are never changed');
END;

CREATE TRIGGER events_are_never_deleted
BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only: events are never deleted');
END;
)sql";

// v2: orders. Checks keep what was ordered as it was priced and named then, so they hold
// no foreign keys into the menu, floor or staff: those change, the record must not.
// Foreign keys that a move of lines between two checks crosses mid-transaction are
// DEFERRABLE: they must hold at commit, not between the saves of the two checks.
constexpr const char* kOrderSchema = R"sql(
CREATE TABLE checks (
  id INTEGER PRIMARY KEY CHECK (id > 0),
  number INTEGER NOT NULL CHECK (number > 0),
  channel TEXT NOT NULL
    CHECK (channel IN ('dine_in', 'bar_tab', 'takeout', 'delivery', 'online')),
  table_id TEXT NOT NULL,
  tab_name TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  customer_phone TEXT NOT NULL,
  promised_at INTEGER NOT NULL CHECK (promised_at >= 0),
  guests INTEGER NOT NULL CHECK (guests >= 0),
  server_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'merged')),
  opened_at INTEGER NOT NULL,
  closed_at INTEGER NOT NULL,
  merged_into INTEGER REFERENCES checks (id) DEFERRABLE INITIALLY DEFERRED,
  split_kind TEXT NOT NULL CHECK (split_kind IN ('none', 'by_seat', 'by_item', 'even')),
  split_parts INTEGER NOT NULL CHECK (split_parts >= 0),
  CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
  CHECK (merged_into IS NOT id)
);
CREATE INDEX checks_by_status ON checks (status);

CREATE TABLE lines (
  id INTEGER PRIMARY KEY CHECK (id > 0),
  check_id INTEGER NOT NULL REFERENCES checks (id),
  position INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  name TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  voided_quantity INTEGER NOT NULL CHECK (voided_quantity BETWEEN 0 AND quantity),
  seat INTEGER NOT NULL CHECK (seat >= 0),
  course TEXT NOT NULL CHECK (course IN ('drinks', 'apps', 'mains', 'dessert')),
  unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
  tax_class_id TEXT NOT NULL,
  station_ids TEXT NOT NULL CHECK (json_valid(station_ids) AND json_type(station_ids) = 'array'),
  note TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('new', 'held', 'sent', 'fired', 'ready', 'served', 'voided')),
  void_reason TEXT NOT NULL,
  voided_by TEXT NOT NULL,
  ordered_at INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  UNIQUE (id, check_id),  -- the target of "a line of this check" below
  CHECK ((state = 'voided') = (voided_quantity = quantity))
);
CREATE INDEX lines_by_check ON lines (check_id, position);

CREATE TABLE line_modifiers (
  line_id INTEGER NOT NULL REFERENCES lines (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  group_id TEXT NOT NULL,
  modifier_id TEXT NOT NULL,
  name TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  PRIMARY KEY (line_id, position)
) WITHOUT ROWID;

-- line_id NULL: a discount on the whole check; otherwise on a line of the same check.
CREATE TABLE discounts (
  id INTEGER PRIMARY KEY CHECK (id > 0),
  check_id INTEGER NOT NULL REFERENCES checks (id),
  line_id INTEGER,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('amount', 'percent', 'comp')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  basis_points INTEGER NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
  reason TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  at INTEGER NOT NULL,
  FOREIGN KEY (line_id, check_id) REFERENCES lines (id, check_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX discounts_by_check ON discounts (check_id, position);
CREATE INDEX discounts_by_line ON discounts (line_id, check_id);

-- part 0: the check as a whole; otherwise the split part it pays.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY CHECK (id > 0),
  check_id INTEGER NOT NULL REFERENCES checks (id),
  position INTEGER NOT NULL,
  part INTEGER NOT NULL CHECK (part >= 0),
  tender TEXT NOT NULL CHECK (tender IN ('cash', 'card', 'gift_card', 'house_account')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  tendered_cents INTEGER NOT NULL CHECK (tendered_cents >= 0),
  change_cents INTEGER NOT NULL CHECK (change_cents >= 0),
  tip_cents INTEGER NOT NULL CHECK (tip_cents >= 0),
  reference TEXT NOT NULL,
  taken_by TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX payments_by_check ON payments (check_id, position);

-- A by-item split: which parts (1-based) share each line.
CREATE TABLE split_assignments (
  check_id INTEGER NOT NULL REFERENCES checks (id),
  line_id INTEGER NOT NULL,
  part INTEGER NOT NULL CHECK (part >= 1),
  position INTEGER NOT NULL,
  PRIMARY KEY (line_id, part),
  FOREIGN KEY (line_id, check_id) REFERENCES lines (id, check_id)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;
CREATE INDEX split_assignments_by_check ON split_assignments (check_id);
)sql";

// v3: what the hub keeps beside the orders: each event filed under its topics (chained
// by `prev`, so a subscriber to some topics can tell what it missed), the reply to every
// command by id (exactly-once), logged-in sessions, and the kitchen's tickets.
constexpr const char* kHubSchema = R"sql(
CREATE TABLE event_topics (
  sequence INTEGER NOT NULL REFERENCES events (sequence),
  topic TEXT NOT NULL CHECK (topic <> ''),
  prev INTEGER NOT NULL CHECK (prev >= 0 AND prev < sequence),
  PRIMARY KEY (topic, sequence)
) WITHOUT ROWID;
CREATE INDEX event_topics_by_sequence ON event_topics (sequence);

CREATE TRIGGER event_topics_are_never_changed
BEFORE UPDATE ON event_topics
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only: events are never changed');
END;

CREATE TRIGGER event_topics_are_never_deleted
BEFORE DELETE ON event_topics
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only: events are never deleted');
END;

CREATE TABLE command_replies (
  command_id TEXT PRIMARY KEY CHECK (command_id <> ''),
  request_hash TEXT NOT NULL,
  reply TEXT NOT NULL CHECK (json_valid(reply)),
  at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sessions (
  token TEXT PRIMARY KEY CHECK (length(token) >= 16),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  device TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL CHECK (ended_at >= 0)
) WITHOUT ROWID;

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY CHECK (id > 0),
  check_id INTEGER NOT NULL REFERENCES checks (id),
  status TEXT NOT NULL CHECK (status IN ('held', 'open', 'ready', 'served')),
  course TEXT NOT NULL CHECK (course IN ('drinks', 'apps', 'mains', 'dessert')),
  addition INTEGER NOT NULL CHECK (addition IN (0, 1)),
  rush INTEGER NOT NULL CHECK (rush IN (0, 1)),
  created_at INTEGER NOT NULL,
  fired_at INTEGER NOT NULL,
  served_at INTEGER NOT NULL
);
CREATE INDEX tickets_by_status ON tickets (status, id);
CREATE INDEX tickets_by_check ON tickets (check_id);

CREATE TABLE ticket_lines (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  line_id INTEGER NOT NULL REFERENCES lines (id),
  PRIMARY KEY (ticket_id, position)
) WITHOUT ROWID;
CREATE INDEX ticket_lines_by_line ON ticket_lines (line_id);

CREATE TABLE ticket_stations (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  station_id TEXT NOT NULL CHECK (station_id <> ''),
  acknowledged_at INTEGER NOT NULL,
  bumped_at INTEGER NOT NULL,
  alerted INTEGER NOT NULL CHECK (alerted IN (0, 1)),
  PRIMARY KEY (ticket_id, station_id)
) WITHOUT ROWID;

CREATE TABLE ticket_items_done (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  line_id INTEGER NOT NULL,
  station_id TEXT NOT NULL,
  PRIMARY KEY (ticket_id, line_id, station_id)
) WITHOUT ROWID;
)sql";

// v4: paired devices. A device is known by its CURVE public key; it is revoked, never
// deleted, so the records of what it did keep naming it.
constexpr const char* kDeviceSchema = R"sql(
CREATE TABLE devices (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL CHECK (name <> ''),
  role TEXT NOT NULL CHECK (role IN ('terminal', 'kitchen', 'console')),
  stations TEXT NOT NULL CHECK (json_valid(stations) AND json_type(stations) = 'array'),
  public_key TEXT NOT NULL UNIQUE CHECK (length(public_key) = 40),
  paired_at INTEGER NOT NULL,
  paired_by TEXT NOT NULL,
  revoked_at INTEGER NOT NULL CHECK (revoked_at >= 0)
) WITHOUT ROWID;
)sql";

// v5: PINs and sessions that a copy of the file does not give away.
// - Each staff PIN hash gets an outer layer keyed by the key file beside the store
//   (pin.key): stored = keyed(file key, keyed(pin_key, PIN)). brigade_pin_file_layer() is
//   registered by Store::open for this step; without the key file it fails, so a store
//   with PINs is never upgraded half-way. pin_key_check tells a wrong key file at open.
// - Sessions are kept by a hash of their token, never the token, and end when idle; the
//   old table held tokens in clear, so it goes (everyone logs in again after the upgrade).
// - Login replies held a token in clear: no longer kept, and the kept ones are deleted.
constexpr const char* kPinKeyFileSchema = R"sql(
UPDATE staff SET pin_hash = brigade_pin_file_layer(pin_hash) WHERE pin_hash IS NOT NULL;

ALTER TABLE settings ADD COLUMN pin_key_check TEXT
  CHECK (pin_key_check IS NULL OR length(pin_key_check) = 64);
UPDATE settings SET pin_key_check = brigade_pin_file_layer('brigade pin.key check');

-- The fewest digits a PIN may have: 4 (PINs of 4 to 6 digits) or 6.
ALTER TABLE settings ADD COLUMN pin_digits INTEGER NOT NULL DEFAULT 4
  CHECK (pin_digits IN (4, 6));

DROP TABLE sessions;
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 32),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  device TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL CHECK (ended_at >= 0)
) WITHOUT ROWID;
CREATE INDEX sessions_of_staff ON sessions (staff_id, ended_at);

DELETE FROM command_replies WHERE json_extract(reply, '$.result.session') IS NOT NULL;
)sql";

// v6: kept replies expire (docs/protocol.md, "Exactly once"). A reply is kept whole only as
// long as a retry of its command can still arrive; after that its text is dropped (NULL)
// and the id and hash stay, so a late retry is still never done twice. No json_valid()
// check on the reply: the hub wrote it, and parsing every reply again cost each command.
constexpr const char* kExpiringRepliesSchema = R"sql(
CREATE TABLE command_replies_v6 (
  command_id TEXT PRIMARY KEY CHECK (command_id <> ''),
  request_hash TEXT NOT NULL,
  reply TEXT,  -- NULL: expired
  at INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO command_replies_v6 (command_id, request_hash, reply, at)
  SELECT command_id, request_hash, reply, at FROM command_replies;
DROP TABLE command_replies;
ALTER TABLE command_replies_v6 RENAME TO command_replies;
CREATE INDEX command_replies_to_expire ON command_replies (at) WHERE reply IS NOT NULL;
)sql";

// v7: the manager's back office (issue 11). The menu is edited while the store runs: a
// version number, retired items (never deleted once they may have been sold), day parts,
// descriptions and allergens. Lists that only the menu's own rules check (allergen tags,
// day part ids and prices) are JSON arrays in their row. The audit log is append-only,
// like the event log.
constexpr const char* kBackOfficeSchema = R"sql(
ALTER TABLE settings ADD COLUMN menu_version INTEGER NOT NULL DEFAULT 1
  CHECK (menu_version >= 1);

CREATE TABLE day_parts (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL,
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),  -- bit 0 = Monday
  from_minute INTEGER NOT NULL CHECK (from_minute BETWEEN 0 AND 1439),
  until_minute INTEGER NOT NULL CHECK (until_minute BETWEEN 0 AND 1439),
  position INTEGER NOT NULL
);

ALTER TABLE categories ADD COLUMN day_parts TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(day_parts) AND json_type(day_parts) = 'array');

ALTER TABLE menu_items ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));
ALTER TABLE menu_items ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE menu_items ADD COLUMN allergens TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(allergens) AND json_type(allergens) = 'array');
ALTER TABLE menu_items ADD COLUMN day_parts TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(day_parts) AND json_type(day_parts) = 'array');
-- [{"day_part": "happy-hour", "price_cents": 500}, ...]
ALTER TABLE menu_items ADD COLUMN day_part_prices TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(day_part_prices) AND json_type(day_part_prices) = 'array');

-- Who did what to money, the menu, stock, staff and permissions: staff_id acted (empty for
-- a kitchen screen), approved_by lent a manager's PIN, before and after are JSON.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action <> ''),
  staff_id TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  device TEXT NOT NULL,
  subject TEXT NOT NULL,
  reason TEXT NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
);
CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE TRIGGER audit_log_is_never_changed
BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: entries are never changed');
END;

CREATE TRIGGER audit_log_is_never_deleted
BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: entries are never deleted');
END;
)sql";

// v8: who may do what is data (issue 11): each role's permissions, which a manager changes
// while the store runs. The rows below are what every role could do before v8.
constexpr const char* kPermissionsSchema = R"sql(
CREATE TABLE role_permissions (
  role TEXT NOT NULL CHECK (role IN ('server', 'bartender', 'host', 'manager', 'kitchen')),
  permission TEXT NOT NULL CHECK (permission <> ''),
  PRIMARY KEY (role, permission)
) WITHOUT ROWID;
INSERT INTO role_permissions (role, permission) VALUES
  ('server', 'take_orders'),
  ('server', 'take_payment'),
  ('server', 'transfer_check'),
  ('bartender', 'take_orders'),
  ('bartender', 'take_payment'),
  ('bartender', 'transfer_check'),
  ('host', 'take_orders'),
  ('host', 'take_payment'),
  ('manager', 'take_orders'),
  ('manager', 'void_sent_line'),
  ('manager', 'comp'),
  ('manager', 'discount'),
  ('manager', 'take_payment'),
  ('manager', 'transfer_check'),
  ('manager', 'eighty_six'),
  ('manager', 'edit_menu'),
  ('manager', 'run_reports'),
  ('manager', 'manage_staff'),
  ('manager', 'work_tickets'),
  ('manager', 'manage_devices'),
  ('kitchen', 'work_tickets'),
  ('kitchen', 'eighty_six');
)sql";

// v9: inventory by ingredient (issue 11). Ingredients belong to the menu (edited and
// exported with it); what is on hand is stock, kept apart so that a menu save never
// touches a count. line_stock is what each line took, given back exactly when the line is
// removed or voided as not made (the recipe may have changed since). The portion counts of
// before become ingredients of their own: the item, one portion each.
constexpr const char* kInventorySchema = R"sql(
CREATE TABLE ingredients (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL CHECK (name <> ''),
  unit TEXT NOT NULL CHECK (unit <> ''),
  low_at INTEGER NOT NULL CHECK (low_at >= 0),
  position INTEGER NOT NULL
);

CREATE TABLE inventory (
  ingredient_id TEXT PRIMARY KEY REFERENCES ingredients (id) ON DELETE CASCADE,
  on_hand INTEGER NOT NULL CHECK (on_hand >= 0)
) WITHOUT ROWID;

-- [{"ingredient": "beef-patty", "quantity": 1}, ...]: what one unit takes.
ALTER TABLE menu_items ADD COLUMN recipe TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(recipe) AND json_type(recipe) = 'array');
ALTER TABLE modifiers ADD COLUMN recipe TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(recipe) AND json_type(recipe) = 'array');

CREATE TABLE line_stock (
  line_id INTEGER NOT NULL,
  ingredient_id TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (line_id, ingredient_id)
) WITHOUT ROWID;

INSERT INTO ingredients (id, name, unit, low_at, position)
  SELECT id, name, 'portion', 0, position FROM menu_items WHERE track_stock = 1;
UPDATE menu_items SET recipe = json_array(json_object('ingredient', id, 'quantity', 1))
  WHERE track_stock = 1;
INSERT INTO inventory (ingredient_id, on_hand)
  SELECT s.item_id, s.remaining FROM stock AS s JOIN menu_items AS i ON i.id = s.item_id
  WHERE i.track_stock = 1 AND s.remaining IS NOT NULL;
-- Lines of open checks took their portions when they were added.
INSERT INTO line_stock (line_id, ingredient_id, quantity)
  SELECT l.id, l.item_id, l.quantity - l.voided_quantity
  FROM lines AS l JOIN checks AS c ON c.id = l.check_id
    JOIN inventory AS v ON v.ingredient_id = l.item_id
  WHERE c.status = 'open' AND l.quantity > l.voided_quantity;
UPDATE stock SET remaining = NULL;
DELETE FROM stock WHERE eighty_sixed = 0;

INSERT INTO role_permissions (role, permission) VALUES ('manager', 'manage_stock');
)sql";

// v10: the time clock (issue 11). Punches are corrected in place by a manager (who and
// why are on the row; before and after are in the audit log). The store may require a
// clock-in before anyone but a manager takes orders.
constexpr const char* kTimeClockSchema = R"sql(
CREATE TABLE punches (
  id INTEGER PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  kind TEXT NOT NULL CHECK (kind IN ('in', 'out', 'break_start', 'break_end')),
  at INTEGER NOT NULL,
  device TEXT NOT NULL,
  fixed_by TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX punches_by_staff ON punches (staff_id, at);
CREATE INDEX punches_by_time ON punches (at);

ALTER TABLE settings ADD COLUMN clock_in_required INTEGER NOT NULL DEFAULT 0
  CHECK (clock_in_required IN (0, 1));
)sql";

// v11: the business day (issue 12). At most one day is open; a day is closed once, with
// the next Z number. Each check belongs to the day it was opened in (or was carried over
// to). A store that has checks already gets a first day around them, open since the first.
constexpr const char* kBusinessDaySchema = R"sql(
CREATE TABLE business_days (
  id INTEGER PRIMARY KEY CHECK (id > 0),
  opened_at INTEGER NOT NULL,
  opened_by TEXT NOT NULL,
  closed_at INTEGER,
  closed_by TEXT,
  z_number INTEGER UNIQUE CHECK (z_number > 0),
  CHECK ((closed_at IS NULL) = (z_number IS NULL)),
  CHECK ((closed_at IS NULL) = (closed_by IS NULL))
);
CREATE UNIQUE INDEX business_days_one_open ON business_days ((closed_at IS NULL))
  WHERE closed_at IS NULL;

ALTER TABLE checks ADD COLUMN business_day INTEGER REFERENCES business_days (id);
CREATE INDEX checks_by_day ON checks (business_day);

INSERT INTO business_days (id, opened_at, opened_by)
  SELECT 1, MIN(opened_at), '' FROM checks HAVING COUNT(*) > 0;
UPDATE checks SET business_day = 1 WHERE EXISTS (SELECT 1 FROM business_days);
)sql";

// v12: the day's figures (issue 12). A closed check or a refund adds its tallies to its
// day's sums as it is written, so a report reads a few hundred rows whatever the day's size.
// A Z report is kept as it was printed. Voids say how much of them the kitchen had made
// (older voids: all of it, as the hub assumed). Checks closed before v12 (tallied = 0) are
// counted from their rows when a report is read, and tallied when their day closes.
constexpr const char* kDayFiguresSchema = R"sql(
ALTER TABLE lines ADD COLUMN voided_made INTEGER NOT NULL DEFAULT 0;
UPDATE lines SET voided_made = voided_quantity;

CREATE TABLE day_tallies (
  day INTEGER NOT NULL REFERENCES business_days (id),
  figure TEXT NOT NULL,
  key TEXT NOT NULL,
  count INTEGER NOT NULL,
  cents INTEGER NOT NULL,
  PRIMARY KEY (day, figure, key)
) WITHOUT ROWID;

ALTER TABLE checks ADD COLUMN tallied INTEGER NOT NULL DEFAULT 0 CHECK (tallied IN (0, 1));
CREATE INDEX checks_to_tally ON checks (business_day) WHERE status = 'closed' AND tallied = 0;

ALTER TABLE business_days ADD COLUMN z_report TEXT;

CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  check_id INTEGER NOT NULL REFERENCES checks (id),
  check_number INTEGER NOT NULL,
  server_id TEXT NOT NULL,
  day INTEGER NOT NULL REFERENCES business_days (id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  reason TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  by TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE refund_lines (
  refund_id INTEGER NOT NULL REFERENCES refunds (id),
  line_id INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  name TEXT NOT NULL,
  tax_class_id TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  net_cents INTEGER NOT NULL,
  tax_cents INTEGER NOT NULL,
  PRIMARY KEY (refund_id, line_id)
) WITHOUT ROWID;
CREATE TABLE refund_tenders (
  refund_id INTEGER NOT NULL REFERENCES refunds (id),
  payment_id INTEGER NOT NULL,
  tender TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  reference TEXT NOT NULL,
  PRIMARY KEY (refund_id, payment_id)
) WITHOUT ROWID;
CREATE INDEX refunds_by_check ON refunds (check_id);
INSERT INTO role_permissions (role, permission) VALUES ('manager', 'refund');

CREATE TABLE drawers (
  id INTEGER PRIMARY KEY,
  day INTEGER NOT NULL REFERENCES business_days (id),
  device_id TEXT NOT NULL,
  name TEXT NOT NULL,
  float_cents INTEGER NOT NULL CHECK (float_cents >= 0),
  opened_by TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  counted_cents INTEGER,
  counted_by TEXT,
  counted_at INTEGER,
  closed_at INTEGER,
  CHECK ((counted_at IS NULL) = (counted_cents IS NULL)),
  CHECK (counted_at IS NULL OR closed_at IS NOT NULL)
);
CREATE UNIQUE INDEX drawers_one_open_per_device ON drawers (device_id) WHERE closed_at IS NULL;
CREATE INDEX drawers_by_day ON drawers (day);
CREATE TABLE drawer_moves (
  id INTEGER PRIMARY KEY,
  drawer_id INTEGER NOT NULL REFERENCES drawers (id),
  kind TEXT NOT NULL CHECK (kind IN ('cash_sale', 'cash_refund', 'paid_in', 'paid_out',
                                     'tip_payout', 'no_sale')),
  cents INTEGER NOT NULL CHECK (cents >= 0),
  reason TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  check_id INTEGER NOT NULL,
  by TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX drawer_moves_by_drawer ON drawer_moves (drawer_id, kind);
CREATE TABLE drawer_counts (
  drawer_id INTEGER NOT NULL REFERENCES drawers (id),
  denomination_cents INTEGER NOT NULL CHECK (denomination_cents > 0),
  pieces INTEGER NOT NULL CHECK (pieces >= 0),
  PRIMARY KEY (drawer_id, denomination_cents)
) WITHOUT ROWID;
)sql";

constexpr Migration kMigrations[] = {
    {1, "menu, floor, staff, stock, counters and the event log", kRestaurantSchema},
    {2, "checks with their lines, discounts, payments and splits", kOrderSchema},
    {3, "event topics, command replies, sessions and tickets", kHubSchema},
    {4, "paired devices", kDeviceSchema},
    {5, "PINs keyed by the key file, hashed session tokens", kPinKeyFileSchema},
    {6, "kept replies expire", kExpiringRepliesSchema},
    {7, "menu editing, day parts and the audit log", kBackOfficeSchema},
    {8, "each role's permissions as data", kPermissionsSchema},
    {9, "inventory by ingredient", kInventorySchema},
    {10, "the time clock", kTimeClockSchema},
    {11, "the business day", kBusinessDaySchema},
    {12, "the day's figures, Z reports, refunds and cash drawers", kDayFiguresSchema},
};

}  // namespace

std::span<const Migration> schema_migrations() {
  return kMigrations;
}

}  // namespace brigade::store
