// testtier's C++ API in one include: rules, classification, lint, explain, affected tests, plans,
// runtime comparison, and every output format. (The C API is testtier/testtier.h.)
#pragma once

#include "testtier/affected.hpp"
#include "testtier/classification.hpp"
#include "testtier/classify.hpp"
#include "testtier/compare.hpp"
#include "testtier/diagnostic.hpp"
#include "testtier/discover.hpp"
#include "testtier/explain.hpp"
#include "testtier/facts.hpp"
#include "testtier/facts_json.hpp"
#include "testtier/glob.hpp"
#include "testtier/io.hpp"
#include "testtier/lint.hpp"
#include "testtier/lint_report.hpp"
#include "testtier/parse.hpp"
#include "testtier/plan.hpp"
#include "testtier/pytest_config.hpp"
#include "testtier/report.hpp"
#include "testtier/rules.hpp"
#include "testtier/text.hpp"
#include "testtier/version.hpp"
