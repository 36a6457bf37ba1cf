// posctl: the hub from a shell, for operators and scripts. Places orders, 86's items,
// shows open checks and tickets, tails events. Exit codes: 0 done, 1 the hub refused,
// 2 bad usage, 3 the hub did not answer.
#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include "brigade/domain/money.h"
#include "brigade/net/command_client.h"
#include "brigade/net/command_id.h"
#include "brigade/net/event_feed.h"
#include "brigade/protocol/protocol.h"

using brigade::protocol::Json;

namespace {

enum Exit { kOk = 0, kRefused = 1, kUsage = 2, kUnreachable = 3 };

struct Options {
  std::string commands = "tcp://127.0.0.1:5555";
  std::string events = "tcp://127.0.0.1:5556";
  std::string device = "posctl";
  std::string pin;
  std::string approve;  // a manager's PIN for one command
  int timeout_s = 10;
  bool json = false;
};

// A refusal or an unreachable hub ends the program with its exit code.
struct Stop {
  int code;
};

std::string money(std::int64_t cents) {
  return brigade::format_money(brigade::Money::cents(cents));
}

std::int64_t parse_cents(const std::string& text) {
  auto m = brigade::parse_money(text);
  if (!m) {
    std::cerr << "posctl: '" << text << "' is not an amount (" << m.error().message << ")\n";
    throw Stop{kUsage};
  }
  return m->in_cents();
}

class Hub {
 public:
  explicit Hub(const Options& o) : options_(o), client_({o.commands, {}, {}}) {}

  // Sends one command and waits for its reply; refusals print and stop.
  Json call(const std::string& type, const Json& args, bool needs_login = true) {
    if (needs_login && session_.empty()) login();
    std::string id = brigade::net::make_command_id();
    std::string request = brigade::protocol::make_command(id, type, options_.device, session_, args,
                                                          type == "login" ? "" : options_.approve);
    auto reply = client_.call(id, request, std::chrono::seconds(options_.timeout_s));
    if (!reply) {
      std::cerr << "posctl: the hub at " << options_.commands << " did not answer within "
                << options_.timeout_s << " s\n";
      throw Stop{kUnreachable};
    }
    Json j = Json::parse(*reply, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      std::cerr << "posctl: the hub sent something that is not JSON\n";
      throw Stop{kUnreachable};
    }
    if (!j.value("ok", false)) {
      std::string code = j["error"].value("code", "");
      std::cerr << "refused (" << code << "): " << j["error"].value("message", "") << "\n";
      throw Stop{code == "hub_unreachable" ? kUnreachable : kRefused};
    }
    return j["result"];
  }

  void login() {
    if (options_.pin.empty()) {
      std::cerr << "posctl: this needs a PIN: --pin 1234 (or BRIGADE_PIN)\n";
      throw Stop{kUsage};
    }
    Json r = call("login", {{"pin", options_.pin}}, false);
    session_ = r["session"];
    staff_ = r["staff"]["name"];
  }

  void logout() {
    if (session_.empty()) return;
    try {
      call("logout", Json::object(), false);
    } catch (const Stop&) {
    }
    session_.clear();
  }

