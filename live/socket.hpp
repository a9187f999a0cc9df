#pragma once
// The few POSIX socket calls live mode needs, each owning its descriptor:
// TCP listeners and connections on a local address, all non-blocking, with
// urgent data read inline (as vsftpd does) so a client's Telnet "interrupt
// process" before ABOR does not split the command line.

#include <cstdint>
#include <optional>
#include <string>

namespace netstage::live {

class Socket {
public:
    Socket() = default;
    explicit Socket(int fd) : fd_{fd} {}
    ~Socket() { reset(); }
    Socket(Socket&& other) noexcept : fd_{other.release()} {}
    Socket& operator=(Socket&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = other.release();
        }
        return *this;
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;

    int fd() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    int release() {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }
    void reset();
    // Closes with a reset (RST) instead of a FIN, as when the simulated
    // connection was reset.
    void resetConnection();

private:
    int fd_ = -1;
};

// Listens on `address`:`port` (IPv4; port 0: any free port). Throws ServeError
// in plain words ("127.0.0.1:2525 is in use by another program ...").
Socket listenOn(const std::string& address, std::uint16_t port);
// The local port a socket is bound to, and its local IPv4 address as text.
std::uint16_t localPort(const Socket& socket);
std::string localAddress(const Socket& socket);
// The error a non-blocking connect ended with (0: connected).
int connectError(const Socket& socket);
// One connection waiting on `listener`, or nothing when none waits.
std::optional<Socket> acceptFrom(const Socket& listener);
// Starts connecting to `address`:`port` (non-blocking); an invalid Socket if it fails at once.
Socket connectTo(const std::string& address, std::uint16_t port);

}  // namespace netstage::live
