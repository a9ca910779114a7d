#include "earshot/exports/ExportStream.h"

namespace earshot::exports {

Status finishStream(std::ostream& out)
{
    out.flush();
    if (!out)
        return fail("The export could not be written completely; the disk may be full or the file "
                    "no longer available. Choose another place and export again.");
    return Ok{};
}

}  // namespace earshot::exports
