// Who appears in a generated workspace: the platforms and feed sources the public writes on,
// and the webcare team that answers. Fixed lists, so every seed tells the same cast's story.
#pragma once

#include <string_view>
#include <vector>

namespace earshot::demo {

struct DemoPlatform {
    std::string_view platform;        // authors.platform
    std::string_view profileBase;     // profile URL = base + handle
    double share;                     // of the people who write
    double dutchShare;                // of this platform's people who write Dutch
};

struct DemoSource {
    std::string_view name;
    std::string_view url;             // http://*.example: never resolvable, never polled
    std::string_view linkBase;        // mention link = base + thread key + "#" + external id
    std::string_view includeWords;
    std::size_t platform;             // index into demoPlatforms()
    double weight;                    // among the sources of its platform
};

struct DemoAgent {
    std::string_view name;            // agents.name, and the actor in events
    std::string_view firstName;       // signs replies
    bool dutch;
    bool english;
    std::string_view teams;           // JSON array
    bool lead;                        // hands conversations to others ("assigned")
    double weight;                    // share of the work
};

const std::vector<DemoPlatform>& demoPlatforms();
const std::vector<DemoSource>& demoSources();
const std::vector<DemoAgent>& demoAgents();

}  // namespace earshot::demo
