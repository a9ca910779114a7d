#include <filesystem>
#include <iostream>

#include "Command.h"
#include "earshot/core/Files.h"
#include "earshot/feeds/FeedParser.h"

namespace earshot::cli {

Command parseFeedCommand()
{
    return {"parse-feed", "parse a feed file and print it as JSON",
            "usage: earshot-cli parse-feed FILE [--url URL] [--content-type TYPE]\n"
            "\n"
            "Parses an RSS, RDF, Atom or JSON Feed document and prints the entries as JSON.\n"
            "  --url URL            the address the file came from (resolves relative links)\n"
            "  --content-type TYPE  the HTTP Content-Type it was served with (its charset wins)\n",
            [](Context&, Args& args) {
                feeds::ParseOptions options;
                options.documentUrl = args.value("--url").value_or("");
                options.contentType = args.value("--content-type").value_or("");
                if (auto ok = args.finish(1, 1); !ok)
                    return reportError(ok.message(), kExitUsage);
                const std::string path = args.positionals().front();
                auto bytes = core::readFile(path);
                if (!bytes)
                    return reportError(bytes.message());
                if (options.documentUrl.empty()) {
                    // Relative links resolve against where the file is, wherever we were started.
                    std::error_code error;
                    const auto absolute = std::filesystem::absolute(path, error);
                    options.documentUrl = "file://" + (error ? path : absolute.lexically_normal().string());
                }
                auto feed = feeds::parseFeed(*bytes, options);
                if (!feed)
                    return reportError(path + ": " + feed.message());
                std::cout << feeds::feedToJson(*feed) << '\n';
                return int(kExitOk);
            }};
}

}  // namespace earshot::cli
