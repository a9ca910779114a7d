#include "earshot/feeds/UrlResolver.h"

#include <optional>

namespace earshot::feeds {

namespace {

struct UrlParts {
    std::string_view scheme;
    std::optional<std::string_view> authority;
    std::string_view path;
    std::optional<std::string_view> query;
    std::optional<std::string_view> fragment;
};

UrlParts split(std::string_view url)
{
    UrlParts parts;
    if (const std::size_t hash = url.find('#'); hash != std::string_view::npos) {
        parts.fragment = url.substr(hash + 1);
        url = url.substr(0, hash);
    }
    if (const std::size_t question = url.find('?'); question != std::string_view::npos) {
        parts.query = url.substr(question + 1);
        url = url.substr(0, question);
    }
    if (UrlResolver::hasScheme(url)) {
        const std::size_t colon = url.find(':');
        parts.scheme = url.substr(0, colon);
        url = url.substr(colon + 1);
    }
    if (url.substr(0, 2) == "//") {
        const std::size_t slash = url.find('/', 2);
        parts.authority = url.substr(2, slash == std::string_view::npos ? url.npos : slash - 2);
        url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    }
    parts.path = url;
    return parts;
}

std::string_view trimSpace(std::string_view text)
{
    while (!text.empty() && static_cast<unsigned char>(text.front()) <= ' ')
        text.remove_prefix(1);
    while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ')
        text.remove_suffix(1);
    return text;
}

}  // namespace

bool UrlResolver::hasScheme(std::string_view url)
{
    if (url.empty() || !((url[0] >= 'a' && url[0] <= 'z') || (url[0] >= 'A' && url[0] <= 'Z')))
        return false;
    for (std::size_t i = 1; i < url.size(); ++i) {
        const char c = url[i];
        if (c == ':')
            return true;
        const bool schemeChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!schemeChar)
            return false;
    }
    return false;
}

std::string UrlResolver::removeDotSegments(std::string_view path)
{
    std::string output;
    output.reserve(path.size());
    while (!path.empty()) {
        if (path.substr(0, 3) == "../") {
            path.remove_prefix(3);
        } else if (path.substr(0, 2) == "./") {
            path.remove_prefix(2);
        } else if (path.substr(0, 3) == "/./") {
            path.remove_prefix(2);
        } else if (path == "/.") {
            path = "/";
        } else if (path.substr(0, 4) == "/../" || path == "/..") {
            path = path.size() == 3 ? std::string_view("/") : path.substr(3);
            const std::size_t lastSlash = output.rfind('/');
            output.erase(lastSlash == std::string::npos ? 0 : lastSlash);
        } else if (path == "." || path == "..") {
            path = {};
        } else {
            const std::size_t next = path.find('/', path[0] == '/' ? 1 : 0);
            const std::size_t length = next == std::string_view::npos ? path.size() : next;
            output.append(path.substr(0, length));
            path.remove_prefix(length);
        }
    }
    return output;
}

std::string UrlResolver::resolve(std::string_view base, std::string_view reference)
{
    reference = trimSpace(reference);
    base = trimSpace(base);
    if (base.empty() || hasScheme(reference))
        return std::string(reference);

    const UrlParts b = split(base);
    const UrlParts r = split(reference);
    std::string result;
    result.reserve(base.size() + reference.size());
    result.append(b.scheme);
    result.push_back(':');

    auto appendAuthority = [&result](std::optional<std::string_view> authority) {
        if (authority) {
            result.append("//");
            result.append(*authority);
        }
    };
    std::optional<std::string_view> query;
    if (r.authority) {
        appendAuthority(r.authority);
        result.append(removeDotSegments(r.path));
        query = r.query;
    } else {
        appendAuthority(b.authority);
        if (r.path.empty()) {
            result.append(b.path);
            query = r.query ? r.query : b.query;
        } else {
            if (r.path[0] == '/') {
                result.append(removeDotSegments(r.path));
            } else {
                std::string merged;
                if (b.authority && b.path.empty()) {
                    merged = "/";
                } else {
                    const std::size_t lastSlash = b.path.rfind('/');
                    if (lastSlash != std::string_view::npos)
                        merged = std::string(b.path.substr(0, lastSlash + 1));
                }
                merged.append(r.path);
                result.append(removeDotSegments(merged));
            }
            query = r.query;
        }
    }
    if (query) {
        result.push_back('?');
        result.append(*query);
    }
    if (r.fragment) {
        result.push_back('#');
        result.append(*r.fragment);
    }
    return result;
}

}  // namespace earshot::feeds
