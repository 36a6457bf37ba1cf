#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <map>

#include "commands.h"
#include "item_spec.h"
#include "printing.h"

namespace brigade::posctl {

MenuCommands::MenuCommands(CommandLine cli) {
  namespace command = protocol::command;

  auto* menu = cli.app.add_subcommand("menu", "list the menu with prices and what is 86'd");
  menu->add_option("--category", category_, "only this category");
  menu->callback([this, cli] {
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
}

}  // namespace brigade::posctl
