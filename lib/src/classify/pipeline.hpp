// The whole classify pipeline, for stages (lint, explain) that need the parsed facts as well as
// the answer.
#pragma once

#include <memory>

#include "resolve/fact_store.hpp"
#include "testtier/classify.hpp"

namespace testtier::classify_stage {

/// A finished run: the classification and every file it parsed.
struct PipelineRun {
  Classification classification;
  std::unique_ptr<resolve::ModuleIndex> modules;
  std::unique_ptr<resolve::FactStore> store;   ///< refers to `modules`
};

/// Run discover, parse (in waves), resolve, graph and classify for `root`.
PipelineRun run_pipeline(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options);

}  // namespace testtier::classify_stage
