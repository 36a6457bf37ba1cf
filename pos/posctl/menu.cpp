#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "brigade/protocol/codec.h"
#include "brigade/restaurant/menu_file.h"
#include "commands.h"
#include "item_spec.h"
#include "printing.h"

namespace brigade::posctl {

MenuCommands::MenuCommands(CommandLine cli) {
  namespace command = protocol::command;

  auto* menu = cli.app.add_subcommand(
      "menu", "list the menu with prices and what is 86'd; export or import the whole menu");
  menu->add_option("--category", category_, "only this category");
  menu->require_subcommand(0, 1);

  auto* export_menu = menu->add_subcommand(
      "export", "write the whole menu as a menu file (docs/restaurant-format.md)");
  export_menu->add_option("file", file_, "where to write it; - for standard output")->required();
  export_menu->callback([this, cli] {
    cli.run = [this](Hub& h) {
      const Json reply = h.call(command::get_menu, Json::object(), false);
      const std::string text = write_menu_file(protocol::read_menu(reply["menu"]));
      if (file_ == "-") {
        fmt::print("{}", text);
        return;
      }
      // Written beside and renamed: an old file is never left half overwritten.
      const std::string part = file_ + ".part";
      {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) usage_error("cannot write " + part);
      }
      std::error_code ec;
      std::filesystem::rename(part, file_, ec);
      if (ec) usage_error("cannot write " + file_ + ": " + ec.message());
      fmt::print("menu version {} written to {}: {} items, {} categories\n",
                 reply["menu_version"].get<std::int64_t>(), file_, reply["menu"]["items"].size(),
                 reply["menu"]["categories"].size());
    };
  });

