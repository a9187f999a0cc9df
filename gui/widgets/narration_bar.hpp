#pragma once
// The current narration caption, in type large enough for a lecture hall.

#include <QLabel>

namespace netstage::gui {

class NarrationBar : public QLabel {
    Q_OBJECT
public:
    explicit NarrationBar(QWidget* parent = nullptr);
    void setCaption(const QString& caption);

private:
    // Font and colours from the current look.
    void restyle();
};

}  // namespace netstage::gui
