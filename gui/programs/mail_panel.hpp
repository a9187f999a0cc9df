#pragma once
// The mail program's window on a host: an inbox (folders, the message list,
// the message), a compose form (To, Cc, Bcc, Subject, the text) and the
// account (the scenario's user agent on this host, or typed by the student).
// Under them, the dialogue as the program sees it, line by line. Everything
// it does is a programs::MailProgram action on the live world.

#include <QString>
#include <memory>

#include "gui/programs/program_panel.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace netstage::programs {
class MailProgram;
class ProgramHost;
struct MailAccount;
}  // namespace netstage::programs

namespace netstage::gui {

class LiveSession;

class MailPanel : public ProgramPanel {
    Q_OBJECT
public:
    MailPanel(const QString& host, programs::ProgramHost& programHost, LiveSession& session, QWidget* parent = nullptr);
    ~MailPanel() override;

    void worldEnding(const QString& why) override;

    // The account in use (the scenario's, or the one typed on the Account tab).
    void setAccount(const programs::MailAccount& account);
    // nullptr once the world has ended.
    programs::MailProgram* program() const { return program_.get(); }

    // The form's parts, for tests and for a scripted demonstration.
    QLineEdit& toField() { return *to_; }
    QLineEdit& ccField() { return *cc_; }
    QLineEdit& bccField() { return *bcc_; }
    QLineEdit& subjectField() { return *subject_; }
    QPlainTextEdit& bodyField() { return *body_; }
    QPushButton& sendButton() { return *send_; }
    QPushButton& refreshButton() { return *refresh_; }
    QTreeWidget& messageList() { return *list_; }
    QPlainTextEdit& messageView() { return *view_; }
    QComboBox& folderBox() { return *folders_; }
    QPlainTextEdit& dialogueView() { return *log_; }
    QTabWidget& tabs() { return *tabs_; }
    // The Account tab's inbox protocol: "IMAP" or "POP3".
    QComboBox& protocolBox() { return *protocol_; }
    void applyAccountForm();

private:
    QWidget* buildInbox();
    QWidget* buildCompose();
    QWidget* buildAccount();
    void showAccount(const programs::MailAccount& account);
    void sendMessage();
    void refreshInbox();
    void showMessages();
    void showSelected();
    void moveSelected();
    void toggleFlag();
    void appendLog(const QString& line);
    void updateBusy();
    // Runs what is due in the world first, so the action happens now.
    void catchUp();
    int selectedNumber() const;

    programs::ProgramHost* programHost_;
    LiveSession* session_;
    std::unique_ptr<programs::MailProgram> program_;
    int fetching_ = 0;  // the message whose body was asked for, for this selection

    QTabWidget* tabs_;
    QLabel* accountLine_;
    QComboBox* folders_;
    QPushButton* refresh_;
    QPushButton* flag_;
    QComboBox* moveTarget_;
    QPushButton* move_;
    QTreeWidget* list_;
    QPlainTextEdit* view_;
    QLineEdit* to_;
    QLineEdit* cc_;
    QLineEdit* bcc_;
    QLineEdit* subject_;
    QPlainTextEdit* body_;
    QPushButton* send_;
    QLineEdit* address_;
    QLineEdit* user_;
    QLineEdit* password_;
    QLineEdit* server_;
    QComboBox* protocol_;
    QCheckBox* keep_;
    QPlainTextEdit* log_;
    QLabel* status_;
};

}  // namespace netstage::gui
