// The pieces of fact extraction, each over one kind of syntax. extract.cpp drives them.
#pragma once

#include <string_view>
#include <vector>

#include "parse/syntax_tree.hpp"
#include "testtier/facts.hpp"

namespace testtier::parse {

/// Where an import statement stands, which its facts record.
struct ImportContext {
  bool type_only = false;
  bool in_function = false;
};

/// Append the bindings of an `import_statement` or `import_from_statement` to `imports`.
void collect_import(TSNode statement, const Source& source, ImportContext context,
                    std::vector<Import>& imports);

/// Append every call by dotted name, every settings override (calls and `settings.X = ...`
/// assignments) and every environment variable named by a literal in `node` (all of its
/// descendants) to `uses`, and every import inside it to `imports` as `in_function` (and to
/// `uses.imports`). When `mark_calls` is given, also append there the calls whose callee is
/// spelled like a pytest mark (`pytest.mark.X(...)`, `mark.X(...)`), as marks to be given meaning.
void collect_uses(TSNode node, const Source& source, BodyUses& uses,
                  std::vector<Import>& imports, bool type_only,
                  std::vector<MarkUse>* mark_calls = nullptr);

/// Append a diagnostic for each syntax error (ERROR or MISSING node) under `root`.
void collect_syntax_errors(TSNode root, const Source& source,
                           std::vector<Diagnostic>& diagnostics);

/// Give decorators and `pytestmark` their pytest meaning: fill `marks` and fixture info of every
/// function and class, and `module_marks`, from the decorators, `pytestmark` values and the
/// file's own imports of pytest. `pytestmark` values are passed as raw values.
struct RawMarks {
  std::vector<Value> module;                 ///< module-level `pytestmark` values
  std::vector<std::vector<Value>> classes;   ///< per class in `FileFacts::classes` order
};
void apply_pytest_meaning(FileFacts& facts, const RawMarks& pytestmarks);

/// Append the `# testtier: ignore[...]` comments of the tree of `source` to `into`.
void collect_suppressions(TSNode root, const Source& source, std::vector<Suppression>& into);

/// Extract raw facts (everything but pytest meaning) from the tree of `source` into `facts`,
/// returning the raw `pytestmark` values for apply_pytest_meaning().
RawMarks collect_definitions(TSNode module, const Source& source, FileFacts& facts);

}  // namespace testtier::parse
