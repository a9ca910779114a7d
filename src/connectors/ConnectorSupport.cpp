#include "ConnectorSupport.h"

#include <cctype>
#include <charconv>
#include <sstream>

#include "earshot/feeds/DateParser.h"
#include "earshot/feeds/HtmlText.h"
#include "earshot/feeds/JsonNesting.h"

namespace earshot::connectors {

Result<Json> parseJson(std::string_view body, std::string_view platform)
{
    if (feeds::jsonNestsDeeperThan(body))
        return fail(std::string(platform) + " answered with JSON nested more than " +
                    std::to_string(feeds::kMaxJsonNesting) + " levels deep, which no API does");
    Json parsed = Json::parse(body, nullptr, false);
    if (parsed.is_discarded())
        return fail(std::string(platform) + " answered with something that is not JSON (" +
                    std::to_string(body.size()) + " bytes) — is the address an API address of " +
                    std::string(platform) + "?");
    return parsed;
}

Json parseJsonOrNull(std::string_view body)
{
    if (feeds::jsonNestsDeeperThan(body))
        return nullptr;
    Json parsed = Json::parse(body, nullptr, false);
    return parsed.is_discarded() ? Json() : parsed;
}

Json settingsOf(const store::Source& source)
{
    Json parsed = Json::parse(source.settings, nullptr, false);
    return parsed.is_object() ? parsed : Json::object();
}

std::string text(const Json& object, std::string_view key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<std::int64_t>());
    return it->dump();
}

bool isTrue(const Json& object, std::string_view key)
{
    if (!object.is_object())
        return false;
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

std::optional<std::int64_t> integer(const Json& object, std::string_view key)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    if (it->is_number_integer())
        return it->get<std::int64_t>();
    if (it->is_string())
        return parseInteger(it->get<std::string>());
    return std::nullopt;
}

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

Catchup Catchup::parse(std::string_view cursor)
{
    Catchup at;
    std::istringstream in{std::string(cursor)};
    if (!(in >> at.seen))
        return {};
    if (!(in >> at.gapFrom >> at.gapBefore) || at.gapBefore <= at.gapFrom)
        at.gapFrom = at.gapBefore = 0;
    return at;
}

std::string Catchup::text() const
{
    std::string out = std::to_string(seen);
    if (hasGap())
        out += " " + std::to_string(gapFrom) + " " + std::to_string(gapBefore);
    return out;
}

std::int64_t oldestPublished(const std::vector<store::NewMention>& mentions)
{
    std::int64_t oldest = 0;
    for (const store::NewMention& m : mentions)
        if (m.publishedAt && (oldest == 0 || *m.publishedAt < oldest))
            oldest = *m.publishedAt;
    return oldest;
}

std::string withoutTrailingSlash(std::string url)
{
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

std::string urlEncode(std::string_view text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out.push_back(char(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

std::string withParameter(std::string url, std::string_view name, std::string_view value)
{
    url.push_back(url.find('?') == std::string::npos ? '?' : '&');
    url.append(name).append("=").append(urlEncode(value));
    return url;
}

std::string queryParameter(std::string_view url, std::string_view name)
{
    const std::size_t query = url.find('?');
    if (query == std::string_view::npos)
        return {};
    std::string_view rest = url.substr(query + 1, url.find('#') == std::string_view::npos ? std::string_view::npos
                                                                                          : url.find('#') - query - 1);
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('&'), rest.size());
        const std::string_view pair = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        const std::size_t equals = pair.find('=');
        if (pair.substr(0, equals) != name)
            continue;
        std::string value;
        const std::string_view raw = equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '%' && i + 2 < raw.size() && std::isxdigit((unsigned char)raw[i + 1]) &&
                std::isxdigit((unsigned char)raw[i + 2])) {
                value.push_back(char(std::stoi(std::string(raw.substr(i + 1, 2)), nullptr, 16)));
                i += 2;
            } else {
                value.push_back(raw[i] == '+' ? ' ' : raw[i]);
            }
        }
        return value;
    }
    return {};
}

std::string plainText(std::string_view html)
{
    return feeds::HtmlText::toPlainText(html);
}

std::optional<std::int64_t> isoTime(std::string_view text)
{
    return feeds::DateParser::parse(text);
}

net::FetchResponse fetchNow(net::Fetcher& fetcher, net::FetchRequest request)
{
    net::FetchResponse out;
    out.error = "no answer";
    fetcher.fetchAll({std::move(request)}, [&](net::FetchResponse response) { out = std::move(response); });
    return out;
}

std::string failureText(std::string_view platform, const net::FetchResponse& response)
{
    const std::string said = errorText(response.body);
    return std::string(platform) + ": " + (response.error.empty() ? "unexpected answer" : response.error) +
           (said.empty() ? "" : " (" + said + ")");
}

std::string errorText(std::string_view body)
{
    const Json parsed = parseJsonOrNull(body);
    if (!parsed.is_object())
        return {};
    if (const std::string name = text(parsed, "error_name"); !name.empty())  // Stack Exchange
        return name + ": " + text(parsed, "error_message");
    if (const auto errors = parsed.find("errors"); errors != parsed.end() && errors->is_array() && !errors->empty())
        return errors->front().is_string() ? errors->front().get<std::string>() : errors->front().dump();
    const std::string error = text(parsed, "error");
    const std::string message = text(parsed, "message");
    if (!error.empty() && !message.empty() && message != error)
        return error + ": " + message;
    return error.empty() ? message : error;
}

std::string asAddress(const std::string& text)
{
    const std::string trimmed = withoutTrailingSlash(text);
    return trimmed.find("://") == std::string::npos ? "https://" + trimmed : trimmed;
}

std::string withoutLeading(std::string text, char mark)
{
    if (!text.empty() && text.front() == mark)
        text.erase(0, 1);
    return text;
}

}  // namespace earshot::connectors
