#include "simulator/apps/mail/pop3_maildrops.hpp"

#include "simulator/apps/mail/mail_server.hpp"

namespace netstage::apps {

class Pop3Maildrops::Session : public pop3::Maildrop {
public:
    Session(Pop3Maildrops& owner, std::string user)
        : owner_{owner}, user_{std::move(user)}, messages_{owner.server_.store().maildrop(user_)} {}

    std::size_t size() const override { return messages_.size(); }
    const std::string& content(std::size_t index) const override { return *messages_.at(index).content; }
    std::string uniqueId(std::size_t index) const override { return messages_.at(index).uniqueId; }

    void commitDeletes(const std::vector<std::size_t>& indices) override {
        std::vector<mail::Uid> uids;
        for (const std::size_t i : indices) uids.push_back(messages_.at(i).uid);
        MailServer& server = owner_.server_;
        auto& ids = owner_.committedDeletions_[user_];
        for (const mail::Uid uid : uids) ids.push_back(server.shortIdOf(user_, uid));
        server.store().removeFromInbox(user_, uids);
    }

    mail::Uid uidOf(std::size_t index) const { return messages_.at(index).uid; }

    void release() override {
        const std::string user = user_;
        Pop3Maildrops& owner = owner_;
        owner.locked_.erase(user);
        owner.open_.erase(user);  // destroys this session: nothing may touch it afterwards
    }

private:
    Pop3Maildrops& owner_;
    std::string user_;
    std::vector<mail::MaildropMessage> messages_;  // the maildrop as the session opened it
};

Pop3Maildrops::Pop3Maildrops(MailServer& server) : server_{server} {}
Pop3Maildrops::~Pop3Maildrops() = default;

void Pop3Maildrops::traceDeletions(const std::string& user) {
    auto it = committedDeletions_.find(user);
    if (it == committedDeletions_.end()) return;
    const std::vector<std::string> ids = std::move(it->second);
    committedDeletions_.erase(it);
    const std::int64_t left = static_cast<std::int64_t>(server_.store().maildrop(user).size());
    for (const auto& id : ids) {
        server_.traceMail("deleted", {{"message", id}, {"mailbox", user + "@" + server_.config().domain}, {"count", left}});
    }
}

void Pop3Maildrops::retrieved(const std::string& user, std::size_t number) {
    auto it = open_.find(user);
    if (it == open_.end() || number == 0 || number > it->second->size()) return;
    server_.store().markSeen(user, it->second->uidOf(number - 1));
}

pop3::OpenResult Pop3Maildrops::open(const std::string& user, const std::string& password) {
    bool known = false;
    for (const auto& account : server_.config().accounts) known = known || (account.name == user && account.password == password);
    if (!known) return {pop3::OpenResult::Status::BadCredentials, nullptr};
    if (locked_.count(user)) return {pop3::OpenResult::Status::Locked, nullptr};
    locked_.insert(user);
    auto session = std::make_unique<Session>(*this, user);
    pop3::Maildrop* maildrop = session.get();
    open_[user] = std::move(session);
    return {pop3::OpenResult::Status::Ok, maildrop};
}

}  // namespace netstage::apps
