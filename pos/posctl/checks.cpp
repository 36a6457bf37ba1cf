#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "printing.h"

namespace brigade::posctl {

namespace {

// "5.00" -> 500; a percent "12.5" reads the same way, as basis points (1250).
std::int64_t parse_cents(const std::string& text) {
  auto m = parse_money(text);
  if (!m) usage_error(fmt::format("'{}' is not an amount ({})", text, m.error().message));
  return m->in_cents();
}

}  // namespace

CheckCommands::CheckCommands(CommandLine cli) {
  namespace command = protocol::command;
  // The hub's answer is a check: print it with the restaurant's money.
  auto print_the_check = [cli](Hub& h, const Json& result) {
    print_result(cli.options.json, result,
                 [&h](const Json& r) { print_check(r["check"], h.currency()); });
  };

  auto* checks = cli.app.add_subcommand("checks", "show the open checks");
  checks->callback([cli] {
    cli.run = [cli](Hub& h) {
      print_result(cli.options.json, h.call(command::list_checks, Json::object()),
                   [&h](const Json& r) {
                     if (r["checks"].empty()) fmt::print("no open checks\n");
                     for (const auto& c : r["checks"]) print_check(c, h.currency());
                   });
    };
  });

  auto* show = cli.app.add_subcommand("show", "show one check with its tickets");
  show->add_option("check", check_id_, "check id")->required();
  show->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      print_result(cli.options.json, h.call(protocol::GetCheck{check_id_}), [&h](const Json& r) {
        print_check(r["check"], h.currency());
        for (const auto& t : r["tickets"]) print_ticket(t);
      });
    };
  });

  auto* void_line = cli.app.add_subcommand("void", "void a sent line (manager: --approve PIN)");
  void_line->add_option("check", check_id_, "check id")->required();
  void_line->add_option("line", line_id_, "line id")->required();
  void_line->add_option("--reason", reason_, "why")->required();
  void_line->add_option("--qty", void_quantity_, "how many of the line (default: all)");
  void_line->callback([this, cli, print_the_check] {
    cli.run = [this, print_the_check](Hub& h) {
      protocol::VoidLine void_line{check_id_, line_id_, std::nullopt, reason_};
      if (void_quantity_ > 0) void_line.quantity = void_quantity_;
      print_the_check(h, h.call(void_line));
    };
  });

  auto* discount = cli.app.add_subcommand("discount", "discount or comp a line or the check");
  discount->add_option("check", check_id_, "check id")->required();
  discount->add_option("--line", line_id_, "line id (default: the whole check)");
  discount->add_option("--amount", amount_, "amount off, e.g. 5.00");
  discount->add_option("--percent", percent_, "percent off, e.g. 10 or 12.5");
  discount->add_flag("--comp", comp_, "give it away");
  discount->add_option("--reason", reason_, "why")->required();
  discount->callback([this, cli, print_the_check] {
    cli.run = [this, print_the_check](Hub& h) {
      protocol::GiveDiscount discount{check_id_};
      discount.reason = reason_;
      if (line_id_) discount.line_id = line_id_;
      if (comp_) {
        discount.discount = DiscountKind::comp;
      } else if (!amount_.empty()) {
        discount.discount = DiscountKind::amount;
        discount.amount = Money::cents(parse_cents(amount_));
      } else if (!percent_.empty()) {
        discount.discount = DiscountKind::percent;
        discount.percent_bp = parse_cents(percent_);  // "12.5" -> 1250 basis points
      } else {
        usage_error("say --amount, --percent or --comp");
      }
      print_the_check(h, h.call(discount));
    };
  });

  auto* pay = cli.app.add_subcommand("pay", "take a payment");
  pay->add_option("check", check_id_, "check id")->required();
  pay->add_option("--tender", tender_, "cash, card, gift_card, house_account")->required();
  pay->add_option("--amount", amount_, "amount (cash: what the guest handed over)")->required();
  pay->add_option("--tip", tip_, "tip");
  pay->add_option("--part", part_, "split part it pays");
  pay->add_option("--ref", reference_, "card approval code");
  pay->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      protocol::Pay pay{
          check_id_,
          named(tender_from_string, tender_, "--tender", "cash, card, gift_card or house_account"),
          Money::cents(parse_cents(amount_))};
      pay.part = part_;
      pay.reference = reference_;
      if (!tip_.empty()) pay.tip = Money::cents(parse_cents(tip_));
      print_result(cli.options.json, h.call(pay), [&h](const Json& r) {
        const CurrencyFormat& currency = h.currency();
        fmt::print("paid {}", money(r["amount"], currency));
        if (r["change"].get<std::int64_t>() > 0)
          fmt::print(", change due {}", money(r["change"], currency));
        fmt::print("\n");
        print_check(r["check"], currency);
      });
    };
  });

  auto* split = cli.app.add_subcommand("split", "split a check: by_seat, even, none");
  split->add_option("check", check_id_, "check id")->required();
  split->add_option("kind", split_kind_, "by_seat, even or none")->required();
  split->add_option("--parts", parts_, "parts for an even split");
  split->callback([this, cli, print_the_check] {
    cli.run = [this, print_the_check](Hub& h) {
      protocol::SplitCheck split{check_id_, named(split_kind_from_string, split_kind_, "kind",
                                                  "none, by_seat, by_item or even")};
      if (parts_) split.parts = parts_;
      print_the_check(h, h.call(split));
    };
  });

  auto* close = cli.app.add_subcommand("close", "close a paid check");
  close->add_option("check", check_id_, "check id")->required();
  close->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      print_result(cli.options.json, h.call(protocol::CloseCheck{check_id_}), [](const Json& r) {
        fmt::print("closed check {}\n", r["check"]["number"].get<long long>());
      });
    };
  });
}

}  // namespace brigade::posctl
