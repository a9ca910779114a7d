#include "earshot/sources/OpmlImport.h"

#include <set>

#include "earshot/core/Opml.h"
#include "earshot/sources/SourceChanges.h"
#include "earshot/sources/SourceRules.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"

namespace earshot::sources {

Result<OpmlImportReport> importOpml(std::string_view document, store::Session& session, std::string_view actor)
{
    auto outlines = core::parseOpml(document);
    if (!outlines)
        return outlines.error();
    auto existing = session.sources().list();
    if (!existing)
        return existing.error();
    std::set<std::string> known;
    for (const store::Source& source : *existing)
        known.insert(source.url);
    OpmlImportReport report;
    for (const core::OpmlOutline& outline : *outlines) {
        OpmlSkipped skipped{.label = outline.title.empty() ? outline.xmlUrl : outline.title, .url = outline.xmlUrl};
        if (known.contains(outline.xmlUrl)) {
            skipped.alreadyASource = true;
            report.skipped.push_back(std::move(skipped));
            continue;
        }
        // OPML files bring any text; only what the fetcher can read becomes a source.
        if (auto readable = checkFeedUrl(outline.xmlUrl); !readable) {
            skipped.reason = readable.message();
            report.skipped.push_back(std::move(skipped));
            continue;
        }
        if (auto id = addSource(session, {.name = outline.title, .url = outline.xmlUrl}, actor); !id) {
            skipped.reason = id.message();
            report.skipped.push_back(std::move(skipped));
            continue;
        }
        known.insert(outline.xmlUrl);
        ++report.added;
    }
    return report;
}

}  // namespace earshot::sources
