#pragma once
// Pauses the player before each quiz question's event (docs/quizzes.md) and
// runs the question in the QuizPanel. The cursor stops with the event not yet
// happened; playing on (or seeking) past an open question brings the cursor
// back to it, so a question cannot be skipped. A question answered stays
// answered: seeking back and playing again does not ask it twice, and the
// score counts each question once. Opening the file again starts afresh.

#include <QObject>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

#include "simulator/scenario/quiz_run.hpp"
#include "simulator/scenario/quiz_spec.hpp"

namespace netstage::gui {

class PlayerController;
class QuizPanel;

class QuizPauser : public QObject {
    Q_OBJECT
public:
    // `hideFuture(true)` while a question is open: the views hide what is still to come.
    QuizPauser(PlayerController& player, QuizPanel& panel, std::function<bool()> presenting, std::function<void(bool)> hideFuture,
               QObject* parent = nullptr);

    // The quiz of the document just opened; its stops index that document's records.
    void setQuiz(std::vector<scenario::QuizQuestion> questions, std::vector<scenario::QuizStop> stops,
                 const trace::TraceLog& log);
    void clear();

    std::size_t questionCount() const { return stops_.size(); }
    std::optional<std::size_t> openQuestion() const { return open_; }  // index into the stops, in trace order
    std::size_t answered() const;
    std::size_t right() const { return right_; }
    QString scoreText() const;

private:
    enum class State { Unasked, Open, Done };
    struct Stop {
        scenario::QuizStop where;
        QString happened;  // "S: 250 ... (0.351 s, hamburger.edu)"
        State state = State::Unasked;
    };

    void onCursor();
    void pin(const Stop& stop);
    void ask(std::size_t index);
    void onAnswered(const QString& answer);
    void onReveal();
    void onContinue();

    PlayerController& player_;
    QuizPanel& panel_;
    std::function<bool()> presenting_;
    std::function<void(bool)> hideFuture_;
    std::vector<scenario::QuizQuestion> questions_;
    std::vector<Stop> stops_;
    std::optional<std::size_t> open_;
    std::size_t right_ = 0;
    std::size_t graded_ = 0;
    bool moving_ = false;  // our own seek, not the user's
};

}  // namespace netstage::gui
