#pragma once
// How the HTTP server decides: the host implements this one interface, and
// the server engine asks it once for every request it could read. Requests
// the engine cannot read (400, 414, 431, 501, 505, ...) never reach it;
// which resources exist (404) and which methods they allow (405) is its
// business. A webmail application answers here.

#include "protocols/http/message.hpp"

namespace netstage::http {

class RequestHandler {
public:
    virtual ~RequestHandler() = default;
    // `request` is the server's own, moved in: its body can be kept without a copy.
    virtual Response handle(Request request) = 0;
};

}  // namespace netstage::http
