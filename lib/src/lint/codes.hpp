// The registry of lint codes: each code's documentation is defined beside its check, in the
// file named after it; this table lists them in code order.
#pragma once

#include "testtier/lint.hpp"

namespace testtier::lint_stage {

extern const LintCode kUndeclaredService;    // tt001_undeclared_service.cpp
extern const LintCode kSuspiciousImport;     // tt002_suspicious_import.cpp
extern const LintCode kUnusedDeclaration;    // tt003_unused_declaration.cpp
extern const LintCode kInvalidSuppression;   // tt004_invalid_suppression.cpp
extern const LintCode kSyntaxError;          // input_problems.cpp (TT901-TT905)
extern const LintCode kUndecodableFile;
extern const LintCode kUnreadableFile;
extern const LintCode kUnresolvedBase;
extern const LintCode kFixtureCycle;
extern const LintCode kUnmatchedRule;

}  // namespace testtier::lint_stage
