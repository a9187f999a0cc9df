#pragma once
// A RequestHandler over a fixed set of resources: the smallest origin server
// (RFC 9110 §3.1). It answers GET and HEAD for the paths it has, 404 for
// the others, and 405 with an Allow field for any other method on a path it
// has. Tests and simple scenarios use it; a webmail application writes its
// own handler the same way.

#include <map>
#include <string>
#include <string_view>

#include "protocols/http/request_handler.hpp"

namespace netstage::http {

class StaticSite final : public RequestHandler {
public:
    void add(std::string path, std::string contentType, std::string body);
    Response handle(Request request) override;

    // The path of a request target, without a query (RFC 9112 §3.2):
    // "/a?b" and "http://host/a?b" are both "/a"; "http://host" is "/".
    static std::string_view pathOf(std::string_view target);

private:
    struct Resource {
        std::string contentType;
        std::string body;
    };
    std::map<std::string, Resource, std::less<>> resources_;
};

}  // namespace netstage::http
