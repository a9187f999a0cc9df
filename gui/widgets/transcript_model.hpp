#pragma once
// The transcript as a Qt list model: each connection's header
// ("# alice-pc (10.0.1.2:49152) -> crepes.fr (10.0.1.10:25) SMTP") followed
// by its C:/S: lines, and the transcript's notes.
// Lines already played are ink, the current one is highlighted, the ones
// still to come are grey. An adapter over gui::Transcript that keeps a
// copy of the rows it has announced, so a growing transcript (live mode) is
// shown by inserting rows rather than by starting over.

#include <QAbstractListModel>
#include <optional>
#include <vector>

#include "gui/model/transcript.hpp"

namespace netstage::gui {

class TranscriptModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { MessageRole = Qt::UserRole + 1, IsHeaderRole, IsCurrentRole, IsFutureRole };

    explicit TranscriptModel(QObject* parent = nullptr);

    void setTranscript(const Transcript* transcript);
    // The transcript given gained rows (a live run): inserts them, keeping the rest.
    void transcriptGrew();
    void setCurrentMessage(std::optional<std::size_t> message);
    std::optional<std::size_t> currentMessage() const { return current_; }
    // While a quiz question is open the lines still to come would give the
    // answer away: each shows as its speaker and "…" until the quiz moves on.
    void setFutureHidden(bool hidden);
    bool futureHidden() const { return futureHidden_; }
    // The row of the current line, or an invalid index.
    QModelIndex currentIndex() const;

    int rowCount(const QModelIndex& parent = QModelIndex{}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    const Transcript* transcript_ = nullptr;
    std::vector<TranscriptRow> rows_;  // as the views were last told
    std::optional<std::size_t> current_;
    bool futureHidden_ = false;
};

}  // namespace netstage::gui
