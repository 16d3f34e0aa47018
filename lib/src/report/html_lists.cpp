#include "report/html_lists.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "report/explain.hpp"
#include "report/html.hpp"
#include "report/summary.hpp"

namespace testtier::report {
namespace {

/// Return `services` as the page lists them: "postgres, snuba", or "no services".
std::string services_text(const std::vector<std::string>& services) {
  return services.empty() ? std::string("no services") : html_text(joined(services, ", "));
}

/// Return the swatch and name of `tier`.
std::string tier_badge(const std::string& tier, const std::vector<std::string>& tiers) {
  return fmt::format("<i class=\"sw {}\"></i><span class=\"tier\">{}</span>", tier_class(tier, tiers), html_text(tier));
}

/// Return the part of test `id` after its file's path: "Class::test" or "test".
std::string_view test_name(const std::string& id, const std::string& path) {
  std::string_view name = id;
  if (name.starts_with(path) && name.substr(path.size()).starts_with("::")) name.remove_prefix(path.size() + 2);
  return name;
}

std::string test_item(const TestResult& test, const FileResult& file, const Rules& rules,
                      const std::vector<std::string>& tiers) {
  return fmt::format(
      "<li><details class=\"test\" data-tier=\"{}\"><summary>{} <code>{}</code> <span class=\"svc\">{}</span>"
      "</summary><pre>{}</pre></details></li>\n",
      html_text(test.tier), tier_badge(test.tier, tiers), html_text(test_name(test.id, file.path)),
      services_text(test.services), html_lines(explain_test(test, rules)));
}

std::string file_item(const FileResult& file, const Rules& rules, const std::vector<std::string>& tiers) {
  std::string out = fmt::format(
      "<details class=\"file\" data-tier=\"{}\" data-tests=\"{}\"><summary>{} <code>{}</code> "
      "<span class=\"svc\">{}</span> <span class=\"count\">{}</span></summary>\n"
      "<details class=\"why\"><summary>Why this file is in {}</summary><pre>{}</pre></details>\n",
      html_text(file.tier), file.tests.size(), tier_badge(file.tier, tiers), html_text(file.path),
      services_text(file.services), count_of(file.tests.size(), "test"), html_text(file.tier),
      html_lines(explain_file(file, rules, false)));
  if (!file.tests.empty()) {
    out += "<ul class=\"tests\">\n";
    for (const TestResult& test : file.tests) out += test_item(test, file, rules, tiers);
    out += "</ul>\n";
  }
  return out + "</details>\n";
}

std::string suspicious_row(const FileResult& file, const SuspiciousImport& imported) {
  return fmt::format(
      "<tr class=\"suspicious\"><td><code>{}</code></td><td class=\"n\">{}</td><td><code>{}</code></td><td>{}</td>"
      "<td>{}</td><td>{}</td><td>{}</td></tr>\n",
      html_text(file.path), imported.line, html_text(imported.module), html_text(joined(imported.names, ", ")),
      html_text(imported.service), html_text(file.tier),
      imported.called ? "a name from it is called" : "types or constants only");
}

}  // namespace

std::string tier_class(const std::string& tier, const std::vector<std::string>& tiers) {
  const auto found = std::find(tiers.begin(), tiers.end(), tier);
  return found == tiers.end() ? std::string("tx") : fmt::format("t{}", found - tiers.begin());
}

std::string suspicious_section(const Classification& result) {
  std::size_t count = 0;
  std::string rows;
  for (const FileResult& file : result.files) {
    for (const SuspiciousImport& imported : file.suspicious) {
      rows += suspicious_row(file, imported);
      ++count;
    }
  }
  std::string out = fmt::format("<section id=\"suspicious\" data-count=\"{}\">\n<h2>Suspicious imports to review</h2>\n",
                                count);
  if (count == 0) return out + "<p>No test file imports a module of a service it does not declare.</p>\n</section>\n";
  out += fmt::format(
      "<p>{} of a module the rules name as a service's, in files that do not declare that service: each may be "
      "a need the classification misses, or only types and constants.</p>\n",
      count_of(count, "import"));
  out += "<table>\n<tr><th>file</th><th class=\"n\">line</th><th>module</th><th>names</th><th>service</th>"
         "<th>file's tier</th><th>use</th></tr>\n";
  return out + rows + "</table>\n</section>\n";
}

std::string diagnostics_section(const Classification& result) {
  const std::size_t count = result.diagnostics.size();
  std::string out = fmt::format("<section id=\"diagnostics\" data-count=\"{}\">\n<h2>Input problems</h2>\n", count);
  if (count == 0) return out + "<p>None: every file was read and parsed.</p>\n</section>\n";
  out += fmt::format("<details><summary>{}</summary>\n<ul>\n", count_of(count, "diagnostic"));
  for (const Diagnostic& d : result.diagnostics) {
    // A run's own problem has no path (as on stderr, it is the program's).
    const std::string where = d.path.empty() ? std::string("testtier")
                                             : fmt::format("{}:{}:{}", d.path, d.location.line, d.location.column);
    out += fmt::format("<li><code>{}</code> {} {} {}</li>\n", html_text(where), to_string(d.severity),
                       html_text(d.code), html_text(d.message));
  }
  return out + "</ul>\n</details>\n</section>\n";
}

std::string files_section(const Classification& result, const Rules& rules, const std::vector<std::string>& tiers) {
  std::string out = fmt::format(
      "<section id=\"files\">\n<h2>Test files</h2>\n<p class=\"muted\">{}, by path. Open a file for its tests, a "
      "test for the chain of each service it needs (what <code>testtier explain</code> prints).</p>\n",
      count_of(result.files.size(), "file"));
  for (const FileResult& file : result.files) out += file_item(file, rules, tiers);
  return out + "</section>\n";
}

}  // namespace testtier::report
