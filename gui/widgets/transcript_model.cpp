#include "gui/widgets/transcript_model.hpp"

#include <QBrush>
#include <QFont>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

TranscriptModel::TranscriptModel(QObject* parent) : QAbstractListModel{parent} {}

void TranscriptModel::setTranscript(const Transcript* transcript) {
    beginResetModel();
    transcript_ = transcript;
    rows_ = transcript != nullptr ? transcript->rows : std::vector<TranscriptRow>{};
    current_.reset();
    endResetModel();
}

void TranscriptModel::transcriptGrew() {
    if (transcript_ == nullptr) return;
    const auto& rows = transcript_->rows;
    const auto same = [](const TranscriptRow& a, const TranscriptRow& b) {
        return a.kind == b.kind && a.conversation == b.conversation && a.message == b.message;
    };
    // A live run only adds: lines at the end of a connection's block, new
    // blocks at the end. Each run of new rows is one insertion, so a view
    // keeps its place and measures only the new rows.
    std::size_t at = 0;
    while (at < rows.size()) {
        if (at < rows_.size() && same(rows_[at], rows[at])) {
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < rows.size() && (at >= rows_.size() || !same(rows[end], rows_[at]))) ++end;
        if (end == at) break;  // not an insertion (cannot happen for a growing run): start again below
        beginInsertRows({}, static_cast<int>(at), static_cast<int>(end) - 1);
        rows_.insert(rows_.begin() + static_cast<std::ptrdiff_t>(at), rows.begin() + static_cast<std::ptrdiff_t>(at),
                     rows.begin() + static_cast<std::ptrdiff_t>(end));
        endInsertRows();
        at = end;
    }
    if (rows_.size() != rows.size()) setTranscript(transcript_);
}

void TranscriptModel::setCurrentMessage(std::optional<std::size_t> message) {
    if (message == current_) return;
    current_ = message;
    // Every line may change between past and future: repaint them all.
    if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1), {Qt::BackgroundRole, Qt::ForegroundRole, IsCurrentRole, IsFutureRole});
}

void TranscriptModel::setFutureHidden(bool hidden) {
    if (hidden == futureHidden_) return;
    futureHidden_ = hidden;
    if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
}

QModelIndex TranscriptModel::currentIndex() const {
    if (transcript_ == nullptr || !current_) return {};
    const auto row = transcript_->rowOfMessage(*current_);
    return row ? index(static_cast<int>(*row)) : QModelIndex{};
}

int TranscriptModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || transcript_ == nullptr) return 0;
    return static_cast<int>(rows_.size());
}

QVariant TranscriptModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || transcript_ == nullptr) {
        return {};
    }
    const TranscriptRow& row = rows_[static_cast<std::size_t>(index.row())];
    const bool header = row.kind == TranscriptRow::Kind::Header;
    const bool note = row.kind == TranscriptRow::Kind::Note;
    const bool line = row.kind == TranscriptRow::Kind::Line;
    const bool current = line && row.message == current_;
    const bool future = line && (!current_ || *row.message > *current_);
    switch (role) {
    case Qt::DisplayRole:
        if (future && futureHidden_) return QString::fromStdString(row.text.substr(0, 3)) + QStringLiteral("\u2026");
        return QString::fromStdString(row.text);
    case Qt::FontRole: {
        // A note is a sentence, not a protocol line: the label font, in italics.
        QFont font = header ? look::labelBoldFont() : note ? look::labelFont() : look::monoFont();
        if (note) font.setItalic(true);
        if (current) font.setBold(true);
        return font;
    }
    case Qt::ForegroundRole:
        if (header) {
            const QColor colour = look::protocolColor(ProtocolKind::Smtp);
            return QBrush{look::isDark() ? colour : colour.darker(130)};
        }
        return QBrush{future ? look::dimInk() : look::ink()};
    case Qt::BackgroundRole:
        if (current) return QBrush{look::highlight()};
        return {};
    case MessageRole: return row.message ? QVariant{static_cast<qulonglong>(*row.message)} : QVariant{};
    case IsHeaderRole: return header;
    case IsCurrentRole: return current;
    case IsFutureRole: return future;
    default: return {};
    }
}

Qt::ItemFlags TranscriptModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

}  // namespace netstage::gui
