#include "Args.h"

#include <charconv>

namespace earshot::cli {

Args::Args(std::vector<std::string> tokens) : m_tokens(std::move(tokens)), m_taken(m_tokens.size(), false) {}

std::optional<std::string> Args::value(const std::string& name)
{
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        if (m_taken[i])
            continue;
        const std::string& token = m_tokens[i];
        if (token == name) {
            m_taken[i] = true;
            if (i + 1 >= m_tokens.size() || m_taken[i + 1]) {
                m_error = name + " needs a value";
                return std::nullopt;
            }
            m_taken[i + 1] = true;
            return m_tokens[i + 1];
        }
        if (token.rfind(name + "=", 0) == 0) {
            m_taken[i] = true;
            return token.substr(name.size() + 1);
        }
    }
    return std::nullopt;
}

std::vector<std::string> Args::values(const std::string& name)
{
    std::vector<std::string> out;
    for (std::optional<std::string> one; (one = value(name));)
        out.push_back(*one);
    return out;
}

bool Args::flag(const std::string& name)
{
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        if (!m_taken[i] && m_tokens[i] == name) {
            m_taken[i] = true;
            return true;
        }
    }
    return false;
}

std::string Args::subcommand()
{
    if (m_tokens.empty() || m_taken[0] || (m_tokens[0].size() > 1 && m_tokens[0][0] == '-'))
        return {};
    m_taken[0] = true;
    return m_tokens[0];
}

std::vector<std::string> Args::positionals() const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        if (!m_taken[i] && !(m_tokens[i].size() > 1 && m_tokens[i][0] == '-'))
            out.push_back(m_tokens[i]);
    }
    return out;
}

Status Args::finish(std::size_t minPositionals, std::size_t maxPositionals) const
{
    if (!m_error.empty())
        return fail(m_error);
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        if (!m_taken[i] && m_tokens[i].size() > 1 && m_tokens[i][0] == '-')
            return fail("unknown option " + m_tokens[i] + " (see --help)");
    }
    const std::size_t count = positionals().size();
    if (count < minPositionals)
        return fail("missing argument (see --help)");
    if (count > maxPositionals)
        return fail("unexpected argument '" + positionals()[maxPositionals] + "' (see --help)");
    return Ok{};
}

Result<long long> parseInteger(const std::string& text, const std::string& what, long long min, long long max)
{
    long long number = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, number);
    if (ec != std::errc() || ptr != end || number < min || number > max)
        return fail(what + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                    ", not '" + text + "'");
    return number;
}

}  // namespace earshot::cli
