#pragma once
// Why a file could not be opened: the located message ("file:12:7: ..."),
// then the offending line of the file in a fixed-width font that never
// wraps, with a caret under the column, so the caret points where it should.

#include <QDialog>
#include <QString>

namespace netstage::gui {

class ErrorDialog : public QDialog {
    Q_OBJECT
public:
    // `quote`: the line of the file, prefixed "12 | ", and the caret line
    // under it; empty when there is nothing to quote.
    ErrorDialog(const QString& title, const QString& message, const QString& quote, QWidget* parent = nullptr);

    // Everything the dialog says, as plain text.
    QString text() const;

private:
    QString message_;
    QString quote_;
};

}  // namespace netstage::gui
