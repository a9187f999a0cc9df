#pragma once
// What nextEvent() of either DNS engine returns when it has nothing more to
// report: the first alternative of ServerEvent and ResolverEvent
// (proto::isNeedData in protocols/common/engine.hpp).

namespace netstage::dns {

struct NeedData {};

}  // namespace netstage::dns
