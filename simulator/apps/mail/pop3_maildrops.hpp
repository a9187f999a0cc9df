#pragma once
// The mail server's mailboxes as POP3 maildrops: password check, one session
// per maildrop at a time (RFC 1939 §4), and deletions applied to the store
// only when a session reaches UPDATE. A RETR sets \Seen on the message (TOP
// does not), so an IMAP reader of the same mailbox sees what was read with
// POP3 (the decision and its reasons: docs/mail-store.md).

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "protocols/mail/mail_store_types.hpp"
#include "protocols/pop3/maildrop.hpp"

namespace netstage::apps {

class MailServer;

class Pop3Maildrops : public pop3::MaildropProvider {
public:
    explicit Pop3Maildrops(MailServer& server);
    ~Pop3Maildrops() override;
    pop3::OpenResult open(const std::string& user, const std::string& password) override;
    // The session of `user` retrieved message `number` (1-based) with RETR.
    void retrieved(const std::string& user, std::size_t number);
    // Traces the deletions the last QUIT of `user` committed. Called by the
    // connection when the engine reports them, so the trace reads "C: quit",
    // then the deletions, then the reply.
    void traceDeletions(const std::string& user);

private:
    class Session;
    MailServer& server_;
    std::set<std::string> locked_;
    std::map<std::string, std::unique_ptr<Session>> open_;
    std::map<std::string, std::vector<std::string>> committedDeletions_;  // user -> short ids, not yet traced
};

}  // namespace netstage::apps
