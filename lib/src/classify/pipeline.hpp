// The whole classify pipeline without the result cache (result_cache/cached_classify.cpp adds it),
// for stages (lint, explain) that need the parsed facts as well as the answer.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "cache/facts_cache.hpp"
#include "resolve/fact_store.hpp"
#include "testtier/classify.hpp"
#include "testtier/discover.hpp"
#include "testtier/pytest_config.hpp"

namespace testtier::classify_stage {

/// A finished run: the classification and every file it parsed. The run owns what its store
/// refers to (declared before it, so destroyed after it).
struct PipelineRun {
  Classification classification;
  std::unique_ptr<resolve::ModuleIndex> modules;
  std::unique_ptr<cache::FactsCache> facts_cache;  ///< null with the cache off
  std::unique_ptr<resolve::FactStore> store;   ///< refers to `modules` and `facts_cache`
  bool facts_cache_unsaved = false;            ///< the facts cache was in use and could not be written
};

/// What a run starts from before it parses anything: the pytest configuration and the files found.
struct PipelineInputs {
  PytestConfig pytest;
  Discovery found;
  double discover_seconds = 0;  ///< wall time of reading both
};

/// Return where the caches of a run over `root` live.
std::filesystem::path cache_directory(const std::filesystem::path& root, const ClassifyOptions& options);

/// Sort `diagnostics` as a classification reports them (path, location, code, message), dropping
/// duplicates.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

/// Read the pytest configuration of `root` and discover its files as `rules` say.
PipelineInputs read_inputs(const std::filesystem::path& root, const Rules& rules);

/// Run discover, parse (in waves), resolve, graph and classify for `root`.
PipelineRun run_pipeline(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options);

/// Run parse, resolve, graph and classify for `root` from `inputs` (read_inputs() of the same).
PipelineRun run_pipeline(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options,
                         PipelineInputs inputs);

}  // namespace testtier::classify_stage
