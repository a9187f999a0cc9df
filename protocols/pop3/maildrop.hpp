#pragma once
// How the POP3 server reaches mail: the host (the mail server application)
// implements these two interfaces over its own mailbox store. Messages are
// numbered from 0 here; the protocol's numbers start at 1.

#include <cstddef>
#include <string>
#include <vector>

namespace netstage::pop3 {

class Maildrop {
public:
    virtual ~Maildrop() = default;

    virtual std::size_t size() const = 0;  // number of messages when the session opened it
    // The message as it is sent: lines ended by CRLF (a bare LF is accepted
    // too). Its length is the size LIST and STAT report (RFC 1939 §5).
    virtual const std::string& content(std::size_t index) const = 0;
    // 1 to 70 characters from 0x21 to 0x7E, stable across sessions (RFC 1939 §7).
    virtual std::string uniqueId(std::size_t index) const = 0;
    // Called once, in the UPDATE state, with the indices marked deleted (ascending).
    virtual void commitDeletes(const std::vector<std::size_t>& indices) = 0;
    // The session no longer uses this maildrop: drop the lock. Called exactly
    // once, after commitDeletes if there was one.
    virtual void release() = 0;
};

struct OpenResult {
    enum class Status { Ok, BadCredentials, Locked };
    Status status = Status::BadCredentials;
    Maildrop* maildrop = nullptr;  // set when Ok; owned by the provider, locked until release()
};

class MaildropProvider {
public:
    virtual ~MaildropProvider() = default;
    // Checks the credentials and, if they are good, locks and opens the
    // maildrop (RFC 1939 §4: one session at a time per maildrop).
    virtual OpenResult open(const std::string& user, const std::string& password) = 0;
};

}  // namespace netstage::pop3
