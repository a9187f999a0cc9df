#include "gui/quiz/quiz_pauser.hpp"

#include "gui/player/player_controller.hpp"
#include "gui/quiz/quiz_panel.hpp"

namespace netstage::gui {

namespace {
QString qs(const std::string& text) { return QString::fromStdString(text); }
}  // namespace

QuizPauser::QuizPauser(PlayerController& player, QuizPanel& panel, std::function<bool()> presenting,
                       std::function<void(bool)> hideFuture, QObject* parent)
    : QObject{parent}, player_{player}, panel_{panel}, presenting_{std::move(presenting)}, hideFuture_{std::move(hideFuture)} {
    connect(&player_, &PlayerController::cursorChanged, this, &QuizPauser::onCursor);
    connect(&player_, &PlayerController::documentAboutToChange, this, &QuizPauser::clear);
    connect(&panel_, &QuizPanel::answered, this, &QuizPauser::onAnswered);
    connect(&panel_, &QuizPanel::revealRequested, this, &QuizPauser::onReveal);
    connect(&panel_, &QuizPanel::continueRequested, this, &QuizPauser::onContinue);
    connect(&panel_, &QuizPanel::closeRequested, &panel_, &QuizPanel::hide);
}

void QuizPauser::setQuiz(std::vector<scenario::QuizQuestion> questions, std::vector<scenario::QuizStop> stops,
                         const trace::TraceLog& log) {
    clear();
    questions_ = std::move(questions);
    for (const auto& stop : stops) {
        const auto& event = std::get<trace::Event>(log.records[stop.record]);
        QString happened = qs(scenario::describeEvent(event)) + QStringLiteral("  (") + qs(scenario::quizTime(event.time));
        if (!event.node.empty()) happened += QStringLiteral(", ") + qs(event.node);
        stops_.push_back({stop, happened + QLatin1Char(')'), State::Unasked});
    }
    onCursor();  // a question before the very first record
}

void QuizPauser::clear() {
    questions_.clear();
    stops_.clear();
    open_.reset();
    right_ = 0;
    graded_ = 0;
    panel_.hide();
    if (hideFuture_) hideFuture_(false);
}

std::size_t QuizPauser::answered() const {
    std::size_t n = 0;
    for (const auto& s : stops_) n += s.state == State::Done ? 1 : 0;
    return n;
}

QString QuizPauser::scoreText() const {
    if (graded_ == 0) return {};
    return tr("Score: %1 of %2").arg(right_).arg(graded_);
}

void QuizPauser::pin(const Stop& stop) {
    moving_ = true;
    player_.pause();
    // Just after the record before the event: everything up to it has happened, the event has not.
    if (stop.where.record > 0) player_.seekRecord(static_cast<qint64>(stop.where.record) - 1);
    else player_.home();
    moving_ = false;
}

void QuizPauser::onCursor() {
    if (moving_ || stops_.empty() || player_.playback() == nullptr) return;
    const std::size_t position = player_.playback()->position();
    if (open_) {
        const Stop& stop = stops_[*open_];
        if (position > stop.where.record && stop.state == State::Open) pin(stop);
        return;
    }
    for (std::size_t i = 0; i < stops_.size(); ++i) {
        if (stops_[i].state == State::Unasked && stops_[i].where.record < position) {
            ask(i);
            return;
        }
    }
}

void QuizPauser::ask(std::size_t index) {
    open_ = index;
    Stop& stop = stops_[index];
    stop.state = State::Open;
    if (hideFuture_) hideFuture_(true);
    pin(stop);
    const auto& q = questions_[stop.where.question];
    QuizPanel::Question shown;
    shown.heading = tr("Question %1 of %2 — paused at %3, before it happens")
                        .arg(index + 1)
                        .arg(stops_.size())
                        .arg(qs(scenario::quizTime(stop.where.time)));
    shown.text = qs(q.question);
    for (const auto& c : q.choices) shown.choices << qs(c);
    shown.severalRight = q.correct.size() > 1;
    panel_.ask(shown, presenting_ && presenting_());
}

void QuizPauser::onAnswered(const QString& answer) {
    if (!open_) return;
    Stop& stop = stops_[*open_];
    const auto& q = questions_[stop.where.question];
    const bool correct = scenario::isCorrect(q, answer.toStdString());
    ++graded_;
    right_ += correct ? 1 : 0;
    stop.state = State::Done;
    if (hideFuture_) hideFuture_(false);
    panel_.reveal(correct ? tr("Right.") : tr("Not quite."), qs(scenario::rightAnswer(q)), stop.happened, qs(q.explanation),
                  scoreText());
}

void QuizPauser::onReveal() {
    if (!open_) return;
    Stop& stop = stops_[*open_];
    const auto& q = questions_[stop.where.question];
    stop.state = State::Done;
    if (hideFuture_) hideFuture_(false);
    panel_.reveal({}, qs(scenario::rightAnswer(q)), stop.happened, qs(q.explanation), {});
}

void QuizPauser::onContinue() {
    open_.reset();
    if (answered() == stops_.size()) {
        if (graded_ > 0) panel_.showScore(scoreText());
        else panel_.hide();
    } else {
        panel_.hide();
    }
    player_.play();
}

}  // namespace netstage::gui