  auto* import_menu = menu->add_subcommand(
      "import", "replace the whole menu with a menu file, all of it or nothing");
  import_menu->add_option("file", file_, "the menu file")->required()->check(CLI::ExistingFile);
  import_menu->callback([this, cli] {
    cli.run = [this](Hub& h) {
      std::ifstream in(file_, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      // Read here first, to list every problem before bothering the hub; the hub reads it
      // again with the same rules and is the one that decides.
      MenuReading reading = parse_menu_file(text.str());
      if (!reading.ok()) {
        fmt::print(stderr, "{}: {} problem{}, nothing was imported:\n", file_,
                   reading.problems.size(), reading.problems.size() == 1 ? "" : "s");
        for (const MenuProblem& p : reading.problems) fmt::print(stderr, "  {}\n", p.text());
        throw Stop{kRefused};
      }
      const Json menu = Json::parse(text.str())["menu"];
      const Json r = h.call(protocol::ImportMenu{menu});
      if (r["changed"].get<bool>())
        fmt::print("menu imported: now version {}\n", r["menu_version"].get<std::int64_t>());
      else
        fmt::print("nothing to change: the hub's menu (version {}) is the same\n",
                   r["menu_version"].get<std::int64_t>());
    };
  });

  menu->callback([this, cli, menu] {
    if (!menu->get_subcommands().empty()) return;  // export or import set what runs
    cli.run = [this, cli](Hub& h) {
      print_result(
          cli.options.json, h.call(command::get_menu, Json::object(), false), [&](const Json& r) {
            std::map<std::string, Json> stock;
            for (const auto& s : r["stock"]) stock[s["item_id"]] = s;
            for (const auto& i : r["menu"]["items"]) {
              if (!category_.empty() && i["category"] != category_) continue;
              std::string state;
              if (auto it = stock.find(i["id"]); it != stock.end()) {
                if (it->second["out"].get<bool>())
                  state = "86";
                else if (!it->second["remaining"].is_null())
                  state = fmt::format("{} left", it->second["remaining"].get<int>());
              }
              fmt::print("{:<24} {:<34} {:>9}  {}\n", i["id"].get<std::string>(),
                         i["name"].get<std::string>(), money(i["price"], h.currency()), state);
            }
          });
    };
  });

  auto* e86 = cli.app.add_subcommand("86", "86 an item: no terminal can sell it");
  e86->add_option("item", item_, "item id")->required();
  e86->callback([this, cli] {
    cli.run = [this](Hub& h) {
      h.call(protocol::EightySix{item_});
      fmt::print("{} is 86'd\n", item_);
    };
  });

  auto* un86 = cli.app.add_subcommand("un86", "put an 86'd item back on");
  un86->add_option("item", item_, "item id")->required();
  un86->callback([this, cli] {
    cli.run = [this](Hub& h) {
      h.call(protocol::BackOn{item_});
      fmt::print("{} is back on\n", item_);
    };
  });

  auto* stock = cli.app.add_subcommand("stock", "set how many portions are left (or 'off')");
  stock->add_option("item", item_, "item id")->required();
  stock->add_option("count", count_, "portions left, or off to stop counting")->required();
  stock->callback([this, cli] {
    cli.run = [this](Hub& h) {
      protocol::SetStock stock{item_};
      if (count_ != "off") {
        auto portions = parse_portions(count_);
        if (!portions) usage_error(portions.error().message);
        stock.remaining = *portions;
      }
      h.call(stock);
      if (count_ == "off")
        fmt::print("{}: not counted\n", item_);
      else
        fmt::print("{}: {} left\n", item_, count_);
    };
  });
  add_inventory(cli);
}

void MenuCommands::add_inventory(CommandLine cli) {
  auto* inventory = cli.app.add_subcommand(
      "inventory", "list what is on hand of each ingredient; receive, count or waste stock");
  inventory->require_subcommand(0, 1);
  inventory->callback([this, cli, inventory] {
    if (!inventory->get_subcommands().empty()) return;
    cli.run = [](Hub& h) {
      const Json reply = h.call(protocol::command::get_menu, Json::object(), false);
      fmt::print("{:<20} {:<28} {:>10}  {:<8} {}\n", "INGREDIENT", "NAME", "ON HAND", "UNIT",
                 "LOW AT");
      for (const auto& i : reply["inventory"]) {
        const std::string on_hand =
            i["on_hand"].is_null() ? "-" : std::to_string(i["on_hand"].get<std::int64_t>());
        const std::int64_t low_at = i["low_at"].get<std::int64_t>();
        fmt::print("{:<20} {:<28} {:>10}  {:<8} {}{}\n", i["ingredient_id"].get<std::string>(),
                   i["name"].get<std::string>(), on_hand, i["unit"].get<std::string>(),
                   low_at > 0 ? std::to_string(low_at) : "-", i["low"].get<bool>() ? "  LOW" : "");
      }
    };
  });
  // The answer's count, as a person reads it.
  auto said = [](const Json& reply) {
    const Json& i = reply["ingredient"];
    const Ingredient ingredient{i["ingredient_id"], i["name"], i["unit"]};
    return i["on_hand"].is_null()
               ? ingredient.name + ": not counted"
               : fmt::format("{}: {} on hand{}", ingredient.name,
                             amount_text(ingredient, i["on_hand"].get<std::int64_t>()),
                             i["low"].get<bool>() ? " (low)" : "");
  };

  auto* receive =
      inventory->add_subcommand("receive", "a delivery came: add it to what is on hand");
  receive->add_option("ingredient", ingredient_, "ingredient id")->required();
  receive->add_option("quantity", quantity_, "how much came, in the ingredient's unit")
      ->required()
      ->check(CLI::PositiveNumber);
  receive->add_option("--note", note_, "the invoice or supplier, for the record");
  receive->callback([this, cli, said] {
    cli.run = [this, said](Hub& h) {
      protocol::ReceiveStock cmd{ingredient_, quantity_};
      if (!note_.empty()) cmd.note = note_;
      fmt::print("{}\n", said(h.call(cmd)));
    };
  });

  auto* count = inventory->add_subcommand("count", "a physical count: set what is on hand");
  count->add_option("ingredient", ingredient_, "ingredient id")->required();
  count->add_option("count", count_, "what is on hand, or off to stop counting")->required();
  count->add_option("--note", note_, "for the record");
  count->callback([this, cli, said] {
    cli.run = [this, said](Hub& h) {
      protocol::CountStock cmd{ingredient_};
      if (count_ != "off") {
        auto counted = parse_portions(count_);
        if (!counted) usage_error(counted.error().message);
        cmd.on_hand = *counted;
      }
      if (!note_.empty()) cmd.note = note_;
      const Json reply = h.call(cmd);
      fmt::print("{}", said(reply));
      if (reply.contains("variance"))
        fmt::print(" (variance {:+})", reply["variance"].get<std::int64_t>());
      fmt::print("\n");
    };
  });

  auto* waste =
      inventory->add_subcommand("waste", "dropped, spoiled, burnt: take it off, with why");
  waste->add_option("ingredient", ingredient_, "ingredient id")->required();
  waste->add_option("quantity", quantity_, "how much, in the ingredient's unit")
      ->required()
      ->check(CLI::PositiveNumber);
  waste->add_option("--reason", reason_, "why it was thrown away")->required();
  waste->callback([this, cli, said] {
    cli.run = [this, said](Hub& h) {
      fmt::print("{}\n", said(h.call(protocol::WasteStock{ingredient_, quantity_, reason_})));
    };
  });
}

}  // namespace brigade::posctl
