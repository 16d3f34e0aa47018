// The HTML report: one self-contained page about a repository's tiers, for people to read.
#pragma once

#include <string>

#include "testtier/classification.hpp"
#include "testtier/plan.hpp"
#include "testtier/rules.hpp"

namespace testtier {

/// Return one self-contained HTML page about `result` (inline style and SVG; no script, and no
/// font, image, style sheet or link outside the page): the counts and shares per tier, a chart of
/// the tests per tier in each directory, the service start-up `plan` saves per run, the suspicious
/// imports, the input problems, and every test file with its tests, their services and, folded,
/// their explain() chains (`rules` says what each cheaper tier lacks). Everything from files and
/// rules is escaped. Ids and data attributes that tools may read: `#summary` (`data-files`,
/// `data-tests`), its `tr.tier` rows (`data-tier`, `data-file-count`, `data-test-count`),
/// `#startup` (`data-saved-seconds`, `data-planned-seconds`, `data-baseline-seconds`),
/// `#suspicious` and `#diagnostics` (`data-count`), `details.file` and `details.test`
/// (`data-tier`), and the charts' `g.bar` and `rect.segment` (see docs/report.md).
std::string classification_to_html(const Classification& result, const Rules& rules, const Plan& plan);

}  // namespace testtier
