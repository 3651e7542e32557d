// Domain errors shared by the models layer.
#pragma once
#include <stdexcept>
#include <string>

namespace c175::core {

// Bad input: names the field and the rule it broke, in a sentence fit to show a person
// (English here; the UI translates the field and rule through the catalog when it can).
class ValidationError : public std::runtime_error {
public:
    ValidationError(std::string field, std::string rule)
        : std::runtime_error(field + ": " + rule), m_field(std::move(field)),
          m_rule(std::move(rule)) {}
    const std::string& field() const { return m_field; }
    const std::string& rule() const { return m_rule; }

private:
    std::string m_field;
    std::string m_rule;
};

} // namespace c175::core
