#include "brigade/client/hub_link.h"

#include "brigade/net/command_id.h"
#include "brigade/protocol/json_text.h"

namespace brigade::client {

namespace {
net::ClientOptions client_options(const HubLinkOptions& o) {
  net::ClientOptions c;
  c.endpoint = o.commands;
  c.curve = o.curve;
  c.notify = o.wake;
  return c;
}

net::FeedOptions feed_options(const HubLinkOptions& o) {
  net::FeedOptions f;
  f.command_endpoint = o.commands;
  f.event_endpoint = o.events;
  f.device = o.device;
  f.curve = o.curve;
  f.topics = o.topics;
  f.offline_after_ms = o.offline_after_ms;
  f.notify = o.wake;
  return f;
}
}  // namespace

HubLink::HubLink(HubLinkOptions options)
    : options_(std::move(options)),
      client_(client_options(options_)),
      feed_(feed_options(options_)) {}

std::string HubLink::send(const std::string& type, const Json& args, const std::string& session,
                          const std::string& approval_pin) {
  std::string id = net::make_command_id();
  types_[id] = type;
  client_.submit(id,
                 protocol::make_command(id, type, options_.device, session, args, approval_pin));
  return id;
}

std::vector<Answer> HubLink::answers() {
  std::vector<Answer> out;
  for (auto& reply : client_.take_replies()) {
    Answer a;
    a.id = reply.id;
    if (auto it = types_.find(reply.id); it != types_.end()) {
      a.type = it->second;
      types_.erase(it);
    }
    Json j = protocol::read_json(reply.json).doc;
    if (j.is_object() && j.value("ok", false)) {
      a.ok = true;
      a.result = j.value("result", Json::object());
    } else if (j.is_object() && j.contains("error")) {
      a.code = j["error"].value("code", "");
      a.message = j["error"].value("message", "");
    } else {
      a.code = "bad_reply";
      a.message = "the hub sent a reply that is not JSON";
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<net::FeedItem> HubLink::feed() {
  return feed_.take();
}

bool HubLink::online() const {
  return feed_.status().online;
}

std::size_t HubLink::pending() const {
  return types_.size();
}

}  // namespace brigade::client
