#include <catch2/catch.hpp>

#include <string>

#include "sample_classification.hpp"
#include "testtier/html_report.hpp"

using namespace testtier;

namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

Rules sample_rules() {
  Rules rules;
  rules.origin = "rules/sentry.toml";
  rules.tiers = {Tier{"no_services", {}, false}, Tier{"postgres_only", {"postgres"}, false},
                 Tier{"other_services", {"postgres", "redis"}, false}, Tier{"snuba_tier", {"*"}, true}};
  return rules;
}

Plan sample_plan() {
  Plan plan;
  plan.shards = {Shard{"no_services", {}, 1, 1, 0, {"tests/caf\xC3\xA9/test_plain.py::test_add"}},
                 Shard{"postgres_only", {"postgres"}, 1, 1, 0, {"tests/snuba/test_a.py::test_store[\"x\",y]"}},
                 Shard{"snuba_tier", {"postgres", "snuba"}, 1, 2, 0, {"tests/snuba/test_a.py::EventsTest::test_get"}},
                 Shard{"snuba_tier", {"postgres", "snuba"}, 2, 2, 0, {"tests/snuba/test_a.py::EventsTest::test_list"}}};
  plan.startup_seconds_planned = 5 + 270 + 270;
  plan.startup_seconds_baseline = 4 * 270;
  return plan;
}

}  // namespace

