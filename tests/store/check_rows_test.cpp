// Saving and loading checks (common/src/store/check_rows.cpp).
#include <SQLiteCpp/Database.h>

#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::commit;
using testing::describe;
using testing::open_store;
using testing::sample_check;
using testing::TempDir;

class StoreChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    store = open_store(dir.file("store.db"));
    commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  }
  void save(const Check& check) {
    commit(*store, [&](Store& s) { return s.save_check(check); });
  }
  void save(const Check& a, const Check& b) {
    commit(*store, [&](Store& s) -> Status {
      if (auto saved = s.save_check(a); !saved) return saved;
      return s.save_check(b);
    });
  }
  Check load(std::int64_t id) {
    auto check = store->load_check(id);
    EXPECT_TRUE(check.ok()) << check.error().message;
    return check.ok() ? *check : Check{};
  }
  // Rows as the file holds them, through a connection of its own.
  std::int64_t count(const std::string& sql) {
    SQLite::Database db(dir.file("store.db").string());
    return db.execAndGet(sql).getInt64();
  }

  TempDir dir;
  std::unique_ptr<Store> store;
};

TEST_F(StoreChecks, EveryFieldRoundTripsThroughTheFile) {
  const Check check = sample_check(7, 70);
  save(check);
  store.reset();
  store = open_store(dir.file("store.db"));
  EXPECT_EQ(describe(load(7)), describe(check));
}

TEST_F(StoreChecks, ChangedCheckIsUpdatedInPlace) {
  Check check = sample_check(7, 70);
  save(check);
  check.status = CheckStatus::closed;
  check.closed_at = 1'700'001'000'000;
  check.guests = 5;
  check.lines[0].note = "well done after all";
  check.lines[1].state = LineState::fired;
  check.lines[1].modifiers = {{"temp", "temp-medium", "Medium", Money::zero()}};
  std::swap(check.lines[0], check.lines[2]);  // order is kept as given
  check.discounts[1].amount = Money::cents(700);
  check.payments[1].tip = Money::cents(450);
  check.split = SplitPlan{SplitKind::even, 3, {}};
  save(check);
  EXPECT_EQ(describe(load(7)), describe(check));
  EXPECT_EQ(count("SELECT count(*) FROM lines"), 3);
  EXPECT_EQ(count("SELECT count(*) FROM line_modifiers"), 3 + 1 + 3);
  EXPECT_EQ(count("SELECT count(*) FROM split_assignments"), 0);
}

TEST_F(StoreChecks, RemovedLinesAreDeletedWithTheirModifiers) {
  Check check = sample_check(7, 70);
  save(check);
  check.discounts.erase(check.discounts.begin());  // it named line 70
  check.split = SplitPlan{};
  check.lines.erase(check.lines.begin());
  save(check);
  EXPECT_EQ(describe(load(7)), describe(check));
  EXPECT_EQ(count("SELECT count(*) FROM lines WHERE id = 70"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM line_modifiers WHERE line_id = 70"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM discounts WHERE id = 71"), 0);
}

Check empty_check(std::int64_t id) {
  Check check = sample_check(id, 0);
  check.lines.clear();
  check.discounts.clear();
  check.payments.clear();
  check.split = SplitPlan{};
  check.channel = Channel::dine_in;
  return check;
}

TEST_F(StoreChecks, LinesMovedToAnotherCheckChangeCheck) {
  Check from = sample_check(1, 10);
  from.payments.clear();
  Check to = empty_check(2);
  save(from, to);
  ASSERT_TRUE(move_lines(from, to, {10, 11}).ok());
  save(to, from);  // the receiving check first: the lines change their check_id
  EXPECT_EQ(describe(load(1)), describe(from));
  EXPECT_EQ(describe(load(2)), describe(to));
  EXPECT_EQ(count("SELECT count(*) FROM lines"), 3);
  EXPECT_EQ(count("SELECT check_id FROM lines WHERE id = 10"), 2);
  EXPECT_EQ(count("SELECT check_id FROM discounts WHERE line_id = 10"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM line_modifiers WHERE line_id = 10"), 3);
}

TEST_F(StoreChecks, LinesMovedSavedInEitherOrder) {
  Check from = sample_check(1, 10);
  from.payments.clear();
  Check to = empty_check(2);
  save(from, to);
  ASSERT_TRUE(move_lines(from, to, {10}).ok());
  save(from, to);  // the giving check first: its save deletes the line, the other's adds it
  EXPECT_EQ(describe(load(1)), describe(from));
  EXPECT_EQ(describe(load(2)), describe(to));
  EXPECT_EQ(count("SELECT count(*) FROM lines"), 3);
}

TEST_F(StoreChecks, MergedCheckKeepsWhereItWent) {
  Check into = empty_check(1);
  Check from = sample_check(2, 20);
  from.payments.clear();
  save(into, from);
  ASSERT_TRUE(merge_checks(into, from, 1'700'002'000'000).ok());
  save(from, into);
  const Check merged = load(2);
  EXPECT_EQ(merged.status, CheckStatus::merged);
  EXPECT_EQ(merged.merged_into, 1);
  EXPECT_TRUE(merged.lines.empty());
  EXPECT_EQ(describe(load(1)), describe(into));
  auto open = store->load_open_checks();
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].id, 1);
}

TEST_F(StoreChecks, OpenChecksAreTheOpenOnesInIdOrder) {
  Check closed = sample_check(2, 20);
  closed.status = CheckStatus::closed;
  closed.closed_at = 5;
  save(sample_check(3, 30), closed);
  save(sample_check(1, 10));
  auto open = store->load_open_checks();
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(describe(open[0]), describe(sample_check(1, 10)));
  EXPECT_EQ(describe(open[1]), describe(sample_check(3, 30)));
}

