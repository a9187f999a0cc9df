#include "gui/quiz/quiz_panel.hpp"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

QuizPanel::QuizPanel(QWidget* parent)
    : QFrame{parent},
      heading_{new QLabel{this}},
      question_{new QLabel{this}},
      choicesBox_{new QWidget{this}},
      choicesLayout_{new QVBoxLayout{choicesBox_}},
      group_{new QButtonGroup{this}},
      line_{new QLineEdit{this}},
      result_{new QLabel{this}},
      answer_{new QPushButton{tr("Answer"), this}},
      continue_{new QPushButton{tr("Continue"), this}} {
    setObjectName(QStringLiteral("quizPanel"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    for (QLabel* label : {heading_, question_, result_}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    restyle();
    connect(&look::notifier(), &look::Notifier::changed, this, &QuizPanel::restyle);
    result_->setTextFormat(Qt::RichText);
    choicesLayout_->setContentsMargins(12, 0, 0, 0);
    line_->setPlaceholderText(tr("Type your answer and press Enter"));
    answer_->setShortcut(QKeySequence{Qt::Key_R});  // Reveal, when presenting; Enter answers otherwise
    answer_->setDefault(true);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(answer_);
    buttons->addWidget(continue_);
    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(16, 10, 16, 10);
    layout->addWidget(heading_);
    layout->addWidget(question_);
    layout->addWidget(choicesBox_);
    layout->addWidget(line_);
    layout->addWidget(result_);
    layout->addLayout(buttons);

    connect(answer_, &QPushButton::clicked, this, [this] {
        if (presenting_) emit revealRequested();
        else submit();
    });
    connect(line_, &QLineEdit::returnPressed, this, &QuizPanel::submit);
    connect(continue_, &QPushButton::clicked, this, [this] {
        if (continue_->text() == tr("Close")) emit closeRequested();
        else emit continueRequested();
    });
    hide();
}

void QuizPanel::restyle() {
    // The look's fonts, so presentation mode's larger type reaches the quiz too.
    QFont question = look::narrationFont();
    question.setPointSizeF(question.pointSizeF() * 0.75);
    question_->setFont(question);
    heading_->setFont(look::labelFont());
    result_->setFont(look::labelFont());
    line_->setFont(look::labelFont());
    for (QAbstractButton* b : buttons_) b->setFont(look::labelFont());
    answer_->setFont(look::labelFont());
    continue_->setFont(look::labelFont());
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, look::halo(255));
    setPalette(palette);
}

void QuizPanel::clearChoices() {
    for (QAbstractButton* b : buttons_) {
        group_->removeButton(b);
        delete b;
    }
    buttons_.clear();
}

void QuizPanel::ask(const Question& question, bool presenting) {
    presenting_ = presenting;
    clearChoices();
    heading_->setText(question.heading);
    question_->setText(question.text);
    group_->setExclusive(!question.severalRight);
    for (int i = 0; i < question.choices.size(); ++i) {
        const QString label = QString{QChar(u'a' + i)} + QStringLiteral(") ") + question.choices[i];
        QAbstractButton* button = question.severalRight ? static_cast<QAbstractButton*>(new QCheckBox{label, choicesBox_})
                                                        : static_cast<QAbstractButton*>(new QRadioButton{label, choicesBox_});
        button->setEnabled(!presenting);
        button->setFont(look::labelFont());
        group_->addButton(button, i);
        choicesLayout_->addWidget(button);
        buttons_.push_back(button);
    }
    choicesBox_->setVisible(!question.choices.isEmpty());
    line_->clear();
    line_->setVisible(question.choices.isEmpty() && !presenting);
    line_->setEnabled(true);
    result_->clear();
    result_->hide();
    answer_->setText(presenting ? tr("Reveal (R)") : tr("Answer"));
    answer_->show();
    continue_->hide();
    show();
    if (line_->isVisible()) line_->setFocus();
}

QString QuizPanel::currentAnswer() const {
    if (buttons_.empty()) return line_->text();
    QStringList picked;
    for (std::size_t i = 0; i < buttons_.size(); ++i) {
        if (buttons_[i]->isChecked()) picked << QString{QChar(u'a' + static_cast<int>(i))};
    }
    return picked.join(QStringLiteral(", "));
}

void QuizPanel::submit() {
    const QString answer = currentAnswer();
    if (answer.trimmed().isEmpty()) return;  // nothing chosen yet
    emit answered(answer);
}

void QuizPanel::reveal(const QString& verdict, const QString& answer, const QString& happened, const QString& explanation,
                       const QString& score) {
    for (QAbstractButton* b : buttons_) b->setEnabled(false);
    line_->setEnabled(false);
    QString html;
    if (!verdict.isEmpty()) html += QStringLiteral("<p><b>") + verdict.toHtmlEscaped() + QStringLiteral("</b></p>");
    html += QStringLiteral("<p>") + tr("The answer: %1").arg(answer.toHtmlEscaped()) + QStringLiteral("</p>");
    html += QStringLiteral("<p>") + tr("What happened: <tt>%1</tt>").arg(happened.toHtmlEscaped()) + QStringLiteral("</p>");
    if (!explanation.isEmpty()) html += QStringLiteral("<p>") + explanation.toHtmlEscaped() + QStringLiteral("</p>");
    if (!score.isEmpty()) html += QStringLiteral("<p><i>") + score.toHtmlEscaped() + QStringLiteral("</i></p>");
    result_->setText(html);
    result_->show();
    answer_->hide();
    continue_->setText(tr("Continue"));
    continue_->show();
    continue_->setFocus();
}

void QuizPanel::showScore(const QString& score) {
    clearChoices();
    heading_->setText(tr("Quiz finished"));
    question_->setText(score);
    choicesBox_->hide();
    line_->hide();
    result_->hide();
    answer_->hide();
    continue_->setText(tr("Close"));
    continue_->show();
    show();
}

QString QuizPanel::shownText() const {
    QStringList parts{heading_->text(), question_->text()};
    for (QAbstractButton* b : buttons_) parts << b->text();
    if (result_->isVisible()) parts << result_->text();
    return parts.join(QLatin1Char('\n'));
}

}  // namespace netstage::gui
