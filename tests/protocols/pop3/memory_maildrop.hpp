#pragma once
// An in-memory maildrop and provider, standing in for the mail server's store.

#include <map>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "protocols/pop3/client_session.hpp"
#include "protocols/pop3/maildrop.hpp"
#include "protocols/pop3/server_session.hpp"

namespace netstage::pop3::testing {

class MemoryMaildrop : public Maildrop {
public:
    std::vector<std::string> messages;
    std::vector<std::string> uids;
    bool locked = false;
    int commits = 0;
    int releases = 0;

    std::size_t size() const override { return messages.size(); }
    const std::string& content(std::size_t i) const override { return messages.at(i); }
    std::string uniqueId(std::size_t i) const override { return uids.at(i); }
    void commitDeletes(const std::vector<std::size_t>& indices) override {
        ++commits;
        for (auto it = indices.rbegin(); it != indices.rend(); ++it) {
            messages.erase(messages.begin() + static_cast<std::ptrdiff_t>(*it));
            uids.erase(uids.begin() + static_cast<std::ptrdiff_t>(*it));
        }
    }
    void release() override {
        if (!locked) throw std::logic_error("released an unlocked maildrop");
        locked = false;
        ++releases;
    }
};

class MemoryProvider : public MaildropProvider {
public:
    std::map<std::string, std::pair<std::string, MemoryMaildrop>> users;  // user -> (password, maildrop)

    MemoryMaildrop& add(const std::string& user, const std::string& password, std::vector<std::string> messages) {
        auto& entry = users[user];
        entry.first = password;
        entry.second.messages = std::move(messages);
        for (std::size_t i = 0; i < entry.second.messages.size(); ++i) {
            entry.second.uids.push_back("uid-" + user + "-" + std::to_string(i + 1));
        }
        return entry.second;
    }

    OpenResult open(const std::string& user, const std::string& password) override {
        const auto found = users.find(user);
        if (found == users.end() || found->second.first != password) return {OpenResult::Status::BadCredentials, nullptr};
        MemoryMaildrop& drop = found->second.second;
        if (drop.locked) return {OpenResult::Status::Locked, nullptr};
        drop.locked = true;
        return {OpenResult::Status::Ok, &drop};
    }
};

// A message of exactly `octets` octets (at least 100), CRLF lines, header then body.
inline std::string messageOfSize(std::size_t octets, const std::string& subject) {
    std::string m = "From: alice@crepes.fr\r\nTo: bob@hamburger.edu\r\nSubject: " + subject + "\r\n\r\n";
    const auto bodyLine = [&subject](std::size_t length) {  // `length` octets including CRLF
        std::string line = subject + " ";
        line.resize(length - 2, 'x');
        return line + "\r\n";
    };
    while (octets - m.size() > 150) m += bodyLine(72);
    const std::size_t left = octets - m.size();
    m += bodyLine(left / 2);
    m += bodyLine(left - left / 2);
    if (m.size() != octets) throw std::logic_error("messageOfSize miscounted");
    return m;
}

inline std::string describe(const ServerEvent& event) {
    return std::visit(
        [](const auto& e) -> std::string {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, NeedData>) return "need data";
            else if constexpr (std::is_same_v<T, CommandReceived>) return "C: " + e.rawLine;
            else if constexpr (std::is_same_v<T, ReplyLineSent>) return "S: " + e.line;
            else if constexpr (std::is_same_v<T, LoginSucceeded>) return "login " + e.user;
            else if constexpr (std::is_same_v<T, LoginFailed>) return "login failed " + e.user + ": " + e.reason;
            else if constexpr (std::is_same_v<T, MessageRetrieved>)
                return std::string{e.topOnly ? "top " : "retrieved "} + std::to_string(e.number);
            else if constexpr (std::is_same_v<T, MessageMarkedDeleted>) return "marked " + std::to_string(e.number);
            else if constexpr (std::is_same_v<T, DeletesCommitted>) {
                std::string s = "committed";
                for (auto n : e.numbers) s += " " + std::to_string(n);
                return s;
            } else if constexpr (std::is_same_v<T, MaildropReleased>)
                return std::string{"released"} + (e.afterQuit ? " after quit" : " without quit");
            else if constexpr (std::is_same_v<T, ProtocolError>) return "error: " + e.reason;
            else static_assert(sizeof(T) == 0, "every server event is described");
        },
        event);
}

inline std::string describe(const ClientEvent& event) {
    return std::visit(
        [](const auto& e) -> std::string {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, client::NeedData>) return "need data";
            else if constexpr (std::is_same_v<T, client::CommandSent>) return "C: " + e.line;
            else if constexpr (std::is_same_v<T, client::ReplyLine>) return "S: " + e.line;
            else if constexpr (std::is_same_v<T, client::MessageDownloaded>)
                return "downloaded " + std::to_string(e.number) + " (" + std::to_string(e.content.size()) + ")";
            else if constexpr (std::is_same_v<T, client::LoginFailed>) return "login failed: " + e.reply;
            else if constexpr (std::is_same_v<T, client::CommandRejected>) return "rejected " + e.command;
            else if constexpr (std::is_same_v<T, client::ProtocolError>) return "error: " + e.reason;
            else if constexpr (std::is_same_v<T, client::Done>) return "done " + std::to_string(e.downloaded);
            else if constexpr (std::is_same_v<T, client::Failed>) return "failed: " + e.reason;
            else static_assert(sizeof(T) == 0, "every client event is described");
        },
        event);
}

inline bool isNeedData(const ServerEvent& e) { return std::holds_alternative<NeedData>(e); }
inline bool isNeedData(const ClientEvent& e) { return std::holds_alternative<client::NeedData>(e); }

template <typename Session>
std::vector<std::string> drainEvents(Session& session) {
    std::vector<std::string> out;
    for (auto e = session.nextEvent(); !isNeedData(e); e = session.nextEvent()) {
        out.push_back(describe(e));
    }
    return out;
}

}  // namespace netstage::pop3::testing
