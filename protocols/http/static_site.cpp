#include "protocols/http/static_site.hpp"

#include "protocols/common/line_reader.hpp"
#include "protocols/http/wire.hpp"

namespace netstage::http {

void StaticSite::add(std::string path, std::string contentType, std::string body) {
    resources_.insert_or_assign(std::move(path), Resource{std::move(contentType), std::move(body)});
}

std::string_view StaticSite::pathOf(std::string_view target) {
    if (!target.empty() && target.front() != '/') {
        const std::size_t scheme = target.find("://");
        if (scheme == std::string_view::npos) return target;  // "*" or an authority
        const std::size_t slash = target.find('/', scheme + 3);
        if (slash == std::string_view::npos) return "/";
        target.remove_prefix(slash);
    }
    return target.substr(0, target.find('?'));
}

Response StaticSite::handle(Request request) {
    const auto found = resources_.find(pathOf(request.target));
    if (found == resources_.end()) return errorResponse(404, "No resource at " + std::string{pathOf(request.target)} + ".");
    if (request.method != "GET" && request.method != "HEAD") {
        Response response = errorResponse(405, "This resource allows GET and HEAD only.");
        response.headers.add("Allow", "GET, HEAD");
        return response;
    }
    Response response;
    response.headers.add("Content-Type", found->second.contentType);
    response.body = found->second.body;
    return response;
}

}  // namespace netstage::http
