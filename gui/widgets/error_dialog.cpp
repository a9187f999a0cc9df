#include "gui/widgets/error_dialog.hpp"

#include <QDialogButtonBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

ErrorDialog::ErrorDialog(const QString& title, const QString& message, const QString& quote, QWidget* parent)
    : QDialog{parent}, message_{message}, quote_{quote} {
    setWindowTitle(title);
    auto* heading = new QLabel{title, this};
    QFont headingFont = look::labelBoldFont();
    heading->setFont(headingFont);
    QPalette red = heading->palette();
    red.setColor(QPalette::WindowText, look::dropColor());
    heading->setPalette(red);

    auto* body = new QLabel{message, this};
    body->setTextFormat(Qt::PlainText);  // file contents are not markup
    body->setFont(look::panelFont());
    body->setWordWrap(true);
    body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    body->setMinimumWidth(560);

    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(body);
    if (!quote.isEmpty()) {
        auto* code = new QLabel{quote, this};
        code->setTextFormat(Qt::PlainText);
        code->setFont(look::monoFont());
        code->setWordWrap(false);
        code->setTextInteractionFlags(Qt::TextSelectableByMouse);
        code->setMargin(8);
        auto* scroll = new QScrollArea{this};
        scroll->setWidget(code);
        scroll->setWidgetResizable(true);
        scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setMinimumHeight(code->sizeHint().height() + 24);
        scroll->setMinimumWidth(std::min(code->sizeHint().width() + 24, 1100));
        layout->addWidget(scroll);
    }
    auto* buttons = new QDialogButtonBox{QDialogButtonBox::Ok, this};
    buttons->setFont(look::panelFont());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
}

QString ErrorDialog::text() const { return quote_.isEmpty() ? message_ : message_ + QStringLiteral("\n\n") + quote_; }

}  // namespace netstage::gui
