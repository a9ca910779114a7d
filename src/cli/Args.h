// A small command-line reader: commands take the options they know, and whatever is
// left over afterwards is reported as a mistake the user can fix.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::cli {

class Args {
public:
    explicit Args(std::vector<std::string> tokens);

    // "--name VALUE" or "--name=VALUE"; a missing value is remembered as an error.
    std::optional<std::string> value(const std::string& name);
    // Every "--name VALUE" given, in order (an option that may repeat).
    std::vector<std::string> values(const std::string& name);
    // "--name"
    bool flag(const std::string& name);
    // Takes the first token when it is a word (not an option): "sources add ..." -> "add".
    std::string subcommand();
    // Everything that is not an option, in order (call after taking the options).
    std::vector<std::string> positionals() const;
    // Checks that no unknown options remain and the positional count is in range.
    Status finish(std::size_t minPositionals, std::size_t maxPositionals) const;
    bool empty() const { return m_tokens.empty(); }

private:
    std::vector<std::string> m_tokens;
    std::vector<bool> m_taken;
    std::string m_error;
};

// Parses a whole number in [min, max] or explains what was expected.
Result<long long> parseInteger(const std::string& text, const std::string& what, long long min, long long max);

}  // namespace earshot::cli
