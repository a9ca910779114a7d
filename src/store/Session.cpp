#include "earshot/store/Session.h"

#include <cstdio>
#include <cstdlib>

namespace earshot::store {

namespace {

[[noreturn]] void missing(const char* repository)
{
    std::fprintf(stderr, "earshot: this workspace's database engine has no %s repository\n", repository);
    std::abort();
}

}  // namespace

AgentStore& Session::agents() { missing("agents"); }
CannedReplyStore& Session::cannedReplies() { missing("canned replies"); }
ConversationStore& Session::conversations() { missing("conversations"); }
ExportStore& Session::exports() { missing("exports"); }
InboxStore& Session::inbox() { missing("inbox"); }
MentionStore& Session::mentions() { missing("mentions"); }
MetricsStore& Session::metrics() { missing("metrics"); }
SettingsStore& Session::settings() { missing("settings"); }
SourceStore& Session::sources() { missing("sources"); }

}  // namespace earshot::store
