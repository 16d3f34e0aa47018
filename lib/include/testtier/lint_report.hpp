// Writers of lint results. Each returns the whole document; equal inputs give equal bytes.
#pragma once

#include <string>

#include "testtier/lint.hpp"
#include "testtier/text.hpp"

namespace testtier {

/// Return ruff's concise shape: `path:line:col: CODE message` per finding, then a summary line
/// ("Found 3 findings (1 suppressed)." or "All checks passed."). With `style.color`, the path is
/// bold, the code red (cyan for a note) and bold, "help:" and the summary coloured, as ruff's.
std::string lint_to_text(const LintResult& result, const TextStyle& style = {});

/// Return ruff's `--statistics` shape: one line per code with findings, `COUNT  CODE  NAME`, the
/// counts right-aligned, most frequent first (lint_statistics()); nothing when there are none.
/// With `style.color`, the code is red and bold.
std::string lint_statistics_to_text(const LintResult& result, const TextStyle& style = {});

/// Return `{"schema": "testtier-lint/v1", "findings": [{code, name, severity, path, line, column,
/// message, fix}], "suppressed": N, "files_checked": N}`.
std::string lint_to_json(const LintResult& result);

/// Return a SARIF 2.1.0 log: one run, tool "testtier" with every lint code as a rule (id, name,
/// short and full description, help, default level), one result per finding.
std::string lint_to_sarif(const LintResult& result);

/// Return GitHub Actions workflow commands: `::warning file=P,line=L,col=C,title=CODE::message`
/// (`::error`/`::notice` by severity), escaped as the runner requires.
std::string lint_to_github(const LintResult& result);

/// Return GitHub-flavoured Markdown for a job summary or a pull-request comment: a heading ("4
/// findings (2 suppressed)" or "All checks passed"), a table of counts per code, then the findings
/// grouped by file, each with its position, code, message and fix; everything from files escaped.
std::string lint_to_markdown(const LintResult& result);

}  // namespace testtier
