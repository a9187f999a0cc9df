#pragma once
// The expectation checklist: a scenario's expectations, each ticked (passed),
// crossed (failed) or pending at the player's cursor, with a summary line
// above. Clicking an entry puts the cursor just after the event that decided
// it, so the class sees what satisfied or broke it.

#include <QWidget>
#include <optional>
#include <vector>

#include "gui/checklist/checklist.hpp"

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace netstage::gui {

class PlayerController;

class ChecklistPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChecklistPanel(PlayerController& player, QWidget* parent = nullptr);

    // nullopt: the document has no expectations (a saved trace, a live run).
    void setChecklist(std::optional<Checklist> checklist);
    const std::optional<Checklist>& checklist() const { return checklist_; }

    // The entries' states at the player's cursor, in order.
    const std::vector<EntryState>& states() const { return states_; }
    QListWidget& list() { return *list_; }
    QLabel& summary() { return *summary_; }

    // Moves the cursor to where entry `row` was decided.
    void jumpTo(int row);

private:
    void rebuild();
    void refresh();
    void restyle();
    void showEntry(int row);

    PlayerController& player_;
    QLabel* summary_;
    QListWidget* list_;
    std::optional<Checklist> checklist_;
    std::vector<EntryState> states_;
};

}  // namespace netstage::gui
