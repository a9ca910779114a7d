// TRANSITIONAL (issue 12, in progress): the names sources had before SourceStore, for code
// that has not moved to `session.sources()` yet. New code includes SourceStore.h and takes
// a store::Session&; this header goes when its last includer does.
#pragma once

#include "earshot/core/Text.h"
#include "earshot/store/SourceStore.h"
#include "store/sqlite/SqliteSourceStore.h"

namespace earshot::store {

using SourceRepository = sqlite::SqliteSourceStore;
using core::joinWords;
using core::splitWords;

}  // namespace earshot::store
