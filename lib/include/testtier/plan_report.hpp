// Writers of shard plans that need the library's escaping (the text and JSON ones are the CLI's).
#pragma once

#include <string>

#include "testtier/plan.hpp"

namespace testtier {

/// Return GitHub-flavoured Markdown for a job summary or a pull-request comment: a heading with
/// the counts, a table per tier (shards, tests, longest estimated seconds, services) and the
/// service start-up time the plan saves; tier and service names escaped.
std::string plan_to_markdown(const Plan& plan);

}  // namespace testtier
