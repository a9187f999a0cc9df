#include "gui/programs/mail_panel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "gui/player/live_session.hpp"
#include "gui/widgets/look.hpp"
#include "programs/mail_program.hpp"
#include "simulator/scenario/live_world.hpp"

namespace netstage::gui {

namespace {
constexpr int dialogueLines = 400;

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

QStringList toList(const std::vector<std::string>& items) {
    QStringList out;
    for (const auto& item : items) out << fromStd(item);
    return out;
}

std::vector<std::string> addresses(const QLineEdit& field) {
    return programs::splitAddresses(field.text().toStdString());
}
}  // namespace

MailPanel::MailPanel(const QString& host, programs::ProgramHost& programHost, LiveSession& session, QWidget* parent)
    : ProgramPanel{host, parent},
      programHost_{&programHost},
      session_{&session},
      tabs_{new QTabWidget{this}},
      log_{new QPlainTextEdit{this}},
      status_{new QLabel{this}} {
    tabs_->addTab(buildInbox(), tr("Inbox"));
    tabs_->addTab(buildCompose(), tr("Compose"));
    tabs_->addTab(buildAccount(), tr("Account"));
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(dialogueLines);
    log_->setFont(look::monoFont());
    log_->setLineWrapMode(QPlainTextEdit::NoWrap);
    log_->setFocusPolicy(Qt::NoFocus);
    log_->setPlaceholderText(tr("What the program says to the server, and the replies"));
    status_->setFont(look::panelFont());
    // Long words wrap: a label's text must never widen the dock (and the window).
    status_->setWordWrap(true);

    auto* split = new QSplitter{Qt::Vertical, this};
    split->addWidget(tabs_);
    split->addWidget(log_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split, 1);
    layout->addWidget(status_);
    setFont(look::panelFont());

    const auto account = programs::accountOnHost(session.liveWorld().spec(), host.toStdString());
    if (account) {
        setAccount(*account);
    } else {
        programs::MailAccount blank;
        showAccount(blank);
        tabs_->setCurrentIndex(2);
        status_->setText(tr("No user agent on %1 in this scenario: type an account, then Use this account.").arg(host));
        updateBusy();
    }
}

MailPanel::~MailPanel() = default;

QWidget* MailPanel::buildInbox() {
    auto* page = new QWidget{this};
    accountLine_ = new QLabel{page};
    accountLine_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    accountLine_->setWordWrap(true);
    folders_ = new QComboBox{page};
    folders_->setMinimumContentsLength(8);
    folders_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    refresh_ = new QPushButton{tr("Get Mail"), page};
    flag_ = new QPushButton{tr("Flag"), page};
    moveTarget_ = new QComboBox{page};
    moveTarget_->setMinimumContentsLength(8);
    moveTarget_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    move_ = new QPushButton{tr("Move to"), page};
    list_ = new QTreeWidget{page};
    list_->setHeaderLabels({tr("#"), tr("From"), tr("Subject"), tr("Date")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setAlternatingRowColors(true);
    list_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list_->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    list_->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    list_->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    list_->header()->setStretchLastSection(false);
    list_->header()->resizeSection(1, 200);
    view_ = new QPlainTextEdit{page};
    view_->setReadOnly(true);
    view_->setFont(look::monoFont());
    view_->setPlaceholderText(tr("Select a message to read it"));

    connect(refresh_, &QPushButton::clicked, this, &MailPanel::refreshInbox);
    connect(list_, &QTreeWidget::itemSelectionChanged, this, [this] {
        fetching_ = 0;
        showSelected();
    });
    connect(flag_, &QPushButton::clicked, this, &MailPanel::toggleFlag);
    connect(move_, &QPushButton::clicked, this, &MailPanel::moveSelected);
    connect(folders_, &QComboBox::activated, this, [this] {
        if (!program_) return;
        catchUp();
        program_->selectFolder(folders_->currentText().toStdString());
    });

    // Two short rows rather than one long one: the dock stays narrow beside the network.
    auto* bar = new QHBoxLayout;
    bar->addWidget(refresh_);
    bar->addWidget(folders_, 1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(flag_);
    actions->addWidget(move_);
    actions->addWidget(moveTarget_, 1);
    auto* split = new QSplitter{Qt::Vertical, page};
    split->addWidget(list_);
    split->addWidget(view_);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout{page};
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(accountLine_);
    layout->addLayout(bar);
    layout->addLayout(actions);
    layout->addWidget(split, 1);
    return page;
}

QWidget* MailPanel::buildCompose() {
    auto* page = new QWidget{this};
    to_ = new QLineEdit{page};
    cc_ = new QLineEdit{page};
    bcc_ = new QLineEdit{page};
    subject_ = new QLineEdit{page};
    body_ = new QPlainTextEdit{page};
    body_->setFont(look::monoFont());
    body_->setTabChangesFocus(true);
    send_ = new QPushButton{tr("Send"), page};
    to_->setPlaceholderText(tr("bob@hamburger.edu, another@example.org"));
    connect(send_, &QPushButton::clicked, this, &MailPanel::sendMessage);
    auto* form = new QFormLayout;
    form->addRow(tr("To:"), to_);
    form->addRow(tr("Cc:"), cc_);
    form->addRow(tr("Bcc:"), bcc_);
    form->addRow(tr("Subject:"), subject_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(send_);
    auto* layout = new QVBoxLayout{page};
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(body_, 1);
    layout->addLayout(buttons);
    return page;
}

QWidget* MailPanel::buildAccount() {
    auto* page = new QWidget{this};
    address_ = new QLineEdit{page};
    user_ = new QLineEdit{page};
    password_ = new QLineEdit{page};
    password_->setEchoMode(QLineEdit::Password);
    server_ = new QLineEdit{page};
    protocol_ = new QComboBox{page};
    protocol_->addItems({QStringLiteral("IMAP"), QStringLiteral("POP3")});
    keep_ = new QCheckBox{tr("Keep messages on the server (POP3)"), page};
    auto* use = new QPushButton{tr("Use this account"), page};
    connect(use, &QPushButton::clicked, this, &MailPanel::applyAccountForm);
    auto* form = new QFormLayout;
    form->addRow(tr("Address:"), address_);
    form->addRow(tr("User:"), user_);
    form->addRow(tr("Password:"), password_);
    form->addRow(tr("Mail server:"), server_);
    form->addRow(tr("Read with:"), protocol_);
    form->addRow(QString{}, keep_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(use);
    auto* layout = new QVBoxLayout{page};
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);
    return page;
}

void MailPanel::showAccount(const programs::MailAccount& account) {
    address_->setText(fromStd(account.address));
    user_->setText(fromStd(account.login()));
    password_->setText(fromStd(account.password));
    server_->setText(fromStd(account.server));
    protocol_->setCurrentIndex(account.inbox == programs::MailAccount::Inbox::Imap ? 0 : 1);
    keep_->setChecked(account.keepOnServer);
}

void MailPanel::applyAccountForm() {
    programs::MailAccount account = program_ ? program_->account() : programs::MailAccount{};
    account.address = address_->text().trimmed().toStdString();
    account.user = user_->text().trimmed().toStdString();
    account.password = password_->text().toStdString();
    account.server = server_->text().trimmed().toStdString();
    account.inbox = protocol_->currentIndex() == 0 ? programs::MailAccount::Inbox::Imap : programs::MailAccount::Inbox::Pop3;
    account.keepOnServer = keep_->isChecked();
    setAccount(account);
}

void MailPanel::setAccount(const programs::MailAccount& account) {
    if (programHost_ == nullptr) return;
    try {
        programs::MailProgram::Callbacks callbacks;
        callbacks.log = [this](const std::string& line) { appendLog(fromStd(line)); };
        callbacks.changed = [this] {
            showMessages();
            updateBusy();
        };
        program_.reset();
        program_ = std::make_unique<programs::MailProgram>(*programHost_, account, std::move(callbacks));
    } catch (const std::exception& e) {
        status_->setText(tr("Cannot use this account: %1").arg(fromStd(e.what())));
        updateBusy();
        return;
    }
    showAccount(account);
    const bool imap = account.inbox == programs::MailAccount::Inbox::Imap;
    accountLine_->setText(tr("%1 on %2, reading with %3")
                              .arg(fromStd(account.address), fromStd(account.server),
                                   imap ? QStringLiteral("IMAP")
                                        : (account.keepOnServer ? tr("POP3 (keep)") : tr("POP3 (download and delete)"))));
    folders_->clear();
    folders_->addItem(QStringLiteral("INBOX"));
    folders_->setEnabled(imap);
    flag_->setEnabled(imap);
    move_->setEnabled(imap);
    moveTarget_->setEnabled(imap);
    status_->setText(tr("Ready. Get Mail reads the inbox; Compose writes a message."));
    showMessages();
    updateBusy();
}

void MailPanel::catchUp() {
    if (session_ != nullptr && session_->isRunning()) session_->pollOnce();
}

void MailPanel::sendMessage() {
    if (!program_) return;
    programs::Draft draft;
    draft.to = addresses(*to_);
    draft.cc = addresses(*cc_);
    draft.bcc = addresses(*bcc_);
    draft.subject = subject_->text().toStdString();
    draft.body = body_->toPlainText().toStdString();
    try {
        catchUp();
        program_->send(draft);
    } catch (const std::exception& e) {
        status_->setText(fromStd(e.what()));
        return;
    }
    status_->setText(tr("Sending \"%1\" to %2...").arg(subject_->text(), fromStd(program_->account().server)));
    to_->clear();
    cc_->clear();
    bcc_->clear();
    subject_->clear();
    body_->clear();
}

void MailPanel::refreshInbox() {
    if (!program_) return;
    catchUp();
    program_->refresh();
}

int MailPanel::selectedNumber() const {
    const QTreeWidgetItem* item = list_->currentItem();
    return item == nullptr ? 0 : item->data(0, Qt::UserRole).toInt();
}

void MailPanel::showMessages() {
    if (!program_) return;
    const int keep = selectedNumber();
    {
        const QSignalBlocker blocker{list_};
        list_->clear();
        for (const auto& message : program_->messages()) {
            auto* item = new QTreeWidgetItem{list_};
            QString mark = QString::number(message.number);
            if (message.flagged) mark += QStringLiteral(" \u2691");
            item->setText(0, mark);
            item->setText(1, fromStd(message.from));
            item->setText(2, message.subject.empty() ? tr("(no subject)") : fromStd(message.subject));
            item->setText(3, fromStd(message.date));
            item->setData(0, Qt::UserRole, static_cast<int>(message.number));
            QFont font = list_->font();
            font.setBold(!message.seen && program_->account().inbox == programs::MailAccount::Inbox::Imap);
            for (int column = 0; column < 4; ++column) item->setFont(column, font);
            if (static_cast<int>(message.number) == keep) list_->setCurrentItem(item);
        }
    }
    const QStringList folders = toList(program_->folders());
    if (!folders.isEmpty()) {
        folders_->clear();
        folders_->addItems(folders);
        folders_->setCurrentText(fromStd(program_->folder()));
        moveTarget_->clear();
        for (const QString& folder : folders) {
            if (folder != fromStd(program_->folder())) moveTarget_->addItem(folder);
        }
    }
    showSelected();
    if (!program_->lastOutcome().empty() && program_->busy() == 0) status_->setText(fromStd(program_->lastOutcome()));
}

void MailPanel::showSelected() {
    if (!program_) return;
    const int number = selectedNumber();
    const programs::InboxMessage* message = number > 0 ? program_->message(static_cast<std::uint32_t>(number)) : nullptr;
    if (message == nullptr) {
        view_->clear();
        return;
    }
    if (message->content.empty()) {
        QString header = fromStd(message->header);
        header.remove(QLatin1Char('\r'));
        view_->setPlainText(header + tr("\n(fetching the message...)"));
        // IMAP: BODY[] is fetched on demand, as a mail reader does when a
        // message is opened; once per selection, so a failed fetch is not repeated.
        if (fetching_ != number) {
            fetching_ = number;
            catchUp();
            program_->open(message->number);
        }
        return;
    }
    QString text = fromStd(message->content);
    text.remove(QLatin1Char('\r'));
    if (view_->toPlainText() != text) view_->setPlainText(text);
}

void MailPanel::toggleFlag() {
    const int number = selectedNumber();
    if (!program_ || number <= 0) return;
    const programs::InboxMessage* message = program_->message(static_cast<std::uint32_t>(number));
    if (message == nullptr) return;
    catchUp();
    program_->setFlag(message->number, "\\Flagged", !message->flagged);
}

void MailPanel::moveSelected() {
    const int number = selectedNumber();
    if (!program_ || number <= 0 || moveTarget_->currentText().isEmpty()) return;
    catchUp();
    program_->move(static_cast<std::uint32_t>(number), moveTarget_->currentText().toStdString());
}

void MailPanel::appendLog(const QString& line) {
    QScrollBar* bar = log_->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    log_->appendPlainText(line);
    if (atBottom) bar->setValue(bar->maximum());
}

void MailPanel::updateBusy() {
    const bool usable = program_ != nullptr;
    refresh_->setEnabled(usable);
    send_->setEnabled(usable);
    if (usable && program_->busy() > 0) status_->setText(tr("Working (%1 connection%2 open)...")
                                                             .arg(program_->busy())
                                                             .arg(program_->busy() == 1 ? "" : "s"));
}

void MailPanel::worldEnding(const QString& why) {
    program_.reset();
    programHost_ = nullptr;
    session_ = nullptr;
    updateBusy();
    for (QWidget* field : std::initializer_list<QWidget*>{to_, cc_, bcc_, subject_, body_, folders_, flag_, move_, moveTarget_}) {
        field->setEnabled(false);
    }
    status_->setText(tr("Closed: %1. What it showed stays here.").arg(why));
}

}  // namespace netstage::gui
