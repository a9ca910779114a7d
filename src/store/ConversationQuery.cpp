#include "earshot/store/ConversationQuery.h"

namespace earshot::store {

std::vector<domain::ConversationStatus> statusesOf(ConversationView view)
{
    using domain::ConversationStatus;
    switch (view) {
    case ConversationView::Unassigned: return {ConversationStatus::New};
    case ConversationView::Mine: return {ConversationStatus::Open, ConversationStatus::Pending};
    case ConversationView::AllOpen: return {ConversationStatus::New, ConversationStatus::Open, ConversationStatus::Pending};
    case ConversationView::Pending: return {ConversationStatus::Pending};
    case ConversationView::Resolved: return {ConversationStatus::Resolved};
    case ConversationView::Spam: return {ConversationStatus::Spam};
    case ConversationView::All:
        return {ConversationStatus::New, ConversationStatus::Open, ConversationStatus::Pending,
                ConversationStatus::Resolved, ConversationStatus::Spam};
    }
    return {};
}

std::string_view viewName(ConversationView view)
{
    switch (view) {
    case ConversationView::Unassigned: return "new";
    case ConversationView::Mine: return "mine";
    case ConversationView::AllOpen: return "open";
    case ConversationView::Pending: return "pending";
    case ConversationView::Resolved: return "resolved";
    case ConversationView::Spam: return "spam";
    case ConversationView::All: return "all";
    }
    return "all";
}

std::optional<ConversationView> parseView(std::string_view name)
{
    for (auto view : {ConversationView::Unassigned, ConversationView::Mine, ConversationView::AllOpen,
                      ConversationView::Pending, ConversationView::Resolved, ConversationView::Spam,
                      ConversationView::All})
        if (viewName(view) == name)
            return view;
    return std::nullopt;
}

bool oldestFirst(const ConversationFilter& filter)
{
    switch (filter.timeOrder) {
    case TimeOrder::OldestFirst: return true;
    case TimeOrder::NewestFirst: return false;
    case TimeOrder::ViewDefault: break;
    }
    switch (filter.view) {
    case ConversationView::Unassigned:
    case ConversationView::Mine:
    case ConversationView::AllOpen:
    case ConversationView::Pending: return true;
    case ConversationView::Resolved:
    case ConversationView::Spam:
    case ConversationView::All: return false;
    }
    return true;
}

bool sortsBefore(const ConversationFilter& filter, const ConversationCursor& a, const ConversationCursor& b)
{
    if (filter.sort == ConversationSort::Priority && a.priority != b.priority)
        return a.priority > b.priority;
    const auto left = std::make_pair(a.lastCustomerAt, a.id);
    const auto right = std::make_pair(b.lastCustomerAt, b.id);
    return oldestFirst(filter) ? left < right : right < left;
}

}  // namespace earshot::store
