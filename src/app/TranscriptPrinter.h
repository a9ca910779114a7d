// A conversation as a printed record, for a complaint file, a manager or the customer
// themselves: a header (number, customer, source, status, who holds it, when it started and
// was resolved), then the customer's messages, the agents' replies with whether they reached
// the platform, and the handovers and status changes, oldest first, saved as an A4 PDF.
// Internal notes go in only when asked for: a transcript often leaves the team, and a note
// (or a handover message, or the reason a reply check was overridden) was never meant to.
//
// Reads through the console's read-only connection and writes nothing but the PDF. Every
// text from the workspace is escaped, so what a customer wrote is printed as written.
#pragma once

#include <QString>

#include <cstdint>

#include "earshot/core/Result.h"
#include "earshot/store/Session.h"

class QWidget;

namespace earshot::gui {

// The transcript as rich text (QTextDocument's HTML subset), to print or preview. An error
// when the conversation cannot be read (e.g. there is no such conversation).
Result<QString> transcriptHtml(store::Session& reader, std::int64_t conversationId, bool includeNotes);

// Writes the transcript to pdfPath as an A4 PDF with page numbers, replacing a file there.
// The PDF is written under a temporary name in the same folder and renamed when complete,
// so on failure (no such conversation, a folder that does not exist or cannot be written)
// nothing is left behind and a file already at pdfPath is untouched.
Status printTranscriptPdf(store::Session& reader, std::int64_t conversationId, bool includeNotes,
                          const QString& pdfPath);

// What the console's "Save Transcript as PDF" does: asks whether to include internal notes
// (off by default), then where to save "conversation-N.pdf", then writes it; tells the
// agent in a message box when it cannot.
void offerTranscript(QWidget* parent, store::Session& reader, std::int64_t conversationId);

}  // namespace earshot::gui
