#include "tests/live/serving_world.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "live/serve_plan.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::test_support {

ServingWorld::ServingWorld(const std::string& scenarioName, Speed speed, std::optional<std::string> from)
    : ServingWorld{scenario::loadScenarioFile(scenarioPath(scenarioName)), speed, std::move(from)} {}

ServingWorld::ServingWorld(scenario::ScenarioSpec spec, Speed speed, std::optional<std::string> from)
    : spec_{std::move(spec)} {
    std::vector<live::PortRequest> requests;
    for (const auto& served : live::serverPorts(spec_)) requests.push_back({served.host, served.port, 0});
    live::PortListeners listeners{live::planPorts(spec_, requests), "127.0.0.1"};
    tracer_.addSink(recorder_);
    tracer_.addSink(fingerprint_, false);
    scenario::LiveOptions options;
    options.speed = speed;
    options.from = from;
    recording_ = std::make_unique<scenario::SessionRecording>(spec_, from.value_or(options.visitorName), !from.has_value());
    tracer_.addSink(*recording_);
    server_ = std::make_unique<live::LiveServer>(spec_, tracer_, std::move(listeners), options);
    loop_ = std::thread{[this] {
        while (!stopping_.load()) {
            server_->poll(Time::fromMilliseconds(5));
            clients_.store(server_->clientCount());
        }
    }};
}

ServingWorld::~ServingWorld() { stop(); }

void ServingWorld::stop() {
    if (stopped_) return;
    stopped_ = true;
    stopping_.store(true);
    loop_.join();
    server_->stop();
}

std::uint16_t ServingWorld::port(const std::string& host, std::uint16_t serverPort) const {
    for (const auto& served : server_->ports()) {
        if (served.host == host && served.port == serverPort) return served.localPort;
    }
    throw std::invalid_argument{"nothing serves " + host + ":" + std::to_string(serverPort)};
}

LineClient::LineClient(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in where{};
    where.sin_family = AF_INET;
    where.sin_port = htons(port);
    where.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&where), sizeof where) != 0) close();
}

LineClient::~LineClient() { close(); }

void LineClient::send(std::string_view bytes) {
    while (fd_ >= 0 && !bytes.empty()) {
        const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) return;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

std::optional<std::string> LineClient::line(std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (true) {
        const std::size_t end = buffered_.find('\n');
        if (end != std::string::npos) {
            std::string text = buffered_.substr(0, end);
            buffered_.erase(0, end + 1);
            if (!text.empty() && text.back() == '\r') text.pop_back();
            return text;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (fd_ < 0 || left.count() <= 0) return std::nullopt;
        pollfd ready{fd_, POLLIN, 0};
        if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
        char chunk[4096];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return std::nullopt;
        buffered_.append(chunk, static_cast<std::size_t>(n));
    }
}

std::vector<std::string> LineClient::smtpReply(std::chrono::milliseconds limit) {
    std::vector<std::string> lines;
    while (auto text = line(limit)) {
        lines.push_back(*text);
        if (text->size() < 4 || (*text)[3] != '-') break;
    }
    return lines;
}

std::string LineClient::rest(std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::string all = std::exchange(buffered_, {});
    while (fd_ >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd ready{fd_, POLLIN, 0};
        if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) break;
        char chunk[16384];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) break;
        all.append(chunk, static_cast<std::size_t>(n));
    }
    return all;
}

void LineClient::shutdownSending() {
    if (fd_ >= 0) ::shutdown(fd_, SHUT_WR);
}

void LineClient::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

std::size_t openDescriptors() {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator{"/proc/self/fd"}) ++count;
    return count;
}

}  // namespace netstage::test_support
