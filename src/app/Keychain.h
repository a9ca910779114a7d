// The system keychain through QtKeychain (the Secret Service on Linux), one entry at a time,
// waiting at most `timeoutMs` for it. Each returns what went wrong, or an empty string; a
// missing entry is no error (read gives an empty secret).
#pragma once

#include <QString>

namespace earshot::gui::keychain {

QString read(const QString& service, const QString& key, QString& secret, int timeoutMs = 5000);
// An empty secret deletes the entry.
QString write(const QString& service, const QString& key, const QString& secret, int timeoutMs = 5000);

}  // namespace earshot::gui::keychain
