// How a platform describes itself (RSS Guard's ServiceEntryPoint): the source kinds it
// offers, the fields a person fills in for each, the secret it needs and for which host,
// and whether Earshot posts replies there. The Sources dialog's platform fields, the CLI's
// `sources add` options and its --help, the secrets' environment variables and the inbox's
// "can post here" all read these descriptions; none of them lists platforms of its own.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace earshot::connectors {

// One thing a person says about a platform source: a server, a hashtag, an account, a search.
struct FieldInfo {
    std::string_view name;      // the CLI option without "--", and the key in PlatformSourceSpec
    std::string_view what;      // in messages: "the server" -> "the server (--instance) is needed …"
    std::string_view label;     // the dialog's label, with its mnemonic: "Ser&ver:"
    std::string_view metavar;   // in --help: "--instance URL"
    std::string_view example;   // the dialog's placeholder: "mastodon.social"
    bool required = true;
    // The key in the source's settings that keeps what was given, when not `name`.
    std::string_view storedAs = {};

    std::string_view settingsKey() const { return storedAs.empty() ? name : storedAs; }
};

// The secret a platform's sources are read and answered with (a token, an app password, a key).
struct SecretInfo {
    std::string_view variable;      // where the CLI reads it: "EARSHOT_MASTODON_TOKEN"
    std::string_view what;          // "the brand account's access token"
    // Where a person gets one and what it is for: the dialog's hint under the secret field.
    std::string_view hint;
    // The secret belongs to one server: the CLI gives it only to sources whose secretHost()
    // is the host this variable names ("EARSHOT_MASTODON_HOST"), or `defaultHost` without it.
    // False for keys that are no secret and go to the one API they were made for.
    bool boundToHost = true;
    std::string_view hostVariable = {};
    std::string_view defaultHost = {};
};

// A platform: one entry in the registry (src/connectors/Registry.cpp), its kinds beside it.
struct PlatformInfo {
    std::string_view name;      // the authors' platform, as stored: "mastodon"
    std::string_view title;     // for people: "Mastodon"
    std::optional<SecretInfo> secret;
    bool canPost = false;       // whether Earshot posts replies there (else agents post by hand)
};

// One kind of source of a platform.
struct KindInfo {
    std::string_view kind;      // as stored in sources.kind: "mastodon-tag"
    std::string_view title;     // the dialog's list of kinds: "Mastodon: a hashtag"
    std::vector<FieldInfo> fields;
    // When reading needs the secret, what the help says: "needs a token"; empty when not.
    std::string_view needsSecret = {};
};

// What a person asked for: a kind and its fields by FieldInfo::name, and --api, another
// address of the same API (mirrors, tests).
struct PlatformSourceSpec {
    std::string kind;
    std::string instance;   // the well-known fields, by name; see value()
    std::string tag;
    std::string actor;
    std::string query;
    std::string site;
    std::string api;
    // Fields a connector names beyond the well-known ones.
    std::map<std::string, std::string, std::less<>> more;

    // The field called `name` ("instance", "tag", …, or one of `more`); empty when not given.
    const std::string& value(std::string_view name) const;
    void set(std::string_view name, std::string text);
};

}  // namespace earshot::connectors
