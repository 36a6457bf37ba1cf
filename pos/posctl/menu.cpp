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
}

}  // namespace brigade::posctl
