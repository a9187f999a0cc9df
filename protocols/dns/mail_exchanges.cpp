#include "protocols/dns/mail_exchanges.hpp"

#include <algorithm>

namespace netstage::dns {

namespace {
std::vector<std::uint32_t> addressesOf(const std::string& host, const std::vector<ResourceRecord>& records) {
    std::vector<std::uint32_t> out;
    for (const auto& record : records) {
        const auto* a = std::get_if<A>(&record.data);
        if (a && sameName(record.name, host) &&
            std::find(out.begin(), out.end(), a->address) == out.end()) {
            out.push_back(a->address);
        }
    }
    return out;
}
}  // namespace

MailRoute mailExchangesFor(const std::string& domain, const std::vector<ResourceRecord>& records) {
    std::string bare = domain;
    if (!bare.empty() && bare.back() == '.') bare.pop_back();
    MailRoute route;
    for (const auto& record : records) {
        const auto* mx = std::get_if<Mx>(&record.data);
        if (!mx || !sameName(record.name, bare)) continue;
        if (mx->exchange.empty()) {
            route.nullMx = true;
            continue;
        }
        route.exchanges.push_back(MailExchange{mx->preference, mx->exchange, addressesOf(mx->exchange, records)});
    }
    if (route.nullMx) {
        route.exchanges.clear();
        return route;
    }
    if (route.exchanges.empty()) {
        auto addresses = addressesOf(bare, records);
        if (!addresses.empty()) {
            route.implicitMx = true;
            route.exchanges.push_back(MailExchange{0, bare, std::move(addresses)});
        }
        return route;
    }
    std::stable_sort(route.exchanges.begin(), route.exchanges.end(),
                     [](const MailExchange& a, const MailExchange& b) { return a.preference < b.preference; });
    return route;
}

}  // namespace netstage::dns
