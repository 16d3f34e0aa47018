// Imports of `[[suspicious]]` modules in files that do not declare the service.
#pragma once

#include <vector>

#include "resolve/symbols.hpp"
#include "testtier/classification.hpp"

namespace testtier::classify_stage {

/// Return the suspicious imports of `file`, whose file-level reasons are `reasons`: one entry per
/// import statement and module, saying whether an imported name is called anywhere in the file.
std::vector<SuspiciousImport> suspicious_imports(const FileFacts& file, const std::vector<Reason>& reasons,
                                                 const Rules& rules, const resolve::Resolver& resolver);

}  // namespace testtier::classify_stage
