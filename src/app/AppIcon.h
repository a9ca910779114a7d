// Earshot's icon for windows, the task bar and the tray, drawn rather than shipped as a file:
// no image plugin is needed, and it stays sharp at every size a desktop asks for.
#pragma once

#include <QIcon>

namespace earshot::gui {

QIcon appIcon();

}  // namespace earshot::gui