TEST_CASE("html report: one whole page, with nothing to fetch", "[report][html]") {
  const std::string page = classification_to_html(test::sample_classification(), sample_rules(), sample_plan());
  CHECK_THAT(page, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
  CHECK_THAT(page, Catch::EndsWith("</body>\n</html>\n"));
  for (const char* external : {"http:", "https:", "src=", "href=", "<link", "<script", "url(", "@import", "//"}) {
    INFO(external);
    CHECK(page.find(external) == std::string::npos);
  }
  CHECK(page == classification_to_html(test::sample_classification(), sample_rules(), sample_plan()));
}

TEST_CASE("html report: the counts as data attributes, per tier and in total", "[report][html]") {
  const std::string page = classification_to_html(test::sample_classification(), sample_rules(), sample_plan());
  // By hand from the sample: 3 files, 4 tests; files per tier 1, 1, 0, 1; tests 1, 1, 0, 2.
  CHECK_THAT(page, Catch::Contains("<section id=\"summary\" data-files=\"3\" data-tests=\"4\">"));
  CHECK_THAT(page, Catch::Contains("data-tier=\"no_services\" data-file-count=\"1\" data-test-count=\"1\""));
  CHECK_THAT(page, Catch::Contains("data-tier=\"postgres_only\" data-file-count=\"1\" data-test-count=\"1\""));
  CHECK_THAT(page, Catch::Contains("data-tier=\"other_services\" data-file-count=\"0\" data-test-count=\"0\""));
  CHECK_THAT(page, Catch::Contains("data-tier=\"snuba_tier\" data-file-count=\"1\" data-test-count=\"2\""));
  CHECK(occurrences(page, "<details class=\"file\"") == 3);
  CHECK(occurrences(page, "<details class=\"test\"") == 4);
  CHECK(occurrences(page, "<details class=\"test\" data-tier=\"snuba_tier\"") == 2);
  CHECK(occurrences(page, "<details class=\"test\" data-tier=\"postgres_only\"") == 1);
  CHECK_THAT(page, Catch::Contains("<details class=\"file\" data-tier=\"postgres_only\" data-tests=\"0\">"));
  // The directory chart holds every test once.
  CHECK_THAT(page, Catch::Contains("<g class=\"bar\" data-label=\"tests/snuba\" data-tests=\"3\">"));
  CHECK_THAT(page, Catch::Contains("<g class=\"bar\" data-label=\"tests/caf\xC3\xA9\" data-tests=\"1\">"));
  CHECK_THAT(page, Catch::Contains("<g class=\"bar\" data-label=\"tests/sentry\" data-tests=\"0\">"));
}

TEST_CASE("html report: the start-up saved per run, in minutes", "[report][html]") {
  const std::string page = classification_to_html(test::sample_classification(), sample_rules(), sample_plan());
  // 4 shards x 270 s = 1080 s against 545 s: 535 s saved, 8.9 minutes, 50%.
  CHECK_THAT(page, Catch::Contains("<section id=\"startup\" data-saved-seconds=\"535\" data-planned-seconds=\"545\" "
                                   "data-baseline-seconds=\"1080\">"));
  CHECK_THAT(page, Catch::Contains("<b>8.9 min saved per run</b> (50%)"));
  CHECK_THAT(page, Catch::Contains("<div class=\"stat\" id=\"stat-saved\"><b>8.9 min</b>"));
  CHECK_THAT(page, Catch::Contains("<tr><td>snuba_tier</td><td class=\"n\">2</td><td class=\"n\">2</td>"
                                   "<td>postgres, snuba</td></tr>"));
}

TEST_CASE("html report: suspicious imports, diagnostics and explain chains", "[report][html]") {
  const std::string page = classification_to_html(test::sample_classification(), sample_rules(), sample_plan());
  CHECK_THAT(page, Catch::Contains("<section id=\"suspicious\" data-count=\"1\">"));
  CHECK_THAT(page, Catch::Contains("<tr class=\"suspicious\"><td><code>tests/sentry/test_empty.py</code></td>"
                                   "<td class=\"n\">2</td><td><code>sentry.snuba.dataset</code></td><td>Dataset</td>"
                                   "<td>snuba</td>"));
  CHECK_THAT(page, Catch::Contains("<section id=\"diagnostics\" data-count=\"1\">"));
  CHECK_THAT(page, Catch::Contains("<li><code>tests/broken.py:3:5</code> warning TT901 syntax error</li>"));
  // A test's chain, as `testtier explain` prints it, escaped; the test's name without its file.
  CHECK_THAT(page, Catch::Contains("<code>EventsTest::test_get</code> <span class=\"svc\">postgres, snuba</span>"
                                   "</summary><pre>tests/snuba/test_a.py::EventsTest::test_get (line 12)\n"));
  CHECK_THAT(page, Catch::Contains("      -&gt; EventsBase (tests/snuba/base.py:4)\n"));
  CHECK_THAT(page, Catch::Contains("<code>test_store[&quot;x&quot;,y]</code>"));
  CHECK_THAT(page, Catch::Contains("    not no_services: it lacks postgres, snuba\n"));
  CHECK_THAT(page, Catch::Contains("<summary>Why this file is in snuba_tier</summary><pre>tests/snuba/test_a.py\n"));
}

TEST_CASE("html report: names from files cannot add markup", "[report][html]") {
  Classification result = test::sample_classification();
  const std::string hostile = "tests/<img onerror=alert(1)>/te'st_\"a\"&b\n.py";
  result.files[0].path = hostile;
  result.files[0].tests[0].id = hostile + "::test_<em>";
  result.files[0].tests[0].tier = "<tier>";
  result.diagnostics[0].message = "</pre><script>";
  const std::string page = classification_to_html(result, sample_rules(), sample_plan());
  CHECK_THAT(page, !Catch::Contains("<img") && !Catch::Contains("<em>") && !Catch::Contains("<tier>") &&
                       !Catch::Contains("<script>") && !Catch::Contains("te'st"));
  CHECK_THAT(page, Catch::Contains("tests/&lt;img onerror=alert(1)&gt;/te&#39;st_&quot;a&quot;&amp;b\\n.py"));
  // A tier the rules do not order comes after theirs, with a colour of its own.
  CHECK_THAT(page, Catch::Contains("<i class=\"sw t4\"></i><span class=\"tier\">&lt;tier&gt;</span>"));
  CHECK_THAT(page, Catch::Contains(".t4{background:#CC79A7}"));
}

TEST_CASE("html report: an empty repository still gives a whole page", "[report][html]") {
  Classification empty;
  empty.tier_order = {"no_services"};
  const std::string page = classification_to_html(empty, sample_rules(), Plan{});
  CHECK_THAT(page, Catch::Contains("data-files=\"0\" data-tests=\"0\""));
  CHECK_THAT(page, Catch::Contains("<p>No test file.</p>"));
  CHECK_THAT(page, Catch::Contains("<b>0.0 min saved per run</b> (0%)"));
  CHECK_THAT(page, Catch::EndsWith("</html>\n"));
}
