#pragma once
// Connections own themselves until TCP tells them the connection is closed,
// so that no TCP callback can outlive its object. A connection still open
// when its application is taken down (a run that stops while an IMAP client
// idles) would never be told, and never freed. So applications keep a weak
// reference to each of their connections and, when they go, tell the ones
// still alive to let go of themselves.

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

namespace netstage::apps {

class SelfOwned {
public:
    virtual ~SelfOwned() = default;
    // Stops listening to TCP and drops the object's hold on itself; it is
    // freed when its last other holder lets go.
    virtual void letGo() = 0;
};

class SessionKeeper {
public:
    SessionKeeper() = default;
    SessionKeeper(const SessionKeeper&) = delete;
    SessionKeeper& operator=(const SessionKeeper&) = delete;
    ~SessionKeeper() { releaseAll(); }

    void keep(const std::shared_ptr<SelfOwned>& session) {
        // Closed sessions are forgotten now and then, so the list stays
        // proportional to the sessions alive (a mail benchmark opens 100,000).
        if (sessions_.size() >= pruneAt_) {
            std::erase_if(sessions_, [](const std::weak_ptr<SelfOwned>& weak) { return weak.expired(); });
            pruneAt_ = std::max<std::size_t>(64, 2 * sessions_.size());
        }
        sessions_.push_back(session);
    }

    void releaseAll() {
        std::vector<std::weak_ptr<SelfOwned>> all = std::move(sessions_);
        sessions_.clear();
        for (const auto& weak : all) {
            if (const std::shared_ptr<SelfOwned> session = weak.lock()) session->letGo();
        }
    }

    std::size_t alive() const {
        return static_cast<std::size_t>(std::count_if(sessions_.begin(), sessions_.end(),
                                                      [](const std::weak_ptr<SelfOwned>& weak) { return !weak.expired(); }));
    }

private:
    std::vector<std::weak_ptr<SelfOwned>> sessions_;
    std::size_t pruneAt_ = 64;
};

}  // namespace netstage::apps
