#include "rung/people/person_json.hpp"

#include <nlohmann/json.hpp>

namespace rung::people {

std::string person_json(const store::Person& person) {
  nlohmann::ordered_json json;
  json["id"] = person.id;
  json["name"] = person.name;
  json["email"] = person.email;
  json["manager"] = person.manager ? nlohmann::ordered_json(*person.manager) : nullptr;
  json["track"] = person.track;
  json["level"] = person.level;
  json["start_date"] = person.start_date;
  json["status"] = store::to_string(person.status);
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

// FNV-1a, 64 bit.
class Hasher {
 public:
  void add(std::string_view text) {
    for (unsigned char c : text) {
      m_value = (m_value ^ c) * 1099511628211ULL;
    }
    m_value = (m_value ^ 0xFFU) * 1099511628211ULL;  // a separator no UTF-8 text holds
  }
  void add(std::int64_t number) { add(std::to_string(number)); }
  std::uint64_t value() const { return m_value; }

 private:
  std::uint64_t m_value = 14695981039346656037ULL;
};

}  // namespace

std::uint64_t fingerprint(const std::vector<store::Person>& people) {
  Hasher hasher;
  for (const auto& person : people) {
    hasher.add(person.id);
    hasher.add(person.name);
    hasher.add(person.email);
    hasher.add(person.manager ? *person.manager : -1);
    hasher.add(person.track);
    hasher.add(person.level);
    hasher.add(person.start_date);
    hasher.add(store::to_string(person.status));
  }
  return hasher.value();
}

}  // namespace rung::people
