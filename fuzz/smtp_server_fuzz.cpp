// The SMTP server engine fed arbitrary client bytes. Oracle: every command
// gets a reply or a ProtocolError, nothing throws, and the engine goes idle.

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

void drain(smtp::ServerSession& session) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        if (std::holds_alternative<smtp::NeedData>(session.nextEvent())) return;
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
    const auto drainIt = [&session] { drain(session); };
    const auto now = fuzz::feedTimedEngine(session, input, drainIt, [&session] { return session.closed(); });
    fuzz::endTimedEngine(session, now, drainIt, fuzz::never);
    return 0;
}
