#pragma once
// The quiz's panel under the narration bar: a question with radio buttons
// (check boxes when several choices are right) or a line to type in; once
// answered, the verdict, what really happened and the explanation; at the
// end, the score. In presentation mode the class answers aloud: no input,
// and the answer stays hidden until the teacher presses Reveal (R).

#include <QFrame>
#include <QString>
#include <QStringList>
#include <vector>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace netstage::gui {

class QuizPanel : public QFrame {
    Q_OBJECT
public:
    struct Question {
        QString heading;  // "Question 1 of 2 (paused at 0.351 s)"
        QString text;
        QStringList choices;  // empty: a short answer
        bool severalRight = false;
    };

    explicit QuizPanel(QWidget* parent = nullptr);

    // `presenting`: no input, a Reveal button instead of Answer.
    void ask(const Question& question, bool presenting);
    // After an answer (or Reveal): `verdict` is empty when presenting.
    void reveal(const QString& verdict, const QString& answer, const QString& happened, const QString& explanation,
                const QString& score);
    void showScore(const QString& score);

    // What the student's input names: "a, c" for choices, the text typed otherwise.
    QString currentAnswer() const;
    QLineEdit* answerLine() const { return line_; }
    const std::vector<QAbstractButton*>& choiceButtons() const { return buttons_; }
    QPushButton* answerButton() const { return answer_; }
    QPushButton* continueButton() const { return continue_; }
    QString shownText() const;  // every label's text, for tests

signals:
    void answered(const QString& answer);
    void revealRequested();
    void continueRequested();
    void closeRequested();

private:
    void clearChoices();
    void restyle();
    void submit();

    QLabel* heading_;
    QLabel* question_;
    QWidget* choicesBox_;
    QVBoxLayout* choicesLayout_;
    QButtonGroup* group_;
    std::vector<QAbstractButton*> buttons_;
    QLineEdit* line_;
    QLabel* result_;
    QPushButton* answer_;
    QPushButton* continue_;
    bool presenting_ = false;
};

}  // namespace netstage::gui