 private:
  const Options& options_;
  brigade::net::CommandClient client_;
  std::string session_;
  std::string staff_;
};

// [SECTION] printing for people

void print_check(const Json& c) {
  std::printf("check %lld  %s  (%s, %d guests)  %s\n", c["number"].get<long long>(),
              c["label"].get<std::string>().c_str(), c["channel"].get<std::string>().c_str(),
              c["guests"].get<int>(), c["status"].get<std::string>().c_str());
  for (const auto& l : c["lines"]) {
    int qty = l["quantity"], voided = l["voided_quantity"];
    std::string qty_text =
        voided ? std::to_string(qty) + "->" + std::to_string(qty - voided) : std::to_string(qty);
    std::printf(
        "  #%-5lld seat %-2d %-7s %4s x %-28s %-7s %10s\n", l["id"].get<long long>(),
        l["seat"].get<int>(), l["course"].get<std::string>().c_str(), qty_text.c_str(),
        l["name"].get<std::string>().c_str(), l["state"].get<std::string>().c_str(),
        money(l.value("net", l["unit_total"].get<std::int64_t>() * (qty - voided))).c_str());
    for (const auto& m : l["modifiers"])
      std::printf("%24s- %s %s\n", "", m["name"].get<std::string>().c_str(),
                  m["price"].get<std::int64_t>() ? money(m["price"]).c_str() : "");
    if (!l["note"].get<std::string>().empty())
      std::printf("%24s! %s\n", "", l["note"].get<std::string>().c_str());
    if (l["state"] == "voided" || voided)
      std::printf("%24sVOID: %s\n", "", l["void_reason"].get<std::string>().c_str());
  }
  const Json& t = c["totals"];
  std::printf("  subtotal %s  discounts %s  comps %s  tax %s  TOTAL %s  paid %s  tips %s  DUE %s\n",
              money(t["subtotal"]).c_str(), money(t["discounts"]).c_str(),
              money(t["comps"]).c_str(), money(t["tax"]).c_str(), money(t["total"]).c_str(),
              money(t["paid"]).c_str(), money(t["tips"]).c_str(), money(t["balance"]).c_str());
  for (const auto& p : c["split"].value("part_totals", Json::array()))
    std::printf("  part %d %-14s total %s  paid %s  due %s\n", p["part"].get<int>(),
                p["label"].get<std::string>().c_str(), money(p["total"]).c_str(),
                money(p["paid"]).c_str(), money(p["balance"]).c_str());
}

void print_ticket(const Json& t) {
  std::printf("ticket %lld  %s  check %lld  %s  %s%s%s\n", t["id"].get<long long>(),
              t["label"].get<std::string>().c_str(), t["check_number"].get<long long>(),
              t["course"].get<std::string>().c_str(), t["status"].get<std::string>().c_str(),
              t["rush"].get<bool>() ? "  RUSH" : "", t["addition"].get<bool>() ? "  ADD-ON" : "");
  for (const auto& s : t["stations"])
    std::printf("    %-8s %s%s\n", s["station"].get<std::string>().c_str(),
                s["acknowledged_at"].is_null() ? "not seen" : "seen",
                s["bumped_at"].is_null() ? "" : ", bumped");
  for (const auto& l : t["lines"]) {
    bool voided = l["state"] == "voided";
    std::printf("    %s%d x %s (seat %d)\n", voided ? "VOID " : "",
                l["quantity"].get<int>() - l["voided_quantity"].get<int>(),
                l["name"].get<std::string>().c_str(), l["seat"].get<int>());
    for (const auto& m : l["modifiers"])
      std::printf("        - %s\n", m.get<std::string>().c_str());
  }
}

void print_event(const brigade::net::EventItem& e) {
  Json body = Json::parse(e.body, nullptr, false);
  std::string what;
  if (body.contains("check")) what = body["check"].value("label", "");
  if (body.contains("ticket"))
    what = "ticket " + std::to_string(body["ticket"].value("id", 0)) + " " +
           body["ticket"].value("label", "") + " " + body["ticket"].value("status", "");
  if (body.contains("stock"))
    what = body["stock"].value("item_id", "") + (body["stock"].value("out", false) ? " OUT" : "");
  if (body.contains("station"))
    what = "station " + body.value("station", "") + " " + body.value("label", "");
  std::printf("#%-6lld %-14s %-26s %s\n", static_cast<long long>(e.seq), e.topic.c_str(),
              e.type.c_str(), what.c_str());
  std::fflush(stdout);
}

volatile std::sig_atomic_t g_stop_tail = 0;
extern "C" void stop_tail(int) {
  g_stop_tail = 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (const char* pin = std::getenv("BRIGADE_PIN")) o.pin = pin;
  CLI::App app{"posctl: drive a Brigade hub from the shell"};
  app.require_subcommand(1);
  app.add_option("--commands", o.commands, "hub command endpoint")->capture_default_str();
  app.add_option("--events", o.events, "hub event endpoint")->capture_default_str();
  app.add_option("--device", o.device, "device id sent with each command")->capture_default_str();
  app.add_option("--pin", o.pin, "staff PIN to log in with (or env BRIGADE_PIN)");
  app.add_option("--approve", o.approve, "a manager's PIN approving this command");
  app.add_option("--timeout", o.timeout_s, "seconds to wait for the hub")->capture_default_str();
  app.add_flag("--json", o.json, "print the hub's JSON result instead of text");

  // Each subcommand fills `run`; it is called once the line is parsed.
  std::function<void(Hub&)> run;
  auto result_out = [&](const Json& r, const std::function<void(const Json&)>& text) {
    if (o.json)
      std::cout << r.dump(2) << "\n";
    else
      text(r);
  };

  auto* hello = app.add_subcommand("hello", "check that the hub answers");
  hello->callback([&] {
    run = [&](Hub& h) {
      result_out(h.call("hello", Json::object(), false), [](const Json& r) {
        std::printf("%s: %s, protocol %d, last event #%lld\n", r["hub"].get<std::string>().c_str(),
                    r["restaurant"].get<std::string>().c_str(), r["protocol"].get<int>(),
                    r["seq"].get<long long>());
      });
    };
  });

  std::string category;
  auto* menu = app.add_subcommand("menu", "list the menu with prices and what is 86'd");
  menu->add_option("--category", category, "only this category");
  menu->callback([&] {
    run = [&](Hub& h) {
      result_out(h.call("get_menu", Json::object(), false), [&](const Json& r) {
        std::map<std::string, Json> stock;
        for (const auto& s : r["stock"]) stock[s["item_id"]] = s;
        for (const auto& i : r["menu"]["items"]) {
          if (!category.empty() && i["category"] != category) continue;
          std::string state;
          if (auto it = stock.find(i["id"]); it != stock.end()) {
            if (it->second["out"].get<bool>())
              state = "86";
            else if (!it->second["remaining"].is_null())
              state = std::to_string(it->second["remaining"].get<int>()) + " left";
          }
          std::printf("%-24s %-34s %9s  %s\n", i["id"].get<std::string>().c_str(),
                      i["name"].get<std::string>().c_str(), money(i["price"]).c_str(),
                      state.c_str());
        }
      });
    };
  });

  std::string item;
  auto* e86 = app.add_subcommand("86", "86 an item: no terminal can sell it");
  e86->add_option("item", item, "item id")->required();
  e86->callback([&] {
    run = [&](Hub& h) {
      h.call("eighty_six", {{"item_id", item}});
      std::printf("%s is 86'd\n", item.c_str());
    };
  });
  auto* un86 = app.add_subcommand("un86", "put an 86'd item back on");
  un86->add_option("item", item, "item id")->required();
  un86->callback([&] {
    run = [&](Hub& h) {
      h.call("un_eighty_six", {{"item_id", item}});
      std::printf("%s is back on\n", item.c_str());
    };
  });
  std::string count;
  auto* stock = app.add_subcommand("stock", "set how many portions are left (or 'off')");
  stock->add_option("item", item, "item id")->required();
  stock->add_option("count", count, "portions left, or off to stop counting")->required();
  stock->callback([&] {
    run = [&](Hub& h) {
      Json remaining = nullptr;
      if (count != "off") {
        try {
          remaining = std::stoi(count);
        } catch (const std::exception&) {
          std::cerr << "posctl: count must be a number or off\n";
          throw Stop{kUsage};
        }
      }
      h.call("set_stock", {{"item_id", item}, {"remaining", remaining}});
      std::printf("%s: %s\n", item.c_str(),
                  count == "off" ? "not counted" : (count + " left").c_str());
    };
  });

  auto* checks = app.add_subcommand("checks", "show the open checks");
  checks->callback([&] {
    run = [&](Hub& h) {
      result_out(h.call("list_checks", Json::object()), [](const Json& r) {
        if (r["checks"].empty()) std::printf("no open checks\n");
        for (const auto& c : r["checks"]) print_check(c);
      });
    };
  });

  std::int64_t check_id = 0;
  auto* show = app.add_subcommand("show", "show one check with its tickets");
  show->add_option("check", check_id, "check id")->required();
  show->callback([&] {
    run = [&](Hub& h) {
      result_out(h.call("get_check", {{"check_id", check_id}}), [](const Json& r) {
        print_check(r["check"]);
        for (const auto& t : r["tickets"]) print_ticket(t);
      });
    };
  });

  std::vector<std::string> stations;
  auto* tickets = app.add_subcommand("tickets", "show the open tickets");
  tickets->add_option("--station", stations, "only these stations (repeat)")
      ->allow_extra_args(false);
  tickets->callback([&] {
    run = [&](Hub& h) {
      Json topics = Json::array();
      if (stations.empty()) topics.push_back("ticket.");
      for (const auto& s : stations) topics.push_back("ticket." + s);
      result_out(h.call("snapshot", {{"topics", topics}}, false), [](const Json& r) {
        if (r["tickets"].empty()) std::printf("no open tickets\n");
        for (const auto& t : r["tickets"]) print_ticket(t);
      });
    };
  });

  // open: a table, a tab or a pickup.
  std::string table, tab, customer, phone;
  int guests = 0;
  std::string channel;
  auto open_args = [&]() {
    Json args = Json::object();
    if (!table.empty()) {
      args = {{"channel", "dine_in"}, {"table_id", table}, {"guests", guests ? guests : 2}};
    } else if (!tab.empty()) {
      args = {{"channel", "bar_tab"}, {"tab_name", tab}};
    } else if (!customer.empty()) {
      args = {{"channel", channel.empty() ? "takeout" : channel}, {"customer_name", customer}};
      if (!phone.empty()) args["customer_phone"] = phone;
    } else {
      std::cerr << "posctl: say --table, --tab or --customer\n";
      throw Stop{kUsage};
    }
    return args;
  };
  auto add_open_options = [&](CLI::App* cmd) {
    cmd->add_option("--table", table, "dine-in table");
    cmd->add_option("--guests", guests, "guests at the table");
    cmd->add_option("--tab", tab, "bar tab name");
    cmd->add_option("--customer", customer, "takeout/delivery customer name");
    cmd->add_option("--phone", phone, "customer phone");
    cmd->add_option("--channel", channel, "takeout, delivery or online");
  };
  auto* open = app.add_subcommand("open", "open a check");
  add_open_options(open);
  open->callback([&] {
    run = [&](Hub& h) {
      result_out(h.call("open_check", open_args()), [](const Json& r) {
        std::printf("opened check %lld (id %lld): %s\n", r["check"]["number"].get<long long>(),
                    r["check_id"].get<long long>(), r["check"]["label"].get<std::string>().c_str());
      });
    };
  });

  int quantity = 1, seat = 0;
  std::string course, note;
  std::vector<std::string> modifiers;
  auto* add = app.add_subcommand("add", "add a line to a check");
  add->add_option("check", check_id, "check id")->required();
  add->add_option("item", item, "item id")->required();
  add->add_option("--qty", quantity, "quantity");
  add->add_option("--seat", seat, "seat (0 = the table)");
  add->add_option("--course", course, "drinks, apps, mains or dessert");
  add->add_option("--mod", modifiers, "modifier id (repeat)")->allow_extra_args(false);
  add->add_option("--note", note, "note for the kitchen");
  add->callback([&] {
    run = [&](Hub& h) {
      Json args{{"check_id", check_id}, {"item_id", item},        {"quantity", quantity},
                {"seat", seat},         {"modifiers", modifiers}, {"note", note}};
      if (!course.empty()) args["course"] = course;
      result_out(h.call("add_line", args), [](const Json& r) {
        std::printf("line %lld added\n", r["line_id"].get<long long>());
        print_check(r["check"]);
      });
    };
  });

  std::vector<std::string> hold;
  auto* send = app.add_subcommand("send", "send new lines to the kitchen");
  send->add_option("check", check_id, "check id")->required();
  send->add_option("--hold", hold, "hold this course until fired (repeat)")
      ->allow_extra_args(false);
  send->callback([&] {
    run = [&](Hub& h) {
      result_out(h.call("send", {{"check_id", check_id}, {"hold", hold}}), [](const Json& r) {
        std::printf("sent: tickets %s\n", r["ticket_ids"].dump().c_str());
      });
    };
  });

  // order: open, add every item, send — one line of shell for a whole order.
  std::vector<std::string> items;
  auto* order = app.add_subcommand("order", "place an order: open a check, add items, send");
  add_open_options(order);
  order->add_option("items", items, "item[:modifier,modifier][@seat] ...")->required();
  // One value per --hold: the items that follow are not courses.
  order->add_option("--hold", hold, "hold this course until fired (repeat)")
      ->allow_extra_args(false);
  order->callback([&] {
    run = [&](Hub& h) {
      Json opened = h.call("open_check", open_args());
      std::int64_t id = opened["check_id"];
      for (const auto& spec : items) {
        std::string name = spec, mods, seat_text;
        if (auto at = name.find('@'); at != std::string::npos) {
          seat_text = name.substr(at + 1);
          name = name.substr(0, at);
        }
        if (auto colon = name.find(':'); colon != std::string::npos) {
          mods = name.substr(colon + 1);
          name = name.substr(0, colon);
        }
        Json mod_list = Json::array();
        for (std::size_t start = 0; !mods.empty() && start <= mods.size();) {
          auto comma = mods.find(',', start);
          mod_list.push_back(mods.substr(start, comma - start));
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
        Json args{{"check_id", id}, {"item_id", name}, {"modifiers", mod_list}};
        if (!seat_text.empty()) args["seat"] = std::atoi(seat_text.c_str());
        h.call("add_line", args);
      }
      Json sent = h.call("send", {{"check_id", id}, {"hold", hold}});
      if (o.json) {
        std::cout << Json{{"check_id", id}, {"ticket_ids", sent["ticket_ids"]}}.dump(2) << "\n";
      } else {
        std::printf("check id %lld, tickets %s\n", static_cast<long long>(id),
                    sent["ticket_ids"].dump().c_str());
        print_check(sent["check"]);
      }
    };
  });

  auto* fire = app.add_subcommand("fire", "fire a held course");
  fire->add_option("check", check_id, "check id")->required();
  fire->add_option("course", course, "drinks, apps, mains or dessert")->required();
  fire->callback([&] {
    run = [&](Hub& h) {
      auto r = h.call("fire", {{"check_id", check_id}, {"course", course}});
      std::printf("fired %s: tickets %s\n", course.c_str(), r["ticket_ids"].dump().c_str());
    };
  });

  std::int64_t line_id = 0;
  std::string reason;
  auto* void_cmd = app.add_subcommand("void", "void a sent line (manager: --approve PIN)");
  void_cmd->add_option("check", check_id, "check id")->required();
  void_cmd->add_option("line", line_id, "line id")->required();
  void_cmd->add_option("--reason", reason, "why")->required();
  int void_quantity = 0;  // its own: a default here must not leak into `add --qty`
  void_cmd->add_option("--qty", void_quantity, "how many of the line (default: all)");
  void_cmd->callback([&] {
    run = [&](Hub& h) {
      Json args{{"check_id", check_id}, {"line_id", line_id}, {"reason", reason}};
      if (void_quantity > 0) args["quantity"] = void_quantity;
      result_out(h.call("void_line", args), [](const Json& r) { print_check(r["check"]); });
    };
  });

  std::string amount, tip, percent, tender;
  bool comp = false;
  int part = 0;
  auto* discount = app.add_subcommand("discount", "discount or comp a line or the check");
  discount->add_option("check", check_id, "check id")->required();
  discount->add_option("--line", line_id, "line id (default: the whole check)");
  discount->add_option("--amount", amount, "amount off, e.g. 5.00");
  discount->add_option("--percent", percent, "percent off, e.g. 10 or 12.5");
  discount->add_flag("--comp", comp, "give it away");
  discount->add_option("--reason", reason, "why")->required();
  discount->callback([&] {
    run = [&](Hub& h) {
      Json args{{"check_id", check_id}, {"reason", reason}};
      if (line_id) args["line_id"] = line_id;
      if (comp) {
        args["kind"] = "comp";
      } else if (!amount.empty()) {
        args["kind"] = "amount";
        args["amount"] = parse_cents(amount);
      } else if (!percent.empty()) {
        args["kind"] = "percent";
        args["percent_bp"] = parse_cents(percent);  // "12.5" -> 1250 basis points
      } else {
        std::cerr << "posctl: say --amount, --percent or --comp\n";
        throw Stop{kUsage};
      }
      result_out(h.call("discount", args), [](const Json& r) { print_check(r["check"]); });
    };
  });

  std::string reference;
  auto* pay = app.add_subcommand("pay", "take a payment");
  pay->add_option("check", check_id, "check id")->required();
  pay->add_option("--tender", tender, "cash, card, gift_card, house_account")->required();
  pay->add_option("--amount", amount, "amount (cash: what the guest handed over)")->required();
  pay->add_option("--tip", tip, "tip");
  pay->add_option("--part", part, "split part it pays");
  pay->add_option("--ref", reference, "card approval code");
  pay->callback([&] {
    run = [&](Hub& h) {
      Json args{{"check_id", check_id},
                {"tender", tender},
                {"amount", parse_cents(amount)},
                {"part", part},
                {"reference", reference}};
      if (!tip.empty()) args["tip"] = parse_cents(tip);
      result_out(h.call("pay", args), [](const Json& r) {
        std::printf("paid %s", money(r["amount"]).c_str());
        if (r["change"].get<std::int64_t>() > 0)
          std::printf(", change due %s", money(r["change"]).c_str());
        std::printf("\n");
        print_check(r["check"]);
      });
    };
  });

  std::string split_kind;
  int parts = 0;
  auto* split = app.add_subcommand("split", "split a check: by_seat, even, none");
  split->add_option("check", check_id, "check id")->required();
  split->add_option("kind", split_kind, "by_seat, even or none")->required();
  split->add_option("--parts", parts, "parts for an even split");
  split->callback([&] {
    run = [&](Hub& h) {
      Json args{{"check_id", check_id}, {"kind", split_kind}};
      if (parts) args["parts"] = parts;
      result_out(h.call("split", args), [](const Json& r) { print_check(r["check"]); });
    };
  });

  auto* close = app.add_subcommand("close", "close a paid check");
  close->add_option("check", check_id, "check id")->required();
  close->callback([&] {
    run = [&](Hub& h) {
      result_out(h.call("close_check", {{"check_id", check_id}}), [](const Json& r) {
        std::printf("closed check %lld\n", r["check"]["number"].get<long long>());
      });
    };
  });

  std::int64_t ticket_id = 0;
  std::string station;
  auto ticket_command = [&](const char* name, const char* help, const char* type,
                            bool with_station) {
    auto* cmd = app.add_subcommand(name, help);
    cmd->add_option("ticket", ticket_id, "ticket id")->required();
    if (with_station) cmd->add_option("--station", station, "station id")->required();
    cmd->callback([&, type, with_station] {
      run = [&, type, with_station](Hub& h) {
        Json args{{"ticket_id", ticket_id}};
        if (with_station) args["station"] = station;
        result_out(h.call(type, args, false), [](const Json& r) { print_ticket(r["ticket"]); });
      };
    });
  };
  ticket_command("bump", "bump a ticket at a station", "bump", true);
  ticket_command("serve", "bump a ticket at expo: served", "serve", false);
  ticket_command("rush", "mark a ticket rush", "rush", false);

  std::vector<std::string> topics;
  auto* tail = app.add_subcommand("tail", "print events as they happen (Ctrl-C stops)");
  tail->add_option("--topic", topics, "topics to follow (repeat; default: all)")
      ->allow_extra_args(false);
  tail->callback([&] {
    run = [&](Hub&) {
      brigade::net::FeedOptions f;
      f.command_endpoint = o.commands;
      f.event_endpoint = o.events;
      f.device = o.device;
      f.topics = topics.empty()
                     ? std::vector<std::string>{"check", "menu", "ticket.", "alert", "staff"}
                     : topics;
      brigade::net::EventFeed feed(f);
      std::signal(SIGINT, stop_tail);
      std::signal(SIGTERM, stop_tail);
      bool was_online = true;
      while (!g_stop_tail) {
        for (auto& item : feed.take()) {
          if (auto* e = std::get_if<brigade::net::EventItem>(&item))
            print_event(*e);
          else
            std::printf("-- snapshot loaded\n");
        }
        bool online = feed.status().online;
        if (online != was_online && feed.status().snapshot_loaded)
          std::printf(online ? "-- hub back online\n" : "-- OFFLINE: no heartbeat from the hub\n");
        was_online = online;
        std::fflush(stdout);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    };
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  Hub hub(o);
  int code = kOk;
  try {
    run(hub);
  } catch (const Stop& stop) {
    code = stop.code;
  }
  if (code != kUnreachable) hub.logout();  // a session is not left open behind a script
  return code;
}
