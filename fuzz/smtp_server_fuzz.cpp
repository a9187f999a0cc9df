// The SMTP server engine fed arbitrary client bytes. Oracle: every command
// gets its reply before the next command is read (a refused one its 5xx),
// nothing throws, and the engine goes idle.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/smtp/server_session.hpp"

namespace {

using namespace netstage;

// Refuses some addresses, so the refusal paths run too.
class PickyPolicy final : public smtp::ServerPolicy {
public:
    smtp::Decision checkRecipient(const std::string& address) override {
        if (address.find("nobody") != std::string::npos) return {550, ""};
        if (address.find("later") != std::string::npos) return {451, "try {address} later"};
        return {250, ""};
    }
    smtp::Decision acceptMessage(const smtp::Envelope&, const std::string& data) override {
        return data.size() % 7 == 3 ? smtp::Decision{552, ""} : smtp::Decision{250, ""};
    }
};

void drain(smtp::ServerSession& session, fuzz::ReplyLedger& ledger) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const smtp::ServerEvent event = session.nextEvent();
        if (std::holds_alternative<smtp::NeedData>(event)) {
            ledger.idle();
            return;
        }
        if (std::holds_alternative<smtp::CommandReceived>(event)) ledger.command();
        if (std::holds_alternative<smtp::ReplySent>(event)) ledger.reply();
    }
    fuzz::require(false, "the SMTP server never went idle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    PickyPolicy policy;
    smtp::ServerConfig config;
    config.domain = "crepes.fr";
    config.limits.maxRecipients = 3;
    config.limits.maxMessageSize = 300;
    smtp::ServerSession session{config, &policy};
    fuzz::ReplyLedger ledger;
    const auto drainIt = [&session, &ledger] { drain(session, ledger); };
    const auto now = fuzz::feedTimedEngine(session, input, drainIt, [&session] { return session.closed(); });
    fuzz::endTimedEngine(session, now, drainIt, fuzz::never);
    return 0;
}
