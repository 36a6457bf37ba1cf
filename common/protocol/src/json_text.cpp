#include "brigade/protocol/json_text.h"

#include <vector>

#include "brigade/domain/text.h"

namespace brigade::protocol {

namespace {

// nlohmann's parser is iterative and calls this for each token; the DOM is built here,
// so a refusal stops it before the next container or member is made.
class StrictBuilder final : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return put(nullptr); }
  bool boolean(bool value) override { return put(value); }
  bool number_integer(number_integer_t value) override { return put(value); }
  bool number_unsigned(number_unsigned_t value) override { return put(value); }
  bool number_float(number_float_t value, const string_t&) override { return put(value); }
  bool string(string_t& value) override { return put(std::move(value)); }
  bool binary(binary_t& value) override { return put(Json::binary(std::move(value))); }

  bool start_object(std::size_t) override { return open(Json::object()); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Json& object = *open_.back();
    if (object.contains(name)) {
      // Shown cut short: the key is the sender's text, of any length.
      std::string shown = first_characters(name, 64);
      if (shown.size() < name.size()) shown += "…";
      problem_ = "has the key '" + shown + "' twice in one object";
      return false;
    }
    member_ = &object[name];
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const Json::exception&) override {
    problem_ = "is not valid JSON";
    return false;
  }

  JsonText finish(bool parsed) {
    JsonText out;
    if (parsed && problem_.empty())
      out.doc = std::move(root_);
    else
      out.problem = problem_.empty() ? "is not valid JSON" : problem_;
    return out;
  }

 private:
  // Where a new value goes: the root, the end of the open array, or the member just named.
  // Pointers into the open containers stay valid: a container gets no new element while
  // one of its children is open.
  Json* place(Json value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    *member_ = std::move(value);
    return member_;
  }
  bool put(Json value) {
    place(std::move(value));
    return true;
  }
  bool open(Json container) {
    if (open_.size() >= kMaxJsonDepth) {
      problem_ =
          "nests arrays and objects deeper than " + std::to_string(kMaxJsonDepth) + " levels";
      return false;
    }
    open_.push_back(place(std::move(container)));
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }

  Json root_;
  std::vector<Json*> open_;
  Json* member_ = nullptr;
  std::string problem_;
};

}  // namespace

JsonText read_json(std::string_view text) {
  StrictBuilder builder;
  bool parsed = false;
  try {
    parsed = Json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::exception&) {
    parsed = false;  // out of memory while building: not a message anyone can read
  }
  return builder.finish(parsed);
}

}  // namespace brigade::protocol