TEST_F(StoreChecks, EveryEnumValueRoundTrips) {
  // The schema's CHECK lists must accept every text the domain gives.
  std::int64_t id = 0;
  auto round_trip = [&](auto change) {
    ++id;
    Check check = sample_check(id, id * 10);
    change(check);
    save(check);
    EXPECT_EQ(describe(load(id)), describe(check));
  };
  for (Channel c :
       {Channel::dine_in, Channel::bar_tab, Channel::takeout, Channel::delivery, Channel::online})
    round_trip([&](Check& check) { check.channel = c; });
  for (LineState s : {LineState::new_, LineState::held, LineState::sent, LineState::fired,
                      LineState::ready, LineState::served, LineState::voided})
    round_trip([&](Check& check) {
      check.lines[1].state = s;
      check.lines[1].voided_quantity = s == LineState::voided ? check.lines[1].quantity : 0;
    });
  for (Course c : {Course::drinks, Course::apps, Course::mains, Course::dessert})
    round_trip([&](Check& check) { check.lines[0].course = c; });
  for (DiscountKind k : {DiscountKind::amount, DiscountKind::percent, DiscountKind::comp})
    round_trip([&](Check& check) { check.discounts[0].kind = k; });
  for (Tender t : {Tender::cash, Tender::card, Tender::gift_card, Tender::house_account})
    round_trip([&](Check& check) { check.payments[0].tender = t; });
  for (SplitKind k : {SplitKind::none, SplitKind::by_seat, SplitKind::by_item, SplitKind::even})
    round_trip([&](Check& check) { check.split.kind = k; });
  round_trip([&](Check& check) { check.status = CheckStatus::closed; });
  round_trip([&](Check& check) {
    check.status = CheckStatus::merged;
    check.merged_into = 1;
  });
}

TEST_F(StoreChecks, UnknownCheckIsNotFound) {
  auto check = store->load_check(404);
  ASSERT_FALSE(check);
  EXPECT_EQ(check.error().code, Errc::not_found);
  EXPECT_EQ(check.error().message, "no check with id 404");
}

TEST_F(StoreChecks, SaveOutsideATransactionIsRefused) {
  Status status = store->save_check(sample_check(1, 10));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "saving a check must run inside Store::transaction");
  EXPECT_FALSE(store->load_check(1).ok());
}

Status save_in_transaction(Store& store, const Check& check) {
  return store.transaction([&](Store& s) { return s.save_check(check); });
}

// The sample check with one thing changed: "code: message" of the refusal, or "saved".
std::string refusal(Store& store, void (*change)(Check&)) {
  Check check = sample_check(1, 10);
  change(check);
  Status status = save_in_transaction(store, check);
  return status ? "saved"
                : std::string(to_string(status.error().code)) + ": " + status.error().message;
}

TEST_F(StoreChecks, ContradictionsAreRefusedBeforeAnyWrite) {
  EXPECT_EQ(refusal(*store, [](Check& c) { c.lines[1].id = 10; }),
            "invalid_argument: check 1001 holds line 10 twice");
  EXPECT_EQ(refusal(*store, [](Check& c) { c.discounts[0].line_id = 99; }),
            "invalid_argument: check 1001: discount 11 names line 99, which is not on the check");
  EXPECT_EQ(refusal(*store, [](Check& c) { c.split.assignments[98] = {1}; }),
            "invalid_argument: check 1001: the split names line 98, which is not on the check");
  EXPECT_EQ(count("SELECT count(*) FROM checks"), 0);
}

TEST_F(StoreChecks, ImpossibleValuesAreRefusedByTheSchema) {
  EXPECT_EQ(refusal(*store, [](Check& c) { c.lines[1].quantity = 0; }),
            "storage_error: saving check 1001: CHECK constraint failed: quantity > 0");
  EXPECT_EQ(refusal(*store, [](Check& c) { c.lines[0].voided_quantity = 4; }),
            "storage_error: saving check 1001: CHECK constraint failed: voided_quantity BETWEEN 0 "
            "AND quantity");
  EXPECT_EQ(refusal(*store, [](Check& c) { c.payments[0].tip = Money::cents(-1); }),
            "storage_error: saving check 1001: CHECK constraint failed: tip_cents >= 0");
  // 1 of 3 voided is not a voided line.
  EXPECT_EQ(refusal(*store, [](Check& c) { c.lines[0].state = LineState::voided; }),
            "storage_error: saving check 1001: CHECK constraint failed: (state = 'voided') = "
            "(voided_quantity = quantity)");
  EXPECT_EQ(refusal(*store, [](Check& c) { c.status = CheckStatus::merged; }),
            "storage_error: saving check 1001: CHECK constraint failed: (status = 'merged') = "
            "(merged_into IS NOT NULL)");
  EXPECT_EQ(count("SELECT count(*) FROM checks"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM lines"), 0);
}

TEST_F(StoreChecks, ForeignKeysHoldAtCommit) {
  // Line 10 moves to check 2, but check 1 is not saved again: its split still names the
  // line on check 1, which no longer holds it. The commit is refused.
  Check from = sample_check(1, 10);
  from.payments.clear();
  Check to = empty_check(2);
  save(from, to);
  Check moved = from;
  ASSERT_TRUE(move_lines(moved, to, {10}).ok());
  Status status = save_in_transaction(*store, to);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::storage_error);
  EXPECT_EQ(status.error().message, "committing the transaction: FOREIGN KEY constraint failed");
  EXPECT_EQ(describe(load(1)), describe(from));
}

}  // namespace
}  // namespace brigade::store
