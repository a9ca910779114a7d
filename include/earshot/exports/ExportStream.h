// What every export writer does at its end: flush, and say so when the stream failed.
#pragma once

#include <ostream>

#include "earshot/core/Result.h"

namespace earshot::exports {

// Flushes `out`; an error a person can act on when anything written was lost.
Status finishStream(std::ostream& out);

}  // namespace earshot::exports
