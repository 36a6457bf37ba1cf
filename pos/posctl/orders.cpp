#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "item_spec.h"
#include "printing.h"

namespace brigade::posctl {

void OrderCommands::add_open_options(CLI::App* command) {
  command->add_option("--table", table_, "dine-in table");
  command->add_option("--guests", guests_, "guests at the table");
  command->add_option("--tab", tab_, "bar tab name");
  command->add_option("--customer", customer_, "takeout/delivery customer name");
  command->add_option("--phone", phone_, "customer phone");
  command->add_option("--channel", channel_, "takeout, delivery or online");
}

protocol::OpenCheck OrderCommands::open_command() const {
  protocol::OpenCheck open;
  if (!table_.empty()) {
    open.channel = Channel::dine_in;
    open.table_id = table_;
    open.guests = guests_ ? guests_ : 2;
    return open;
  }
  if (!tab_.empty()) {
    open.channel = Channel::bar_tab;
    open.tab_name = tab_;
    return open;
  }
  if (customer_.empty()) usage_error("say --table, --tab or --customer");
  open.channel = channel_.empty() ? Channel::takeout
                                  : named(channel_from_string, channel_, "--channel",
                                          "takeout, delivery or online");
  open.customer_name = customer_;
  if (!phone_.empty()) open.customer_phone = phone_;
  return open;
}

std::optional<std::vector<Course>> OrderCommands::held_courses() const {
  if (hold_.empty()) return std::nullopt;
  std::vector<Course> held;
  for (const auto& name : hold_)
    held.push_back(named(course_from_string, name, "--hold", "drinks, apps, mains or dessert"));
  return held;
}

OrderCommands::OrderCommands(CommandLine cli) {
  namespace command = protocol::command;

  auto* open = cli.app.add_subcommand("open", "open a check");
  add_open_options(open);
  open->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      print_result(cli.options.json, h.call(open_command()), [](const Json& r) {
        fmt::print("opened check {} (id {}): {}\n", r["check"]["number"].get<long long>(),
                   r["check_id"].get<long long>(), r["check"]["label"].get<std::string>());
      });
    };
  });

  auto* add = cli.app.add_subcommand("add", "add a line to a check");
  add->add_option("check", check_id_, "check id")->required();
  add->add_option("item", item_, "item id")->required();
  add->add_option("--qty", quantity_, "quantity");
  add->add_option("--seat", seat_, "seat (0 = the table)");
  add->add_option("--course", course_, "drinks, apps, mains or dessert");
  add->add_option("--mod", modifiers_, "modifier id (repeat)")->allow_extra_args(false);
  add->add_option("--note", note_, "note for the kitchen");
  add->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      protocol::AddLine add{check_id_, item_, quantity_, seat_};
      if (!course_.empty())
        add.course =
            named(course_from_string, course_, "--course", "drinks, apps, mains or dessert");
      add.modifiers = modifiers_;
      add.note = note_;
      print_result(cli.options.json, h.call(add), [&h](const Json& r) {
        fmt::print("line {} added\n", r["line_id"].get<long long>());
        print_check(r["check"], h.currency());
      });
    };
  });

  auto* send = cli.app.add_subcommand("send", "send new lines to the kitchen");
  send->add_option("check", check_id_, "check id")->required();
  send->add_option("--hold", hold_, "hold this course until fired (repeat)")
      ->allow_extra_args(false);
  send->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      print_result(cli.options.json, h.call(protocol::Send{check_id_, held_courses()}),
                   [](const Json& r) { fmt::print("sent: tickets {}\n", r["ticket_ids"].dump()); });
    };
  });

  // order: open, add every item, send — one line of shell for a whole order.
  auto* order = cli.app.add_subcommand("order", "place an order: open a check, add items, send");
  add_open_options(order);
  order->add_option("items", items_, "item[:modifier,modifier][@seat] ...")->required();
  // One value per --hold: the items that follow are not courses.
  order->add_option("--hold", hold_, "hold this course until fired (repeat)")
      ->allow_extra_args(false);
  order->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      // Every item is read before the check is opened: a typo leaves no empty check behind.
      std::vector<ItemSpec> specs;
      for (const auto& text : items_) {
        auto spec = parse_item_spec(text);
        if (!spec) usage_error(spec.error().message);
        specs.push_back(*spec);
      }
      const protocol::OpenCheck open = open_command();
      const auto held = held_courses();
      Json opened = h.call(open);
      std::int64_t id = opened["check_id"];
      for (const auto& spec : specs) {
        protocol::AddLine line{id, spec.item_id};
        line.seat = spec.seat;
        line.modifiers = spec.modifiers;
        h.call(line);
      }
      Json sent = h.call(protocol::Send{id, held});
      if (cli.options.json) {
        fmt::print("{}\n", Json{{"check_id", id}, {"ticket_ids", sent["ticket_ids"]}}.dump(2));
      } else {
        fmt::print("check id {}, tickets {}\n", id, sent["ticket_ids"].dump());
        print_check(sent["check"], h.currency());
      }
    };
  });

  auto* fire = cli.app.add_subcommand("fire", "fire a held course");
  fire->add_option("check", check_id_, "check id")->required();
  fire->add_option("course", course_, "drinks, apps, mains or dessert")->required();
  fire->callback([this, cli] {
    cli.run = [this](Hub& h) {
      auto r = h.call(protocol::Fire{check_id_, named(course_from_string, course_, "course",
                                                      "drinks, apps, mains or dessert")});
      fmt::print("fired {}: tickets {}\n", course_, r["ticket_ids"].dump());
    };
  });
}

}  // namespace brigade::posctl
