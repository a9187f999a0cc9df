#include "live/socket.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "live/serve_plan.hpp"

namespace netstage::live {

namespace {

void prepare(int fd) {
    const int flags = ::fcntl(fd, F_GETFL, 0);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &one, sizeof one);
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

std::optional<sockaddr_in> addressOf(const std::string& address, std::uint16_t port) {
    sockaddr_in where{};
    where.sin_family = AF_INET;
    where.sin_port = htons(port);
    if (::inet_pton(AF_INET, address.c_str(), &where.sin_addr) != 1) return std::nullopt;
    return where;
}

}  // namespace

void Socket::reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

void Socket::resetConnection() {
    if (fd_ < 0) return;
    const linger hard{1, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    reset();
}

Socket listenOn(const std::string& address, std::uint16_t port) {
    const auto where = addressOf(address, port);
    const std::string shown = address + ":" + std::to_string(port);
    if (!where) throw ServeError{"--listen " + address + ": not an IPv4 address (such as 127.0.0.1)"};
    Socket socket{::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)};
    if (!socket.valid()) throw ServeError{std::string{"cannot make a socket: "} + std::strerror(errno)};
    const int one = 1;
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(socket.fd(), reinterpret_cast<const sockaddr*>(&*where), sizeof *where) != 0) {
        const int error = errno;
        if (error == EADDRINUSE) {
            throw ServeError{shown + " is in use by another program; choose other local ports with --port HOST:PORT=LOCALPORT"};
        }
        if (error == EACCES) throw ServeError{shown + ": ports below 1024 need root; choose a port from 1024 up"};
        throw ServeError{"cannot listen on " + shown + ": " + std::strerror(error)};
    }
    if (::listen(socket.fd(), 128) != 0) throw ServeError{"cannot listen on " + shown + ": " + std::strerror(errno)};
    return socket;
}

std::uint16_t localPort(const Socket& socket) {
    sockaddr_in where{};
    socklen_t size = sizeof where;
    if (::getsockname(socket.fd(), reinterpret_cast<sockaddr*>(&where), &size) != 0) return 0;
    return ntohs(where.sin_port);
}

std::string localAddress(const Socket& socket) {
    sockaddr_in where{};
    socklen_t size = sizeof where;
    if (::getsockname(socket.fd(), reinterpret_cast<sockaddr*>(&where), &size) != 0) return "127.0.0.1";
    char text[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &where.sin_addr, text, sizeof text);
    return text;
}

int connectError(const Socket& socket) {
    int error = 0;
    socklen_t size = sizeof error;
    if (::getsockopt(socket.fd(), SOL_SOCKET, SO_ERROR, &error, &size) != 0) return errno;
    return error;
}

std::optional<Socket> acceptFrom(const Socket& listener) {
    const int fd = ::accept4(listener.fd(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return std::nullopt;
    prepare(fd);
    return Socket{fd};
}

Socket connectTo(const std::string& address, std::uint16_t port) {
    const auto where = addressOf(address, port);
    if (!where) return {};
    Socket socket{::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)};
    if (!socket.valid()) return {};
    prepare(socket.fd());
    if (::connect(socket.fd(), reinterpret_cast<const sockaddr*>(&*where), sizeof *where) != 0 && errno != EINPROGRESS) return {};
    return socket;
}

}  // namespace netstage::live
