#include "earshot/sources/SourceChanges.h"

#include "earshot/store/Event.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"

namespace earshot::sources {

Result<std::int64_t> addSource(store::Session& session, const store::Source& source, std::string_view actor)
{
    store::Event added{.actor = std::string(actor), .kind = domain::EventKind::SourceAdded, .toValue = source.url};
    auto restored = session.sources().restore(source);
    if (!restored)
        return restored.error();
    std::int64_t id = 0;
    if (*restored) {
        id = **restored;
        added.detail = "restored";
    } else {
        auto inserted = session.sources().add(source);
        if (!inserted)
            return inserted.error();
        id = *inserted;
    }
    added.sourceId = id;
    if (auto logged = session.inbox().appendEvent(added); !logged)
        return logged.error();
    return id;
}

Status removeSource(store::Session& session, std::int64_t id, std::string_view actor)
{
    if (auto removed = session.sources().remove(id); !removed)
        return removed;
    return session.inbox().appendEvent(
        {.actor = std::string(actor), .kind = domain::EventKind::SourceRemoved, .sourceId = id});
}

Status recordPoll(store::Session& session, const store::PollRecord& record)
{
    auto before = session.sources().byId(record.sourceId);
    if (!before)
        return before.error();
    if (auto written = session.sources().recordPoll(record); !written)
        return written;
    const std::string engine(domain::kEngineActor);
    if (!record.movedTo.empty() && record.movedTo != before->url)
        if (auto logged = session.inbox().appendEvent({.actor = engine, .kind = domain::EventKind::SourceMoved,
                                                       .sourceId = record.sourceId, .fromValue = before->url,
                                                       .toValue = record.movedTo});
            !logged)
            return logged;
    if (record.shownState() == before->shownState())
        return Ok{};
    return session.inbox().appendEvent({.actor = engine, .kind = domain::EventKind::SourceStateChanged,
                                        .sourceId = record.sourceId, .fromValue = before->displayState(),
                                        .toValue = std::string(domain::sourceStateName(record.shownState())),
                                        .detail = record.error});
}

}  // namespace earshot::sources
