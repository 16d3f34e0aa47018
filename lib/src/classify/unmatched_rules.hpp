// TT906: rules that match nothing in the repository, said to be mistakes (internal to classify).
#pragma once

#include <filesystem>
#include <vector>

#include "testtier/classification.hpp"
#include "testtier/discover.hpp"
#include "testtier/facts.hpp"
#include "testtier/rules.hpp"

namespace testtier::classify_stage {

/// Return a TT906 warning, at the rules file's line (its path relative to `root` when it lies
/// below it, as every diagnostic's), for each rule of `rules` that matches
/// nothing: a `path` or `[project] test_files` glob that matches none of the Python files
/// `found`, an `exclude` glob that left out nothing, and a `marker`, `fixture`, `base_class` or
/// `decorator` name that appears in none of the files the run parsed (`parsed`: test files, conftests and the
/// modules they reach) and matched nothing (`files`' reasons); each with the nearest names that do
/// appear ("did you mean ...?"). Lists often spell one thing several ways on purpose (old and new
/// module paths), so an absent pattern is reported when no pattern of its list (its [[signal]],
/// `test_files`, `exclude`) matches, or when it is near a name that appears (a likely typo).
/// Base classes and decorators are compared by their last name, so that only a name written
/// nowhere is reported. The built-in rules list names for any Django project and are
/// not checked. Call only for runs over the whole repository: a run over some files has not seen
/// where the others use a name.
std::vector<Diagnostic> unmatched_rules(const std::filesystem::path& root, const Rules& rules, const Discovery& found,
                                        const std::vector<const FileFacts*>& parsed,
                                        const std::vector<FileResult>& files);

}  // namespace testtier::classify_stage
